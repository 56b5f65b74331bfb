import CentraleDomain
import GRDB

/// What the dispatcher's screen reads besides the day's trips.
extension Store {
    /// The trips each association holds in a month (assigned, carried out, no-shows), by
    /// association code: the month's actual shares.
    public func heldTrips(in month: YearMonth) throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT assignment.association AS association, COUNT(*) AS trips FROM assignment JOIN trip ON trip.id = assignment.trip
                WHERE trip.date BETWEEN ? AND ? AND trip.status IN \(TripStatus.heldByAssociation.sql) GROUP BY 1
                """, arguments: [month.firstDay.description, month.lastDay.description]) {
                counts[row["association"]] = row["trips"]
            }
            return counts
        }
    }

    /// A value that changes whenever a day's trips or plans change (a trip added, changed in
    /// any way, or a plan accepted): the screen compares it to know when to reload.
    public func dayFingerprint(_ date: LocalDate) throws -> [Int] {
        try pool.read { db in
            let trips = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS count, COALESCE(SUM(version), 0) AS versions, COALESCE(MAX(id), 0) AS last FROM trip WHERE date = ?
                """, arguments: [date.description])
            let plans = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS count, COALESCE(MAX(id), 0) AS last FROM plan WHERE date = ?",
                                         arguments: [date.description])
            // Availability (volunteers, absences, vehicles off the road) and confirmations change
            // the board's warnings and the day's capacity: each is audited or counted.
            let availability = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE entity IN ('volunteer', 'vehicle')") ?? 0
            let confirmations = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM trip_confirmation JOIN trip ON trip.id = trip_confirmation.trip WHERE trip.date = ?
                """, arguments: [date.description]) ?? 0
            return [trips?["count"] ?? 0, trips?["versions"] ?? 0, trips?["last"] ?? 0, plans?["count"] ?? 0, plans?["last"] ?? 0,
                    availability, confirmations]
        }
    }
}
