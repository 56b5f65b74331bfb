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
        text(.machine)
    }

    /// The rate in euros with up to six decimals and no trailing zeros past two: `0.4275`
    /// (machine), `0,4275` (Italian).
    public func text(_ form: NumberForm) -> String {
        var text = ScaledNumber.text(microEurosPerKm, scale: 6, digits: 6, form: form)
        while text.hasSuffix("0"), let mark = text.lastIndex(where: { $0 == "." || $0 == "," }),
              text.distance(from: mark, to: text.endIndex) > 3 { text.removeLast() }
        return text
    }
}
