import ArgumentParser
import CentraleServer
import CentraleStore
import Dispatch
import Foundation
import Logging
import Synchronization

/// `centrale serve`: the server the associations reach from their offices.
struct ServeCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the database to the associations: the JSON API, the page, /health.",
        discussion: """
            The API is under /api/v1 (described at /openapi.yaml); the page for associations without the CLI is at /. \
            Every request needs a token from `centrale token issue`. One line per request goes to standard error. \
            SIGTERM or Ctrl-C stops it after the requests under way. The TUI and the CLI keep working on the same \
            database at the same time.
            """)
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on (default: only this machine).") var host: String = "127.0.0.1"
    @Option(help: "The port.") var port: Int = 8080
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("A PEM certificate chain, for HTTPS.", valueName: "file")) var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's PEM private key.", valueName: "file")) var tlsKey: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-cert and --tls-key together") }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        _ = try context.registry  // refuse a database without its registry now, not on the first request
        var settings = ServerSettings(host: host, port: port)
        settings.tlsCertificate = tlsCert
        settings.tlsKey = tlsKey
        var logger = Logger(label: "centrale.serve")
        logger.logLevel = .info
        let scheme = tlsCert == nil ? "http" : "https"
        if tlsCert == nil && !["127.0.0.1", "localhost", "::1"].contains(host) {
            context.printError("warning: without --tls-cert and --tls-key the tokens travel in clear over the network; "
                               + "serve HTTPS, or keep --host 127.0.0.1 behind a proxy that does.")
        }
        let console = context.console
        let app = try CentraleServer.application(store: store, settings: settings, logger: logger, onRunning: { port in
            console.err("Centrale serves \(store.path) on \(scheme)://\(host):\(port) (API /api/v1, page /); stop with Ctrl-C.\n")
        })
        let failure = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw ServerStartFailure(error: error, host: host, port: port) }
        context.printError("Centrale server stopped.")
    }
}

/// The server could not start or stopped on an error.
struct ServerStartFailure: LocalizedError {
    let error: any Error
    let host: String
    let port: Int
    var errorDescription: String? {
        "the server stopped: \(error); if the port is taken, choose another with --port (now \(host):\(port))"
    }
}
