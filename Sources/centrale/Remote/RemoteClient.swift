import ArgumentParser
import AsyncHTTPClient
import CentraleAPI
import CentraleFormats
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// `--server URL --token T` (or `CENTRALE_SERVER`, `CENTRALE_TOKEN`): the association commands
/// run on the centre's server instead of a database file.
struct RemoteOptions: ParsableArguments {
    @Option(help: ArgumentHelp(localized(it: "Il server della centrale, es. https://centrale.example.it (predefinito: $CENTRALE_SERVER): il comando viene eseguito lì, per l'associazione del codice di accesso.",
                                         en: "The centre's server, e.g. https://centrale.example.it (default: $CENTRALE_SERVER): the command runs there, for the token's association."),
                               valueName: "url"))
    var server: String?

    @Option(help: ArgumentHelp(localized(it: "Il codice di accesso per --server (predefinito: $CENTRALE_TOKEN).", en: "The access token for --server (default: $CENTRALE_TOKEN)."), valueName: localized(it: "codice", en: "token")))
    var token: String?

    @Option(name: .customLong("ca-file"),
            help: ArgumentHelp(localized(it: "Un certificato PEM di cui fidarsi, per un server https:// con un certificato proprio (predefinito: $CENTRALE_CA_FILE).",
                                         en: "A PEM certificate to trust for an https:// server with a certificate of its own (default: $CENTRALE_CA_FILE)."), valueName: "file"))
    var caFile: String?
}

/// The CLI as the server's client: one request at a time, synchronous, with the server's
/// refusals thrown as the errors the local command would have printed.
struct RemoteClient {
    /// The server's address, without a trailing slash.
    let base: String
    let token: String
    /// A PEM certificate to trust besides the system's (a server with a self-made certificate).
    var caFile: String? = nil
    /// The language the server is asked to answer in (`Accept-Language`).
    var language: Language = .it
    /// Where the progress of a large upload goes (standard error).
    let progress: @Sendable (String) -> Void

    struct Reply {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do { return try JSONDecoder().decode(type, from: Data(body)) } catch {
                throw RemoteFailure(.unexpectedAnswer("\(error)"))
            }
        }
    }

    /// The client for the options and the environment, or nil when no server is named.
    static func from(_ options: RemoteOptions, environment: [String: String], console: Console, language: Language) throws -> RemoteClient? {
        let server = options.server ?? environment["CENTRALE_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        let token = options.token ?? environment["CENTRALE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        guard let server else {
            if options.token != nil { throw RemoteFailure(.tokenWithoutServer) }
            return nil
        }
        guard let url = URL(string: server), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw RemoteFailure(.notAnAddress(server.escapingControlCharacters))
        }
        guard let token else { throw RemoteFailure(.noToken) }
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        let caFile = options.caFile ?? environment["CENTRALE_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw RemoteFailure(.unreadableCertificate(caFile.escapingControlCharacters))
        }
        return RemoteClient(base: base, token: token, caFile: caFile, language: language, progress: console.err)
    }

    func get(_ path: String, query: [(String, String?)] = []) throws -> Reply {
        try execute(.GET, path, query: query, body: nil, contentType: nil)
    }

    func post(_ path: String, query: [(String, String?)] = [], body: [UInt8], contentType: String, showProgress: Bool = false) throws -> Reply {
        try execute(.POST, path, query: query, body: body, contentType: contentType, showProgress: showProgress)
    }

    func post<T: Encodable>(_ path: String, json value: T) throws -> Reply {
        try post(path, body: Array(try JSONEncoder().encode(value)), contentType: "application/json")
    }

    /// Sends a request; answers of 401, 403, 404 and the other refusals are thrown with the
    /// server's message, unless `accepting` lists the status.
    private func execute(_ method: HTTPMethod, _ path: String, query: [(String, String?)], body: [UInt8]?, contentType: String?,
                         showProgress: Bool = false) throws -> Reply {
        var components = URLComponents(string: base + path)
        let items = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        if !items.isEmpty { components?.queryItems = items }
        guard let url = components?.url?.absoluteString else { throw RemoteFailure(.badAddress(base + path)) }
        var headers = HTTPHeaders([("Authorization", "Bearer \(token)"), ("User-Agent", "centrale/\(Centrale.release)"),
                                   ("Accept-Language", language.rawValue)])
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url, method: method, headers: headers, body: body.map { uploadBody($0, showProgress: showProgress) })
        } catch {
            throw RemoteFailure(.badRequest(base, "\(error)"))
        }
        // A client of its own: a refused connection is reported at once, not retried until the deadline.
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10), read: .minutes(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        if let caFile {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(caFile)
            configuration.tlsConfiguration = tls
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        let response: HTTPClient.Response
        do {
            response = try client.execute(request: request, deadline: .now() + .minutes(10)).wait()
        } catch {
            let text = "\(error)"
            if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate") && text.contains("handshake") {
                throw RemoteFailure(.untrustedCertificate(base))
            }
            if text.contains("WRONG_VERSION_NUMBER") {
                throw RemoteFailure(.notHTTPS(base))
            }
            throw RemoteFailure(.unreachable(base, Self.reason(error)))
        }
        let reply = Reply(status: Int(response.status.code), body: response.body.map { Array($0.readableBytesView) } ?? [])
        switch reply.status {
        case 200..<300, 422 where path.hasSuffix("/logs"):
            return reply
        case 401:
            throw RemoteFailure(.tokenRefused(base, message(reply)))
        case 404 where message(reply).hasSuffix("/openapi.yaml"):
            throw RemoteFailure(.noAPI(base, path))
        default:
            throw RemoteFailure(.server(message(reply)))
        }
    }

    /// The server's message of a refusal (its `ErrorReply`), else the status.
    private func message(_ reply: Reply) -> String {
        if let error = try? JSONDecoder().decode(ErrorReply.self, from: Data(reply.body)) { return error.error }
        return (language == .it ? "il server ha risposto " : "the server answered ") + "\(reply.status) \(HTTPResponseStatus(statusCode: reply.status).reasonPhrase)"
    }

    /// A body sent in parts, with a progress line on standard error for a large one.
    private func uploadBody(_ bytes: [UInt8], showProgress: Bool) -> HTTPClient.Body {
        let total = bytes.count
        guard showProgress, total >= 1_000_000 else { return .bytes(bytes) }
        let chunk = 256 * 1024
        let progress = progress
        return .stream(contentLength: Int64(total)) { writer in
            @Sendable func write(from offset: Int, lastShown: Int) -> EventLoopFuture<Void> {
                let end = min(offset + chunk, total)
                let written = writer.write(.byteBuffer(ByteBuffer(bytes: bytes[offset..<end])))
                return written.flatMap {
                    let percent = end * 100 / total
                    var shown = lastShown
                    if percent / 10 > lastShown / 10 || end == total {
                        progress(language == .it ? String(format: "invio: %d%% (%.1f di %.1f MB)\n", percent, Double(end) / 1e6, Double(total) / 1e6)
                                                  .replacingOccurrences(of: ".", with: ",")
                                            : String(format: "sending: %d%% (%.1f of %.1f MB)\n", percent, Double(end) / 1e6, Double(total) / 1e6))
                        shown = percent
                    }
                    return end < total ? write(from: end, lastShown: shown) : written.eventLoop.makeSucceededVoidFuture()
                }
            }
            return write(from: 0, lastShown: 0)
        }
    }

    private static func reason(_ error: Error) -> ConnectionProblem {
        let text = "\(error)"
        if text.contains("Connection refused") { return .refused }
        if text.contains("/.build/") || text.contains("BoringSSL") { return .secureConnection }
        if text.lowercased().contains("timeout") || text.contains("timedOut") || text.contains("deadlineExceeded") { return .timeout }
        if text.contains("NXDOMAIN") || text.lowercased().contains("name resolution") || text.contains("getaddrinfo") { return .unknownHost }
        return .other(text.count > 160 ? String(text.prefix(160)) + "…" : text)
    }
}

/// Why a connection to the server failed, as far as the error says.
enum ConnectionProblem: Message {
    case refused, secureConnection, timeout, unknownHost
    /// Anything else, as the library said it.
    case other(String)

    var italian: String {
        switch self {
        case .refused: "connessione rifiutata"
        case .secureConnection: "la connessione sicura non è riuscita"
        case .timeout: "nessuna risposta in tempo"
        case .unknownHost: "nome dell'host sconosciuto"
        case .other(let text): text
        }
    }

    var english: String {
        switch self {
        case .refused: "connection refused"
        case .secureConnection: "the secure connection failed"
        case .timeout: "no answer in time"
        case .unknownHost: "unknown host name"
        case .other(let text): text
        }
    }
}

/// A remote command that could not be done: the server's refusal, or why the server could not
/// be reached. Printed as `error: …`, like the local command's errors.
struct RemoteFailure: Error, Message {
    let message: RemoteMessage
    init(_ message: RemoteMessage) { self.message = message }
    var italian: String { message.italian }
    var english: String { message.english }
}

/// Why a command for the server could not be done, in each language.
enum RemoteMessage: Sendable {
    case unexpectedAnswer(String)
    case tokenWithoutServer
    case notAnAddress(String)
    case noToken
    case unreadableCertificate(String)
    case badAddress(String)
    case badRequest(String, String)
    case untrustedCertificate(String)
    case notHTTPS(String)
    case unreachable(String, ConnectionProblem)
    case tokenRefused(String, String)
    case noAPI(String, String)
    /// The server's own message (already in the language asked).
    case server(String)

    var italian: String {
        switch self {
        case .unexpectedAnswer(let error):
            "la risposta del server non è quella che questa versione di centrale si aspetta (\(error)); controlla che server e CLI siano della stessa versione"
        case .tokenWithoutServer: "--token è per un server: indica anche --server URL (o imposta CENTRALE_SERVER)"
        case .notAnAddress(let server): "--server '\(server)' non è un indirizzo http:// o https://; indicane uno come https://centrale.example.it"
        case .noToken: "il server richiede il tuo codice di accesso: indica --token CODICE o imposta CENTRALE_TOKEN"
        case .unreadableCertificate(let file): "impossibile leggere il certificato \(file) indicato con --ca-file o CENTRALE_CA_FILE; controlla il percorso"
        case .badAddress(let address): "impossibile formare un indirizzo da \(address)"
        case let .badRequest(base, error): "impossibile preparare una richiesta a \(base): \(error)"
        case .untrustedCertificate(let base):
            "il server \(base) presenta un certificato di cui questo computer non si fida; se la centrale ne ha fatto uno proprio, "
                + "indicalo con --ca-file FILE (o CENTRALE_CA_FILE)"
        case .notHTTPS(let base): "il server \(base) non parla HTTPS; indica il suo indirizzo con http:// (o avvialo con --tls-cert e --tls-key)"
        case let .unreachable(base, reason):
            "impossibile raggiungere il server \(base) (\(reason.italian)); controlla --server o CENTRALE_SERVER, e che lì sia avviato `centrale serve`"
        case let .tokenRefused(base, message): "il server \(base) ha rifiutato il codice di accesso: \(message) (controlla --token o CENTRALE_TOKEN)"
        case let .noAPI(base, path): "\(base) non ha l'API di Centrale in \(path); indica l'indirizzo del server senza percorso, per esempio https://centrale.example.it:8080"
        case .server(let message): message
        }
    }

    var english: String {
        switch self {
        case .unexpectedAnswer(let error):
            "the server's answer is not what this version of centrale expects (\(error)); check that the server and the CLI are the same version"
        case .tokenWithoutServer: "--token is for a server: give --server URL too (or set CENTRALE_SERVER)"
        case .notAnAddress(let server): "--server '\(server)' is not an http:// or https:// address; give one like https://centrale.example.it"
        case .noToken: "the server needs your access token: give --token TOKEN or set CENTRALE_TOKEN"
        case .unreadableCertificate(let file): "cannot read the certificate \(file) given with --ca-file or CENTRALE_CA_FILE; check the path"
        case .badAddress(let address): "cannot make an address from \(address)"
        case let .badRequest(base, error): "cannot make a request to \(base): \(error)"
        case .untrustedCertificate(let base):
            "the server at \(base) shows a certificate this machine does not trust; if the centre made its own, "
                + "give it with --ca-file FILE (or CENTRALE_CA_FILE)"
        case .notHTTPS(let base): "the server at \(base) does not speak HTTPS; give its address with http:// (or start it with --tls-cert and --tls-key)"
        case let .unreachable(base, reason):
            "cannot reach the server at \(base) (\(reason.english)); check --server or CENTRALE_SERVER, and that `centrale serve` runs there"
        case let .tokenRefused(base, message): "the server at \(base) refused the token: \(message) (check --token or CENTRALE_TOKEN)"
        case let .noAPI(base, path): "\(base) has no Centrale API at \(path); give the server's address without a path, e.g. https://centrale.example.it:8080"
        case .server(let message): message
        }
    }
}
