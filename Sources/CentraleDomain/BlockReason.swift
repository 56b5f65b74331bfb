/// Why nobody can take a trip, in each language (the furthest rule any association reached).
/// The store keeps it as a code (`stored`, read back by `init(stored:)`); screens and reports
/// show the words, with the comune by name when they know it.
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

    public var italian: String { italian(comuneName: { $0 }) }
    public var english: String { english(comuneName: { $0 }) }

    /// In Italian, naming the comune by `comuneName` (its ISTAT code when it returns the code).
    public func italian(comuneName: (String) -> String) -> String {
        switch self {
        case .noneServes(let comune): "nessuna associazione serve il comune \(comuneName(comune))"
        case let .allDeclined(comune, declined):
            "tutte le associazioni che servono il comune \(comuneName(comune)) hanno rifiutato il servizio (\(declined.joined(separator: ", ")))"
        case let .noCrew(comune, needs, off):
            "nessuna associazione che serve il comune \(comuneName(comune)) ha un equipaggio in turno all'ora del servizio con un autista "
                + "abilitato per \(Self.italian(needs)) (senza equipaggio: \(off.joined(separator: ", ")))"
        case let .noVehicle(comune, needs, checked):
            "nessuna associazione che serve il comune \(comuneName(comune)) ha un mezzo attivo per \(Self.italian(needs)) "
                + "(controllate: \(checked.joined(separator: ", ")))"
        case let .full(comune, full, noCrew):
            "tutte le associazioni che servono il comune \(comuneName(comune)) con un mezzo adatto hanno raggiunto la capacità del giorno "
                + "(\(full.joined(separator: ", ")))"
                + (noCrew.isEmpty ? "" : " o non hanno un equipaggio in turno all'ora del servizio (\(noCrew.joined(separator: ", ")))")
        }
    }

    /// In English, naming the comune by `comuneName`.
    public func english(comuneName: (String) -> String) -> String {
        switch self {
        case .noneServes(let comune): "no association serves comune \(comuneName(comune))"
        case let .allDeclined(comune, declined):
            "every association serving comune \(comuneName(comune)) declined the trip (\(declined.joined(separator: ", ")))"
        case let .noCrew(comune, needs, off):
            "no association serving comune \(comuneName(comune)) has a crew on duty at the trip's time with a driver "
                + "qualified for \(needs) (no crew: \(off.joined(separator: ", ")))"
        case let .noVehicle(comune, needs, checked):
            "no association serving comune \(comuneName(comune)) has an active vehicle for \(needs) (checked: \(checked.joined(separator: ", ")))"
        case let .full(comune, full, noCrew):
            "every association serving comune \(comuneName(comune)) with a suitable vehicle is at its daily capacity (\(full.joined(separator: ", ")))"
                + (noCrew.isEmpty ? "" : " or has no crew on duty at the trip's time (\(noCrew.joined(separator: ", ")))")
        }
    }

    /// In English.
    public var description: String { english }

    /// The code the store keeps: `block|kind|comune|…`, lists joined by `,`, needs as their
    /// number. Association codes and ISTAT codes hold neither `|` nor `,`.
    public var stored: String {
        func list(_ codes: [String]) -> String { codes.joined(separator: ",") }
        return switch self {
        case .noneServes(let comune): "block|none_serves|\(comune)"
        case let .allDeclined(comune, declined): "block|all_declined|\(comune)|\(list(declined))"
        case let .noCrew(comune, needs, off): "block|no_crew|\(comune)|\(needs.rawValue)|\(list(off))"
        case let .noVehicle(comune, needs, checked): "block|no_vehicle|\(comune)|\(needs.rawValue)|\(list(checked))"
        case let .full(comune, full, noCrew): "block|full|\(comune)|\(list(full))|\(list(noCrew))"
        }
    }

    /// Reads `stored` back; nil for any other text.
    public init?(stored: String) {
        let parts = stored.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "block" else { return nil }
        func list(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
        let comune = parts[2]
        switch (parts[1], parts.count) {
        case ("none_serves", 3): self = .noneServes(comune: comune)
        case ("all_declined", 4): self = .allDeclined(comune: comune, declined: list(parts[3]))
        case ("no_crew", 5):
            guard let needs = Int(parts[3]) else { return nil }
            self = .noCrew(comune: comune, needs: Needs(rawValue: needs), off: list(parts[4]))
        case ("no_vehicle", 5):
            guard let needs = Int(parts[3]) else { return nil }
            self = .noVehicle(comune: comune, needs: Needs(rawValue: needs), checked: list(parts[4]))
        case ("full", 5): self = .full(comune: comune, full: list(parts[3]), noCrew: list(parts[4]))
        default: return nil
        }
    }

    private static func italian(_ needs: Needs) -> String {
        needs.isEmpty ? "nessun bisogno particolare" : needs.italianNames.joined(separator: "+")
    }
}
