import Foundation
import GRDB
import Testing
@testable import CentraleStore

@Suite("Schema migrations")
struct MigrationTests {
    @Test("a fresh database and one migrated from every earlier schema end up identical",
          arguments: 0..<Store.knownMigrations.count)
    func upgradeFromEarlierSchema(applied: Int) throws {
        let dir = try TemporaryDirectory()
        let fresh = try Store(path: dir.path("fresh.sqlite"), clock: fixedClock)
        let expected = try fresh.pool.read(schemaFingerprint)

        let legacyPath = dir.path("legacy.sqlite")
        let legacy = try Store.openLegacy(path: legacyPath, migrations: applied)
        if applied >= 1 {
            // Data written under the old schema must survive the upgrade.
            try legacy.write { db in
                try db.execute(sql: "INSERT INTO comune(istat_code, name, population, lat, lon, in_zone) VALUES ('048041', 'Scandicci', 50070, 43.755, 11.189, 1)")
            }
        }
        try legacy.close()
        let upgraded = try Store(path: legacyPath, clock: fixedClock)
        #expect(try upgraded.pool.read(schemaFingerprint) == expected)
        #expect(try upgraded.appliedMigrations() == Store.knownMigrations)
        if applied >= 1 {
            #expect(try upgraded.pool.read { try String.fetchOne($0, sql: "SELECT name FROM comune") } == "Scandicci")
        }
    }

    @Test("the schema fingerprint sees a difference (the check can fail)")
    func fingerprintDetectsDifferences() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("a.sqlite"), clock: fixedClock)
        let before = try store.pool.read(schemaFingerprint)
        try store.pool.write { try $0.execute(sql: "ALTER TABLE trip ADD COLUMN extra TEXT") }
        #expect(try store.pool.read(schemaFingerprint) != before)
    }

    @Test("the database is in WAL mode with foreign keys enforced")
    func pragmas() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("a.sqlite"), clock: fixedClock)
        let (mode, foreignKeys) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "INSERT INTO place(code, name, kind, comune, lat, lon, address) VALUES ('X', 'X', 'other', '999999', 0, 0, '')") }
        }
    }

    @Test("a file that is not a database is refused with the path")
    func notADatabase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("notes.sqlite")
        try Data("this is not sqlite, just some text that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            guard case StoreError.cannotOpen(let p, _)? = error as? StoreError else { return false }
            return p == path
        }
    }
}
