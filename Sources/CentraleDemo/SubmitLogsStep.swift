import CentraleDomain
import CentraleFormats
import CentraleStore
import CentraleSynth
import Foundation

/// Writes each association's monthly trip-log file (each association in its own dialect) into
/// the demo folder and submits it through the same path as `centrale log submit`. Three bad
/// files are submitted first and must be rejected without writing anything; one good file is
/// submitted twice to show that a repeat is harmless.
public struct SubmitLogsStep: DemoStep {
    public var name: String { "writing and submitting the associations' trip logs" }
    public init() {}

    public func run(_ context: DemoContext, progress: (String) -> Void) throws {
        let folder = URL(fileURLWithPath: context.outputFolder).appendingPathComponent("logs")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rejected"), withIntermediateDirectories: true)
        let registry = context.registry
        var odometers: [String: Distance] = [:]
        var submitted = 0, logs = 0, flagged = 0, rejected = 0
        var firstFile: (url: URL, association: String)?
        // Only what has taken place: in the current year, up to yesterday; later trips stay assigned.
        let today = context.today
        for (index, association) in registry.associations.sorted(by: { $0.code < $1.code }).enumerated() {
            let dialect = LogDialect.allCases[index % LogDialect.allCases.count]
            let generator = TripLogGenerator(association: association, estimator: registry.convention.distanceEstimator, seed: context.seed)
            for month in (1...12).map({ YearMonth(year: context.year, month: $0)! }) {
                let trips = try context.store.trips(of: association.code, from: month.firstDay, to: month.lastDay)
                    .filter { $0.trip.status == .assigned && $0.trip.date < today }.map(\.trip)
                guard !trips.isEmpty else { continue }
                let monthLogs = generator.logs(for: trips, odometers: &odometers)
                if let bad = BadFiles.variant(number: index, month: month.month, logs: monthLogs) {
                    let url = folder.appendingPathComponent("rejected/\(association.code)-\(month)-\(bad.kind).\(dialect.fileExtension)")
                    let result = try submit(LogFileWriter.text(bad.logs, dialect: dialect), bad.breakHeader, to: url, association: association.code, context)
                    guard !result.accepted else { throw StoreError.refused("the demo's bad file \(url.lastPathComponent) was accepted") }
                    rejected += 1
                    progress("rejected as expected: \(url.lastPathComponent): \(result.problems.first.map(\.description) ?? "")")
                }
                let url = folder.appendingPathComponent("\(association.code)-\(month).\(dialect.fileExtension)")
                let result = try submit(LogFileWriter.text(monthLogs, dialect: dialect), false, to: url, association: association.code, context)
                guard result.accepted else {
                    throw StoreError.refused("the demo's file \(url.path) was rejected: \(result.problems.prefix(3).map(\.description).joined(separator: "; "))")
                }
                submitted += 1
                if firstFile == nil { firstFile = (url, association.code) }
                logs += result.newLogs
                flagged += result.flagged
            }
        }
        // Submitting a file again changes nothing.
        if let (url, code) = firstFile {
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = try context.store.submitLogFile(text, file: url.path, sha256: SHA256.hex(of: text), association: code, actor: Actor(code))
            progress("\(url.lastPathComponent) submitted again: \(result.newLogs) new, \(result.alreadyRecorded) already recorded")
        }
        let driven = try context.store.loggedDistance(year: context.year)
        context.summary.logs = logs
        context.summary.logFiles = submitted
        context.summary.rejectedFiles = rejected
        context.summary.flagged = flagged
        context.summary.metres = driven.metres
        context.summary.km = (driven.metres + 500) / 1000
        if today.year == context.year {
            context.summary.loggedUntil = today.adding(days: -1).description
            progress("\(context.year) is the current year: only trips before today (\(today)) are logged; later ones stay assigned")
        }
        progress("\(submitted) files, \(logs) logs, \(flagged) flagged for km review, \(rejected) bad files rejected; files in \(folder.path)")
    }

    private func submit(_ text: String, _ breakHeader: Bool, to url: URL, association: String, _ context: DemoContext) throws -> SubmissionResult {
        var content = text
        if breakHeader {
            if content.hasPrefix("[") {
                content = content.replacingOccurrences(of: "\"vehicle\":", with: "\"vehicle_plate_number\":")
            } else if let newline = content.firstIndex(of: "\n") {
                // Drop the third column (the vehicle) from the header, as a hand-edited file would.
                let header = content[..<newline]
                let separator: Character = header.contains(";") ? ";" : ","
                var names = header.split(separator: separator, omittingEmptySubsequences: false)
                names.remove(at: 2)
                content = names.joined(separator: String(separator)) + content[newline...]
            }
        }
        try content.write(to: url, atomically: true, encoding: .utf8)
        return try context.store.submitLogFile(content, file: url.path, sha256: SHA256.hex(of: content), association: association,
                                               actor: Actor(association))
    }
}

/// The demo's bad files: copies of real monthly files with the mistakes people make.
enum BadFiles {
    struct Variant { var kind: String; var logs: [SyntheticLog]; var breakHeader: Bool }

    static func variant(number: Int, month: Int, logs: [SyntheticLog]) -> Variant? {
        guard logs.count >= 3 else { return nil }
        switch (number, month) {
        case (0, 3):
            var bad = logs
            bad[1].vehicle = "ZZ999ZZ"
            bad[2].dropoff = bad[2].pickup.flatMap { LocalTime(minutes: max(0, $0.minutes - 30)) }
            return Variant(kind: "wrong-vehicle", logs: bad, breakHeader: false)
        case (5, 6):
            return Variant(kind: "repeated-trip", logs: logs + [logs[0]], breakHeader: false)
        case (10, 10):
            return Variant(kind: "missing-column", logs: logs, breakHeader: true)
        default:
            return nil
        }
    }
}
