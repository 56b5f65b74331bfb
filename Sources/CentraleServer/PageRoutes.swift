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
            try await page(request) {
                switch try await cookieToken(request, context) {
                case .valid: return redirect("/app")
                case .none: return try render(.login(error: nil), language(request))
                case .invalid: return try expired(language(request), stillThere: false)
                }
            }
        }
        router.post("/login") { request, context in try await page(request) { try await login(request, context) } }
        router.post("/logout") { _, _ in
            var response = redirect("/")
            response.headers[values: .setCookie] = [Self.clearCookie]
            return response
        }
        router.get("/app") { request, context in
            try await page(request) {
                switch try await cookieToken(request, context) {
                case .valid(let token): return try render(.home(who: Self.who(token), month: Self.currentMonth(store)), language(request))
                case .none: return redirect("/")
                case .invalid: return try expired(language(request), stillThere: false)
                }
            }
        }
        router.post("/app/logs") { request, context in try await page(request) { try await upload(request, context) } }
        router.get("/app/statement") { request, context in try await page(request) { try await download(request, context, statement: true) } }
        router.get("/app/trips") { request, context in try await page(request) { try await download(request, context, statement: false) } }
    }

    static let clearCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// Runs a page's route; what goes wrong is shown as a page in the user's language, not as JSON.
    func page(_ request: Request, _ route: () async throws -> Response) async throws -> Response {
        do {
            return try await route()
        } catch {
            let answer = APIError.from(error)
            let language = language(request)
            return try render(.problem(who: nil, message: Self.pageMessage(answer, language)), language, status: answer.status, headers: answer.headers)
        }
    }

    /// The message of a refusal for a person at the page: the common ones in their language.
    static func pageMessage(_ answer: APIError, _ language: Language) -> String {
        let it = language == .it
        switch answer.status {
        case .tooManyRequests:
            let wait = answer.headers[.retryAfter] ?? "60"
            return it ? "Troppi tentativi non riusciti da questo indirizzo: riprova tra \(wait) secondi."
                      : "Too many failed attempts from this address: try again in \(wait) seconds."
        case .contentTooLarge:
            return it ? "Il file supera i 50 MB ammessi: dividilo per mese e invia ogni parte." : "The file is over the 50 MB allowed: split it by month and send each part."
        case .requestTimeout:
            return it ? "Il file non è arrivato in tempo: invialo di nuovo." : "The file did not arrive in time: send it again."
        default:
            return answer.message.text(language)
        }
    }

    /// The cookie has a token that is no longer valid: it is cleared, and the person asked to log in again.
    func expired(_ language: Language, stillThere: Bool) throws -> Response {
        let message = language == .it
            ? "Accesso scaduto o revocato: inserisci di nuovo il codice di accesso" + (stillThere ? "; il file non è stato inviato, invialo dopo l'accesso." : ".")
            : "Access expired or revoked: enter the access token again" + (stillThere ? "; the file was not sent, send it after logging in." : ".")
        return try render(.login(error: message), language, status: .unauthorized, headers: [.setCookie: Self.clearCookie])
    }

    // MARK: Routes

    func login(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        try attempts.check(context.client)
        let form = Self.form(try await Body.collect(request, settings: settings, limit: 4096))
        let language = form["lang"].flatMap(Language.init(rawValue:)) ?? .it
        let presented = (form["token"] ?? "").trimmingCharacters(in: .whitespaces)
        let store = store
        guard let token = try await blocking({ try store.accessToken(presented: presented) }) else {
            attempts.recordFailure(context.client)
            let message = language == .it ? "Codice di accesso non valido (sconosciuto, scaduto o revocato): chiedine uno nuovo alla centrale."
                                          : "The token is not valid (unknown, expired or revoked): ask the centre for a new one."
            return try render(.login(error: message), language, status: .unauthorized)
        }
        guard token.role == .association else {
            let message = language == .it
                ? "Questa pagina è per le associazioni; il codice del \(token.role.italianName) si usa con l'API (/api/v1) o con il programma centrale."
                : "This page is for associations; \(token.role.withArticle) token works with the API (/api/v1) or the centrale program."
            return try render(.login(error: message), language, status: .forbidden)
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
        let language = language(request)
        let token: AccessToken
        switch try await cookieToken(request, context) {
        case .valid(let valid): token = valid
        case .none: return redirect("/")
        case .invalid: return try expired(language, stillThere: true)
        }
        guard let code = token.association else { return redirect("/") }
        guard let contentType = request.headers[.contentType], let boundary = Multipart.boundary(contentType: contentType) else {
            throw APIError(.badRequest, ServerMessage.notMultipart)
        }
        // The form around the file adds a little to its 50 MB.
        var limits = settings
        limits.maxBodyBytes = settings.maxBodyBytes + 1_000_000
        let body = try await Body.collect(request, settings: limits)
        guard let part = try await blocking({ Multipart.parts(of: body, boundary: boundary)?.first(where: { $0.name == "file" }) }) else {
            throw APIError(.badRequest, ServerMessage.noFile)
        }
        let file = String((part.fileName ?? "upload.csv").split(separator: "/").last ?? "upload.csv").prefix(255)
        let office = Office(store: store, scope: code, language: language)
        let report = try await blocking {
            try office.submitLog(part.data, file: String(file), association: code, actor: Actor(token.actorName, reason: "trip-log submission"))
        }
        let output = report.output(language)
        let summary = report.summary(language)
        let lines = report.accepted ? Array(output.out.dropFirst()) : Array(output.err.dropLast())
        return try render(.result(who: Self.who(token), file: String(file), accepted: report.accepted, summary: summary, lines: lines), language,
                          status: report.accepted ? .ok : .unprocessableContent)
    }

    func download(_ request: Request, _ context: CentraleRequestContext, statement: Bool) async throws -> Response {
        let language = language(request)
        guard case .valid(let token) = try await cookieToken(request, context), let code = token.association else { return redirect("/") }
        let query = request.uri.queryParameters
        guard let month = Self.month(String(query["month"] ?? "")) else {
            throw APIError(.badRequest, ServerMessage.pageMonth)
        }
        let office = Office(store: store, scope: code, language: language)
        if statement {
            let format = try APIRoutes.choice(query["format"], default: StatementFormat.html)
            let text = try await blocking { try office.statement(association: code, month: month, format: format, language: language, dialect: .excel) }
            return attachment(text, name: "rendiconto-\(code)-\(month).\(format.rawValue)", contentType: APIRoutes.contentType(format.rawValue))
        }
        let text = try await blocking { try office.trips(association: code, period: .month(month), format: .csv, language: language, dialect: .excel) }
        return attachment(text, name: "viaggi-\(code)-\(month).csv", contentType: APIRoutes.contentType("csv"))
    }

    // MARK: Helpers

    /// What the page's cookie holds.
    enum CookieToken {
        case none
        case valid(AccessToken)
        /// A token no longer valid (expired, revoked), or not an association's.
        case invalid
    }

    /// The association's token of the cookie. A cookie whose token is not valid counts as a
    /// failed attempt, as a bad token at the login does, but the page still answers (it asks to
    /// log in again) rather than locking the office out.
    func cookieToken(_ request: Request, _ context: CentraleRequestContext) async throws -> CookieToken {
        guard let presented = TokenAuthentication.cookie(Self.cookieName, in: request) else { return .none }
        let store = store
        guard let token = try await blocking({ try store.accessToken(presented: presented) }), token.role == .association else {
            attempts.recordFailure(context.client)
            return .invalid
        }
        return .valid(token)
    }

    /// A month as the page's field gives it (`2026-03`) or as a person types it (`03/2026`, `3/2026`):
    /// the latter rewritten as the former, so that `YearMonth`'s one parser (and its years) decides.
    static func month(_ text: String) -> YearMonth? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return YearMonth(text) }
        return YearMonth("\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])")
    }

    func language(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return lang }
        return TokenAuthentication.cookie(Self.languageCookie, in: request).flatMap(Language.init(rawValue:)) ?? .it
    }

    func render(_ view: PageRenderer.View, _ language: Language, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        fields[.xContentTypeOptions] = "nosniff"
        return JSONBody.text(try PageRenderer.render(view, language: language), contentType: "text/html; charset=utf-8", status: status, headers: fields)
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
