import CentraleDomain
import Testing
@testable import CentralePlanning

/// The optimum of a small problem by enumeration: for each vehicle the shortest feasible route
/// of every subset of requests (every order with pickups before drop-offs), then the best
/// split of the requests among the vehicles.
func optimumByEnumeration(_ problem: PlanningProblem) -> Double {
    let checker = RouteChecker(problem)
    let n = problem.requests.count, size = problem.nodes.count
    func length(_ vehicle: Int, _ stops: [Int]) -> Double {
        let v = problem.vehicles[vehicle]
        let sequence = [v.start] + stops + [v.end]
        return zip(sequence, sequence.dropFirst()).reduce(0) { $0 + problem.distance[$1.0 * size + $1.1] }
    }
    var best = [[Double]](repeating: [Double](repeating: .infinity, count: 1 << n), count: problem.vehicles.count)
    for vehicle in problem.vehicles.indices {
        best[vehicle][0] = 0
        for mask in 1..<(1 << n) {
            let members = (0..<n).filter { mask & (1 << $0) != 0 }
            var stops: [Int] = []
            func extend(_ picked: Set<Int>, _ dropped: Set<Int>) {
                if dropped.count == members.count {
                    if case .success = checker.schedule(vehicle: vehicle, stops: stops) {
                        best[vehicle][mask] = min(best[vehicle][mask], length(vehicle, stops))
                    }
                    return
                }
                for r in members where !picked.contains(r) {
                    stops.append(problem.requests[r].pickup); extend(picked.union([r]), dropped); stops.removeLast()
                }
                for r in picked where !dropped.contains(r) {
                    stops.append(problem.requests[r].dropoff); extend(picked, dropped.union([r])); stops.removeLast()
                }
            }
            extend([], [])
        }
    }
    // Split the requests among the vehicles.
    var total = [Double](repeating: .infinity, count: 1 << n)
    total[0] = 0
    for vehicle in problem.vehicles.indices {
        var next = total
        for covered in 0..<(1 << n) where total[covered].isFinite {
            let rest = ((1 << n) - 1) & ~covered
            var sub = rest
            while sub > 0 {
                next[covered | sub] = min(next[covered | sub], total[covered] + best[vehicle][sub])
                sub = (sub - 1) & rest
            }
        }
        total = next
    }
    return total[(1 << n) - 1]
}

/// A random small instance in the plane, Cordeau-like (windows on one end, ride limit).
func randomInstance(seed: UInt64, requests: Int, vehicles: Int) -> PlanningProblem {
    var random = SeededRandom(seed: seed)
    var points = [(0.0, 0.0), (0.0, 0.0)]
    var nodes = [PlanningProblem.Node(earliest: 0, latest: 600, service: 0), PlanningProblem.Node(earliest: 0, latest: 600, service: 0)]
    var list: [PlanningProblem.Request] = []
    for _ in 0..<requests {
        let pickup = (random.unit() * 20 - 10, random.unit() * 20 - 10), dropoff = (random.unit() * 20 - 10, random.unit() * 20 - 10)
        let start = 20 + random.unit() * 100
        list.append(PlanningProblem.Request(pickup: points.count, dropoff: points.count + 1, load: Load(seats: 1), maxRide: 30))
        points += [pickup, dropoff]
        nodes.append(PlanningProblem.Node(earliest: start, latest: start + 15, service: 2))
        nodes.append(PlanningProblem.Node(earliest: 0, latest: 600, service: 2))
    }
    let matrix = points.flatMap { a in points.map { b in ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot() } }
    let fleet = (0..<vehicles).map { _ in PlanningProblem.Vehicle(start: 0, end: 1, capacity: Load(seats: 2), maxDuration: 240) }
    return PlanningProblem(nodes: nodes, requests: list, vehicles: fleet, travelTime: matrix, distance: matrix)
}

@Suite("Planning solver")
struct SolverTests {
    @Test("finds the optimum of small instances known by enumeration", arguments: 1...8)
    func optimum(seed: Int) throws {
        let problem = randomInstance(seed: UInt64(seed), requests: seed % 2 == 0 ? 5 : 4, vehicles: 2)
        let optimum = optimumByEnumeration(problem)
        try #require(optimum.isFinite)
        let result = try PlanningSolver(problem).solve(PlanningOptions(seed: 1, maxIterations: 400))
        #expect(result.unserved.isEmpty)
        #expect(abs(result.distance - optimum) < 1e-6, "found \(result.distance), optimum \(optimum)")
        let checker = RouteChecker(problem)
        for route in result.routes {
            if case let .failure(violation) = checker.schedule(vehicle: route.vehicle, stops: route.stops) {
                Issue.record("route \(route.stops) breaks: \(violation)")
            }
            #expect(feasibleByBellmanFord(problem, vehicle: route.vehicle, stops: route.stops))
        }
    }

    @Test("the same seed and budget give the same plan")
    func deterministic() throws {
        let problem = randomInstance(seed: 42, requests: 12, vehicles: 3)
        let first = try PlanningSolver(problem).solve(PlanningOptions(seed: 9, maxIterations: 300))
        let second = try PlanningSolver(problem).solve(PlanningOptions(seed: 9, maxIterations: 300))
        #expect(first.routes == second.routes)
        #expect(first.iterations == 300)
    }

    @Test("returns the requests it cannot serve, with the reason")
    func unserved() throws {
        // Request 0 fits; request 1 needs 3 seats (capacity 2); request 2 cannot ride 30 minutes
        // or less (its trip is 40 long); requests 3 and 4 want the only vehicle at the same time far apart.
        var problem = lineProblem(requests: [(1, 2, 0...100, 0...200), (3, 4, 0...100, 0...200), (0, 40, 0...100, 0...300),
                                             (100, 101, 200...200, 0...400), (-100, -101, 200...200, 0...400)],
                                  maxRide: 30, capacity: 2, maxDuration: 1_000)
        problem.requests[1].load = Load(seats: 3)
        let result = try PlanningSolver(problem).solve(PlanningOptions(seed: 1, maxIterations: 50))
        let reasons = Dictionary(uniqueKeysWithValues: result.unserved.map { ($0.request, $0.reason) })
        #expect(reasons[1] == .noVehicleCanCarry)
        #expect(reasons[2] == .infeasibleAlone)
        #expect(reasons[3] == .noRoom || reasons[4] == .noRoom)
        #expect(reasons[0] == nil)
        #expect(result.unserved.count == 3)
    }

    @Test("refuses an inconsistent problem with a message that says what to fix")
    func validation() {
        var problem = lineProblem(requests: [(1, 2, 0...10, 0...10)])
        problem.distance.removeLast()
        #expect(throws: PlanningProblemError.matrixSize(nodes: 4, travelTime: 16, distance: 15)) { try PlanningSolver(problem) }
        var shared = lineProblem(requests: [(1, 2, 0...10, 0...10)])
        shared.vehicles[0].start = 2
        #expect(throws: PlanningProblemError.depotIsARequestNode(vehicle: 0, node: 2)) { try PlanningSolver(shared) }
        #expect(PlanningProblemError.nodeSharedByRequests(node: 3).description.contains("give each pickup and drop-off its own node"))
    }
}

@Suite("Cordeau instances")
struct CordeauInstanceTests {
    static let text = """
        2 2 480 3 30
          0   0.000   0.000   0   0    0  480
          1   1.000   0.000   3   1    0 1440
          2   0.000   2.000   3   1   60   90
          3   4.000   0.000   3  -1   20   50
          4   0.000   5.000   3  -1    0 1440
          5   0.000   0.000   0   0    0  480
        """

    @Test("reads the header, the nodes and Euclidean distances")
    func reads() throws {
        let instance = try CordeauInstance(text: Self.text, fileName: "tiny.txt", name: "tiny")
        let problem = instance.problem
        #expect(problem.vehicles.count == 2 && problem.requests.count == 2 && problem.nodes.count == 6)
        #expect(problem.requests[1].pickup == 2 && problem.requests[1].dropoff == 4 && problem.requests[1].maxRide == 30)
        #expect(problem.vehicles[0].maxDuration == 480 && problem.vehicles[0].capacity == Load(seats: 3) && problem.vehicles[0].end == 5)
        #expect(problem.distance[1 * 6 + 3] == 3 && problem.travelTime[2 * 6 + 4] == 3)
        #expect(problem.nodes[2].earliest == 60 && problem.nodes[2].service == 3)
        let result = try PlanningSolver(problem).solve(PlanningOptions(seed: 1, maxIterations: 100))
        #expect(result.unserved.isEmpty)
        #expect(abs(result.distance - optimumByEnumeration(problem)) < 1e-9)
    }

    @Test("names the file, line and field of a mistake", arguments: [
        ("2 2 480 3\n", "tiny.txt:1: L (maximum ride time): missing"),
        (text.replacingOccurrences(of: "  2   0.000   2.000", with: "  7   0.000   2.000"), "tiny.txt:4: id: expected node 2, found 7"),
        (text.replacingOccurrences(of: "4.000   0.000   3  -1   20   50", with: "4.000   0.000   3  -1   20   x"), "tiny.txt:5: latest: 'x' is not a number"),
        (text.replacingOccurrences(of: "60   90", with: "90   60"), "tiny.txt:4: earliest: the window [90.0, 60.0] closes before it opens"),
        (String(text.split(separator: "\n").dropLast().joined(separator: "\n")), "tiny.txt:7: expected 6 node rows"),
    ])
    func errors(text: String, message: String) {
        do {
            _ = try CordeauInstance(text: text, fileName: "tiny.txt", name: "tiny")
            Issue.record("accepted a broken file")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }
}
