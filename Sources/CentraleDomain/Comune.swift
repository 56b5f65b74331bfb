/// A municipality (*comune*), identified by its ISTAT code.
public struct Comune: Hashable, Sendable, Codable, Identifiable {
    /// The six-digit ISTAT code, e.g. `048041` for Scandicci.
    public var istatCode: String
    /// The official name.
    public var name: String
    /// Resident population, used for equity indicators (trips per 1,000 inhabitants).
    public var population: Int
    /// The town centre, used when no better location is known.
    public var centroid: Coordinate
    /// Whether the comune belongs to the consortium's zone (residents are served) or is only
    /// a destination (e.g. Florence, where the main hospitals are).
    public var inZone: Bool
    /// ISTAT codes of the bordering comuni, for the convention's neighbour rule.
    public var neighbours: [String]

    /// The identity of a comune is its ISTAT code.
    public var id: String { istatCode }

    /// Creates a comune.
    public init(istatCode: String, name: String, population: Int, centroid: Coordinate,
                inZone: Bool = true, neighbours: [String] = []) {
        self.istatCode = istatCode
        self.name = name
        self.population = population
        self.centroid = centroid
        self.inZone = inZone
        self.neighbours = neighbours
    }
}
