/// Exact feasibility of one route: whether a vehicle can visit a sequence of nodes within every
/// time window, capacity, maximum ride time and maximum route duration, and if so the earliest
/// schedule that does.
///
/// The constraints on the service start times `B` of a fixed sequence are all of the form
/// `B[x] ≥ B[y] + w` (travel: `B[k+1] ≥ B[k] + service + travel`; ride time: `B[pickup] ≥
/// B[dropoff] − service − maxRide`; duration: `B[start] ≥ B[end] − maxDuration`) plus the windows
/// `earliest ≤ B ≤ latest`. Raising times from the window openings until no constraint is
/// violated (a Bellman–Ford style fixpoint) reaches the least solution when there is one; a time
/// past its window's close, or no fixpoint after as many rounds as nodes, proves there is none.
/// Unlike greedy earliest times, this delays departures and pickups exactly as far as ride-time
/// limits require (the forward time slack), and never rejects a feasible route.
public struct RouteChecker: Sendable {
    /// The tolerance on times, in the problem's unit.
    public static let tolerance = 1e-9

    let tables: ProblemTables

    /// Prepares checks for a problem's routes.
    public init(_ problem: PlanningProblem) { tables = ProblemTables(problem) }

    /// The earliest schedule of `vehicle` visiting `stops` (pickups and drop-offs, depots
    /// omitted): the service start time at the start depot, at each stop and at the end depot;
    /// or the first rule the route breaks.
    public func schedule(vehicle: Int, stops: [Int]) -> Result<[Double], RouteViolation> {
        let t = tables
        let sequence = [t.start[vehicle]] + stops + [t.end[vehicle]]
        var seen = Set<Int>()
        var onBoard = Load.zero
        for node in stops {
            guard (0..<t.nodeCount).contains(node), t.requestOf[node] >= 0 else { return .failure(.notARequestNode(node)) }
            let request = t.requestOf[node]
            guard request >= 0 else { return .failure(.notARequestNode(node)) }
            guard seen.insert(node).inserted else { return .failure(.visitedTwice(node)) }
            if t.isPickup[node] {
                onBoard.seats += t.loadSeats[request]
                onBoard.wheelchairs += t.loadWheelchairs[request]
                if onBoard.seats > t.capacitySeats[vehicle] || onBoard.wheelchairs > t.capacityWheelchairs[vehicle] || !t.eligible(request, vehicle) {
                    return .failure(.capacity(at: node))
                }
            } else {
                guard seen.contains(t.pickup[request]) else { return .failure(.dropoffBeforePickup(request: request)) }
                onBoard.seats -= t.loadSeats[request]
                onBoard.wheelchairs -= t.loadWheelchairs[request]
            }
        }
        for node in stops where t.isPickup[node] && !seen.contains(t.dropoff[t.requestOf[node]]) {
            return .failure(.pickupWithoutDropoff(request: t.requestOf[node]))
        }
        var times = [Double](repeating: 0, count: sequence.count)
        var positionOf = [Int](repeating: -1, count: t.nodeCount)
        if let violation = t.leastSchedule(sequence, vehicle: vehicle, times: &times, positionOf: &positionOf) {
            return .failure(violation)
        }
        return .success(times)
    }

    /// A schedule of `vehicle` visiting `stops` that people would choose: the earliest schedule,
    /// then the departure delayed to remove waiting at the first stop, and each pickup made
    /// with nobody on board delayed to remove the waiting with people on board until the
    /// vehicle is empty again; never further than the forward time slack (Cordeau & Laporte)
    /// allows, so every limit still holds, and never lengthening anyone's ride. Times as in
    /// `schedule(vehicle:stops:)`.
    public func comfortableSchedule(vehicle: Int, stops: [Int]) -> Result<[Double], RouteViolation> {
        let earliest = schedule(vehicle: vehicle, stops: stops)
        guard case var .success(b) = earliest else { return earliest }
        let t = tables
        let sequence = [t.start[vehicle]] + stops + [t.end[vehicle]]
        let count = sequence.count
        func arrival(_ k: Int) -> Double { b[k - 1] + t.service[sequence[k - 1]] + t.travelTime(sequence[k - 1], sequence[k]) }
        var loadAfter = [Int](repeating: 0, count: count)
        for k in 1..<count {
            let request = t.requestOf[sequence[k]]
            loadAfter[k] = loadAfter[k - 1] + (request < 0 ? 0 : t.isPickup[sequence[k]] ? 1 : -1)
        }
        // Pickups first, in order, then the departure (which then waits for the first stop).
        let delayable = (1..<count - 1).filter { t.isPickup[sequence[$0]] && loadAfter[$0 - 1] == 0 } + [0]
        for i in delayable {
            // The waiting to remove: at the first stop for the departure; for a pickup, until
            // the vehicle is empty again.
            var last = i + 1
            if i > 0 { while last < count - 1 && loadAfter[last] > 0 { last += 1 } }
            var slack = Double.infinity, waiting = 0.0, removable = 0.0
            for j in i..<count {
                if j > i { waiting += max(0, b[j] - arrival(j)) }
                if j == last { removable = waiting }
                var own = t.latest[sequence[j]] - b[j]
                if j == count - 1 { own = min(own, t.maxDuration[vehicle] - (b[j] - b[0])) }
                slack = min(slack, waiting + max(0, own))
            }
            let delay = min(slack, removable)
            guard delay > RouteChecker.tolerance else { continue }
            var trial = b
            trial[i] += delay
            for k in (i + 1)..<count {
                trial[k] = max(trial[k], trial[k - 1] + t.service[sequence[k - 1]] + t.travelTime(sequence[k - 1], sequence[k]))
            }
            if keepsEveryLimit(trial, sequence: sequence, vehicle: vehicle) { b = trial }
        }
        return .success(b)
    }

    /// Whether given service start times keep every window, ride time and the duration.
    func keepsEveryLimit(_ times: [Double], sequence: [Int], vehicle: Int) -> Bool {
        let t = tables, tolerance = RouteChecker.tolerance
        var pickupTime = [Int: Double]()
        for (k, node) in sequence.enumerated() {
            if times[k] < t.earliest[node] - tolerance || times[k] > t.latest[node] + tolerance { return false }
            if k > 0, times[k] < times[k - 1] + t.service[sequence[k - 1]] + t.travelTime(sequence[k - 1], node) - tolerance { return false }
            let request = t.requestOf[node]
            guard request >= 0 else { continue }
            if t.isPickup[node] { pickupTime[request] = times[k] }
            else if let start = pickupTime[request], times[k] - start - t.service[t.pickup[request]] > t.maxRide[request] + tolerance {
                return false
            }
        }
        return times[times.count - 1] - times[0] <= t.maxDuration[vehicle] + tolerance
    }
}

/// The first rule a route breaks.
public enum RouteViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stop that is neither a pickup nor a drop-off.
    case notARequestNode(Int)
    /// A stop visited twice.
    case visitedTwice(Int)
    /// A drop-off before its pickup.
    case dropoffBeforePickup(request: Int)
    /// A pickup whose drop-off is not on the route.
    case pickupWithoutDropoff(request: Int)
    /// Too many on board after this pickup.
    case capacity(at: Int)
    /// Service at this node cannot start before its window closes.
    case timeWindow(at: Int)
    /// A passenger's ride is longer than allowed whatever the waiting (-1: a chain of limits).
    case rideTime(request: Int)
    /// The route lasts longer than allowed whatever the waiting.
    case routeDuration

    /// What is broken.
    public var description: String {
        switch self {
        case let .notARequestNode(node): return "node \(node) is not a pickup or drop-off"
        case let .visitedTwice(node): return "node \(node) is visited twice"
        case let .dropoffBeforePickup(request): return "request \(request) is dropped off before it is picked up"
        case let .pickupWithoutDropoff(request): return "request \(request) is picked up but never dropped off"
        case let .capacity(node): return "too many on board after node \(node)"
        case let .timeWindow(node): return "node \(node) is reached after its time window closes"
        case let .rideTime(request) where request < 0: return "the ride-time limits cannot all be met"
        case let .rideTime(request): return "request \(request) rides longer than allowed"
        case .routeDuration: return "the route lasts longer than allowed"
        }
    }
}
