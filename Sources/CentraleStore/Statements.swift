import CentraleDomain
import CentraleFormats
import CentraleRegistry
import CentraleTariffs
import CentraleTripLogs
import Foundation
import GRDB

extension Store {
    /// The monthly statement of an association: for a closed month, the frozen snapshot; for
    /// an open one, computed from its logged trips with the convention in force, plus the
    /// adjustments paid in it.
    public func statement(association code: String, month: YearMonth) throws -> MonthlyStatement {
        let registry = try self.registry()
        return try pool.read { db in try Self.statement(db, registry: registry, association: code, month: month) }
    }

    /// The month's statements of every association, by code.
    public func statements(month: YearMonth) throws -> [MonthlyStatement] {
        let registry = try self.registry()
        return try pool.read { db in
            if try Self.isClosed(db, month) {
                return try registry.associations.map(\.code).sorted().map { try Self.statement(db, registry: registry, association: $0, month: month) }
            }
            let computed = try Self.computeStatements(db, registry: registry, month: month)
            return computed.keys.sorted().map { computed[$0]! }
        }
    }

    static func statement(_ db: Database, registry: Registry, association code: String, month: YearMonth) throws -> MonthlyStatement {
        if let json = try String.fetchOne(db, sql: "SELECT json FROM statement_snapshot WHERE month = ? AND association = ?",
                                          arguments: [month.description, code]) {
            return try StatementSnapshot.statement(fromJSON: json)
        }
        return try computeStatement(db, registry: registry, association: code, month: month)
    }

    /// Computes an open month's statement from the logs and adjustments as they are.
    static func computeStatement(_ db: Database, registry: Registry, association code: String, month: YearMonth) throws -> MonthlyStatement {
        guard let statement = try computeStatements(db, registry: registry, month: month, only: code)[code] else {
            throw StoreError.notFound(entity: .association, id: code)
        }
        return statement
    }

    /// Computes every association's statement of an open month (or only one): reads the month's
    /// logged trips (through the trips' date index), with what a flagged trip is payable, and its
    /// adjustments; `StatementBuilder` prices them.
    static func computeStatements(_ db: Database, registry: Registry, month: YearMonth, only: String? = nil) throws -> [String: MonthlyStatement] {
        var sql = """
            SELECT \(TripRequest.columns), \(TripLog.columns), trip_log.km_flag, trip_log.estimated_m AS log_estimated_m,
                   km_review.decision, km_review.paid_m
            FROM trip INDEXED BY trip_date JOIN trip_log ON trip_log.trip = trip.id
              LEFT JOIN km_review ON \(Self.validReview)
            WHERE trip.date BETWEEN ? AND ?
            """
        var arguments: StatementArguments = [month.firstDay.description, month.lastDay.description]
        if let only { sql += " AND trip_log.association = ?"; arguments += [only] }
        let trips = try Row.fetchAll(db, sql: sql + " ORDER BY trip.date, trip.id", arguments: arguments).decoded { row, layout in
            var logged = LoggedTrip(trip: try TripRequest(row: row, layout: layout), log: try TripLog(row: row, layout: layout),
                                    flag: try layout.decode(row, "km_flag", as: String?.self))
            if logged.flag != nil {
                let estimated: Distance = try layout.decode(row, "log_estimated_m")
                let review = try layout.decode(row, "decision", as: String?.self).flatMap { KmReview(name: $0, km: try layout.decode(row, "paid_m")) }
                logged.estimated = estimated
                logged.payable = KmReconciliation.payable(driven: logged.log.driven, estimated: estimated, flagged: true, review: review)
                logged.review = review?.label
            }
            return logged
        }
        var adjustments: [String: [AdjustmentLine]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT association, trip, original_month, amount_cents, reason FROM adjustment WHERE applied_month = ? ORDER BY id
            """, arguments: [month.description]) {
            adjustments[try row.decode(atIndex: 0), default: []].append(AdjustmentLine(
                tripID: try row.decode(atIndex: 1), originalMonth: try row.decode(atIndex: 2),
                amount: try row.decode(atIndex: 3), reason: try row.decode(atIndex: 4)))
        }
        do {
            return try StatementBuilder(convention: registry.convention, associations: registry.associations)
                .statements(month: month, trips: trips, adjustments: adjustments, only: only)
        } catch let error as StatementError {
            throw StoreError.refused(.month(.statement(error)), remedy: error.remedy)
        }
    }

    /// Whether a month is closed.
    public func isClosed(_ month: YearMonth) throws -> Bool {
        try pool.read { db in try Self.isClosed(db, month) }
    }

    static func isClosed(_ db: Database, _ month: YearMonth) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM closed_month WHERE month = ?", arguments: [month.description]) == true
    }

    /// The month that late changes are paid in: the current month (by the store's clock,
    /// Europe/Rome), which cannot be closed. Only a database closed ahead of time by an earlier
    /// version can have it closed: then the first open month after it.
    static func adjustmentMonth(_ db: Database, today: LocalDate) throws -> YearMonth {
        var candidate = today.yearMonth
        while try isClosed(db, candidate) { candidate = candidate.next }
        return candidate
    }

    /// The join condition of a log with its km review, when the review is of the log as it is
    /// now (an amendment that changes the km or the estimate makes an earlier review stale).
    static let validReview = """
        km_review.trip = trip_log.trip AND km_review.logged_m = trip_log.driven_m AND km_review.estimated_m = trip_log.estimated_m
        """

    /// Records an adjustment for a trip of a closed month, paid in the current month, with its
    /// audit entry; returns the month it is paid in.
    static func recordAdjustment(_ db: Database, trip: TripRequest, association: String, amount: Money, reason: String,
                                 actor: Actor, today: LocalDate, at: String) throws -> YearMonth {
        let applied = try adjustmentMonth(db, today: today)
        try db.execute(sql: """
            INSERT INTO adjustment(trip, association, original_month, applied_month, amount_cents, reason, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [trip.id, association, trip.date.yearMonth.description, applied.description, amount.cents, reason, at, actor.name])
        try Store.audit(db, actor, action: "adjustment.create", entity: "trip", id: String(trip.id), details: [
            "original_month": .text(trip.date.yearMonth.description), "applied_month": .text(applied.description),
            "amount_cents": .int(amount.cents), "association": .text(association), "reason": .text(reason),
        ], at: at)
        return applied
    }
}

/// What closing a month did.
public struct MonthClosing: Sendable {
    /// The month.
    public var month: YearMonth
    /// The statements frozen, one per association.
    public var statements: Int
    /// The month's grand total.
    public var total: Money
    /// The checksum of the frozen statements.
    public var sha256: String
    /// Trips of the month assigned but still without a log (their logs will be adjustments).
    public var unlogged: Int
    /// Flagged trips closed without a review (with `acceptingFlags`): frozen at the estimate.
    public var unreviewedFlags: Int
}

extension Store {
    /// Closes a month: freezes every association's statement, and the month's monitoring
    /// report, as stored, checksummed snapshots in one transaction. Afterwards the month's
    /// statements and report are always rendered from the snapshots (identical even after a
    /// tariff change), and logs, amendments and km reviews for its trips are paid as
    /// adjustments in the current month.
    ///
    /// Refused for the current month and future months (by the store's clock, Europe/Rome), and
    /// for a month with flagged km not yet reviewed unless `acceptingFlags` (then the actor's
    /// reason is required, and those trips are frozen at the estimate capped at the logged km).
    public func closeMonth(_ month: YearMonth, acceptingFlags: Bool = false, actor: Actor) throws -> MonthClosing {
        let registry = try self.registry()
        let at = timestamp()
        let today = today()
        if month >= today.yearMonth {
            throw StoreError.refused(.month(month == today.yearMonth ? .current(month, today: today) : .future(month, today: today)))
        }
        if acceptingFlags && (actor.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.refused(.month(.closingNeedsReason))
        }
        return try pool.write { db in
            if try Self.isClosed(db, month) { throw StoreError.refused(.month(.alreadyClosed(month))) }
            let unreviewed = try Self.unreviewedFlags(db, month: month)
            if unreviewed > 0 && !acceptingFlags {
                throw StoreError.refused(.month(.unreviewedFlags(month, count: unreviewed)), remedy: .reviewFlags(month: month.description))
            }
            var total = Money.zero
            var frozen: [(code: String, total: Money, json: String, digest: String)] = []
            let computed = try Self.computeStatements(db, registry: registry, month: month)
            for code in computed.keys.sorted() {
                let statement = computed[code]!
                let json = try StatementSnapshot(statement).json()
                frozen.append((code, statement.total, json, SHA256.hex(of: json)))
                total += statement.total
            }
            let digest = SHA256.hex(of: frozen.map(\.digest).joined(separator: "\n"))
            try db.execute(sql: "INSERT INTO closed_month(month, closed_at, closed_by, total_cents, sha256) VALUES (?, ?, ?, ?, ?)",
                           arguments: [month.description, at, actor.name, total.cents, digest])
            for statement in frozen {
                try db.execute(sql: "INSERT INTO statement_snapshot(month, association, total_cents, json, sha256) VALUES (?, ?, ?, ?, ?)",
                               arguments: [month.description, statement.code, statement.total.cents, statement.json, statement.digest])
            }
            let report = try Self.freezeReport(db, registry: registry, month: month)
            let unlogged = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM trip WHERE status = 'assigned' AND date BETWEEN ? AND ?
                """, arguments: [month.firstDay.description, month.lastDay.description]) ?? 0
            var details: [String: AuditValue] = [
                "total_cents": .int(total.cents), "sha256": .text(digest), "statements": .int(frozen.count), "unlogged": .int(unlogged),
                "report_sha256": .text(report),
            ]
            if unreviewed > 0 { details["unreviewed_flags_accepted"] = .int(unreviewed) }
            try audit(db, actor, action: "month.close", entity: "closed_month", id: month.description, details: details, at: at)
            return MonthClosing(month: month, statements: frozen.count, total: total, sha256: digest, unlogged: unlogged, unreviewedFlags: unreviewed)
        }
    }

    /// The month's flagged logs without a review of the log as it is.
    static func unreviewedFlags(_ db: Database, month: YearMonth, association: String? = nil) throws -> Int {
        var sql = """
            SELECT COUNT(*) FROM trip JOIN trip_log ON trip_log.trip = trip.id LEFT JOIN km_review ON \(validReview)
            WHERE trip.date BETWEEN ? AND ? AND trip_log.km_flag IS NOT NULL AND km_review.trip IS NULL
            """
        var arguments: StatementArguments = [month.firstDay.description, month.lastDay.description]
        if let association { sql += " AND trip_log.association = ?"; arguments += [association] }
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }
}

extension Store {
    /// The day of the first trip booked (in any status), or nil before any: months before its
    /// month have nothing to close.
    public func firstTripDay() throws -> LocalDate? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT MIN(date) FROM trip").flatMap { LocalDate($0) } }
    }
}

/// A closed month, as `centrale month list` shows it.
public struct ClosedMonth: Hashable, Sendable, Encodable {
    public var month: String
    public var closedAt: String
    public var closedBy: String
    public var totalCents: Int
    public var statements: Int
    public var sha256: String
    /// The checksum of the frozen report (nil for a month closed before reports were frozen).
    public var reportSHA256: String?

    /// `closedAt` as a moment (nil if the stored text is no ISO 8601 timestamp).
    public var closedMoment: Date? { Store.moment(closedAt) }

    enum CodingKeys: String, CodingKey {
        case month, statements, sha256
        case closedAt = "closed_at", closedBy = "closed_by", totalCents = "total_cents", reportSHA256 = "report_sha256"
    }
}

extension Store {
    /// The closed months, oldest first.
    public func closedMonths() throws -> [ClosedMonth] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT closed_month.month, closed_at, closed_by, closed_month.total_cents,
                  (SELECT COUNT(*) FROM statement_snapshot WHERE statement_snapshot.month = closed_month.month),
                  closed_month.sha256, report_snapshot.sha256
                FROM closed_month LEFT JOIN report_snapshot ON report_snapshot.month = closed_month.month ORDER BY closed_month.month
                """).map { row in
                ClosedMonth(month: row[0], closedAt: row[1], closedBy: row[2], totalCents: row[3], statements: row[4], sha256: row[5],
                            reportSHA256: row[6])
            }
        }
    }
}
