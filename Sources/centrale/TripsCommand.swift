import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleOffice
import CentraleRendering
import CentraleStore

/// `centrale trips`: what an association must do.
struct TripsCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "trips",
        abstract: localized(it: "Elenca i servizi assegnati a un'associazione, per un giorno o un mese.",
                            en: "List the trips assigned to an association, for a day or a month."),
        discussion: localized(it: """
            Mostra cosa deve fare l'associazione: ora, partenza (con l'indirizzo che serve all'autista), \
            destinazione, bisogni, il codice del beneficiario e il numero del servizio da usare nei registri dei viaggi. \
            Nessun altro dato personale viene mostrato. Con --server l'elenco arriva dal server della centrale, per \
            l'associazione del codice di accesso (--association si può allora omettere).
            """, en: """
            Shows what the association must do: time, pickup (with the address the driver needs), \
            destination, needs, the beneficiary's code, and the trip id to use in trip logs. No other \
            personal data is shown. With --server the list comes from the centre's server, for the \
            token's association (--association may then be left out).
            """)
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String?
    @Option(help: ArgumentHelp(localized(it: "Un giorno, AAAA-MM-GG.", en: "One day, YYYY-MM-DD."), valueName: localized(it: "data", en: "date"))) var date: LocalDate?
    @Option(help: monthHelp(localized(it: "Un mese intero", en: "A whole month"))) var month: YearMonth?
    @Option(help: ArgumentHelp(localized(it: "table, csv o json.", en: "table, csv or json."), valueName: localized(it: "formato", en: "format"))) var format: ListFormat = .table
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    typealias ListFormat = CentraleRendering.ListFormat

    func validate() throws {
        guard (date == nil) != (month == nil) else { throw ValidationError(localized(it: "indica --date o --month (uno dei due)", en: "give --date or --month (one of them)")) }
    }

    func run(_ context: AppContext) throws {
        let language = try context.language
        if let client = try context.remote(remote) {
            let reply = try client.get("/api/v1/trips", query: [
                ("association", association), ("date", date?.description), ("month", month?.description), ("format", format.rawValue),
                ("lang", language.rawValue), ("dialect", dialect.rawValue),
            ])
            context.printDocument(reply.text)
            return
        }
        guard let association else { throw ValidationError(localized(it: "indica --association CODICE (o --server e --token, per l'associazione del codice di accesso)",
                                                                  en: "give --association CODE (or --server and --token, for the token's association)")) }
        let period: Period = date.map { .day($0) } ?? .month(month!)
        context.printDocument(try context.office.trips(association: association.uppercased(), period: period, format: format,
                                                                      language: language, dialect: dialect))
    }
}
