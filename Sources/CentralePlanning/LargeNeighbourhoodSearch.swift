import CentraleDomain
import Foundation

/// The search loop: destroy part of the current plan, repair it, accept or undo the change
/// (simulated annealing), learn which operators pay (adaptive weights), keep the best plan.
struct LargeNeighbourhoodSearch {
    let state: SearchState
    var random: SeededRandom
    /// The best routes found (depots included) and their objective.
    private(set) var bestRoutes: [[Int]]
    private(set) var bestObjective = Double.infinity

    private let penalty: Double
    private var candidates: [Insertion] = []
    private let repairs: [Repair] = [
        Repair(regret: 1, noise: 0), Repair(regret: 1, noise: 0.025),
        Repair(regret: 2, noise: 0), Repair(regret: 3, noise: 0), Repair(regret: 2, noise: 0.025),
    ]
    private var destroyWeights: [Double]
    private var repairWeights: [Double]
    private let noiseScale: Double

    init(tables: ProblemTables, seed: UInt64) {
        state = SearchState(tables)
        random = SeededRandom(seed: seed)
        let longest = tables.distance.max() ?? 1
        penalty = 4 * longest + 1
        noiseScale = longest
        bestRoutes = state.routes
        destroyWeights = Array(repeating: 1, count: Destroy.allCases.count)
        repairWeights = Array(repeating: 1, count: repairs.count)
    }

    /// The objective: distance, and a penalty per request left out.
    private func objective() -> Double {
        state.totalCost + penalty * Double(state.vehicleOf.lazy.filter { $0 < 0 }.count)
    }

    /// Runs until `progress(iteration)` reaches 1; returns the number of iterations.
    mutating func run(progress: (Int) -> Double) -> Int {
        let requests = state.t.requestCount
        _ = Repair(regret: 2, noise: 0).run(state, bank: Array(0..<requests), random: &random,
                                           candidates: &candidates, noiseScale: noiseScale)
        state.improveLocally(candidates: &candidates, unservedCost: penalty)
        var current = objective()
        bestObjective = current
        bestRoutes = state.routes
        guard requests > 0 else { return 0 }

        // Remove 2 to min(20, n/4) requests per iteration: small enough for many iterations.
        let smallest = min(2, requests), largest = max(smallest, min(20, requests / 4))
        // At first a plan 1% longer is accepted half the time; the temperature then falls
        // geometrically to 0.2% of that by the end of the budget.
        let startTemperature = 0.01 * max(1, state.totalCost) / log(2)
        var scores = (destroy: [Double](repeating: 0, count: destroyWeights.count), repair: [Double](repeating: 0, count: repairWeights.count))
        var uses = (destroy: [Int](repeating: 0, count: destroyWeights.count), repair: [Int](repeating: 0, count: repairWeights.count))
        var iteration = 0
        var sinceBest = 0
        while true {
            let done = progress(iteration)
            if done >= 1 { break }
            iteration += 1
            let temperature = startTemperature * pow(0.002, done)
            let saved = state.routes
            let d = pick(destroyWeights), r = pick(repairWeights)
            let count = smallest + Int(random.next() % UInt64(largest - smallest + 1))
            let removed = Destroy.allCases[d].run(state, count: count, random: &random)
            let bank = removed + state.unserved.filter { !removed.contains($0) }
            _ = repairs[r].run(state, bank: bank, random: &random, candidates: &candidates, noiseScale: noiseScale)
            let candidate = objective()
            var score = 0.0
            if candidate < bestObjective - 1e-9 {
                state.improveLocally(candidates: &candidates, unservedCost: penalty)
                current = objective()
                bestObjective = current
                bestRoutes = state.routes
                score = 33
                sinceBest = 0
            } else if candidate < current - 1e-9 {
                current = candidate
                score = 9
                sinceBest += 1
            } else if candidate - current > 1e-9, random.unit() < exp(-(candidate - current) / max(1e-12, temperature)) {
                current = candidate
                score = 13
                sinceBest += 1
            } else {
                restore(saved)
                sinceBest += 1
            }
            scores.destroy[d] += score
            scores.repair[r] += score
            uses.destroy[d] += 1
            uses.repair[r] += 1
            if iteration % 100 == 0 {
                adapt(&destroyWeights, scores: scores.destroy, uses: uses.destroy)
                adapt(&repairWeights, scores: scores.repair, uses: uses.repair)
                scores = ([Double](repeating: 0, count: destroyWeights.count), [Double](repeating: 0, count: repairWeights.count))
                uses = ([Int](repeating: 0, count: destroyWeights.count), [Int](repeating: 0, count: repairWeights.count))
            }
            if sinceBest >= 5_000 { // stuck: go back to the best plan
                restore(bestRoutes)
                current = bestObjective
                sinceBest = 0
            }
        }
        return iteration
    }

    private mutating func pick(_ weights: [Double]) -> Int {
        var target = random.unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    private func adapt(_ weights: inout [Double], scores: [Double], uses: [Int]) {
        for index in weights.indices where uses[index] > 0 {
            weights[index] = max(0.05, 0.9 * weights[index] + 0.1 * scores[index] / Double(uses[index]))
        }
    }

    private func restore(_ routes: [[Int]]) {
        for v in routes.indices where state.routes[v] != routes[v] { state.setRoute(v, routes[v]) }
        for v in routes.indices {
            for node in routes[v] where state.t.requestOf[node] >= 0 { state.vehicleOf[state.t.requestOf[node]] = v }
        }
    }
}
