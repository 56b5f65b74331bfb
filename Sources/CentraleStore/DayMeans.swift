import CentraleDomain
import GRDB

/// The associations' means of a day (`DayCrews`): their volunteers' shifts and absences and
/// their vehicles in service, read in one snapshot.
extension Store {
    /// The crews and capacity of `association` on `date`.
    public func dayCrews(of association: String, on date: LocalDate) throws -> DayCrews {
        let registry = try registry()
        guard let member = registry.associations.first(where: { $0.code == association }) else {
            throw StoreError.notFound(entity: .association, id: association, known: registry.associations.map(\.code).sorted())
        }
        return try pool.read { db in
            try Self.dayCrews(db, [member], on: date, planning: registry.convention.planning)[association]!
        }
    }

    /// The crews and capacity of every association on `date`, by code.
    public func dayCrews(on date: LocalDate) throws -> [String: DayCrews] {
        let registry = try registry()
        return try pool.read { db in try Self.dayCrews(db, registry.associations, on: date, planning: registry.convention.planning) }
    }

    /// The crews and capacity of each of `associations` on `date`, by code.
    static func dayCrews(_ db: Database, _ associations: [CentraleDomain.Association], on date: LocalDate,
                         planning: PlanningRules) throws -> [String: DayCrews] {
        dayCrews(associations, volunteers: try allVolunteers(db), offTheRoad: try offTheRoad(db, on: date), on: date, planning: planning)
    }

    /// The same from what a caller has already read (the volunteers by association, the plates off the road).
    static func dayCrews(_ associations: [CentraleDomain.Association], volunteers: [String: [Volunteer]], offTheRoad off: Set<String>,
                         on date: LocalDate, planning: PlanningRules) -> [String: DayCrews] {
        var result: [String: DayCrews] = [:]
        for association in associations {
            result[association.code] = DayCrews.of(association, volunteers: volunteers[association.code] ?? [], offTheRoad: off,
                                                   on: date, planning: planning)
        }
        return result
    }

    /// Every registered volunteer with absences, by association.
    static func allVolunteers(_ db: Database) throws -> [String: [Volunteer]] {
        var absences: [String: [Absence]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT association, code, from_date, to_date, reason FROM volunteer_absence ORDER BY from_date, id") {
            let key = (row[0] as String) + "\u{0}" + (row[1] as String)
            absences[key, default: []].append(Absence(from: try row.decode(LocalDate.self, atIndex: 2), to: try row.decode(LocalDate.self, atIndex: 3),
                                                      reason: row[4]))
        }
        var result: [String: [Volunteer]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM volunteer ORDER BY association, code") {
            var volunteer = try volunteerRow(row)
            volunteer.absences = absences[volunteer.association + "\u{0}" + volunteer.code] ?? []
            result[volunteer.association, default: []].append(volunteer)
        }
        return result
    }
}
