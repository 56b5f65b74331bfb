import CentraleDomain

/// One stop of a vehicle's planned day.
public struct PlannedStop: Hashable, Sendable, Codable {
    /// Picking up or dropping off.
    public enum Kind: String, Sendable, Codable {
        /// The beneficiary boards.
        case pickup
        /// The beneficiary alights.
        case dropoff
    }

    /// The trip served.
    public var tripID: Int64
    /// Pickup or drop-off.
    public var kind: Kind
    /// When service starts (the earliest schedule keeping every limit).
    public var time: LocalTime
    /// Where (the driver's label).
    public var label: String

    /// Creates a stop.
    public init(tripID: Int64, kind: Kind, time: LocalTime, label: String) {
        self.tripID = tripID
        self.kind = kind
        self.time = time
        self.label = label
    }
}

/// A vehicle's planned day: leave the base, the stops in order, back to the base.
public struct VehicleSchedule: Hashable, Sendable, Codable {
    /// The vehicle's plate.
    public var plate: String
    /// When it leaves the base.
    public var departure: LocalTime
    /// When it is back.
    public var arrival: LocalTime
    /// The stops in order.
    public var stops: [PlannedStop]
    /// The estimated length of the route, base to base.
    public var distance: Distance
    /// What its trips would take driven one by one (base → pickup → destination → base each).
    public var soloDistance: Distance
    /// The reimbursement the route saves against driving its trips one by one.
    public var saving: Money

    /// Creates a schedule.
    public init(plate: String, departure: LocalTime, arrival: LocalTime, stops: [PlannedStop],
                distance: Distance, soloDistance: Distance, saving: Money) {
        self.plate = plate
        self.departure = departure
        self.arrival = arrival
        self.stops = stops
        self.distance = distance
        self.soloDistance = soloDistance
        self.saving = saving
    }

    /// The trips on this vehicle.
    public var tripIDs: [Int64] { stops.filter { $0.kind == .pickup }.map(\.tripID) }

    /// The trips that are on board together with at least one other trip at some point.
    public var sharedTripIDs: Set<Int64> {
        var onBoard = Set<Int64>(), shared = Set<Int64>()
        for stop in stops {
            if stop.kind == .pickup {
                if !onBoard.isEmpty { shared.formUnion(onBoard); shared.insert(stop.tripID) }
                onBoard.insert(stop.tripID)
            } else {
                onBoard.remove(stop.tripID)
            }
        }
        return shared
    }
}

/// A trip the plan leaves to be driven on its own, and why.
public struct SoloTrip: Hashable, Sendable, Codable {
    /// The trip.
    public var tripID: Int64
    /// Why it is not shared.
    public var reason: String
    /// Its estimated solo distance (base → pickup → destination → base).
    public var distance: Distance

    /// Creates a solo trip.
    public init(tripID: Int64, reason: String, distance: Distance) {
        self.tripID = tripID
        self.reason = reason
        self.distance = distance
    }
}

/// The shared-ride plan of one association's day.
public struct DayPlan: Hashable, Sendable, Codable {
    /// The association.
    public var association: String
    /// The day.
    public var date: LocalDate
    /// The vehicles used, with their routes.
    public var vehicles: [VehicleSchedule]
    /// Trips left to be driven on their own.
    public var solo: [SoloTrip]
    /// The seed the plan was searched with (the same seed gives the same plan).
    public var seed: UInt64

    /// Creates a plan.
    public init(association: String, date: LocalDate, vehicles: [VehicleSchedule], solo: [SoloTrip], seed: UInt64) {
        self.association = association
        self.date = date
        self.vehicles = vehicles
        self.solo = solo
        self.seed = seed
    }

    /// The estimated km of the plan: the routes plus the trips driven on their own.
    public var plannedDistance: Distance { vehicles.reduce(.zero) { $0 + $1.distance } + soloDistance }
    /// The estimated km of driving every trip on its own.
    public var baselineDistance: Distance { vehicles.reduce(.zero) { $0 + $1.soloDistance } + soloDistance }
    /// The km the plan saves.
    public var savedDistance: Distance { baselineDistance - plannedDistance }
    /// The reimbursement the plan saves (km saved at each vehicle's km rate).
    public var saving: Money { vehicles.reduce(.zero) { $0 + $1.saving } }
    /// The trips in the plan, shared or solo.
    public var tripCount: Int { vehicles.reduce(0) { $0 + $1.tripIDs.count } + solo.count }

    private var soloDistance: Distance { solo.reduce(.zero) { $0 + $1.distance } }
}
