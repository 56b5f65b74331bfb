import CentraleDomain
import GRDB

/// A stored trip with what the operations centre needs beside it: its version (for stale-edit
/// checks) and its assignment, if any.
public struct TripRecord: Hashable, Sendable {
    /// The trip.
    public var trip: TripRequest
    /// Incremented by every change; a change made against an older version is refused.
    public var version: Int
    /// The assignment, if the trip has one.
    public var assignment: Assignment?
    /// The estimated road distance from pickup to destination.
    public var estimated: Distance
}

extension Store {
    static let tripRecordSQL = """
        SELECT \(TripRequest.columns), assignment.association, assignment.vehicle, assignment.method, assignment.note
        FROM trip LEFT JOIN assignment ON assignment.trip = trip.id
        """

    /// The trips of a day with versions and assignments, by time then id.
    public func tripRecords(on date: LocalDate) throws -> [TripRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: Self.tripRecordSQL + " WHERE trip.date = ? ORDER BY trip.appointment, trip.id",
                             arguments: [date.description]).decoded { try TripRecord(row: $0, layout: $1) }
        }
    }

    /// One trip with version and assignment.
    public func tripRecord(_ id: Int64) throws -> TripRecord? {
        try pool.read { db in try Self.tripRecord(db, id) }
    }

    static func tripRecord(_ db: Database, _ id: Int64) throws -> TripRecord? {
        try Row.fetchOne(db.cachedStatement(sql: tripRecordSQL + " WHERE trip.id = ?"), arguments: [id]).map { try TripRecord(row: $0) }
    }
}

extension TripRecord {
    /// Decodes a row of `Store.tripRecordSQL`, by column name.
    init(row: Row, layout: ColumnLayout? = nil) throws {
        let layout = layout ?? ColumnLayout(row)
        trip = try TripRequest(row: row, layout: layout)
        estimated = try layout.decode(row, "estimated_m")
        version = try layout.decode(row, "version")
        if let association = try layout.decode(row, "association", as: String?.self) {
            assignment = Assignment(tripID: trip.id, association: association, vehiclePlate: try layout.decode(row, "vehicle"),
                                    method: try layout.decode(row, "method"), note: try layout.decode(row, "note"))
        }
    }
}

extension Array where Element == TripStatus {
    /// The statuses as an SQL list, `('assigned', 'done', 'no_show')`: the SQL that selects trips
    /// by status is built from the domain's lists (`TripStatus.heldByAssociation`, …), never
    /// written out by hand.
    var sql: String { "(" + map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")" }
}
