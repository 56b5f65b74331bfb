import Foundation

/// The Italian names of the domain's values, as the centre's people say them (see GLOSSARY.md):
/// one place for every screen and file that speaks Italian.
extension TripPurpose {
    /// `dialisi`, `centro diurno`, …
    public var italianName: String {
        switch self {
        case .dialysis: "dialisi"
        case .rehabilitation: "riabilitazione"
        case .therapy: "terapia"
        case .dayCentre: "centro diurno"
        case .visit: "visita"
        case .hospital: "ricovero"
        case .social: "sociale"
        }
    }
}

extension TripPurpose {
    /// A purpose as people write it: its Italian name or its code, in any case, accents ignored,
    /// with spaces or underscores (`Dialisi`, `centro_diurno`, `day centre`), or a word offices
    /// use for it (`fisioterapia`, `visite`). Nil for anything else.
    public init?(italianOrCode text: String) {
        let key = TextFolding.fold(text.trimmingCharacters(in: .whitespaces)).replacingOccurrences(of: "_", with: " ")
        let synonyms: [String: TripPurpose] = ["fisioterapia": .rehabilitation, "visite": .visit]
        guard let purpose = synonyms[key] ?? TripPurpose.allCases.first(where: {
            key == $0.italianName || key == $0.rawValue.replacingOccurrences(of: "_", with: " ")
        }) else { return nil }
        self = purpose
    }
}

extension TripLeg {
    /// `andata` or `ritorno`.
    public var italianName: String {
        switch self {
        case .outbound: "andata"
        case .return: "ritorno"
        }
    }
}

extension TripStatus {
    /// `in attesa`, `assegnato`, …
    public var italianName: String {
        switch self {
        case .pending: "in attesa"
        case .assigned: "assegnato"
        case .done: "effettuato"
        case .noShow: "assente"
        case .cancelled: "annullato"
        case .unassignable: "non assegnabile"
        }
    }
}

extension Needs {
    /// The needs in Italian, in the domain's order (`carrozzina`, `accompagnatore`, `barella`).
    public var italianNames: [String] {
        [(Needs.wheelchair, "carrozzina"), (.escort, "accompagnatore"), (.stretcher, "barella")].filter { contains($0.0) }.map(\.1)
    }
}

extension ServiceOutcome {
    /// `effettuato`, `annullato in anticipo`, …
    public var italianName: String {
        switch self {
        case .done: "effettuato"
        case .noShow: "assente"
        case .cancelledInAdvance: "annullato in anticipo"
        case .cancelledLate: "annullato tardi"
        case .cancelledAtDoor: "annullato alla porta"
        case .declined: "rifiutato"
        case .notServed: "non servito"
        }
    }
}

extension TripOutcome {
    /// A trip log's outcome in Italian: `effettuato`, `assente`, `annullato alla porta` (as `ServiceOutcome` and the
    /// glossary name it), `annullato tardi`.
    public var italianName: String {
        switch self {
        case .done: "effettuato"
        case .noShow: "assente"
        case .cancelledOnSpot: "annullato alla porta"
        case .cancelledLate: "annullato tardi"
        }
    }
}

extension YearMonth {
    /// The month by its Italian name: `febbraio 2025`.
    public var italianText: String { "\(Self.italianNames[month - 1]) \(year)" }
    /// The month as a chart's axis names it, three letters and the year's last two digits: `feb 25`.
    public var italianShortText: String { "\(Self.italianNames[month - 1].prefix(3)) \(pad(year % 100, 2))" }

    static let italianNames = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                               "settembre", "ottobre", "novembre", "dicembre"]
}

extension BeneficiaryStatus {
    /// `attivo`, `sospeso`…: a person's status as the Italian screens and lists name it.
    public var italianName: String { EffectiveStatus(self).italianName }
}

extension ClosingReason {
    /// Why the service was closed, in Italian (as `beneficiary close --help` names them): `concluso`, `deceduto`…
    public var italianName: String {
        switch self {
        case .ended: "concluso"
        case .moved: "trasferito"
        case .deceased: "deceduto"
        case .noLongerEligible: "non più avente diritto"
        case .refused: "rinuncia"
        }
    }
}

extension Referral {
    /// Who referred the person, in Italian: `PUA`, `servizi sociali`…
    public var italianName: String {
        switch self {
        case .pua: "PUA"
        case .socialServices: "servizi sociali"
        case .caseManager: "case manager"
        case .hospitalDischarge: "dimissione ospedaliera"
        case .familyDoctor: "medico di famiglia"
        }
    }
}

extension EffectiveStatus {
    /// A person's status on a day, in Italian: `attivo`, `autorizzazione scaduta`…
    public var italianName: String {
        switch self {
        case .referred: "segnalato"
        case .active: "attivo"
        case .suspended: "sospeso"
        case .closed: "chiuso"
        case .authorisationExpired: "autorizzazione scaduta"
        case .notAuthorised: "non autorizzato"
        }
    }
}

extension VehicleDocumentKind {
    /// `revisione` or `assicurazione`.
    public var italianName: String {
        switch self {
        case .inspection: "revisione"
        case .insurance: "assicurazione"
        }
    }
}

// MARK: - Values as people type them

/// The key a value typed by a person is compared by: lower case, accents ignored, `_` and `-`
/// read as spaces, the spaces around and between words as one (`Non_più  avente-diritto` is
/// `non piu avente diritto`).
func typedKey(_ text: String) -> String {
    TextFolding.fold(text).replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        .split(separator: " ").joined(separator: " ")
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
    /// The case `text` names as people type it (`typedKey`): its code, its Italian name, or one
    /// of `synonyms` (given by their key). Nil for anything else.
    static func typed(_ text: String, italianName: (Self) -> String, synonyms: [String: Self] = [:]) -> Self? {
        let key = typedKey(text)
        return synonyms[key] ?? allCases.first(where: { key == typedKey($0.rawValue) || key == typedKey(italianName($0)) })
    }
}

extension ClosingReason {
    /// A closing reason as people write it: its code or its Italian name, in any case, accents
    /// ignored, with spaces or underscores (`moved`, `Trasferito`, `non piu avente diritto`,
    /// `no_longer_eligible`), or the feminine of a word (`deceduta`). Nil for anything else.
    public init?(italianOrCode text: String) {
        guard let reason = Self.typed(text, italianName: { $0.italianName },
                                      synonyms: ["conclusa": .ended, "trasferita": .moved, "deceduta": .deceased])
        else { return nil }
        self = reason
    }
}

extension EffectiveStatus {
    /// A status as people write it: its code or its Italian name, in any case, accents ignored,
    /// with spaces or underscores (`active`, `Attivo`, `autorizzazione scaduta`,
    /// `not_authorised`), `scaduto` or `expired` for an expired authorisation, or the feminine
    /// of a word (`sospesa`). Nil for anything else.
    public init?(italianOrCode text: String) {
        let synonyms: [String: EffectiveStatus] = [
            "expired": .authorisationExpired, "scaduto": .authorisationExpired, "scaduta": .authorisationExpired,
            "segnalata": .referred, "attiva": .active, "sospesa": .suspended, "chiusa": .closed, "non autorizzata": .notAuthorised,
        ]
        guard let status = Self.typed(text, italianName: { $0.italianName }, synonyms: synonyms) else { return nil }
        self = status
    }
}

extension TripOutcome {
    /// Every word a trip log may write for an outcome, by its key (lower case, no accents, words
    /// joined by `_`, as `LogColumn.fold` makes it): the codes, the Italian names and the words
    /// the associations' offices use. A log's outcome cell is read by it, and so is `--outcome`.
    public static let spellings: [String: TripOutcome] = [
        "done": .done, "ok": .done, "effettuato": .done, "eseguito": .done, "fatto": .done, "svolto": .done, "completed": .done,
        "no_show": .noShow, "noshow": .noShow, "assente": .noShow, "non_presente": .noShow, "mancata_presentazione": .noShow,
        "cancelled_on_spot": .cancelledOnSpot, "canceled_on_spot": .cancelledOnSpot, "cancelled_at_door": .cancelledOnSpot,
        "canceled_at_door": .cancelledOnSpot, "annullato": .cancelledOnSpot, "annullato_sul_posto": .cancelledOnSpot,
        "annullato_alla_porta": .cancelledOnSpot, "disdetto_sul_posto": .cancelledOnSpot,
        "cancelled_late": .cancelledLate, "canceled_late": .cancelledLate, "late_cancellation": .cancelledLate,
        "annullato_tardi": .cancelledLate, "disdetto_tardi": .cancelledLate, "disdetta_tardiva": .cancelledLate,
        "annullato_in_ritardo": .cancelledLate,
    ]

    /// An outcome as people write it: its code, its Italian name or any word a trip log may
    /// write for it (`spellings`), in any case, accents ignored, with spaces or underscores
    /// (`no_show`, `Assente`, `annullato sul posto`, `annullato tardi`). Nil for anything else.
    public init?(italianOrCode text: String) {
        guard let outcome = Self.spellings[typedKey(text).replacingOccurrences(of: " ", with: "_")] else { return nil }
        self = outcome
    }
}

extension VehicleDocumentKind {
    /// A vehicle document as people write it: its code or its Italian name, in any case
    /// (`inspection`, `Revisione`, `assicurazione`), or `rca`/`rc auto` for the insurance. Nil
    /// for anything else.
    public init?(italianOrCode text: String) {
        guard let kind = Self.typed(text, italianName: { $0.italianName }, synonyms: ["rca": .insurance, "rc auto": .insurance])
        else { return nil }
        self = kind
    }
}

extension TokenRole {
    /// A token's role as people write it: its code or its Italian name (`TokenRole.italianName`),
    /// in any case, accents ignored (`monitoring`, `Associazione`, `tavolo di monitoraggio`), or
    /// `monitoraggio`/`tavolo` for the monitoring table. Nil for anything else.
    public init?(italianOrCode text: String) {
        guard let role = Self.typed(text, italianName: { $0.italianName }, synonyms: ["monitoraggio": .monitoring, "tavolo": .monitoring])
        else { return nil }
        self = role
    }
}
