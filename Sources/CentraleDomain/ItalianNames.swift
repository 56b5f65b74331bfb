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
