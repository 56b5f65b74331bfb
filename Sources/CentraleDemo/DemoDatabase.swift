import CentraleStore
import Foundation
import GRDB

/// Makes sure the demo writes only where it may: a new file, or an earlier demo database.
enum DemoDatabase {
    /// Removes an earlier demo database at `path`; refuses to touch any other file.
    static func prepare(path: String) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return }
        let origin: String?
        do {
            let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            origin = try queue.read { db in
                try db.tableExists("meta") ? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'origin'") : nil
            }
            try queue.close()
        } catch {
            throw StoreError.refused("\(path) exists and is not a Centrale database; choose another file with --db")
        }
        guard origin == "demo" else {
            throw StoreError.refused("\(path) holds real data, not an earlier demo; the demo will not overwrite it. "
                                     + "Choose another file with --db (or CENTRALE_DB).")
        }
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
            try files.removeItem(atPath: path + suffix)
        }
    }
}
