import CentraleStore
import Foundation

/// Makes sure the demo writes only where it may: a new file, or an earlier demo database.
enum DemoDatabase {
    /// Removes an earlier demo database at `path`; refuses to touch any other file.
    static func prepare(path: String) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return }
        let marks: Store.FileMarks?
        do {
            marks = try Store.marks(ofFile: path)
        } catch {
            throw StoreError.refused("\(path) exists and is not a Centrale database; choose another file with --db")
        }
        let origin = marks?.origin, head = marks?.demoAuditHead, last = marks?.lastAuditID, migrations = marks?.migrations ?? []
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
