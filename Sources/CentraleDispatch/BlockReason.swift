import CentraleDomain

/// Why nobody can take a trip, in each language (the furthest rule any association reached).
/// The store keeps the English words with the unassignable trip; screens show the Italian.
public enum BlockReason: Hashable, Sendable, CustomStringConvertible {
    /// No association serves the trip's comune (its ISTAT code).
    case noneServes(comune: String)
    /// Every association serving the comune declined it.
    case allDeclined(comune: String, declined: [String])
    /// No association serving the comune has a qualified crew on duty then.
    case noCrew(comune: String, needs: Needs, off: [String])
    /// No association serving the comune has an active vehicle for the needs.
    case noVehicle(comune: String, needs: Needs, checked: [String])
    /// Every association serving the comune with a suitable vehicle is full (or without a crew).
    case full(comune: String, full: [String], noCrew: [String])

    public var italian: String {
        switch self {
        case .noneServes(let comune): "nessuna associazione serve il comune \(comune)"
        case let .allDeclined(comune, declined):
            "tutte le associazioni che servono il comune \(comune) hanno rifiutato il servizio (\(declined.joined(separator: ", ")))"
        case let .noCrew(comune, needs, off):
            "nessuna associazione che serve il comune \(comune) ha un equipaggio in turno all'ora del servizio con un autista "
                + "abilitato per \(Self.italian(needs)) (senza equipaggio: \(off.joined(separator: ", ")))"
        case let .noVehicle(comune, needs, checked):
            "nessuna associazione che serve il comune \(comune) ha un mezzo attivo per \(Self.italian(needs)) "
                + "(controllate: \(checked.joined(separator: ", ")))"
        case let .full(comune, full, noCrew):
            "tutte le associazioni che servono il comune \(comune) con un mezzo adatto hanno raggiunto la capacità del giorno "
                + "(\(full.joined(separator: ", ")))"
                + (noCrew.isEmpty ? "" : " o non hanno un equipaggio in turno all'ora del servizio (\(noCrew.joined(separator: ", ")))")
        }
    }

    public var english: String {
        switch self {
        case .noneServes(let comune): "no association serves comune \(comune)"
        case let .allDeclined(comune, declined):
            "every association serving comune \(comune) declined the trip (\(declined.joined(separator: ", ")))"
        case let .noCrew(comune, needs, off):
            "no association serving comune \(comune) has a crew on duty at the trip's time with a driver "
                + "qualified for \(needs) (no crew: \(off.joined(separator: ", ")))"
        case let .noVehicle(comune, needs, checked):
            "no association serving comune \(comune) has an active vehicle for \(needs) (checked: \(checked.joined(separator: ", ")))"
        case let .full(comune, full, noCrew):
            "every association serving comune \(comune) with a suitable vehicle is at its daily capacity (\(full.joined(separator: ", ")))"
                + (noCrew.isEmpty ? "" : " or has no crew on duty at the trip's time (\(noCrew.joined(separator: ", ")))")
        }
    }

    /// In English.
    public var description: String { english }

    private static func italian(_ needs: Needs) -> String {
        needs.isEmpty ? "nessun bisogno particolare" : needs.italianNames.joined(separator: "+")
    }
}

extension HardRule {
    /// What an association excluded by the rule does not do, in Italian (`summary` is the English).
    public var italianSummary: String {
        switch self {
        case .membership: "ha lasciato la convenzione"
        case .coverage: "non serve il comune del servizio"
        case .vehicle: "non ha un mezzo attivo adatto ai bisogni del beneficiario"
        case .capacity: "ha raggiunto la sua capacità del giorno (quella dichiarata, o quella che consentono i suoi equipaggi in turno)"
        case .declined: "ha rifiutato il servizio"
        case .crew: "non ha un equipaggio in turno all'ora del servizio con un autista abilitato ai suoi bisogni"
        }
    }
}
