import ArgumentParser
import CentraleFormats
import CentralePlanning
import CentraleRendering
import Foundation

/// `centrale plan-bench`: the shared-ride planner on public dial-a-ride benchmark instances.
struct PlanBenchCommand: CentraleCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "plan-bench",
        abstract: localized(it: "Risolve istanze di benchmark dial-a-ride (formato Cordeau 2006) e le confronta con il miglior risultato noto.",
                            en: "Solve dial-a-ride benchmark instances (Cordeau 2006 format) and compare with the best known."),
        discussion: localized(it: """
            Risolve ogni FILE con il pianificatore dei giri condivisi, uno alla volta su un solo core (una riga \
            per istanza sullo standard error man mano che viene risolta), e scrive \
            DIR/NOME.json, una riga: {"cost": lunghezza totale dei percorsi, "instance": NOME, "routes": [[id dei nodi, \
            depositi esclusi], ...]}, una lista per ogni mezzo usato. Stampa una tabella con il miglior costo \
            noto da bks.csv (cercato accanto ai file e nella loro cartella superiore, o --bks) \
            e lo scarto. Ogni percorso viene ricontrollato in modo esatto prima di essere scritto.
            """, en: """
            Solves each FILE with the shared-ride planner, one at a time on one core (a line per \
            instance on standard error as it is solved), and writes \
            DIR/NAME.json, one line: {"cost": total route length, "instance": NAME, "routes": [[node ids, \
            depots omitted], ...]}, one list per vehicle used. Prints a table with the best known \
            cost from bks.csv (looked up beside the files and in their parent folder, or --bks) \
            and the gap. Every route is re-checked exactly before it is written.
            """)
    ) }

    @Argument(help: ArgumentHelp(localized(it: "I file delle istanze, es. ../shared/darp/cordeau2006_a/*.txt", en: "Instance files, e.g. ../shared/darp/cordeau2006_a/*.txt"), valueName: localized(it: "file", en: "files"))) var files: [String]
    @Option(help: ArgumentHelp(localized(it: "Secondi per istanza.", en: "Seconds per instance."), valueName: localized(it: "secondi", en: "time-limit"))) var timeLimit: Double = 10
    @Option(help: ArgumentHelp(localized(it: "Il seme della ricerca.", en: "Seed of the search."), valueName: localized(it: "seme", en: "seed"))) var seed: UInt64 = 1
    @Option(help: ArgumentHelp(localized(it: "La cartella delle soluzioni JSON.", en: "Folder for the JSON solutions."), valueName: localized(it: "cartella", en: "out"))) var out: String = "plan-bench"
    @Flag(help: ArgumentHelp(localized(it: "Sostituisce i file di soluzione già presenti nella cartella --out.", en: "Replace solution files already in the --out folder."))) var force = false
    @Option(help: ArgumentHelp(localized(it: "I migliori costi noti, un CSV con la colonna instance e un costo (predefinito: bks.csv accanto ai file).", en: "Best known costs, CSV with columns instance and a cost (default: bks.csv beside the files)."), valueName: localized(it: "file", en: "bks"))) var bks: String?

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError(localized(it: "--time-limit deve essere un numero positivo di secondi, es. 10", en: "--time-limit must be a positive number of seconds, e.g. 10")) }
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
            let data: Data
            switch InputFile.contents(file) {
            case .success(let bytes): data = bytes
            case .failure(let why): throw FieldError(SourceLocation(file: file, line: 1), field: "", CLIMessage.cannotRead(why))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw FieldError(SourceLocation(file: file, line: 1), field: "", CLIMessage.notUTF8)
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
