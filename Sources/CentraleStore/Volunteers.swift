import CentraleDomain
import Foundation
import GRDB

/// A licence, an insurance or a vehicle document that expires soon (`centrale expiries`).
public struct Expiry: Hashable, Sendable {
    /// `licence`, `insurance` (a volunteer's, art. 18 CTS), `inspection` or `vehicle insurance`.
    public var what: String
    /// The association.
    public var association: String
    /// The volunteer's code or the vehicle's plate.
    public var subject: String
    /// The last valid day.
    public var validUntil: LocalDate
}

/// A trip whose confirmation was withdrawn, or that an accepted plan puts on a vehicle, when a
/// volunteer became absent or a vehicle went off the road.
public struct AffectedTrip: Hashable, Sendable {
    public var trip: Int64
    public var date: LocalDate
    /// What happened to it.
    public var note: String
}

/// A trip's confirmation: the vehicle and the driver the association sends.
public struct Confirmation: Hashable, Sendable {
    public var trip: Int64
    public var association: String
    public var vehicle: String
    public var driver: String
}

extension Store {
    // MARK: Volunteers

    static func volunteerRow(_ row: Row) throws -> Volunteer {
        Volunteer(association: row["association"], code: row["code"], licenceCategory: row["licence_category"],
                  licenceExpiry: (row["licence_expiry"] as String?).flatMap { LocalDate($0) }, birthYear: row["birth_year"],
                  insurancePolicy: row["insurance_policy"], insuredUntil: (row["insured_until"] as String?).flatMap { LocalDate($0) },
                  qualifications: Needs(rawValue: row["qualifications"]), shifts: ShiftPattern(parsing: row["shifts"] as String) ?? ShiftPattern([]))
    }

    static func volunteer(_ db: Database, association: String, code: String) throws -> Volunteer? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM volunteer WHERE association = ? AND code = ?"),
                                         arguments: [association, code]) else { return nil }
        var volunteer = try volunteerRow(row)
        volunteer.absences = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT from_date, to_date, reason FROM volunteer_absence WHERE association = ? AND code = ? ORDER BY from_date, id
            """), arguments: [association, code]).map { Absence(from: LocalDate($0[0] as String)!, to: LocalDate($0[1] as String)!, reason: $0[2]) }
        return volunteer
    }

    /// One volunteer with absences, or nil if not registered.
    public func volunteer(association: String, code: String) throws -> Volunteer? {
        try pool.read { db in try Self.volunteer(db, association: association, code: code) }
    }

    /// An association's volunteers, by code, with their absences.
    public func volunteers(of association: String) throws -> [Volunteer] {
        try pool.read { db in
            try requireAssociation(db, association)
            return try String.fetchAll(db, sql: "SELECT code FROM volunteer WHERE association = ? ORDER BY code", arguments: [association])
                .compactMap { try Self.volunteer(db, association: association, code: $0) }
        }
    }

    private func requireAssociation(_ db: Database, _ code: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM association WHERE code = ?", arguments: [code]) == true else {
            throw StoreError.notFound(entity: "association", id: code)
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
                try requireAssociation(db, v.association)
                if var existing = try Self.volunteer(db, association: v.association, code: v.code) {
                    guard updatingExisting else {
                        throw StoreError.refused("volunteer \(v.code) is already registered with \(v.association); change them with `centrale volunteer update`")
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
            try requireAssociation(db, association)
            guard var v = try Self.volunteer(db, association: association, code: code) else {
                throw StoreError.notFound(entity: "volunteer of \(association)", id: code)
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
            try requireAssociation(db, association)
            guard var v = try Self.volunteer(db, association: association, code: code) else {
                throw StoreError.notFound(entity: "volunteer of \(association)", id: code)
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
            try withdrawConfirmation(db, record, because: problems.joined(separator: "; "), actor: actor, at: at)
            affected.append(AffectedTrip(trip: id, date: record.trip.date, note: "confirmation withdrawn: " + problems.joined(separator: "; ")))
        }
        return affected
    }

    private func withdrawConfirmation(_ db: Database, _ record: TripRecord, because reason: String, actor: Actor, at: String) throws {
        try db.execute(sql: "DELETE FROM trip_confirmation WHERE trip = ?", arguments: [record.trip.id])
        try db.execute(sql: "UPDATE assignment SET vehicle = NULL WHERE trip = ?", arguments: [record.trip.id])
        try db.execute(sql: "UPDATE trip SET version = version + 1 WHERE id = ?", arguments: [record.trip.id])
        try audit(db, actor, action: "confirmation.withdraw", entity: "trip", id: String(record.trip.id), details: ["why": .text(reason)], at: at)
    }

    // MARK: Vehicles

    private func vehicleAssociation(_ db: Database, _ plate: String) throws -> String {
        guard let association = try String.fetchOne(db, sql: "SELECT association FROM vehicle WHERE plate = ?", arguments: [plate]) else {
            throw StoreError.notFound(entity: "vehicle", id: plate)
        }
        return association
    }

    /// Takes a vehicle off the road for a period, audited. Trips confirmed on it in the period
    /// lose their confirmation, and trips an accepted plan puts on it are flagged; both returned.
    public func vehicleOff(_ plate: String, from: LocalDate, to: LocalDate, reason: String, actor: Actor) throws -> [AffectedTrip] {
        guard to >= from else { throw StoreError.refused("--to (\(to)) is before --from (\(from)); give the last day off the road") }
        let at = timestamp()
        return try pool.write { db in
            _ = try vehicleAssociation(db, plate)
            try db.execute(sql: "INSERT INTO vehicle_off(plate, from_date, to_date, reason) VALUES (?, ?, ?, ?)",
                           arguments: [plate, from.description, to.description, reason])
            try audit(db, actor, action: "vehicle.off", entity: "vehicle", id: plate,
                      details: ["from": .text(from.description), "to": .text(to.description), "reason": .text(reason)], at: at)
            var affected: [AffectedTrip] = []
            for id in try Int64.fetchAll(db, sql: """
                SELECT trip_confirmation.trip FROM trip_confirmation JOIN trip ON trip.id = trip_confirmation.trip
                WHERE trip_confirmation.vehicle = ? AND trip.date BETWEEN ? AND ? AND trip.status = 'assigned' ORDER BY trip.date, trip.appointment, trip.id
                """, arguments: [plate, from.description, to.description]) {
                let record = try Self.tripRecord(db, id)!
                try withdrawConfirmation(db, record, because: "vehicle \(plate) off the road: \(reason)", actor: actor, at: at)
                affected.append(AffectedTrip(trip: id, date: record.trip.date, note: "confirmation withdrawn: vehicle \(plate) off the road"))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT DISTINCT plan_trip.trip, trip.date FROM plan_trip JOIN trip ON trip.id = plan_trip.trip
                WHERE plan_trip.vehicle = ? AND trip.date BETWEEN ? AND ? AND trip.status = 'assigned' ORDER BY trip.date, plan_trip.trip
                """, arguments: [plate, from.description, to.description]) where !affected.contains(where: { $0.trip == row[0] as Int64 }) {
                affected.append(AffectedTrip(trip: row[0], date: LocalDate(row[1] as String)!,
                                             note: "the accepted plan puts it on \(plate): plan the day again"))
            }
            return affected
        }
    }

    /// The plates of the vehicles off the road on `date`.
    public func offTheRoad(on date: LocalDate) throws -> Set<String> {
        try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT plate FROM vehicle_off WHERE from_date <= ? AND to_date >= ?",
                                    arguments: [date.description, date.description]))
        }
    }

    /// The periods a vehicle is off the road that include `date`.
    static func offPeriods(_ db: Database, plate: String, on date: LocalDate) throws -> [Absence] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT from_date, to_date, reason FROM vehicle_off WHERE plate = ? AND from_date <= ? AND to_date >= ?"),
                         arguments: [plate, date.description, date.description])
            .map { Absence(from: LocalDate($0[0] as String)!, to: LocalDate($0[1] as String)!, reason: $0[2]) }
    }

    /// Records (or replaces) a vehicle document's expiry, audited.
    public func setVehicleDocument(_ plate: String, kind: VehicleDocumentKind, reference: String, validUntil: LocalDate, actor: Actor) throws {
        let at = timestamp()
        try pool.write { db in
            _ = try vehicleAssociation(db, plate)
            try db.execute(sql: """
                INSERT INTO vehicle_document(plate, kind, reference, valid_until) VALUES (?, ?, ?, ?)
                ON CONFLICT(plate, kind) DO UPDATE SET reference = excluded.reference, valid_until = excluded.valid_until
                """, arguments: [plate, kind.rawValue, reference, validUntil.description])
            try audit(db, actor, action: "vehicle.document", entity: "vehicle", id: plate,
                      details: ["kind": .text(kind.rawValue), "reference": .text(reference), "valid_until": .text(validUntil.description)], at: at)
        }
    }

    /// Licences, volunteers' insurance and vehicle documents whose last valid day is on or
    /// before `until` (those already expired included), by date.
    public func expiries(until: LocalDate, association: String? = nil) throws -> [Expiry] {
        try pool.read { db in
            let day = until.description
            var result: [Expiry] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT 'licence', association, code, licence_expiry FROM volunteer WHERE licence_expiry IS NOT NULL AND licence_expiry <= ?
                UNION ALL SELECT 'insurance (art. 18 CTS)', association, code, insured_until FROM volunteer WHERE insured_until IS NOT NULL AND insured_until <= ?
                UNION ALL SELECT CASE vehicle_document.kind WHEN 'inspection' THEN 'vehicle inspection' ELSE 'vehicle insurance' END,
                  vehicle.association, vehicle.plate, vehicle_document.valid_until
                  FROM vehicle_document JOIN vehicle ON vehicle.plate = vehicle_document.plate WHERE vehicle_document.valid_until <= ?
                """, arguments: [day, day, day]) {
                let expiry = Expiry(what: row[0], association: row[1], subject: row[2], validUntil: LocalDate(row[3] as String)!)
                if association == nil || association == expiry.association { result.append(expiry) }
            }
            return result.sorted { ($0.validUntil, $0.association, $0.subject, $0.what) < ($1.validUntil, $1.association, $1.subject, $1.what) }
        }
    }

    // MARK: Confirmations and declines

    /// Confirms an assigned trip with a vehicle of its association and a registered driver, in
    /// one transaction with its audit entry.
    ///
    /// Refused, with every reason, when the driver is not registered with the association, has
    /// no valid licence or insurance on the trip's date, is under 21, is not qualified for the
    /// trip's needs, is absent or has no shift covering the trip, or drives another confirmed
    /// trip at the same time; or when the vehicle is another association's, inactive, unsuited
    /// to the needs, off the road that day, has an expired document, or carries another
    /// confirmed trip at the same time.
    public func confirm(trip id: Int64, vehicle plate: String, driver code: String, averageSpeedKmh: Int, actor: Actor) throws -> Confirmation {
        let at = timestamp()
        return try pool.write { db in
            guard let record = try Self.tripRecord(db, id) else { throw StoreError.notFound(entity: "trip", id: String(id)) }
            guard record.trip.status == .assigned, let association = record.assignment?.association else {
                throw StoreError.refused("trip \(id) is \(record.trip.status.rawValue); only an assigned trip can be confirmed")
            }
            let date = record.trip.date
            let window = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: averageSpeedKmh)
            var problems: [String] = []
            // The vehicle.
            guard let vehicleRow = try Row.fetchOne(db, sql: "SELECT * FROM vehicle WHERE plate = ?", arguments: [plate]) else {
                throw StoreError.notFound(entity: "vehicle", id: plate)
            }
            let vehicle = Vehicle(plate: vehicleRow["plate"], seats: vehicleRow["seats"], wheelchairPlaces: vehicleRow["wheelchair_places"],
                                  stretcher: vehicleRow["stretcher"], active: vehicleRow["active"])
            if vehicleRow["association"] as String != association {
                problems.append("vehicle \(plate) belongs to \(vehicleRow["association"] as String), not to \(association)")
            }
            if !vehicle.active {
                problems.append("vehicle \(plate) is not in service")
            } else if !vehicle.canCarry(record.trip.needs) {
                problems.append("vehicle \(plate) cannot carry a passenger who needs \(record.trip.needs)")
            }
            for off in try Self.offPeriods(db, plate: plate, on: date) {
                problems.append("vehicle \(plate) is off the road from \(off.from) to \(off.to) (\(off.reason))")
            }
            for row in try Row.fetchAll(db, sql: "SELECT kind, valid_until FROM vehicle_document WHERE plate = ? AND valid_until < ?",
                                        arguments: [plate, date.description]) {
                problems.append("vehicle \(plate)'s \(row[0] as String) expired on \(row[1] as String)")
            }
            // The driver.
            if let driver = try Self.volunteer(db, association: association, code: code) {
                problems += VolunteerRules.driverProblems(driver, trip: record.trip, window: window)
            } else {
                problems.append("driver \(code) is not registered with \(association); register them with `centrale volunteer add --association \(association)`")
            }
            // Overlapping confirmed trips of the same vehicle or driver.
            for row in try Row.fetchAll(db, sql: """
                SELECT trip_confirmation.trip, trip_confirmation.vehicle, trip_confirmation.driver, trip_confirmation.association
                FROM trip_confirmation JOIN trip ON trip.id = trip_confirmation.trip
                WHERE trip.date = ? AND trip.status = 'assigned' AND trip.id != ?
                  AND (trip_confirmation.vehicle = ? OR (trip_confirmation.association = ? AND trip_confirmation.driver = ?))
                """, arguments: [date.description, id, plate, association, code]) {
                let other = try Self.tripRecord(db, row[0])!
                let otherWindow = VolunteerRules.window(of: other.trip, estimated: other.estimated, averageSpeedKmh: averageSpeedKmh)
                guard VolunteerRules.overlap(window, otherWindow) else { continue }
                let what = (row[1] as String) == plate ? "vehicle \(plate)" : "driver \(code)"
                problems.append("\(what) is already confirmed on trip \(other.trip.id) at \(otherWindow.start)-\(otherWindow.end), "
                                + "which overlaps this trip's \(window.start)-\(window.end)")
            }
            if !problems.isEmpty {
                throw StoreError.refused("trip \(id) cannot be confirmed with \(plate) and \(code): " + problems.joined(separator: "; ")
                                         + "; nothing was written.")
            }
            try db.execute(sql: """
                INSERT INTO trip_confirmation(trip, association, vehicle, driver, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(trip) DO UPDATE SET association = excluded.association, vehicle = excluded.vehicle, driver = excluded.driver,
                  confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by
                """, arguments: [id, association, plate, code, at, actor.name])
            try db.execute(sql: "UPDATE assignment SET vehicle = ? WHERE trip = ?", arguments: [plate, id])
            try db.execute(sql: "UPDATE trip SET version = version + 1 WHERE id = ?", arguments: [id])
            try audit(db, actor, action: "trip.confirm", entity: "trip", id: String(id),
                      details: ["association": .text(association), "vehicle": .text(plate), "driver": .text(code)], at: at)
            return Confirmation(trip: id, association: association, vehicle: plate, driver: code)
        }
    }

    /// Declines an assigned trip for its association, with a reason: the trip goes back to the
    /// dispatcher's queue (pending, marked declined), and dispatch does not offer it to that
    /// association again. `association`, when given, must be the one holding the trip.
    public func decline(trip id: Int64, association expected: String? = nil, reason: String, actor: Actor) throws -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.refused("a decline needs a reason: give --reason") }
        let at = timestamp()
        return try pool.write { db in
            guard let record = try Self.tripRecord(db, id) else { throw StoreError.notFound(entity: "trip", id: String(id)) }
            guard record.trip.status == .assigned, let association = record.assignment?.association else {
                throw StoreError.refused("trip \(id) is \(record.trip.status.rawValue); only an assigned trip can be declined")
            }
            if let expected, expected != association {
                throw StoreError.refused("trip \(id) is assigned to \(association), not to \(expected); only the association holding it can decline it")
            }
            try db.execute(sql: "DELETE FROM trip_confirmation WHERE trip = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM assignment WHERE trip = ?", arguments: [id])
            try db.execute(sql: "UPDATE trip SET status = 'pending', status_reason = ?, version = version + 1 WHERE id = ?",
                           arguments: ["declined by \(association): \(reason)", id])
            try db.execute(sql: "INSERT INTO trip_decline(trip, association, reason, declined_at, declined_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, association, reason, at, actor.name])
            try audit(db, actor, action: "trip.decline", entity: "trip", id: String(id),
                      details: ["association": .text(association), "reason": .text(reason)], at: at)
            return association
        }
    }

    /// The associations that declined each of `trips`.
    static func declines(_ db: Database, trips: [Int64]) throws -> [Int64: Set<String>] {
        guard !trips.isEmpty else { return [:] }
        var result: [Int64: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT trip, association FROM trip_decline WHERE trip IN (\(trips.map(String.init).joined(separator: ",")))") {
            result[row[0], default: []].insert(row[1])
        }
        return result
    }

    /// The associations that declined a trip.
    public func declines(of trip: Int64) throws -> Set<String> {
        try pool.read { db in try Self.declines(db, trips: [trip])[trip] ?? [] }
    }

    /// The confirmations of an association's trips on a day, by trip.
    public func confirmations(of association: String, on date: LocalDate) throws -> [Int64: Confirmation] {
        try pool.read { db in
            var result: [Int64: Confirmation] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT trip_confirmation.trip, trip_confirmation.vehicle, trip_confirmation.driver FROM trip_confirmation
                JOIN trip ON trip.id = trip_confirmation.trip WHERE trip_confirmation.association = ? AND trip.date = ?
                """, arguments: [association, date.description]) {
                result[row[0]] = Confirmation(trip: row[0], association: association, vehicle: row[1], driver: row[2])
            }
            return result
        }
    }
}

extension Store {
    /// An association's day sheet: per vehicle, the stops in order with times, addresses, needs,
    /// notes for the driver and the contact phone. The accepted plan's routes when there is one;
    /// else each confirmed (or logged) trip on its vehicle, pickup at the estimated departure and drop-off
    /// at the appointment (or ready time and estimated arrival, for a return). Trips not yet
    /// confirmed are listed apart. `vehicle` keeps one vehicle's route.
    public func daySheet(association code: String, on date: LocalDate, vehicle only: String? = nil, averageSpeedKmh: Int) throws -> DaySheet {
        try pool.read { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM association WHERE code = ?", arguments: [code]) else {
                throw StoreError.notFound(entity: "association", id: code)
            }
            let records = try Row.fetchAll(db, sql: Self.tripRecordSQL + " WHERE trip.date = ? AND assignment.association = ? AND trip.status IN \(TripStatus.heldByAssociation.sql) ORDER BY trip.appointment, trip.id",
                                           arguments: [date.description, code]).decoded { try TripRecord(row: $0, layout: $1) }
            var contact: [String: (phone: String, notes: String)] = [:]
            for beneficiary in Set(records.map(\.trip.beneficiary)) {
                if let row = try Row.fetchOne(db, sql: "SELECT phones, phone, caregiver_phone, driver_notes FROM beneficiary_personal WHERE code = ?",
                                              arguments: [beneficiary]) {
                    let phones = (row["phones"] as String).split(separator: "|").map(String.init).filter { !$0.isEmpty }
                    let phone = phones.first ?? ((row["phone"] as String).isEmpty || row["phone"] as String == "0" ? row["caregiver_phone"] as String : row["phone"] as String)
                    contact[beneficiary] = (phone, row["driver_notes"])
                }
            }
            let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.trip.id, $0) })
            func stop(_ record: TripRecord, _ kind: DaySheet.Stop.Kind, at time: LocalTime) -> DaySheet.Stop {
                let trip = record.trip
                return DaySheet.Stop(time: time, kind: kind, trip: trip.id, beneficiary: trip.beneficiary,
                                     address: kind == .pickup ? trip.pickup.label : trip.destination.label, needs: trip.needs,
                                     notes: contact[trip.beneficiary]?.notes ?? "", phone: contact[trip.beneficiary]?.phone ?? "")
            }
            var confirmed: [Int64: (vehicle: String, driver: String)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT trip_confirmation.trip, trip_confirmation.vehicle, trip_confirmation.driver FROM trip_confirmation
                JOIN trip ON trip.id = trip_confirmation.trip WHERE trip_confirmation.association = ? AND trip.date = ?
                """, arguments: [code, date.description]) {
                confirmed[row[0]] = (row[1], row[2])
            }
            // A day already logged: each trip on the vehicle and with the driver its log names.
            for row in try Row.fetchAll(db, sql: """
                SELECT trip_log.trip, trip_log.vehicle, trip_log.driver FROM trip_log JOIN trip ON trip.id = trip_log.trip
                WHERE trip_log.association = ? AND trip.date = ?
                """, arguments: [code, date.description]) where confirmed[row[0]] == nil {
                confirmed[row[0]] = (row[1], row[2])
            }
            var routes: [String: [DaySheet.Stop]] = [:]
            var placed: Set<Int64> = []
            let planned = try Row.fetchAll(db, sql: """
                SELECT plan_stop.vehicle, plan_stop.trip, plan_stop.kind, plan_stop.planned_minute FROM plan_stop
                JOIN plan ON plan.id = plan_stop.plan WHERE plan.date = ? AND plan.association = ? ORDER BY plan_stop.vehicle, plan_stop.position
                """, arguments: [date.description, code])
            for row in planned {
                guard let record = byID[row[1]] else { continue }
                let kind: DaySheet.Stop.Kind = (row[2] as String) == "pickup" ? .pickup : .dropoff
                routes[row[0], default: []].append(stop(record, kind, at: LocalTime(minutes: row[3]) ?? record.trip.appointment))
                placed.insert(record.trip.id)
            }
            var unconfirmed: [DaySheet.Stop] = []
            for record in records where !placed.contains(record.trip.id) {
                let window = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: averageSpeedKmh)
                let stops = [stop(record, .pickup, at: window.start), stop(record, .dropoff, at: window.end)]
                if let confirmation = confirmed[record.trip.id] {
                    routes[confirmation.vehicle, default: []] += stops
                } else {
                    unconfirmed += stops
                }
            }
            let sheetRoutes = routes.keys.sorted().filter { only == nil || $0 == only }.map { plate in
                let stops = routes[plate]!
                let ordered = planned.isEmpty ? stops.sorted { ($0.time, $0.kind == .dropoff ? 0 : 1, $0.trip) < ($1.time, $1.kind == .dropoff ? 0 : 1, $1.trip) } : stops
                let drivers = Set(stops.compactMap { confirmed[$0.trip]?.driver }).sorted()
                return DaySheet.Route(plate: plate, drivers: drivers, stops: ordered)
            }
            return DaySheet(association: code, associationName: name, date: date, fromPlan: !planned.isEmpty, routes: sheetRoutes,
                            unconfirmed: only == nil ? unconfirmed.sorted { ($0.time, $0.trip) < ($1.time, $1.trip) } : [])
        }
    }
}
