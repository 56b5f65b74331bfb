import CentraleDomain

/// The dispatch engine: decides which association takes each of a day's pending trips under
/// the convention's rules. Pure and deterministic: the same input gives the same plan.
///
/// Hard rules (an association that breaks one is excluded): coverage of the trip's comune
/// (or a bordering one, if the convention allows it), an active vehicle for the
/// beneficiary's needs, the declared daily capacity. Among the others the engine picks the
/// lowest score, the weighted sum of three terms:
///
/// - `empty_km`: km from the association's base to the pickup × the `empty_km` weight;
/// - `share`: 10 × (projected month share ÷ convention share − 1) × the `share` weight, where
///   the projected month load of an association is what it already did this month plus the
///   month's remaining trips of the beneficiaries who travel with it, counted midway through
///   taking this beneficiary's remaining trips (the marginal cost of keeping every
///   association's squared deviation low): negative under the share, positive over it;
/// - `continuity`: the `continuity` weight if the beneficiary travels with another
///   association this month; at the start of a month, when the usual association comes from
///   the previous weeks, that weight × `continuity_across_months`, so that a recurring
///   beneficiary is moved only at a month's start, and only when the shares call for it.
///
/// Before deciding the day, the engine plans the month's roster: every beneficiary who has not
/// travelled yet this month is placed, with all their remaining trips, where that same score
/// is lowest, largest loads first, then improved in a few passes; the day's trips then follow
/// the roster unless capacity forbids it.
///
/// Ties are broken by the shorter empty drive, then by the association's code. Trips are
/// decided most-constrained first (fewest eligible associations), then those of the
/// beneficiaries with most trips left in the month, then by time, then id.
public struct DispatchEngine: Sendable {
    /// The associations, with fleets, coverage, capacity and shares.
    public private(set) var associations: [Association]
    /// The convention's rules and weights.
    public let rules: ServiceRules
    public let weights: DispatchWeights
    /// How road distances are estimated.
    public let estimator: RoadDistanceEstimator
    /// Comuni bordering each comune.
    private let neighbours: [String: Set<String>]
    /// Per association: the comuni it serves, and those it may serve as a neighbour.
    private let serves: [Set<String>]
    private let servesAsNeighbour: [Set<String>]
    /// The crews on duty of the associations that register volunteers (see `withCrews`).
    var crews: [String: [CrewShift]] = [:]

    /// Creates an engine for a registry's associations and comuni under a convention.
    public init(associations: [Association], comuni: [Comune], convention: Convention) {
        self.associations = associations.sorted { $0.code < $1.code }
        self.rules = convention.rules
        self.weights = convention.dispatchWeights
        self.estimator = convention.distanceEstimator
        var neighbours: [String: Set<String>] = [:]
        for comune in comuni {
            for other in comune.neighbours {
                neighbours[comune.istatCode, default: []].insert(other)
                neighbours[other, default: []].insert(comune.istatCode)
            }
        }
        self.neighbours = neighbours
        self.serves = self.associations.map { Set($0.serves) }
        self.servesAsNeighbour = self.associations.map { association in
            Set(association.serves.flatMap { neighbours[$0] ?? [] }).subtracting(association.serves)
        }
    }

    /// Decides the day's trips.
    ///
    /// - Parameters:
    ///   - trips: the pending trips of the day.
    ///   - date: the day.
    ///   - history: earlier assignments (see `DispatchHistory`).
    ///   - outlook: each beneficiary's pending trips from `date` to the end of its month,
    ///     these trips included (a beneficiary missing from it counts its trips of the day).
    ///   - samples: one of the month's remaining trips per beneficiary, for the month's
    ///     roster (beneficiaries without a sample are placed trip by trip).
    ///   - alreadyAssigned: today's trips already assigned and kept, by association (they
    ///     count against capacity and towards the share).
    ///   - usualToday: today's kept assignments by beneficiary, for continuity.
    public func dispatch(_ trips: [DispatchTrip], on date: LocalDate, history: DispatchHistory,
                         outlook: [String: Int] = [:], samples: [String: DispatchTrip] = [:],
                         alreadyAssigned: [String: Int] = [:], usualToday: [String: String] = [:]) -> DispatchPlan {
        var remaining = outlook
        for trip in trips where outlook[trip.beneficiary] == nil { remaining[trip.beneficiary, default: 0] += 1 }
        var state = DayState(engine: self, history: history, remaining: remaining, alreadyAssigned: alreadyAssigned,
                             usualToday: usualToday)
        var roster = samples
        for trip in trips where roster[trip.beneficiary] == nil { roster[trip.beneficiary] = trip }
        state.planMonth(roster)
        // Most constrained first; then the beneficiaries with most trips left this month (the
        // hardest to fit into the shares, as in first-fit-decreasing); then time, then id.
        let ordered = trips.map { trip in (trip, eligibleCount(trip), -(remaining[trip.beneficiary] ?? 1)) }.sorted { a, b in
            (a.1, a.2, a.0.appointment, a.0.id) < (b.1, b.2, b.0.appointment, b.0.id)
        }
        var decisions: [Decision] = []
        decisions.reserveCapacity(trips.count)
        for (trip, _, _) in ordered {
            let decision = state.decide(trip)
            if let chosen = decision.association { state.take(trip, by: chosen) }
            decisions.append(decision)
        }
        return DispatchPlan(date: date, decisions: decisions)
    }

    /// How many associations pass the coverage and vehicle rules for a trip.
    func eligibleCount(_ trip: DispatchTrip) -> Int {
        associations.indices.filter { firstBrokenRule(trip, association: $0, load: 0) == nil }.count
    }

    /// The first hard rule association `index` breaks for `trip` at today's `load`, if any.
    func firstBrokenRule(_ trip: DispatchTrip, association index: Int, load: Int) -> HardRule? {
        if let date = trip.date, !associations[index].isMember(on: date) { return .membership }
        let covered = serves[index].contains(trip.serviceComune)
            || (rules.neighbourComuniAllowed && servesAsNeighbour[index].contains(trip.serviceComune))
        if !covered { return .coverage }
        if trip.declinedBy.contains(associations[index].code) { return .declined }
        if !associations[index].vehicles.contains(where: { $0.canCarry(trip.needs) }) { return .vehicle }
        if load >= associations[index].dailyCapacity { return .capacity }
        if let crews = crews[associations[index].code], let from = trip.busyFrom, let until = trip.busyUntil,
           !crews.contains(where: { $0.covers(trip.needs, from: from, to: until) }) {
            return .crew
        }
        return nil
    }
}

extension DispatchEngine {
    /// The same engine with the vehicles whose plates are in `plates` out of service (off the
    /// road that day): the `vehicle` rule then counts only the others.
    public func withVehicles(offTheRoad plates: Set<String>) -> DispatchEngine {
        guard !plates.isEmpty else { return self }
        var copy = self
        for a in copy.associations.indices {
            for v in copy.associations[a].vehicles.indices where plates.contains(copy.associations[a].vehicles[v].plate) {
                copy.associations[a].vehicles[v].active = false
            }
        }
        return copy
    }

    /// The same engine with the crews on duty of the associations that register volunteers:
    /// such an association takes only the trips one of its crews covers (the `crew` rule).
    public func withCrews(_ crews: [String: [CrewShift]]) -> DispatchEngine {
        var copy = self
        copy.crews = crews
        return copy
    }

    /// The same engine with the day's means of each association that registers volunteers: its
    /// capacity lowered to what its crews allow, and only the trips a crew covers.
    public func withDayCrews(_ means: [String: DayCrews]) -> DispatchEngine {
        let registered = means.compactMapValues { day in day.registeredCrews.map { (capacity: day.capacity, crews: $0) } }
        return withCapacities(registered.mapValues(\.capacity)).withCrews(registered.mapValues(\.crews))
    }

    /// The same engine with each association in `capacities` able to take at most that many
    /// trips a day (what its crews allow), never more than it declared.
    public func withCapacities(_ capacities: [String: Int]) -> DispatchEngine {
        guard !capacities.isEmpty else { return self }
        var copy = self
        for a in copy.associations.indices {
            if let capacity = capacities[copy.associations[a].code] {
                copy.associations[a].dailyCapacity = min(copy.associations[a].dailyCapacity, max(0, capacity))
            }
        }
        return copy
    }

    /// The first hard rule association `code` breaks for `trip` when it already has
    /// `assignedToday` trips that day, or nil if it may take it (for manual assignments).
    /// An unknown code breaks `coverage`.
    public func brokenRule(for trip: DispatchTrip, by code: String, assignedToday: Int) -> HardRule? {
        guard let index = associations.firstIndex(where: { $0.code == code }) else { return .coverage }
        return firstBrokenRule(trip, association: index, load: assignedToday)
    }
}
