import ArgumentParser
import CentraleFormats
import CentraleServer
import CentraleStore
import Dispatch
import Foundation
import Logging
import Synchronization

/// `centrale serve`: the server the associations reach from their offices.
struct ServeCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "serve",
        abstract: localized(it: "Mette la base dati a disposizione delle associazioni: l'API JSON, la pagina, /health.",
                            en: "Serve the database to the associations: the JSON API, the page, /health."),
        discussion: localized(it: """
            L'API è sotto /api/v1 (descritta in /openapi.yaml); la pagina per le associazioni senza la CLI è in /. \
            Ogni richiesta deve presentare un codice di accesso rilasciato con `centrale token issue`. Sullo standard error va \
            una riga per richiesta. SIGTERM o Ctrl-C fermano il server dopo le richieste in corso. La TUI e la CLI continuano a \
            lavorare sulla stessa base dati nello stesso momento.
            """, en: """
            The API is under /api/v1 (described at /openapi.yaml); the page for associations without the CLI is at /. \
            Every request needs a token from `centrale token issue`. One line per request goes to standard error. \
            SIGTERM or Ctrl-C stops it after the requests under way. The TUI and the CLI keep working on the same \
            database at the same time.
            """)
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "L'indirizzo su cui ascoltare (127.0.0.1: solo questo computer).", en: "The address to listen on (127.0.0.1: only this machine)."),
                               valueName: localized(it: "indirizzo", en: "host"))) var host: String = "127.0.0.1"
    @Option(help: ArgumentHelp(localized(it: "La porta.", en: "The port."), valueName: localized(it: "porta", en: "port"))) var port: Int = 8080
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp(localized(it: "Una catena di certificati PEM, per HTTPS.", en: "A PEM certificate chain, for HTTPS."), valueName: "file")) var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp(localized(it: "La chiave privata PEM del certificato.", en: "The certificate's PEM private key."), valueName: "file")) var tlsKey: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(localized(it: "--port deve essere tra 0 e 65535", en: "--port must be between 0 and 65535")) }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError(localized(it: "indica --tls-cert e --tls-key insieme", en: "give --tls-cert and --tls-key together")) }
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
            context.printError(CLIMessage.servingInClear.text(try context.language))
        }
        let console = context.console, language = try context.language
        let app = try CentraleServer.application(store: store, settings: settings, logger: logger, onRunning: { port in
            console.err(CLIMessage.serving(path: store.path, url: "\(scheme)://\(host):\(port)").text(language) + "\n")
        })
        let failure = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw ServerStartFailure(error: error, host: host, port: port) }
        context.printError(CLIMessage.serverStopped.text(language))
    }
}

/// The server could not start or stopped on an error.
struct ServerStartFailure: Error, Message {
    let error: any Error
    let host: String
    let port: Int
    var italian: String {
        "il server si è fermato: \(error); se la porta è occupata, scegline un'altra con --port (ora \(host):\(port))"
    }
    var english: String {
        "the server stopped: \(error); if the port is taken, choose another with --port (now \(host):\(port))"
    }
}
