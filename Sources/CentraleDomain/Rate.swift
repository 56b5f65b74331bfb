/// A rate in euros per kilometre, in integer micro-euros (10⁻⁶ €) so that rates such as
/// 0.4275 €/km are exact.
public struct PerKmRate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Micro-euros per kilometre.
    public var microEurosPerKm: Int

    /// Creates a rate from micro-euros per km (0.55 €/km is 550,000).
    public init(microEurosPerKm: Int) { self.microEurosPerKm = microEurosPerKm }

    public static func < (lhs: PerKmRate, rhs: PerKmRate) -> Bool { lhs.microEurosPerKm < rhs.microEurosPerKm }

    /// The rate in euros with up to six decimals and no trailing zeros past two, e.g. `0.55`.
    public var description: String {
        var fraction = pad(microEurosPerKm % 1_000_000, 6)
        while fraction.count > 2, fraction.last == "0" { fraction.removeLast() }
        return "\(microEurosPerKm / 1_000_000).\(fraction)"
    }
}
