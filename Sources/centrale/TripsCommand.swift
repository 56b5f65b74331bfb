import ArgumentParser
import CentraleDomain
import CentraleRendering
import CentraleStore

/// `centrale trips`: what an association must do.
struct TripsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trips",
        abstract: "List the trips assigned to an association, for a day or a month.",
        discussion: """
            Shows what the association must do: time, pickup (with the address the driver needs), \
            destination, needs, the beneficiary's code, and the trip id to use in trip logs. No other \
            personal data is shown.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The association's code.") var association: String
    @Option(help: "One day, YYYY-MM-DD.") var date: LocalDate?
    @Option(help: "A whole month, YYYY-MM.") var month: String?
    @Option(help: "table, csv or json.") var format: ListFormat = .table

    typealias ListFormat = CentraleRendering.ListFormat

    func validate() throws {
        guard (date == nil) != (month == nil) else { throw ValidationError("give --date or --month (one of them)") }
        if let month, YearMonth(month) == nil { throw ValidationError("--month: '\(month)' is not a month YYYY-MM") }
    }

    func run() throws {
        try reportingErrors {
            let store = try global.openStoreForReading()
            let registry = try store.registry()
            guard registry.associations.contains(where: { $0.code == association }) else {
                throw StoreError.notFound(entity: "association", id: association)
            }
            let (first, last) = date.map { ($0, $0) } ?? { let m = YearMonth(month!)!; return (m.firstDay, m.lastDay) }()
            let records = try store.trips(of: association, from: first, to: last)
            print(try TripListRenderer.render(records.map(\.trip), format: format, empty: "No trips for \(association) in that period."))
        }
    }
}
