import CentraleDomain

/// Takes requests off their routes, to be put back differently.
enum Destroy: CaseIterable {
    /// Any requests, at random.
    case random
    /// The requests that cost most where they are (with some randomness).
    case worst
    /// Requests related to each other (near in space and time), which may swap or share rides.
    case related
    /// Strings of consecutive stops from a few routes near a random request (after Christiaens
    /// & Vanden Berghe's string removals): room is made where the routes meet.
    case strings

    /// Removes about `count` served requests and returns them.
    func run(_ state: SearchState, count: Int, random: inout SeededRandom) -> [Int] {
        var served = (0..<state.t.requestCount).filter { state.vehicleOf[$0] >= 0 }
        let count = min(count, served.count)
        guard count > 0 else { return [] }
        var removed = [Int]()
        removed.reserveCapacity(count)
        switch self {
        case .random:
            for _ in 0..<count {
                let index = Int(random.next() % UInt64(served.count))
                removed.append(served.swapRemove(at: index))
            }
            for request in removed { state.remove(request: request) }
        case .worst:
            for _ in 0..<count {
                let savings = served.map { state.removalSaving(request: $0) }
                let order = served.indices.sorted { savings[$0] > savings[$1] }
                let pick = order[Int(pow3(random.unit()) * Double(order.count))]
                let request = served.swapRemove(at: pick)
                state.remove(request: request)
                removed.append(request)
            }
        case .related:
            let (pickupTime, dropoffTime) = serviceTimes(state)
            let t = state.t
            let scale = max(1e-9, t.distance.max() ?? 1)
            let timeScale = max(1e-9, (t.latest.filter(\.isFinite).max() ?? 1) - (t.earliest.min() ?? 0))
            let seed = served.swapRemove(at: Int(random.next() % UInt64(served.count)))
            removed.append(seed)
            while removed.count < count {
                let r = removed[Int(random.next() % UInt64(removed.count))]
                func relatedness(_ s: Int) -> Double {
                    (t.cost(t.pickup[r], t.pickup[s]) + t.cost(t.dropoff[r], t.dropoff[s])) / scale
                        + (abs(pickupTime[r] - pickupTime[s]) + abs(dropoffTime[r] - dropoffTime[s])) / timeScale
                }
                let scores = served.map(relatedness)
                let order = served.indices.sorted { scores[$0] < scores[$1] }
                let pick = order[Int(pow6(random.unit()) * Double(order.count))]
                removed.append(served.swapRemove(at: pick))
            }
            for request in removed { state.remove(request: request) }
        case .strings:
            let t = state.t
            let seed = served[Int(random.next() % UInt64(served.count))]
            // Routes in order of their nearest stop to the seed's pickup.
            var nearest = [Double](repeating: .infinity, count: t.vehicleCount)
            for v in 0..<t.vehicleCount {
                for node in state.routes[v] where t.requestOf[node] >= 0 { nearest[v] = min(nearest[v], t.cost(t.pickup[seed], node)) }
            }
            let routes = (0..<t.vehicleCount).filter { nearest[$0].isFinite }.sorted { nearest[$0] < nearest[$1] }
            var chosen = Set<Int>()
            for v in routes where chosen.count < count {
                let route = state.routes[v]
                let stops = route.count - 2
                let length = 1 + Int(random.next() % UInt64(min(stops, max(1, 2 * count / max(1, routes.count)))))
                // The string around the route's stop nearest the seed.
                var centre = 1
                for k in 1...stops where t.cost(t.pickup[seed], route[k]) < t.cost(t.pickup[seed], route[centre]) { centre = k }
                let first = max(1, min(centre - Int(random.next() % UInt64(length)), stops - length + 1))
                for k in first..<(first + length) where chosen.count < count { chosen.insert(t.requestOf[route[k]]) }
                if random.chance(0.5) { break }
            }
            removed = Array(chosen).sorted()
            for request in removed { state.remove(request: request) }
        }
        return removed
    }

    private func pow3(_ x: Double) -> Double { x * x * x }
    private func pow6(_ x: Double) -> Double { let c = x * x * x; return c * c }

    /// When each served request is picked up and dropped off in the current schedule.
    private func serviceTimes(_ state: SearchState) -> ([Double], [Double]) {
        var pickupTime = [Double](repeating: 0, count: state.t.requestCount)
        var dropoffTime = pickupTime
        for v in 0..<state.t.vehicleCount {
            for (k, node) in state.routes[v].enumerated() where state.t.requestOf[node] >= 0 {
                if state.t.isPickup[node] { pickupTime[state.t.requestOf[node]] = state.times[v][k] }
                else { dropoffTime[state.t.requestOf[node]] = state.times[v][k] }
            }
        }
        return (pickupTime, dropoffTime)
    }
}

extension Array {
    /// Removes an element in O(1) by moving the last one into its place.
    mutating func swapRemove(at index: Int) -> Element {
        swapAt(index, count - 1)
        return removeLast()
    }
}
