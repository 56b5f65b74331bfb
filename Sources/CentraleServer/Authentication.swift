import CentraleAPI
import CentraleDomain
import CentraleStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOPosix
import Synchronization

/// The failed-attempt limiter shared by every request, with the server's clock.
final class AttemptGuard: Sendable {
    private let limiter: Mutex<FailedAttemptLimiter>
    private let now: @Sendable () -> Double

    init(limit: Int, window: Double, now: @escaping @Sendable () -> Double) {
        limiter = Mutex(FailedAttemptLimiter(limit: limit, window: window))
        self.now = now
    }

    /// Throws 429 when `client` has failed too often lately.
    func check(_ client: String) throws {
        let time = now()
        if let wait = limiter.withLock({ $0.retryAfter(client, now: time) }) {
            throw APIError(.tooManyRequests, ServerMessage.tooManyFailures(waitSeconds: wait),
                           headers: [.retryAfter: String(wait)])
        }
    }

    func recordFailure(_ client: String) {
        let time = now()
        limiter.withLock { $0.recordFailure(client, now: time) }
    }
}

/// Finds the token a request presents (`Authorization: Bearer …`, or the page's cookie), checks
/// it against the store, and puts it in the context; refuses with 401 (429 after repeated failures).
struct TokenAuthentication: RouterMiddleware {
    typealias Context = CentraleRequestContext
    let store: Store
    let attempts: AttemptGuard

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try attempts.check(context.client)
        guard let presented = Self.presentedToken(request) else {
            attempts.recordFailure(context.client)
            throw APIError(.unauthorized, ServerMessage.noToken(help: true),
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        let store = store
        guard let token = try await NIOThreadPool.singleton.runIfActive({ try store.accessToken(presented: presented) }) else {
            attempts.recordFailure(context.client)
            throw APIError(.unauthorized, ServerMessage.invalidToken,
                           headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""])
        }
        var context = context
        context.token = token
        context.logger[metadataKey: "token"] = "\(token.id)"
        return try await next(request, context)
    }

    /// The bearer token, else the page's cookie.
    static func presentedToken(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        return cookie(PageRoutes.cookieName, in: request)
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name, !parts[1].isEmpty { return parts[1] }
            }
        }
        return nil
    }
}

/// What each role may do.
enum Permission {
    case ownAssociationWork  // trips, logs, confirmations, statements of an association
    case readStatements
    case readReports

    func allows(_ role: TokenRole) -> Bool {
        switch (self, role) {
        case (_, .dispatcher): true
        case (.ownAssociationWork, .association), (.readStatements, .association): true
        case (.readStatements, .monitoring), (.readReports, .monitoring): true
        default: false
        }
    }
}

extension CentraleRequestContext {
    /// The token, if its role has `permission`; else 403.
    func require(_ permission: Permission) throws -> AccessToken {
        let token = try requireToken()
        guard permission.allows(token.role) else {
            throw APIError(.forbidden, ServerMessage.wrongRole(token.role))
        }
        return token
    }

    /// The association a request acts for: an association's token acts for its own (another
    /// one named in `?association=` reads as unknown); other roles name it.
    func association(_ request: Request) throws -> String {
        let token = try requireToken()
        let asked = request.uri.queryParameters["association"].map(String.init)
        if let own = token.association {
            if let asked, asked.uppercased() != own { throw StoreError.notFound(entity: .association, id: asked) }
            return own
        }
        guard let asked, !asked.isEmpty else {
            throw APIError(.badRequest, ServerMessage.nameAssociation(token.role))
        }
        return asked.uppercased()
    }
}
