/// A `PlanningProblem` as flat arrays indexed by node, request or vehicle, and the exact
/// schedule of a node sequence on them (the one method both the search and `RouteChecker` use).
struct ProblemTables: Sendable {
    let nodeCount: Int
    let earliest: [Double], latest: [Double], service: [Double]
    let travel: [Double], distance: [Double]
    /// The request a node belongs to, or -1 for a depot.
    let requestOf: [Int]
    let isPickup: [Bool]
    let pickup: [Int], dropoff: [Int], loadSeats: [Int], loadWheelchairs: [Int], maxRide: [Double]
    let start: [Int], end: [Int], capacitySeats: [Int], capacityWheelchairs: [Int], maxDuration: [Double]
    var requestCount: Int { pickup.count }
    var vehicleCount: Int { start.count }

    init(_ problem: PlanningProblem) {
        nodeCount = problem.nodes.count
        earliest = problem.nodes.map(\.earliest)
        latest = problem.nodes.map(\.latest)
        service = problem.nodes.map(\.service)
        travel = problem.travelTime
        distance = problem.distance
        var requestOf = [Int](repeating: -1, count: nodeCount)
        var isPickup = [Bool](repeating: false, count: nodeCount)
        for (index, request) in problem.requests.enumerated() {
            requestOf[request.pickup] = index
            requestOf[request.dropoff] = index
            isPickup[request.pickup] = true
        }
        self.requestOf = requestOf
        self.isPickup = isPickup
        pickup = problem.requests.map(\.pickup)
        dropoff = problem.requests.map(\.dropoff)
        loadSeats = problem.requests.map(\.load.seats)
        loadWheelchairs = problem.requests.map(\.load.wheelchairs)
        maxRide = problem.requests.map(\.maxRide)
        start = problem.vehicles.map(\.start)
        end = problem.vehicles.map(\.end)
        capacitySeats = problem.vehicles.map(\.capacity.seats)
        capacityWheelchairs = problem.vehicles.map(\.capacity.wheelchairs)
        maxDuration = problem.vehicles.map(\.maxDuration)
        requires = problem.requests.map(\.requires)
        provides = problem.vehicles.map(\.provides)
    }

    /// What each request needs of its crew, and what each vehicle's crew provides (bits).
    let requires: [UInt8], provides: [UInt8]

    /// Whether `vehicle`'s crew is qualified for `request`.
    @inline(__always) func eligible(_ request: Int, _ vehicle: Int) -> Bool { requires[request] & ~provides[vehicle] == 0 }

    @inline(__always) func travelTime(_ from: Int, _ to: Int) -> Double { travel[from &* nodeCount &+ to] }
    @inline(__always) func cost(_ from: Int, _ to: Int) -> Double { distance[from &* nodeCount &+ to] }

    /// Fills `times` with the least schedule of a full sequence (depots included) driven by
    /// `vehicle`, or returns the rule it breaks; see `RouteChecker` for the method. Precedence
    /// and capacity are not checked here. `positionOf` is scratch space of `nodeCount` entries.
    func leastSchedule(_ sequence: [Int], vehicle: Int, times: inout [Double], positionOf: inout [Int]) -> RouteViolation? {
        let count = sequence.count
        if times.count < count { times = [Double](repeating: 0, count: count) }
        let tolerance = RouteChecker.tolerance
        let duration = maxDuration[vehicle]
        return sequence.withUnsafeBufferPointer { seq in
            times.withUnsafeMutableBufferPointer { b in
                positionOf.withUnsafeMutableBufferPointer { positionOf -> RouteViolation? in
                    for k in 0..<count {
                        b[k] = earliest[seq[k]]
                        positionOf[seq[k]] = k
                    }
                    // Without a fixpoint after as many rounds as nodes, a cycle of limits keeps
                    // raising times: the last limit that raised one is the one to blame.
                    var blame = RouteViolation.rideTime(request: -1)
                    for _ in 0...count {
                        for k in 1..<count {
                            let previous = seq[k - 1], node = seq[k]
                            let arrival = b[k - 1] + service[previous] + travel[previous &* nodeCount &+ node]
                            if arrival > b[k] { b[k] = arrival }
                            if b[k] > latest[node] + tolerance { return .timeWindow(at: node) }
                        }
                        var raised = false
                        for k in 1..<count - 1 {
                            let node = seq[k]
                            if isPickup[node] { continue }
                            let request = requestOf[node]
                            let origin = pickup[request], p = positionOf[origin]
                            let needed = b[k] - service[origin] - maxRide[request]
                            if needed > b[p] + tolerance {
                                if needed > latest[origin] + tolerance { return .rideTime(request: request) }
                                b[p] = needed
                                raised = true
                                blame = .rideTime(request: request)
                            }
                        }
                        let departure = b[count - 1] - duration
                        if departure > b[0] + tolerance {
                            if departure > latest[seq[0]] + tolerance { return .routeDuration }
                            b[0] = departure
                            raised = true
                            blame = .routeDuration
                        }
                        if !raised { return nil }
                    }
                    return blame
                }
            }
        }
    }
}
