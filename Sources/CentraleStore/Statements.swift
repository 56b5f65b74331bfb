import CentraleDomain
import CentraleTariffs
import GRDB

extension Store {
    /// The monthly statement of an association, computed from its logged trips with the
    /// convention in force.
    public func statement(association code: String, month: YearMonth) throws -> MonthlyStatement {
        let registry = try self.registry()
        guard let association = registry.associations.first(where: { $0.code == code }) else {
            throw StoreError.notFound(entity: "association", id: code)
        }
        let engine = TariffEngine(convention: registry.convention)
        let vehicles = Dictionary(uniqueKeysWithValues: registry.associations.flatMap(\.vehicles).map { ($0.plate, $0) })
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(TripRequest.columns), \(TripLog.columns.split(separator: ",").map { "trip_log." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")), trip_log.km_flag
                FROM trip_log JOIN trip ON trip.id = trip_log.trip
                WHERE trip_log.association = ? AND trip.date BETWEEN ? AND ? ORDER BY trip.date, trip.id
                """, arguments: [code, month.firstDay.description, month.lastDay.description])
        }
        let n = TripRequest.columnCount
        let entries = try rows.map { row -> MonthlyStatement.Entry in
            let trip = TripRequest(row: row)
            let log = TripLog(row: row, from: n)
            guard let vehicle = vehicles[log.vehiclePlate] else { throw StoreError.notFound(entity: "vehicle", id: log.vehiclePlate) }
            return MonthlyStatement.Entry(tripID: trip.id, date: trip.date, beneficiary: trip.beneficiary, outcome: log.outcome, vehicle: log.vehiclePlate,
                                   driven: log.driven, flag: row[n + 12], reimbursement: try engine.reimburse(trip, log: log, vehicle: vehicle))
        }
        return try MonthlyStatement(association: code, associationName: association.name, month: month, entries: entries, engine: engine)
    }

    /// The month's statements of every association, by code.
    public func statements(month: YearMonth) throws -> [MonthlyStatement] {
        try registry().associations.map(\.code).sorted().map { try statement(association: $0, month: month) }
    }
}
