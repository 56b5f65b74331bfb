/// What a server token may do.
public enum TokenRole: String, CaseIterable, Codable, Sendable {
    /// An association: its own trips, logs, confirmations and statements, nothing else.
    case association
    /// The monitoring table: the monthly reports, and every association's statements, read only.
    case monitoring
    /// The centre's other desks: every association's trips and statements, and the reports.
    case dispatcher

    /// The role with its article, for messages: "an association", "a monitoring", "a dispatcher".
    public var withArticle: String { self == .association ? "an association" : "a \(rawValue)" }

    /// The role's Italian name.
    public var italianName: String {
        switch self {
        case .association: "associazione"
        case .monitoring: "tavolo di monitoraggio"
        case .dispatcher: "centrale"
        }
    }
}

/// A server token as stored: never the token itself, only its first characters.
public struct AccessToken: Hashable, Codable, Sendable {
    /// Its number, for `token revoke`.
    public var id: Int64
    /// The token's first characters, so that its holder can tell which one it is.
    public var hint: String
    public var role: TokenRole
    /// The association it acts for (role `association` only).
    public var association: String?
    /// Who holds it: the actor in the audit trail for what is done with it.
    public var owner: String
    /// When and by whom it was issued.
    public var issuedAt: String
    public var issuedBy: String
    /// Its last valid day (Europe/Rome), or nil for no end.
    public var validUntil: LocalDate?
    /// When it was revoked, if it was.
    public var revokedAt: String?

    public init(id: Int64, hint: String, role: TokenRole, association: String?, owner: String, issuedAt: String, issuedBy: String,
                validUntil: LocalDate?, revokedAt: String?) {
        self.id = id
        self.hint = hint
        self.role = role
        self.association = association
        self.owner = owner
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.validUntil = validUntil
        self.revokedAt = revokedAt
    }

    /// Whether it can be used on `day`: not revoked, not past its last valid day.
    public func isValid(on day: LocalDate) -> Bool {
        revokedAt == nil && (validUntil.map { day <= $0 } ?? true)
    }

    /// The actor recorded in the audit trail for what is done with it.
    public var actorName: String { "\(owner) (token \(id))" }
}
