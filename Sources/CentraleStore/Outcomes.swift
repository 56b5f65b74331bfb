import CentraleDomain
import GRDB

extension Store {
    /// The outcome of each of `trips` that has one (`ServiceOutcome.of`): from its log, the
    /// centre's cancellation and the associations' declines, by the store's today.
    public func outcomes(of trips: [TripRequest]) throws -> [Int64: ServiceOutcome] {
        let today = today()
        return try pool.read { db in try Self.outcomes(db, trips, today: today) }
    }

    static func outcomes(_ db: Database, _ trips: [TripRequest], today: LocalDate) throws -> [Int64: ServiceOutcome] {
        let ids = trips.map(\.id)
        var logged: [Int64: TripOutcome] = [:], cancellations: [Int64: ServiceOutcome] = [:]
        var declined: Set<Int64> = []
        try forEachChunk(db, ids, sql: { "SELECT trip, outcome FROM trip_log WHERE \($0("trip"))" }) { row in
            if let outcome = TripOutcome(rawValue: row[1]) { logged[row[0]] = outcome }
        }
        try forEachChunk(db, ids, sql: { "SELECT id, cancellation FROM trip WHERE cancellation IS NOT NULL AND \($0("id"))" }) { row in
            if let kind = ServiceOutcome(rawValue: row[1]) { cancellations[row[0]] = kind }
        }
        try forEachChunk(db, ids, sql: { "SELECT DISTINCT trip FROM trip_decline WHERE \($0("trip"))" }) { row in declined.insert(row[0]) }
        var result: [Int64: ServiceOutcome] = [:]
        for trip in trips {
            result[trip.id] = ServiceOutcome.of(trip, log: logged[trip.id], cancellation: cancellations[trip.id],
                                                declined: declined.contains(trip.id), today: today)
        }
        return result
    }
}
