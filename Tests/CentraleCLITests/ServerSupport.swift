import CentraleServer
import CentraleStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with Centrale's server on `db`, listening on a free port of 127.0.0.1 (real
/// HTTP), and its address.
func withServer(_ db: String, settings: ServerSettings = ServerSettings(), now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
                _ body: @escaping @Sendable (any TestClientProtocol, String) async throws -> Void) async throws {
    let store = try Store(path: db, access: .write)
    var settings = settings
    settings.host = "127.0.0.1"
    settings.port = 0
    var logger = Logger(label: "centrale.test")
    logger.logLevel = .warning
    let app = try CentraleServer.application(store: store, settings: settings, logger: logger, now: now)
    try await app.test(.live) { client in
        try await body(client, "http://127.0.0.1:\(client.port!)")
    }
}

/// Runs a `centrale` command line in this process on a thread of its own: the CLI as a client
/// waits for the server, and must not hold one of the threads the server's tasks run on.
func centraleOffPool(_ arguments: [String], environment: [String: String] = [:]) async throws -> Run {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try centrale(arguments, environment: environment) })
        }
    }
}

/// Issues a token with the CLI and returns it.
func issueToken(_ db: String, _ arguments: [String]) throws -> String {
    let run = try centrale(["token", "issue", "--db", db] + arguments)
    guard run.status == 0 else { throw TestFailure("token issue failed: \(run.stderr)") }
    return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Sends raw bytes to 127.0.0.1:`port` and returns what the server answers until it closes the
/// connection or `timeout` seconds pass without data: for requests no HTTP client would send
/// (a declared body never sent, a body sent too slowly).
func rawExchange(port: Int, _ request: String, timeout: Int = 10) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                guard fd >= 0 else { throw TestFailure("socket() failed") }
                defer { close(fd) }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                guard connected == 0 else { throw TestFailure("connect() failed") }
                var wait = timeval(tv_sec: timeout, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                let bytes = Array(request.utf8)
                guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw TestFailure("send() failed") }
                var answer: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = recv(fd, &buffer, buffer.count, 0)
                    if n <= 0 { break }
                    answer += buffer[0..<n]
                    if let text = String(validating: answer, as: UTF8.self), text.contains("\r\n\r\n"), text.contains("}") { break }
                }
                return String(decoding: answer, as: UTF8.self)
            })
        }
    }
}
