import CentraleDomain

/// How long and how the solver searches.
public struct PlanningOptions: Sendable {
    /// The seed of the search's random choices: the same seed and iteration budget give the
    /// same plan on every machine.
    public var seed: UInt64
    /// Stop after this many seconds (wall clock), if given.
    public var timeLimit: Double?
    /// Stop after this many improvement iterations, if given.
    public var maxIterations: Int?

    /// Creates options; with neither limit the search runs 2,000 iterations.
    public init(seed: UInt64 = 1, timeLimit: Double? = nil, maxIterations: Int? = nil) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.maxIterations = timeLimit == nil && maxIterations == nil ? 2_000 : maxIterations
    }
}

/// A dial-a-ride solver: adaptive large neighbourhood search (Ropke & Pisinger 2006) with
/// simulated-annealing acceptance, random / worst / related removals and greedy / regret
/// repairs, every route checked exactly (`RouteChecker`).
///
/// It is anytime: it keeps the best plan found and returns it when the time or iteration
/// budget runs out. Requests that fit nowhere are returned with the reason.
public struct PlanningSolver: Sendable {
    /// The problem being solved.
    public let problem: PlanningProblem
    let tables: ProblemTables

    /// Prepares to solve a problem; throws if it is not consistent.
    public init(_ problem: PlanningProblem) throws(PlanningProblemError) {
        self.problem = try problem.validated()
        tables = ProblemTables(problem)
    }

    /// Solves the problem within the options' budget.
    public func solve(_ options: PlanningOptions = PlanningOptions()) -> PlanningResult {
        let clock = ContinuousClock()
        let started = clock.now
        var search = LargeNeighbourhoodSearch(tables: tables, seed: options.seed)
        let iterations = search.run { iteration in
            let elapsed = Self.seconds(clock.now - started)
            var progress = 0.0
            if let limit = options.maxIterations { progress = max(progress, Double(iteration) / Double(max(1, limit))) }
            if let limit = options.timeLimit { progress = max(progress, elapsed / max(1e-9, limit)) }
            return progress
        }
        return PlanningResult(tables: tables, problem: problem, routes: search.bestRoutes,
                              iterations: iterations, seconds: Self.seconds(clock.now - started))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
