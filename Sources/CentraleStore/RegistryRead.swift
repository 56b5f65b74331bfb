import CentraleDomain
import CentraleRegistry
import GRDB

extension Store {
    /// The registry as stored: comuni, places, associations with fleets, and the convention
    /// version in force (the latest loaded).
    /// - Throws: `StoreError.noRegistry` if `centrale init` was never run on this database.
    public func registry() throws -> Registry {
        let (comuni, places, associations, source) = try pool.read { db in
            let comuni = try Row.fetchAll(db, sql: "SELECT * FROM comune ORDER BY istat_code").map { row in
                Comune(istatCode: row["istat_code"], name: row["name"], population: row["population"],
                       centroid: Coordinate(latitude: row["lat"], longitude: row["lon"]), inZone: row["in_zone"],
                       neighbours: (row["neighbours"] as String).split(separator: " ").map(String.init))
            }
            let places = try Row.fetchAll(db, sql: "SELECT * FROM place ORDER BY code").map { row in
                Place(code: row["code"], name: row["name"], kind: try row.decode(forColumn: "kind"), comune: row["comune"],
                      location: Coordinate(latitude: row["lat"], longitude: row["lon"]), address: row["address"])
            }
            var coverage: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT association, comune FROM association_comune ORDER BY association, comune") {
                coverage[row["association"], default: []].append(row["comune"])
            }
            var fleets: [String: [Vehicle]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM vehicle ORDER BY plate") {
                fleets[row["association"], default: []].append(
                    Vehicle(plate: row["plate"], seats: row["seats"], wheelchairPlaces: row["wheelchair_places"],
                            stretcher: row["stretcher"], active: row["active"]))
            }
            let associations = try Row.fetchAll(db, sql: "SELECT * FROM association ORDER BY code").map { row in
                let code: String = row["code"]
                return CentraleDomain.Association(
                    code: code, name: row["name"], kind: try row.decode(forColumn: "kind"),
                    baseComune: row["base_comune"], base: Coordinate(latitude: row["base_lat"], longitude: row["base_lon"]),
                    baseAddress: row["base_address"], serves: coverage[code] ?? [], dailyCapacity: row["daily_capacity"],
                    shareBasisPoints: row["share_bp"], vehicles: fleets[code] ?? [],
                    leftOn: try row.decode(forColumn: "left_on"))
            }
            let source = try String.fetchOne(db, sql: "SELECT source FROM convention_version ORDER BY id DESC LIMIT 1")
            return (comuni, places, associations, source)
        }
        guard let source, !comuni.isEmpty else { throw StoreError.noRegistry(path: path) }
        let convention = try Registry.decodeConvention(source, fileName: "\(path) (stored convention)")
        return Registry(comuni: comuni, places: places, associations: associations, convention: convention,
                        conventionSource: source)
    }

    /// Row counts of the main tables, for summaries and checks.
    public func counts() throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for table in ["comune", "place", "association", "vehicle", "beneficiary", "trip", "assignment", "trip_log", "audit_log"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}
