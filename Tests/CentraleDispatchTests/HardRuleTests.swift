import CentraleDomain
import Testing
@testable import CentraleDispatch

@Suite("Dispatch engine: hard rules")
struct HardRuleTests {
    typealias F = Fixture

    func engine(_ associations: [Association], neighbours: Bool = true) -> DispatchEngine {
        DispatchEngine(associations: associations, comuni: F.comuni, convention: F.convention(neighbours: neighbours))
    }

    @Test("coverage: only an association serving the trip's comune may take it")
    func coverage() {
        let plan = engine([F.association("X", serves: [F.a], base: F.a.centroid), F.association("Y", serves: [F.c], base: F.c.centroid)])
            .dispatch([F.trip(1, in: F.a)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions[0].association == "X")
        #expect(plan.decisions[0].exclusions == [Exclusion(association: "Y", rule: .coverage)])
    }

    @Test("the neighbour rule lets an association take trips in a bordering comune, only when the convention allows it")
    func neighbours() {
        let associations = [F.association("X", serves: [F.a], base: F.a.centroid)]
        let allowed = engine(associations, neighbours: true).dispatch([F.trip(1, in: F.b)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(allowed.decisions[0].association == "X")
        let refused = engine(associations, neighbours: false).dispatch([F.trip(1, in: F.b)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(refused.decisions[0].association == nil)
        #expect(refused.decisions[0].blocked?.rule == .coverage)
        #expect(refused.decisions[0].blocked?.reason.english == "no association serves comune 001002")
        #expect(refused.decisions[0].blocked?.reason.italian == "nessuna associazione serve il comune 001002")
        // C borders nobody: never reachable as a neighbour.
        let far = engine(associations).dispatch([F.trip(1, in: F.c)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(far.decisions[0].blocked?.rule == .coverage)
    }

    @Test("vehicle: a stretcher trip goes only to an association with an active stretcher vehicle")
    func vehicle() {
        let inactive = { var v = F.ambulance; v.active = false; return v }()
        let associations = [F.association("X", serves: [F.a], base: F.a.centroid, vehicles: [F.car, F.van]),
                            F.association("Y", serves: [F.a], base: F.b.centroid, vehicles: [F.ambulance]),
                            F.association("Z", serves: [F.a], base: F.a.centroid, vehicles: [inactive])]
        let plan = engine(associations).dispatch([F.trip(1, in: F.a, needs: .stretcher)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions[0].association == "Y")
        #expect(Set(plan.decisions[0].exclusions) == [Exclusion(association: "X", rule: .vehicle), Exclusion(association: "Z", rule: .vehicle)])

        let none = engine([associations[0]]).dispatch([F.trip(1, in: F.a, needs: .stretcher)], on: F.day, history: DispatchHistory(day: F.day))
        #expect(none.decisions[0].blocked?.rule == .vehicle)
        #expect(none.decisions[0].blocked?.reason.english.contains("no association serving comune 001001 has an active vehicle for stretcher") == true)
    }

    @Test("capacity: an association takes no more trips a day than it declared, counting those already assigned")
    func capacity() {
        let associations = [F.association("X", serves: [F.a], base: F.a.centroid, capacity: 2),
                            F.association("Y", serves: [F.a], base: F.b.centroid, capacity: 1)]
        let trips = (1...4).map { F.trip(Int64($0), in: F.a) }
        let plan = engine(associations).dispatch(trips, on: F.day, history: DispatchHistory(day: F.day))
        let counts = Dictionary(grouping: plan.decisions.compactMap(\.association), by: { $0 }).mapValues(\.count)
        #expect(counts == ["X": 2, "Y": 1])
        let blocked = plan.decisions.filter { $0.association == nil }
        #expect(blocked.count == 1)
        #expect(blocked[0].blocked?.rule == .capacity)
        #expect(blocked[0].blocked?.reason.english.contains("at its daily capacity (X, Y)") == true)

        let kept = engine(associations).dispatch([F.trip(9, in: F.a)], on: F.day, history: DispatchHistory(day: F.day),
                                                 alreadyAssigned: ["X": 2])
        #expect(kept.decisions[0].association == "Y")
    }

    @Test("declined: a trip is not offered again to an association that declined it")
    func declined() {
        let associations = [F.association("X", serves: [F.a], base: F.a.centroid), F.association("Y", serves: [F.a], base: F.b.centroid)]
        var trip = F.trip(1, in: F.a)
        #expect(engine(associations).dispatch([trip], on: F.day, history: DispatchHistory(day: F.day)).decisions[0].association == "X")
        trip.declinedBy = ["X"]
        let plan = engine(associations).dispatch([trip], on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions[0].association == "Y")
        #expect(plan.decisions[0].exclusions == [Exclusion(association: "X", rule: .declined)])
        trip.declinedBy = ["X", "Y"]
        let none = engine(associations).dispatch([trip], on: F.day, history: DispatchHistory(day: F.day))
        #expect(none.decisions[0].blocked?.rule == .declined)
        #expect(none.decisions[0].blocked?.reason.english.contains("declined the trip (X, Y)") == true)
        #expect(engine(associations).brokenRule(for: trip, by: "X", assignedToday: 0) == .declined)
    }

    @Test("a return leg from outside the zone is served in the beneficiary's comune")
    func serviceComune() {
        let hospital = Stop(placeCode: "H", label: "Hospital", comune: "048017", location: Coordinate(latitude: 43.8, longitude: 11.25))
        let home = Stop(label: "home", comune: F.a.istatCode, location: F.a.centroid)
        let back = TripRequest(id: 2, beneficiary: "B1", date: F.day, pickup: hospital, destination: home, appointment: LocalTime("11:00")!,
                               leg: .return, needs: [], purpose: .visit)
        let zone: Set = [F.a.istatCode, F.b.istatCode]
        #expect(DispatchTrip(back, zone: zone).serviceComune == F.a.istatCode)
        #expect(DispatchTrip(back, zone: zone).pickup == hospital.location)
        var there = back
        there.pickup = home
        there.destination = hospital
        #expect(DispatchTrip(there, zone: zone).serviceComune == F.a.istatCode)
    }

    @Test("manual checks use the same rules")
    func manualCheck() {
        let e = engine([F.association("X", serves: [F.a], base: F.a.centroid, capacity: 1)])
        #expect(e.brokenRule(for: F.trip(1, in: F.a), by: "X", assignedToday: 0) == nil)
        #expect(e.brokenRule(for: F.trip(1, in: F.a), by: "X", assignedToday: 1) == .capacity)
        #expect(e.brokenRule(for: F.trip(1, in: F.a, needs: .wheelchair), by: "X", assignedToday: 0) == .vehicle)
        #expect(e.brokenRule(for: F.trip(1, in: F.c), by: "X", assignedToday: 0) == .coverage)
        #expect(e.brokenRule(for: F.trip(1, in: F.a), by: "NOPE", assignedToday: 0) == .coverage)
    }
}

@Suite("Hard rule: crews on duty")
struct CrewRuleTests {
    typealias F = Fixture

    @Test("an association that registers volunteers takes only the trips a crew covers, with a driver qualified for their needs")
    func crews() {
        let engine = DispatchEngine(associations: [F.association("X", serves: [F.a], base: F.a.centroid), F.association("Y", serves: [F.a], base: F.a.centroid)],
                                    comuni: F.comuni, convention: F.convention())
        var trip = F.trip(1, in: F.a, needs: .escort)
        trip.busyFrom = LocalTime("08:30")
        trip.busyUntil = LocalTime("09:00")
        #expect(engine.brokenRule(for: trip, by: "X", assignedToday: 0) == nil, "no crews given: the declared day")
        let morning = CrewShift(plate: "CAR1", driver: "V1", start: LocalTime("07:00")!, end: LocalTime("13:00")!, qualifications: [])
        #expect(engine.withCrews(["X": [morning]]).brokenRule(for: trip, by: "X", assignedToday: 0) == .crew, "not qualified to escort")
        var escort = morning
        escort.qualifications = .escort
        #expect(engine.withCrews(["X": [escort]]).brokenRule(for: trip, by: "X", assignedToday: 0) == nil)
        var afternoon = escort
        afternoon.start = LocalTime("13:00")!
        afternoon.end = LocalTime("19:00")!
        #expect(engine.withCrews(["X": [afternoon]]).brokenRule(for: trip, by: "X", assignedToday: 0) == .crew, "no crew at 08:30")
        // Dispatch gives the trip to the association whose crews (or declared day) cover it.
        let plan = engine.withCrews(["X": [afternoon]]).dispatch([trip], on: F.day, history: DispatchHistory(day: F.day))
        #expect(plan.decisions[0].association == "Y")
        #expect(plan.decisions[0].exclusions == [Exclusion(association: "X", rule: .crew)])
        // With Y full as well, the trip is unassignable, and the reason names both causes.
        let full = DispatchEngine(associations: [F.association("X", serves: [F.a], base: F.a.centroid),
                                                 F.association("Y", serves: [F.a], base: F.a.centroid, capacity: 0)],
                                  comuni: F.comuni, convention: F.convention()).withCrews(["X": [afternoon]])
            .dispatch([trip], on: F.day, history: DispatchHistory(day: F.day))
        #expect(full.decisions[0].association == nil)
        #expect(full.decisions[0].blocked?.reason.english == "every association serving comune 001001 with a suitable vehicle is at its daily capacity (Y) "
                + "or has no crew on duty at the trip's time (X)")
    }
}
