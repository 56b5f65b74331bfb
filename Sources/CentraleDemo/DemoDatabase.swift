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
            throw StoreError.refused(.demo(.notADatabase(path)))
        }
        let origin = marks?.origin, head = marks?.demoAuditHead, last = marks?.lastAuditID, migrations = marks?.migrations ?? []
        guard origin == "demo" else {
            throw StoreError.refused(.demo(.realData(path)))
        }
        if let unknown = migrations.first(where: { !Store.knownMigrations.contains($0) }) {
            throw StoreError.refused(.demo(.newerSchema(path, migration: unknown)))
        }
        if let head, let last, last > head {
            throw StoreError.refused(.demo(.changedAfterBuild(path, changes: last - head)))
        }
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
            try files.removeItem(atPath: path + suffix)
        }
    }
}
