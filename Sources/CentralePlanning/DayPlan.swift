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
    /// Each trip's share of the route's km: the route's distance split in proportion to the
    /// trips' solo distances, to the metre (the shares add up to `distance` exactly). It is
    /// what the km check expects a trip of this route to be logged with.
    public var shares: [TripShare]
    /// The volunteer driving it, when the association registers its volunteers (the route
    /// then stays within that driver's shift).
    public var driver: String?

    /// Creates a schedule.
    public init(plate: String, departure: LocalTime, arrival: LocalTime, stops: [PlannedStop],
                distance: Distance, soloDistance: Distance, saving: Money, shares: [TripShare] = [], driver: String? = nil) {
        self.plate = plate
        self.driver = driver
        self.departure = departure
        self.arrival = arrival
        self.stops = stops
        self.distance = distance
        self.soloDistance = soloDistance
        self.saving = saving
        self.shares = shares
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

/// A trip's share of a planned route's km.
public struct TripShare: Hashable, Sendable, Codable {
    /// The trip.
    public var tripID: Int64
    /// Its share of the route's distance.
    public var distance: Distance

    /// Creates a share.
    public init(tripID: Int64, distance: Distance) {
        self.tripID = tripID
        self.distance = distance
    }

    /// `total` split among trips in proportion to their weights (solo distances), to the metre,
    /// the remainder going to the largest fractions (then the lower trip id): the shares add
    /// up to `total` exactly.
    public static func split(_ total: Distance, by weights: [(tripID: Int64, weight: Distance)]) -> [TripShare] {
        let sum = weights.reduce(0) { $0 + $1.weight.metres }
        guard sum > 0 else {
            // No weight to go by: equal shares.
            return split(total, by: weights.map { ($0.tripID, Distance(metres: 1)) })
        }
        var shares = weights.map { TripShare(tripID: $0.tripID, distance: Distance(metres: total.metres * $0.weight.metres / sum)) }
        let remainders = weights.map { total.metres * $0.weight.metres % sum }
        let left = total.metres - shares.reduce(0) { $0 + $1.distance.metres }
        let order = weights.indices.sorted { (remainders[$0], -weights[$0].tripID) > (remainders[$1], -weights[$1].tripID) }
        for index in order.prefix(left) { shares[index].distance.metres += 1 }
        return shares
    }
}

/// A trip the plan leaves to be driven on its own, and why.
public struct SoloTrip: Hashable, Sendable, Codable {
    /// The reason of a stretcher transport, which always travels alone.
    public static let stretcherReason = "stretcher transports travel alone"
    /// The reason of every trip of an association with vehicles but no crew on duty that day.
    public static let noCrewReason = "no crew on duty that day"
    /// The reason of every trip of an association without an active vehicle.
    public static let noVehicleReason = "the association has no active vehicle"
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
