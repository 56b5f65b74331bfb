import CentraleDomain
import CentraleFormats
import Foundation
import GRDB


/// A trip whose confirmation was withdrawn, or that an accepted plan puts on a vehicle, when a
/// volunteer became absent or a vehicle went off the road.
public struct AffectedTrip: Hashable, Sendable {
    public var trip: Int64
    public var date: LocalDate
    /// What happened to it.
    public var note: AffectedNote
}

/// What happened to an affected trip, in each language.
public enum AffectedNote: Message, Hashable {
    /// Its confirmation was withdrawn: the driver can no longer drive it.
    case driverCannot([CredentialProblem])
    /// Its confirmation was withdrawn: the vehicle is off the road.
    case vehicleOff(String)
    /// The accepted plan still puts it on the vehicle off the road.
    case planOnVehicle(String)

    public var italian: String {
        switch self {
        case .driverCannot(let problems): "conferma ritirata: " + problems.map(\.italian).joined(separator: "; ")
        case .vehicleOff(let plate): "conferma ritirata: il mezzo \(plate) è fermo"
        case .planOnVehicle(let plate): "il giro accettato lo mette sul mezzo \(plate): pianifica di nuovo la giornata"
        }
    }

    public var english: String {
        switch self {
        case .driverCannot(let problems): "confirmation withdrawn: " + problems.map(\.english).joined(separator: "; ")
        case .vehicleOff(let plate): "confirmation withdrawn: vehicle \(plate) off the road"
        case .planOnVehicle(let plate): "the accepted plan puts it on \(plate): plan the day again"
        }
    }
}

/// Volunteers, registered per association under pseudonymous codes, and their absences.
extension Store {
    /// Decodes a `volunteer` row; a stored value that is not valid (a date, the shifts) throws.
    static func volunteerRow(_ row: Row) throws -> Volunteer {
        let text: String = try row.decode(forColumn: "shifts")
        guard let shifts = ShiftPattern(parsing: text) else {
            throw StoreError.refused(.database(.damagedShifts(volunteer: row["code"] as String? ?? "?", shifts: text)))
        }
        return Volunteer(association: row["association"], code: row["code"], licenceCategory: row["licence_category"],
                         licenceExpiry: try row.decode(LocalDate?.self, forColumn: "licence_expiry"), birthYear: row["birth_year"],
                         insurancePolicy: row["insurance_policy"], insuredUntil: try row.decode(LocalDate?.self, forColumn: "insured_until"),
                         qualifications: try row.decode(forColumn: "qualifications"), shifts: shifts)
    }

    static func volunteer(_ db: Database, association: String, code: String) throws -> Volunteer? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM volunteer WHERE association = ? AND code = ?"),
                                         arguments: [association, code]) else { return nil }
        var volunteer = try volunteerRow(row)
        volunteer.absences = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT from_date, to_date, reason FROM volunteer_absence WHERE association = ? AND code = ? ORDER BY from_date, id
            """), arguments: [association, code]).map { Absence(from: try $0.decode(LocalDate.self, atIndex: 0), to: try $0.decode(LocalDate.self, atIndex: 1), reason: $0[2]) }
        return volunteer
    }

    /// One volunteer with absences, or nil if not registered.
    public func volunteer(association: String, code: String) throws -> Volunteer? {
        try pool.read { db in try Self.volunteer(db, association: association, code: code) }
    }

    /// An association's volunteers, by code, with their absences.
    public func volunteers(of association: String) throws -> [Volunteer] {
        try pool.read { db in
            try Self.requireAssociation(db, association)
            return try String.fetchAll(db, sql: "SELECT code FROM volunteer WHERE association = ? ORDER BY code", arguments: [association])
                .compactMap { try Self.volunteer(db, association: association, code: $0) }
        }
    }

    private func writeVolunteer(_ db: Database, _ v: Volunteer, insert: Bool) throws {
        let values: StatementArguments = [v.licenceCategory, v.licenceExpiry?.description, v.birthYear, v.insurancePolicy,
                                          v.insuredUntil?.description, v.qualifications.rawValue, v.shifts.description == "-" ? "" : v.shifts.description,
                                          v.association, v.code]
        if insert {
            try db.execute(sql: """
                INSERT INTO volunteer(licence_category, licence_expiry, birth_year, insurance_policy, insured_until, qualifications, shifts,
                  association, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: values)
        } else {
            try db.execute(sql: """
                UPDATE volunteer SET licence_category = ?, licence_expiry = ?, birth_year = ?, insurance_policy = ?, insured_until = ?,
                  qualifications = ?, shifts = ? WHERE association = ? AND code = ?
                """, arguments: values)
        }
    }

    private func volunteerDetails(_ v: Volunteer) -> [String: AuditValue] {
        ["association": .text(v.association), "licence": .text(v.licenceCategory), "licence_expiry": .text(v.licenceExpiry?.description ?? "-"),
         "birth_year": .text(String(v.birthYear)), "insured_until": .text(v.insuredUntil?.description ?? "-"),
         "qualifications": .text(v.qualifications.description), "shifts": .text(v.shifts.description)]
    }

    /// Registers volunteers (a whole import: all or nothing), each audited. With
    /// `updatingExisting` (an import), a code already registered has its record replaced
    /// (absences kept) when it changed, and its coming confirmed trips it may no longer drive
    /// lose their confirmation; without, it is refused. Returns (added, updated, affected trips).
    @discardableResult
    public func addVolunteers(_ volunteers: [Volunteer], updatingExisting: Bool = false, averageSpeedKmh: Int = PlanningRules().averageSpeedKmh,
                              actor: Actor) throws -> (added: Int, updated: Int, affected: [AffectedTrip]) {
        let at = timestamp()
        return try pool.write { db in
            var added = 0, updated = 0
            var affected: [AffectedTrip] = []
            for v in volunteers {
                try Self.requireAssociation(db, v.association)
                if var existing = try Self.volunteer(db, association: v.association, code: v.code) {
                    guard updatingExisting else {
                        throw StoreError.refused(.crew(.volunteerExists(v.code, association: v.association)))
                    }
                    let absences = existing.absences
                    existing.absences = []
                    guard existing != v else { continue }
                    var replaced = v
                    replaced.absences = absences
                    try writeVolunteer(db, replaced, insert: false)
                    try audit(db, actor, action: "volunteer.update", entity: "volunteer", id: "\(v.association)/\(v.code)", details: volunteerDetails(v), at: at)
                    affected += try withdrawConfirmations(db, driver: replaced, from: today(), averageSpeedKmh: averageSpeedKmh, actor: actor, at: at)
                    updated += 1
                    continue
                }
                try writeVolunteer(db, v, insert: true)
                for absence in v.absences { try insertAbsence(db, v, absence) }
                try audit(db, actor, action: "volunteer.add", entity: "volunteer", id: "\(v.association)/\(v.code)", details: volunteerDetails(v), at: at)
                added += 1
            }
            return (added, updated, affected)
        }
    }

    /// Changes a registered volunteer (`change` edits the record as stored), audited. Returns the
    /// trips whose confirmation was withdrawn because the volunteer no longer qualifies for them.
    @discardableResult
    public func updateVolunteer(association: String, code: String, actor: Actor, averageSpeedKmh: Int,
                                _ change: (inout Volunteer) throws -> Void) throws -> [AffectedTrip] {
        let at = timestamp()
        return try pool.write { db in
            try Self.requireAssociation(db, association)
            guard var v = try Self.volunteer(db, association: association, code: code) else {
                throw StoreError.notFound(entity: .volunteer(of: association), id: code)
            }
            try change(&v)
            try writeVolunteer(db, v, insert: false)
            try audit(db, actor, action: "volunteer.update", entity: "volunteer", id: "\(association)/\(code)", details: volunteerDetails(v), at: at)
            return try withdrawConfirmations(db, driver: v, from: today(), averageSpeedKmh: averageSpeedKmh, actor: actor, at: at)
        }
    }

    private func insertAbsence(_ db: Database, _ v: Volunteer, _ absence: Absence) throws {
        try db.execute(sql: "INSERT INTO volunteer_absence(association, code, from_date, to_date, reason) VALUES (?, ?, ?, ?, ?)",
                       arguments: [v.association, v.code, absence.from.description, absence.to.description, absence.reason])
    }

    /// Records an absence, audited. The volunteer's confirmed trips in it lose their
    /// confirmation (the association must confirm them again with another driver); returned.
    public func addAbsence(association: String, code: String, _ absence: Absence, averageSpeedKmh: Int, actor: Actor) throws -> [AffectedTrip] {
        let at = timestamp()
        return try pool.write { db in
            try Self.requireAssociation(db, association)
            guard var v = try Self.volunteer(db, association: association, code: code) else {
                throw StoreError.notFound(entity: .volunteer(of: association), id: code)
            }
            try insertAbsence(db, v, absence)
            v.absences.append(absence)
            try audit(db, actor, action: "volunteer.absent", entity: "volunteer", id: "\(association)/\(code)",
                      details: ["from": .text(absence.from.description), "to": .text(absence.to.description), "reason": .text(absence.reason)], at: at)
            return try withdrawConfirmations(db, driver: v, from: absence.from, averageSpeedKmh: averageSpeedKmh, actor: actor, at: at)
        }
    }

    /// Withdraws the confirmations of `driver`'s trips from `from` on that the driver may no longer drive.
    private func withdrawConfirmations(_ db: Database, driver: Volunteer, from: LocalDate, averageSpeedKmh: Int,
                                       actor: Actor, at: String) throws -> [AffectedTrip] {
        let ids = try Int64.fetchAll(db, sql: """
            SELECT trip_confirmation.trip FROM trip_confirmation JOIN trip ON trip.id = trip_confirmation.trip
            WHERE trip_confirmation.association = ? AND trip_confirmation.driver = ? AND trip.date >= ? AND trip.status = 'assigned'
            ORDER BY trip.date, trip.appointment, trip.id
            """, arguments: [driver.association, driver.code, from.description])
        var affected: [AffectedTrip] = []
        for id in ids {
            guard let record = try Self.tripRecord(db, id) else { continue }
            let window = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: averageSpeedKmh)
            let problems = VolunteerRules.driverProblems(driver, trip: record.trip, window: window)
            guard !problems.isEmpty else { continue }
            try withdrawConfirmation(db, record, because: problems.map(\.english).joined(separator: "; "), actor: actor, at: at)
            affected.append(AffectedTrip(trip: id, date: record.trip.date, note: .driverCannot(problems)))
        }
        return affected
    }

    func withdrawConfirmation(_ db: Database, _ record: TripRecord, because reason: String, actor: Actor, at: String) throws {
        try db.execute(sql: "DELETE FROM trip_confirmation WHERE trip = ?", arguments: [record.trip.id])
        try db.execute(sql: "UPDATE assignment SET vehicle = NULL WHERE trip = ?", arguments: [record.trip.id])
        try db.execute(sql: "UPDATE trip SET version = version + 1 WHERE id = ?", arguments: [record.trip.id])
        try audit(db, actor, action: "confirmation.withdraw", entity: "trip", id: String(record.trip.id), details: ["why": .text(reason)], at: at)
    }
}
