import CentraleDomain
import CentraleFormats
import CentraleTariffs
import CentraleTripLogs
import GRDB

/// What happened to one submitted file.
public struct SubmissionResult: Sendable {
    /// The submission's id in `log_submission`.
    public var id: Int64
    /// Whether the file was accepted (all or nothing).
    public var accepted: Bool
    /// New logs stored.
    public var newLogs: Int
    /// Logs already recorded with the same values.
    public var alreadyRecorded: Int
    /// New logs flagged for km review.
    public var flagged: Int
    /// Every problem, when rejected.
    public var problems: [FieldError]

    /// Creates a result.
    public init(id: Int64, accepted: Bool, newLogs: Int, alreadyRecorded: Int, flagged: Int, problems: [FieldError]) {
        self.id = id
        self.accepted = accepted
        self.newLogs = newLogs
        self.alreadyRecorded = alreadyRecorded
        self.flagged = flagged
        self.problems = problems
    }
}

extension Store {
    /// Checks a file's rows and stores them, all or nothing, in one transaction: the rows are
    /// validated inside the transaction against the trips as they are, so nothing can change
    /// between the check and the write. A rejected file writes no log, only the record of the
    /// attempt (and an audit entry); an accepted one stores its logs, closes their trips and
    /// records the submission with the file's checksum.
    public func submitLogs(_ rows: [LogRow], association code: String, file: String, sha256: String,
                           actor: Actor) throws -> SubmissionResult {
        let registry = try self.registry()
        guard let association = registry.associations.first(where: { $0.code == code }) else {
            throw StoreError.notFound(entity: "association", id: code)
        }
        let tolerance = KmTolerance(percent: registry.convention.rules.kmTolerancePercent, minimum: registry.convention.rules.kmToleranceMinimum)
        let at = timestamp()
        return try pool.write { db in
            let ids = LogValidator.tripIDs(rows)
            let context = LogContext(association: association, trips: try Self.logTrips(db, ids), recorded: try Self.logs(db, ids),
                                     tolerance: tolerance, estimator: registry.convention.distanceEstimator, today: today(),
                                     plannedShares: try Self.plannedShares(db, ids))
            var batch = LogValidator(context: context).check(rows)
            // A trip whose address has only an approximate position (a comune's centre) has no
            // reliable estimate: its km are not flagged.
            for index in batch.fresh.indices where context.trips[batch.fresh[index].log.tripID]?.trip.isApproximate == true {
                batch.fresh[index].flag = nil
            }
            let accepted = batch.problems.isEmpty
            try db.execute(sql: """
                INSERT INTO log_submission(association, file, sha256, submitted_at, submitted_by, rows, new_logs, already_recorded, accepted, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [code, file, sha256, at, actor.name, rows.count, accepted ? batch.fresh.count : 0,
                                 batch.alreadyRecorded.count, accepted, batch.problems.map(\.description).joined(separator: "\n")])
            let submission = db.lastInsertedRowID
            guard accepted else {
                try audit(db, actor, action: "log.rejected", entity: "log_submission", id: String(submission),
                          details: ["association": .text(code), "file": .text(file), "problems": .int(batch.problems.count)], at: at)
                return SubmissionResult(id: submission, accepted: false, newLogs: 0, alreadyRecorded: 0, flagged: 0, problems: batch.problems)
            }
            let engine = TariffEngine(convention: registry.convention)
            var closed: [YearMonth: Bool] = [:]
            for checked in batch.fresh {
                try insertLog(db, checked, submission: submission, actor: actor, at: at)
                let trip = context.trips[checked.log.tripID]!.trip
                let month = trip.date.yearMonth
                if closed[month] == nil { closed[month] = try Self.isClosed(db, month) }
                if closed[month]!, let vehicle = association.vehicles.first(where: { $0.plate == checked.log.vehiclePlate }) {
                    let amount = try engine.reimburse(trip, log: checked.log, vehicle: vehicle).total
                    let applied = try Self.recordAdjustment(db, trip: trip, association: code, amount: amount,
                                                            reason: "late log (\(month) closed)", actor: actor, at: at)
                    try audit(db, actor, action: "adjustment.create", entity: "trip", id: String(trip.id), details: [
                        "original_month": .text(month.description), "applied_month": .text(applied.description), "amount_cents": .int(amount.cents),
                    ], at: at)
                }
            }
            try audit(db, actor, action: "log.submission", entity: "log_submission", id: String(submission), details: [
                "association": .text(code), "file": .text(file), "sha256": .text(sha256), "new": .int(batch.fresh.count),
                "already_recorded": .int(batch.alreadyRecorded.count),
            ], at: at)
            return SubmissionResult(id: submission, accepted: true, newLogs: batch.fresh.count, alreadyRecorded: batch.alreadyRecorded.count,
                                    flagged: batch.fresh.filter { $0.flag != nil }.count, problems: [])
        }
    }

    private func insertLog(_ db: Database, _ checked: CheckedLog, submission: Int64, actor: Actor, at: String) throws {
        let log = checked.log
        try db.cachedStatement(sql: """
            INSERT INTO trip_log(trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at,
              dropped_off_at, waiting_min, outcome, notes, submitted_at, submitted_by, source, submission, estimated_m, km_flag)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                log.tripID, log.association, log.vehiclePlate, log.driverCode, log.odometerStart?.metres, log.odometerEnd?.metres,
                log.driven.metres, log.pickedUpAt?.minutes, log.droppedOffAt?.minutes, log.waitingMinutes, log.outcome.rawValue,
                log.notes, at, actor.name, "line \(checked.line)", submission, checked.estimated.metres, checked.flag?.description,
            ])
        try closeTrip(db, log)
        var details: [String: AuditValue] = [
            "association": .text(log.association), "vehicle": .text(log.vehiclePlate), "outcome": .text(log.outcome.rawValue),
            "driven_m": .int(log.driven.metres), "estimated_m": .int(checked.estimated.metres), "submission": .int(Int(submission)),
        ]
        if let flag = checked.flag { details["km_flag"] = .text(flag.description) }
        try audit(db, actor, action: "log.create", entity: "trip", id: String(log.tripID), details: details, at: at)
    }

    /// Sets a trip's status from its log's outcome.
    private func closeTrip(_ db: Database, _ log: TripLog) throws {
        let (status, reason): (TripStatus, String?) = switch log.outcome {
        case .done: (.done, nil)
        case .noShow: (.noShow, "the beneficiary was not there")
        case .cancelledOnSpot: (.cancelled, "cancelled on the spot")
        }
        try db.cachedStatement(sql: "UPDATE trip SET status = ?, status_reason = ?, version = version + 1 WHERE id = ?")
            .execute(arguments: [status.rawValue, reason, log.tripID])
    }

    /// The trips with these ids and the association each is assigned to.
    static func logTrips(_ db: Database, _ ids: [Int64]) throws -> [Int64: (trip: TripRequest, assignedTo: String?)] {
        var result: [Int64: (trip: TripRequest, assignedTo: String?)] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 900).map({ Array(ids[$0..<min($0 + 900, ids.count)]) }) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(TripRequest.columns), assignment.association FROM trip LEFT JOIN assignment ON assignment.trip = trip.id
                WHERE trip.id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(chunk))
            for row in rows { result[row[0]] = (TripRequest(row: row), row[TripRequest.columnCount]) }
        }
        return result
    }

    /// The logs recorded for these trips.
    static func logs(_ db: Database, _ ids: [Int64]) throws -> [Int64: TripLog] {
        var result: [Int64: TripLog] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 900).map({ Array(ids[$0..<min($0 + 900, ids.count)]) }) {
            for row in try Row.fetchAll(db, sql: "SELECT \(TripLog.columns) FROM trip_log WHERE trip IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(chunk)) {
                let log = TripLog(row: row)
                result[log.tripID] = log
            }
        }
        return result
    }

    /// The log of a trip, if recorded.
    public func log(of trip: Int64) throws -> TripLog? {
        try pool.read { db in try Self.logs(db, [trip])[trip] }
    }
}

extension TripLog {
    /// The trip-log columns `init(row:)` reads, in its order.
    static let columns = """
        trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at, dropped_off_at, waiting_min,
        outcome, notes
        """

    /// Decodes a row whose columns from `start` on are `TripLog.columns`.
    init(row: Row, from start: Int = 0) {
        let c = start
        self.init(tripID: row[c], association: row[c + 1], vehiclePlate: row[c + 2], driverCode: row[c + 3],
                  odometerStart: (row[c + 4] as Int?).map(Distance.init(metres:)), odometerEnd: (row[c + 5] as Int?).map(Distance.init(metres:)),
                  driven: Distance(metres: row[c + 6]), pickedUpAt: (row[c + 7] as Int?).flatMap(LocalTime.init(minutes:)),
                  droppedOffAt: (row[c + 8] as Int?).flatMap(LocalTime.init(minutes:)), waitingMinutes: row[c + 9],
                  outcome: TripOutcome(rawValue: row[c + 10]) ?? .done, notes: row[c + 11])
    }
}

extension Store {
    /// Submits a trip-log file's text: a file that cannot even be read as logs (bad header,
    /// bad JSON, an open quote) is recorded as rejected with its problems; otherwise its rows are
    /// checked and stored as `submitLogs` does. The one path of `centrale log submit` and the demo.
    public func submitLogFile(_ text: String, file: String, sha256: String, association: String, actor: Actor) throws -> SubmissionResult {
        let rows: [LogRow]
        do {
            rows = try LogParser.parse(text, fileName: file)
        } catch let errors as FieldErrors {
            let id = try recordRejectedFile(association: association, file: file, sha256: sha256, problems: errors.errors, actor: actor)
            return SubmissionResult(id: id, accepted: false, newLogs: 0, alreadyRecorded: 0, flagged: 0, problems: errors.errors)
        }
        return try submitLogs(rows, association: association, file: file, sha256: sha256, actor: actor)
    }

    /// Records a file that could not even be read as trip logs (bad header, bad JSON).
    @discardableResult
    public func recordRejectedFile(association: String, file: String, sha256: String, problems: [FieldError], actor: Actor) throws -> Int64 {
        let at = timestamp()
        return try pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM association WHERE code = ?", arguments: [association]) == true else {
                throw StoreError.notFound(entity: "association", id: association)
            }
            try db.execute(sql: """
                INSERT INTO log_submission(association, file, sha256, submitted_at, submitted_by, rows, new_logs, already_recorded, accepted, problems)
                VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?)
                """, arguments: [association, file, sha256, at, actor.name, problems.map(\.description).joined(separator: "\n")])
            let id = db.lastInsertedRowID
            try audit(db, actor, action: "log.rejected", entity: "log_submission", id: String(id),
                      details: ["association": .text(association), "file": .text(file), "problems": .int(problems.count)], at: at)
            return id
        }
    }
}

