/// A load or a capacity in the two kinds of place a vehicle offers.
public struct Load: Hashable, Sendable {
    /// Seats (passengers and escorts).
    public var seats: Int
    /// Wheelchair places.
    public var wheelchairs: Int

    /// Creates a load.
    public init(seats: Int, wheelchairs: Int = 0) {
        self.seats = seats
        self.wheelchairs = wheelchairs
    }

    /// Nothing on board.
    public static let zero = Load(seats: 0)
}

/// A dial-a-ride problem (DARP): vehicles, and requests to carry from a pickup to a drop-off.
///
/// Every place a vehicle visits is a node (depots, pickups, drop-offs), identified by its index
/// in `nodes`. Times are in minutes from any origin (the same for all nodes); travel times and
/// distances are given by two square matrices over the nodes (they may be the same matrix).
public struct PlanningProblem: Sendable {
    /// A place to visit, with its time window and the time spent there.
    public struct Node: Sendable {
        /// Service may not start before this time.
        public var earliest: Double
        /// Service may not start after this time.
        public var latest: Double
        /// How long service takes (boarding, alighting).
        public var service: Double

        /// Creates a node.
        public init(earliest: Double, latest: Double, service: Double) {
            self.earliest = earliest
            self.latest = latest
            self.service = service
        }
    }

    /// A person (with escort, wheelchair…) to carry from a pickup node to a drop-off node.
    public struct Request: Sendable {
        /// The pickup node.
        public var pickup: Int
        /// The drop-off node.
        public var dropoff: Int
        /// The places taken on board.
        public var load: Load
        /// The longest ride allowed, from the end of pickup service to the start of drop-off service.
        public var maxRide: Double
        /// What the vehicle's crew must be qualified for (bits, e.g. an escort): only a vehicle
        /// that `provides` every bit may carry it. 0 for none.
        public var requires: UInt8

        /// Creates a request.
        public init(pickup: Int, dropoff: Int, load: Load, maxRide: Double, requires: UInt8 = 0) {
            self.pickup = pickup
            self.dropoff = dropoff
            self.load = load
            self.maxRide = maxRide
            self.requires = requires
        }
    }

    /// A vehicle: where its route starts and ends (depot nodes, whose windows are its shift),
    /// what it can carry and how long its route may last.
    public struct Vehicle: Sendable {
        /// The node the route starts from.
        public var start: Int
        /// The node the route ends at.
        public var end: Int
        /// The places on board.
        public var capacity: Load
        /// The longest route, from leaving `start` to reaching `end`.
        public var maxDuration: Double
        /// What its crew is qualified for (bits; see `Request.requires`): every bit by default.
        public var provides: UInt8

        /// Creates a vehicle.
        public init(start: Int, end: Int, capacity: Load, maxDuration: Double, provides: UInt8 = .max) {
            self.start = start
            self.end = end
            self.capacity = capacity
            self.maxDuration = maxDuration
            self.provides = provides
        }
    }

    /// The places.
    public var nodes: [Node]
    /// The requests.
    public var requests: [Request]
    /// The vehicles.
    public var vehicles: [Vehicle]
    /// Travel time between nodes, row-major: `travelTime[from * nodes.count + to]`.
    public var travelTime: [Double]
    /// Distance (the cost to minimise) between nodes, row-major like `travelTime`.
    public var distance: [Double]

    /// Creates a problem; `validated()` checks it is consistent.
    public init(nodes: [Node], requests: [Request], vehicles: [Vehicle], travelTime: [Double], distance: [Double]) {
        self.nodes = nodes
        self.requests = requests
        self.vehicles = vehicles
        self.travelTime = travelTime
        self.distance = distance
    }

    /// The problem if it is consistent; otherwise a `PlanningProblemError` that says what to fix.
    public func validated() throws(PlanningProblemError) -> PlanningProblem {
        let count = nodes.count
        guard travelTime.count == count * count, distance.count == count * count else {
            throw .matrixSize(nodes: count, travelTime: travelTime.count, distance: distance.count)
        }
        var used = [Bool](repeating: false, count: count)
        for (index, request) in requests.enumerated() {
            for node in [request.pickup, request.dropoff] {
                guard (0..<count).contains(node) else { throw .unknownNode(request: index, node: node) }
                guard !used[node] else { throw .nodeSharedByRequests(node: node) }
                used[node] = true
            }
            guard request.pickup != request.dropoff else { throw .nodeSharedByRequests(node: request.pickup) }
        }
        for (index, vehicle) in vehicles.enumerated() {
            for node in [vehicle.start, vehicle.end] {
                guard (0..<count).contains(node) else { throw .unknownDepot(vehicle: index, node: node) }
                guard !used[node] else { throw .depotIsARequestNode(vehicle: index, node: node) }
            }
        }
        for (index, node) in nodes.enumerated() where node.earliest > node.latest {
            throw .emptyTimeWindow(node: index)
        }
        return self
    }
}

/// Why a `PlanningProblem` is not consistent.
public enum PlanningProblemError: Error, Equatable, CustomStringConvertible {
    /// A matrix is not nodes × nodes.
    case matrixSize(nodes: Int, travelTime: Int, distance: Int)
    /// A request names a node that does not exist.
    case unknownNode(request: Int, node: Int)
    /// A node is used by two requests (or twice by one).
    case nodeSharedByRequests(node: Int)
    /// A vehicle names a depot that does not exist.
    case unknownDepot(vehicle: Int, node: Int)
    /// A vehicle's depot is a request's pickup or drop-off.
    case depotIsARequestNode(vehicle: Int, node: Int)
    /// A node's window closes before it opens.
    case emptyTimeWindow(node: Int)

    /// What is wrong and how to fix it.
    public var description: String {
        switch self {
        case let .matrixSize(nodes, travelTime, distance):
            return "the matrices must have \(nodes)×\(nodes) = \(nodes * nodes) entries, one per pair of nodes; "
                + "travel time has \(travelTime) and distance \(distance)"
        case let .unknownNode(request, node): return "request \(request) names node \(node), which does not exist"
        case let .nodeSharedByRequests(node):
            return "node \(node) is used twice; give each pickup and drop-off its own node (nodes may share a place)"
        case let .unknownDepot(vehicle, node): return "vehicle \(vehicle) names depot node \(node), which does not exist"
        case let .depotIsARequestNode(vehicle, node):
            return "vehicle \(vehicle) starts or ends at node \(node), a pickup or drop-off; give depots their own nodes"
        case let .emptyTimeWindow(node): return "node \(node)'s time window closes before it opens"
        }
    }
}
