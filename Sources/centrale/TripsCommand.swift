import ArgumentParser
import CentraleDomain
import CentraleFormats
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
            personal data is shown.
            """
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: "The association's code.") var association: String
    @Option(help: "One day, YYYY-MM-DD.") var date: LocalDate?
    @Option(help: monthHelp("A whole month")) var month: YearMonth?
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    typealias ListFormat = CentraleRendering.ListFormat

    func validate() throws {
        guard (date == nil) != (month == nil) else { throw ValidationError("give --date or --month (one of them)") }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        let registry = try context.registry
        guard registry.associations.contains(where: { $0.code == association }) else {
            throw StoreError.notFound(entity: "association", id: association)
        }
        let (first, last) = date.map { ($0, $0) } ?? (month!.firstDay, month!.lastDay)
        let records = try store.trips(of: association, from: first, to: last)
        context.printDocument(try TripListRenderer.render(records.map(\.trip), format: format, empty: "No trips for \(association) in that period.",
                                                          language: try context.language, dialect: dialect))
        // A day's table says which trips are confirmed, on which vehicle and with which driver.
        if let date, format == .table {
            let assigned = records.filter { $0.trip.status == .assigned }
            guard !assigned.isEmpty else { return }
            let confirmations = try store.confirmations(of: association, on: date)
            let open = assigned.filter { confirmations[$0.trip.id] == nil }.map { String($0.trip.id) }
            context.print("\nConfirmed \(assigned.count - open.count) of \(assigned.count) assigned"
                          + (open.isEmpty ? "." : "; to confirm (`centrale confirm TRIP --vehicle V --driver D`) or decline: \(open.joined(separator: ", ")).")
                          )
            for record in assigned {
                if let c = confirmations[record.trip.id] { context.print("  trip \(record.trip.id): vehicle \(c.vehicle), driver \(c.driver)") }
            }
        }
    }
}
