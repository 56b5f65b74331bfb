/// The convention's hard rules: an association that breaks one cannot take the trip.
public enum HardRule: String, CaseIterable, Sendable, Codable {
    /// It is still a member of the convention on the trip's day.
    case membership
    /// It serves the trip's comune (or a bordering one, when the convention allows it).
    case coverage
    /// It has an active vehicle with what the beneficiary needs.
    case vehicle
    /// It is within its daily capacity: the declared one, lowered to what its crews on duty allow.
    case capacity
    /// It has not declined the trip (a declined trip is not offered to that association again).
    case declined
    /// When it registers volunteers: a crew on duty covers the trip's time with a driver
    /// qualified for its needs.
    case crew

    /// What the rule says, for explanations.
    public var summary: String {
        switch self {
        case .membership: "has left the convention"
        case .coverage: "does not serve the trip's comune"
        case .vehicle: "has no active vehicle for the beneficiary's needs"
        case .capacity: "is at its daily capacity (declared, or what its crews on duty allow)"
        case .declined: "declined the trip"
        case .crew: "has no crew on duty at the trip's time with a driver qualified for its needs"
        }
    }
}

/// The soft goals the engine weighs (weights in `convention.toml`, `[dispatch]`).
public enum ScoreTerm: String, CaseIterable, Sendable, Codable {
    /// Kilometres driven empty from the association's base to the pickup.
    case emptyKm = "empty_km"
    /// How far the association's share of recent work is from its convention share.
    case share
    /// Whether the association is not the one that usually serves the beneficiary.
    case continuity
}
