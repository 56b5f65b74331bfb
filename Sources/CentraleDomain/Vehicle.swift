/// The reimbursement class of a vehicle, which sets its reference cost per km (ACI tables).
public enum VehicleClass: String, CaseIterable, Sendable, Codable {
    /// A car or minivan without special equipment.
    case standard
    /// A vehicle with at least one wheelchair place (ramp or lift).
    case wheelchair
    /// A vehicle that carries a stretcher.
    case stretcher
}

/// A vehicle of an association's fleet.
public struct Vehicle: Hashable, Sendable, Codable, Identifiable {
    /// The number plate, e.g. `FP123AB`; unique across the service.
    public var plate: String
    /// Passenger seats, not counting the driver.
    public var seats: Int
    /// Places for a wheelchair.
    public var wheelchairPlaces: Int
    /// Whether it carries a stretcher.
    public var stretcher: Bool
    /// Whether it is in service.
    public var active: Bool

    /// The identity of a vehicle is its plate.
    public var id: String { plate }

    /// Creates a vehicle.
    public init(plate: String, seats: Int, wheelchairPlaces: Int, stretcher: Bool, active: Bool = true) {
        self.plate = plate
        self.seats = seats
        self.wheelchairPlaces = wheelchairPlaces
        self.stretcher = stretcher
        self.active = active
    }

    /// The vehicle's reimbursement class: stretcher beats wheelchair beats standard.
    public var vehicleClass: VehicleClass {
        if stretcher { return .stretcher }
        if wheelchairPlaces > 0 { return .wheelchair }
        return .standard
    }

    /// Whether the vehicle can carry someone with these needs.
    public func canCarry(_ needs: Needs) -> Bool {
        guard active else { return false }
        if needs.contains(.stretcher) && !stretcher { return false }
        if needs.contains(.wheelchair) && wheelchairPlaces == 0 { return false }
        // A wheelchair or a stretcher takes its own place; a seated passenger and an escort take seats.
        let seated = needs.contains(.wheelchair) || needs.contains(.stretcher) ? 0 : 1
        return seats >= seated + (needs.contains(.escort) ? 1 : 0)
    }
}
