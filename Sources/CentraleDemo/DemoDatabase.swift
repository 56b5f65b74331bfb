import CentraleStore
import Foundation
import GRDB

/// Makes sure the demo writes only where it may: a new file, or an earlier demo database.
enum DemoDatabase {
    /// Removes an earlier demo database at `path`; refuses to touch any other file.
    static func prepare(path: String) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return }
        let origin: String?, head: Int64?, last: Int64?, migrations: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            (origin, head, last, migrations) = try queue.read { db in
                guard try db.tableExists("meta") else { return (nil, nil, nil, []) }
                return (try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'origin'"),
                        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo_audit_head'").flatMap { Int64($0) },
                        try db.tableExists("audit_log") ? try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log") : nil,
                        try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : [])
            }
            try queue.close()
        } catch {
            throw StoreError.refused("\(path) exists and is not a Centrale database; choose another file with --db")
        }
        guard origin == "demo" else {
            throw StoreError.refused("\(path) holds real data, not an earlier demo; the demo will not overwrite it. "
                                     + "Choose another file with --db (or CENTRALE_DB).")
        }
        if let unknown = migrations.first(where: { !Store.knownMigrations.contains($0) }) {
            throw StoreError.refused("\(path) was written by a newer Centrale (schema \(unknown)); the demo will not replace it. "
                                     + "Choose another file with --db.")
        }
        if let head, let last, last > head {
            throw StoreError.refused("\(path) is a demo, but \(last - head) change\(last - head == 1 ? " was" : "s were") made in it after it was built "
                                     + "(see its audit trail); the demo will not overwrite them. Choose another file with --db, or remove this one yourself.")
        }
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
            try files.removeItem(atPath: path + suffix)
        }
    }
}
