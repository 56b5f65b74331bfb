import CentraleFormats
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
    /// Appends an audit entry inside the caller's transaction, chained to the one before: it
    /// stores the previous entry's hash and its own (see `AuditChain`).
    func audit(_ db: Database, _ actor: Actor, action: String, entity: String, id: String,
               details: [String: AuditValue] = [:], at: String) throws {
        try Self.audit(db, actor, action: action, entity: entity, id: id, details: details, at: at)
    }

    /// Appends a chained audit entry inside the caller's transaction.
    static func audit(_ db: Database, _ actor: Actor, action: String, entity: String, id: String,
                      details: [String: AuditValue] = [:], at: String) throws {
        // Every change is audited, so this is where typed text (the operator, the reason) is
        // checked: a control character would later reach a terminal or a statement raw.
        try refuseControlCharacters(actor)
        // Details quote what the change was about (a file name, a code): kept, but escaped.
        var details = details
        for (key, value) in details {
            if case .text(let text) = value, text.forbiddenControlCharacter != nil { details[key] = .text(text.escapingControlCharacters) }
        }
        let (last, previous) = try AuditChain.head(db)
        let next = last + 1
        let json = AuditValue.json(details)
        let hash = AuditChain.hash(id: next, at: at, actor: actor.name, action: action, entity: entity, entityID: id, details: json,
                                   reason: actor.reason, previous: previous)
        try db.cachedStatement(sql: """
            INSERT INTO audit_log(id, at, actor, action, entity, entity_id, details, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [next, at, actor.name, action, entity, id, json, actor.reason, previous, hash])
    }

    /// Refuses an operator name or a reason with a control character (ESC, BEL…), before anything is written.
    static func refuseControlCharacters(_ actor: Actor) throws {
        for (what, text) in [(FreeText.operatorName, actor.name), (FreeText.reason, actor.reason ?? "")] {
            if let bad = text.forbiddenControlCharacter {
                throw StoreError.refused(.input(.controlCharacter(what, text: String(text.prefix(80)).escapingControlCharacters,
                                                                  character: String(Character(bad)).escapingControlCharacters)))
            }
        }
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

/// The audit trail as a hash chain: each entry stores the hash of the entry before it
/// (`prev_hash`) and its own (`hash`), the SHA-256 of its fields and that previous hash. An
/// entry edited, deleted or inserted afterwards breaks the chain from there on, even when the
/// append-only triggers were dropped by hand; `centrale verify` walks it. The chain has no
/// secret key: someone who rewrites every later entry can rebuild it, which is why `centrale
/// status` prints its head (the last hash), to be noted down or sent elsewhere.
enum AuditChain {
    /// The `prev_hash` of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The last id given and the hash the next entry chains to. The next id is the table's
    /// AUTOINCREMENT sequence + 1, so a deleted last entry leaves a gap that `verify` sees.
    static func head(_ db: Database) throws -> (id: Int64, hash: String) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, (SELECT hash FROM audit_log WHERE id = seq) FROM sqlite_sequence WHERE name = 'audit_log'
            """))
        return (row?[0] as Int64? ?? 0, row?[1] ?? genesis)
    }

    /// The hash of an entry: SHA-256 of a JSON array of its fields and the previous hash.
    static func hash(id: Int64, at: String, actor: String, action: String, entity: String, entityID: String, details: String,
                     reason: String?, previous: String) -> String {
        let fields = [String(id), AuditValue.quote(at), AuditValue.quote(actor), AuditValue.quote(action), AuditValue.quote(entity),
                      AuditValue.quote(entityID), AuditValue.quote(details), reason.map(AuditValue.quote) ?? "null", AuditValue.quote(previous)]
        return SHA256.hex(of: "[" + fields.joined(separator: ",") + "]")
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
        // Byte by byte: every byte that needs escaping is ASCII, so UTF-8 sequences pass through whole.
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "u")); out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "0")); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0xf)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}

extension AuditValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
