/// A distance in integer metres.
///
/// Kilometres are money in this service (reimbursed per km), so distances are whole metres
/// and are only converted to kilometres for display.
public struct Distance: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The distance in metres.
    public var metres: Int

    /// Creates a distance from a number of metres.
    public init(metres: Int) { self.metres = metres }

    /// Creates a distance from whole kilometres.
    public static func kilometres(_ km: Int) -> Distance { Distance(metres: km * 1000) }

    /// No distance.
    public static let zero = Distance(metres: 0)

    /// The distance in kilometres, for display and ratios only.
    public var kilometres: Double { Double(metres) / 1000 }

    public static func < (lhs: Distance, rhs: Distance) -> Bool { lhs.metres < rhs.metres }
    public static func + (lhs: Distance, rhs: Distance) -> Distance { Distance(metres: lhs.metres + rhs.metres) }
    public static func - (lhs: Distance, rhs: Distance) -> Distance { Distance(metres: lhs.metres - rhs.metres) }
    public static func += (lhs: inout Distance, rhs: Distance) { lhs.metres += rhs.metres }

    /// The distance as kilometres with one decimal, e.g. `23.4 km`.
    public var description: String { "\(kilometresText) km" }

    /// Kilometres with one decimal (rounded half away from zero), without the unit, e.g. `23.4`.
    public var kilometresText: String { kilometresText(.machine) }

    public init(from decoder: Decoder) throws {
        metres = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(metres)
    }
}
