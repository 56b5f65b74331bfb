import CentraleDomain
import CentraleFormats
import CentraleTariffs
import CentraleTripLogs
import GRDB
import GRDBSQLite

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
    /// New logs whose driver is not registered or not allowed to drive the trip that day.
    public var driverFlags: [DriverFlag] = []
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
    /// Checks a file's rows and stores them, all or nothing. The rows are checked outside any
    /// transaction, against the trips as a read sees them, so that a large file never holds
    /// the database's write lock while it is checked; the short write transaction then checks
    /// that what the check relied on (the trips' status, assignment and version, the logs
    /// recorded for them, the vehicles' recorded odometer ranges and the accepted plans of the
    /// days) is unchanged, and checks the rows again against the new state if it changed. A
    /// rejected file writes no log, only the record of the attempt (and an audit entry); an
    /// accepted one stores its logs, closes their trips and records the submission with the
    /// file's checksum.
    public func submitLogs(_ rows: [LogRow], association code: String, file: String, sha256: String,
                           actor: Actor) throws -> SubmissionResult {
        try submitLogs(rows, association: code, file: file, sha256: sha256, actor: actor, afterCheck: {})
    }

    /// `submitLogs`, calling `afterCheck` between the check and the write transaction (tests
    /// change the database there, as another process could).
    func submitLogs(_ rows: [LogRow], association code: String, file: String, sha256: String,
                    actor: Actor, afterCheck: () throws -> Void) throws -> SubmissionResult {
        try Self.refuseControlCharacters(actor)
        let registry = try self.registry()
        guard let association = registry.associations.first(where: { $0.code == code }) else {
            throw StoreError.notFound(entity: .association, id: code, known: registry.associations.map(\.code).sorted())
        }
        let tolerance = KmTolerance(percent: registry.convention.rules.kmTolerancePercent, minimum: registry.convention.rules.kmToleranceMinimum)
        let at = timestamp()
        let ids = LogValidator.tripIDs(rows)
        let today = today()
        func loadContext(_ db: Database) throws -> (LogContext, LogContextState) {
            let (trips, tripStates, span) = try Self.logTrips(db, ids)
            let state = LogContextState(
                span: span, trips: tripStates, recorded: try Self.logs(db, ids),
                storedRanges: try span.map { try Self.storedRanges(db, association: code, from: $0.0, through: $0.1) } ?? [:],
                routes: try span.map { try Self.routes(db, association: code, from: $0.0, through: $0.1) } ?? [:])
            let context = LogContext(association: association, trips: trips, recorded: state.recorded,
                                     tolerance: tolerance, estimator: registry.convention.distanceEstimator, today: today,
                                     plannedShares: try Self.plannedShares(db, ids), storedRanges: state.storedRanges, routes: state.routes)
            var withVolunteers = context
            withVolunteers.volunteers = try Self.logVolunteers(db, association: code)
            return (withVolunteers, state)
        }
        // Read, then check outside any transaction. The marker says whether anything at all
        // was committed between here and the write.
        let marker = try pool.writeWithoutTransaction { db in try Self.changeMarker(db) }
        var (context, state) = try pool.read { db in try loadContext(db) }
        var batch = LogValidator(context: context).check(rows)
        try afterCheck()
        let result = try pool.write { db in
            // What the check relied on must still hold; if anything changed, check again.
            if try Self.changeMarker(db) != marker, try Self.contextState(db, ids: ids, association: code, span: state.span) != state {
                (context, state) = try loadContext(db)
                batch = LogValidator(context: context).check(rows)
            }
            // A trip whose address has only an approximate position (a comune's centre) has no
            // reliable estimate: its km are not flagged.
            for index in batch.fresh.indices where batch.fresh[index].flag != nil
                && context.trips[batch.fresh[index].log.tripID]?.trip.isApproximate == true {
                batch.fresh[index].flag = nil
            }
            let accepted = batch.problems.isEmpty
            try db.execute(sql: """
                INSERT INTO log_submission(association, file, sha256, submitted_at, submitted_by, rows, new_logs, already_recorded, accepted, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [code, file, sha256, at, actor.name, rows.count, accepted ? batch.fresh.count : 0,
                                 batch.alreadyRecorded.count, accepted, Self.problemsText(batch.problems)])
            let submission = db.lastInsertedRowID
            guard accepted else {
                try audit(db, actor, action: "log.rejected", entity: "log_submission", id: String(submission),
                          details: ["association": .text(code), "file": .text(file), "problems": .int(batch.problems.count)], at: at)
                return SubmissionResult(id: submission, accepted: false, newLogs: 0, alreadyRecorded: 0, flagged: 0, problems: batch.problems)
            }
            let engine = TariffEngine(convention: registry.convention)
            var closed: [YearMonth: Bool] = [:]
            let anyClosed = try Bool.fetchOne(db, sql: "SELECT 1 FROM closed_month LIMIT 1") == true
            // One audit entry for the submission proves every log it stored: their number and
            // the digest of their canonical lines (`LogDigest`), which `centrale verify` recomputes.
            let stored = try insertLogs(db, batch.fresh, submission: submission, actor: actor, at: at)
            for checked in batch.fresh where anyClosed {
                let trip = context.trips[checked.log.tripID]!.trip
                let month = trip.date.yearMonth
                if closed[month] == nil { closed[month] = try Self.isClosed(db, month) }
                if closed[month]!, let vehicle = association.vehicles.first(where: { $0.plate == checked.log.vehiclePlate }) {
                    // Paid on the km payable: a flagged late log at the estimate until it is reviewed.
                    let paid = try Self.payableLog(db, checked.log, estimated: checked.estimated, flagged: checked.flag != nil)
                    let amount = try engine.reimburse(trip, log: paid, vehicle: vehicle).total
                    _ = try Self.recordAdjustment(db, trip: trip, association: code, amount: amount,
                                                  reason: AdjustmentReason.lateLog(closed: month).stored, actor: actor, today: today, at: at)
                }
            }
            var details: [String: AuditValue] = [
                "association": .text(code), "file": .text(file), "sha256": .text(sha256), "new": .int(stored.count),
                "already_recorded": .int(batch.alreadyRecorded.count), "logs_sha256": .text(stored.sha256),
            ]
            // The range of the logs' trips, where `verify` finds them (the logs' table is keyed by trip).
            if let trips = stored.trips { details["first_trip"] = .int(Int(trips.lowerBound)); details["last_trip"] = .int(Int(trips.upperBound)) }
            try audit(db, actor, action: "log.submission", entity: "log_submission", id: String(submission), details: details, at: at)
            var result = SubmissionResult(id: submission, accepted: true, newLogs: batch.fresh.count, alreadyRecorded: batch.alreadyRecorded.count,
                                          flagged: batch.fresh.filter { $0.flag != nil }.count, problems: [])
            result.driverFlags = batch.fresh.compactMap { checked in checked.driverProblem.map { (checked.log.tripID, $0) } }
                .sorted { $0.0 < $1.0 }.map { DriverFlag(trip: $0.0, problem: $0.1) }
            return result
        }
        return result
    }

    /// The most text of problems kept in `log_submission.problems` (64 KB).
    public static let maximumProblemsText = 64 * 1024

    /// A file's problems as stored in `log_submission.problems`, one a line, cut after 64 KB
    /// with a note of how many more there were.
    static func problemsText(_ problems: [FieldError]) -> String {
        var text = ""
        for (index, problem) in problems.enumerated() {
            let line = problem.description
            if text.utf8.count + line.utf8.count + 1 > maximumProblemsText - 100 {
                let rest = problems.count - index
                return text + "\n… and \(rest) more problem\(rest == 1 ? "" : "s") (\(problems.count) in all), not stored"
            }
            text += (index > 0 ? "\n" : "") + line
        }
        return text
    }

    /// Stores checked logs and closes their trips, with statements prepared once and values
    /// bound through SQLite's C API: a year of logs is one file, and per-row overhead is what a
    /// large import pays for. Returns the number of logs stored, the SHA-256 of their canonical
    /// lines (`LogDigest`), which the submission's audit entry keeps, and the range of their trips.
    private func insertLogs(_ db: Database, _ logs: [CheckedLog], submission: Int64, actor: Actor, at: String) throws
        -> (count: Int, sha256: String, trips: ClosedRange<Int64>?) {
        guard !logs.isEmpty else { return (0, SHA256.hex(of: [UInt8]()), nil) }
        // Many rows per statement: each execution of a statement has its own overhead in SQLite
        // (a statement journal, the foreign-key counters), larger than a row's.
        let columns = 19, rowsPerStatement = 64
        func insertSQL(_ rows: Int) -> String {
            let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            return """
                INSERT INTO trip_log(trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at,
                  dropped_off_at, waiting_min, outcome, notes, submitted_at, submitted_by, source, submission, estimated_m, km_flag, driver_flag)
                VALUES
                """ + Array(repeating: row, count: rows).joined(separator: ", ")
        }
        let full = try db.cachedStatement(sql: insertSQL(rowsPerStatement))
        let connection = db.sqliteConnection
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func text(_ statement: OpaquePointer?, _ index: Int32, _ value: String?) {
            guard var utf8 = value else { sqlite3_bind_null(statement, index); return }
            utf8.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { _ = sqlite3_bind_text(statement, index, base, Int32(chars.count), transient) }
                    else { _ = sqlite3_bind_text(statement, index, "", 0, transient) }
                }
            }
        }
        func int(_ statement: OpaquePointer?, _ index: Int32, _ value: Int?) {
            if let value { sqlite3_bind_int64(statement, index, Int64(value)) } else { sqlite3_bind_null(statement, index) }
        }
        func step(_ statement: OpaquePointer?) throws {
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
            }
        }
        defer { sqlite3_reset(full.sqliteStatement); sqlite3_clear_bindings(full.sqliteStatement) }
        // In trip order: the logs' table is keyed by trip, so its rows are appended, and the
        // trips' pages are visited in order.
        let inTripOrder = logs.indices.sorted { logs[$0].log.tripID < logs[$1].log.tripID }
        let trips = logs[inTripOrder[0]].log.tripID...logs[inTripOrder[inTripOrder.count - 1]].log.tripID
        let digest = PendingLogDigest(logs, order: inTripOrder)
        var start = 0
        while start < inTripOrder.count {
            let count = min(rowsPerStatement, inTripOrder.count - start)
            let prepared = count == rowsPerStatement ? full : try db.makeStatement(sql: insertSQL(count))
            let insert = prepared.sqliteStatement
            for offset in 0..<count {
                let checked = logs[inTripOrder[start + offset]], log = checked.log
                let base = Int32(offset * columns)
                int(insert, base + 1, Int(log.tripID)); text(insert, base + 2, log.association); text(insert, base + 3, log.vehiclePlate)
                text(insert, base + 4, log.driverCode); int(insert, base + 5, log.odometerStart?.metres); int(insert, base + 6, log.odometerEnd?.metres)
                int(insert, base + 7, log.driven.metres); int(insert, base + 8, log.pickedUpAt?.minutes); int(insert, base + 9, log.droppedOffAt?.minutes)
                int(insert, base + 10, log.waitingMinutes); text(insert, base + 11, log.outcome.rawValue); text(insert, base + 12, log.notes)
                text(insert, base + 13, at); text(insert, base + 14, actor.name); text(insert, base + 15, "line \(checked.line)")
                int(insert, base + 16, Int(submission))
                let flag = checked.flag?.description
                int(insert, base + 17, checked.estimated.metres); text(insert, base + 18, flag); text(insert, base + 19, checked.driverFlag)
            }
            try step(insert)
            start += count
        }
        // Each trip closed by its log's outcome, in one statement over this submission's logs
        // (found in the range of their trips: the logs' table is keyed by trip).
        try db.execute(sql: """
            UPDATE trip SET
              status = CASE l.outcome WHEN 'done' THEN 'done' WHEN 'no_show' THEN 'no_show' ELSE 'cancelled' END,
              status_reason = CASE l.outcome WHEN 'done' THEN NULL WHEN 'no_show' THEN 'the beneficiary was not there'
                                             ELSE 'cancelled on the spot' END,
              version = trip.version + 1
            FROM trip_log AS l WHERE l.trip BETWEEN ? AND ? AND l.submission = ? AND l.trip = trip.id
            """, arguments: [trips.lowerBound, trips.upperBound, submission])
        return (logs.count, digest.wait(), trips)
    }

    /// The trips with these ids and the association each is assigned to, with what the check
    /// relies on of each (status, version, assignment).
    static func logTrips(_ db: Database, _ ids: [Int64]) throws
        -> (trips: [Int64: (trip: TripRequest, assignedTo: String?)], states: [Int64: LogContextState.TripState], span: (LocalDate, LocalDate)?) {
        var span: (LocalDate, LocalDate)?
        var result: [Int64: (trip: TripRequest, assignedTo: String?)] = [:]
        var states: [Int64: LogContextState.TripState] = [:]
        result.reserveCapacity(ids.count)
        states.reserveCapacity(ids.count)
        // A year of trips: read straight from SQLite (`RawRow`).
        try forEachChunk(db, ids, sql: { condition in """
            SELECT \(TripRequest.columns), assignment.association FROM trip LEFT JOIN assignment ON assignment.trip = trip.id
            WHERE \(condition("trip.id"))
            """ }, layout: { columns in
                (trip: try TripRequest.RawLayout(columns), association: try columns.index("association"), version: try columns.index("version"))
            }) { row, layout in
            let trip = try TripRequest(raw: row, layout: layout.trip), association = row.optionalText(layout.association)
            span = span.map { (min($0.0, trip.date), max($0.1, trip.date)) } ?? (trip.date, trip.date)
            result[trip.id] = (trip, association)
            states[trip.id] = LogContextState.TripState(status: trip.status.rawValue, version: try row.int(layout.version), association: association)
        }
        return (result, states, span)
    }

    /// The logs recorded for these trips.
    static func logs(_ db: Database, _ ids: [Int64]) throws -> [Int64: TripLog] {
        var result: [Int64: TripLog] = [:]
        var columns: ColumnLayout?
        try forEachChunk(db, ids, sql: { condition in "SELECT \(TripLog.columns) FROM trip_log WHERE \(condition("trip"))" }) { row in
            let layout = ColumnLayout.of(row, keptIn: &columns)
            let log = try TripLog(row: row, layout: layout)
            result[log.tripID] = log
        }
        return result
    }

    /// The log of a trip, if recorded.
    public func log(of trip: Int64) throws -> TripLog? {
        try pool.read { db in try Self.logs(db, [trip])[trip] }
    }
}

extension TripLog {
    /// The trip-log columns `init(row:)` reads.
    static let columns = """
        trip_log.trip, trip_log.association, trip_log.vehicle, trip_log.driver, trip_log.odometer_start_m, trip_log.odometer_end_m,
        trip_log.driven_m, trip_log.picked_up_at, trip_log.dropped_off_at, trip_log.waiting_min, trip_log.outcome, trip_log.notes
        """

    /// Decodes a row that holds `TripLog.columns`, by column name; an unknown outcome throws.
    init(row: Row, layout: ColumnLayout? = nil) throws {
        let layout = layout ?? ColumnLayout(row)
        func value<T: DatabaseValueConvertible>(_ name: String) throws -> T { try layout.decode(row, name) }
        self.init(tripID: try value("trip"), association: try value("association"), vehiclePlate: try value("vehicle"),
                  driverCode: try value("driver"), odometerStart: try value("odometer_start_m"), odometerEnd: try value("odometer_end_m"),
                  driven: try value("driven_m"), pickedUpAt: try value("picked_up_at"), droppedOffAt: try value("dropped_off_at"),
                  waitingMinutes: try value("waiting_min"), outcome: try value("outcome"), notes: try value("notes"))
    }
}

extension Store {
    /// Submits a trip-log file's text: a file that cannot even be read as logs (bad header,
    /// bad JSON, an open quote) is recorded as rejected with its problems; otherwise its rows are
    /// checked and stored as `submitLogs` does. The one path of `centrale log submit` and the demo.
    public func submitLogFile(_ text: String, file: String, sha256: String, association: String, actor: Actor) throws -> SubmissionResult {
        try submitLogFile(text, file: file, sha256: sha256, association: association, actor: actor, afterCheck: {})
    }

    /// `submitLogFile`, calling `afterCheck` between the check and the write transaction.
    func submitLogFile(_ text: String, file: String, sha256: String, association: String, actor: Actor,
                       afterCheck: () throws -> Void) throws -> SubmissionResult {
        let rows: [LogRow]
        do {
            rows = try LogParser.parse(text, fileName: file)
        } catch let errors as FieldErrors {
            let id = try recordRejectedFile(association: association, file: file, sha256: sha256, problems: errors.errors, actor: actor)
            return SubmissionResult(id: id, accepted: false, newLogs: 0, alreadyRecorded: 0, flagged: 0, problems: errors.errors)
        }
        return try submitLogs(rows, association: association, file: file, sha256: sha256, actor: actor, afterCheck: afterCheck)
    }

    /// Records a file that could not even be read as trip logs (bad header, bad JSON).
    @discardableResult
    public func recordRejectedFile(association: String, file: String, sha256: String, problems: [FieldError], actor: Actor) throws -> Int64 {
        let at = timestamp()
        return try pool.write { db in
            try Self.requireAssociation(db, association)
            try db.execute(sql: """
                INSERT INTO log_submission(association, file, sha256, submitted_at, submitted_by, rows, new_logs, already_recorded, accepted, problems)
                VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?)
                """, arguments: [association, file, sha256, at, actor.name, Self.problemsText(problems)])
            let id = db.lastInsertedRowID
            try audit(db, actor, action: "log.rejected", entity: "log_submission", id: String(id),
                      details: ["association": .text(association), "file": .text(file), "problems": .int(problems.count)], at: at)
            return id
        }
    }
}

/// A trip log flagged for its driver.
public struct DriverFlag: Sendable {
    public var trip: Int64
    /// Why the driver is flagged, in each language (the log's table keeps the English).
    public var problem: LogProblem
    /// The English reason, as stored.
    public var reason: String { problem.english }
}

extension Store {
    /// An association's volunteers by code for checking logs' drivers, or nil when it has
    /// registered none (its logs' drivers are then not checked).
    static func logVolunteers(_ db: Database, association: String) throws -> [String: Volunteer]? {
        let codes = try String.fetchAll(db, sql: "SELECT code FROM volunteer WHERE association = ?", arguments: [association])
        guard !codes.isEmpty else { return nil }
        var result: [String: Volunteer] = [:]
        for code in codes { result[code] = try volunteer(db, association: association, code: code) }
        return result
    }
}
