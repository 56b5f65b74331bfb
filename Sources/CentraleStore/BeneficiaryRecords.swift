import CentraleDomain
import CentraleFormats
import Foundation
import GRDB

/// Everything held about one beneficiary (what `beneficiary show` and `export` read).
public struct BeneficiaryFile: Hashable, Sendable {
    /// The service record (code, comune, needs, activation, closing, authorisations, suspensions).
    public var beneficiary: Beneficiary
    /// The personal record; nil once erased (or for a record made before it existed).
    public var personal: PersonalRecord?
    /// The legacy personal fields (full name, phone, address) when there is no full record.
    public var legacyName: String?
    /// The referral's details; nil once erased.
    public var referral: ReferralRecord?
    /// The status history, oldest first.
    public var history: [StatusChange]
    /// The closing reason, when closed.
    public var closingReason: ClosingReason?
    /// The day the personal record was erased, if it was.
    public var erasedOn: LocalDate?
}

/// One row of `beneficiary list` and `find`.
public struct BeneficiarySummary: Hashable, Sendable {
    public var code: String
    /// The lifecycle status on the day asked.
    public var status: BeneficiaryStatus
    /// The status as the operator must read it (an expired authorisation shows).
    public var effectiveStatus: EffectiveStatus
    public var comune: String
    public var surname: String
    public var name: String
    public var codiceFiscale: String
    public var phone: String
    public var needs: Needs
    public var validUntil: LocalDate?
}

/// What an import did.
public struct BeneficiaryImportOutcome: Hashable, Sendable {
    /// The codes of the people added, updated, and found unchanged, in file order.
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// The positions of the entries of people erased before and registered again (`readmit`).
    public var readmitted: [Int] = []
}

extension Store {
    // MARK: Registering and updating

    /// Registers new people or updates those already known (matched by codice fiscale), in one
    /// transaction: all or nothing. A changed person is updated and audited (the names of the
    /// personal fields changed, never their values); an identical one is left alone.
    ///
    /// - Parameters:
    ///   - newCode: makes the pseudonymous code of a new person (random by default).
    ///   - cancelTrips: whether the trips a changed authorisation no longer covers are cancelled;
    ///     without it such a change is refused, listing them (see `updateBeneficiary`).
    ///   - readmit: whether a person erased from this database (known by the fingerprint of
    ///     their codice fiscale) may be registered again, under a new code; without it every
    ///     such entry is refused, all at once as `FieldErrors` at their `labels` (the file's
    ///     lines), else as one refusal, and nothing is written.
    @discardableResult
    public func importBeneficiaries(_ entries: [BeneficiaryEntry], comuneNames: [String: String],
                                    newCode: (() -> String)? = nil, cancelTrips: Bool = false, readmit: Bool = false,
                                    labels: [SourceLocation]? = nil, actor: Actor) throws -> BeneficiaryImportOutcome {
        let at = timestamp()
        let today = self.today()
        return try pool.write { db in
            var outcome = BeneficiaryImportOutcome()
            var erased: [Int] = []
            // Read once: there is none until the first erasure.
            let erasureKey = try Self.erasureKey(db, create: false)
            for (index, entry) in entries.enumerated() {
                let cf = entry.personal.codiceFiscale
                let known = try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM beneficiary_personal WHERE codice_fiscale = ?"), arguments: [cf])
                if known == nil, let erasureKey, try Self.wasErased(db, codiceFiscale: cf, key: erasureKey) {
                    if !readmit { erased.append(index); continue }
                    outcome.readmitted.append(index)
                }
                if let code = known {
                    let changed = try Self.update(db, code: code, personal: entry.personal, referral: entry.referral,
                                                  authorisation: entry.authorisation, comuneNames: comuneNames, cancelTrips: cancelTrips,
                                                  today: today, actor: actor, at: at)
                    if changed { outcome.updated.append(code) } else { outcome.unchanged.append(code) }
                } else {
                    let code = try Self.freshCode(db, newCode)
                    try Self.insert(db, code: code, entry: entry, comuneNames: comuneNames, actor: actor, at: at)
                    var details: [String: AuditValue] = [
                        "comune": .text(entry.personal.comune), "needs": .text(entry.authorisation.needs.description),
                        "activated_on": .text(entry.authorisation.validFrom.description), "referred_by": .text(entry.referral.by.rawValue),
                        "personal_fields": .text("surname,name,codice_fiscale,birth_date,phones,address,caregiver,driver_notes"),
                    ]
                    // Never the erased code: the new record must not lead back to the erased one's trips.
                    if outcome.readmitted.last == index { details["readmitted_after_erasure"] = .bool(true) }
                    try audit(db, actor, action: "beneficiary.create", entity: "beneficiary", id: code, details: details, at: at)
                    outcome.added.append(code)
                }
            }
            if !erased.isEmpty {
                guard let labels else { throw StoreError.refused(.beneficiary(.erasedCodiceFiscale)) }
                throw FieldErrors(erased.map { FieldError(labels[$0], field: "codice_fiscale", BeneficiaryRefusal.erasedPerson) })
            }
            return outcome
        }
    }

    /// Changes a person's record: any of the personal record, the referral, a new
    /// authorisation (period or needs). Returns whether anything changed. Audited with the
    /// names of the personal fields changed, never their values.
    ///
    /// A new authorisation that no longer covers trips still to be done (from today on: a
    /// period shortened or moved, a purpose or a need taken away) is refused, naming them,
    /// unless `cancelTrips`: then they are cancelled in the same transaction, each audited
    /// with the reason.
    @discardableResult
    public func updateBeneficiary(_ code: String, personal: PersonalRecord?, referral: ReferralRecord?, authorisation: Authorisation?,
                                  comuneNames: [String: String], cancelTrips: Bool = false, actor: Actor) throws -> Bool {
        try changeBeneficiary(code, personal: personal, referral: referral, authorisation: authorisation, comuneNames: comuneNames,
                              cancelTrips: cancelTrips, actor: actor).changed
    }

    /// `updateBeneficiary`, telling also which trips it cancelled.
    public func changeBeneficiary(_ code: String, personal: PersonalRecord?, referral: ReferralRecord?, authorisation: Authorisation?,
                                  comuneNames: [String: String], cancelTrips: Bool = false, actor: Actor) throws -> (changed: Bool, cancelled: [Int64]) {
        let at = timestamp()
        let today = self.today()
        return try pool.write { db in
            try Self.requireLiving(db, code)
            try Self.refuseNamingPerson(db, code: code, [(.reason, actor.reason)])
            let before = try Int64.fetchAll(db, sql: "SELECT id FROM trip WHERE beneficiary = ? AND status = 'cancelled'", arguments: [code])
            let changed = try Self.update(db, code: code, personal: personal, referral: referral, authorisation: authorisation,
                                          comuneNames: comuneNames, cancelTrips: cancelTrips, today: today, actor: actor, at: at)
            let after = try Int64.fetchAll(db, sql: "SELECT id FROM trip WHERE beneficiary = ? AND status = 'cancelled' ORDER BY id", arguments: [code])
            return (changed, after.filter { !Set(before).contains($0) })
        }
    }

    /// The trips still to be done (pending, assigned or unassignable, from `today` on) that
    /// `before` covered (or that had no authorisation to check) and `after` no longer covers:
    /// the day, the purpose or the needs.
    static func tripsNoLongerAuthorised(_ db: Database, code: String, before: Beneficiary, after: Beneficiary, today: LocalDate) throws -> [(id: Int64, date: LocalDate)] {
        func covers(_ person: Beneficiary, _ date: LocalDate, _ purpose: TripPurpose?, _ needs: Needs) -> Bool {
            if person.authorisations.isEmpty { return true }
            guard let a = person.authorisation(on: date) else { return false }
            return purpose.map(a.purposes.contains) ?? true && a.needs.isSuperset(of: needs)
        }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, date, purpose, needs FROM trip WHERE beneficiary = ? AND date >= ? AND status IN ('pending', 'assigned', 'unassignable') ORDER BY date, appointment, id
            """), arguments: [code, today.description]).compactMap { row in
            let date = try row.decode(LocalDate.self, forColumn: "date"), purpose = TripPurpose(rawValue: row["purpose"]), needs = Needs(rawValue: row["needs"])
            return covers(before, date, purpose, needs) && !covers(after, date, purpose, needs) ? (row["id"], date) : nil
        }
    }

    static func freshCode(_ db: Database, _ make: (() -> String)?) throws -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        for _ in 0..<1000 {
            let code = make?() ?? ("B" + String((0..<5).map { _ in alphabet.randomElement()! }))
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM beneficiary WHERE code = ?"), arguments: [code]) != true { return code }
        }
        throw StoreError.refused(.beneficiary(.noFreshCode))
    }

    static func requireLiving(_ db: Database, _ code: String) throws {
        guard let erased = try Row.fetchOne(db.cachedStatement(sql: "SELECT erased_on FROM beneficiary WHERE code = ?"), arguments: [code]) else {
            throw StoreError.notFound(entity: .beneficiary, id: code)
        }
        if let day: String = erased["erased_on"] {
            throw StoreError.refused(.beneficiary(.erased(code, on: day)))
        }
    }

    private static func insert(_ db: Database, code: String, entry: BeneficiaryEntry, comuneNames: [String: String], actor: Actor, at: String) throws {
        let auth = entry.authorisation
        try db.cachedStatement(sql: "INSERT INTO beneficiary(code, comune, needs, activated_on, closed_on, referred_by) VALUES (?, ?, ?, ?, NULL, ?)").execute(
                       arguments: [code, entry.personal.comune, auth.needs.rawValue, auth.validFrom.description, entry.referral.by.rawValue])
        try writePersonal(db, code: code, entry.personal, comuneNames: comuneNames, insert: true)
        try writeReferral(db, code: code, entry.referral)
        try writeAuthorisation(db, code: code, auth, at: at)
        try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, reason, at, actor) VALUES (?, 'referred', ?, ?, ?, ?)").execute(
                       arguments: [code, entry.referral.date.description, StatusChangeReason.referred(by: entry.referral.by).stored, at, actor.name])
        try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, reason, at, actor) VALUES (?, 'active', ?, ?, ?, ?)").execute(
                       arguments: [code, auth.validFrom.description, StatusChangeReason.authorised(until: auth.validUntil).stored, at, actor.name])
    }

    private static func update(_ db: Database, code: String, personal: PersonalRecord?, referral: ReferralRecord?, authorisation: Authorisation?,
                               comuneNames: [String: String], cancelTrips: Bool, today: LocalDate, actor: Actor, at: String) throws -> Bool {
        var changed = false
        if let personal, let old = try personalRecord(db, code) {
            let fields = personal.changedFields(from: old)
            if !fields.isEmpty {
                try writePersonal(db, code: code, personal, comuneNames: comuneNames, insert: false)
                if personal.comune != old.comune {
                    try db.cachedStatement(sql: "UPDATE beneficiary SET comune = ? WHERE code = ?").execute(arguments: [personal.comune, code])
                }
                try Self.audit(db, actor, action: "beneficiary.personal.update", entity: "beneficiary", id: code,
                                details: ["fields": .text(fields.joined(separator: ","))], at: at)
                changed = true
            }
        } else if let personal {
            try writePersonal(db, code: code, personal, comuneNames: comuneNames, insert: false)
            try Self.audit(db, actor, action: "beneficiary.personal.update", entity: "beneficiary", id: code,
                            details: ["fields": .text("surname,name,codice_fiscale,birth_date,phones,address,caregiver,driver_notes")], at: at)
            changed = true
        }
        if let referral {
            let old = try referralRecord(db, code)
            let oldBy = try String.fetchOne(db.cachedStatement(sql: "SELECT referred_by FROM beneficiary WHERE code = ?"), arguments: [code])
            var fields: [String] = []
            if oldBy != referral.by.rawValue { fields.append("referred_by") }
            if old?.referrerName != referral.referrerName { fields.append("referrer_name") }
            if old?.referrerRole != referral.referrerRole { fields.append("referrer_role") }
            if old?.date != referral.date { fields.append("referred_on") }
            if old?.paiReference != referral.paiReference { fields.append("pai_reference") }
            if !fields.isEmpty {
                try writeReferral(db, code: code, referral)
                try db.cachedStatement(sql: "UPDATE beneficiary SET referred_by = ? WHERE code = ?").execute(arguments: [referral.by.rawValue, code])
                try Self.audit(db, actor, action: "beneficiary.referral.update", entity: "beneficiary", id: code,
                                details: ["fields": .text(fields.joined(separator: ","))], at: at)
                changed = true
            }
        }
        if let authorisation {
            let current = try authorisations(db, code).last
            if current != authorisation {
                let before = try beneficiary(db, code)!
                var after = before
                after.authorisations.append(authorisation)
                let lost = try tripsNoLongerAuthorised(db, code: code, before: before, after: after, today: today)
                if !lost.isEmpty && !cancelTrips {
                    throw StoreError.refused(.beneficiary(.authorisationDropsTrips(
                        code, authorisation, trips: lost.map { BeneficiaryRefusal.DatedTrip(id: $0.id, date: $0.date) })))
                }
                try writeAuthorisation(db, code: code, authorisation, at: at)
                try db.cachedStatement(sql: "UPDATE beneficiary SET needs = ? WHERE code = ?").execute(arguments: [authorisation.needs.rawValue, code])
                // An earlier start of the service moves the activation day back.
                try db.cachedStatement(sql: "UPDATE beneficiary SET activated_on = ? WHERE code = ? AND activated_on > ? AND (closed_on IS NULL OR closed_on >= ?)").execute(
                               arguments: [authorisation.validFrom.description, code, authorisation.validFrom.description, authorisation.validFrom.description])
                try Self.audit(db, actor, action: "beneficiary.authorisation.set", entity: "beneficiary", id: code, details: [
                    "purposes": .text(authorisation.purposesText), "needs": .text(authorisation.needs.description),
                    "companion": .bool(authorisation.companionAllowed),
                    "valid_from": .text(authorisation.validFrom.description), "valid_until": .text(authorisation.validUntil.description),
                    "trips_cancelled": .int(lost.count),
                ], at: at)
                if !lost.isEmpty {
                    let why = actor.reason.map { ": \($0)" } ?? ""
                    try Self.cancelTrips(db, lost.map(\.id), reason: "authorisation changed to \(authorisation.validFrom)–\(authorisation.validUntil)\(why)",
                                    actor: actor, at: at)
                }
                changed = true
            }
        }
        return changed
    }

    /// A store value used only for its `audit` method inside static helpers.
    private static func writePersonal(_ db: Database, code: String, _ p: PersonalRecord, comuneNames: [String: String], insert: Bool) throws {
        let address = p.address(comuneName: comuneNames[p.comune] ?? p.comune)
        let arguments: StatementArguments = [
            p.fullName, p.phones.first ?? "", address, p.position.latitude, p.position.longitude, p.surname, p.name, p.codiceFiscale,
            p.birthDate.description, p.phones.joined(separator: "|"), p.street, p.houseNumber, p.comune, p.positionApproximate ? 1 : 0,
            p.caregiver, p.caregiverPhone, p.driverNotes, p.searchKey, code,
        ]
        if insert {
            try db.cachedStatement(sql: """
                INSERT INTO beneficiary_personal(name, phone, address, home_lat, home_lon, surname, given_name, codice_fiscale, birth_date,
                  phones, street, house_number, home_comune, home_approximate, caregiver, caregiver_phone, driver_notes, search_key, code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: arguments)
        } else {
            try db.cachedStatement(sql: """
                UPDATE beneficiary_personal SET name = ?, phone = ?, address = ?, home_lat = ?, home_lon = ?, surname = ?, given_name = ?,
                  codice_fiscale = ?, birth_date = ?, phones = ?, street = ?, house_number = ?, home_comune = ?, home_approximate = ?,
                  caregiver = ?, caregiver_phone = ?, driver_notes = ?, search_key = ? WHERE code = ?
                """).execute(arguments: arguments)
        }
    }

    private static func writeReferral(_ db: Database, code: String, _ r: ReferralRecord) throws {
        try db.cachedStatement(sql: """
            INSERT INTO beneficiary_referral(code, referrer_name, referrer_role, referred_on, pai_reference) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET referrer_name = excluded.referrer_name, referrer_role = excluded.referrer_role,
              referred_on = excluded.referred_on, pai_reference = excluded.pai_reference
            """).execute(arguments: [code, r.referrerName, r.referrerRole, r.date.description, r.paiReference])
    }

    private static func writeAuthorisation(_ db: Database, code: String, _ a: Authorisation, at: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO beneficiary_authorisation(code, purposes, needs, companion, valid_from, valid_until, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [code, a.purposesText, a.needs.rawValue, a.companionAllowed ? 1 : 0, a.validFrom.description, a.validUntil.description, at])
    }
}
