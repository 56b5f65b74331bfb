/// The reasons the program itself writes next to a trip, a beneficiary's status or an
/// adjustment. The store keeps each as a fixed code-like text (`stored`); `init(stored:)` reads
/// it back, and anything else (what a person typed) is `.text`, shown as it was typed. Screens
/// and documents show the words in their language, never the stored code.

/// Why a trip is in its status (unassignable, pending again, cancelled, absent).
public enum TripStatusReason: Hashable, Sendable {
    /// Nobody could take it.
    case blocked(BlockReason)
    /// The association declined it, with its reason.
    case declined(association: String, reason: String)
    /// The log says the beneficiary was not there.
    case absent
    /// The log says it was cancelled on the spot.
    case cancelledOnSpot
    /// Its association left the convention: it went back to the dispatcher's queue.
    case associationLeft(association: String, on: LocalDate)
    /// The person's data were erased.
    case erased
    /// What a person wrote.
    case text(String)

    public init(stored: String) {
        if let block = BlockReason(stored: stored) { self = .blocked(block); return }
        switch stored {
        case "the beneficiary was not there": self = .absent; return
        case "cancelled on the spot": self = .cancelledOnSpot; return
        case "(motivo cancellato)": self = .erased; return
        default: break
        }
        if stored.hasPrefix("declined by "), let colon = stored.range(of: ": ") {
            let association = String(stored[stored.index(stored.startIndex, offsetBy: 12)..<colon.lowerBound])
            if !association.isEmpty, !association.contains(" ") {
                self = .declined(association: association, reason: String(stored[colon.upperBound...])); return
            }
        }
        if let range = stored.range(of: " left the convention on "), let day = LocalDate(String(stored[range.upperBound...])) {
            let association = String(stored[..<range.lowerBound])
            if !association.isEmpty, !association.contains(" ") { self = .associationLeft(association: association, on: day); return }
        }
        self = .text(stored)
    }

    /// The text the store keeps.
    public var stored: String {
        switch self {
        case .blocked(let block): block.stored
        case let .declined(association, reason): "declined by \(association): \(reason)"
        case .absent: "the beneficiary was not there"
        case .cancelledOnSpot: "cancelled on the spot"
        case let .associationLeft(association, day): "\(association) left the convention on \(day)"
        case .erased: "(motivo cancellato)"
        case .text(let text): text
        }
    }

    /// In Italian, naming comuni by `comuneName`.
    public func italian(comuneName: (String) -> String = { $0 }) -> String {
        switch self {
        case .blocked(let block): block.italian(comuneName: comuneName)
        case let .declined(association, reason): "rifiutato da \(association): \(reason)"
        case .absent: "il beneficiario non era presente"
        case .cancelledOnSpot: "annullato alla porta"
        case let .associationLeft(association, day): "\(association) ha lasciato la convenzione il \(day.italianText)"
        case .erased: "(motivo cancellato)"
        case .text(let text): text
        }
    }

    /// In English, naming comuni by `comuneName`.
    public func english(comuneName: (String) -> String = { $0 }) -> String {
        switch self {
        case .blocked(let block): block.english(comuneName: comuneName)
        case .erased: "(reason erased)"
        default: stored
        }
    }
}

/// Why a beneficiary's status changed, when the program wrote it.
public enum StatusChangeReason: Hashable, Sendable {
    /// Registered on a referral.
    case referred(by: Referral)
    /// Active on an authorisation valid until a day.
    case authorised(until: LocalDate)
    /// A suspension ended before its planned last day (the default of `beneficiary resume`).
    case suspensionEndedEarly
    /// A suspension withdrawn before it began, with its own reason.
    indirect case withdrawn(StatusChangeReason)
    /// The person's data were erased.
    case erased
    /// What a person wrote.
    case text(String)

    static let withdrawnSuffix = " (withdrawn)"

    public init(stored: String) {
        if stored.hasSuffix(Self.withdrawnSuffix) {
            self = .withdrawn(StatusChangeReason(stored: String(stored.dropLast(Self.withdrawnSuffix.count)))); return
        }
        if stored == "suspension ended early" { self = .suspensionEndedEarly; return }
        if stored == "(testo cancellato)" { self = .erased; return }
        if stored.hasPrefix("referred by "), let by = Referral(rawValue: String(stored.dropFirst(12))) { self = .referred(by: by); return }
        if stored.hasPrefix("authorised until "), let day = LocalDate(String(stored.dropFirst(17))) { self = .authorised(until: day); return }
        self = .text(stored)
    }

    /// The text the store keeps.
    public var stored: String {
        switch self {
        case .referred(let by): "referred by \(by.rawValue)"
        case .authorised(let day): "authorised until \(day)"
        case .suspensionEndedEarly: "suspension ended early"
        case .withdrawn(let reason): reason.stored + Self.withdrawnSuffix
        case .erased: "(testo cancellato)"
        case .text(let text): text
        }
    }

    public var italian: String {
        switch self {
        case .referred(let by): "segnalato da \(by.italianName)"
        case .authorised(let day): "autorizzato fino al \(day.italianText)"
        case .suspensionEndedEarly: "sospensione terminata in anticipo"
        case .withdrawn(let reason): reason.italian + " (ritirata)"
        case .erased: "(testo cancellato)"
        case .text(let text): text
        }
    }

    public var english: String {
        switch self {
        case .referred(let by): "referred by \(by.rawValue.replacingOccurrences(of: "_", with: " "))"
        case .authorised(let day): "authorised until \(day)"
        case .suspensionEndedEarly: "suspension ended early"
        case .withdrawn(let reason): reason.english + Self.withdrawnSuffix
        case .erased: "(text erased)"
        case .text(let text): text
        }
    }
}

extension StatusChange {
    /// For a suspension withdrawn before it began (`beneficiary resume` on its first day), which
    /// the history keeps as a one-day active entry with its reason marked withdrawn: its first
    /// day and its own reason. Nil for any other entry.
    public var withdrawnSuspension: (from: LocalDate, reason: StatusChangeReason)? {
        guard case .withdrawn(let reason) = StatusChangeReason(stored: self.reason) else { return nil }
        return (from, reason)
    }

    /// A withdrawn suspension as a history line says it, without the dates of a one-day entry:
    /// `sospensione dal 14/12/2026 ritirata: ricovero`, `suspension from 2026-12-14 withdrawn: ricovero`.
    /// Nil for any other entry.
    public func withdrawnText(italian: Bool) -> String? {
        guard let withdrawn = withdrawnSuspension else { return nil }
        let why = italian ? withdrawn.reason.italian : withdrawn.reason.english
        return (italian ? "sospensione dal \(withdrawn.from.italianText) ritirata" : "suspension from \(withdrawn.from) withdrawn")
            + (why.isEmpty ? "" : ": \(why)")
    }

    /// The entry's reason in words (`segnalato da PUA`, `referred by pua`); what a person typed as typed.
    public func reasonText(italian: Bool) -> String {
        let reason = StatusChangeReason(stored: self.reason)
        return italian ? reason.italian : reason.english
    }
}

/// Why a closed month's trip is paid again in a later month.
public enum AdjustmentReason: Hashable, Sendable {
    /// Its log arrived after the month was closed.
    case lateLog(closed: YearMonth)
    /// Its km were reviewed, with the reviewer's reason.
    case kmReview(String)
    /// Its log was amended, with the reason given.
    case amendment(String)
    /// Anything else (an earlier version's text).
    case text(String)

    public init(stored: String) {
        if stored.hasPrefix("late log ("), stored.hasSuffix(" closed)"),
           let month = YearMonth(String(stored.dropFirst(10).dropLast(8))) {
            self = .lateLog(closed: month)
        } else if stored.hasPrefix("km review: ") {
            self = .kmReview(String(stored.dropFirst(11)))
        } else if stored.hasPrefix("amendment: ") {
            self = .amendment(String(stored.dropFirst(11)))
        } else {
            self = .text(stored)
        }
    }

    /// The text the store keeps.
    public var stored: String {
        switch self {
        case .lateLog(let month): "late log (\(month) closed)"
        case .kmReview(let reason): "km review: \(reason)"
        case .amendment(let reason): "amendment: \(reason)"
        case .text(let text): text
        }
    }

    public var italian: String {
        switch self {
        case .lateLog(let month): "registro arrivato dopo la chiusura di \(month.italianText)"
        case .kmReview(let reason): "revisione dei km: \(reason)"
        case .amendment(let reason): "rettifica: \(reason)"
        case .text(let text): text
        }
    }

    public var english: String {
        switch self {
        case .lateLog(let month): "late log (\(month) closed)"
        default: stored
        }
    }
}
