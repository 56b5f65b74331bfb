/// The working solution of the search: one node sequence per vehicle (depots included), with
/// what insertions need to know about each route kept up to date.
final class SearchState {
    let t: ProblemTables

    /// The routes, depots included.
    var routes: [[Int]]
    /// The least schedule of each route.
    var times: [[Double]]
    /// The latest schedule of each route (every limit kept): no feasible schedule of the route,
    /// or of the route with more stops inserted, starts service later at these positions. The
    /// insertion screen tests against it.
    var latestStart: [[Double]]
    /// Seats and wheelchair places taken when leaving each position.
    var seatsAfter: [[Int]], wheelchairsAfter: [[Int]]
    /// Each route's distance.
    var routeCost: [Double]
    /// The vehicle serving each request, or -1.
    var vehicleOf: [Int]

    private var scratchTimes: [Double]
    private var positionOf: [Int]

    init(_ tables: ProblemTables) {
        t = tables
        let vehicles = tables.vehicleCount
        routes = zip(tables.start, tables.end).map { [$0, $1] }
        times = Array(repeating: [], count: vehicles)
        latestStart = Array(repeating: [], count: vehicles)
        seatsAfter = Array(repeating: [], count: vehicles)
        wheelchairsAfter = Array(repeating: [], count: vehicles)
        routeCost = Array(repeating: 0, count: vehicles)
        vehicleOf = Array(repeating: -1, count: tables.requestCount)
        scratchTimes = Array(repeating: 0, count: tables.nodeCount + 2)
        positionOf = Array(repeating: -1, count: tables.nodeCount)
        for vehicle in 0..<vehicles { refresh(vehicle) }
    }

    /// Total distance of all routes.
    var totalCost: Double { routeCost.reduce(0, +) }

    /// Requests served by no vehicle.
    var unserved: [Int] { (0..<t.requestCount).filter { vehicleOf[$0] < 0 } }

    /// Whether a full sequence (depots included, precedence and capacity already right) has a
    /// schedule.
    func isFeasible(_ sequence: [Int], vehicle: Int) -> Bool {
        t.leastSchedule(sequence, vehicle: vehicle, times: &scratchTimes, positionOf: &positionOf) == nil
    }

    /// Replaces a route (which must be feasible) and updates who serves what.
    func setRoute(_ vehicle: Int, _ route: [Int]) {
        for node in routes[vehicle] where t.requestOf[node] >= 0 { vehicleOf[t.requestOf[node]] = -1 }
        routes[vehicle] = route
        for node in route where t.requestOf[node] >= 0 { vehicleOf[t.requestOf[node]] = vehicle }
        refresh(vehicle)
    }

    /// Takes a request off its route.
    func remove(request: Int) {
        let vehicle = vehicleOf[request]
        guard vehicle >= 0 else { return }
        let p = t.pickup[request], d = t.dropoff[request]
        routes[vehicle].removeAll { $0 == p || $0 == d }
        vehicleOf[request] = -1
        refresh(vehicle)
    }

    /// What the routes would save without a request (its pickup and drop-off bypassed).
    func removalSaving(request: Int) -> Double {
        let vehicle = vehicleOf[request]
        guard vehicle >= 0 else { return 0 }
        let route = routes[vehicle]
        let p = t.pickup[request], d = t.dropoff[request]
        guard let i = route.firstIndex(of: p), let j = route.firstIndex(of: d) else { return 0 }
        if j == i + 1 {
            return t.cost(route[i - 1], p) + t.cost(p, d) + t.cost(d, route[j + 1]) - t.cost(route[i - 1], route[j + 1])
        }
        return t.cost(route[i - 1], p) + t.cost(p, route[i + 1]) - t.cost(route[i - 1], route[i + 1])
            + t.cost(route[j - 1], d) + t.cost(d, route[j + 1]) - t.cost(route[j - 1], route[j + 1])
    }

    /// Recomputes a route's caches after it changed.
    func refresh(_ vehicle: Int) {
        let route = routes[vehicle]
        let count = route.count
        var schedule = [Double](repeating: 0, count: count)
        let violation = t.leastSchedule(route, vehicle: vehicle, times: &schedule, positionOf: &positionOf)
        precondition(violation == nil, "a route in the working solution must be feasible")
        times[vehicle] = schedule
        latestStart[vehicle] = latestSchedule(route, vehicle: vehicle)
        var seats = [Int](repeating: 0, count: count), chairs = [Int](repeating: 0, count: count)
        var onSeats = 0, onChairs = 0, total = 0.0
        for k in 0..<count {
            let node = route[k], request = t.requestOf[node]
            if request >= 0 {
                let sign = t.isPickup[node] ? 1 : -1
                onSeats += sign * t.loadSeats[request]
                onChairs += sign * t.loadWheelchairs[request]
            }
            seats[k] = onSeats
            chairs[k] = onChairs
            if k > 0 { total += t.cost(route[k - 1], node) }
        }
        seatsAfter[vehicle] = seats
        wheelchairsAfter[vehicle] = chairs
        routeCost[vehicle] = total
    }

    /// The greatest schedule of a feasible route: times lowered from the windows' closings
    /// until no limit is broken (the mirror image of the least schedule).
    private func latestSchedule(_ route: [Int], vehicle: Int) -> [Double] {
        let count = route.count
        var u = route.map { t.latest[$0] }
        for (k, node) in route.enumerated() { positionOf[node] = k }
        for _ in 0...count {
            for k in stride(from: count - 2, through: 0, by: -1) {
                let node = route[k]
                u[k] = min(u[k], u[k + 1] - t.service[node] - t.travelTime(node, route[k + 1]))
            }
            var lowered = false
            for k in 1..<count - 1 where !t.isPickup[route[k]] {
                let request = t.requestOf[route[k]], p = positionOf[t.pickup[request]]
                let allowed = u[p] + t.service[t.pickup[request]] + t.maxRide[request]
                if allowed < u[k] - RouteChecker.tolerance { u[k] = allowed; lowered = true }
            }
            let end = u[0] + t.maxDuration[vehicle]
            if end < u[count - 1] - RouteChecker.tolerance { u[count - 1] = end; lowered = true }
            if !lowered { break }
        }
        return u
    }
}
