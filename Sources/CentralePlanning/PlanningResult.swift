/// One vehicle's route in a plan.
public struct PlannedRoute: Sendable, Equatable {
    /// The vehicle's index in the problem.
    public var vehicle: Int
    /// The pickups and drop-offs in order (depots omitted).
    public var stops: [Int]
    /// When service starts at the start depot, at each stop and at the end depot: a schedule
    /// that keeps every limit with as little waiting on board as it can
    /// (`RouteChecker.comfortableSchedule`).
    public var times: [Double]
    /// The route's length, depot to depot.
    public var distance: Double

    /// Creates a route.
    public init(vehicle: Int, stops: [Int], times: [Double], distance: Double) {
        self.vehicle = vehicle
        self.stops = stops
        self.times = times
        self.distance = distance
    }
}

/// Why a request is not in the plan.
public enum UnservedReason: String, Sendable, Equatable, CaseIterable {
    /// No vehicle has the seats or wheelchair places it needs.
    case noVehicleCanCarry = "no vehicle can carry it"
    /// Even alone in a vehicle its windows, ride time or the shift cannot be kept.
    case infeasibleAlone = "its time windows, ride time or the vehicles' shifts cannot be kept even alone"
    /// Every vehicle that could carry it is already busy then.
    case noRoom = "every vehicle that could carry it is busy at that time"
}

/// A request left out of the plan, with the reason.
public struct UnservedRequest: Sendable, Equatable {
    /// The request's index in the problem.
    public var request: Int
    /// Why.
    public var reason: UnservedReason
}

/// The solver's answer: the routes of the vehicles used, the requests left out, and how the
/// search went.
public struct PlanningResult: Sendable {
    /// The routes of the vehicles that serve at least one request.
    public var routes: [PlannedRoute]
    /// The requests that fit nowhere.
    public var unserved: [UnservedRequest]
    /// The total distance of the routes.
    public var distance: Double
    /// Improvement iterations run.
    public var iterations: Int
    /// Wall-clock time spent.
    public var seconds: Double

    init(tables: ProblemTables, problem: PlanningProblem, routes: [[Int]], iterations: Int, seconds: Double) {
        let checker = RouteChecker(problem)
        var planned: [PlannedRoute] = []
        var served = Set<Int>()
        for (vehicle, route) in routes.enumerated() where route.count > 2 {
            let stops = Array(route.dropFirst().dropLast())
            guard case let .success(times) = checker.comfortableSchedule(vehicle: vehicle, stops: stops) else {
                preconditionFailure("the search kept an infeasible route")
            }
            var distance = 0.0
            for k in 1..<route.count { distance += tables.cost(route[k - 1], route[k]) }
            planned.append(PlannedRoute(vehicle: vehicle, stops: stops, times: times, distance: distance))
            for node in stops { served.insert(tables.requestOf[node]) }
        }
        self.routes = planned
        unserved = (0..<tables.requestCount).filter { !served.contains($0) }.map { request in
            UnservedRequest(request: request, reason: Self.reason(request, tables: tables, checker: checker))
        }
        distance = planned.reduce(0) { $0 + $1.distance }
        self.iterations = iterations
        self.seconds = seconds
    }

    private static func reason(_ request: Int, tables: ProblemTables, checker: RouteChecker) -> UnservedReason {
        let carriers = (0..<tables.vehicleCount).filter {
            tables.loadSeats[request] <= tables.capacitySeats[$0] && tables.loadWheelchairs[request] <= tables.capacityWheelchairs[$0]
                && tables.eligible(request, $0)
        }
        guard !carriers.isEmpty else { return .noVehicleCanCarry }
        let alone = [tables.pickup[request], tables.dropoff[request]]
        let fits = carriers.contains { vehicle in
            if case .success = checker.schedule(vehicle: vehicle, stops: alone) { return true }
            return false
        }
        return fits ? .noRoom : .infeasibleAlone
    }
}
