import CentraleDomain
import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's, the client's address (for the failed-attempt
/// limit and the access log) and, once authenticated, the token it presented.
struct CentraleRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address.
    let client: String
    /// The token, once the authentication middleware has accepted it.
    var token: AccessToken?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies are read explicitly, with the server's limit and timeout (`Body.collect`).
    var maxUploadSize: Int { 50_000_000 }

    /// The token, which every route behind the authentication middleware has.
    func requireToken() throws -> AccessToken {
        guard let token else { throw APIError(.unauthorized, ServerMessage.noToken(help: false)) }
        return token
    }
}
