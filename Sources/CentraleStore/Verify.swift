import CentraleDomain
import CentraleFormats
import CentraleTariffs
import Foundation
import GRDB

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
                checks.append(VerifyCheck(.integrity, count: 1,
                                          broken: messages == ["ok"] ? nil : .integrity(messages: messages.prefix(3).joined(separator: "; "))))
            }
            checks += try Self.verifySnapshots(db, lines: !fast, recentMonths: fast ? 3 : nil)
            checks.append(try Self.verifyClosings(db))
            checks.append(try Self.verifySubmittedLogs(db, last: fast ? 3 : nil))
            checks.append(try Self.verifyAuditChain(db, tail: fast ? 1_000 : nil))
            return checks
        }
    }

    static func verifySnapshots(_ db: Database, lines: Bool, recentMonths: Int? = nil) throws -> [VerifyCheck] {
        let recent = recentMonths.map(VerifyCheck.Scope.last) ?? .all
        var statements = VerifyCheck(.statementSnapshots, scope: recent)
        var months = VerifyCheck(.closedMonths)
        var reports = VerifyCheck(.reportSnapshots, scope: recent)
        let hashedFrom = try recentMonths.flatMap { n in
            try String.fetchOne(db, sql: "SELECT month FROM closed_month ORDER BY month DESC LIMIT 1 OFFSET ?", arguments: [n - 1])
        } ?? ""
        var totals = VerifyCheck(.statementTotals)
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
                statements.broken = .statementChecksum(association: association, month: month)
            }
            if lines {
                totals.count += 1
                if totals.broken == nil {
                    if let statement = try? StatementSnapshot.statement(fromJSON: json) {
                        let sum = statement.entries.reduce(0) { $0 + $1.reimbursement.lines.reduce(0) { $0 + $1.amount.cents } }
                            + statement.indirect.amount.cents + statement.adjustments.reduce(0) { $0 + $1.amount.cents }
                        if sum != total {
                            totals.broken = .statementTotal(association: association, month: month, total: Money(cents: total), lines: Money(cents: sum))
                        }
                    } else {
                        totals.broken = .statementUnreadable(association: association, month: month)
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
                months.broken = .monthChecksum(month: month)
            } else if frozen.reduce(0, { $0 + $1.total }) != total {
                months.broken = .monthTotal(month: month, statements: Money(cents: frozen.reduce(0) { $0 + $1.total }), total: Money(cents: total))
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT month, json, sha256 FROM report_snapshot WHERE month >= ? ORDER BY month", arguments: [hashedFrom]) {
            reports.count += 1
            if reports.broken == nil && SHA256.hex(of: row[1] as String) != (row[2] as String) {
                reports.broken = .reportChecksum(month: row[0])
            }
        }
        return lines ? [statements, months, reports, totals] : [statements, months, reports]
    }

    /// Checks the closed months against the audit trail, which the hash chain protects: every
    /// `month.close` entry has its month closed, by the same operator at the same time, with the
    /// same total and checksum; every closed month has its entry; every frozen statement or report
    /// belongs to a closed month. So a closed month deleted or edited by hand (which would reopen
    /// it, or change who closed it) is found even when the triggers were dropped.
    static func verifyClosings(_ db: Database) throws -> VerifyCheck {
        var check = VerifyCheck(.monthClosings)
        var closed: [String: Row] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT month, closed_at, closed_by, total_cents, sha256 FROM closed_month") { closed[row[0]] = row }
        var audited: Set<String> = []
        for entry in try Row.fetchAll(db, sql: "SELECT entity_id, at, actor, details FROM audit_log WHERE action = 'month.close' ORDER BY id") {
            let month: String = entry[0]
            audited.insert(month)
            check.count += 1
            guard check.broken == nil else { continue }
            guard let row = closed[month] else {
                check.broken = .closingDeleted(month: month, at: entry[1], by: entry[2])
                continue
            }
            struct Details: Decodable { var total_cents: Int?; var sha256: String? }
            let details = try? JSONDecoder().decode(Details.self, from: Data((entry[3] as String).utf8))
            if (row["closed_at"] as String) != (entry[1] as String) || (row["closed_by"] as String) != (entry[2] as String) {
                check.broken = .closingDiffers(month: month, storedAt: row["closed_at"], storedBy: row["closed_by"], auditedAt: entry[1], auditedBy: entry[2])
            } else if let total = details?.total_cents, total != (row["total_cents"] as Int) {
                check.broken = .closingTotal(month: month, stored: Money(cents: row["total_cents"]), audited: Money(cents: total))
            } else if let digest = details?.sha256, digest != (row["sha256"] as String) {
                check.broken = .closingChecksum(month: month)
            }
        }
        if check.broken == nil, let month = closed.keys.sorted().first(where: { !audited.contains($0) }) {
            check.broken = .closingAddedByHand(month: month)
        }
        if check.broken == nil, let orphan = try String.fetchOne(db, sql: """
            SELECT month FROM (SELECT month FROM statement_snapshot UNION SELECT month FROM report_snapshot)
            WHERE month NOT IN (SELECT month FROM closed_month) ORDER BY month LIMIT 1
            """) {
            check.broken = .closingOrphan(month: orphan)
        }
        return check
    }

    /// Checks the logs of every accepted submission (or of the `last` few) against its audit
    /// entry, which the hash chain protects: their number and the digest of their canonical
    /// lines (`LogDigest`), an amended log taken with the line it had before its first
    /// amendment and checked against its last one. So a log edited, deleted or added to a
    /// submission by hand is found even with the triggers dropped. Submissions audited before
    /// the digest existed (one `log.create` entry per log) have no digest and are skipped.
    static func verifySubmittedLogs(_ db: Database, last: Int? = nil) throws -> VerifyCheck {
        var check = VerifyCheck(.tripLogs, scope: last.map(VerifyCheck.Scope.last) ?? .all)
        struct Submission: Decodable { var new: Int?; var logs_sha256: String?; var first_trip: Int64?; var last_trip: Int64? }
        struct Amendment: Decodable { var log: String?; var log_before: String? }
        var expected: [(id: Int64, details: Submission, digest: String)] = []
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, details FROM audit_log WHERE action = 'log.submission' ORDER BY id") {
            guard let id = Int64(row[0] as String),
                  let details = try? JSONDecoder().decode(Submission.self, from: Data((row[1] as String).utf8)),
                  let digest = details.logs_sha256 else { continue }
            expected.append((id, details, digest))
        }
        if let last { expected = Array(expected.suffix(last)) }
        guard !expected.isEmpty else { return check }
        // Each amended trip: the line its log had when submitted, and the line its last amendment left.
        var amended: [Int64: (original: String, current: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, details FROM audit_log WHERE action = 'log.amend' ORDER BY id") {
            guard let trip = Int64(row[0] as String),
                  let details = try? JSONDecoder().decode(Amendment.self, from: Data((row[1] as String).utf8)),
                  let after = details.log, let before = details.log_before else { continue }
            amended[trip] = (amended[trip]?.original ?? before, after)
        }
        // Each submission's logs, in trip order, found in the range of trips its entry names.
        let inRange = try db.makeStatement(sql: """
            SELECT \(LogDigest.columns) FROM trip_log WHERE trip BETWEEN ? AND ? AND submission = ? ORDER BY trip
            """)
        var lines: [UInt8] = []
        for submission in expected {
            check.count += 1
            guard check.broken == nil else { continue }
            lines.removeAll(keepingCapacity: true)
            var count = 0
            if let first = submission.details.first_trip, let last = submission.details.last_trip {
                inRange.arguments = [first, last, submission.id]
                try forEachRawRow(db, inRange) { row in
                    count += 1
                    let trip = row.optionalInt64(0) ?? -1
                    guard let amendment = amended[trip] else { LogDigest.appendStored(&lines, row); return }
                    var line: [UInt8] = []
                    LogDigest.appendStored(&line, row)
                    if check.broken == nil && !line.dropLast().elementsEqual(amendment.current.utf8) {
                        check.broken = .logEdited(trip: trip)
                    }
                    lines.append(contentsOf: amendment.original.utf8)
                    lines.append(UInt8(ascii: "\n"))
                }
            }
            guard check.broken == nil else { continue }
            let stored = submission.details.new ?? -1
            if count != stored {
                check.broken = .logCount(submission: submission.id, stored: stored, left: count)
            } else if SHA256.hex(of: lines) != submission.digest {
                check.broken = .logDigest(submission: submission.id)
            }
        }
        return check
    }

    /// Walks the audit chain, all of it or its last `tail` entries (then every id before them is
    /// only checked present).
    static func verifyAuditChain(_ db: Database, tail: Int? = nil) throws -> VerifyCheck {
        var check = VerifyCheck(.auditChain)
        var previous = AuditChain.genesis
        var expectedID: Int64 = 1
        if let tail, let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log"), last > Int64(tail) {
            let start = last - Int64(tail) + 1
            // Every id before the tail present: the first gap, if any.
            if let gap = try Int64.fetchOne(db, sql: """
                SELECT CASE WHEN (SELECT MIN(id) FROM audit_log) > 1 THEN 1 ELSE
                  (SELECT a.id + 1 FROM audit_log a WHERE a.id < ? AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.id = a.id + 1) ORDER BY a.id LIMIT 1) END
                """, arguments: [start]) {
                check.broken = .entriesMissing(from: gap, to: gap, after: nil)
                return check
            }
            previous = try String.fetchOne(db, sql: "SELECT prev_hash FROM audit_log WHERE id = ?", arguments: [start]) ?? ""
            expectedID = start
            check.scope = .tail(total: last)
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, at, actor, action, entity, entity_id, details, reason, prev_hash, hash FROM audit_log WHERE id >= ? ORDER BY id
            """, arguments: [expectedID])
        while let row = try cursor.next() {
            let id: Int64 = row[0]
            check.count += 1
            if id != expectedID {
                check.broken = id > expectedID ? .entriesMissing(from: expectedID, to: id - 1, after: nil) : .entryOutOfOrder(id: id)
                return check
            }
            let stored: String? = row[9]
            if (row[8] as String?) != previous {
                check.broken = .entryNotFollowing(id: id)
                return check
            }
            let hash = AuditChain.hash(id: id, at: row[1], actor: row[2], action: row[3], entity: row[4], entityID: row[5],
                                       details: row[6], reason: row[7], previous: previous)
            if stored != hash {
                check.broken = .entryEdited(id: id, action: row[3], entity: row[4], entityID: row[5])
                return check
            }
            previous = hash
            expectedID += 1
        }
        // A deleted last entry leaves the table's AUTOINCREMENT sequence ahead of it.
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        if sequence > expectedID - 1 {
            check.broken = .entriesMissing(from: expectedID, to: sequence, after: expectedID - 1)
        }
        check.head = previous
        return check
    }
}
