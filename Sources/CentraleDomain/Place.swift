/// The kind of a named destination.
public enum PlaceKind: String, CaseIterable, Sendable, Codable {
    /// A hospital (*ospedale*, *presidio ospedaliero*).
    case hospital
    /// A dialysis centre (*centro dialisi*).
    case dialysis
    /// A rehabilitation centre (*centro di riabilitazione*).
    case rehabilitation
    /// A day centre for elderly or disabled people (*centro diurno*).
    case dayCentre = "day_centre"
    /// A local health centre (*Casa della Salute*, *distretto*).
    case healthCentre = "health_centre"
    /// Any other destination.
    case other
}

/// A named destination: hospitals, dialysis, rehabilitation and day centres.
public struct Place: Hashable, Sendable, Codable, Identifiable {
    /// A short stable code, e.g. `OSP-CAREGGI`.
    public var code: String
    /// The name dispatchers and drivers use.
    public var name: String
    /// What kind of place it is.
    public var kind: PlaceKind
    /// ISTAT code of the comune it is in.
    public var comune: String
    /// Where it is.
    public var location: Coordinate
    /// The street address, for drivers.
    public var address: String

    /// The identity of a place is its code.
    public var id: String { code }

    /// Creates a place.
    public init(code: String, name: String, kind: PlaceKind, comune: String, location: Coordinate, address: String) {
        self.code = code
        self.name = name
        self.kind = kind
        self.comune = comune
        self.location = location
        self.address = address
    }
}
