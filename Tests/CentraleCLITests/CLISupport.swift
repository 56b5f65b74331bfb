import Foundation
import GRDB

/// The result of running the `centrale` binary.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `centrale` binary (next to the test bundle) with arguments, environment
/// additions and a working directory.
func centrale(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Run {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("centrale")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CENTRALE_DB")
    // Every write names an operator; tests run as one unless they say otherwise.
    if (env["CENTRALE_OPERATOR"] ?? "").isEmpty { env["CENTRALE_OPERATOR"] = "tester" }
    env.merge(environment) { $1 }
    process.environment = env
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
func dumpDatabase(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
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
