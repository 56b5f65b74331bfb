import CentraleDomain
import Testing
@testable import CentraleDispatch

@Suite("Dispatch engine: soft goals and tie-breaks")
struct SoftGoalTests {
    typealias F = Fixture

    @Test("with equal scores, the shorter empty drive wins, then the lower code")
    func tieBreaks() {
        let convention = F.convention(emptyKm: 0, share: 0, continuity: 0)
        let near = F.association("ZZ", serves: [F.a], base: F.a.centroid)
        let far = F.association("AA", serves: [F.a], base: F.b.centroid)
        let twin = F.association("MM", serves: [F.a], base: F.a.centroid)
        let plan = DispatchEngine(associations: [far, near, twin], comuni: F.comuni, convention: convention)
            .dispatch([F.trip(1, in: F.a)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions[0].candidates.map(\.association) == ["MM", "ZZ", "AA"])
        #expect(plan.decisions[0].candidates.allSatisfy { $0.total == 0 })
    }

    @Test("the empty drive counts: the nearer base wins when shares are even")
    func emptyKm() {
        let associations = [F.association("FAR", serves: [F.a], base: F.b.centroid), F.association("NEAR", serves: [F.a], base: F.a.centroid)]
        let plan = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
            .dispatch([F.trip(1, in: F.a)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions[0].association == "NEAR")
        let terms = plan.decisions[0].candidates[0].terms
        #expect(terms.map(\.term) == [.emptyKm, .share, .continuity])
        #expect(abs(plan.decisions[0].candidates[0].total - terms.reduce(0) { $0 + $1.points }) < 1e-9)
    }

    @Test("share: an association under its convention share is preferred, even a little further away")
    func share() {
        let associations = [F.association("BUSY", serves: [F.a], base: F.a.centroid), F.association("IDLE", serves: [F.a], base: F.a.centroid.moved(km: 2))]
        let history = DispatchHistory(day: F.day, entries: (0..<20).map { .init(date: LocalDate("2025-03-01")!, association: "BUSY", beneficiary: "OLD\($0)") })
        let plan = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
            .dispatch([F.trip(1, in: F.a)], on: F.day, history: history)
        #expect(plan.decisions[0].association == "IDLE")
    }

    @Test("continuity: a beneficiary stays with the association they travel with this month")
    func continuity() {
        let associations = [F.association("USUAL", serves: [F.a], base: F.b.centroid), F.association("NEAR", serves: [F.a], base: F.a.centroid)]
        let history = DispatchHistory(day: F.day, entries: [
            .init(date: LocalDate("2025-03-01")!, association: "USUAL", beneficiary: "ANNA"),
            .init(date: LocalDate("2025-03-01")!, association: "NEAR", beneficiary: "OTHER"),
        ])
        let plan = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
            .dispatch([F.trip(1, in: F.a, beneficiary: "ANNA")], on: F.day, history: history)
        #expect(plan.decisions[0].association == "USUAL")
        let near = plan.decisions[0].candidates.first { $0.association == "NEAR" }!
        #expect(near.terms.first { $0.term == .continuity }?.points == 30)
    }

    @Test("across a month's start the continuity weight is reduced")
    func continuityAcrossMonths() {
        let associations = [F.association("USUAL", serves: [F.a], base: F.a.centroid), F.association("OTHER", serves: [F.a], base: F.a.centroid)]
        let history = DispatchHistory(day: F.day, entries: [.init(date: LocalDate("2025-02-27")!, association: "USUAL", beneficiary: "ANNA")])
        let plan = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
            .dispatch([F.trip(1, in: F.a, beneficiary: "ANNA")], on: F.day, history: history)
        let other = plan.decisions[0].candidates.first { $0.association == "OTHER" }!
        #expect(abs((other.terms.first { $0.term == .continuity }?.points ?? 0) - 6) < 1e-9)
    }

    @Test("the return leg of the day follows the outbound's association")
    func sameDayLegs() {
        let associations = [F.association("X", serves: [F.a], base: F.a.centroid), F.association("Y", serves: [F.a], base: F.a.centroid)]
        // A month with other people's trips still to come, as in real service.
        let outlook = ["ANNA": 2, "OTHER1": 60, "OTHER2": 60]
        let plan = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
            .dispatch([F.trip(1, in: F.a, beneficiary: "ANNA", at: 480), F.trip(2, in: F.a, beneficiary: "ANNA", at: 660)],
                      on: F.day, history: DispatchHistory(day: F.day), outlook: outlook)
        #expect(plan.decisions[0].association == plan.decisions[1].association)
    }

    @Test("in a nearly empty month the legs of a request still go to one association")
    func quietMonth() {
        let associations = [F.association("X", serves: [F.a], base: F.a.centroid), F.association("Y", serves: [F.a], base: F.a.centroid.moved(km: 1))]
        let plan = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
            .dispatch([F.trip(1, in: F.a, beneficiary: "ANNA", at: 480), F.trip(2, in: F.a, beneficiary: "ANNA", at: 660)],
                      on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions.map(\.association) == ["X", "X"])
    }

    @Test("the same input in another order gives the same plan")
    func deterministic() {
        let associations = [F.association("X", serves: [F.a, F.b], base: F.a.centroid, capacity: 3),
                            F.association("Y", serves: [F.a], base: F.b.centroid, capacity: 3)]
        let trips = (1...8).map { F.trip(Int64($0), in: $0 % 2 == 0 ? F.a : F.b, at: 480 + ($0 % 3) * 30) }
        let engine = DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention())
        let plan = engine.dispatch(trips, on: F.day, history: DispatchHistory(day: F.day))
        #expect(engine.dispatch(trips.reversed(), on: F.day, history: DispatchHistory(day: F.day)) == plan)
        #expect(DispatchEngine(associations: associations.reversed(), comuni: F.comuni, convention: F.convention())
            .dispatch(trips, on: F.day, history: DispatchHistory(day: F.day)) == plan)
    }
}

extension Coordinate {
    /// The point `km` kilometres east.
    func moved(km: Double) -> Coordinate { Coordinate(latitude: latitude, longitude: longitude + km / 80.4) }
}
