import CentraleDomain
import CentraleRegistry
import Foundation
import GRDB
import Testing
@testable import CentraleStore

@Suite("Beneficiaries from referral to closing")
struct BeneficiaryStoreTests {
    let actor = Actor("tester", reason: "test")

    func loadedStore(_ dir: TemporaryDirectory) throws -> (Store, Registry) {
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        let registry = try Registry.embedded()
        _ = try store.load(registry, actor: actor)
        return (store, registry)
    }

    static func entry(surname: String = "Quercioli", name: String = "Zelinda", phone: String = "055 765432") -> BeneficiaryEntry {
        let birth = LocalDate("1941-07-14")!
        return BeneficiaryEntry(
            personal: PersonalRecord(surname: surname, name: name, codiceFiscale: CodiceFiscale.make(surname: surname, name: name, birthDate: birth, female: true),
                                     birthDate: birth, phones: [phone], street: "Vicolo del Pozzo Segreto", houseNumber: "99", comune: "048041",
                                     position: Coordinate(latitude: 43.756, longitude: 11.19), caregiver: "Ottavina Quercioli",
                                     caregiverPhone: "333 0000001", driverNotes: "terzo piano senza ascensore"),
            referral: ReferralRecord(by: .hospitalDischarge, referrerName: "Dr. Ugolino Frescobaldi", referrerRole: "reparto di medicina",
                                     date: LocalDate("2025-01-05")!, paiReference: "PAI-2025-77"),
            authorisation: Authorisation(purposes: [.dialysis, .visit], needs: [.wheelchair], validFrom: LocalDate("2025-01-10")!,
                                         validUntil: LocalDate("2025-12-31")!))
    }

    func request(_ registry: Registry, code: String, date: String, time: String = "09:00") -> [TripRequest] {
        let careggi = registry.places.first { $0.code == "OSP-CAREGGI" }!
        let home = Stop(label: "Vicolo del Pozzo Segreto 99, Scandicci", comune: "048041", location: Coordinate(latitude: 43.756, longitude: 11.19))
        let hospital = Stop(placeCode: careggi.code, label: careggi.name, comune: careggi.comune, location: careggi.location)
        return [TripRequest(beneficiary: code, date: LocalDate(date)!, pickup: home, destination: hospital, appointment: LocalTime(time)!,
                            leg: .outbound, needs: [.wheelchair], purpose: .visit)]
    }

    @Test("an import registers people once; the same list again changes nothing; a changed row updates, audited by field names only")
    func importIdempotent() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let names = Dictionary(uniqueKeysWithValues: registry.comuni.map { ($0.istatCode, $0.name) })
        let first = try store.importBeneficiaries([Self.entry(), Self.entry(surname: "Bellè", name: "Niccolò")], comuneNames: names, actor: actor)
        #expect(first.added.count == 2 && first.updated.isEmpty)
        let code = first.added[0]
        let again = try store.importBeneficiaries([Self.entry(), Self.entry(surname: "Bellè", name: "Niccolò")], comuneNames: names, actor: actor)
        #expect(again.added.isEmpty && again.updated.isEmpty && again.unchanged == first.added)
        let auditBefore = try store.auditTrail(entity: "beneficiary").count

        let changed = try store.importBeneficiaries([Self.entry(phone: "055 111222")], comuneNames: names, actor: actor)
        #expect(changed.updated == [code])
        let trail = try store.auditTrail(entity: "beneficiary", id: code)
        #expect(try store.auditTrail(entity: "beneficiary").count == auditBefore + 1)
        #expect(trail.last?.action == "beneficiary.personal.update" && trail.last?.details == #"{"fields":"phones"}"#)
        let file = try #require(try store.beneficiaryFile(code))
        #expect(file.personal?.phones == ["055 111222"] && file.referral?.paiReference == "PAI-2025-77")
        #expect(file.history.map(\.status) == [.referred, .active])
        #expect(file.beneficiary.referredBy == .hospitalDischarge && file.beneficiary.needs == [.wheelchair])
        // The audit trail never holds a personal value.
        let audit = try store.pool.read { try String.fetchAll($0, sql: "SELECT details || coalesce(reason, '') FROM audit_log") }.joined()
        for secret in ["Quercioli", "Zelinda", "055 111222", "055 765432", "Pozzo Segreto", "Frescobaldi", "terzo piano", Self.entry().personal.codiceFiscale] {
            #expect(!audit.contains(secret), "\(secret) in the audit trail")
        }
    }

    @Test("find ignores case and accents, matches part of a name, codice fiscale or phone")
    func find() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let names = Dictionary(uniqueKeysWithValues: registry.comuni.map { ($0.istatCode, $0.name) })
        let codes = try store.importBeneficiaries([Self.entry(), Self.entry(surname: "Bellè", name: "Niccolò", phone: "333 4455667")],
                                                  comuneNames: names, actor: actor).added
        let day = LocalDate("2025-03-01")!
        #expect(try store.findBeneficiaries("belle", on: day).map(\.code) == [codes[1]])
        #expect(try store.findBeneficiaries("NICCOLO", on: day).map(\.code) == [codes[1]])
        #expect(try store.findBeneficiaries("quercio", on: day).map(\.code) == [codes[0]])
        #expect(try store.findBeneficiaries("4455667", on: day).map(\.code) == [codes[1]])
        #expect(try store.findBeneficiaries(String(Self.entry().personal.codiceFiscale.prefix(9)).lowercased(), on: day).map(\.code) == [codes[0]])
        #expect(try store.findBeneficiaries(codes[0], on: day).map(\.code) == [codes[0]])
        #expect(try store.findBeneficiaries("zzz", on: day).isEmpty)
        #expect(try store.listBeneficiaries(on: LocalDate("2025-12-10")!, expiringWithin: 30).count == 2)
        #expect(try store.listBeneficiaries(on: LocalDate("2025-10-10")!, expiringWithin: 30).isEmpty)
    }

    @Test("suspend cancels exactly the trips of the period; close cancels every trip after the day; both audited")
    func suspendAndClose() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let names = Dictionary(uniqueKeysWithValues: registry.comuni.map { ($0.istatCode, $0.name) })
        let code = try store.importBeneficiaries([Self.entry()], comuneNames: names, actor: actor).added[0]
        let days = ["2025-03-09", "2025-03-10", "2025-03-15", "2025-03-20", "2025-03-21", "2025-04-30", "2025-05-01", "2025-05-02"]
        let ids = try store.addRequests(days.map { request(registry, code: code, date: $0)[0] }.map { [$0] },
                                        estimator: registry.convention.distanceEstimator, actor: actor).map { $0[0] }
        let suspended = try store.suspendBeneficiary(code, from: LocalDate("2025-03-10")!, to: LocalDate("2025-03-20")!, reason: "hospital stay", actor: actor)
        #expect(suspended == Array(ids[1...3]))
        #expect(try store.trip(ids[2])?.statusReason == "beneficiary suspended: hospital stay")
        #expect(try store.beneficiary(code)?.status(on: LocalDate("2025-03-15")!) == .suspended)
        try store.resumeBeneficiary(code, on: LocalDate("2025-03-18")!, reason: "discharged early", actor: actor)
        #expect(try store.beneficiary(code)?.status(on: LocalDate("2025-03-18")!) == .active)
        #expect(try store.beneficiary(code)?.status(on: LocalDate("2025-03-17")!) == .suspended)

        let closed = try store.closeBeneficiary(code, on: LocalDate("2025-04-30")!, reason: .moved, note: "to Bologna", actor: actor)
        #expect(closed == Array(ids[6...7]))
        #expect(try store.trip(ids[5])?.status == .pending)
        #expect(try [store.trip(ids[0])?.status, store.trip(ids[4])?.status] == [.pending, .pending])
        let file = try #require(try store.beneficiaryFile(code))
        #expect(file.closingReason == .moved && file.beneficiary.closedOn == LocalDate("2025-04-30")!)
        #expect(file.history.map(\.status) == [.referred, .active, .suspended, .active, .closed])
        let actions = try store.auditTrail(entity: "beneficiary", id: code).map(\.action)
        #expect(actions.suffix(3) == ["beneficiary.suspend", "beneficiary.resume", "beneficiary.close"])
        #expect(throws: StoreError.self) { try store.closeBeneficiary(code, on: LocalDate("2025-05-30")!, reason: .ended, note: nil, actor: actor) }
        #expect(try store.trips(of: code, from: LocalDate("2025-03-01")!, through: LocalDate("2025-03-31")!).count == 5)
    }

    @Test("erase removes the personal record from the file's bytes and its WAL, keeps code and trips; only closed people, after retention or forced")
    func erase() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let names = Dictionary(uniqueKeysWithValues: registry.comuni.map { ($0.istatCode, $0.name) })
        let entry = Self.entry()
        let code = try store.importBeneficiaries([entry], comuneNames: names, actor: actor).added[0]
        let ids = try store.addRequests([request(registry, code: code, date: "2025-03-03")], estimator: registry.convention.distanceEstimator, actor: actor)
        // Update the record a few times, so that old versions of the row sit in free space and in the WAL.
        for phone in ["055 1", "055 2", "055 3"] {
            _ = try store.importBeneficiaries([Self.entry(phone: phone)], comuneNames: names, actor: actor)
        }
        #expect(throws: StoreError.self) { try store.eraseBeneficiary(code, retentionDays: 0, force: false, actor: actor) }
        try store.closeBeneficiary(code, on: LocalDate("2025-06-30")!, reason: .deceased, note: nil, actor: actor)
        let early = #expect(throws: StoreError.self) { try store.eraseBeneficiary(code, retentionDays: 3650, force: false, actor: actor) }
        #expect("\(early!)".contains("--force"))
        let path = dir.path("db.sqlite")
        func bytes() -> Data {
            (FileManager.default.contents(atPath: path) ?? Data()) + (FileManager.default.contents(atPath: path + "-wal") ?? Data())
        }
        #expect(bytes().range(of: Data("Zelinda".utf8)) != nil)
        try store.eraseBeneficiary(code, retentionDays: 3650, force: true, actor: Actor("tester", reason: "asked by the family"))
        let after = bytes()
        for secret in ["Zelinda", "Quercioli", entry.personal.codiceFiscale, "Pozzo Segreto", "Frescobaldi", "PAI-2025-77", "terzo piano"] {
            #expect(after.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        let file = try #require(try store.beneficiaryFile(code))
        #expect(file.personal == nil && file.referral == nil && file.erasedOn != nil)
        #expect(try store.trip(ids[0][0])?.beneficiary == code)
        #expect(try store.trip(ids[0][0])?.pickup.label == "(indirizzo cancellato)" && store.trip(ids[0][0])?.destination.placeCode == "OSP-CAREGGI")
        #expect(try store.auditTrail(entity: "beneficiary", id: code).last?.action == "beneficiary.erase")
        #expect(throws: StoreError.self) { try store.updateBeneficiary(code, personal: entry.personal, referral: nil, authorisation: nil, comuneNames: names, actor: actor) }
    }

    @Test("an erase while another program reads the database says so, and erasing again finishes the cleaning")
    func eraseWhileRead() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let names = Dictionary(uniqueKeysWithValues: registry.comuni.map { ($0.istatCode, $0.name) })
        let code = try store.importBeneficiaries([Self.entry()], comuneNames: names, actor: actor).added[0]
        try store.closeBeneficiary(code, on: LocalDate("2025-06-30")!, reason: .refused, note: nil, actor: actor)
        let path = dir.path("db.sqlite")
        // Another program holds a read transaction open while the record is erased.
        let reader = try DatabaseQueue(path: path)
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM beneficiary_personal")
                started.signal()
                release.wait()
            }
            finished.signal()
        }
        started.wait()
        let clean = try store.eraseBeneficiary(code, retentionDays: 0, force: false, actor: actor)
        release.signal()
        finished.wait()
        #expect(clean == false)
        #expect(try store.beneficiaryFile(code)?.personal == nil)
        try reader.close()
        #expect(try store.eraseBeneficiary(code, retentionDays: 0, force: false, actor: actor) == true)
        let bytes = (FileManager.default.contents(atPath: path) ?? Data()) + (FileManager.default.contents(atPath: path + "-wal") ?? Data())
        #expect(bytes.range(of: Data("Zelinda".utf8)) == nil)
    }

    @Test("people recorded before the full record are found by their name and phone, also after an upgrade")
    func legacyFind() throws {
        let dir = try TemporaryDirectory()
        let legacyPath = dir.path("legacy.sqlite")
        let legacy = try Store.openLegacy(path: legacyPath, migrations: Store.knownMigrations.firstIndex(of: "v10_people")!)
        try legacy.write { db in
            try db.execute(sql: """
                INSERT INTO comune(istat_code, name, population, lat, lon, in_zone) VALUES ('048041', 'Scandicci', 50070, 43.755, 11.189, 1);
                INSERT INTO beneficiary(code, comune, needs, activated_on, referred_by) VALUES ('BOLD01', '048041', 0, '2025-01-01', 'pua');
                INSERT INTO beneficiary_personal(code, name, phone, address, home_lat, home_lon) VALUES ('BOLD01', 'Zelinda Bellè', '+39 333 7654321', 'Via Roma 1, Scandicci', 43.7, 11.2);
                """)
        }
        try legacy.close()
        let upgraded = try Store(path: legacyPath, clock: fixedClock)
        let day = LocalDate("2025-03-01")!
        #expect(try upgraded.findBeneficiaries("belle", on: day).map(\.code) == ["BOLD01"])
        #expect(try upgraded.findBeneficiaries("7654321", on: day).first?.surname == "Zelinda Bellè")

        let (store, _) = try loadedStore(dir)
        let person = Beneficiary(code: "BNEW01", comune: "048041", needs: [], activatedOn: day, referredBy: .pua)
        try store.addBeneficiaries([(person, BeneficiaryPersonalData(code: "BNEW01", name: "Niccolò Quercioli", phone: "055 1",
                                                                     address: "Via Roma 2, Scandicci", home: Coordinate(latitude: 43.7, longitude: 11.2)))],
                                   actor: actor)
        #expect(try store.findBeneficiaries("niccolo", on: day).map(\.code) == ["BNEW01"])
    }

    @Test("erase waits for the closing day to pass; suspensions need a reason and never overlap")
    func eraseAndSuspensionRules() throws {
        let dir = try TemporaryDirectory()
        let (store, registry) = try loadedStore(dir)
        let names = Dictionary(uniqueKeysWithValues: registry.comuni.map { ($0.istatCode, $0.name) })
        let code = try store.importBeneficiaries([Self.entry()], comuneNames: names, actor: actor).added[0]
        #expect(throws: StoreError.self) { try store.suspendBeneficiary(code, from: LocalDate("2025-12-01")!, to: LocalDate("2025-12-05")!, reason: " ", actor: actor) }
        _ = try store.suspendBeneficiary(code, from: LocalDate("2025-12-01")!, to: LocalDate("2025-12-05")!, reason: "ricovero", actor: actor)
        do {
            _ = try store.suspendBeneficiary(code, from: LocalDate("2025-12-04")!, to: LocalDate("2025-12-09")!, reason: "ricovero", actor: actor)
            Issue.record("an overlapping suspension was accepted")
        } catch let error as StoreError {
            #expect("\(error)".contains("already suspended from 2025-12-01 to 2025-12-05"))
        }
        // The store's clock says 2025-11-24: a person closed from 2025-12-16 may still travel until then.
        try store.closeBeneficiary(code, on: LocalDate("2025-12-15")!, reason: .moved, note: nil, actor: actor)
        do {
            _ = try store.eraseBeneficiary(code, retentionDays: 0, force: true, actor: actor)
            Issue.record("a person who may still travel was erased")
        } catch let error as StoreError {
            #expect("\(error)".contains("once that day has come"))
        }
        #expect(try store.beneficiaryFile(code) != nil)
    }
}
