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
