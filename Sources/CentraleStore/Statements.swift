import CentraleDomain
import CentraleFormats
import CentraleRegistry
import CentraleTariffs
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
            return try JSONDecoder().decode(MonthlyStatement.self, from: Data(json.utf8))
        }
        return try computeStatement(db, registry: registry, association: code, month: month)
    }

    /// Computes an open month's statement from the logs and adjustments as they are.
    static func computeStatement(_ db: Database, registry: Registry, association code: String, month: YearMonth) throws -> MonthlyStatement {
        guard let statement = try computeStatements(db, registry: registry, month: month, only: code)[code] else {
            throw StoreError.notFound(entity: "association", id: code)
        }
        return statement
    }

    /// Computes every association's statement of an open month (or only one), reading the
    /// month's logs once, through the trips' date index.
    static func computeStatements(_ db: Database, registry: Registry, month: YearMonth, only: String? = nil) throws -> [String: MonthlyStatement] {
        let engine = TariffEngine(convention: registry.convention)
        let vehicles = Dictionary(uniqueKeysWithValues: registry.associations.flatMap(\.vehicles).map { ($0.plate, $0) })
        let logColumns = TripLog.columns.split(separator: ",").map { "trip_log." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var sql = """
            SELECT \(TripRequest.columns), \(logColumns.joined(separator: ", ")), trip_log.km_flag
            FROM trip INDEXED BY trip_date JOIN trip_log ON trip_log.trip = trip.id
            WHERE trip.date BETWEEN ? AND ?
            """
        var arguments: StatementArguments = [month.firstDay.description, month.lastDay.description]
        if let only { sql += " AND trip_log.association = ?"; arguments += [only] }
        let n = TripRequest.columnCount
        var entries: [String: [MonthlyStatement.Entry]] = [:]
        for row in try Row.fetchAll(db, sql: sql + " ORDER BY trip.date, trip.id", arguments: arguments) {
            let trip = TripRequest(row: row)
            let log = TripLog(row: row, from: n)
            guard let vehicle = vehicles[log.vehiclePlate] else { throw StoreError.notFound(entity: "vehicle", id: log.vehiclePlate) }
            entries[log.association, default: []].append(MonthlyStatement.Entry(
                tripID: trip.id, date: trip.date, beneficiary: trip.beneficiary, outcome: log.outcome, vehicle: log.vehiclePlate,
                driven: log.driven, flag: row[n + 12], reimbursement: try engine.reimburse(trip, log: log, vehicle: vehicle)))
        }
        var adjustments: [String: [AdjustmentLine]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT association, trip, original_month, amount_cents, reason FROM adjustment WHERE applied_month = ? ORDER BY id
            """, arguments: [month.description]) {
            adjustments[row[0], default: []].append(AdjustmentLine(tripID: row[1], originalMonth: YearMonth(row[2] as String)!,
                                                                   amount: Money(cents: row[3]), reason: row[4]))
        }
        var statements: [String: MonthlyStatement] = [:]
        for association in registry.associations where only == nil || association.code == only {
            statements[association.code] = try MonthlyStatement(association: association.code, associationName: association.name, month: month,
                                                                entries: entries[association.code] ?? [],
                                                                adjustments: adjustments[association.code] ?? [], engine: engine)
        }
        return statements
    }

    /// Whether a month is closed.
    public func isClosed(_ month: YearMonth) throws -> Bool {
        try pool.read { db in try Self.isClosed(db, month) }
    }

    static func isClosed(_ db: Database, _ month: YearMonth) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM closed_month WHERE month = ?", arguments: [month.description]) == true
    }

    /// The first month after `month` that is not closed.
    static func nextOpenMonth(_ db: Database, after month: YearMonth) throws -> YearMonth {
        var candidate = month.next
        while try isClosed(db, candidate) { candidate = candidate.next }
        return candidate
    }

    /// Records an adjustment for a trip of a closed month, paid in the next open month.
    static func recordAdjustment(_ db: Database, trip: TripRequest, association: String, amount: Money, reason: String,
                                 actor: Actor, at: String) throws -> YearMonth {
        let applied = try nextOpenMonth(db, after: trip.date.yearMonth)
        try db.execute(sql: """
            INSERT INTO adjustment(trip, association, original_month, applied_month, amount_cents, reason, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [trip.id, association, trip.date.yearMonth.description, applied.description, amount.cents, reason, at, actor.name])
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
}

extension Store {
    /// Closes a month: freezes every association's statement as a stored, checksummed snapshot
    /// in one transaction. Afterwards the month's statements are always rendered from the
    /// snapshot (identical even after a tariff change), and logs or amendments for its trips
    /// are paid as adjustments in the next open month.
    public func closeMonth(_ month: YearMonth, actor: Actor) throws -> MonthClosing {
        let registry = try self.registry()
        let at = timestamp()
        return try pool.write { db in
            if try Self.isClosed(db, month) { throw StoreError.refused("\(month) is already closed; its statements are frozen") }
            var total = Money.zero
            var frozen: [(code: String, total: Money, json: String, digest: String)] = []
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let computed = try Self.computeStatements(db, registry: registry, month: month)
            for code in computed.keys.sorted() {
                let statement = computed[code]!
                let json = String(decoding: try encoder.encode(statement), as: UTF8.self)
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
            let unlogged = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM trip WHERE status = 'assigned' AND date BETWEEN ? AND ?
                """, arguments: [month.firstDay.description, month.lastDay.description]) ?? 0
            try audit(db, actor, action: "month.close", entity: "closed_month", id: month.description, details: [
                "total_cents": .int(total.cents), "sha256": .text(digest), "statements": .int(frozen.count), "unlogged": .int(unlogged),
            ], at: at)
            return MonthClosing(month: month, statements: frozen.count, total: total, sha256: digest, unlogged: unlogged)
        }
    }
}
