import CentraleDomain
import CentraleFormats
import CentraleTariffs
import CentraleTripLogs
import GRDB

/// A logged trip whose km differ from the estimate beyond the tolerance.
public struct FlaggedLog: Hashable, Sendable, Encodable {
    public var trip: Int64
    public var date: String
    public var association: String
    public var vehicle: String
    public var drivenMetres: Int
    public var estimatedMetres: Int
    public var flag: String
    public var submission: Int64?
    /// Whether the km are implausible (more than 3× the estimate and more than 20 km above it).
    public var implausible: Bool
    /// The review's state (`not reviewed`, `accepted`, `estimate paid`, `12.0 km paid`), and the
    /// km paid as it stands.
    public var review: String
    public var paidMetres: Int
    /// Who reviewed it, and why.
    public var reviewedBy: String?
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case trip, date, association, vehicle, flag, submission, implausible, review, reason
        case drivenMetres = "driven_m", estimatedMetres = "estimated_m", paidMetres = "paid_m", reviewedBy = "reviewed_by"
    }
}

extension Store {
    /// Corrects a recorded log: the changed log is checked like a submitted row, stored with its
    /// new reconciliation, and audited with the old and new values and the reason.
    public func amendLog(trip id: Int64, change: (inout TripLog) -> Void, actor: Actor) throws -> CheckedLog {
        guard let reason = actor.reason, !reason.isEmpty else { throw StoreError.refused(.log(.amendmentNeedsReason)) }
        let registry = try self.registry()
        let at = timestamp()
        return try pool.write { db in
            guard let before = try Self.logs(db, [id])[id] else {
                throw StoreError.refused(.log(.noLogToAmend(id)), remedy: .submitLog)
            }
            let reconciled = try Row.fetchOne(db, sql: "SELECT estimated_m, km_flag FROM trip_log WHERE trip = ?", arguments: [id])!
            let paidBefore = try Self.payableLog(db, before, estimated: Distance(metres: reconciled[0]), flagged: (reconciled[1] as String?) != nil)
            var after = before
            change(&after)
            guard after != before else { throw StoreError.refused(.log(.nothingToChange(id))) }
            // The audit keeps the notes' old and new values, and the reason, for good.
            if let person = try String.fetchOne(db, sql: "SELECT beneficiary FROM trip WHERE id = ?", arguments: [id]) {
                try Self.refuseNamingPerson(db, code: person, [(.note, after.notes == before.notes ? nil : after.notes), (.reason, reason)])
            }
            guard let association = registry.associations.first(where: { $0.code == before.association }) else {
                throw StoreError.notFound(entity: .association, id: before.association)
            }
            var trips = try Self.logTrips(db, [id]).trips
            if trips[id]?.trip.status == .cancelled { trips[id]?.trip.status = .assigned } // cancelled on the spot: still amendable
            var context = LogContext(association: association, trips: trips, recorded: [:],
                                     tolerance: KmTolerance(percent: registry.convention.rules.kmTolerancePercent,
                                                            minimum: registry.convention.rules.kmToleranceMinimum),
                                     estimator: registry.convention.distanceEstimator, plannedShares: try Self.plannedShares(db, [id]),
                                     storedRanges: try trips[id].map { try Self.storedRanges(db, association: association.code, from: $0.trip.date, through: $0.trip.date) } ?? [:],
                                     routes: try trips[id].map { try Self.routes(db, association: association.code, from: $0.trip.date, through: $0.trip.date) } ?? [:])
            // The driver checked as a submitted row's is: registered with the association, licence and
            // insurance valid on the trip's day, qualified for its needs (flagged, as a submission flags it).
            context.volunteers = try Self.logVolunteers(db, association: association.code)
            let batch = LogValidator(context: context).check([after.asRow(file: "amendment of trip \(id)", place: .amendment(trip: id))])
            guard batch.problems.isEmpty, let checked = batch.fresh.first else { throw FieldErrors(batch.problems) }
            try db.execute(sql: """
                UPDATE trip_log SET vehicle = ?, driver = ?, odometer_start_m = ?, odometer_end_m = ?, driven_m = ?, picked_up_at = ?,
                  dropped_off_at = ?, waiting_min = ?, outcome = ?, notes = ?, estimated_m = ?, km_flag = ?, driver_flag = ? WHERE trip = ?
                """, arguments: [after.vehiclePlate, after.driverCode, after.odometerStart?.metres, after.odometerEnd?.metres,
                                 after.driven.metres, after.pickedUpAt?.minutes, after.droppedOffAt?.minutes, after.waitingMinutes,
                                 after.outcome.rawValue, after.notes, checked.estimated.metres, checked.flag?.description, checked.driverFlag, id])
            let trip = trips[id]!.trip
            if try Self.isClosed(db, trip.date.yearMonth) {
                let engine = TariffEngine(convention: registry.convention)
                let fleet = Dictionary(uniqueKeysWithValues: association.vehicles.map { ($0.plate, $0) })
                if let old = fleet[before.vehiclePlate], let new = fleet[after.vehiclePlate] {
                    // Both on the km payable (a flagged log at the estimate until it is reviewed).
                    let paidAfter = try Self.payableLog(db, after, estimated: checked.estimated, flagged: checked.flag != nil)
                    let amount = try engine.reimburse(trip, log: paidAfter, vehicle: new).total - engine.reimburse(trip, log: paidBefore, vehicle: old).total
                    if amount != .zero {
                        _ = try Self.recordAdjustment(db, trip: trip, association: association.code, amount: amount,
                                                      reason: AdjustmentReason.amendment(reason).stored, actor: actor, today: today(), at: at)
                    }
                }
            }
            if after.outcome != before.outcome {
                let status: TripStatus = after.outcome == .done ? .done : after.outcome == .noShow ? .noShow : .cancelled
                try db.execute(sql: "UPDATE trip SET status = ?, version = version + 1 WHERE id = ?", arguments: [status.rawValue, id])
            }
            // The log's canonical lines before and after (`LogDigest`): `centrale verify` checks the
            // log against the last amendment, and its submission's digest with the line it had.
            let lines: [String: AuditValue] = [
                "log_before": .text(LogDigest.line(before, estimated: Distance(metres: reconciled[0]), kmFlag: reconciled[1])),
                "log": .text(LogDigest.line(after, estimated: checked.estimated, kmFlag: checked.flag?.description)),
            ]
            try audit(db, actor, action: "log.amend", entity: "trip", id: String(id),
                      details: Self.changes(before, after).merging(["km_flag": checked.flag.map { .text($0.description) } ?? .null]) { a, _ in a }
                          .merging(lines) { a, _ in a },
                      at: at)
            return checked
        }
    }

    static func changes(_ a: TripLog, _ b: TripLog) -> [String: AuditValue] {
        var changes: [String: AuditValue] = [:]
        func note(_ key: String, _ x: String, _ y: String) { if x != y { changes[key] = .text("\(x) → \(y)") } }
        note("vehicle", a.vehiclePlate, b.vehiclePlate)
        note("driver", a.driverCode, b.driverCode)
        note("driven_m", String(a.driven.metres), String(b.driven.metres))
        note("odometer_start_m", a.odometerStart.map { String($0.metres) } ?? "-", b.odometerStart.map { String($0.metres) } ?? "-")
        note("odometer_end_m", a.odometerEnd.map { String($0.metres) } ?? "-", b.odometerEnd.map { String($0.metres) } ?? "-")
        note("pickup", a.pickedUpAt?.description ?? "-", b.pickedUpAt?.description ?? "-")
        note("dropoff", a.droppedOffAt?.description ?? "-", b.droppedOffAt?.description ?? "-")
        note("waiting_min", String(a.waitingMinutes), String(b.waitingMinutes))
        note("outcome", a.outcome.rawValue, b.outcome.rawValue)
        note("notes", a.notes, b.notes)
        return changes
    }

    /// The logs of a month flagged for km review, optionally for one association.
    public func flaggedLogs(month: YearMonth, association: String? = nil) throws -> [FlaggedLog] {
        try pool.read { db in
            if let association { try Self.requireAssociation(db, association) }
            var sql = """
                SELECT trip_log.trip, trip.date, trip_log.association, trip_log.vehicle, trip_log.driven_m, trip_log.estimated_m,
                       trip_log.km_flag, trip_log.submission, km_review.decision, km_review.paid_m, km_review.reviewed_by, km_review.reason
                FROM trip_log JOIN trip ON trip.id = trip_log.trip LEFT JOIN km_review ON \(Self.validReview)
                WHERE trip_log.km_flag IS NOT NULL AND trip.approximate = 0 AND trip.date BETWEEN ? AND ?
                """
            var arguments: StatementArguments = [month.firstDay.description, month.lastDay.description]
            if let association { sql += " AND trip_log.association = ?"; arguments += [association] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY trip.date, trip_log.trip", arguments: arguments).map { row in
                let driven = Distance(metres: row[4]), estimated = Distance(metres: row[5])
                let review = (row[8] as String?).flatMap { KmReview(name: $0, km: (row[9] as Int?).map(Distance.init(metres:))) }
                return FlaggedLog(trip: row[0], date: row[1], association: row[2], vehicle: row[3], drivenMetres: row[4],
                                  estimatedMetres: row[5], flag: row[6], submission: row[7],
                                  implausible: KmReconciliation.isImplausible(driven: driven, estimated: estimated),
                                  review: review?.label ?? "not reviewed",
                                  paidMetres: KmReconciliation.payable(driven: driven, estimated: estimated, flagged: true, review: review).metres,
                                  reviewedBy: review == nil ? nil : row[10], reason: review == nil ? nil : row[11])
            }
        }
    }

    /// The km logged for the trips of a year.
    public func loggedDistance(year: Int) throws -> Distance {
        try pool.read { db in
            Distance(metres: try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(trip_log.driven_m), 0) FROM trip_log JOIN trip ON trip.id = trip_log.trip WHERE trip.date BETWEEN ? AND ?
                """, arguments: ["\(year)-01-01", "\(year)-12-31"]) ?? 0)
        }
    }

    /// The trips assigned to an association between two days (included), by day and time.
    public func trips(of association: String, from first: LocalDate, to last: LocalDate) throws -> [TripRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: Self.tripRecordSQL + """
                 WHERE assignment.association = ? AND trip.date BETWEEN ? AND ? ORDER BY trip.date, trip.appointment, trip.id
                """, arguments: [association, first.description, last.description]).decoded { try TripRecord(row: $0, layout: $1) }
        }
    }
}

extension TripLog {
    /// The log as a file row (for re-checking an amendment with the submission rules); its
    /// problems name `place` (the amendment of the trip), and its fields by the reader's language.
    func asRow(file: String, place: LogPlace? = nil) -> LogRow {
        // Exact, with a decimal point (the row's mark), negative values kept negative so the check refuses them.
        func km(_ d: Distance?) -> String { d.map { DecimalText.plain($0.metres, decimals: 3) } ?? "" }
        let hasOdometers = odometerStart != nil && odometerEnd != nil
        return LogRow(location: SourceLocation(file: file, line: 1), values: [
            .trip: String(tripID), .vehicle: vehiclePlate, .driver: driverCode,
            .odometerStart: hasOdometers ? km(odometerStart) : "", .odometerEnd: hasOdometers ? km(odometerEnd) : "",
            .km: hasOdometers ? "" : km(driven), .pickupTime: pickedUpAt?.description ?? "", .dropoffTime: droppedOffAt?.description ?? "",
            .waitingMinutes: String(waitingMinutes), .outcome: outcome.rawValue, .notes: notes,
        ], place: place)
    }
}
