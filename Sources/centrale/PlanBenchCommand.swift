import ArgumentParser
import CentraleFormats
import CentralePlanning
import CentraleRendering
import Foundation

/// `centrale plan-bench`: the shared-ride planner on public dial-a-ride benchmark instances.
struct PlanBenchCommand: CentraleCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan-bench",
        abstract: "Solve dial-a-ride benchmark instances (Cordeau 2006 format) and compare with the best known.",
        discussion: """
            Solves each FILE with the shared-ride planner, one at a time on one core (a line per \
            instance on standard error as it is solved), and writes \
            DIR/NAME.json, one line: {"cost": total route length, "instance": NAME, "routes": [[node ids, \
            depots omitted], ...]}, one list per vehicle used. Prints a table with the best known \
            cost from bks.csv (looked up beside the files and in their parent folder, or --bks) \
            and the gap. Every route is re-checked exactly before it is written.
            """
    )

    @Argument(help: "Instance files, e.g. ../shared/darp/cordeau2006_a/*.txt") var files: [String]
    @Option(help: "Seconds per instance.") var timeLimit: Double = 10
    @Option(help: "Seed of the search.") var seed: UInt64 = 1
    @Option(help: "Folder for the JSON solutions.") var out: String = "plan-bench"
    @Flag(help: "Replace solution files already in the --out folder.") var force = false
    @Option(help: "Best known costs, CSV with columns instance and a cost (default: bks.csv beside the files).") var bks: String?

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds, e.g. 10") }
    }

    func run(_ context: AppContext) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for file in files {
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            try OutputFile.check("\(out)/\(name).json", force: force)
        }
        var table = TextTable(["instance", "requests", "vehicles", "cost", "best known", "gap %", "time s", "iterations"],
                              rightAligned: [1, 2, 3, 4, 5, 6, 7])
        var gaps: [Double] = []
        var bestKnownByFolder: [String: [String: Double]] = [:]
        for file in files {
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw FieldError(SourceLocation(file: file, line: 1), field: "", CLIMessage.cannotRead(error.localizedDescription))
            }
            let instance = try CordeauInstance(text: text, fileName: file, name: name)
            // Before the solve, so that an unreadable --bks file fails at once.
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
            if bestKnownByFolder[folder] == nil { bestKnownByFolder[folder] = try bestKnown(for: file) }
            let best = bestKnownByFolder[folder]?[name]
            let result = try PlanningSolver(instance.problem).solve(PlanningOptions(seed: seed, timeLimit: timeLimit))
            try OutputFile.write(try PlanBenchSolution(instance: name, result: result).json, to: "\(out)/\(name).json", force: force)
            var gapText = "-"
            if let best {
                var gap = (result.distance - best) / best * 100
                if abs(gap) < 0.005 { gap = 0 } // the same cost up to rounding
                gaps.append(gap)
                gapText = String(format: "%.2f", gap)
            }
            let unserved = result.unserved.isEmpty ? "" : " (\(result.unserved.count) unserved)"
            context.printError(String(format: "%@: %.2f%@, gap %@%% in %.1f s", name, result.distance, unserved, gapText, result.seconds))
            table.add([name, "\(instance.problem.requests.count)", "\(result.routes.count)",
                       String(format: "%.2f", result.distance) + unserved, best.map { String(format: "%.2f", $0) } ?? "-",
                       gapText, String(format: "%.1f", result.seconds), "\(result.iterations)"])
        }
        context.print(table.rendered)
        if !gaps.isEmpty {
            context.print(String(format: "mean gap %.2f%%, worst %.2f%% over %d instances with a best known cost; solutions in %@/",
                         gaps.reduce(0, +) / Double(gaps.count), gaps.max()!, gaps.count, out))
        }
    }

    /// The best known costs by instance name, from --bks or the first bks.csv beside the file.
    private func bestKnown(for file: String) throws -> [String: Double] {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let candidates = bks.map { [$0] } ?? [folder.appendingPathComponent("bks.csv").path,
                                              folder.deletingLastPathComponent().appendingPathComponent("bks.csv").path]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            if let bks { throw FieldError(SourceLocation(file: bks, line: 1), field: "", CLIMessage.cannotReadBestKnown) }
            return [:]
        }
        return try BestKnownCosts.read(text: text, fileName: path)
    }
}
