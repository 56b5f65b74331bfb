import CentraleDomain
import CentralePlanning
import CentraleRegistry
import GRDB
import Testing
@testable import CentraleStore

@Suite("Accepted shared-ride plans")
struct PlanStoreTests {
    let actor = Actor("tester", reason: "test")

    @Test("accepting stores the stops and vehicles; a plan made before the day changed is refused whole")
    func acceptAndRefuse() throws {
        let dir = try TemporaryDirectory()
        let setup = ServiceStoreTests()
        let (store, registry) = try loadedStore(dir)
        try store.addBeneficiaries([(setup.person, setup.personal)], actor: actor)
        let ids = try store.addRequests([setup.request(registry)], estimator: registry.convention.distanceEstimator, actor: actor)[0]
        let day = LocalDate("2025-03-03")!
        let association = registry.associations.first { $0.vehicles.contains { $0.wheelchairPlaces > 0 } }!
        for id in ids { try store.assign(trip: id, to: association.code, method: .manual, note: nil, actor: actor) }
        let trips = try store.plannableTrips(on: day, association: association.code)
        #expect(trips.map(\.id) == ids)
        let plan = ServiceDayPlanner(association: association, convention: registry.convention).plan(trips, on: day)
        try store.acceptPlan(plan, actor: actor)
        let stored = try #require(try store.acceptedPlans(on: day).first)
        #expect(stored.plan == plan && !stored.isStale && stored.acceptedBy == "tester")
        let stops = try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM plan_stop") }
        #expect(stops == plan.vehicles.reduce(0) { $0 + $1.stops.count })

        // A new trip for the association: the stored plan is stale, and the old plan is refused.
        let more = try store.addRequests([setup.request(registry)], estimator: registry.convention.distanceEstimator, actor: actor)[0]
        try store.assign(trip: more[0], to: association.code, method: .manual, note: nil, actor: actor)
        #expect(try store.acceptedPlans(on: day).first?.added == [more[0]])
        let before = try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM plan_stop ORDER BY plan, vehicle, position") }
        #expect(throws: StoreError.self) { try store.acceptPlan(plan, actor: actor) }
        let after = try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM plan_stop ORDER BY plan, vehicle, position") }
        #expect(before == after, "nothing half-written")
        // Planned again, it is accepted and replaces the old one.
        let fresh = ServiceDayPlanner(association: association, convention: registry.convention)
            .plan(try store.plannableTrips(on: day, association: association.code), on: day)
        try store.acceptPlan(fresh, actor: actor)
        #expect(try store.acceptedPlans(on: day).map(\.plan) == [fresh])
        #expect(try store.auditTrail(entity: "plan").map(\.action) == ["plan.accept", "plan.accept"])
    }
}
