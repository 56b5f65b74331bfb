import Foundation
import GRDB

/// One entry of the append-only audit trail.
public struct AuditEntry: Hashable, Sendable, Codable {
    /// Its sequence number.
    public var id: Int64
    /// When, as an ISO 8601 UTC timestamp.
    public var at: String
    /// Who: an operator's name, an association's code, or a program step such as `demo`.
    public var actor: String
    /// What was done, e.g. `trip.create`, `assignment.set`, `registry.update`.
    public var action: String
    /// The kind of record changed, e.g. `trip`.
    public var entity: String
    /// The record's id or code.
    public var entityID: String
    /// What changed, as a JSON object.
    public var details: String
    /// Why, when a reason was given.
    public var reason: String?
}

/// Who makes a change and why: carried by every writing call of the store.
public struct Actor: Sendable, Hashable {
    /// The name recorded in the audit trail.
    public var name: String
    /// The reason recorded with the change, if any.
    public var reason: String?

    /// Creates an actor.
    public init(_ name: String, reason: String? = nil) {
        self.name = name
        self.reason = reason
    }
}

extension Store {
    /// Appends an audit entry inside the caller's transaction.
    func audit(_ db: Database, _ actor: Actor, action: String, entity: String, id: String,
               details: [String: AuditValue] = [:], at: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audit_log(at, actor, action, entity, entity_id, details, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [at, actor.name, action, entity, id, AuditValue.json(details), actor.reason])
    }

    /// The audit trail, oldest first, optionally for one record.
    public func auditTrail(entity: String? = nil, id: String? = nil) throws -> [AuditEntry] {
        try pool.read { db in
            var sql = "SELECT id, at, actor, action, entity, entity_id, details, reason FROM audit_log"
            var arguments: StatementArguments = []
            if let entity {
                sql += " WHERE entity = ?"
                arguments += [entity]
                if let id { sql += " AND entity_id = ?"; arguments += [id] }
            }
            sql += " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AuditEntry(id: row[0], at: row[1], actor: row[2], action: row[3], entity: row[4], entityID: row[5],
                           details: row[6], reason: row[7])
            }
        }
    }
}

/// A value in an audit entry's details, serialised as JSON with sorted keys.
public enum AuditValue: Hashable, Sendable {
    case text(String)
    case int(Int)
    case bool(Bool)
    case null

    /// A JSON object with the keys in sorted order (stable, diff-friendly).
    static func json(_ details: [String: AuditValue]) -> String {
        "{" + details.keys.sorted().map { "\(quote($0)):\(details[$0]!.json)" }.joined(separator: ",") + "}"
    }

    var json: String {
        switch self {
        case .text(let s): return AuditValue.quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quote(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension AuditValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
