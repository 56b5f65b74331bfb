import CentraleDispatch
import CentraleDomain
import GRDB

/// Everything the dispatch engine needs for one day, read from the database in one snapshot.
public struct DispatchInput: Sendable {
    /// The day.
    public var date: LocalDate
    /// The trips to decide, with the versions they were read at.
    public var trips: [TripRecord]
    /// Earlier assignments.
    public var history: DispatchHistory
    /// Each beneficiary's trips still to assign from the day to the end of its month.
    public var outlook: [String: Int]
    /// One of those trips per beneficiary (the first), for the engine's month roster.
    public var samples: [String: TripRequest]
    /// The day's assignments that stay, by association.
    public var alreadyAssigned: [String: Int]
    /// The day's assignments that stay, by beneficiary.
    public var usualToday: [String: String]
    /// The associations that declined each trip (never offered it again).
    public var declined: [Int64: Set<String>] = [:]
    /// The plates of the vehicles off the road that day (they carry nobody).
    public var offTheRoad: Set<String> = []
    /// Each association's means that day (`DayCrews`): for those that register volunteers, the
    /// crews on duty lower the declared capacity and take only the trips they cover.
    public var means: [String: DayCrews] = [:]
    /// The planning speed, for the time each trip keeps a crew busy.
    public var averageSpeedKmh = PlanningRules().averageSpeedKmh
}

/// What applying a plan did.
public struct DispatchOutcome: Hashable, Sendable {
    /// Trips assigned.
    public var assigned = 0
    /// Trips marked unassignable.
    public var unassignable = 0
    /// Trips changed by someone else since they were read (left as they are).
    public var stale: [Int64] = []
}

extension Store {
    /// Reads the engine's input for `date`. Pending and unassignable trips are decided; with
    /// `reassign`, so are the day's trips the engine assigned earlier (manual and forced
    /// assignments, and trips already carried out, always stay).
    ///
    /// `explaining` (for `dispatch --explain` and the screen's candidates) adds one trip of the
    /// day to those decided even if this dispatch would leave it as it is; every other trip is
    /// read exactly as that dispatch reads it, so that the trip is ranked in the same batch, in
    /// the same order, as the dispatch that would store it. Its own assignment, if any, then no
    /// longer counts as one that stays (nor do its declines go missing).
    public func dispatchInput(for date: LocalDate, reassign: Bool, explaining: Int64? = nil) throws -> DispatchInput {
        let registry = try registry()
        return try pool.read { db in
            let day = date.description
            let batch = reassign
                ? "(trip.status IN \(TripStatus.undecided.sql) OR (trip.status = 'assigned' AND assignment.method = 'engine' "
                    + "AND trip.id NOT IN (SELECT trip FROM trip_confirmation)))"
                : "trip.status IN \(TripStatus.undecided.sql)"
            let decidable = explaining.map { "(\(batch) OR trip.id = \($0))" } ?? batch
            let trips = try Row.fetchAll(db, sql: Self.tripRecordSQL + " WHERE trip.date = ? AND \(decidable) ORDER BY trip.id",
                                         arguments: [day]).decoded { try TripRecord(row: $0, layout: $1) }
            let decided = Set(trips.map(\.trip.id))

            func usage(from start: LocalDate) throws -> [DispatchHistory.Usage] {
                try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT trip.beneficiary, assignment.association, COUNT(*), MAX(trip.date)
                    FROM assignment JOIN trip ON trip.id = assignment.trip
                    WHERE trip.date >= ? AND trip.date < ? AND trip.status IN \(TripStatus.heldByAssociation.sql)
                    GROUP BY trip.beneficiary, assignment.association
                    """), arguments: [start.description, day]).map { row in
                    DispatchHistory.Usage(beneficiary: row[0], association: row[1], count: row[2], last: try row.decode(LocalDate.self, atIndex: 3))
                }
            }
            let history = DispatchHistory(day: date, recent: try usage(from: date.adding(days: -DispatchHistory.continuityDays)),
                                          thisMonth: try usage(from: date.yearMonth.firstDay))

            // The month still to come: today's trips to decide, and every trip of the later days
            // of the month that is not cancelled.
            var outlook: [String: Int] = [:]
            var samples: [String: TripRequest] = [:]
            for record in trips {
                outlook[record.trip.beneficiary, default: 0] += 1
                if samples[record.trip.beneficiary] == nil { samples[record.trip.beneficiary] = record.trip }
            }
            var firstLater: [Int64] = []
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT beneficiary, COUNT(*), MIN(id) FROM trip WHERE date > ? AND date <= ? AND status != 'cancelled' GROUP BY beneficiary
                """), arguments: [day, date.yearMonth.lastDay.description]) {
                outlook[row[0], default: 0] += row[1]
                if samples[row[0]] == nil { firstLater.append(row[2]) }
            }
            if !firstLater.isEmpty {
                for row in try Row.fetchAll(db, sql: "SELECT \(TripRequest.columns) FROM trip WHERE id IN (\(firstLater.map(String.init).joined(separator: ",")))") {
                    let trip = try TripRequest(row: row)
                    samples[trip.beneficiary] = trip
                }
            }

            var alreadyAssigned: [String: Int] = [:]
            var usualToday: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT trip.id, trip.beneficiary, assignment.association FROM trip JOIN assignment ON assignment.trip = trip.id
                WHERE trip.date = ? AND trip.status IN \(TripStatus.heldByAssociation.sql) ORDER BY trip.id
                """, arguments: [day]) where !decided.contains(row[0] as Int64) {
                alreadyAssigned[row[2], default: 0] += 1
                if usualToday[row[1]] == nil { usualToday[row[1]] = row[2] }
            }
            let off = try Self.offTheRoad(db, on: date)
            return DispatchInput(date: date, trips: trips, history: history,
                                 outlook: outlook, samples: samples, alreadyAssigned: alreadyAssigned, usualToday: usualToday,
                                 declined: try Self.declines(db, trips: trips.map(\.trip.id)), offTheRoad: off,
                                 means: Self.dayCrews(registry.associations, volunteers: try Self.allVolunteers(db), offTheRoad: off,
                                                      on: date, planning: registry.convention.planning),
                                 averageSpeedKmh: registry.convention.planning.averageSpeedKmh)
        }
    }

    /// Stores a plan in one transaction: assignments for the trips it assigned, the
    /// unassignable status (with the rule that blocked it) for the others, an audit entry for
    /// each. A trip changed since `input` was read is left alone and reported as stale.
    @discardableResult
    public func apply(_ plan: DispatchPlan, input: DispatchInput, actor: Actor) throws -> DispatchOutcome {
        let at = timestamp()
        let read = Dictionary(uniqueKeysWithValues: input.trips.map { ($0.trip.id, $0) })
        return try pool.write { db in
            var outcome = DispatchOutcome()
            for decision in plan.decisions {
                guard let before = read[decision.tripID], let now = try Self.tripRecord(db, decision.tripID),
                      now.version == before.version else {
                    outcome.stale.append(decision.tripID)
                    continue
                }
                if let chosen = decision.candidates.first {
                    let note = String(format: "engine score %.1f", chosen.total)
                    try setAssignment(db, trip: now, association: chosen.association, method: .engine, note: note, by: actor, at: at)
                    var details: [String: AuditValue] = ["association": .text(chosen.association), "method": "engine",
                                                         "score": .text(String(format: "%.2f", chosen.total))]
                    if let previous = now.assignment?.association, previous != chosen.association { details["previous"] = .text(previous) }
                    try audit(db, actor, action: "assignment.set", entity: "trip", id: String(now.trip.id), details: details, at: at)
                    outcome.assigned += 1
                } else if let blocked = decision.blocked {
                    try db.execute(sql: """
                        UPDATE trip SET status = 'unassignable', status_reason = ?, version = version + 1 WHERE id = ?
                        """, arguments: [blocked.reason.stored, now.trip.id])
                    try db.execute(sql: "DELETE FROM assignment WHERE trip = ?", arguments: [now.trip.id])
                    try audit(db, actor, action: "trip.unassignable", entity: "trip", id: String(now.trip.id),
                              details: ["rule": .text(blocked.rule.rawValue), "reason": .text(blocked.reason.english)], at: at)
                    outcome.unassignable += 1
                }
            }
            return outcome
        }
    }

    /// Writes (or replaces) a trip's assignment and marks it assigned.
    func setAssignment(_ db: Database, trip: TripRecord, association: String, method: AssignmentMethod, note: String?,
                       by actor: Actor, at: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO assignment(trip, association, vehicle, method, note, assigned_at, assigned_by) VALUES (?, ?, NULL, ?, ?, ?, ?)
            ON CONFLICT(trip) DO UPDATE SET association = excluded.association, vehicle = NULL, method = excluded.method,
              note = excluded.note, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
            """).execute(arguments: [trip.trip.id, association, method.rawValue, note, at, actor.name])
        try db.cachedStatement(sql: "UPDATE trip SET status = 'assigned', status_reason = NULL, version = version + 1 WHERE id = ?")
            .execute(arguments: [trip.trip.id])
        // A confirmation was for the association and vehicle it replaces.
        try db.cachedStatement(sql: "DELETE FROM trip_confirmation WHERE trip = ?").execute(arguments: [trip.trip.id])
    }
}

extension Store {
    /// The year's assignments as samples for `DispatchQuality` (cancelled trips excluded).
    public func dispatchSamples(year: Int) throws -> [DispatchQuality.Sample] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT trip.date, assignment.association, trip.beneficiary, trip.series IS NOT NULL
                FROM assignment JOIN trip ON trip.id = assignment.trip
                WHERE trip.date BETWEEN ? AND ? AND trip.status != 'cancelled'
                """, arguments: ["\(year)-01-01", "\(year)-12-31"]).map { row in
                DispatchQuality.Sample(date: try row.decode(LocalDate.self, atIndex: 0), association: row[1], beneficiary: row[2], recurring: row[3])
            }
        }
    }
}

extension Store {
    /// The first hard rule `association` would break by taking the trip of `record` by hand,
    /// counting its other trips that day against its capacity; nil if it may take it.
    public func brokenRule(assigning record: TripRecord, to association: String, engine: DispatchEngine, zone: Set<String>) throws -> HardRule? {
        let load = try tripRecords(on: record.trip.date).filter {
            $0.trip.id != record.trip.id && $0.assignment?.association == association && $0.trip.status.isHeldByAssociation
        }.count
        let declined = try declines(of: record.trip.id)
        let registry = try registry()
        let means = try pool.read { db in try Self.dayCrews(db, registry.associations, on: record.trip.date, planning: registry.convention.planning) }
        let busy = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: registry.convention.planning.averageSpeedKmh)
        return engine.withVehicles(offTheRoad: try offTheRoad(on: record.trip.date)).withDayCrews(means)
            .brokenRule(for: DispatchTrip(record.trip, zone: zone, declinedBy: declined, busy: busy), by: association, assignedToday: load)
    }
}

extension DispatchEngine {
    /// Decides the trips of a dispatch input as `Store.dispatchInput` read it: the one way the
    /// CLI, the screen and the demo run the engine on stored trips.
    public func dispatch(_ input: DispatchInput, zone: Set<String>) -> DispatchPlan {
        withVehicles(offTheRoad: input.offTheRoad).withDayCrews(input.means)
            .dispatch(input.trips.map {
                DispatchTrip($0.trip, zone: zone, declinedBy: input.declined[$0.trip.id] ?? [],
                             busy: VolunteerRules.window(of: $0.trip, estimated: $0.estimated, averageSpeedKmh: input.averageSpeedKmh))
            }, on: input.date, history: input.history,
                 outlook: input.outlook, samples: input.samples.mapValues { DispatchTrip($0, zone: zone) },
                 alreadyAssigned: input.alreadyAssigned, usualToday: input.usualToday)
    }
}
