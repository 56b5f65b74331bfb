import CentraleAPI
import CentraleStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// `centrale serve`: the associations reach the centre's database over HTTP(S). The JSON API
/// under `/api/v1` (described by `/openapi.yaml`), the page for associations without the CLI,
/// and `/health`; an access log line per request; graceful shutdown on SIGTERM and SIGINT
/// (Hummingbird's service lifecycle).
public enum CentraleServer {
    /// The application on `store`. `onRunning` is called with the port once it listens.
    public static func application(store: Store, settings: ServerSettings, logger: Logger,
                                   now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let router = Router(context: CentraleRequestContext.self)
        router.add(middleware: AccessLog(logger: logger))
        router.add(middleware: ErrorAnswers())
        let attempts = AttemptGuard(limit: settings.failureLimit, window: settings.failureWindow, now: now)

        router.get(RouterPath(stringLiteral: APIPath.health)) { _, _ in
            JSONBody.response(["status": "ok", "schema": Store.knownMigrations.last ?? "-"])
        }
        router.head(RouterPath(stringLiteral: APIPath.health)) { _, _ in Response(status: .ok) }  // for probes
        router.get(RouterPath(stringLiteral: APIPath.openAPI)) { _, _ in
            JSONBody.text(CentraleServer.openAPIDocument, contentType: "application/yaml; charset=utf-8")
        }
        let api = router.group(RouterPath(stringLiteral: APIPath.base)).add(middleware: TokenAuthentication(store: store, attempts: attempts))
        APIRoutes(store: store, settings: settings).add(to: api)
        PageRoutes(store: store, settings: settings, attempts: attempts).add(to: router)

        var server: HTTPServerBuilder = .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(settings.idleTimeout.components.seconds) * 1_000_000_000)))
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            let chain: [NIOSSLCertificate]
            let privateKey: NIOSSLPrivateKey
            do {
                chain = try NIOSSLCertificate.fromPEMFile(certificate)
                privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            } catch {
                throw ServerError("cannot read the TLS certificate \(certificate) or key \(key) (\(error)); give PEM files")
            }
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
            server = try .tls(server, tlsConfiguration: tls)
        }
        return Application(router: router, server: server,
                           configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Centrale"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) },
                           logger: logger)
    }

    /// The routes of the API and the service, as `METHOD /path` with `{parameters}`: what the
    /// OpenAPI document must describe (checked by a test). The page's routes are not API.
    public static let apiRoutes: Set<String> = [
        "GET /health", "HEAD /health", "GET /openapi.yaml", "GET /api/v1/whoami", "GET /api/v1/trips", "GET /api/v1/trips/{id}", "GET /api/v1/log-template",
        "POST /api/v1/logs", "POST /api/v1/trips/{id}/confirmation", "POST /api/v1/trips/{id}/decline", "POST /api/v1/trips/{id}/log-amendment", "GET /api/v1/statements/{month}",
        "GET /api/v1/reports/{month}",
    ]

    /// The OpenAPI 3.1 document of the API, as committed (`Sources/CentraleServer/openapi.yaml`).
    public static let openAPIDocument = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}

/// A server that cannot start, with what to do.
public struct ServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
