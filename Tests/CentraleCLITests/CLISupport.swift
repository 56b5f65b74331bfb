import Foundation
import GRDB
@testable import centrale

/// The result of running a `centrale` command line.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The environment a test's command line sees: the test process's, without `CENTRALE_DB`, with an
/// operator (every write names one; tests run as one unless they say otherwise), help wrapped at
/// 80 columns, messages in English (`CENTRALE_LANG=en`: most tests read the English side of the
/// catalogue; `ItalianFirstTests` and the tests of Italian output pass `CENTRALE_LANG` empty or
/// `it` to run the default), and `environment` on top.
private func testEnvironment(_ environment: [String: String]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CENTRALE_DB")
    env["CENTRALE_LANG"] = "en"
    if (env["CENTRALE_OPERATOR"] ?? "").isEmpty { env["CENTRALE_OPERATOR"] = "tester" }
    env["COLUMNS"] = "80"  // help and usage wrapped alike, in the terminal or not
    env.merge(environment) { $1 }
    return env
}

/// Text written by a command, collected in memory.
private final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ piece: String) { lock.lock(); text += piece; lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return text }
}

/// Runs a `centrale` command line in this process, as `centrale` would (`Centrale.execute`: the
/// same parsing, context and error rendering), with its standard output and error captured and
/// `environment` added to the environment it sees. Relative paths are relative to the test
/// process's working directory: a test that needs another one runs the binary (`centraleBinary`).
func centrale(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    let out = Capture(), err = Capture()
    let status = Centrale.execute(arguments, environment: testEnvironment(environment),
                                  console: Console(out: { out.append($0) }, err: { err.append($0) }, columns: 80))
    return Run(status: status, stdout: out.value, stderr: err.value)
}

/// Runs the built `centrale` binary (next to the test bundle) with arguments, environment
/// additions and a working directory: for the end-to-end tests of the real program.
func centraleBinary(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Run {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("centrale")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = testEnvironment(environment)
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

/// A temporary working folder, removed at the end.
final class Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("centrale-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A copy of the repository's `data/` folder, to break on purpose.
    func copyOfData() throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data")
        let target = url.appendingPathComponent("data")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Every row of every table of a database file, for before/after comparisons.
/// Waits for a writer that is still closing (a server just stopped), as Centrale's own store does.
func dumpDatabase(_ path: String) throws -> [String] {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return try tables.flatMap { table in try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted() }
    }
}

/// The current month (Europe/Rome), as `YYYY-MM`: where late changes are paid.
func currentMonth(_ now: Date = Date()) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Rome")!
    let parts = calendar.dateComponents([.year, .month], from: now)
    return String(format: "%04d-%02d", parts.year!, parts.month!)
}

/// The environment of a test that runs the default language (Italian), not the suite's English.
let italianDefault = ["CENTRALE_LANG": ""]
