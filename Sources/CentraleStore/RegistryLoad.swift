import CentraleDomain
import CentraleFormats
import CentraleRegistry
import GRDB

/// What `Store.load(_:)` did: per kind of record, how many were added, updated or unchanged.
public struct RegistryLoadSummary: Sendable {
    /// Records added, by kind (`comune`, `place`, `association`, `vehicle`).
    public var added: [String: Int] = [:]
    /// Records whose fields changed, by kind.
    public var updated: [String: Int] = [:]
    /// Records already identical.
    public var unchanged = 0
    /// The id of the convention version in force after the load.
    public var conventionVersion: Int64 = 0
    /// Whether the convention text was new (a new version was stored).
    public var conventionIsNew = false
    /// Associations that left the convention with this load, with the day and how many of
    /// their open trips went back to the dispatcher's queue.
    public var departures: [(code: String, on: LocalDate, tripsReleased: Int)] = []

    /// Whether the load changed nothing at all.
    public var changedNothing: Bool { added.isEmpty && updated.isEmpty && !conventionIsNew && departures.isEmpty }
}

extension Store {
    /// Loads a registry into the database in one transaction: adds what is new, updates what
    /// changed (each change audited with the old and new values), leaves the rest alone.
    /// Loading the same registry twice changes nothing.
    ///
    /// An association in the database but no longer in the registry has left the convention:
    /// `leaving` must give the day it leaves (else nothing is written and the error names it).
    /// From that day it takes no trips, its share becomes 0 and its open trips from that day on
    /// go back to the dispatcher's queue (pending), each audited; its history and statements stay.
    public func load(_ registry: Registry, leaving: [String: LocalDate] = [:], actor: Actor) throws -> RegistryLoadSummary {
        let at = timestamp()
        return try pool.write { db in
            var summary = RegistryLoadSummary()
            let shares = registry.associations.reduce(0) { $0 + $1.shareBasisPoints }
            guard shares == 10_000 else {
                throw StoreError.refused(.registry(.sharesNot100(basisPoints: shares)))
            }
            let inFile = Set(registry.associations.map(\.code))
            for code in leaving.keys.sorted() where inFile.contains(code) {
                throw StoreError.refused(.registry(.leavingStillInFile(code)))
            }
            let members = try Row.fetchAll(db, sql: "SELECT code, left_on FROM association ORDER BY code")
            let gone = members.filter { !inFile.contains($0["code"] as String) && ($0["left_on"] as String?) == nil }.map { $0["code"] as String }
            let undated = gone.filter { leaving[$0] == nil }
            if !undated.isEmpty {
                throw StoreError.refused(.registry(.departuresUndated(undated)))
            }
            for code in leaving.keys.sorted() where !members.contains(where: { $0["code"] as String == code }) {
                throw StoreError.notFound(entity: .association, id: code)
            }
            for code in gone {
                let day = leaving[code]!
                summary.departures.append((code, day, try depart(db, code, on: day, actor: actor, at: at)))
            }
            for comune in registry.comuni {
                try upsert(db, "comune", key: ("istat_code", comune.istatCode), [
                    "name": comune.name, "population": comune.population, "lat": comune.centroid.latitude,
                    "lon": comune.centroid.longitude, "in_zone": comune.inZone, "neighbours": comune.neighbours.joined(separator: " "),
                ], actor: actor, at: at, summary: &summary)
            }
            for place in registry.places {
                try upsert(db, "place", key: ("code", place.code), [
                    "name": place.name, "kind": place.kind.rawValue, "comune": place.comune, "lat": place.location.latitude,
                    "lon": place.location.longitude, "address": place.address,
                ], actor: actor, at: at, summary: &summary)
            }
            for association in registry.associations {
                let changed = try upsert(db, "association", key: ("code", association.code), [
                    "name": association.name, "kind": association.kind.rawValue, "base_comune": association.baseComune,
                    "base_lat": association.base.latitude, "base_lon": association.base.longitude,
                    "base_address": association.baseAddress, "daily_capacity": association.dailyCapacity,
                    "share_bp": association.shareBasisPoints, "left_on": DatabaseValue.null,
                ], actor: actor, at: at, summary: &summary)
                try syncCoverage(db, association, countAsUpdate: !changed, actor: actor, at: at, summary: &summary)
                for vehicle in association.vehicles {
                    try upsert(db, "vehicle", key: ("plate", vehicle.plate), [
                        "association": association.code, "seats": vehicle.seats, "wheelchair_places": vehicle.wheelchairPlaces,
                        "stretcher": vehicle.stretcher, "active": vehicle.active,
                    ], actor: actor, at: at, summary: &summary)
                }
            }
            try loadConvention(db, registry.conventionSource, registry.convention, actor: actor, at: at, summary: &summary)
            return summary
        }
    }

    /// Records that an association leaves the convention on `day` and sends its open trips from
    /// that day on back to the queue; returns how many.
    private func depart(_ db: Database, _ code: String, on day: LocalDate, actor: Actor, at: String) throws -> Int {
        let share = try Int.fetchOne(db, sql: "SELECT share_bp FROM association WHERE code = ?", arguments: [code]) ?? 0
        try db.execute(sql: "UPDATE association SET left_on = ?, share_bp = 0 WHERE code = ?", arguments: [day.description, code])
        try audit(db, actor, action: "association.leave", entity: "association", id: code,
                  details: ["left_on": .text(day.description), "share_bp": .text("\(share) → 0")], at: at)
        let open = try Int64.fetchAll(db, sql: """
            SELECT t.id FROM trip t JOIN assignment a ON a.trip = t.id
            WHERE a.association = ? AND t.date >= ? AND t.status = 'assigned'
              AND NOT EXISTS (SELECT 1 FROM trip_log l WHERE l.trip = t.id)
            ORDER BY t.id
            """, arguments: [code, day.description])
        for id in open {
            try db.execute(sql: "DELETE FROM assignment WHERE trip = ?", arguments: [id])
            try db.execute(sql: "UPDATE trip SET status = 'pending', status_reason = ?, version = version + 1 WHERE id = ?",
                           arguments: [TripStatusReason.associationLeft(association: code, on: day).stored, id])
            try audit(db, actor, action: "assignment.release", entity: "trip", id: String(id),
                      details: ["association": .text(code), "reason": .text("left the convention on \(day)")], at: at)
        }
        return open.count
    }

    /// Inserts or updates one registry row; returns whether it changed anything.
    @discardableResult
    private func upsert(_ db: Database, _ table: String, key: (column: String, value: String),
                        _ values: [String: (any DatabaseValueConvertible)], actor: Actor, at: String,
                        summary: inout RegistryLoadSummary) throws -> Bool {
        let columns = values.keys.sorted()
        let existing = try Row.fetchOne(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(key.column) = ?",
                                        arguments: [key.value])
        guard let existing else {
            let names = [key.column] + columns
            try db.execute(sql: "INSERT INTO \(table)(\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                           arguments: StatementArguments([key.value] + columns.map { values[$0]! })!)
            summary.added[table, default: 0] += 1
            try audit(db, actor, action: "registry.add", entity: table, id: key.value,
                      details: Dictionary(uniqueKeysWithValues: columns.map { ($0, AuditValue(values[$0]!.databaseValue)) }), at: at)
            return true
        }
        var changes: [String: AuditValue] = [:]
        for column in columns where existing[column] as DatabaseValue != values[column]!.databaseValue {
            changes[column] = .text("\(AuditValue(existing[column] as DatabaseValue).json) → \(AuditValue(values[column]!.databaseValue).json)")
        }
        guard !changes.isEmpty else { summary.unchanged += 1; return false }
        let assignments = changes.keys.sorted().map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE \(table) SET \(assignments) WHERE \(key.column) = ?",
                       arguments: StatementArguments(changes.keys.sorted().map { values[$0]! } + [key.value])!)
        summary.updated[table, default: 0] += 1
        try audit(db, actor, action: "registry.update", entity: table, id: key.value, details: changes, at: at)
        return true
    }

    /// Makes the comuni served by an association match the registry.
    private func syncCoverage(_ db: Database, _ association: CentraleDomain.Association, countAsUpdate: Bool, actor: Actor, at: String,
                              summary: inout RegistryLoadSummary) throws {
        let current = Set(try String.fetchAll(db, sql: "SELECT comune FROM association_comune WHERE association = ?",
                                              arguments: [association.code]))
        let wanted = Set(association.serves)
        guard current != wanted else { return }
        try db.execute(sql: "DELETE FROM association_comune WHERE association = ?", arguments: [association.code])
        for comune in association.serves {
            try db.execute(sql: "INSERT INTO association_comune(association, comune) VALUES (?, ?)", arguments: [association.code, comune])
        }
        if !current.isEmpty {
            if countAsUpdate { summary.updated["association", default: 0] += 1; summary.unchanged -= 1 }
            try audit(db, actor, action: "registry.update", entity: "association", id: association.code,
                      details: ["serves": .text("\(current.sorted().joined(separator: " ")) → \(association.serves.sorted().joined(separator: " "))")],
                      at: at)
        }
    }

    /// Stores the convention text as a new version unless it is the text already in force
    /// (the latest version); going back to an earlier text stores it again as the newest.
    private func loadConvention(_ db: Database, _ source: String, _ convention: Convention, actor: Actor, at: String,
                                summary: inout RegistryLoadSummary) throws {
        let digest = SHA256.hex(of: source)
        let latest = try Row.fetchOne(db, sql: "SELECT id, sha256, source FROM convention_version ORDER BY id DESC LIMIT 1")
        if let latest, latest["sha256"] as String == digest {
            summary.conventionVersion = latest["id"]
            return
        }
        if let latest {
            let stored = try Registry.decodeConvention(latest["source"], fileName: "\(path) (stored convention)")
            try Self.refuseTariffRedefinition(db, stored: stored, new: convention)
        }
        try db.execute(sql: "INSERT INTO convention_version(loaded_at, sha256, source) VALUES (?, ?, ?)",
                       arguments: [at, digest, source])
        summary.conventionVersion = db.lastInsertedRowID
        summary.conventionIsNew = true
        try audit(db, actor, action: "convention.load", entity: "convention_version", id: String(db.lastInsertedRowID), details: [
            "sha256": .text(digest), "name": .text(convention.name),
            "tariffs": .text(convention.tariffs.map { "\($0.id) from \($0.validFrom)" }.joined(separator: ", ")),
        ], at: at)
    }
}

extension Store {
    /// Refuses a convention that would price an already logged trip by a different tariff: a
    /// tariff used by a statement or by logs cannot be redefined in place, only followed by a
    /// new version from a later date.
    static func refuseTariffRedefinition(_ db: Database, stored: Convention, new: Convention) throws {
        let dates = try String.fetchAll(db, sql: """
            SELECT DISTINCT t.date FROM trip_log l JOIN trip t ON t.id = l.trip ORDER BY t.date
            """).compactMap(LocalDate.init)
        // Per tariff in force before, the logged days it would no longer price as it did, and why.
        var changed: [String: (first: LocalDate, last: LocalDate, replacedBy: RegistryRefusal.Replacement?)] = [:]
        for date in dates {
            let before = stored.tariff(on: date), after = new.tariff(on: date)
            guard before != after else { continue }
            let name = before?.id ?? "none"
            let span = changed[name]
            let replacement: RegistryRefusal.Replacement? = after?.id == before?.id
                ? nil : after.map { RegistryRefusal.Replacement.tariff($0.id, validFrom: $0.validFrom) } ?? .noTariff
            changed[name] = (span?.first ?? date, date, replacement)
        }
        guard !changed.isEmpty, let lastLogged = dates.last else { return }
        let lines = changed.keys.sorted().map { id in
            let span = changed[id]!
            return RegistryRefusal.TariffChange(tariff: id, first: span.first, last: span.last, replacement: span.replacedBy)
        }
        throw StoreError.refused(.registry(.tariffRedefined(lines, lastLogged: lastLogged)))
    }
}

extension AuditValue {
    /// The audit form of a database value.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .int(Int(i))
        case .double(let d): self = .text(String(d))
        case .string(let s): self = .text(s)
        case .blob(let b): self = .text("<\(b.count) bytes>")
        }
    }
}
