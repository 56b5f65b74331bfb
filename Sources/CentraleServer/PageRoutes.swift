import CentraleAPI
import CentraleDomain
import CentraleFormats
import CentraleOffice
import CentraleRendering
import CentraleStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The page for associations without the CLI: plain HTML forms, the token kept in an HttpOnly,
/// SameSite=Strict cookie after logging in.
struct PageRoutes {
    static let cookieName = "centrale_token"
    static let languageCookie = "centrale_lang"
    let store: Store
    let settings: ServerSettings
    let attempts: AttemptGuard

    func add(to router: Router<CentraleRequestContext>) {
        router.get("/") { request, context in
            if try await token(request, context) != nil { return redirect("/app") }
            return try page(.login(error: nil), language(request))
        }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { _, _ in
            var response = redirect("/")
            response.headers[values: .setCookie] = ["\(Self.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"]
            return response
        }
        router.get("/app") { request, context in
            guard let token = try await association(request, context) else { return redirect("/") }
            return try page(.home(who: Self.who(token), month: Self.currentMonth(store)), language(request))
        }
        router.post("/app/logs") { request, context in try await upload(request, context) }
        router.get("/app/statement") { request, context in try await download(request, context, statement: true) }
        router.get("/app/trips") { request, context in try await download(request, context, statement: false) }
    }

    // MARK: Routes

    func login(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        try attempts.check(context.client)
        let form = Self.form(try await Body.collect(request, settings: settings, limit: 4096))
        let language = form["lang"].flatMap(Language.init(rawValue:)) ?? .it
        let presented = (form["token"] ?? "").trimmingCharacters(in: .whitespaces)
        let store = store
        guard let token = try await blocking({ try store.accessToken(presented: presented) }), token.role == .association else {
            attempts.recordFailure(context.client)
            let message = language == .it ? "Codice di accesso non valido (sconosciuto, scaduto o revocato): chiedine uno nuovo alla centrale."
                                          : "The token is not valid (unknown, expired or revoked): ask the centre for a new one."
            return try page(.login(error: message), language, status: .unauthorized)
        }
        var response = redirect("/app")
        let secure = settings.tlsCertificate != nil ? "; Secure" : ""
        response.headers[values: .setCookie] = [
            "\(Self.cookieName)=\(presented); Path=/; HttpOnly; SameSite=Strict\(secure)",
            "\(Self.languageCookie)=\(language.rawValue); Path=/; SameSite=Strict\(secure)",
        ]
        return response
    }

    func upload(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        guard let token = try await association(request, context), let code = token.association else { return redirect("/") }
        let language = language(request)
        guard let contentType = request.headers[.contentType], let boundary = Multipart.boundary(contentType: contentType) else {
            throw APIError(.badRequest, "send the form as multipart/form-data")
        }
        let body = try await Body.collect(request, settings: settings)
        guard let part = Multipart.parts(of: body, boundary: boundary)?.first(where: { $0.name == "file" }) else {
            throw APIError(.badRequest, "the form has no file; choose the trip-log file and submit again")
        }
        let file = String((part.fileName ?? "upload.csv").split(separator: "/").last ?? "upload.csv").prefix(255)
        let office = Office(store: store, scope: code)
        let report = try await blocking {
            try office.submitLog(part.data, file: String(file), association: code, actor: Actor(token.actorName, reason: "trip-log submission"))
        }
        let output = report.output
        let summary = report.accepted ? output.out.first ?? "" : output.err.last ?? ""
        let lines = report.accepted ? Array(output.out.dropFirst()) : Array(output.err.dropLast())
        return try page(.result(who: Self.who(token), file: String(file), accepted: report.accepted, summary: summary, lines: lines), language,
                        status: report.accepted ? .ok : .unprocessableContent)
    }

    func download(_ request: Request, _ context: CentraleRequestContext, statement: Bool) async throws -> Response {
        guard let token = try await association(request, context), let code = token.association else { return redirect("/") }
        let query = request.uri.queryParameters
        let month = try APIRoutes.month(query["month"] ?? "")
        let language = language(request)
        let office = Office(store: store, scope: code)
        if statement {
            let format = try APIRoutes.choice(query["format"], default: StatementFormat.html)
            let text = try await blocking { try office.statement(association: code, month: month, format: format, language: language, dialect: .excel) }
            return attachment(text, name: "rendiconto-\(code)-\(month).\(format.rawValue)", contentType: APIRoutes.contentType(format.rawValue))
        }
        let text = try await blocking { try office.trips(association: code, period: .month(month), format: .csv, language: language, dialect: .excel) }
        return attachment(text, name: "viaggi-\(code)-\(month).csv", contentType: APIRoutes.contentType("csv"))
    }

    // MARK: Helpers

    /// The valid token of the cookie, if any. A cookie with a token that is not valid counts as a
    /// failed attempt, as a bad token at the login does.
    func token(_ request: Request, _ context: CentraleRequestContext) async throws -> AccessToken? {
        guard let presented = TokenAuthentication.cookie(Self.cookieName, in: request) else { return nil }
        try attempts.check(context.client)
        let store = store
        guard let token = try await blocking({ try store.accessToken(presented: presented) }) else {
            attempts.recordFailure(context.client)
            return nil
        }
        return token
    }

    /// The cookie's token if it is an association's.
    func association(_ request: Request, _ context: CentraleRequestContext) async throws -> AccessToken? {
        guard let token = try await token(request, context), token.role == .association else { return nil }
        return token
    }

    func language(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return lang }
        return TokenAuthentication.cookie(Self.languageCookie, in: request).flatMap(Language.init(rawValue:)) ?? .it
    }

    func page(_ view: PageRenderer.View, _ language: Language, status: HTTPResponse.Status = .ok) throws -> Response {
        JSONBody.text(try PageRenderer.render(view, language: language), contentType: "text/html; charset=utf-8", status: status,
                      headers: [.contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
                                .xContentTypeOptions: "nosniff"])
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    func attachment(_ text: String, name: String, contentType: String) -> Response {
        JSONBody.text(text, contentType: contentType, headers: [.contentDisposition: "attachment; filename=\"\(name)\""])
    }

    static func who(_ token: AccessToken) -> String { token.association.map { "\(token.owner) (\($0))" } ?? token.owner }

    static func currentMonth(_ store: Store) -> String {
        store.today().yearMonth.description
    }

    /// An `application/x-www-form-urlencoded` body's fields.
    static func form(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}
