/// The local search run on each new best plan.
extension SearchState {
    /// Local search on a new best plan: swapping route tails where the vehicles are empty, and
    /// moving single requests to their cheapest place, while either shortens the plan.
    func improveLocally(candidates: inout [Insertion], unservedCost: Double) {
        var improved = true
        while improved {
            improved = exchangeTails()
            for request in 0..<t.requestCount {
                let vehicle = vehicleOf[request]
                let saving = vehicle >= 0 ? removalSaving(request: request) : unservedCost
                let original = vehicle >= 0 ? routes[vehicle] : []
                remove(request: request)
                var best = Insertion.none
                for v in 0..<t.vehicleCount {
                    let insertion = bestInsertion(of: request, in: v, candidates: &candidates)
                    if insertion.delta < best.delta { best = insertion }
                }
                if best.exists && best.delta < saving - 1e-7 {
                    apply(best, request: request)
                    improved = true
                } else if vehicle >= 0 {
                    setRoute(vehicle, original)
                }
            }
        }
    }

    /// 2-opt* between two routes: after a point where each vehicle is empty, swap the rest of
    /// their routes. Returns whether the plan got shorter.
    private func exchangeTails() -> Bool {
        var improved = false
        for a in 0..<t.vehicleCount {
            for b in (a + 1)..<t.vehicleCount {
                let routeA = routes[a], routeB = routes[b]
                let cutsA = (0..<(routeA.count - 1)).filter { seatsAfter[a][$0] == 0 && wheelchairsAfter[a][$0] == 0 }
                let cutsB = (0..<(routeB.count - 1)).filter { seatsAfter[b][$0] == 0 && wheelchairsAfter[b][$0] == 0 }
                var best: (gain: Double, a: [Int], b: [Int])? = nil
                for i in cutsA {
                    for j in cutsB {
                        let newA = Array(routeA[0...i]) + Array(routeB[(j + 1)..<(routeB.count - 1)]) + [routeA[routeA.count - 1]]
                        let newB = Array(routeB[0...j]) + Array(routeA[(i + 1)..<(routeA.count - 1)]) + [routeB[routeB.count - 1]]
                        let gain = routeCost[a] + routeCost[b] - length(newA) - length(newB)
                        guard gain > (best?.gain ?? 1e-7), capacityHolds(newA, vehicle: a), capacityHolds(newB, vehicle: b),
                              isFeasible(newA, vehicle: a), isFeasible(newB, vehicle: b) else { continue }
                        best = (gain, newA, newB)
                    }
                }
                if let (_, newA, newB) = best {
                    setRoute(a, newA)
                    setRoute(b, newB)
                    // setRoute(b) cleared the requests that moved from b to a.
                    for node in newA where t.requestOf[node] >= 0 { vehicleOf[t.requestOf[node]] = a }
                    improved = true
                }
            }
        }
        return improved
    }

    private func length(_ route: [Int]) -> Double {
        var total = 0.0
        for k in 1..<route.count { total += t.cost(route[k - 1], route[k]) }
        return total
    }

    /// Whether a route keeps its vehicle's seats and wheelchair places (tails from another
    /// vehicle may not fit).
    private func capacityHolds(_ route: [Int], vehicle: Int) -> Bool {
        var seats = 0, chairs = 0
        for node in route where t.requestOf[node] >= 0 {
            let request = t.requestOf[node], sign = t.isPickup[node] ? 1 : -1
            seats += sign * t.loadSeats[request]
            chairs += sign * t.loadWheelchairs[request]
            if seats > t.capacitySeats[vehicle] || chairs > t.capacityWheelchairs[vehicle] || !t.eligible(request, vehicle) { return false }
        }
        return true
    }
}
