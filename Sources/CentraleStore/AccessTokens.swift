import CentraleDomain
import CentraleFormats
import Foundation
import GRDB

/// Server tokens: issued, listed, revoked, and looked up by the hash of what a client presents.
/// Only the SHA-256 of a token is stored; the token itself is shown once, when issued.
extension Store {
    /// The prefix of every token, so that one pasted in the wrong place is recognisable.
    public static let tokenPrefix = "ctr_"

    /// A new random token: the prefix and 40 characters of a base-32 alphabet (200 bits), from
    /// the system's cryptographic generator.
    static func newToken() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")  // 32 symbols, no l, o, 0, 1
        var generator = SystemRandomNumberGenerator()
        return tokenPrefix + String((0..<40).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// Issues a token; returns the token (to be handed over once: it is not stored) and its record.
    /// - Throws: `StoreError.refused` for an association role without an active association, or
    ///   another role with one; an owner with control characters; a last day before today.
    public func issueToken(role: TokenRole, association: String?, owner: String?, validUntil: LocalDate?,
                           actor: Actor) throws -> (token: String, record: AccessToken) {
        let token = Self.newToken()
        let at = timestamp()
        let today = today()
        if let validUntil, validUntil < today {
            throw StoreError.refused(.token(.expiresBeforeToday(validUntil, today: today)))
        }
        return try pool.write { db in
            switch (role, association) {
            case (.association, nil):
                throw StoreError.refused(.token(.associationNeeded))
            case (.association, let code?):
                guard let member = try Row.fetchOne(db, sql: "SELECT left_on FROM association WHERE code = ?", arguments: [code]) else {
                    let known = try Self.associationCodes(db)
                    throw StoreError.notFound(entity: .association, id: code, known: known)
                }
                if let leftOn = member["left_on"] as String?, leftOn <= today.description {
                    throw StoreError.refused(.token(.associationLeft(code, on: leftOn)))
                }
            case (_, let code?):
                throw StoreError.refused(.token(.centreWide(role, association: code)))
            case (_, nil):
                break
            }
            let owner = (owner ?? association ?? "").trimmingCharacters(in: .whitespaces)
            guard !owner.isEmpty else { throw StoreError.refused(.token(.ownerNeeded(role))) }
            guard owner.count <= 80, !owner.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw StoreError.refused(.token(.ownerInvalid(String(owner.escapingControlCharacters.prefix(80)))))
            }
            let hint = String(token.prefix(Self.tokenPrefix.count + 6))
            try db.execute(sql: """
                INSERT INTO api_token(token_sha256, hint, role, association, owner, issued_at, issued_by, valid_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [SHA256.hex(of: token), hint, role.rawValue, association, owner, at, actor.name, validUntil?.description])
            let id = db.lastInsertedRowID
            try audit(db, actor, action: "token.issue", entity: "api_token", id: String(id),
                      details: ["role": .text(role.rawValue), "association": .text(association ?? ""), "owner": .text(owner),
                                "valid_until": .text(validUntil?.description ?? "")], at: at)
            return (token, AccessToken(id: id, hint: hint, role: role, association: association, owner: owner, issuedAt: at,
                                       issuedBy: actor.name, validUntil: validUntil, revokedAt: nil))
        }
    }

    /// Every token issued, newest first.
    public func accessTokens() throws -> [AccessToken] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY id DESC").map(Self.accessToken) }
    }

    /// Revokes token `id`: it is refused from then on.
    public func revokeToken(_ id: Int64, actor: Actor) throws {
        let at = timestamp()
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT revoked_at FROM api_token WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(entity: .token, id: String(id))
            }
            if let revoked = row[0] as String? { throw StoreError.refused(.token(.alreadyRevoked(id, at: revoked))) }
            try db.execute(sql: "UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ?", arguments: [at, actor.name, id])
            try audit(db, actor, action: "token.revoke", entity: "api_token", id: String(id), at: at)
        }
    }

    /// The valid token whose text is `token`, or nil: unknown, revoked or expired alike.
    public func accessToken(presented token: String) throws -> AccessToken? {
        guard token.hasPrefix(Self.tokenPrefix), token.count < 200 else { return nil }
        let today = today()
        return try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_token WHERE token_sha256 = ?"), arguments: [SHA256.hex(of: token)])
                .map(Self.accessToken)
        }.flatMap { $0.isValid(on: today) ? $0 : nil }
    }

    static func accessToken(_ row: Row) throws -> AccessToken {
        let roleText: String = row["role"]
        guard let role = TokenRole(rawValue: roleText) else {
            throw StoreError.refused(.database(.damagedTokenRole(token: row["id"] as Int64, role: roleText)))
        }
        return AccessToken(id: row["id"], hint: row["hint"], role: role, association: row["association"], owner: row["owner"],
                           issuedAt: row["issued_at"], issuedBy: row["issued_by"],
                           validUntil: try row.decode(LocalDate?.self, forColumn: "valid_until"), revokedAt: row["revoked_at"])
    }
}

extension Store {
    /// Whether `code` is an association of the registry (left or not): a cheap check for a request.
    public func hasAssociation(_ code: String) throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM association WHERE code = ?"), arguments: [code]) == true }
    }

    /// Refuses a code that is no association of the registry (left or not), naming the codes
    /// that are: the check of every command's `--association`.
    /// - Throws: `StoreError.notFound` with the registry's codes.
    public func requireAssociation(_ code: String) throws {
        try pool.read { db in try Self.requireAssociation(db, code) }
    }

    /// `requireAssociation(_:)` in a transaction already open.
    static func requireAssociation(_ db: Database, _ code: String) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM association WHERE code = ?"), arguments: [code]) != true else { return }
        let known = try associationCodes(db)
        throw StoreError.notFound(entity: .association, id: code, known: known)
    }

    /// Every association's code, in order (for the refusal of one that is not).
    static func associationCodes(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT code FROM association ORDER BY code")
    }
}
