import CentraleDomain
import CentraleFormats

/// The formats of a list.
public enum ListFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

/// An association's trips (`centrale trips`): what it must do, with the trip id to use in its
/// logs, as a table, CSV or JSON. No personal data but the pickup address the driver needs.
public enum TripListRenderer {
    static let headers = ["trip", "date", "time", "leg", "beneficiary", "needs", "pickup", "destination", "purpose", "status"]

    /// - Parameter empty: what the table says when there are no trips.
    public static func render(_ trips: [TripRequest], format: ListFormat, empty: String, language: Language = .it) throws -> String {
        let rows = trips.map { trip -> [String] in
            [String(trip.id), trip.date.description, trip.appointment.description, trip.leg.rawValue, trip.beneficiary,
             trip.needs.description, trip.pickup.label, trip.destination.label, trip.purpose.rawValue, trip.status.rawValue]
        }
        switch format {
        case .json:
            return try JSONText.string(rows.map { Dictionary(uniqueKeysWithValues: zip(headers, $0)) })
        case .csv:
            let writer = CSVWriter(separator: ",")
            return ([headers] + rows).map(writer.row).joined(separator: "\n")
        case .table:
            var table = TextTable(headers.map { $0.uppercased() }, rightAligned: [0])
            rows.forEach { table.add($0) }
            return rows.isEmpty ? empty : table.rendered
        }
    }
}
