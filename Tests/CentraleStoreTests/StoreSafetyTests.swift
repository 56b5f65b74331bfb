import CentraleDomain
import CentraleFormats
import CentraleDispatch
import CentraleIntake
import CentraleRegistry
import Foundation
import GRDB
import Testing
@testable import CentraleStore

@Suite("Opening databases safely, associations leaving, tariffs in use, late trips, no-shows")
struct StoreSafetyTests {
    let actor = Actor("tester", reason: "test")

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Registers a beneficiary active from 2025, living in `comune` (Scandicci by default).
    @discardableResult
    func addPerson(_ code: String, to store: Store, comune: String = "048041",
                   home: Coordinate = Coordinate(latitude: 43.756, longitude: 11.19)) throws -> (Beneficiary, BeneficiaryPersonalData) {
        let person = Beneficiary(code: code, comune: comune, needs: [], activatedOn: LocalDate("2025-01-01")!, referredBy: .pua)
        let personal = BeneficiaryPersonalData(code: code, name: "T", phone: "1", address: "Via Roma 1", home: home)
        try store.addBeneficiaries([(person, personal)], actor: actor)
        return (person, personal)
    }

    /// An outbound trip from the person's home to Careggi.
    func toCareggi(_ personal: BeneficiaryPersonalData, comune: String = "048041", on day: String, at time: String,
                   _ registry: Registry) -> TripRequest {
        let place = registry.places.first { $0.code == "OSP-CAREGGI" }!
        return TripRequest(beneficiary: personal.code, date: LocalDate(day)!, pickup: Stop(label: personal.address, comune: comune, location: personal.home),
                           destination: Stop(placeCode: place.code, label: place.name, comune: place.comune, location: place.location),
                           appointment: LocalTime(time)!, leg: .outbound, needs: [], purpose: .visit)
    }

    /// A clock at a local date and time in Europe/Rome.
    static func clock(_ text: String) -> @Sendable () -> Date {
        let formatter = ISO8601DateFormatter()
        let date = formatter.date(from: text)!
        return { date }
    }

    @Test("a missing file is refused by every access but create, and nothing is created")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("typo.sqlite")
        #expect(throws: StoreError.noDatabase(path: path)) { try Store(path: path, access: .write) }
        #expect(throws: StoreError.noDatabase(path: path)) { try Store(path: path, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.noDatabase(path: path).remedy == .createDatabase)
    }

    @Test("read-only access writes nothing and reads everything")
    func readOnly() throws {
        let dir = try TemporaryDirectory()
        let (store, _) = try loadedStore(dir)
        let before = try bytes(store.path)
        let reader = try Store(path: store.path, access: .read)
        #expect(try reader.registry().associations.count == 26)
        #expect(throws: (any Error).self) { try reader.setMeta("x", "y") }
        #expect(try bytes(store.path) == before)
    }

    @Test("a database from a newer program is refused before anything is written, naming both versions")
    func newerSchema() throws {
        let dir = try TemporaryDirectory()
        let (store, _) = try loadedStore(dir)
        try store.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99_future')") }
        let before = try bytes(store.path)
        for access in [Store.Access.write, .read, .create] {
            do {
                _ = try Store(path: store.path, access: access)
                Issue.record("opened a newer schema with \(access)")
            } catch let error as StoreError {
                #expect("\(error)".contains("v99_future") && "\(error)".contains(Store.knownMigrations.last!))
            }
        }
        #expect(try bytes(store.path) == before)
    }

    @Test("another program's SQLite database is refused by every access, and left exactly as it was")
    func foreignDatabase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('mine')") }
        try queue.close()
        let before = try bytes(path)
        for access in [Store.Access.create, .write, .read] {
            do {
                _ = try Store(path: path, access: access)
                Issue.record("opened another program's database with \(access)")
            } catch let error as StoreError {
                #expect("\(error)".contains("not a Centrale one"))
            }
        }
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("an older schema is upgraded by a writer, and refused by a reader with the command that upgrades it")
    func olderSchema() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("old.sqlite")
        _ = try Store.openLegacy(path: path, migrations: 3)
        do {
            _ = try Store(path: path, access: .read)
            Issue.record("a reader opened an old schema")
        } catch let error as StoreError {
            #expect(error.remedy == .upgradeDatabase)
        }
        let writer = try Store(path: path, access: .write)
        #expect(try writer.appliedMigrations() == Store.knownMigrations)
    }

    @Test("an association taken out of the registry needs its leaving day; then it takes no trips and its open trips go back to the queue")
    func departure() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let (_, personal) = try addPerson("BLEAVE", to: store, comune: "048005", home: Coordinate(latitude: 43.86, longitude: 11.16))
        let ids = try store.addRequests(["2025-03-03", "2025-03-10"].map { [toCareggi(personal, comune: "048005", on: $0, at: "09:00", registry)] },
                                        estimator: registry.convention.distanceEstimator, actor: actor).map { $0[0] }
        for id in ids { try store.assign(trip: id, to: "AUS-CAL", method: .manual, note: nil, actor: actor) }

        var smaller = registry
        smaller.associations.removeAll { $0.code == "AUS-CAL" }
        // Shares that no longer add up to 100% are refused, with nothing written.
        #expect(throws: StoreError.self) { try store.load(smaller, leaving: ["AUS-CAL": LocalDate("2025-03-05")!], actor: actor) }
        smaller.associations[smaller.associations.firstIndex { $0.code == "MIS-CAL" }!].shareBasisPoints += 127
        let before = try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM association ORDER BY code") }
        #expect(throws: StoreError.self) { try store.load(smaller, actor: actor) }
        #expect(try store.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM association ORDER BY code") } == before)
        do { _ = try store.load(smaller, actor: actor) } catch { #expect("\(error)".contains("--leaving AUS-CAL=")) }

        let summary = try store.load(smaller, leaving: ["AUS-CAL": LocalDate("2025-03-05")!], actor: actor)
        #expect(summary.departures.count == 1 && summary.departures[0].tripsReleased == 1)
        #expect(try store.tripRecord(ids[0])?.assignment?.association == "AUS-CAL")
        let released = try #require(try store.tripRecord(ids[1]))
        #expect(released.trip.status == .pending && released.assignment == nil)
        let stored = try store.registry()
        let gone = try #require(stored.associations.first { $0.code == "AUS-CAL" })
        #expect(gone.leftOn == LocalDate("2025-03-05") && gone.shareBasisPoints == 0)
        #expect(stored.associations.reduce(0) { $0 + $1.shareBasisPoints } == 10_000)
        #expect(try store.auditTrail(entity: "association", id: "AUS-CAL").map(\.action).contains("association.leave"))
        // No new trips from that day, not even by hand.
        #expect(throws: StoreError.self) { try store.assign(trip: ids[1], to: "AUS-CAL", method: .forced, note: "x", actor: actor) }
        let engine = DispatchEngine(associations: stored.associations, comuni: stored.comuni, convention: stored.convention)
        let trip = DispatchTrip(released.trip, zone: Set(stored.zoneComuni.map(\.istatCode)))
        #expect(engine.brokenRule(for: trip, by: "AUS-CAL", assignedToday: 0) == .membership)
        // Loading the same registry again changes nothing.
        #expect(try store.load(smaller, actor: actor).changedNothing)
    }

    @Test("a tariff used by logged trips cannot be redefined in place; a new version from a later day is accepted")
    func tariffInUse() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO beneficiary(code, comune, needs, activated_on, referred_by) VALUES ('BTAR', '048041', 0, '2025-01-01', 'pua')")
            try db.execute(sql: """
                INSERT INTO trip(id, beneficiary, date, pickup_label, pickup_comune, pickup_lat, pickup_lon, dest_label, dest_comune,
                  dest_lat, dest_lon, appointment, leg, needs, purpose, status, estimated_m)
                VALUES (1, 'BTAR', '2025-03-03', 'a', '048041', 43.7, 11.1, 'b', '048041', 43.8, 11.2, 540, 'outbound', 0, 'visit', 'done', 1000)
                """)
            let plate = registry.associations.first { $0.code == "MIS-SCA" }!.vehicles[0].plate
            try db.execute(sql: "INSERT INTO assignment(trip, association, vehicle, method, assigned_at, assigned_by) VALUES (1, 'MIS-SCA', ?, 'manual', 'x', 'x')",
                           arguments: [plate])
            try db.execute(sql: """
                INSERT INTO trip_log(trip, association, vehicle, driver, driven_m, outcome, submitted_at, submitted_by)
                VALUES (1, 'MIS-SCA', ?, 'D1', 12000, 'done', 'x', 'x')
                """, arguments: [plate])
        }
        let changed = registry.conventionSource.replacingOccurrences(of: "km_rate = 0.66", with: "km_rate = 0.70")
        #expect(changed != registry.conventionSource)
        // The registry with another convention.toml.
        func with(_ source: String) throws -> Registry {
            var other = registry
            other.conventionSource = source
            other.convention = try Registry.decodeConvention(source, fileName: "convention.toml")
            return other
        }
        do {
            _ = try store.load(try with(changed), actor: actor)
            Issue.record("a tariff in use was redefined")
        } catch let error as StoreError {
            #expect("\(error)".contains("tariff 2014-01") && "\(error)".contains("valid_from"))
        }
        let versioned = registry.conventionSource + """

            [[tariff]]
            id = "2025-06"
            valid_from = 2025-06-01
            km_rate = 0.70
            km_cap = { standard = 0.70, wheelchair = 0.78, stretcher = 0.95 }
            insurance_per_trip = 2.40
            wheelchair_item = 5.00
            stretcher_item = 15.00
            escort_item = 3.00
            escort_waiting_free_minutes = 60
            escort_waiting_per_hour = 6.00
            no_show_item = 8.00
            cancelled_on_spot_item = 6.00
            indirect_percent = 10.0
            indirect_cap_per_month = 2500.00

            """
        // A new version that starts before a logged trip would re-price it: refused, saying so.
        let early = versioned.replacingOccurrences(of: "id = \"2025-06\"\nvalid_from = 2025-06-01", with: "id = \"2025-01\"\nvalid_from = 2025-01-01")
        #expect(early != versioned)
        do {
            _ = try store.load(try with(early), actor: actor)
            Issue.record("a version starting before a logged trip was accepted")
        } catch let error as StoreError {
            #expect("\(error)".contains("priced by tariff 2014-01, and the new file prices them by 2025-01") && "\(error)".contains("valid_from = 2025-03-04"),
                    "\(error)")
        }
        #expect(try store.load(try with(versioned), actor: actor).conventionIsNew)
    }

    @Test("a trip dated in a closed month needs a reason to be added late, and the audit keeps it")
    func lateTrip() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir, clock: Self.clock("2025-05-10T10:00:00Z"))
        let (_, personal) = try addPerson("BLATE", to: store)
        try store.pool.write { try $0.execute(sql: "INSERT INTO closed_month(month, closed_at, closed_by, total_cents, sha256) VALUES ('2025-03', 'x', 'x', 0, 'x')") }
        let request = [[toCareggi(personal, on: "2025-03-20", at: "09:00", registry)]]
        do {
            try store.addRequests(request, estimator: registry.convention.distanceEstimator, actor: actor)
            Issue.record("a trip was added to a closed month")
        } catch let error as StoreError {
            #expect(error == .refused(.trip(.inClosedMonth(LocalDate("2025-03-20")!)), remedy: .addLate))
        }
        #expect(try store.trips(on: LocalDate("2025-03-20")!).isEmpty)
        let ids = try store.addRequests(request, estimator: registry.convention.distanceEstimator, late: "paper form found", actor: actor)
        #expect(try store.auditTrail(entity: "trip", id: String(ids[0][0]))[0].details.contains("paper form found"))
    }

    @Test("a no-show is marked from the trip's time, and taken back only the same day")
    func noShowTimes() throws {
        let dir = try TemporaryDirectory()
        let early = try loadedStore(dir, clock: Self.clock("2025-03-03T06:00:00Z")).1 // 07:00 in Rome
        let registry = early
        let path = dir.path("db.sqlite")
        let at7 = try Store(path: path, clock: Self.clock("2025-03-03T06:00:00Z"))
        let (_, personal) = try addPerson("BNS", to: at7)
        let id = try at7.addRequests([[toCareggi(personal, on: "2025-03-03", at: "09:30", registry)]],
                                     estimator: registry.convention.distanceEstimator, actor: actor)[0][0]
        try at7.assign(trip: id, to: "MIS-SCA", method: .manual, note: nil, actor: actor)
        #expect(throws: StoreError.self) { try at7.markNoShow(trip: id, leadMinutes: 60, actor: actor) } // pickup from 08:30
        let at9 = try Store(path: path, clock: Self.clock("2025-03-03T08:00:00Z"))
        try at9.markNoShow(trip: id, leadMinutes: 60, actor: actor)
        let nextDay = try Store(path: path, clock: Self.clock("2025-03-04T08:00:00Z"))
        #expect(throws: StoreError.self) { try nextDay.undoNoShow(trip: id, actor: actor) }
        try at9.undoNoShow(trip: id, actor: actor)
        #expect(try at9.tripRecord(id)?.trip.status == .assigned)
        #expect(try at9.auditTrail(entity: "trip", id: String(id)).map(\.action).suffix(2) == ["trip.no_show", "trip.no_show_undo"])
    }

    @Test("series are unique: two series at 01:15 and 11:05, and the same request entered twice, cancel independently")
    func uniqueSeries() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let (person, personal) = try addPerson("BSER", to: store)
        let intake = RequestIntake(places: registry.places, comuni: registry.comuni)
        func series(_ time: String) throws -> [Int64] {
            let form = RequestForm(beneficiary: "BSER", date: LocalDate("2025-03-03")!,
                                   recurrence: Recurrence(weekdays: [1], until: LocalDate("2025-03-24")!), appointment: LocalTime(time)!,
                                   returnAt: nil, from: .home, to: StopSpec(parsing: "OSP-CAREGGI"), purpose: .visit, needs: nil)
            let trips = try intake.trips(for: form, beneficiary: person, home: (personal.address, personal.home))
            return try store.addRequests(trips, estimator: registry.convention.distanceEstimator, actor: actor).flatMap { $0 }
        }
        let early = try series("01:15"), late = try series("11:05"), again = try series("11:05")
        #expect(early.count == 4 && late.count == 4 && again.count == 4)
        let names = try [early, late, again].map { try #require(try store.trip($0[0])?.seriesID) }
        #expect(Set(names).count == 3, "\(names)")
        #expect(try store.cancel(trip: early[0], series: true, actor: actor) == early)
        #expect(try store.cancel(trip: again[1], series: true, actor: actor) == Array(again[1...]))
        #expect(try late.allSatisfy { try store.trip($0)?.status == .pending })
    }

    @Test("audit details are JSON strings escaped byte by byte, accents intact")
    func auditQuoting() {
        #expect(AuditValue.quote("plain è") == "\"plain è\"")
        #expect(AuditValue.quote("a\"b\\c\nd\re\tf\u{1B}g è") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u001bg è\"")
    }
}
