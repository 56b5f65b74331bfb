import CentraleDomain
import Foundation
import GRDB

/// A trip's confirmation: the vehicle and the driver the association sends.
public struct Confirmation: Hashable, Sendable {
    public var trip: Int64
    public var association: String
    public var vehicle: String
    public var driver: String
}

/// Trips confirmed by their association with a vehicle and a driver, or declined.
extension Store {

    /// Confirms an assigned trip with a vehicle of its association and a registered driver, in
    /// one transaction with its audit entry.
    ///
    /// Refused, with every reason, when the driver is not registered with the association, has
    /// no valid licence or insurance on the trip's date, is under 21, is not qualified for the
    /// trip's needs, is absent or has no shift covering the trip, or drives another confirmed
    /// trip at the same time; or when the vehicle is another association's, inactive, unsuited
    /// to the needs, off the road that day, has an expired document, or carries another
    /// confirmed trip at the same time.
    ///
    /// With `scope` (an association's server token), a trip not assigned to that association is
    /// answered as a trip that does not exist.
    public func confirm(trip id: Int64, vehicle plate: String, driver code: String, averageSpeedKmh: Int, scope: String? = nil,
                        actor: Actor) throws -> Confirmation {
        let at = timestamp()
        return try pool.write { db in
            guard let record = try Self.tripRecord(db, id), scope == nil || record.assignment?.association == scope else {
                throw StoreError.notFound(entity: .trip, id: String(id))
            }
            guard record.trip.status == .assigned, let association = record.assignment?.association else {
                throw StoreError.refused(.trip(.cannotConfirm(id, record.trip.status)))
            }
            let date = record.trip.date
            let window = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: averageSpeedKmh)
            var problems: [ConfirmationProblem] = []
            // The vehicle.
            // Another association's vehicle reads as an unknown one: a confirmation does not tell who owns a plate.
            guard let vehicleRow = try Row.fetchOne(db, sql: "SELECT * FROM vehicle WHERE plate = ?", arguments: [plate]),
                  vehicleRow["association"] as String == association else {
                throw StoreError.refused(.trip(.notInFleet(plate: plate, association: association)))
            }
            let vehicle = Vehicle(plate: vehicleRow["plate"], seats: vehicleRow["seats"], wheelchairPlaces: vehicleRow["wheelchair_places"],
                                  stretcher: vehicleRow["stretcher"], active: vehicleRow["active"])
            if !vehicle.active {
                problems.append(.vehicleNotInService(plate))
            } else if !vehicle.canCarry(record.trip.needs) {
                problems.append(.vehicleCannotCarry(plate, needs: record.trip.needs))
            }
            for off in try Self.offPeriods(db, plate: plate, on: date) {
                problems.append(.vehicleOffRoad(plate, from: off.from, to: off.to, reason: off.reason))
            }
            for row in try Row.fetchAll(db, sql: "SELECT kind, valid_until FROM vehicle_document WHERE plate = ? AND valid_until < ?",
                                        arguments: [plate, date.description]) {
                problems.append(.documentExpired(plate, document: row[0] as String, on: row[1] as String))
            }
            // The driver.
            if let driver = try Self.volunteer(db, association: association, code: code) {
                problems += VolunteerRules.driverProblems(driver, trip: record.trip, window: window).map(ConfirmationProblem.driver)
            } else {
                problems.append(.driverNotRegistered(code, association: association))
            }
            // Overlapping confirmed trips of the same vehicle or driver, unless both ride one
            // route of the day's accepted plan on this vehicle (a shared ride overlaps by design).
            let route = try Self.planRoute(db, trip: id)
            for row in try Row.fetchAll(db, sql: """
                SELECT trip_confirmation.trip, trip_confirmation.vehicle, trip_confirmation.driver, trip_confirmation.association
                FROM trip_confirmation JOIN trip ON trip.id = trip_confirmation.trip
                WHERE trip.date = ? AND trip.status = 'assigned' AND trip.id != ?
                  AND (trip_confirmation.vehicle = ? OR (trip_confirmation.association = ? AND trip_confirmation.driver = ?))
                """, arguments: [date.description, id, plate, association, code]) {
                let other = try Self.tripRecord(db, row[0])!
                if let route, route.vehicle == plate, try Self.planRoute(db, trip: other.trip.id) == route { continue }
                let otherWindow = VolunteerRules.window(of: other.trip, estimated: other.estimated, averageSpeedKmh: averageSpeedKmh)
                guard VolunteerRules.overlap(window, otherWindow) else { continue }
                let what: ConfirmationProblem.Resource = (row[1] as String) == plate ? .vehicle(plate) : .driver(code)
                problems.append(.alreadyConfirmed(what, trip: other.trip.id, otherStart: otherWindow.start, otherEnd: otherWindow.end,
                                                  start: window.start, end: window.end))
            }
            if !problems.isEmpty {
                throw StoreError.refused(.trip(.cannotConfirmWith(id, vehicle: plate, driver: code, problems: problems)))
            }
            try db.execute(sql: """
                INSERT INTO trip_confirmation(trip, association, vehicle, driver, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(trip) DO UPDATE SET association = excluded.association, vehicle = excluded.vehicle, driver = excluded.driver,
                  confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by
                """, arguments: [id, association, plate, code, at, actor.name])
            try db.execute(sql: "UPDATE assignment SET vehicle = ? WHERE trip = ?", arguments: [plate, id])
            try db.execute(sql: "UPDATE trip SET version = version + 1 WHERE id = ?", arguments: [id])
            try audit(db, actor, action: "trip.confirm", entity: "trip", id: String(id),
                      details: ["association": .text(association), "vehicle": .text(plate), "driver": .text(code)], at: at)
            return Confirmation(trip: id, association: association, vehicle: plate, driver: code)
        }
    }

    /// The accepted plan and vehicle whose route carries a trip, if any.
    static func planRoute(_ db: Database, trip: Int64) throws -> PlanRoute? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT plan, vehicle FROM plan_trip WHERE trip = ?"), arguments: [trip])
            .map { PlanRoute(plan: $0[0], vehicle: $0[1]) }
    }

    /// One vehicle's route in an accepted plan.
    struct PlanRoute: Hashable { var plan: Int64; var vehicle: String }

    /// Declines an assigned trip for its association, with a reason: the trip goes back to the
    /// dispatcher's queue (pending, marked declined), and dispatch does not offer it to that
    /// association again. `association`, when given, must be the one holding the trip.
    ///
    /// With `scope` (an association's server token), a trip not assigned to that association is
    /// answered as a trip that does not exist.
    public func decline(trip id: Int64, association expected: String? = nil, scope: String? = nil, reason: String, actor: Actor) throws -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.refused(.trip(.declineNeedsReason)) }
        let at = timestamp()
        return try pool.write { db in
            guard let record = try Self.tripRecord(db, id), scope == nil || record.assignment?.association == scope else {
                throw StoreError.notFound(entity: .trip, id: String(id))
            }
            guard record.trip.status == .assigned, let association = record.assignment?.association else {
                throw StoreError.refused(.trip(.cannotDecline(id, record.trip.status)))
            }
            if let expected, expected != association {
                throw StoreError.refused(.trip(.assignedElsewhere(id, holder: association, asked: expected)))
            }
            try db.execute(sql: "DELETE FROM trip_confirmation WHERE trip = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM assignment WHERE trip = ?", arguments: [id])
            try db.execute(sql: "UPDATE trip SET status = 'pending', status_reason = ?, version = version + 1 WHERE id = ?",
                           arguments: [TripStatusReason.declined(association: association, reason: reason).stored, id])
            try db.execute(sql: "INSERT INTO trip_decline(trip, association, reason, declined_at, declined_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, association, reason, at, actor.name])
            try audit(db, actor, action: "trip.decline", entity: "trip", id: String(id),
                      details: ["association": .text(association), "reason": .text(reason)], at: at)
            return association
        }
    }

    /// The associations that declined each of `trips`.
    static func declines(_ db: Database, trips: [Int64]) throws -> [Int64: Set<String>] {
        guard !trips.isEmpty else { return [:] }
        var result: [Int64: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT trip, association FROM trip_decline WHERE trip IN (\(trips.map(String.init).joined(separator: ",")))") {
            result[row[0], default: []].insert(row[1])
        }
        return result
    }

    /// The associations that declined a trip.
    public func declines(of trip: Int64) throws -> Set<String> {
        try pool.read { db in try Self.declines(db, trips: [trip])[trip] ?? [] }
    }

    /// The confirmations of an association's trips on a day, by trip.
    public func confirmations(of association: String, on date: LocalDate) throws -> [Int64: Confirmation] {
        try pool.read { db in
            var result: [Int64: Confirmation] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT trip_confirmation.trip, trip_confirmation.vehicle, trip_confirmation.driver FROM trip_confirmation
                JOIN trip ON trip.id = trip_confirmation.trip WHERE trip_confirmation.association = ? AND trip.date = ?
                """, arguments: [association, date.description]) {
                result[row[0]] = Confirmation(trip: row[0], association: association, vehicle: row[1], driver: row[2])
            }
            return result
        }
    }
}
