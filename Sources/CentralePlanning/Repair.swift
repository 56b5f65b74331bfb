import CentraleDomain

/// Puts requests back into routes: greedy (cheapest first, optionally with noise) or regret-k
/// (the request that would lose most by waiting first).
struct Repair {
    /// How many routes the regret looks at; 1 is greedy.
    var regret: Int
    /// Random noise on insertion costs, as a fraction of the longest distance (0 for none).
    var noise: Double

    /// Inserts as many of `bank` as fit; returns those that fit nowhere.
    func run(_ state: SearchState, bank: [Int], random: inout SeededRandom,
             candidates: inout [Insertion], noiseScale: Double) -> [Int] {
        var pending = bank
        let vehicles = state.t.vehicleCount
        // best[r * vehicles + v]: the cheapest insertion of pending[r] in route v.
        var best = [Insertion](repeating: .none, count: pending.count * vehicles)
        var noiseOf = [Double](repeating: 0, count: pending.count)
        for (r, request) in pending.enumerated() {
            for v in 0..<vehicles { best[r * vehicles + v] = state.bestInsertion(of: request, in: v, candidates: &candidates) }
            if noise > 0 { noiseOf[r] = (random.unit() * 2 - 1) * noise * noiseScale }
        }
        var sorted = [Double](repeating: 0, count: vehicles)
        while !pending.isEmpty {
            var chosen = -1, chosenScore = -Double.infinity, chosenCost = Double.infinity
            var chosenInsertion = Insertion.none
            for r in pending.indices {
                var cheapest = Insertion.none
                for v in 0..<vehicles where best[r * vehicles + v].delta < cheapest.delta { cheapest = best[r * vehicles + v] }
                guard cheapest.exists else { continue }
                let cost = cheapest.delta + noiseOf[r]
                var score: Double
                if regret <= 1 {
                    score = -cost
                } else {
                    for v in 0..<vehicles { sorted[v] = best[r * vehicles + v].delta }
                    sorted.sort()
                    score = 0
                    for k in 1..<min(regret, vehicles) {
                        score += sorted[k].isFinite ? sorted[k] - sorted[0] : 1e7
                    }
                }
                if score > chosenScore + 1e-12 || (abs(score - chosenScore) <= 1e-12 && cost < chosenCost) {
                    chosen = r
                    chosenScore = score
                    chosenCost = cost
                    chosenInsertion = cheapest
                }
            }
            guard chosen >= 0 else { break }
            let request = pending[chosen]
            state.apply(chosenInsertion, request: request)
            let v = chosenInsertion.vehicle
            pending.remove(at: chosen)
            noiseOf.remove(at: chosen)
            best.removeSubrange(chosen * vehicles..<(chosen + 1) * vehicles)
            for r in pending.indices {
                best[r * vehicles + v] = state.bestInsertion(of: pending[r], in: v, candidates: &candidates)
            }
        }
        return pending
    }
}
