import CentraleDomain
import CentraleRegistry
import Foundation
import GRDB
import Testing
@testable import CentraleStore

extension StoreSafetyTests {
    @Test("a centre cancellation is late under 24 hours before the trip's start, else in advance; the migration classifies old ones alike")
    func cancellationsInAdvanceOrLate() throws {
        let dir = try TemporaryDirectory()
        // Sunday 2 March 2025, 09:00 in Rome.
        let (store, registry) = try loadedStore(dir, clock: Self.clock("2025-03-02T08:00:00Z"))
        let (_, personal) = try addPerson("BCAN", to: store)
        func trip(_ day: String, _ time: String) throws -> Int64 {
            try store.addRequests([[toCareggi(personal, on: day, at: time, registry)]], estimator: registry.convention.distanceEstimator, actor: actor)[0][0]
        }
        // Outbound trips start an hour before the appointment: 08:59 on the 3rd is 23 h 59 min
        // away (late), 09:00 exactly 24 h (in advance).
        let late = try trip("2025-03-03", "09:59"), onTheHour = try trip("2025-03-03", "10:00"), later = try trip("2025-03-10", "09:00")
        for id in [late, onTheHour, later] { try store.cancel(trip: id, actor: Actor("op", reason: "ricoverato")) }
        let outcomes = try store.outcomes(of: [late, onTheHour, later].map { try #require(try store.trip($0)) })
        #expect(outcomes == [late: .cancelledLate, onTheHour: .cancelledInAdvance, later: .cancelledInAdvance])
        #expect(try store.auditTrail(entity: "trip", id: String(late)).last?.details.contains("cancelled_late") == true)

        // A database from before v15: the columns are gone and the audit entries tell.
        let recorded = try store.pool.read { try Row.fetchAll($0, sql: "SELECT id, cancelled_at, cancellation FROM trip ORDER BY id") }
        try store.pool.write { db in
            try db.execute(sql: "ALTER TABLE trip DROP COLUMN cancellation; ALTER TABLE trip DROP COLUMN cancelled_at")
            try Migrations.cancellationTimes(db)
        }
        #expect(try store.pool.read { try Row.fetchAll($0, sql: "SELECT id, cancelled_at, cancellation FROM trip ORDER BY id") } == recorded)
    }

    @Test("outcomes: a trip of a past day nobody holds is not served, or declined when an association declined it; one to come has none")
    func outcomesOfTheQueue() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir, clock: Self.clock("2025-03-05T08:00:00Z"))
        let (_, personal) = try addPerson("BQUE", to: store)
        func trip(_ day: String) throws -> Int64 {
            try store.addRequests([[toCareggi(personal, on: day, at: "09:00", registry)]], estimator: registry.convention.distanceEstimator, actor: actor)[0][0]
        }
        let queued = try trip("2025-03-03"), declined = try trip("2025-03-04"), assigned = try trip("2025-03-04"), toCome = try trip("2025-03-06")
        for id in [declined, assigned, toCome] { try store.assign(trip: id, to: "MIS-SCA", method: .manual, note: nil, actor: actor) }
        _ = try store.decline(trip: declined, reason: "nessun mezzo", actor: actor)
        let trips = try [queued, declined, assigned, toCome].map { try #require(try store.trip($0)) }
        // The assigned trip of yesterday awaits its log: no outcome yet.
        #expect(try store.outcomes(of: trips) == [queued: .notServed, declined: .declined])
    }
}

extension StoreSafetyTests {
    @Test("two trips at the same time confirm on one vehicle and driver only when they share a route of the accepted plan")
    func sharedRideConfirmation() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir, clock: Self.clock("2025-03-01T08:00:00Z"))
        let (_, anna) = try addPerson("BSHA", to: store), (_, bruno) = try addPerson("BSHB", to: store)
        let ids = try [anna, bruno].map { person in
            try store.addRequests([[toCareggi(person, on: "2025-03-03", at: "09:00", registry)]],
                                  estimator: registry.convention.distanceEstimator, actor: actor)[0][0]
        }
        for id in ids { try store.assign(trip: id, to: "MIS-SCA", method: .manual, note: nil, actor: actor) }
        let plate = try #require(registry.associations.first { $0.code == "MIS-SCA" }?.vehicles.first { $0.active }?.plate)
        let driver = Volunteer(association: "MIS-SCA", code: "V1", licenceCategory: "B", licenceExpiry: LocalDate("2030-01-01"), birthYear: 1970,
                               insurancePolicy: "P", insuredUntil: LocalDate("2030-01-01"), qualifications: [],
                               shifts: ShiftPattern(parsing: "lun-ven 06:00-14:00")!)
        try store.addVolunteers([driver], averageSpeedKmh: 30, actor: actor)
        _ = try store.confirm(trip: ids[0], vehicle: plate, driver: "V1", averageSpeedKmh: 30, actor: actor)
        #expect(throws: StoreError.self, "two trips at once, not on a shared route") {
            try store.confirm(trip: ids[1], vehicle: plate, driver: "V1", averageSpeedKmh: 30, actor: actor)
        }
        // The accepted plan puts both on one route of that vehicle: a shared ride.
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO plan(date, association, seed, planned_m, baseline_m, saving_cents, json, accepted_at, accepted_by)
                VALUES ('2025-03-03', 'MIS-SCA', 1, 1000, 2000, 0, '{}', 'x', 'x')
                """)
            let plan = db.lastInsertedRowID
            for id in ids {
                try db.execute(sql: "INSERT INTO plan_trip(plan, trip, vehicle, share_m) VALUES (?, ?, ?, 500)", arguments: [plan, id, plate])
            }
        }
        let second = try store.confirm(trip: ids[1], vehicle: plate, driver: "V1", averageSpeedKmh: 30, actor: actor)
        #expect(second.vehicle == plate && second.driver == "V1")
    }
}
