import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleStore
import Foundation

/// `centrale report`: the monitoring table's monthly report.
struct ReportCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The monitoring table's monthly report (HTML with charts, Markdown, CSV or JSON).",
        discussion: """
            Figures for the month and the year to date, the same month a year before where the data has it, \
            a projection of the year, a 12-month trend, the work per association against its convention \
            share, trips per 1,000 inhabitants per comune, purposes, destinations, unmet demand and km \
            anomalies. Euros are the sum of the month's statements. A closed month's report is the one frozen \
            when it was closed: byte-identical in every format and language, whatever changes later. No personal data: beneficiaries \
            appear only as counts. Labels in Italian, or English with --lang en.
            """
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: monthHelp()) var month: YearMonth
    @Option(help: "html, md, csv or json.") var format: Format = .html
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel
    @Option(help: "Write to this file instead of standard output (a new file, unless --force).") var out: String?
    @Flag(help: "Replace the --out file if it exists (never a database).") var force = false

    typealias Format = ReportFormat
    /// The labels' language (`--lang`, shared by every command).
    typealias Lang = Language

    func run(_ context: AppContext) throws {
        if let out { try OutputFile.check(out, force: force) }
        let text = try ReportCommand.render(store: try context.store, month: month, format: format, lang: context.language, dialect: dialect)
        if let out {
            try OutputFile.write(text, to: out, force: force)
            try context.say(.reportWritten(month: month, to: out))
        } else {
            context.printDocument(text)
        }
    }

    /// The report of a month in a format.
    static func render(store: Store, month: YearMonth, format: Format, lang: Lang, dialect: CSVDialect = .excel) throws -> String {
        try ReportRenderer.render(store.report(month: month), format: format, language: lang, dialect: dialect)  // frozen for a closed month
    }
}
