/// An amount of money in integer euro cents.
///
/// Centrale never stores money as floating point: every amount is a whole number of cents,
/// so that statements add up to the cent and can be re-derived exactly.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in euro cents (may be negative for adjustments).
    public var cents: Int

    /// Creates an amount from a number of cents.
    public init(cents: Int) { self.cents = cents }

    /// Zero euros.
    public static let zero = Money(cents: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }

    /// The amount formatted as euros with two decimals and a point, e.g. `1234.50`.
    public var description: String { text(.machine) }

    public init(from decoder: Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}
