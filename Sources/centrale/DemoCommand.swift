import ArgumentParser
import CentraleDemo
import CentraleDomain
import CentraleRegistry
import CentraleStore
import Foundation

/// `centrale demo`: builds a database with a synthetic year of the service.
struct DemoCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "demo",
        abstract: localized(it: "Crea una base dati con un anno sintetico e riproducibile del servizio.",
                            en: "Build a database with a deterministic synthetic year of the service."),
        discussion: localized(it: """
            Genera i beneficiari e i loro servizi per un anno solare, calibrati sui numeri del servizio \
            (circa 300 persone attivate, 42.500 servizi, 1.000.000 km), e stampa i totali a confronto con questi \
            obiettivi. Lo stesso --seed dà lo stesso anno. La base dati (--db) deve essere nuova o una demo \
            precedente: una base dati con dati reali non viene mai sovrascritta.
            """, en: """
            Generates beneficiaries and their trips for a calendar year, calibrated on the service's \
            figures (about 300 people activated, 42,500 trips, 1,000,000 km), and prints the totals against those \
            targets. The same --seed gives the same year. The database (--db) must be new or an earlier \
            demo: a database with real data is never overwritten.
            """)
    ) }

    static let storeAccess = Store.Access.create

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(localized(it: "L'anno solare (predefinito: l'ultimo anno concluso).", en: "The calendar year (default: the last complete year)."), valueName: localized(it: "anno", en: "year")))
    var year: Int?

    @Option(help: ArgumentHelp(localized(it: "Il seme del generatore casuale.", en: "The random seed."), valueName: localized(it: "seme", en: "seed")))
    var seed: UInt64 = 2014

    @Flag(help: ArgumentHelp(localized(it: "Stampa il riepilogo come un unico oggetto JSON sullo standard output.", en: "Print the summary as one JSON object on standard output.")))
    var json = false

    /// For tests: a smaller year, with this percentage of the calibrated number of people.
    @Option(help: ArgumentHelp(localized(it: "Le persone dell'anno calibrato da generare, in % (i test creano un anno più piccolo).",
                                         en: "The people of the calibrated year to generate, in % (tests build a smaller year)."),
                               visibility: .hidden))
    var scale: Int = 100

    func validate() throws {
        if let year, !(2014...2100).contains(year) {
            throw ValidationError(localized(it: "--year deve essere tra il 2014 (l'inizio della convenzione unica) e il 2100, non il \(year)",
                                            en: "--year must be between 2014 (when the single convention began) and 2100, not \(year)"))
        }
        if !(1...100).contains(scale) { throw ValidationError(localized(it: "--scale deve essere una percentuale tra 1 e 100, non \(scale)",
                                                                        en: "--scale must be a percentage between 1 and 100, not \(scale)")) }
    }

    func run(_ context: AppContext) throws {
        let year = self.year ?? lastCompleteYear()
        try DemoPipeline.checkYear(year)
        let progress: (String) -> Void = json ? { context.printError($0) } : { context.print($0) }
        progress(DemoMessage.building(year: year, seed: UInt64(seed), path: context.databasePath).text(try context.language))
        let summary = try DemoPipeline.standard.run(path: context.databasePath, year: year, seed: seed, scalePercent: scale,
                                                    registry: try Registry.embedded(), language: try context.language, progress: progress)
        let latest = try writeReports(year: year, context: context)
        progress(DemoMessage.reportsWritten(folder: latest.folder, latest: latest.path).text(try context.language))
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.sortedKeys]
            context.print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            context.print(DemoReport.text(summary, try context.language))
        }
    }
}

extension DemoCommand {
    /// Writes the monitoring report of every month of the year (HTML, and CSV and JSON beside
    /// it) into `centrale-demo/reports/` beside the database; returns the latest HTML's path.
    func writeReports(year: Int, context: AppContext) throws -> (folder: String, path: String) {
        let store = try context.store
        let folder = URL(fileURLWithPath: DemoPipeline.outputFolder(forDatabase: store.path)).appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var latest = ""
        let current = store.today().yearMonth
        for month in (1...12).map({ YearMonth(year: year, month: $0)! }) where month <= current {
            for format in [ReportCommand.Format.html, .csv, .json] {
                let file = folder.appendingPathComponent("report-\(month).\(format.rawValue)")
                try ReportCommand.render(store: store, month: month, format: format, lang: .it).write(to: file, atomically: true, encoding: .utf8)
                if format == .html { latest = file.path }
            }
        }
        return (folder.path, latest)
    }
}

/// The last calendar year that has ended, in Europe/Rome.
func lastCompleteYear(now: Date = Date()) -> Int { Store.rome(now).date.year - 1 }
