import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleStore
import Foundation

/// `centrale report`: the monitoring table's monthly report.
struct ReportCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report",
        abstract: localized(it: "Il rapporto mensile per il tavolo di monitoraggio (HTML con grafici, Markdown, CSV o JSON).",
                            en: "The monitoring table's monthly report (HTML with charts, Markdown, CSV or JSON)."),
        discussion: localized(it: """
            I dati del mese e dall'inizio dell'anno, lo stesso mese dell'anno prima dove i dati ci sono, \
            una proiezione dell'anno, l'andamento di 12 mesi, il lavoro di ogni associazione rispetto alla sua quota \
            della convenzione, i servizi ogni 1.000 abitanti per comune, i motivi, le destinazioni, la domanda non servita e le \
            anomalie dei km. Gli euro sono la somma dei rendiconti del mese. Il rapporto di un mese chiuso è quello congelato \
            alla chiusura: identico byte per byte in ogni formato e lingua, qualunque cosa cambi dopo. Nessun dato personale: \
            i beneficiari compaiono solo come conteggi. Etichette in italiano, o in inglese con --lang en.
            """, en: """
            Figures for the month and the year to date, the same month a year before where the data has it, \
            a projection of the year, a 12-month trend, the work per association against its convention \
            share, trips per 1,000 inhabitants per comune, purposes, destinations, unmet demand and km \
            anomalies. Euros are the sum of the month's statements. A closed month's report is the one frozen \
            when it was closed: byte-identical in every format and language, whatever changes later. No personal data: beneficiaries \
            appear only as counts. Labels in Italian, or English with --lang en.
            """)
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: monthHelp()) var month: YearMonth
    @Option(help: ArgumentHelp(localized(it: "html, md, csv o json.", en: "html, md, csv or json."), valueName: localized(it: "formato", en: "format"))) var format: Format = .html
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel
    @Option(help: ArgumentHelp(localized(it: "Scrive in questo file invece che sullo standard output (un file nuovo, salvo --force).", en: "Write to this file instead of standard output (a new file, unless --force)."), valueName: localized(it: "file", en: "out"))) var out: String?
    @Flag(help: ArgumentHelp(localized(it: "Sostituisce il file --out se esiste già (mai una base dati).", en: "Replace the --out file if it exists (never a database)."))) var force = false

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
        // The status first: a month closing meanwhile is at worst called provisional. The figures are frozen for a closed month.
        let status = try store.documentStatus(month: month)
        return try ReportRenderer.render(store.report(month: month), format: format, language: lang, dialect: dialect, status: status)
    }
}
