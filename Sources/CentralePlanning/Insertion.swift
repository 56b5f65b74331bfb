/// Where to put a request in a route: its pickup after position `after`, its drop-off after
/// position `dropAfter` (equal when the two are adjacent), and what it adds to the distance.
struct Insertion {
    var delta: Double
    var vehicle: Int
    var after: Int
    var dropAfter: Int

    static let none = Insertion(delta: .infinity, vehicle: -1, after: 0, dropAfter: 0)
    var exists: Bool { vehicle >= 0 }
}

extension SearchState {
    /// The route with a request inserted.
    func route(_ vehicle: Int, inserting request: Int, after i: Int, dropAfter j: Int) -> [Int] {
        let route = routes[vehicle]
        var result = [Int]()
        result.reserveCapacity(route.count + 2)
        result.append(contentsOf: route[0...i])
        result.append(t.pickup[request])
        if j > i { result.append(contentsOf: route[(i + 1)...j]) }
        result.append(t.dropoff[request])
        result.append(contentsOf: route[(j + 1)...])
        return result
    }

    /// Carries out an insertion.
    func apply(_ insertion: Insertion, request: Int) {
        let route = route(insertion.vehicle, inserting: request, after: insertion.after, dropAfter: insertion.dropAfter)
        routes[insertion.vehicle] = route
        vehicleOf[request] = insertion.vehicle
        refresh(insertion.vehicle)
    }

    /// The cheapest feasible insertion of a request in one route, or `.none`.
    ///
    /// Positions are screened by necessary conditions (capacity, windows against the route's
    /// least schedule and latest starts, a ride-time bound), sorted by added distance, and
    /// checked exactly in that order until one is feasible.
    func bestInsertion(of request: Int, in vehicle: Int, candidates: inout [Insertion]) -> Insertion {
        let seats = t.loadSeats[request], chairs = t.loadWheelchairs[request]
        guard seats <= t.capacitySeats[vehicle], chairs <= t.capacityWheelchairs[vehicle], t.eligible(request, vehicle) else { return .none }
        let route = routes[vehicle], times = times[vehicle], latestAt = latestStart[vehicle]
        let seatsAfter = seatsAfter[vehicle], chairsAfter = wheelchairsAfter[vehicle]
        let capSeats = t.capacitySeats[vehicle] - seats, capChairs = t.capacityWheelchairs[vehicle] - chairs
        let p = t.pickup[request], d = t.dropoff[request]
        let ep = t.earliest[p], lp = t.latest[p], sp = t.service[p]
        let ed = t.earliest[d], ld = t.latest[d], sd = t.service[d]
        let ride = t.maxRide[request]
        let tolerance = RouteChecker.tolerance
        let last = route.count - 2
        candidates.removeAll(keepingCapacity: true)
        for i in 0...last {
            if seatsAfter[i] > capSeats || chairsAfter[i] > capChairs { continue }
            let a = route[i], b = route[i + 1]
            let arrivalP = max(ep, times[i] + t.service[a] + t.travelTime(a, p))
            if arrivalP > lp + tolerance { break }
            let costAP = t.cost(a, p), costAB = t.cost(a, b)
            // Pickup and drop-off next to each other.
            let arrivalD = max(ed, arrivalP + sp + t.travelTime(p, d))
            if arrivalD <= ld + tolerance,
               max(times[i + 1], arrivalD + sd + t.travelTime(d, b)) <= latestAt[i + 1] + tolerance {
                candidates.append(Insertion(delta: costAP + t.cost(p, d) + t.cost(d, b) - costAB,
                                            vehicle: vehicle, after: i, dropAfter: i))
            }
            guard i < last else { continue }
            var current = max(times[i + 1], arrivalP + sp + t.travelTime(p, b))
            if current > latestAt[i + 1] + tolerance { continue }
            let latestPickup = min(lp, latestAt[i + 1] - sp - t.travelTime(p, b))
            let pickupDelta = costAP + t.cost(p, b) - costAB
            for j in (i + 1)...last {
                if seatsAfter[j] > capSeats || chairsAfter[j] > capChairs { break }
                let c = route[j], n = route[j + 1]
                let arrival = max(ed, current + t.service[c] + t.travelTime(c, d))
                if arrival > ld + tolerance { break }
                if arrival - latestPickup - sp > ride + tolerance { break }
                if max(times[j + 1], arrival + sd + t.travelTime(d, n)) <= latestAt[j + 1] + tolerance {
                    candidates.append(Insertion(delta: pickupDelta + t.cost(c, d) + t.cost(d, n) - t.cost(c, n),
                                                vehicle: vehicle, after: i, dropAfter: j))
                }
                current = max(times[j + 1], current + t.service[c] + t.travelTime(c, n))
                if current > latestAt[j + 1] + tolerance { break }
            }
        }
        guard !candidates.isEmpty else { return .none }
        candidates.sort { $0.delta < $1.delta }
        for candidate in candidates {
            let trial = self.route(vehicle, inserting: request, after: candidate.after, dropAfter: candidate.dropAfter)
            if isFeasible(trial, vehicle: vehicle) { return candidate }
        }
        return .none
    }
}
