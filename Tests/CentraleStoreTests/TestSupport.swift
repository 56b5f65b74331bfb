import CentraleDomain
import CentraleRegistry
import Foundation
import GRDB
@testable import CentraleStore

/// A temporary folder for one test's database files, removed at the end.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("centrale-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A fixed clock, so audit timestamps are deterministic.
let fixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_764_000_000) }

/// A new database `db.sqlite` in `dir` with the built-in registry loaded.
func loadedStore(_ dir: TemporaryDirectory, clock: @escaping @Sendable () -> Date = fixedClock) throws -> (Store, Registry) {
    let store = try Store(path: dir.path("db.sqlite"), clock: clock)
    let registry = try Registry.embedded()
    _ = try store.load(registry, actor: Actor("tester", reason: "test"))
    return (store, registry)
}

/// A description of a database's schema that does not depend on how it was reached:
/// columns (with types, defaults, keys), foreign keys, indexes and triggers.
func schemaFingerprint(_ db: Database) throws -> [String] {
    var lines: [String] = []
    let objects = try Row.fetchAll(db, sql: """
        SELECT type, name, tbl_name, sql FROM sqlite_master
        WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY type, name
        """)
    for object in objects {
        let type: String = object["type"], name: String = object["name"]
        switch type {
        case "table":
            for column in try Row.fetchAll(db, sql: "PRAGMA table_xinfo(\(name))") {
                lines.append("table \(name) column \(column["cid"] as Int) \(column["name"] as String) \(column["type"] as String) "
                             + "notnull=\(column["notnull"] as Int) default=\(column["dflt_value"] as String? ?? "-") pk=\(column["pk"] as Int)")
            }
            for fk in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name))") {
                lines.append("table \(name) fk \(fk["from"] as String) -> \(fk["table"] as String)(\(fk["to"] as String? ?? "")) on delete \(fk["on_delete"] as String)")
            }
            let sql = (object["sql"] as String).lowercased()
            lines.append("table \(name) without rowid=\(sql.contains("without rowid")) checks=\(sql.components(separatedBy: "check").count - 1)")
        default:
            let sql = (object["sql"] as String?)?.split(whereSeparator: \.isWhitespace).joined(separator: " ") ?? "(auto)"
            lines.append("\(type) \(name) on \(object["tbl_name"] as String): \(sql)")
        }
    }
    return lines
}
