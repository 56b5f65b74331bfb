import CentraleDomain
import CentraleRegistry
import GRDB
import Testing
@testable import CentraleStore

@Suite("Beneficiaries, trips and the audit trail")
struct ServiceStoreTests {
    let actor = Actor("tester", reason: "test")

    let person = Beneficiary(code: "BTEST1", comune: "048041", needs: [.wheelchair], activatedOn: LocalDate("2025-01-10")!,
                             referredBy: .socialServices)
    let personal = BeneficiaryPersonalData(code: "BTEST1", name: "Zelinda Quercioli", phone: "+39 333 7654321",
                                           address: "Vicolo del Pozzo Segreto 99, Scandicci", home: Coordinate(latitude: 43.756, longitude: 11.19))

    func request(_ registry: Registry) -> [TripRequest] {
        let careggi = registry.places.first { $0.code == "OSP-CAREGGI" }!
        let home = Stop(label: personal.address, comune: "048041", location: personal.home)
        let hospital = Stop(placeCode: careggi.code, label: careggi.name, comune: careggi.comune, location: careggi.location)
        let date = LocalDate("2025-03-03")!
        return [
            TripRequest(beneficiary: "BTEST1", date: date, pickup: home, destination: hospital, appointment: LocalTime("09:00")!,
                        leg: .outbound, needs: [.wheelchair], purpose: .visit),
            TripRequest(beneficiary: "BTEST1", date: date, pickup: hospital, destination: home, appointment: LocalTime("11:00")!,
                        leg: .return, needs: [.wheelchair], purpose: .visit),
        ]
    }

    @Test("a stored value that is not valid (an unknown status, a malformed date) is an error, never a default")
    func unknownStoredValues() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        try store.addBeneficiaries([(person, personal)], actor: actor)
        let ids = try store.addRequests([request(registry)], estimator: registry.convention.distanceEstimator, actor: actor)[0]
        #expect(try store.trip(ids[0])?.status == .pending)
        // Written past the table's CHECK, as a damaged file or a hand edit could.
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE trip SET status = 'lost' WHERE id = ?", arguments: [ids[0]])
            try db.execute(sql: "UPDATE trip SET date = '2025-02-30' WHERE id = ?", arguments: [ids[1]])
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        #expect(throws: (any Error).self) { try store.trip(ids[0]) }
        #expect(throws: (any Error).self) { try store.tripRecord(ids[1]) }
        #expect(throws: (any Error).self) { try store.trips(on: LocalDate("2025-03-03")!) }
    }

    @Test("the legs of a request are linked and each gets an estimate and an audit entry")
    func legs() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        try store.addBeneficiaries([(person, personal)], actor: actor)
        let ids = try store.addRequests([request(registry)], estimator: registry.convention.distanceEstimator, actor: actor)
        let outbound = try #require(try store.trip(ids[0][0]))
        let inbound = try #require(try store.trip(ids[0][1]))
        #expect(outbound.pairedTripID == inbound.id)
        #expect(inbound.pairedTripID == outbound.id)
        #expect(outbound.status == .pending)
        #expect(try store.trips(on: LocalDate("2025-03-03")!).map(\.id) == [outbound.id, inbound.id])
        let estimate = try store.pool.read { try Int.fetchOne($0, sql: "SELECT estimated_m FROM trip WHERE id = ?", arguments: [outbound.id]) }
        #expect(estimate == registry.convention.distanceEstimator.roadDistance(personal.home, outbound.destination.location).metres)
        let entries = try store.auditTrail(entity: "trip", id: String(outbound.id))
        #expect(entries.map(\.action) == ["trip.create"])
        #expect(entries[0].actor == "tester")
        #expect(entries[0].at == "2025-11-24T16:00:00.000Z")
    }

    @Test("personal data stays in its own table and never reaches the audit trail")
    func personalDataApart() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        try store.addBeneficiaries([(person, personal)], actor: actor)
        try store.addRequests([request(registry)], estimator: registry.convention.distanceEstimator, actor: actor)
        #expect(try store.beneficiary("BTEST1") == person)
        let trail = try store.auditTrail().map(\.details).joined()
        let leaked = ["Zelinda", "Quercioli", "7654321", "Pozzo Segreto"].filter { trail.contains($0) }
        #expect(leaked.isEmpty)
    }

    @Test("the audit trail cannot be changed or deleted")
    func appendOnly() throws {
        let dir = try TemporaryDirectory()
        let (store, _) = try loadedStore(dir)
        let count = try store.auditTrail().count
        #expect(count > 0)
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'mallory'") } }
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(try store.auditTrail().count == count)
        #expect(try store.auditTrail().allSatisfy { $0.actor == "tester" })
    }

    @Test("a batch with one bad beneficiary writes none of them")
    func beneficiariesAllOrNothing() throws {
        let dir = try TemporaryDirectory()
        let (store, _) = try loadedStore(dir)
        var other = person
        other.code = "BTEST2"
        var otherPersonal = personal
        otherPersonal.code = "BTEST2"
        var duplicate = person
        duplicate.comune = "048043"
        #expect(throws: StoreError.self) {
            try store.addBeneficiaries([(other, otherPersonal), (person, personal), (duplicate, personal)], actor: actor)
        }
        #expect(try store.beneficiaries().isEmpty)
        #expect(try store.auditTrail(entity: "beneficiary").isEmpty)
    }
}
