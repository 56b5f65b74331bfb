import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleOffice
import CentraleRendering
import CentraleStore

/// `centrale trips`: what an association must do.
struct TripsCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "trips",
        abstract: "List the trips assigned to an association, for a day or a month.",
        discussion: """
            Shows what the association must do: time, pickup (with the address the driver needs), \
            destination, needs, the beneficiary's code, and the trip id to use in trip logs. No other \
            personal data is shown. With --server the list comes from the centre's server, for the \
            token's association (--association may then be left out).
            """
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Option(help: "The association's code.") var association: String?
    @Option(help: "One day, YYYY-MM-DD.") var date: LocalDate?
    @Option(help: monthHelp("A whole month")) var month: YearMonth?
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    typealias ListFormat = CentraleRendering.ListFormat

    func validate() throws {
        guard (date == nil) != (month == nil) else { throw ValidationError("give --date or --month (one of them)") }
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
        guard let association else { throw ValidationError("give --association CODE (or --server and --token, for the token's association)") }
        let period: Period = date.map { .day($0) } ?? .month(month!)
        context.printDocument(try context.office.trips(association: association.uppercased(), period: period, format: format,
                                                                      language: language, dialect: dialect))
    }
}
