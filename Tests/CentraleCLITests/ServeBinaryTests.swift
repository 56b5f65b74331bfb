import Foundation
import Testing

/// The real `centrale serve` binary: HTTPS with a certificate of its own, the CLI binary as its
/// client, the access log, and a graceful stop on SIGTERM.
@Suite("centrale serve, the real program", .serialized)
struct ServeBinaryTests {
    @Test("serves HTTPS, answers the CLI as the local command would, logs each request and stops on SIGTERM")
    func httpsAndSigterm() throws {
        let work = try Workspace()
        let setup = try ServerCommandTests().twoCopies(work)
        let token = try issueToken(setup.served, ["--association", setup.association])
        let cert = work.path("cert.pem"), key = work.path("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl makes the test's certificate")

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("centrale")
        let server = Process()
        server.executableURL = binary
        server.arguments = ["serve", "--db", setup.served, "--port", "0", "--tls-cert", cert, "--tls-key", key]
        let errors = Pipe()
        server.standardError = errors
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        // A line says where it listens (port 0: a free one).
        var log = ""
        let pattern = #"https://127\.0\.0\.1:[0-9]+"#
        while log.range(of: pattern, options: .regularExpression) == nil {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
        }
        let address = try #require(log.range(of: pattern, options: .regularExpression).map { String(log[$0]) }, "\(log)")

        let remote = try centraleBinary(["trips", "--date", "2025-03-03", "--server", address, "--token", token, "--ca-file", cert])
        let local = try centrale(["trips", "--date", "2025-03-03", "--db", setup.local, "--association", setup.association])
        #expect(remote.status == 0, "\(remote.stderr)")
        #expect(remote.stdout == local.stdout)
        let untrusted = try centraleBinary(["trips", "--date", "2025-03-03", "--server", address, "--token", token])
        #expect(untrusted.status == 1 && untrusted.stderr == "error: the server at \(address) shows a certificate this machine does not trust; "
                + "if the centre made its own, give it with --ca-file FILE (or CENTRALE_CA_FILE)\n", "\(untrusted.stderr)")
        let plain = try centraleBinary(["trips", "--date", "2025-03-03", "--server", address.replacingOccurrences(of: "https:", with: "http:"), "--token", token])
        #expect(plain.status == 1 && plain.stderr.hasPrefix("error: "), "\(plain.stderr)")

        kill(server.processIdentifier, SIGTERM)
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        server.waitUntilExit()
        log += String(decoding: rest, as: UTF8.self)
        #expect(server.terminationStatus == 0, "\(log)")
        #expect(log.contains("Server della centrale fermato."), "Italian by default: \(log)")
        #expect(log.contains("path=/api/v1/trips") && log.contains("status=200"), "one access-log line per request: \(log)")
        #expect(!log.contains(token), "the token is never logged")
    }
}
