import CentraleDomain

/// The engine's running state while it decides one day.
struct DayState {
    let engine: DispatchEngine
    let history: DispatchHistory
    let indexByCode: [String: Int]
    /// Trips assigned today, per association index.
    var today: [Int]
    /// Trips assigned this month (today included), per association index.
    var month: [Int]
    /// Remaining trips this month of the beneficiaries committed to each association.
    var committed: [Int]
    /// Every trip of the month: assigned ones and those still to come.
    var monthTotal: Int
    /// Each beneficiary's remaining trips this month, today's included.
    var remaining: [String: Int]
    /// Each beneficiary's association for the month (or the usual one, before the first trip).
    var commitment: [String: Int]
    /// Beneficiaries who have travelled this month (their commitment is binding).
    var travelledThisMonth: Set<String>

    init(engine: DispatchEngine, history: DispatchHistory, remaining: [String: Int], alreadyAssigned: [String: Int],
         usualToday: [String: String]) {
        self.engine = engine
        self.history = history
        self.remaining = remaining
        let codes = engine.associations.map(\.code)
        indexByCode = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        today = codes.map { alreadyAssigned[$0] ?? 0 }
        month = codes.indices.map { (history.monthToDate[codes[$0]] ?? 0) + (alreadyAssigned[codes[$0]] ?? 0) }
        committed = Array(repeating: 0, count: codes.count)
        commitment = [:]
        travelledThisMonth = []
        for beneficiary in remaining.keys.sorted() {
            let thisMonth = usualToday[beneficiary] ?? history.associationThisMonth(of: beneficiary)
            if thisMonth != nil { travelledThisMonth.insert(beneficiary) }
            guard let code = thisMonth ?? history.usualAssociation(of: beneficiary), let index = indexByCode[code] else { continue }
            commitment[beneficiary] = index
            committed[index] += remaining[beneficiary]!
        }
        monthTotal = month.reduce(0, +) + remaining.values.reduce(0, +)
    }

    /// The month's volume shares are measured on: every trip of the month, but at least 20 per
    /// association, so that a nearly empty month (a new database, a quiet start) does not swing
    /// the share term by whole percents per trip.
    var shareVolume: Double { Double(max(monthTotal, 20 * engine.associations.count, 1)) }

    /// Records that association `code` takes `trip`.
    mutating func take(_ trip: DispatchTrip, by code: String) {
        let index = indexByCode[code]!
        let left = remaining[trip.beneficiary] ?? 1
        today[index] += 1
        month[index] += 1
        if let previous = commitment[trip.beneficiary] { committed[previous] -= left }
        committed[index] += left - 1
        commitment[trip.beneficiary] = index
        remaining[trip.beneficiary] = left - 1
        travelledThisMonth.insert(trip.beneficiary)
    }

    func decide(_ trip: DispatchTrip) -> Decision {
        let (candidates, exclusions) = score(trip, ignoringCapacity: false)
        let blocked = candidates.isEmpty ? blockingRule(trip, exclusions) : nil
        return Decision(tripID: trip.id, candidates: candidates, exclusions: exclusions, blocked: blocked)
    }

    /// Every association's score for a trip (best first) and the exclusions.
    func score(_ trip: DispatchTrip, ignoringCapacity: Bool) -> ([Candidate], [Exclusion]) {
        var candidates: [Candidate] = []
        var exclusions: [Exclusion] = []
        let weights = engine.weights
        let current = commitment[trip.beneficiary]
        let left = remaining[trip.beneficiary] ?? 1
        let continuityWeight = travelledThisMonth.contains(trip.beneficiary)
            ? weights.continuity : weights.continuity * weights.continuityAcrossMonths
        let total = shareVolume
        let averageShare = 1 / Double(max(engine.associations.count, 1))
        for (index, association) in engine.associations.enumerated() {
            if let rule = engine.firstBrokenRule(trip, association: index, load: ignoringCapacity ? 0 : today[index]) {
                exclusions.append(Exclusion(association: association.code, rule: rule))
                continue
            }
            let empty = engine.estimator.roadDistance(association.base, trip.pickup)
            let km = Double(empty.metres) / 1000
            let target = Double(association.shareBasisPoints) / 10_000
            // The association's month without this beneficiary's remaining trips, then with them;
            // the midpoint is the marginal cost of a squared-deviation objective.
            let without = Double(month[index] + committed[index] - (current == index ? left : 0)) / total
            let deviation = target > 0 ? (without + Double(left) / (2 * total)) / target - 1 : 1
            // Each association is held to its own relative band (±10% of its share), so the
            // marginal cost of a relative deviation weighs 1/share (an average share weighs 1).
            let scale = target > 0 ? averageShare / target : 1
            let stranger: Double = current.map { $0 == index ? 0 : 1 } ?? 0
            let terms = [
                TermScore(term: .emptyKm, measure: km, points: weights.emptyKm * km),
                TermScore(term: .share, measure: deviation, points: weights.share * 10 * deviation * scale),
                TermScore(term: .continuity, measure: stranger, points: continuityWeight * stranger),
            ]
            candidates.append(Candidate(association: association.code, total: terms.reduce(0) { $0 + $1.points },
                                        terms: terms, emptyDistance: empty))
        }
        candidates.sort { a, b in
            (a.total, a.emptyDistance.metres, a.association) < (b.total, b.emptyDistance.metres, b.association)
        }
        return (candidates, exclusions)
    }

    /// Plans the month's roster for the beneficiaries who have not travelled yet this month:
    /// each is placed, with all their remaining trips of the month, where the same score as a
    /// trip's is lowest (capacity aside: it is checked day by day), largest loads first; a few
    /// passes then move anyone whose best place changed. `samples` gives one trip per
    /// beneficiary (its comune, needs and pickup) for the hard rules and the empty drive.
    mutating func planMonth(_ samples: [String: DispatchTrip]) {
        let movable = samples.keys.filter { !travelledThisMonth.contains($0) && (remaining[$0] ?? 0) > 0 }
            .sorted { (remaining[$0]!, $1) > (remaining[$1]!, $0) }
        for _ in 0..<4 {
            var changed = false
            for beneficiary in movable {
                let (candidates, _) = score(samples[beneficiary]!, ignoringCapacity: true)
                guard let best = candidates.first.flatMap({ indexByCode[$0.association] }), best != commitment[beneficiary] else { continue }
                let load = remaining[beneficiary]!
                if let previous = commitment[beneficiary] { committed[previous] -= load }
                committed[best] += load
                commitment[beneficiary] = best
                changed = true
            }
            if !changed { break }
        }
        repairRoster(movable, samples)
    }

    /// Moves movable beneficiaries, one at a time, out of (or into) the association whose
    /// projected month deviates most from its share, while that deviation is above 5% and a move
    /// reduces the larger of the two deviations it touches. Greedy placement can leave a few
    /// associations far off; this aims at the convention's band directly.
    mutating func repairRoster(_ movable: [String], _ samples: [String: DispatchTrip]) {
        let total = shareVolume
        let targets = engine.associations.map { Double($0.shareBasisPoints) / 10_000 }
        func deviation(_ index: Int, _ extra: Int = 0) -> Double {
            targets[index] > 0 ? Double(month[index] + committed[index] + extra) / total / targets[index] - 1 : 0
        }
        var stuck: Set<Int> = []
        for _ in 0..<80 {
            guard let worst = engine.associations.indices.filter({ !stuck.contains($0) })
                .max(by: { abs(deviation($0)) < abs(deviation($1)) }), abs(deviation(worst)) > 0.05 else { return }
            let over = deviation(worst) > 0
            var best: (beneficiary: String, to: Int, from: Int, score: Double)?
            for beneficiary in movable {
                guard let from = commitment[beneficiary], let load = remaining[beneficiary], load > 0, let sample = samples[beneficiary] else { continue }
                let destinations = over ? (from == worst ? Array(engine.associations.indices) : []) : (from != worst ? [worst] : [])
                for to in destinations where to != from && engine.firstBrokenRule(sample, association: to, load: 0) == nil {
                    let score = max(abs(deviation(from, -load)), abs(deviation(to, load)))
                    if score < abs(deviation(worst)) - 1e-9, score < (best?.score ?? .infinity) { best = (beneficiary, to, from, score) }
                }
            }
            guard let move = best else { stuck.insert(worst); continue }
            let load = remaining[move.beneficiary]!
            committed[move.from] -= load
            committed[move.to] += load
            commitment[move.beneficiary] = move.to
        }
    }

    /// The rule that blocked a trip nobody can take, in words: the furthest rule any
    /// association reached.
    func blockingRule(_ trip: DispatchTrip, _ exclusions: [Exclusion]) -> (rule: HardRule, reason: BlockReason) {
        let exclusions = exclusions.filter { $0.rule != .membership }
        let reached = exclusions.map(\.rule)
        if reached.allSatisfy({ $0 == .coverage }) {
            return (.coverage, .noneServes(comune: trip.serviceComune))
        }
        if reached.allSatisfy({ $0 == .coverage || $0 == .declined }) {
            let declined = exclusions.filter { $0.rule == .declined }.map(\.association)
            return (.declined, .allDeclined(comune: trip.serviceComune, declined: declined))
        }
        let exclusionsLeft = exclusions.filter { $0.rule != .declined }
        return blockingRuleAmongUndeclined(trip, exclusionsLeft)
    }

    private func blockingRuleAmongUndeclined(_ trip: DispatchTrip, _ exclusions: [Exclusion]) -> (rule: HardRule, reason: BlockReason) {
        let reached = exclusions.map(\.rule)
        let covering = exclusions.filter { $0.rule != .coverage }.map(\.association)
        if reached.contains(.crew) && !reached.contains(.capacity) {
            let off = exclusions.filter { $0.rule == .crew }.map(\.association)
            return (.crew, .noCrew(comune: trip.serviceComune, needs: trip.needs, off: off))
        }
        if reached.allSatisfy({ $0 != .capacity }) {
            return (.vehicle, .noVehicle(comune: trip.serviceComune, needs: trip.needs, checked: covering))
        }
        let full = exclusions.filter { $0.rule == .capacity }.map(\.association)
        let noCrew = exclusions.filter { $0.rule == .crew }.map(\.association)
        return (.capacity, .full(comune: trip.serviceComune, full: full, noCrew: noCrew))
    }
}
