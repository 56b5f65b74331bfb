import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleOffice
import CentraleRendering
import CentraleStore

/// `centrale statement`: an association's monthly reimbursement statement (*rendiconto*).
struct StatementCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "statement",
        abstract: localized(it: "Il rendiconto mensile di un'associazione, o una riga per associazione con --all.",
                            en: "An association's monthly statement, or one row per association with --all."),
        discussion: localized(it: """
            Ogni servizio registrato con le sue voci di rimborso (km alla tariffa con tetto, assicurazione, \
            voci per attrezzature e accompagnatore, attesa, assenza o annullamento), i totali per voce, \
            i costi indiretti (una percentuale delle voci dirette, con un tetto mensile), i servizi con km segnalati \
            elencati a parte con i km registrati, stimati e pagati (sono compresi nei totali ai km pagati: la stima, \
            al massimo i km registrati, finché non vengono rivisti con `centrale log review`), e il totale generale. Ogni voce \
            è arrotondata al centesimo, con il mezzo centesimo per eccesso; i totali sono somme di voci. Con --server il \
            rendiconto arriva dal server della centrale, per l'associazione del codice di accesso.
            """, en: """
            Every logged trip with its reimbursement lines (km at the capped rate, insurance, \
            equipment and escort items, waiting, no-show or cancellation items), the totals by item, \
            the indirect costs (a percentage of the direct items, capped per month), the trips flagged \
            for km review listed apart with the km logged, estimated and paid (they are included in the totals at \
            the km paid: the estimate, capped at the logged km, until reviewed with `centrale log review`), and the grand total. Each line \
            is rounded to the cent, half up; totals are sums of lines. With --server the statement comes from \
            the centre's server, for the token's association.
            """)
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String?
    @Flag(help: ArgumentHelp(localized(it: "Una riga per associazione con i suoi totali.", en: "One row per association with its totals."))) var all = false
    @Option(help: monthHelp()) var month: YearMonth
    @Option(help: ArgumentHelp(localized(it: "md, csv, json o html.", en: "md, csv, json or html."), valueName: localized(it: "formato", en: "format"))) var format: Format = .md
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    @Option(help: ArgumentHelp(localized(it: "Scrive in questo file invece che sullo standard output (un file nuovo, salvo --force).", en: "Write to this file instead of standard output (a new file, unless --force)."), valueName: localized(it: "file", en: "out"))) var out: String?
    @Flag(help: ArgumentHelp(localized(it: "Sostituisce il file --out se esiste già (mai una base dati).", en: "Replace the --out file if it exists (never a database)."))) var force = false

    typealias Format = StatementFormat

    func validate() throws {
        if association != nil && all { throw ValidationError(localized(it: "indica --association CODICE, o --all, non entrambi", en: "give --association CODE, or --all, not both")) }
        if all && format == .html { throw ValidationError(localized(it: "--format html è per il rendiconto di una sola associazione; con --all usa md, csv o json",
                                                                   en: "--format html is for one association's statement; with --all use md, csv or json")) }
    }

    func run(_ context: AppContext) throws {
        if let out { try OutputFile.check(out, force: force) }
        let language = try context.language
        let text: String
        if let client = try context.remote(remote) {
            if all { throw ValidationError(localized(it: "--all è il riepilogo della centrale; non è disponibile tramite il server",
                                                     en: "--all is the centre's summary; it is not available over the server")) }
            text = try client.get("/api/v1/statements/\(month)", query: [
                ("association", association), ("format", format.rawValue), ("lang", language.rawValue), ("dialect", dialect.rawValue),
            ]).text
        } else if all {
            try context.store.requireBegun(month)  // a future month has no statements yet (one association's: `Office.statement`)
            text = StatementRenderer.summary(try context.store.statements(month: month), format: format, language: language, dialect: dialect,
                                             status: try context.store.documentStatus(month: month))
        } else {
            guard let association else { throw ValidationError(localized(it: "indica --association CODICE, o --all", en: "give --association CODE, or --all")) }
            text = try context.office.statement(association: association.uppercased(), month: month, format: format,
                                                             language: language, dialect: dialect)
        }
        if let out {
            try OutputFile.write(text.endsWithLineBreak ? text : text + "\n", to: out, force: force)
            try context.say(.statementWritten(month: month, to: out))
        } else {
            context.printDocument(text)
        }
    }
}
