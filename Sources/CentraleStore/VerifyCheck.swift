import CentraleDomain
import CentraleFormats

/// One check of `centrale verify`: which check, how many items, and the first broken one.
public struct VerifyCheck: Sendable, Hashable {
    /// The checks `verify` runs, in order.
    public enum Kind: Sendable, Hashable, CaseIterable {
        case integrity, statementSnapshots, closedMonths, reportSnapshots, statementTotals, monthClosings, tripLogs, auditChain
    }

    /// How much of the data a fast check (`centrale status`) looked at.
    public enum Scope: Sendable, Hashable {
        /// All of it.
        case all
        /// The last `n` closed months, or accepted submissions.
        case last(Int)
        /// The audit chain's entries after the first ones, of `total` entries.
        case tail(total: Int64)
    }

    public var kind: Kind
    /// Items checked.
    public var count: Int
    public var scope: Scope
    /// The audit chain's last hash, once walked.
    public var head: String?
    /// The first broken item, when the check failed.
    public var broken: VerifyBreak?

    public init(_ kind: Kind, count: Int = 0, scope: Scope = .all, broken: VerifyBreak? = nil) {
        self.kind = kind
        self.count = count
        self.scope = scope
        self.broken = broken
    }

    public var passed: Bool { broken == nil }

    /// The check's name, e.g. `catena dello storico` / `audit chain`.
    public func name(_ language: Language) -> String { VerifyText.name(kind, language) }

    /// `catena dello storico: 1.234 voci concatenate — ok`, or `… — GUASTO: la voce 57 …`.
    public func line(_ language: Language) -> String {
        let what = VerifyText.what(self, language)
        let verdict = broken.map { (language == .it ? "GUASTO: " : "BROKEN: ") + $0.text(language) } ?? "ok"
        let count = language == .it ? StoreItalian.number(count) : String(count)
        return "\(name(language)): \(count) \(what) — \(verdict)"
    }
}

/// What a check found broken: the first item, by kind, with what is needed to name it.
public enum VerifyBreak: Message, Hashable {
    case integrity(messages: String)
    case statementChecksum(association: String, month: String)
    case statementUnreadable(association: String, month: String)
    case statementTotal(association: String, month: String, total: Money, lines: Money)
    case monthChecksum(month: String)
    case monthTotal(month: String, statements: Money, total: Money)
    case reportChecksum(month: String)
    case closingDeleted(month: String, at: String, by: String)
    case closingDiffers(month: String, storedAt: String, storedBy: String, auditedAt: String, auditedBy: String)
    case closingTotal(month: String, stored: Money, audited: Money)
    case closingChecksum(month: String)
    case closingAddedByHand(month: String)
    case closingOrphan(month: String)
    case logEdited(trip: Int64)
    case logCount(submission: Int64, stored: Int, left: Int)
    case logDigest(submission: Int64)
    /// Entries `from…to` (one entry when equal) missing; `after` when they were the last ones.
    case entriesMissing(from: Int64, to: Int64, after: Int64?)
    case entryOutOfOrder(id: Int64)
    case entryNotFollowing(id: Int64)
    case entryEdited(id: Int64, action: String, entity: String, entityID: String)

    public var italian: String {
        let m = StoreItalian.month(iso:), euro = { (money: Money) in "\(money.text(.italian)) €" }
        switch self {
        case .integrity(let messages): return "SQLite segnala: \(messages)"
        case let .statementChecksum(association, month):
            return "il rendiconto di \(association) per \(m(month)) non corrisponde al suo checksum (modificato dopo la chiusura)"
        case let .statementUnreadable(association, month): return "il rendiconto di \(association) per \(m(month)) non si può leggere"
        case let .statementTotal(association, month, total, lines):
            return "il rendiconto di \(association) per \(m(month)): totale \(euro(total)), le sue righe sommano \(euro(lines))"
        case .monthChecksum(let month):
            return "\(m(month)): i suoi rendiconti non corrispondono al checksum del mese (un rendiconto è stato aggiunto, tolto o cambiato)"
        case let .monthTotal(month, statements, total):
            return "\(m(month)): i suoi rendiconti sommano \(euro(statements)), il totale del mese è \(euro(total))"
        case .reportChecksum(let month):
            return "il rapporto di \(m(month)) non corrisponde al suo checksum (modificato dopo la chiusura)"
        case let .closingDeleted(month, at, by):
            return "\(m(month)) è stato chiuso (storico delle modifiche, \(at) da \(by)) ma non è più in closed_month: è stato cancellato a mano"
        case let .closingDiffers(month, storedAt, storedBy, auditedAt, auditedBy):
            return "\(m(month)): closed_month dice chiuso il \(storedAt) da \(storedBy), lo storico delle modifiche il \(auditedAt) da \(auditedBy)"
        case let .closingTotal(month, stored, audited):
            return "\(m(month)): il totale in closed_month, \(euro(stored)), è diverso da quello registrato nello storico delle modifiche, \(euro(audited))"
        case .closingChecksum(let month):
            return "\(m(month)): il checksum in closed_month è diverso da quello registrato nello storico delle modifiche"
        case .closingAddedByHand(let month):
            return "\(m(month)) è in closed_month senza una voce month.close nello storico delle modifiche: è stato aggiunto a mano"
        case .closingOrphan(let month):
            return "\(m(month)) ha rendiconti o un rapporto congelati ma non è in closed_month: la sua chiusura è stata cancellata a mano"
        case .logEdited(let trip):
            return "il registro del servizio \(trip) è diverso dalla sua ultima rettifica nello storico delle modifiche: è stato modificato a mano"
        case let .logCount(submission, stored, left):
            return "l'invio \(submission) ha registrato \(stored) \(stored == 1 ? "servizio" : "servizi") (storico delle modifiche), "
                + "\(left == 1 ? "ne resta 1" : "ne restano \(left)"): un registro è stato cancellato o aggiunto a mano"
        case .logDigest(let submission):
            return "i registri dell'invio \(submission) non corrispondono alla sua voce nello storico delle modifiche: un registro è stato modificato a mano"
        case let .entriesMissing(from, to, after):
            let which = from == to ? "la voce \(from) manca" : "le voci \(from)–\(to) mancano"
            return which + (after.map { " (cancellate dopo la voce \($0))" } ?? " (cancellate)")
        case .entryOutOfOrder(let id): return "la voce \(id) è fuori ordine"
        case .entryNotFollowing(let id):
            return "la voce \(id) non segue la voce \(id - 1) (il suo prev_hash è diverso: una voce precedente è stata cambiata o tolta)"
        case let .entryEdited(id, action, entity, entityID):
            return "la voce \(id) (\(action) \(entity) \(entityID)) è stata modificata: il suo hash non corrisponde ai suoi campi"
        }
    }

    public var english: String {
        let euro = { (money: Money) in "\(money) €" }
        switch self {
        case .integrity(let messages): return messages
        case let .statementChecksum(association, month):
            return "the statement of \(association) for \(month) does not match its checksum (edited after closing)"
        case let .statementUnreadable(association, month): return "the statement of \(association) for \(month) cannot be read"
        case let .statementTotal(association, month, total, lines):
            return "the statement of \(association) for \(month): total \(euro(total)), its lines add up to \(euro(lines))"
        case .monthChecksum(let month):
            return "\(month): its statements do not match the month's checksum (a statement was added, removed or changed)"
        case let .monthTotal(month, statements, total):
            return "\(month): its statements add up to \(euro(statements)), the month's total is \(euro(total))"
        case .reportChecksum(let month): return "the report of \(month) does not match its checksum (edited after closing)"
        case let .closingDeleted(month, at, by):
            return "\(month) was closed (audit trail, \(at) by \(by)) but is no longer in closed_month: it was deleted by hand"
        case let .closingDiffers(month, storedAt, storedBy, auditedAt, auditedBy):
            return "\(month): closed_month says closed at \(storedAt) by \(storedBy), the audit trail at \(auditedAt) by \(auditedBy)"
        case let .closingTotal(month, stored, audited):
            return "\(month): closed_month's total \(euro(stored)) differs from the audited \(euro(audited))"
        case .closingChecksum(let month): return "\(month): closed_month's checksum differs from the audited one"
        case .closingAddedByHand(let month):
            return "\(month) is in closed_month without a month.close entry in the audit trail: it was added by hand"
        case .closingOrphan(let month):
            return "\(month) has frozen statements or a frozen report but is not in closed_month: its closing was deleted by hand"
        case .logEdited(let trip):
            return "the log of trip \(trip) differs from its last amendment in the audit trail: it was edited by hand"
        case let .logCount(submission, stored, left):
            return "submission \(submission) stored \(stored) log\(stored == 1 ? "" : "s") (audit trail), \(left) \(left == 1 ? "is" : "are") left: "
                + "a log was deleted or added by hand"
        case .logDigest(let submission):
            return "the logs of submission \(submission) do not match its audit entry: a log was edited by hand"
        case let .entriesMissing(from, to, after):
            return "entry \(from)\(to > from ? "–\(to)" : "") is missing (deleted\(after.map { " after entry \($0)" } ?? ""))"
        case .entryOutOfOrder(let id): return "entry \(id) is out of order"
        case .entryNotFollowing(let id):
            return "entry \(id) does not follow entry \(id - 1) (its prev_hash differs: an entry before it was changed or removed)"
        case let .entryEdited(id, action, entity, entityID):
            return "entry \(id) (\(action) \(entity) \(entityID)) was edited: its hash does not match its fields"
        }
    }
}

/// The names of the checks and what each counts, in both languages.
enum VerifyText {
    static func name(_ kind: VerifyCheck.Kind, _ language: Language) -> String {
        let it = language == .it
        switch kind {
        case .integrity: return it ? "integrità SQLite (integrity_check)" : "sqlite integrity_check"
        case .statementSnapshots: return it ? "rendiconti congelati" : "statement snapshots"
        case .closedMonths: return it ? "mesi chiusi" : "closed months"
        case .reportSnapshots: return it ? "rapporti congelati" : "report snapshots"
        case .statementTotals: return it ? "totali dei rendiconti" : "statement totals"
        case .monthClosings: return it ? "chiusure dei mesi" : "month closings"
        case .tripLogs: return it ? "registri dei servizi" : "trip logs"
        case .auditChain: return it ? "catena dello storico" : "audit chain"
        }
    }

    /// What the check counted, agreeing with its count: `26 rendiconti congelati corrispondono…`.
    static func what(_ check: VerifyCheck, _ language: Language) -> String {
        let it = language == .it, one = check.count == 1
        func form(_ single: String, _ plural: String) -> String { one ? single : plural }
        var recent = "", last = false
        if case .last(let n) = check.scope {
            recent = it ? (n == 1 ? "dell'ultimo mese chiuso " : "degli ultimi \(n) mesi chiusi ")
                        : (n == 1 ? "of the last closed month " : "of the last \(n) closed months ")
            last = true
        }
        switch check.kind {
        case .integrity: return it ? "file della base dati" : "database file"
        case .statementSnapshots:
            return it ? form("rendiconto congelato \(recent)corrisponde al suo checksum", "rendiconti congelati \(recent)corrispondono ai loro checksum")
                      : form("frozen statement \(recent)matches its checksum", "frozen statements \(recent)match their checksums")
        case .closedMonths:
            return it ? form("mese corrisponde al suo checksum e totale", "mesi corrispondono ai loro checksum e totali")
                      : form("month matches its checksum and total", "months match their checksum and total")
        case .reportSnapshots:
            return it ? form("rapporto congelato \(recent)corrisponde al suo checksum", "rapporti congelati \(recent)corrispondono ai loro checksum")
                      : form("frozen report \(recent)matches its checksum", "frozen reports \(recent)match their checksums")
        case .statementTotals:
            return it ? form("rendiconto congelato somma le sue righe", "rendiconti congelati sommano le loro righe")
                      : form("frozen statement adds up to its lines", "frozen statements add up to their lines")
        case .monthClosings:
            return it ? form("mese chiuso corrisponde alla sua voce nello storico delle modifiche", "mesi chiusi corrispondono alle loro voci nello storico delle modifiche")
                      : form("closed month matches its entry in the audit trail", "closed months match their entries in the audit trail")
        case .tripLogs:
            if it {
                return (last ? form("ultimo ", "ultimi ") : "")
                    + form("invio accettato con i registri uguali alla sua voce nello storico delle modifiche", "invii accettati con i registri uguali alla loro voce nello storico delle modifiche")
            }
            return (last ? "of the last " : "") + form("accepted submission's logs match its audit entry", "accepted submissions' logs match their audit entry")
        case .auditChain:
            var text: String
            if case .tail(let total) = check.scope {
                text = it ? "ultime voci concatenate (di \(StoreItalian.number(Int(clamping: total))))" : "last entries chained (of \(total))"
            } else {
                text = it ? form("voce concatenata", "voci concatenate") : form("entry chained", "entries chained")
            }
            if let head = check.head { text += it ? ", ultimo hash \(head.prefix(16))" : ", head \(head.prefix(16))" }
            return text
        }
    }
}
