import CentraleFormats
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

    enum ListFormat: String, ExpressibleByArgument { case table, csv, json }

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
            let rows = records.map { record -> [String] in
                let trip = record.trip
                return [String(trip.id), trip.date.description, trip.appointment.description, trip.leg.rawValue, trip.beneficiary,
                        trip.needs.description, trip.pickup.label, trip.destination.label, trip.purpose.rawValue, trip.status.rawValue]
            }
            let headers = ["trip", "date", "time", "leg", "beneficiary", "needs", "pickup", "destination", "purpose", "status"]
            switch format {
            case .json:
                print(try jsonString(rows.map { Dictionary(uniqueKeysWithValues: zip(headers, $0)) }))
            case .csv:
                print(([headers] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n"))
            case .table:
                var table = TextTable(headers.map { $0.uppercased() }, rightAligned: [0])
                rows.forEach { table.add($0) }
                print(rows.isEmpty ? "No trips for \(association) in that period." : table.rendered)
            }
        }
    }
}

/// A CSV field (comma-separated files): quoted when it needs to be, formula-like text neutralised.
func csvField(_ value: String) -> String { CSVWriter(separator: ",").field(value) }
