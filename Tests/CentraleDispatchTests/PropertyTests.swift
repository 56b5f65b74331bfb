import CentraleDomain
import CentraleSynth
import Testing
@testable import CentraleDispatch

@Suite("Dispatch engine: properties")
struct PropertyTests {
    typealias F = Fixture

    /// A random world and day from a seed.
    func world(seed: UInt64) -> (DispatchEngine, [DispatchTrip], [String: Int]) {
        var rng = SeededRandom(seed: seed)
        let fleets: [[Vehicle]] = [[F.car], [F.car, F.van], [F.ambulance], [F.van], [F.car, F.ambulance]]
        var associations: [Association] = []
        for index in 0..<(2 + Int(rng.next() % 6)) {
            let serves = F.comuni.filter { _ in rng.chance(0.5) }
            associations.append(F.association("A\(index)", serves: serves.isEmpty ? [F.a] : serves,
                                              base: F.comuni[Int(rng.next() % 3)].centroid.moved(km: rng.unit() * 5),
                                              capacity: 1 + Int(rng.next() % 6), share: 1 + Int(rng.next() % 3000),
                                              vehicles: fleets[Int(rng.next() % UInt64(fleets.count))]))
        }
        let needsChoices: [Needs] = [[], [], [.wheelchair], [.stretcher], [.escort], [.wheelchair, .escort]]
        let trips = (0..<Int(5 + rng.next() % 30)).map { i in
            F.trip(Int64(i + 1), in: F.comuni[Int(rng.next() % 3)], needs: needsChoices[Int(rng.next() % UInt64(needsChoices.count))],
                   beneficiary: "B\(rng.next() % 8)", at: 420 + Int(rng.next() % 600))
        }
        let already = Dictionary(uniqueKeysWithValues: associations.filter { _ in rng.chance(0.3) }.map { ($0.code, Int(rng.next() % 2)) })
        let engine = DispatchEngine(associations: associations, comuni: F.comuni,
                                    convention: F.convention(neighbours: rng.chance(0.5)))
        return (engine, trips, already)
    }

    @Test("no assignment ever breaks a hard rule, every trip gets one decision, and nobody capable is left out",
          arguments: 1...300 as ClosedRange<UInt64>)
    func hardRulesHold(seed: UInt64) {
        let (engine, trips, already) = world(seed: seed)
        let plan = engine.dispatch(trips, on: F.day, history: DispatchHistory(day: F.day), alreadyAssigned: already)
        #expect(plan.decisions.map(\.tripID).sorted() == trips.map(\.id).sorted())
        let byID = Dictionary(uniqueKeysWithValues: trips.map { ($0.id, $0) })
        var load = already
        for decision in plan.decisions {
            let trip = byID[decision.tripID]!
            if let chosen = decision.association {
                #expect(engine.brokenRule(for: trip, by: chosen, assignedToday: load[chosen] ?? 0) == nil)
                load[chosen, default: 0] += 1
            } else {
                // Unassignable only if every association breaks a rule at that moment.
                #expect(engine.associations.allSatisfy { engine.brokenRule(for: trip, by: $0.code, assignedToday: load[$0.code] ?? 0) != nil })
                #expect(decision.blocked != nil)
            }
            #expect(decision.candidates.count + decision.exclusions.count == engine.associations.count)
        }
        for association in engine.associations {
            #expect((load[association.code] ?? 0) <= max(association.dailyCapacity, already[association.code] ?? 0))
        }
    }
}
