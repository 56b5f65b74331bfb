import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation
import GRDB

/// An accepted shared-ride plan as stored, and whether the day changed since.
public struct StoredPlan: Sendable {
    /// The plan as the dispatcher accepted it.
    public var plan: DayPlan
    /// When it was accepted (ISO 8601, UTC).
    public var acceptedAt: String
    /// Who accepted it.
    public var acceptedBy: String
    /// The trips assigned to the association that day but missing from the plan.
    public var added: [Int64]
    /// The plan's trips no longer assigned to the association (cancelled, reassigned).
    public var removed: [Int64]

    /// Whether the day's assignments changed since the plan was accepted.
    public var isStale: Bool { !added.isEmpty || !removed.isEmpty }
}

extension Store {
    /// The statuses of the trips a plan covers: assigned, or already carried out (a plan of a
    /// past day shows what sharing would have saved).

    /// The trips of an association's day that a plan covers, by time.
    public func plannableTrips(on date: LocalDate, association: String) throws -> [TripRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(TripRequest.columns) FROM trip JOIN assignment ON assignment.trip = trip.id
                WHERE trip.date = ? AND assignment.association = ? AND trip.status IN \(TripStatus.heldByAssociation.sql)
                ORDER BY trip.appointment, trip.id
                """, arguments: [date.description, association]).decoded { try TripRequest(row: $0, layout: $1) }
        }
    }

    /// Every association's plannable trips of every day from `first` through `last`, grouped
    /// by day then association (one query, for planning a whole year).
    public func plannableDays(from first: LocalDate, through last: LocalDate) throws -> [(date: LocalDate, association: String, trips: [TripRequest])] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(TripRequest.columns), assignment.association FROM trip JOIN assignment ON assignment.trip = trip.id
                WHERE trip.date BETWEEN ? AND ? AND trip.status IN \(TripStatus.heldByAssociation.sql)
                ORDER BY trip.date, assignment.association, trip.appointment, trip.id
                """, arguments: [first.description, last.description])
            var days: [(date: LocalDate, association: String, trips: [TripRequest])] = []
            var columns: ColumnLayout?
            for row in rows {
                let layout = ColumnLayout.of(row, keptIn: &columns)
                let trip = try TripRequest(row: row, layout: layout)
                let association: String = try layout.decode(row, "association")
                if let lastDay = days.last, lastDay.date == trip.date, lastDay.association == association {
                    days[days.count - 1].trips.append(trip)
                } else {
                    days.append((trip.date, association, [trip]))
                }
            }
            return days
        }
    }

    /// The associations with trips to plan on a day, by code.
    public func associationsWithTrips(on date: LocalDate) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT assignment.association FROM trip JOIN assignment ON assignment.trip = trip.id
                WHERE trip.date = ? AND trip.status IN \(TripStatus.heldByAssociation.sql) ORDER BY assignment.association
                """, arguments: [date.description])
        }
    }

    /// The day's trips to plan of every association that has some (or only of `association`),
    /// each with its association as the registry describes it and its crews of the day
    /// (`DayCrews`; nil for an association that registers no volunteers, which keeps the
    /// convention's declared day); `ServiceDayPlanner.plans` plans them.
    public func plannableDay(_ date: LocalDate, association: String? = nil)
        throws -> [(association: CentraleDomain.Association, trips: [TripRequest], crews: [CrewShift]?)] {
        let registry = try registry()
        var codes = try associationsWithTrips(on: date)
        if let association {
            guard registry.associations.contains(where: { $0.code == association }) else {
                throw StoreError.notFound(entity: .association, id: association, known: registry.associations.map(\.code).sorted())
            }
            codes = [association]
        }
        // A vehicle off the road that day is planned as inactive: no trip is planned on it.
        let off = try offTheRoad(on: date)
        let members = codes.compactMap { code in registry.associations.first { $0.code == code } }
        let means = try pool.read { db in try Self.dayCrews(db, members, on: date, planning: registry.convention.planning) }
        return try members.map { original in
            var member = original
            for index in member.vehicles.indices where off.contains(member.vehicles[index].plate) { member.vehicles[index].active = false }
            let crews = means[member.code]?.registeredCrews
            return (member, try plannableTrips(on: date, association: member.code), crews)
        }
    }

    /// Stores a plan as the association's plan for the day (see `acceptPlans`).
    public func acceptPlan(_ plan: DayPlan, actor: Actor) throws {
        try acceptPlans([plan], actor: actor)
    }

    /// Stores plans as their associations' plans for their days, replacing earlier ones, and
    /// records each shared trip's vehicle on its assignment; all in one audited transaction.
    ///
    /// Refused, with nothing written, when the assignments of a plan's day changed since it
    /// was made (a plan must cover exactly the trips assigned now): plan again and accept.
    public func acceptPlans(_ plans: [DayPlan], actor: Actor) throws {
        let at = timestamp()
        let encoder = JSONEncoder()
        try pool.write { db in
            for plan in plans {
                let json = String(decoding: try encoder.encode(plan), as: UTF8.self)
                let (added, removed) = try Self.difference(db, plan)
                guard added.isEmpty && removed.isEmpty else {
                    throw StoreError.refused(.trip(.planOutdated(association: plan.association, date: plan.date, added: added, removed: removed)),
                                             remedy: .replan(date: plan.date.description, association: plan.association))
                }
                for table in ["plan_stop", "plan_trip"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE plan IN (SELECT id FROM plan WHERE date = ? AND association = ?)",
                                   arguments: [plan.date.description, plan.association])
                }
                try db.execute(sql: "DELETE FROM plan WHERE date = ? AND association = ?", arguments: [plan.date.description, plan.association])
                try db.execute(sql: """
                    INSERT INTO plan(date, association, seed, planned_m, baseline_m, saving_cents, json, accepted_at, accepted_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [plan.date.description, plan.association, Int64(bitPattern: plan.seed), plan.plannedDistance.metres,
                                     plan.baselineDistance.metres, plan.saving.cents, json, at, actor.name])
                let planID = db.lastInsertedRowID
                // A vehicle driven by two crews in a day (morning and afternoon) has two routes:
                // its stops are numbered through the day, in the routes' order of departure.
                var positions: [String: Int] = [:]
                for vehicle in plan.vehicles.sorted(by: { ($0.plate, $0.departure) < ($1.plate, $1.departure) }) {
                    for stop in vehicle.stops {
                        let position = positions[vehicle.plate, default: 0] + 1
                        positions[vehicle.plate] = position
                        try db.execute(sql: "INSERT INTO plan_stop(plan, vehicle, position, trip, kind, planned_minute) VALUES (?, ?, ?, ?, ?, ?)",
                                       arguments: [planID, vehicle.plate, position, stop.tripID, stop.kind.rawValue, stop.time.minutes])
                    }
                    for trip in vehicle.tripIDs {
                        try db.execute(sql: "UPDATE assignment SET vehicle = ? WHERE trip = ?", arguments: [vehicle.plate, trip])
                    }
                    for share in vehicle.shares {
                        try db.execute(sql: "INSERT INTO plan_trip(plan, trip, vehicle, share_m) VALUES (?, ?, ?, ?)",
                                       arguments: [planID, share.tripID, vehicle.plate, share.distance.metres])
                    }
                }
                try audit(db, actor, action: "plan.accept", entity: "plan", id: String(planID), details: [
                    "date": .text(plan.date.description), "association": .text(plan.association),
                    "trips": .int(plan.tripCount), "vehicles": .int(plan.vehicles.count), "solo": .int(plan.solo.count),
                    "planned_m": .int(plan.plannedDistance.metres), "baseline_m": .int(plan.baselineDistance.metres),
                    "saving_cents": .int(plan.saving.cents),
                ], at: at)
            }
        }
    }

    /// The accepted plans of a day, by association, each with what changed since.
    public func acceptedPlans(on date: LocalDate, association: String? = nil) throws -> [StoredPlan] {
        try pool.read { db in
            var sql = "SELECT json, accepted_at, accepted_by FROM plan WHERE date = ?"
            var arguments: StatementArguments = [date.description]
            if let association {
                sql += " AND association = ?"
                arguments += [association]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY association", arguments: arguments).map { row in
                let plan = try JSONDecoder().decode(DayPlan.self, from: Data((row[0] as String).utf8))
                let (added, removed) = try Self.difference(db, plan)
                return StoredPlan(plan: plan, acceptedAt: row[1], acceptedBy: row[2], added: added, removed: removed)
            }
        }
    }

    /// Each trip's share of its accepted plan's route km, for the trips that have one: the km
    /// check compares a shared trip's log with it instead of the solo estimate.
    static func plannedShares(_ db: Database, _ ids: [Int64]) throws -> [Int64: Distance] {
        var result: [Int64: Distance] = [:]
        try forEachChunk(db, ids, sql: { condition in "SELECT trip, share_m FROM plan_trip WHERE \(condition("trip"))" }) { row in
            result[row[0]] = Distance(metres: row[1])
        }
        return result
    }

    /// The trips assigned now but not in the plan, and the plan's trips not assigned now.
    private static func difference(_ db: Database, _ plan: DayPlan) throws -> (added: [Int64], removed: [Int64]) {
        let current = Set(try Int64.fetchAll(db, sql: """
            SELECT trip.id FROM trip JOIN assignment ON assignment.trip = trip.id
            WHERE trip.date = ? AND assignment.association = ? AND trip.status IN \(TripStatus.heldByAssociation.sql)
            """, arguments: [plan.date.description, plan.association]))
        let planned = Set(plan.vehicles.flatMap(\.tripIDs) + plan.solo.map(\.tripID))
        return (current.subtracting(planned).sorted(), planned.subtracting(current).sorted())
    }
}
