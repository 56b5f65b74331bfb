import CentraleDomain
import CentraleFormats

/// The refusals of issuing and revoking the server's access tokens (`centrale token`).
public enum TokenRefusal: Message, Equatable {
    /// A last valid day before today.
    case expiresBeforeToday(LocalDate, today: LocalDate)
    /// An association's token without `--association`.
    case associationNeeded
    /// The association left the convention (on the ISO day given).
    case associationLeft(String, on: String)
    /// A token of a centre-wide role given an association.
    case centreWide(TokenRole, association: String)
    /// A token without its holder's name.
    case ownerNeeded(TokenRole)
    /// A holder's name too long or with control characters (already escaped and cut).
    case ownerInvalid(String)
    /// The token was already revoked (at the timestamp given).
    case alreadyRevoked(Int64, at: String)

    public var italian: String {
        switch self {
        case let .expiresBeforeToday(validUntil, today):
            "l'ultimo giorno di validità del codice di accesso, \(StoreItalian.date(validUntil)), è prima di oggi "
                + "(\(StoreItalian.date(today))); indica un --expires successivo"
        case .associationNeeded:
            "il codice di accesso di un'associazione richiede --association CODICE"
        case let .associationLeft(code, leftOn):
            "\(code) ha lasciato la convenzione il \(StoreItalian.date(iso: leftOn)); non riceve codici di accesso"
        case let .centreWide(role, code):
            "un codice di accesso con ruolo \(role.rawValue) (\(role.italianName)) vale per tutta la centrale, non per una sola "
                + "associazione: togli --association \(code), o indica --role association"
        case .ownerNeeded(let role):
            "un codice di accesso con ruolo \(role.rawValue) (\(role.italianName)) richiede --owner NOME: chi lo detiene, "
                + "come comparirà nello storico delle modifiche"
        case .ownerInvalid(let owner):
            "--owner '\(owner)' deve essere un nome di al massimo 80 caratteri, senza caratteri di controllo"
        case let .alreadyRevoked(id, revokedAt):
            "il codice di accesso \(id) è già stato revocato il \(StoreItalian.date(iso: String(revokedAt.prefix(10))))"
        }
    }

    public var english: String {
        switch self {
        case let .expiresBeforeToday(validUntil, today):
            "the token's last valid day \(validUntil) is before today (\(today)); give a later --expires"
        case .associationNeeded:
            "an association's token needs --association CODE"
        case let .associationLeft(code, leftOn):
            "\(code) left the convention on \(leftOn); it gets no token"
        case let .centreWide(role, code):
            "\(role.withArticle) token acts for the whole centre, not for one association: drop --association \(code), or give --role association"
        case .ownerNeeded(let role):
            "\(role.withArticle) token needs --owner NAME: who holds it, named in the audit trail"
        case .ownerInvalid(let owner):
            "--owner '\(owner)' must be a name of at most 80 characters, without control characters"
        case let .alreadyRevoked(id, revokedAt):
            "token \(id) was already revoked on \(revokedAt)"
        }
    }
}
