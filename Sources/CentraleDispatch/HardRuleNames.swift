import CentraleDomain

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

    /// What several associations excluded by the rule do not do, in Italian: `italianSummary`
    /// with the verb in the plural (`non servono il comune del servizio`).
    public var italianPluralSummary: String {
        switch self {
        case .membership: "hanno lasciato la convenzione"
        case .coverage: "non servono il comune del servizio"
        case .vehicle: "non hanno un mezzo attivo adatto ai bisogni del beneficiario"
        case .capacity: "hanno raggiunto la loro capacità del giorno (quella dichiarata, o quella che consentono i loro equipaggi in turno)"
        case .declined: "hanno rifiutato il servizio"
        case .crew: "non hanno un equipaggio in turno all'ora del servizio con un autista abilitato ai bisogni del servizio"
        }
    }
}
