import CentraleDomain
import CentraleRegistry
import GRDB
import Testing
@testable import CentraleStore

@Suite("Registry in the store")
struct RegistryStoreTests {
    let actor = Actor("tester", reason: "test")

    @Test("loading the registry twice changes nothing the second time")
    func idempotent() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        let registry = try Registry.embedded()
        let first = try store.load(registry, actor: actor)
        #expect(first.added["association"] == 26)
        #expect(first.conventionIsNew)
        let auditAfterFirst = try store.auditTrail().count
        let dumpAfterFirst = try dump(store)
        let second = try store.load(registry, actor: actor)
        #expect(second.changedNothing)
        #expect(second.conventionVersion == first.conventionVersion)
        #expect(try store.auditTrail().count == auditAfterFirst)
        #expect(try dump(store) == dumpAfterFirst)
    }

    @Test("a changed registry updates what changed and audits old and new values")
    func update() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        var registry = try Registry.embedded()
        _ = try store.load(registry, actor: actor)
        registry.associations[0].dailyCapacity += 5
        registry.associations[1].serves.append("048046")
        let summary = try store.load(registry, actor: Actor("anna", reason: "new capacity agreed"))
        #expect(summary.updated["association"] == 2)
        #expect(!summary.conventionIsNew)
        let code = registry.associations[0].code
        let entry = try #require(try store.auditTrail(entity: "association", id: code).last)
        #expect(entry.action == "registry.update")
        #expect(entry.actor == "anna")
        #expect(entry.reason == "new capacity agreed")
        #expect(entry.details.contains("\"daily_capacity\":\"\(registry.associations[0].dailyCapacity - 5) → \(registry.associations[0].dailyCapacity)\""))
        #expect(try store.registry().associations.first { $0.code == registry.associations[1].code }?.serves.contains("048046") == true)
    }

    @Test("a load that fails half-way writes nothing")
    func allOrNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        var registry = try Registry.embedded()
        _ = try store.load(registry, actor: actor)
        let before = try dump(store)
        registry.associations[0].dailyCapacity += 1             // a valid change, written first…
        registry.places.append(Place(code: "BROKEN", name: "x", kind: .other, comune: "999999",
                                     location: Coordinate(latitude: 0, longitude: 0), address: "")) // …then a broken row
        #expect(throws: DatabaseError.self) { try store.load(registry, actor: actor) }
        #expect(try dump(store) == before)
    }

    @Test("the registry read back from the store equals the one loaded")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        let registry = try Registry.embedded()
        _ = try store.load(registry, actor: actor)
        let stored = try store.registry()
        #expect(stored.convention == registry.convention)
        #expect(Set(stored.comuni) == Set(registry.comuni))
        #expect(Set(stored.places) == Set(registry.places))
        let byCode = Dictionary(uniqueKeysWithValues: registry.associations.map { ($0.code, $0) })
        for association in stored.associations {
            let original = try #require(byCode[association.code])
            #expect(Set(association.serves) == Set(original.serves))
            #expect(Set(association.vehicles) == Set(original.vehicles))
            #expect(association.shareBasisPoints == original.shareBasisPoints)
        }
    }

    @Test("an empty database says to run init")
    func noRegistry() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("db.sqlite"), clock: fixedClock)
        #expect(throws: StoreError.noRegistry(path: store.path)) { try store.registry() }
    }
}

/// Every row of every table, for before/after comparisons.
func dump(_ store: Store) throws -> [String] {
    try store.pool.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return try tables.flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
        }
    }
}
