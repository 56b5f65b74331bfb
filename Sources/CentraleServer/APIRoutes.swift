import CentraleAPI
import CentraleDomain
import CentraleFormats
import CentraleOffice
import CentraleRendering
import CentraleStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOPosix

/// The JSON API under `/api/v1`: what an association does, and the monitoring table's reports.
/// Every store call runs on NIO's blocking thread pool, off the event loops.
struct APIRoutes {
    let store: Store
    let settings: ServerSettings

    func add(to group: RouterGroup<CentraleRequestContext>) {
        group.get("whoami") { _, context in
            let t = try context.requireToken()
            return JSONBody.response(WhoAmI(token: t.id, role: t.role, association: t.association, owner: t.owner))
        }
        group.get("trips") { request, context in try await trips(request, context) }
        group.get("trips/:id") { request, context in try await trip(request, context) }
        group.get("log-template") { request, context in
            _ = try context.require(.ownAssociationWork)
            let dialect = try Self.choice(request.uri.queryParameters["dialect"], default: CSVDialect.excel)
            return JSONBody.text(Office.logTemplate(dialect: dialect), contentType: "text/csv; charset=utf-8")
        }
        group.post("logs") { request, context in try await submit(request, context) }
        group.post("trips/:id/confirmation") { request, context in try await confirm(request, context) }
        group.post("trips/:id/decline") { request, context in try await decline(request, context) }
        group.post("trips/:id/log-amendment") { request, context in try await amend(request, context) }
        group.get("statements/:month") { request, context in try await statement(request, context) }
        group.get("reports/:month") { request, context in try await report(request, context) }
    }

    // MARK: Routes

    func trips(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        let token = try context.require(.ownAssociationWork)
        let association = try context.association(request)
        let query = request.uri.queryParameters
        let period: Period
        switch (query["date"], query["month"]) {
        case (let date?, nil): period = .day(try Self.date(date))
        case (nil, let month?): period = .month(try Self.month(month))
        default: throw APIError(.badRequest, ServerMessage.dateOrMonth)
        }
        let (format, language, dialect) = try Self.rendering(query, format: ListFormat.json)
        let office = Office(store: store, scope: token.association, language: request.language)
        let text = try await blocking { try office.trips(association: association, period: period, format: format, language: language, dialect: dialect) }
        return JSONBody.text(text, contentType: Self.contentType(format.rawValue))
    }

    func trip(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        let token = try context.require(.ownAssociationWork)
        let id = try Self.tripID(context)
        let office = Office(store: store, scope: token.association, language: request.language)
        let text = try await blocking {
            let trip = try office.trip(id).trip
            return try TripListRenderer.json(trip, outcome: try office.store.outcomes(of: [trip])[trip.id])
        }
        return JSONBody.text(text + "\n", contentType: "application/json; charset=utf-8")
    }

    func submit(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        let token = try context.require(.ownAssociationWork)
        let association = try context.association(request)
        let file = request.uri.queryParameters["file"].map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? "upload.csv"
        guard file.count <= 1024 else { throw APIError(.badRequest, ServerMessage.fileNameTooLong) }
        let body = try await Body.collect(request, settings: settings)
        let office = Office(store: store, scope: token.association, language: request.language)
        let report = try await blocking {
            try office.submitLog(body, file: file, association: association, actor: Actor(token.actorName, reason: "trip-log submission"))
        }
        return JSONBody.response(report, status: report.accepted ? .ok : .unprocessableContent)
    }

    /// A change to one of the association's trips: the token, the trip id, the JSON body (at most
    /// 64 KB), then `perform` on the store's thread pool with the office of the token's scope.
    func tripAction<Payload: Decodable & Sendable>(_ request: Request, _ context: CentraleRequestContext, _ type: Payload.Type,
                                                perform: @escaping @Sendable (Office, Int64, Payload, AccessToken) throws -> ActionReply) async throws -> Response {
        let token = try context.require(.ownAssociationWork)
        let id = try Self.tripID(context)
        let body: Payload = try Self.decode(try await Body.collect(request, settings: settings, limit: 64 * 1024))
        let office = Office(store: store, scope: token.association, language: request.language)
        return JSONBody.response(try await blocking { try perform(office, id, body, token) })
    }

    func confirm(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        try await tripAction(request, context, ConfirmationRequest.self) { office, id, body, token in
            try office.confirm(trip: id, vehicle: body.vehicle, driver: body.driver, actor: Actor(token.actorName))
        }
    }

    func decline(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        try await tripAction(request, context, DeclineRequest.self) { office, id, body, token in
            try office.decline(trip: id, association: token.association, reason: body.reason, actor: Actor(token.actorName, reason: body.reason))
        }
    }

    func amend(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        try await tripAction(request, context, AmendmentRequest.self) { office, id, body, token in
            try office.amendLog(trip: id, body, actor: Actor(token.actorName, reason: body.reason))
        }
    }

    func statement(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        let token = try context.require(.readStatements)
        let association = try context.association(request)
        let month = try Self.month(try context.parameters.require("month"))
        let query = request.uri.queryParameters
        let (format, language, dialect) = try Self.rendering(query, format: StatementFormat.json)
        let office = Office(store: store, scope: token.association, language: request.language)
        let text = try await blocking { try office.statement(association: association, month: month, format: format, language: language, dialect: dialect) }
        return JSONBody.text(text, contentType: Self.contentType(format.rawValue))
    }

    func report(_ request: Request, _ context: CentraleRequestContext) async throws -> Response {
        _ = try context.require(.readReports)
        let month = try Self.month(try context.parameters.require("month"))
        let query = request.uri.queryParameters
        let (format, language, dialect) = try Self.rendering(query, format: ReportFormat.html)
        let store = store
        let text = try await blocking {
            let status = try store.documentStatus(month: month)
            return try ReportRenderer.render(store.report(month: month), format: format, language: language, dialect: dialect, status: status)
        }
        return JSONBody.text(text, contentType: Self.contentType(format.rawValue))
    }

    // MARK: Reading the request

    static func tripID(_ context: CentraleRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else {
            throw APIError(.badRequest, ServerMessage.notTripID(String(text.escapingControlCharacters.prefix(40))))
        }
        return id
    }

    static func date(_ text: Substring) throws -> LocalDate {
        guard let date = LocalDate(text) else {
            throw APIError(.badRequest, ServerMessage.notDay(String(String(text).escapingControlCharacters.prefix(40))))
        }
        return date
    }

    static func month(_ text: some StringProtocol) throws -> YearMonth {
        guard let month = YearMonth(text) else {
            throw APIError(.badRequest, ServerMessage.notMonth(String(String(text).escapingControlCharacters.prefix(40))))
        }
        return month
    }

    /// `?format=`, `?lang=` and `?dialect=`, each with its default.
    static func rendering<F: RawRepresentable & CaseIterable>(_ query: FlatDictionary<Substring, Substring>, format: F) throws
        -> (F, Language, CSVDialect) where F.RawValue == String {
        (try choice(query["format"], default: format), try choice(query["lang"], default: Language.it), try choice(query["dialect"], default: CSVDialect.excel))
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: Substring?, default value: T) throws -> T where T.RawValue == String {
        guard let text else { return value }
        guard let chosen = T(rawValue: String(text)) else {
            throw APIError(.badRequest, ServerMessage.notOneOf(String(String(text).escapingControlCharacters.prefix(40)), T.allCases.map(\.rawValue)))
        }
        return chosen
    }

    static func decode<T: Decodable>(_ bytes: [UInt8]) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, ServerMessage.missingKey(key.stringValue, example: Self.example(T.self)))
        } catch {
            throw APIError(.badRequest, ServerMessage.notJSON(example: Self.example(T.self)))
        }
    }

    static func example<T>(_ type: T.Type) -> String {
        switch type {
        case is ConfirmationRequest.Type: #"{"vehicle": "FP123AB", "driver": "V017"}"#
        case is AmendmentRequest.Type: #"{"reason": "odometer misread", "km": "23,4"}"#
        default: #"{"reason": "…"}"#
        }
    }

    static func contentType(_ format: String) -> String {
        switch format {
        case "json": "application/json; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        default: "text/plain; charset=utf-8"
        }
    }
}

/// Runs blocking store work on NIO's thread pool; its errors become HTTP answers.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    do {
        return try await NIOThreadPool.singleton.runIfActive(work)
    } catch {
        throw APIError.from(error)
    }
}

/// Reading a request's body within the server's limits.
enum Body {
    /// The body's bytes: refused with 413 when its declared or actual size is over the limit
    /// (a declared size is refused before reading anything), 408 when it comes too slowly.
    static func collect(_ request: Request, settings: ServerSettings, limit: Int? = nil) async throws -> [UInt8] {
        let limit = min(limit ?? settings.maxBodyBytes, settings.maxBodyBytes)
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError(.contentTooLarge, ServerMessage.bodyDeclaredTooLarge(bytes: declared, limit: limit))
        }
        let original = request
        let timeout = settings.bodyTimeout
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                do {
                    var request = original
                    let buffer = try await request.collectBody(upTo: limit)
                    return Array(buffer.readableBytesView)
                } catch let error as HTTPError where error.status == .contentTooLarge {
                    throw APIError(.contentTooLarge, ServerMessage.bodyTooLarge(limit: limit))
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else {
                throw APIError(.requestTimeout, ServerMessage.bodyTimeout("\(timeout)"))
            }
            return bytes
        }
    }
}
