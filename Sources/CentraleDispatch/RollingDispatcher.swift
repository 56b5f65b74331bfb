import CentraleDomain

/// Dispatches day after day, carrying the history forward in memory: used by the demo
/// (a whole year) and the benchmark. Gives the same plans as dispatching each day with the
/// history read back from the database.
public struct RollingDispatcher: Sendable {
    /// The engine.
    public let engine: DispatchEngine
    private var recent: [DispatchHistory.Entry] = []

    /// Creates a dispatcher with an empty history.
    public init(engine: DispatchEngine) { self.engine = engine }

    /// Decides `date`'s trips (days must come in increasing order) and remembers the result.
    /// `outlook` gives each beneficiary's pending trips from `date` to the end of the month,
    /// `samples` one of those trips per beneficiary (see `DispatchEngine.dispatch`).
    public mutating func dispatch(_ trips: [DispatchTrip], on date: LocalDate, outlook: [String: Int],
                                  samples: [String: DispatchTrip] = [:]) -> DispatchPlan {
        let start = DispatchHistory.start(for: date)
        recent.removeAll { $0.date < start }
        let plan = engine.dispatch(trips, on: date, history: DispatchHistory(day: date, entries: recent), outlook: outlook,
                                   samples: samples)
        let beneficiaries = Dictionary(uniqueKeysWithValues: trips.map { ($0.id, $0.beneficiary) })
        for decision in plan.decisions {
            if let association = decision.association {
                recent.append(.init(date: date, association: association, beneficiary: beneficiaries[decision.tripID]!))
            }
        }
        return plan
    }
}
