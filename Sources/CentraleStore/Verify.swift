import CentraleDomain
import CentraleFormats
import CentraleTariffs
import Foundation
import GRDB

/// One check of `centrale verify`: what was checked, how many items, and the first broken one.
public struct VerifyCheck: Sendable, Hashable {
    /// The check's name, e.g. `audit chain`.
    public var name: String
    /// Items checked.
    public var count: Int
    /// What was checked, e.g. `entries chained`.
    public var what: String
    /// The first broken item, when the check failed.
    public var broken: String?

    public var passed: Bool { broken == nil }

    /// `audit chain: 1,234 entries chained — ok`, or `… — BROKEN: entry 57 …`.
    public var line: String {
        "\(name): \(count) \(what) — " + (broken.map { "BROKEN: \($0)" } ?? "ok")
    }
}

extension Store {
    /// Checks the whole database: SQLite's `PRAGMA integrity_check` (unless `fast`), every
    /// closed month's statement and report snapshots against their stored checksums and the
    /// month's checksum and total, every frozen statement's total against its lines (unless
    /// `fast`), and the audit trail as a hash chain. Reads only; one line per check.
    ///
    /// The hash chain and the checksums detect edits made even with the append-only triggers
    /// dropped: an edited or deleted audit entry, an edited snapshot.
    ///
    /// `fast` (for `centrale status`, quick on years of data): no integrity_check and no
    /// re-adding of statements; the snapshots' contents are hashed only for the last three
    /// closed months (every month's checksum is still checked against its statements' stored
    /// checksums); the audit chain is recomputed over its last 1,000 entries, and every id
    /// from the first to the last is checked present.
    public func verify(fast: Bool = false) throws -> [VerifyCheck] {
        try pool.read { db in
            var checks: [VerifyCheck] = []
            if !fast {
                let messages = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                checks.append(VerifyCheck(name: "sqlite integrity_check", count: 1, what: "database file",
                                          broken: messages == ["ok"] ? nil : messages.prefix(3).joined(separator: "; ")))
            }
            checks += try Self.verifySnapshots(db, lines: !fast, recentMonths: fast ? 3 : nil)
            checks.append(try Self.verifyAuditChain(db, tail: fast ? 1_000 : nil))
            return checks
        }
    }

    static func verifySnapshots(_ db: Database, lines: Bool, recentMonths: Int? = nil) throws -> [VerifyCheck] {
        let recent = recentMonths.map { "of the last \($0) closed months " } ?? ""
        var statements = VerifyCheck(name: "statement snapshots", count: 0, what: "frozen statements \(recent)match their checksums")
        var months = VerifyCheck(name: "closed months", count: 0, what: "months match their checksum and total")
        var reports = VerifyCheck(name: "report snapshots", count: 0, what: "frozen reports \(recent)match their checksums")
        let hashedFrom = try recentMonths.flatMap { n in
            try String.fetchOne(db, sql: "SELECT month FROM closed_month ORDER BY month DESC LIMIT 1 OFFSET ?", arguments: [n - 1])
        } ?? ""
        var totals = VerifyCheck(name: "statement totals", count: 0, what: "frozen statements add up to their lines")
        var byMonth: [String: [(association: String, total: Int, digest: String)]] = [:]
        // The contents only of the months hashed (all, or the recent ones); the stored checksums of all.
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT month, association, total_cents, CASE WHEN month >= ? THEN json END, sha256 FROM statement_snapshot ORDER BY month, association
            """, arguments: [hashedFrom])
        while let row = try cursor.next() {
            let month: String = row[0], association: String = row[1], total: Int = row[2], digest: String = row[4]
            byMonth[month, default: []].append((association, total, digest))
            guard let json = row[3] as String? else { continue }
            statements.count += 1
            if statements.broken == nil && SHA256.hex(of: json) != digest {
                statements.broken = "the statement of \(association) for \(month) does not match its checksum (edited after closing)"
            }
            if lines {
                totals.count += 1
                if totals.broken == nil {
                    if let statement = try? JSONDecoder().decode(MonthlyStatement.self, from: Data(json.utf8)) {
                        let sum = statement.entries.reduce(0) { $0 + $1.reimbursement.lines.reduce(0) { $0 + $1.amount.cents } }
                            + statement.indirect.amount.cents + statement.adjustments.reduce(0) { $0 + $1.amount.cents }
                        if sum != total {
                            totals.broken = "the statement of \(association) for \(month): total \(Money(cents: total)) €, its lines add up to \(Money(cents: sum)) €"
                        }
                    } else {
                        totals.broken = "the statement of \(association) for \(month) cannot be read"
                    }
                }
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT month, total_cents, sha256 FROM closed_month ORDER BY month") {
            let month: String = row[0], total: Int = row[1], digest: String = row[2]
            months.count += 1
            guard months.broken == nil else { continue }
            let frozen = (byMonth[month] ?? []).sorted { $0.association < $1.association }
            if SHA256.hex(of: frozen.map(\.digest).joined(separator: "\n")) != digest {
                months.broken = "\(month): its statements do not match the month's checksum (a statement was added, removed or changed)"
            } else if frozen.reduce(0, { $0 + $1.total }) != total {
                months.broken = "\(month): its statements add up to \(Money(cents: frozen.reduce(0) { $0 + $1.total })) €, the month's total is \(Money(cents: total)) €"
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT month, json, sha256 FROM report_snapshot WHERE month >= ? ORDER BY month", arguments: [hashedFrom]) {
            reports.count += 1
            if reports.broken == nil && SHA256.hex(of: row[1] as String) != (row[2] as String) {
                reports.broken = "the report of \(row[0] as String) does not match its checksum (edited after closing)"
            }
        }
        return lines ? [statements, months, reports, totals] : [statements, months, reports]
    }

    /// Walks the audit chain, all of it or its last `tail` entries (then every id before them is
    /// only checked present).
    static func verifyAuditChain(_ db: Database, tail: Int? = nil) throws -> VerifyCheck {
        var check = VerifyCheck(name: "audit chain", count: 0, what: "entries chained")
        var previous = AuditChain.genesis
        var expectedID: Int64 = 1
        if let tail, let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log"), last > Int64(tail) {
            let start = last - Int64(tail) + 1
            // Every id before the tail present: the first gap, if any.
            if let gap = try Int64.fetchOne(db, sql: """
                SELECT CASE WHEN (SELECT MIN(id) FROM audit_log) > 1 THEN 1 ELSE
                  (SELECT a.id + 1 FROM audit_log a WHERE a.id < ? AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.id = a.id + 1) ORDER BY a.id LIMIT 1) END
                """, arguments: [start]) {
                check.broken = "entry \(gap) is missing (deleted)"
                return check
            }
            previous = try String.fetchOne(db, sql: "SELECT prev_hash FROM audit_log WHERE id = ?", arguments: [start]) ?? ""
            expectedID = start
            check.what = "last entries chained (of \(last))"
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, at, actor, action, entity, entity_id, details, reason, prev_hash, hash FROM audit_log WHERE id >= ? ORDER BY id
            """, arguments: [expectedID])
        while let row = try cursor.next() {
            let id: Int64 = row[0]
            check.count += 1
            if id != expectedID {
                check.broken = id > expectedID
                    ? "entry \(expectedID)\(id - expectedID > 1 ? "–\(id - 1)" : "") is missing (deleted)"
                    : "entry \(id) is out of order"
                return check
            }
            let stored: String? = row[9]
            if (row[8] as String?) != previous {
                check.broken = "entry \(id) does not follow entry \(id - 1) (its prev_hash differs: an entry before it was changed or removed)"
                return check
            }
            let hash = AuditChain.hash(id: id, at: row[1], actor: row[2], action: row[3], entity: row[4], entityID: row[5],
                                       details: row[6], reason: row[7], previous: previous)
            if stored != hash {
                check.broken = "entry \(id) (\(row[3] as String) \(row[4] as String) \(row[5] as String)) was edited: its hash does not match its fields"
                return check
            }
            previous = hash
            expectedID += 1
        }
        // A deleted last entry leaves the table's AUTOINCREMENT sequence ahead of it.
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        if sequence > expectedID - 1 {
            check.broken = "entry \(expectedID)\(sequence > expectedID ? "–\(sequence)" : "") is missing (deleted after entry \(expectedID - 1))"
        }
        check.what += ", head \(previous.prefix(16))"
        return check
    }
}
