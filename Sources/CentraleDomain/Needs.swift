/// What a beneficiary needs on a trip: a wheelchair place, an escort, a stretcher.
public struct Needs: OptionSet, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Travels in a wheelchair: needs a vehicle with a wheelchair place.
    public static let wheelchair = Needs(rawValue: 1 << 0)
    /// Needs an escort (a second volunteer or a family member) on board.
    public static let escort = Needs(rawValue: 1 << 1)
    /// Travels lying down: needs a vehicle with a stretcher.
    public static let stretcher = Needs(rawValue: 1 << 2)

    /// The names used in files and on screen, in a fixed order.
    public static let names: [(Needs, String)] = [(.wheelchair, "wheelchair"), (.escort, "escort"), (.stretcher, "stretcher")]

    /// Parses a list such as `wheelchair escort` or `wheelchair+escort`; nil on an unknown word.
    public init?(parsing text: some StringProtocol) {
        var result: Needs = []
        for word in text.split(whereSeparator: { " +,|;".contains($0) }) where !word.isEmpty {
            guard let match = Needs.names.first(where: { $0.1 == word.lowercased() }) else { return nil }
            result.insert(match.0)
        }
        self = result
    }

    /// The needs as words joined by `+`, or `-` for none.
    public var description: String {
        let words = Needs.names.filter { contains($0.0) }.map(\.1)
        return words.isEmpty ? "-" : words.joined(separator: "+")
    }
}
