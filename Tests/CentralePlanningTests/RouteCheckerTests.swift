import CentraleDomain
import Testing
@testable import CentralePlanning

/// Problems on a line: every node has an x, distance = travel time = |x1 − x2|.
func lineProblem(depot: Double = 0, requests: [(from: Double, to: Double, pickup: ClosedRange<Double>, dropoff: ClosedRange<Double>)],
                 maxRide: Double = 1_000, vehicles: Int = 1, capacity: Int = 3, maxDuration: Double = 1_000,
                 service: Double = 0) -> PlanningProblem {
    var xs = [depot, depot]
    var nodes = [PlanningProblem.Node(earliest: 0, latest: 1_000, service: 0), PlanningProblem.Node(earliest: 0, latest: 1_000, service: 0)]
    var list: [PlanningProblem.Request] = []
    for request in requests {
        list.append(PlanningProblem.Request(pickup: xs.count, dropoff: xs.count + 1, load: Load(seats: 1), maxRide: maxRide))
        xs += [request.from, request.to]
        nodes.append(PlanningProblem.Node(earliest: request.pickup.lowerBound, latest: request.pickup.upperBound, service: service))
        nodes.append(PlanningProblem.Node(earliest: request.dropoff.lowerBound, latest: request.dropoff.upperBound, service: service))
    }
    let matrix = xs.flatMap { a in xs.map { b in abs(a - b) } }
    let fleet = (0..<vehicles).map { _ in
        PlanningProblem.Vehicle(start: 0, end: 1, capacity: Load(seats: capacity), maxDuration: maxDuration)
    }
    return PlanningProblem(nodes: nodes, requests: list, vehicles: fleet, travelTime: matrix, distance: matrix)
}

/// An independent exact check: the route's constraints as a graph of difference constraints,
/// feasible iff Bellman–Ford finds no negative cycle.
func feasibleByBellmanFord(_ problem: PlanningProblem, vehicle: Int, stops: [Int]) -> Bool {
    let v = problem.vehicles[vehicle]
    let sequence = [v.start] + stops + [v.end]
    let n = problem.nodes.count
    let m = sequence.count, origin = m
    var edges: [(Int, Int, Double)] = []  // x[to] − x[from] ≤ w
    for (k, node) in sequence.enumerated() {
        edges.append((origin, k, problem.nodes[node].latest))
        edges.append((k, origin, -problem.nodes[node].earliest))
        if k > 0 {
            let previous = sequence[k - 1]
            edges.append((k, k - 1, -(problem.nodes[previous].service + problem.travelTime[previous * n + node])))
        }
    }
    for request in problem.requests {
        guard let p = sequence.firstIndex(of: request.pickup), let d = sequence.firstIndex(of: request.dropoff) else { continue }
        edges.append((p, d, request.maxRide + problem.nodes[request.pickup].service))
    }
    edges.append((0, m - 1, v.maxDuration))
    var value = [Double](repeating: 0, count: m + 1)
    for _ in 0...(m + 1) {
        var changed = false
        for (from, to, weight) in edges where value[from] + weight < value[to] - 1e-9 {
            value[to] = value[from] + weight
            changed = true
        }
        if !changed { return true }
    }
    return false
}

@Suite("Route checker")
struct RouteCheckerTests {
    @Test("delays a pickup so that a ride-time limit holds, where earliest times would fail")
    func forwardSlack() throws {
        // Pickup at x=1 from time 0; drop-off at x=2 only from 50; at most 10 minutes on board.
        let problem = lineProblem(requests: [(1, 2, 0...100, 50...60)], maxRide: 10)
        let checker = RouteChecker(problem)
        let times = try checker.schedule(vehicle: 0, stops: [2, 3]).get()
        #expect(times[2] - times[1] <= 10 + 1e-9)
        #expect(times[2] >= 50)
        let comfortable = try checker.comfortableSchedule(vehicle: 0, stops: [2, 3]).get()
        #expect(comfortable[2] - comfortable[1] == 1, "picked up just in time: no waiting on board")
    }

    @Test("names the rule a route breaks")
    func violations() {
        let problem = lineProblem(requests: [(1, 2, 0...100, 0...100), (5, 6, 0...100, 0...3), (1, 30, 0...100, 0...100)],
                                  maxRide: 20, capacity: 1, maxDuration: 500)
        let checker = RouteChecker(problem)
        #expect(checker.schedule(vehicle: 0, stops: [3, 2]) == .failure(.dropoffBeforePickup(request: 0)))
        #expect(checker.schedule(vehicle: 0, stops: [2]) == .failure(.pickupWithoutDropoff(request: 0)))
        #expect(checker.schedule(vehicle: 0, stops: [2, 4, 3, 5]) == .failure(.capacity(at: 4)))
        #expect(checker.schedule(vehicle: 0, stops: [4, 5]) == .failure(.timeWindow(at: 5)))
        #expect(checker.schedule(vehicle: 0, stops: [6, 7]) == .failure(.rideTime(request: 2)))
        #expect(checker.schedule(vehicle: 0, stops: [0]) == .failure(.notARequestNode(0)))
        #expect(checker.schedule(vehicle: 0, stops: [2, 2]) == .failure(.visitedTwice(2)))
        let long = lineProblem(requests: [(20, 40, 0...1_000, 0...1_000)], maxDuration: 50)
        #expect(RouteChecker(long).schedule(vehicle: 0, stops: [2, 3]) == .failure(.routeDuration))
    }

    @Test("agrees with an independent Bellman–Ford check on 3,000 random routes")
    func exactness() {
        var random = SeededRandom(seed: 7)
        var feasible = 0
        for _ in 0..<3_000 {
            let count = 1 + Int(random.next() % 4)
            var requests: [(from: Double, to: Double, pickup: ClosedRange<Double>, dropoff: ClosedRange<Double>)] = []
            for _ in 0..<count {
                let from = random.unit() * 20, to = random.unit() * 20
                let open = random.unit() * 40, close = open + random.unit() * 30
                requests.append((from, to, open...(open + random.unit() * 20), close...(close + random.unit() * 20)))
            }
            let problem = lineProblem(requests: requests, maxRide: 5 + random.unit() * 25, capacity: 2,
                                      maxDuration: 40 + random.unit() * 60, service: Double(random.next() % 3))
            // A random order with each pickup before its drop-off.
            var order: [Int] = []
            for request in problem.requests {
                let p = Int(random.next() % UInt64(order.count + 1))
                order.insert(request.pickup, at: p)
                let d = p + 1 + Int(random.next() % UInt64(order.count - p))
                order.insert(request.dropoff, at: d)
            }
            let result = RouteChecker(problem).schedule(vehicle: 0, stops: order)
            let capacityBroken: Bool = { if case .failure(.capacity) = result { return true }; return false }()
            if capacityBroken { continue }
            let ours: Bool = { if case .success = result { return true }; return false }()
            #expect(ours == feasibleByBellmanFord(problem, vehicle: 0, stops: order), "route \(order)")
            if ours { feasible += 1 }
        }
        #expect(feasible > 300, "the sample must hold feasible routes too (\(feasible))")
    }
}
