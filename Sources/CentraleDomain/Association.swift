/// The kind of a volunteer association that signed the convention.
public enum AssociationKind: String, CaseIterable, Sendable, Codable {
    /// A *Misericordia* confraternity.
    case misericordia
    /// A *Pubblica Assistenza* (ANPAS).
    case pubblicaAssistenza = "pubblica_assistenza"
    /// A local committee of the Italian Red Cross (*Croce Rossa Italiana*).
    case croceRossa = "croce_rossa"
    /// An *Auser* association (active ageing).
    case auser
    /// Any other volunteer organisation.
    case other
}

/// A volunteer association that carries out trips under the convention.
public struct Association: Hashable, Sendable, Codable, Identifiable {
    /// A short stable code, e.g. `MIS-SCA`.
    public var code: String
    /// The association's name.
    public var name: String
    /// Its kind.
    public var kind: AssociationKind
    /// ISTAT code of the comune where its base is.
    public var baseComune: String
    /// Where its vehicles start and end the day (the *sede*).
    public var base: Coordinate
    /// The base's street address.
    public var baseAddress: String
    /// ISTAT codes of the comuni it serves.
    public var serves: [String]
    /// How many trips a day it has declared it can carry out.
    public var dailyCapacity: Int
    /// Its share of the work under the convention, in basis points (1/100 of a percent);
    /// the shares of all associations add up to 10,000.
    public var shareBasisPoints: Int
    /// Its vehicles.
    public var vehicles: [Vehicle]
    /// The day it left the convention, when it has: from that day it takes no trips; its history
    /// and statements stay.
    public var leftOn: LocalDate?

    /// The identity of an association is its code.
    public var id: String { code }

    /// Creates an association.
    public init(code: String, name: String, kind: AssociationKind, baseComune: String, base: Coordinate,
                baseAddress: String, serves: [String], dailyCapacity: Int, shareBasisPoints: Int,
                vehicles: [Vehicle] = [], leftOn: LocalDate? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.baseComune = baseComune
        self.base = base
        self.baseAddress = baseAddress
        self.serves = serves
        self.dailyCapacity = dailyCapacity
        self.shareBasisPoints = shareBasisPoints
        self.vehicles = vehicles
        self.leftOn = leftOn
    }

    /// Whether it is a member of the convention on `date` (it has not left by then).
    public func isMember(on date: LocalDate) -> Bool { leftOn.map { date < $0 } ?? true }
}
