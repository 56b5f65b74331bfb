import CentraleDomain
import CentraleRegistry
import Foundation
import GRDB
import Testing
@testable import CentraleStore

@Suite("Money you can trust: closing rules, the audit chain, verify")
struct MoneyStoreTests {
    @Test("the current month and future months cannot be closed, by the store's clock in Europe/Rome")
    func closingNeedsAPastMonth() throws {
        let dir = try TemporaryDirectory()
        // 2025-10-31 23:30 UTC is already 1 November in Rome.
        let store = try Store(path: dir.path("db.sqlite"), clock: { Date(timeIntervalSince1970: 1_761_953_400) })
        _ = try store.load(try Registry.embedded(), actor: Actor("tester"))
        for month in ["2025-11", "2026-01"] {
            #expect {
                _ = try store.closeMonth(YearMonth(month)!, actor: Actor("tester", reason: "test"))
            } throws: { error in
                "\(error)".contains(month == "2025-11" ? "is the current month (today is 2025-11-01" : "is in the future")
            }
        }
        let closing = try store.closeMonth(YearMonth("2025-10")!, actor: Actor("tester", reason: "test"))
        #expect(closing.statements == 26)
        #expect(try store.closedMonths().map(\.month) == ["2025-10"])
        #expect(try store.closedMonths().first?.reportSHA256 != nil)
        #expect(try store.verify().allSatisfy(\.passed))
    }

    @Test("every audit entry holds the hash of the one before; the chain is recomputed from the fields")
    func chain() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        _ = try store.load(try Registry.embedded(), actor: Actor("tester"))
        let rows = try store.pool.read { try Row.fetchAll($0, sql: "SELECT id, prev_hash, hash FROM audit_log ORDER BY id") }
        #expect(rows.count > 10)
        #expect(rows[0][1] as String == AuditChain.genesis)
        for (a, b) in zip(rows, rows.dropFirst()) { #expect(b[1] as String == a[2] as String) }
        let check = try store.pool.read { try Store.verifyAuditChain($0) }
        #expect(check.passed && check.count == rows.count)
        // The fast walk (status) recomputes the tail and checks every earlier id is present.
        #expect(try store.pool.read { try Store.verifyAuditChain($0, tail: 5) }.count == 5)
        // Edited with the trigger dropped by hand: found, by entry.
        try store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
        }
        #expect(try store.pool.read { try Store.verifyAuditChain($0) }.broken?.english.hasPrefix("entry 3 (") == true)
        let last = rows.count
        try store.pool.write { db in
            try db.execute(sql: "UPDATE audit_log SET actor = 'someone else' WHERE id = ?", arguments: [last - 1])
        }
        #expect(try store.pool.read { try Store.verifyAuditChain($0, tail: 5) }.broken?.english.hasPrefix("entry \(last - 1) (") == true)
        try store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2")
        }
        #expect(try store.pool.read { try Store.verifyAuditChain($0, tail: 5) }.broken?.english == "entry 2 is missing (deleted)")
        #expect(try store.pool.read { try Store.verifyAuditChain($0) }.broken?.english == "entry 2 is missing (deleted)")
    }

    @Test("v7 chains the audit entries written before it, and verify then passes")
    func migrationChainsExistingEntries() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("legacy.sqlite")
        let legacy = try Store.openLegacy(path: path, migrations: Store.knownMigrations.firstIndex(of: "v7_money")!)
        try legacy.write { db in
            for i in 1...5 {
                try db.execute(sql: "INSERT INTO audit_log(at, actor, action, entity, entity_id, details, reason) VALUES (?, 'old', 'trip.create', 'trip', ?, '{}', ?)",
                               arguments: ["2025-01-0\(i)T10:00:00Z", String(i), i == 2 ? "a \"quoted\"\nreason" : nil])
            }
        }
        try legacy.close()
        let store = try Store(path: path, clock: fixedClock)
        let hashes = try store.pool.read { try String?.fetchAll($0, sql: "SELECT hash FROM audit_log ORDER BY id") }
        #expect(hashes.count == 5 && hashes.allSatisfy { $0?.count == 64 })
        #expect(try store.pool.read { try Store.verifyAuditChain($0) }.passed)
        // New entries continue the chain; the append-only trigger is back.
        _ = try store.load(try Registry.embedded(), actor: Actor("tester"))
        #expect(try store.verify().allSatisfy(\.passed))
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x' WHERE id = 1") } }
    }
}
