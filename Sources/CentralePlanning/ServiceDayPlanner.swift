import CentraleDomain

/// Plans one association's day of the real service as a dial-a-ride problem and reads the
/// answer back as vehicle schedules.
///
/// - Vehicles: the day's crews (`DayCrews`): each vehicle in service with its driver, from its
///   base and back within the driver's shift, with its seats, and its wheelchair places when
///   the driver is qualified for wheelchairs. Without crews (an association that registers no
///   volunteers) every active vehicle runs within the convention's shift (`PlanningRules`).
/// - Trips: an outbound trip arrives at the destination within the pickup window before the
///   appointment (`ServiceRules.pickupWindowMinutes`, e.g. 08:00–08:30 for an 08:30
///   appointment); a return trip is picked up within the window after the time the person is
///   ready. Nobody rides longer than `maxRideMinutes`, or their direct trip if that is longer.
/// - Distances are the convention's estimates; travel times follow from the average speed.
/// - Stretcher transports are never shared and stay solo, as do trips the plan cannot fit.
public struct ServiceDayPlanner: Sendable {
    /// The association whose day is planned (with its fleet).
    public var association: Association
    /// The convention (limits, estimates, tariff).
    public var convention: Convention

    /// Creates a planner.
    public init(association: Association, convention: Convention) {
        self.association = association
        self.convention = convention
    }

    /// The search budget used for a day of `trips` trips: iterations only, so that the same
    /// trips always give the same plan (what the dispatcher accepts is what was shown).
    public static func defaultOptions(trips: Int, seed: UInt64 = 1) -> PlanningOptions {
        PlanningOptions(seed: seed, maxIterations: min(1_500, 100 + 25 * trips))
    }

    /// The plans of a day, one per association, each with the default options for its size
    /// and the association's crews of the day when given.
    public static func plans(_ day: [(association: Association, trips: [TripRequest], crews: [CrewShift]?)], on date: LocalDate,
                             convention: Convention, seed: UInt64 = 1) -> [DayPlan] {
        day.map { ServiceDayPlanner(association: $0.association, convention: convention)
            .plan($0.trips, on: date, crews: $0.crews, options: defaultOptions(trips: $0.trips.count, seed: seed)) }
    }

    /// The plan of `trips` (the association's trips of `date`), on `crews` when given (see
    /// `DayCrews`), else on every active vehicle within the convention's shift.
    public func plan(_ trips: [TripRequest], on date: LocalDate, crews: [CrewShift]? = nil, options: PlanningOptions? = nil) -> DayPlan {
        let options = options ?? Self.defaultOptions(trips: trips.count)
        let estimator = convention.distanceEstimator
        let rules = convention.rules, planning = convention.planning
        let byPlate = Dictionary(association.vehicles.map { ($0.plate, $0) }, uniquingKeysWith: { first, _ in first })
        // Declared day: every vehicle shares the base's two depot nodes (0 and 1), as always.
        let ownDepots = crews != nil
        let crews = crews ?? association.vehicles.filter(\.active).map {
            CrewShift(plate: $0.plate, driver: nil, start: planning.shiftStart, end: planning.shiftEnd, qualifications: [.wheelchair, .stretcher, .escort])
        }
        let runs = crews.compactMap { crew in byPlate[crew.plate].flatMap { $0.active ? (crew: crew, vehicle: $0) : nil } }
        let shared = trips.filter { !$0.needs.contains(.stretcher) }
        var solo = trips.filter { $0.needs.contains(.stretcher) }.map {
            SoloTrip(tripID: $0.id, reason: SoloTrip.stretcherReason, distance: soloDistance($0, estimator))
        }
        guard !shared.isEmpty, !runs.isEmpty else {
            let reason = association.vehicles.contains(where: \.active) ? SoloTrip.noCrewReason : SoloTrip.noVehicleReason
            solo += shared.map { SoloTrip(tripID: $0.id, reason: reason, distance: soloDistance($0, estimator)) }
            return DayPlan(association: association.code, date: date, vehicles: [], solo: solo, seed: options.seed)
        }
        // Nodes: 0 base (start), 1 base (end), then each trip's pickup and drop-off, then each
        // crew's start and end at the base (its shift's window).
        var points = [association.base, association.base]
        for trip in shared { points += [trip.pickup.location, trip.destination.location] }
        let firstDepot = points.count
        if ownDepots { for _ in runs { points += [association.base, association.base] } }
        let count = points.count
        var metres = [Double](repeating: 0, count: count * count)
        for a in 0..<count {
            for b in 0..<count where a != b {
                metres[a * count + b] = RoadDistanceEstimator.greatCircleMetres(points[a], points[b]) * estimator.circuity
            }
        }
        let metresPerMinute = Double(planning.averageSpeedKmh) * 1000 / 60
        let minutes = metres.map { $0 / metresPerMinute }
        let shiftStart = Double(planning.shiftStart.minutes), shiftEnd = Double(planning.shiftEnd.minutes)
        var nodes = [PlanningProblem.Node(earliest: shiftStart, latest: shiftEnd, service: 0),
                     PlanningProblem.Node(earliest: shiftStart, latest: shiftEnd, service: 0)]
        var requests: [PlanningProblem.Request] = []
        let window = Double(rules.pickupWindowMinutes)
        for (index, trip) in shared.enumerated() {
            let pickup = 2 + 2 * index, dropoff = pickup + 1
            let boarding = Double(trip.needs.contains(.wheelchair) ? planning.wheelchairBoardingMinutes : planning.boardingMinutes)
            let direct = minutes[pickup * count + dropoff]
            let maxRide = max(Double(rules.maxRideMinutes), direct)
            let time = Double(trip.appointment.minutes)
            if trip.leg == .outbound {
                nodes.append(PlanningProblem.Node(earliest: max(0, time - window - maxRide - boarding),
                                                  latest: max(0, time - boarding - direct), service: boarding))
                nodes.append(PlanningProblem.Node(earliest: max(0, time - window), latest: time, service: boarding))
            } else {
                nodes.append(PlanningProblem.Node(earliest: time, latest: time + window, service: boarding))
                nodes.append(PlanningProblem.Node(earliest: time, latest: time + window + boarding + maxRide, service: boarding))
            }
            let load = trip.needs.contains(.wheelchair)
                ? Load(seats: trip.needs.contains(.escort) ? 1 : 0, wheelchairs: 1)
                : Load(seats: trip.needs.contains(.escort) ? 2 : 1)
            // The crew's driver must be qualified for the trip's needs (an escort, a wheelchair).
            requests.append(PlanningProblem.Request(pickup: pickup, dropoff: dropoff, load: load, maxRide: maxRide,
                                                    requires: UInt8(truncatingIfNeeded: trip.needs.rawValue)))
        }
        for run in runs where ownDepots {
            let window = PlanningProblem.Node(earliest: Double(run.crew.start.minutes), latest: Double(run.crew.end.minutes), service: 0)
            nodes += [window, window]
        }
        let fleet = runs.enumerated().map { index, run in
            PlanningProblem.Vehicle(start: ownDepots ? firstDepot + 2 * index : 0, end: ownDepots ? firstDepot + 2 * index + 1 : 1,
                                    capacity: Load(seats: run.vehicle.seats,
                                                   wheelchairs: run.crew.qualifications.contains(.wheelchair) ? run.vehicle.wheelchairPlaces : 0),
                                    maxDuration: Double(run.crew.minutes),
                                    provides: UInt8(truncatingIfNeeded: run.crew.qualifications.rawValue))
        }
        let problem = PlanningProblem(nodes: nodes, requests: requests, vehicles: fleet, travelTime: minutes, distance: metres)
        // The problem is consistent by construction (distinct nodes, windows opened before closed).
        let result = (try? PlanningSolver(problem))?.solve(options)
        var schedules: [VehicleSchedule] = []
        let tariff = convention.tariff(on: date)
        for route in result?.routes ?? [] {
            let (crew, vehicle) = runs[route.vehicle]
            let stops = zip(route.stops, route.times.dropFirst()).map { node, time in
                let trip = shared[(node - 2) / 2]
                let isPickup = node % 2 == 0
                return PlannedStop(tripID: trip.id, kind: isPickup ? .pickup : .dropoff, time: clock(time),
                                   label: isPickup ? trip.pickup.label : trip.destination.label)
            }
            let routeTrips = route.stops.filter { $0 % 2 == 0 }.map { shared[($0 - 2) / 2] }
            let solos = routeTrips.map { (tripID: $0.id, weight: soloDistance($0, estimator)) }
            let solo = solos.reduce(Distance.zero) { $0 + $1.weight }
            let distance = Distance(metres: Int(route.distance.rounded()))
            var saving = Money.zero
            if let tariff, solo > distance {
                let rate = min(tariff.kmRate, tariff.kmCap[vehicle.vehicleClass] ?? tariff.kmRate)
                saving = Money(cents: ((solo - distance).metres * rate.microEurosPerKm + 5_000_000) / 10_000_000)
            }
            schedules.append(VehicleSchedule(plate: vehicle.plate, departure: clock(route.times.first ?? shiftStart),
                                             arrival: clock(route.times.last ?? shiftEnd), stops: stops,
                                             distance: distance, soloDistance: solo, saving: saving,
                                             shares: TripShare.split(distance, by: solos), driver: crew.driver))
        }
        for unserved in result?.unserved ?? requests.indices.map({ UnservedRequest(request: $0, reason: .noRoom) }) {
            let trip = shared[unserved.request]
            solo.append(SoloTrip(tripID: trip.id, reason: unserved.reason.rawValue, distance: soloDistance(trip, estimator)))
        }
        solo.sort { $0.tripID < $1.tripID }
        return DayPlan(association: association.code, date: date, vehicles: schedules, solo: solo, seed: options.seed)
    }

    /// Base → pickup → destination → base, exactly as the km check estimates a trip driven alone.
    private func soloDistance(_ trip: TripRequest, _ estimator: RoadDistanceEstimator) -> Distance {
        estimator.roadDistance(along: [association.base, trip.pickup.location, trip.destination.location, association.base])
    }

    private func clock(_ minutes: Double) -> LocalTime {
        LocalTime(minutes: min(1439, max(0, Int(minutes.rounded(.down))))) ?? LocalTime(minutes: 0)!
    }
}
