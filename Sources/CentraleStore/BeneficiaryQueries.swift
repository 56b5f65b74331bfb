import CentraleDomain
import Foundation
import GRDB

/// Reading people: their whole file, search, lists, and their trips with their logs.
extension Store {
    // MARK: Reading

    /// Everything held about a person.
    public func beneficiaryFile(_ code: String) throws -> BeneficiaryFile? {
        try pool.read { db in
            guard let person = try Self.beneficiary(db, code) else { return nil }
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT erased_on FROM beneficiary WHERE code = ?"), arguments: [code])
            let history = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM beneficiary_status WHERE code = ? ORDER BY id"), arguments: [code]).map { r in
                StatusChange(status: try r.decode(forColumn: "status"), from: try r.decode(forColumn: "from_date"),
                             to: try r.decode(forColumn: "to_date"), reason: r["reason"],
                             closingReason: try r.decode(forColumn: "closing_reason"), actor: r["actor"], at: r["at"])
            }
            let personal = try Self.personalRecord(db, code)
            let legacy = personal == nil ? try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM beneficiary_personal WHERE code = ?"), arguments: [code]) : nil
            return BeneficiaryFile(beneficiary: person, personal: personal, legacyName: legacy, referral: try Self.referralRecord(db, code),
                                   history: history, closingReason: history.last(where: { $0.status == .closed })?.closingReason,
                                   erasedOn: (row?["erased_on"] as String?).flatMap { LocalDate($0) })
        }
    }

    /// People whose surname, name, codice fiscale or phone contains `text` (or whose code is
    /// it), ignoring case and accents; at most `limit`, by surname and name.
    public func findBeneficiaries(_ text: String, on day: LocalDate, limit: Int = 50) throws -> [BeneficiarySummary] {
        let key = TextFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !key.isEmpty else { return [] }
        return try pool.read { db in
            let codes = try String.fetchAll(db.cachedStatement(sql: """
                SELECT code FROM beneficiary_personal WHERE instr(search_key, ?) > 0 OR code = ? ORDER BY surname, given_name, code LIMIT ?
                """), arguments: [key, text.uppercased(), limit])
            return try Self.summaries(db, codes: codes, on: day)
        }
    }

    /// People by code, optionally only those with a status on `day`, of a comune, or whose
    /// authorisation expires within `expiringWithin` days of `day`.
    ///
    /// `status` is the effective status (`Beneficiary.effectiveStatus(on:)`): `active` leaves
    /// out an active person whose authorisation expired.
    public func listBeneficiaries(on day: LocalDate, status: EffectiveStatus? = nil, comune: String? = nil,
                                  expiringWithin: Int? = nil) throws -> [BeneficiarySummary] {
        try pool.read { db in
            // Everyone at once (one query per table), not one person at a time.
            var personal: [String: Row] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, surname, given_name, codice_fiscale, phone, name FROM beneficiary_personal") {
                personal[row["code"]] = row
            }
            let people = try Self.allBeneficiaries(db).filter { comune == nil || $0.comune == comune }
            return people.map { person in Self.summary(person, personal[person.code], on: day) }.filter { summary in
                if let status, summary.effectiveStatus != status { return false }
                if let expiringWithin {
                    guard let until = summary.validUntil, summary.status == .active || summary.status == .suspended,
                          until >= day, until <= day.adding(days: expiringWithin) else { return false }
                }
                return true
            }
        }
    }

    static func summaries(_ db: Database, codes: [String], on day: LocalDate) throws -> [BeneficiarySummary] {
        try codes.compactMap { code in
            guard let person = try beneficiary(db, code) else { return nil }
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT surname, given_name, codice_fiscale, phone, name FROM beneficiary_personal WHERE code = ?"),
                                       arguments: [code])
            return summary(person, row, on: day)
        }
    }

    static func summary(_ person: Beneficiary, _ row: Row?, on day: LocalDate) -> BeneficiarySummary {
        let surname: String = row?["surname"] ?? ""
        return BeneficiarySummary(code: person.code, status: person.status(on: day), effectiveStatus: person.effectiveStatus(on: day), comune: person.comune,
                                  surname: surname.isEmpty ? (row?["name"] ?? "") : surname, name: row?["given_name"] ?? "",
                                  codiceFiscale: row?["codice_fiscale"] ?? "", phone: row?["phone"] ?? "", needs: person.needs,
                                  validUntil: person.currentAuthorisation?.validUntil)
    }

    /// The trips of a person between two days (included), by date and time.
    public func trips(of beneficiary: String, from: LocalDate, through: LocalDate) throws -> [TripRequest] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(TripRequest.columns) FROM trip WHERE beneficiary = ? AND date BETWEEN ? AND ? ORDER BY date, appointment, id"),
                             arguments: [beneficiary, from.description, through.description]).decoded { try TripRequest(row: $0, layout: $1) }
        }
    }

    static func beneficiary(_ db: Database, _ code: String) throws -> Beneficiary? {
        guard var person = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM beneficiary WHERE code = ?"), arguments: [code]).map(Beneficiary.init(row:)) else {
            return nil
        }
        person.authorisations = try authorisations(db, code)
        person.suspensions = try suspensions(db, code)
        return person
    }

    static func authorisations(_ db: Database, _ code: String) throws -> [Authorisation] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM beneficiary_authorisation WHERE code = ? ORDER BY id"), arguments: [code]).map(Authorisation.init(row:))
    }

    static func suspensions(_ db: Database, _ code: String) throws -> [Suspension] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT from_date, to_date, reason FROM beneficiary_status WHERE code = ? AND status = 'suspended' ORDER BY id"),
                         arguments: [code]).map { r in
            Suspension(from: try r.decode(LocalDate.self, atIndex: 0), to: try r.decode(LocalDate.self, atIndex: 1), reason: r[2])
        }
    }

    static func personalRecord(_ db: Database, _ code: String) throws -> PersonalRecord? {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM beneficiary_personal WHERE code = ? AND codice_fiscale IS NOT NULL"), arguments: [code]) else {
            return nil
        }
        let phones: String = r["phones"]
        return PersonalRecord(surname: r["surname"], name: r["given_name"], codiceFiscale: r["codice_fiscale"],
                              birthDate: LocalDate(r["birth_date"] as String? ?? "") ?? LocalDate(year: 1900, month: 1, day: 1)!,
                              phones: phones.split(separator: "|").map(String.init), street: r["street"], houseNumber: r["house_number"],
                              comune: r["home_comune"] ?? "", position: Coordinate(latitude: r["home_lat"], longitude: r["home_lon"]),
                              positionApproximate: (r["home_approximate"] as Int) == 1, caregiver: r["caregiver"],
                              caregiverPhone: r["caregiver_phone"], driverNotes: r["driver_notes"])
    }

    static func referralRecord(_ db: Database, _ code: String) throws -> ReferralRecord? {
        guard let r = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT beneficiary.referred_by, referrer_name, referrer_role, referred_on, pai_reference
            FROM beneficiary_referral JOIN beneficiary USING (code) WHERE code = ?
            """), arguments: [code]) else { return nil }
        return ReferralRecord(by: try r.decode(atIndex: 0), referrerName: r[1], referrerRole: r[2],
                              date: try r.decode(atIndex: 3), paiReference: r[4])
    }
}


extension Authorisation {
    /// Decodes a `beneficiary_authorisation` row; a stored value that is not valid throws.
    init(row: Row) throws {
        let text: String = try row.decode(forColumn: "purposes")
        guard let purposes = Authorisation.purposes(parsing: text) else {
            throw StoreError.refused(.database(.damagedPurposes(text)))
        }
        self.init(purposes: purposes, needs: try row.decode(forColumn: "needs"),
                  companionAllowed: (row["companion"] as Int) == 1, validFrom: try row.decode(LocalDate.self, forColumn: "valid_from"),
                  validUntil: try row.decode(LocalDate.self, forColumn: "valid_until"))
    }
}

/// A trip of a person with the times and km of its log, for `beneficiary export` and `show`.
public struct PersonTrip: Hashable, Sendable {
    public var trip: TripRequest
    public var association: String?
    /// The log's km (metres), pickup and drop-off times, outcome; nil when not logged.
    public var drivenMetres: Int?
    public var pickedUpAt: LocalTime?
    public var droppedOffAt: LocalTime?
    public var outcome: String?
    /// The log's vehicle, driver code, waiting minutes and notes; nil when not logged.
    public var vehicle: String?
    public var driver: String?
    public var waitingMinutes: Int?
    public var notes: String?
}

extension Store {
    /// The code of the person with this codice fiscale, if registered.
    public func beneficiaryCode(codiceFiscale: String) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT code FROM beneficiary_personal WHERE codice_fiscale = ?", arguments: [codiceFiscale.uppercased()]) }
    }

    /// A person's trips between two days with their logs, by date and time.
    public func personTrips(_ code: String, from: LocalDate = LocalDate(year: 1000, month: 1, day: 1)!,
                            through: LocalDate = LocalDate(year: 9999, month: 12, day: 31)!) throws -> [PersonTrip] {
        try pool.read { db in
            return try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(TripRequest.columns), assignment.association, trip_log.driven_m, trip_log.picked_up_at, trip_log.dropped_off_at, trip_log.outcome,
                  trip_log.vehicle, trip_log.driver, trip_log.waiting_min, trip_log.notes
                FROM trip LEFT JOIN assignment ON assignment.trip = trip.id LEFT JOIN trip_log ON trip_log.trip = trip.id
                WHERE trip.beneficiary = ? AND trip.date BETWEEN ? AND ? ORDER BY trip.date, trip.appointment, trip.id
                """), arguments: [code, from.description, through.description]).decoded { row, layout in
                PersonTrip(trip: try TripRequest(row: row, layout: layout), association: try layout.decode(row, "association"),
                           drivenMetres: try layout.decode(row, "driven_m"), pickedUpAt: try layout.decode(row, "picked_up_at"),
                           droppedOffAt: try layout.decode(row, "dropped_off_at"), outcome: try layout.decode(row, "outcome"),
                           vehicle: try layout.decode(row, "vehicle"), driver: try layout.decode(row, "driver"),
                           waitingMinutes: try layout.decode(row, "waiting_min"), notes: try layout.decode(row, "notes"))
            }
        }
    }
}
