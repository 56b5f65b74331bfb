import CentraleDomain
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
    public var status: BeneficiaryStatus
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
}

extension Store {
    // MARK: Registering and updating

    /// Registers new people or updates those already known (matched by codice fiscale), in one
    /// transaction: all or nothing. A changed person is updated and audited (the names of the
    /// personal fields changed, never their values); an identical one is left alone.
    ///
    /// - Parameter newCode: makes the pseudonymous code of a new person (random by default).
    @discardableResult
    public func importBeneficiaries(_ entries: [BeneficiaryEntry], comuneNames: [String: String],
                                    newCode: (() -> String)? = nil, actor: Actor) throws -> BeneficiaryImportOutcome {
        let at = timestamp()
        return try pool.write { db in
            var outcome = BeneficiaryImportOutcome()
            for entry in entries {
                let cf = entry.personal.codiceFiscale
                if let code = try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM beneficiary_personal WHERE codice_fiscale = ?"), arguments: [cf]) {
                    let changed = try Self.update(db, code: code, personal: entry.personal, referral: entry.referral,
                                                  authorisation: entry.authorisation, comuneNames: comuneNames, actor: actor, at: at)
                    if changed { outcome.updated.append(code) } else { outcome.unchanged.append(code) }
                } else {
                    let code = try Self.freshCode(db, newCode)
                    try Self.insert(db, code: code, entry: entry, comuneNames: comuneNames, actor: actor, at: at)
                    try audit(db, actor, action: "beneficiary.create", entity: "beneficiary", id: code, details: [
                        "comune": .text(entry.personal.comune), "needs": .text(entry.authorisation.needs.description),
                        "activated_on": .text(entry.authorisation.validFrom.description), "referred_by": .text(entry.referral.by.rawValue),
                        "personal_fields": .text("surname,name,codice_fiscale,birth_date,phones,address,caregiver,driver_notes"),
                    ], at: at)
                    outcome.added.append(code)
                }
            }
            return outcome
        }
    }

    /// Changes a person's record: any of the personal record, the referral, a new
    /// authorisation (period or needs). Returns whether anything changed. Audited with the
    /// names of the personal fields changed, never their values.
    @discardableResult
    public func updateBeneficiary(_ code: String, personal: PersonalRecord?, referral: ReferralRecord?, authorisation: Authorisation?,
                                  comuneNames: [String: String], actor: Actor) throws -> Bool {
        let at = timestamp()
        return try pool.write { db in
            try Self.requireLiving(db, code)
            return try Self.update(db, code: code, personal: personal, referral: referral, authorisation: authorisation,
                                   comuneNames: comuneNames, actor: actor, at: at)
        }
    }

    static func freshCode(_ db: Database, _ make: (() -> String)?) throws -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        for _ in 0..<1000 {
            let code = make?() ?? ("B" + String((0..<5).map { _ in alphabet.randomElement()! }))
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM beneficiary WHERE code = ?"), arguments: [code]) != true { return code }
        }
        throw StoreError.refused("could not make a new beneficiary code; try again")
    }

    static func requireLiving(_ db: Database, _ code: String) throws {
        guard let erased = try Row.fetchOne(db.cachedStatement(sql: "SELECT erased_on FROM beneficiary WHERE code = ?"), arguments: [code]) else {
            throw StoreError.notFound(entity: "beneficiary", id: code)
        }
        if let day: String = erased["erased_on"] {
            throw StoreError.refused("the personal record of \(code) was erased on \(day); it cannot be changed")
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
                       arguments: [code, entry.referral.date.description, "referred by \(entry.referral.by.rawValue)", at, actor.name])
        try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, reason, at, actor) VALUES (?, 'active', ?, ?, ?, ?)").execute(
                       arguments: [code, auth.validFrom.description, "authorised until \(auth.validUntil)", at, actor.name])
    }

    private static func update(_ db: Database, code: String, personal: PersonalRecord?, referral: ReferralRecord?, authorisation: Authorisation?,
                               comuneNames: [String: String], actor: Actor, at: String) throws -> Bool {
        var changed = false
        let store = Store.auditor
        if let personal, let old = try personalRecord(db, code) {
            let fields = personal.changedFields(from: old)
            if !fields.isEmpty {
                try writePersonal(db, code: code, personal, comuneNames: comuneNames, insert: false)
                if personal.comune != old.comune {
                    try db.cachedStatement(sql: "UPDATE beneficiary SET comune = ? WHERE code = ?").execute(arguments: [personal.comune, code])
                }
                try store.audit(db, actor, action: "beneficiary.personal.update", entity: "beneficiary", id: code,
                                details: ["fields": .text(fields.joined(separator: ","))], at: at)
                changed = true
            }
        } else if let personal {
            try writePersonal(db, code: code, personal, comuneNames: comuneNames, insert: false)
            try store.audit(db, actor, action: "beneficiary.personal.update", entity: "beneficiary", id: code,
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
                try store.audit(db, actor, action: "beneficiary.referral.update", entity: "beneficiary", id: code,
                                details: ["fields": .text(fields.joined(separator: ","))], at: at)
                changed = true
            }
        }
        if let authorisation {
            let current = try authorisations(db, code).last
            if current != authorisation {
                try writeAuthorisation(db, code: code, authorisation, at: at)
                try db.cachedStatement(sql: "UPDATE beneficiary SET needs = ? WHERE code = ?").execute(arguments: [authorisation.needs.rawValue, code])
                // An earlier start of the service moves the activation day back.
                try db.cachedStatement(sql: "UPDATE beneficiary SET activated_on = ? WHERE code = ? AND activated_on > ? AND (closed_on IS NULL OR closed_on >= ?)").execute(
                               arguments: [authorisation.validFrom.description, code, authorisation.validFrom.description, authorisation.validFrom.description])
                try store.audit(db, actor, action: "beneficiary.authorisation.set", entity: "beneficiary", id: code, details: [
                    "purposes": .text(authorisation.purposesText), "needs": .text(authorisation.needs.description),
                    "companion": .bool(authorisation.companionAllowed),
                    "valid_from": .text(authorisation.validFrom.description), "valid_until": .text(authorisation.validUntil.description),
                ], at: at)
                changed = true
            }
        }
        return changed
    }

    /// A store value used only for its `audit` method inside static helpers.
    private static var auditor: AuditWriter { AuditWriter() }

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

    // MARK: Status

    /// Suspends a person from one day to another (e.g. a hospital stay): their trips in the
    /// period still to be done are cancelled with the reason; later trips of their series stay.
    /// Returns the ids cancelled.
    @discardableResult
    public func suspendBeneficiary(_ code: String, from: LocalDate, to: LocalDate, reason: String, actor: Actor) throws -> [Int64] {
        guard to >= from else { throw StoreError.refused("the suspension ends (\(to)) before it starts (\(from)); give --from before --to") }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.refused("a suspension needs a reason (e.g. --reason \"ricovero\"); nothing was written")
        }
        let at = timestamp()
        return try pool.write { db in
            try Self.requireLiving(db, code)
            let person = try Self.beneficiary(db, code)!
            if let closed = person.closedOn, from > closed {
                throw StoreError.refused("\(code) is closed since \(closed); a closed person cannot be suspended")
            }
            if let other = try Row.fetchOne(db, sql: """
                SELECT from_date, to_date FROM beneficiary_status
                WHERE code = ? AND status = 'suspended' AND from_date <= ? AND to_date >= ? ORDER BY from_date LIMIT 1
                """, arguments: [code, to.description, from.description]) {
                throw StoreError.refused("\(code) is already suspended from \(other[0] as String) to \(other[1] as String), which overlaps "
                                         + "\(from)–\(to); end it with `centrale beneficiary resume` or choose other days")
            }
            try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, to_date, reason, at, actor) VALUES (?, 'suspended', ?, ?, ?, ?, ?)").execute(
                           arguments: [code, from.description, to.description, reason, at, actor.name])
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM trip WHERE beneficiary = ? AND date BETWEEN ? AND ? AND status IN ('pending', 'assigned', 'unassignable') ORDER BY id
                """), arguments: [code, from.description, to.description])
            try AuditWriter().audit(db, Actor(actor.name, reason: reason), action: "beneficiary.suspend", entity: "beneficiary", id: code,
                                    details: ["from": .text(from.description), "to": .text(to.description), "trips_cancelled": .int(ids.count)], at: at)
            try Self.cancelTrips(db, ids, reason: "beneficiary suspended: \(reason)", actor: actor, at: at)
            return ids
        }
    }

    /// Ends the suspension in force on `day` early: the person is active again from that day.
    /// Trips already cancelled stay cancelled (book them again).
    public func resumeBeneficiary(_ code: String, on day: LocalDate, reason: String, actor: Actor) throws {
        let at = timestamp()
        try pool.write { db in
            try Self.requireLiving(db, code)
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, from_date, to_date FROM beneficiary_status WHERE code = ? AND status = 'suspended' AND to_date >= ? ORDER BY id DESC LIMIT 1
                """), arguments: [code, day.description]) else {
                throw StoreError.refused("\(code) has no suspension in force on or after \(day); nothing to resume")
            }
            let from = LocalDate(row["from_date"] as String)!
            if from >= day {
                // Not begun yet: the whole suspension is withdrawn (it ends the day before it starts is not allowed, so it is cut to nothing).
                try db.cachedStatement(sql: "UPDATE beneficiary_status SET to_date = from_date, reason = reason || ' (withdrawn)' WHERE id = ?").execute(
                               arguments: [row["id"] as Int64])
                try db.cachedStatement(sql: "UPDATE beneficiary_status SET status = 'active' WHERE id = ?").execute(arguments: [row["id"] as Int64])
            } else {
                try db.cachedStatement(sql: "UPDATE beneficiary_status SET to_date = ? WHERE id = ?").execute(arguments: [day.adding(days: -1).description, row["id"] as Int64])
            }
            try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, reason, at, actor) VALUES (?, 'active', ?, ?, ?, ?)").execute(
                           arguments: [code, day.description, reason, at, actor.name])
            try AuditWriter().audit(db, Actor(actor.name, reason: reason), action: "beneficiary.resume", entity: "beneficiary", id: code,
                                    details: ["on": .text(day.description)], at: at)
        }
    }

    /// Closes a person's service on a day (their last day): every trip after it still to be
    /// done is cancelled with the reason. Returns the ids cancelled.
    @discardableResult
    public func closeBeneficiary(_ code: String, on day: LocalDate, reason: ClosingReason, note: String?, actor: Actor) throws -> [Int64] {
        let at = timestamp()
        return try pool.write { db in
            try Self.requireLiving(db, code)
            let person = try Self.beneficiary(db, code)!
            if let closed = person.closedOn { throw StoreError.refused("\(code) is already closed on \(closed)") }
            guard day >= person.activatedOn.adding(days: -1) else {
                throw StoreError.refused("\(code) is active from \(person.activatedOn); close on that day or later")
            }
            let why = note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue
            try db.cachedStatement(sql: "UPDATE beneficiary SET closed_on = ? WHERE code = ?").execute(arguments: [max(day, person.activatedOn).description, code])
            try db.cachedStatement(sql: """
                INSERT INTO beneficiary_status(code, status, from_date, reason, closing_reason, at, actor) VALUES (?, 'closed', ?, ?, ?, ?, ?)
                """).execute(arguments: [code, day.adding(days: 1).description, note ?? "", reason.rawValue, at, actor.name])
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM trip WHERE beneficiary = ? AND date > ? AND status IN ('pending', 'assigned', 'unassignable') ORDER BY id
                """), arguments: [code, day.description])
            try AuditWriter().audit(db, Actor(actor.name, reason: why), action: "beneficiary.close", entity: "beneficiary", id: code,
                                    details: ["on": .text(day.description), "reason": .text(reason.rawValue), "trips_cancelled": .int(ids.count)], at: at)
            try Self.cancelTrips(db, ids, reason: "beneficiary closed (\(why))", actor: actor, at: at)
            return ids
        }
    }

    private static func cancelTrips(_ db: Database, _ ids: [Int64], reason: String, actor: Actor, at: String) throws {
        for id in ids {
            let previous = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM trip WHERE id = ?"), arguments: [id]) ?? ""
            try db.cachedStatement(sql: "UPDATE trip SET status = 'cancelled', status_reason = ?, version = version + 1 WHERE id = ?").execute(arguments: [reason, id])
            try AuditWriter().audit(db, Actor(actor.name, reason: reason), action: "trip.cancel", entity: "trip", id: String(id),
                                    details: ["previous_status": .text(previous)], at: at)
        }
    }

    // MARK: Erasure

    /// Erases a closed person's personal record (and the referral's details) for good: the
    /// rows are deleted with `secure_delete` on, the write-ahead log is checkpointed and
    /// truncated, and the file is vacuumed, so that no byte of them is left in the file. The
    /// code, trips, logs and money stay. Before the retention period has passed it needs
    /// `force` (and the actor's reason).
    ///
    /// - Returns: whether the file and its write-ahead log could be cleaned at once; false when
    ///   another program was reading the database: erasing the same code again (once it has
    ///   closed) finishes the cleaning.
    @discardableResult
    public func eraseBeneficiary(_ code: String, retentionDays: Int, force: Bool, actor: Actor) throws -> Bool {
        let at = timestamp()
        let today = self.today()
        let alreadyErased = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT erased_on FROM beneficiary WHERE code = ?", arguments: [code]) != nil
        }
        if alreadyErased { return try scrubFreeSpace() }
        try pool.write { db in
            try Self.requireLiving(db, code)
            let person = try Self.beneficiary(db, code)!
            guard let closed = person.closedOn else {
                throw StoreError.refused("\(code) is not closed; close it first (beneficiary close \(code) --on DATE --reason …)")
            }
            // Not even with --force while the person may still travel: their last day must be past, and
            // no trip of theirs may still be waiting (it would lose its address and still be dispatched).
            guard closed < today else {
                throw StoreError.refused("\(code) is closed from \(closed.adding(days: 1)); it can be erased once that day has come")
            }
            let open = try Int64.fetchAll(db, sql: """
                SELECT id FROM trip WHERE beneficiary = ? AND date >= ? AND status IN ('pending', 'assigned', 'unassignable') ORDER BY id
                """, arguments: [code, today.description])
            guard open.isEmpty else {
                throw StoreError.refused("\(code) still has trips waiting (\(open.prefix(10).map(String.init).joined(separator: ", "))); "
                                         + "cancel them (centrale request cancel TRIP --reason …) or wait for their logs before erasing")
            }
            let allowed = closed.adding(days: retentionDays)
            if today < allowed && !force {
                throw StoreError.refused("\(code) was closed on \(closed); the retention period (convention.toml [service] retention_days = "
                                         + "\(retentionDays)) ends on \(allowed). Erase before it only with --force --reason \"…\"")
            }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // The addresses the person was picked up at or taken to (home, or any address outside
            // the registry) leave the trips' labels and the shared-ride plans; the comune, the
            // positions and the km stay, so no figure changes.
            let labels = try String.fetchAll(db, sql: """
                SELECT pickup_label FROM trip WHERE beneficiary = ? AND pickup_place IS NULL
                UNION SELECT dest_label FROM trip WHERE beneficiary = ? AND dest_place IS NULL
                UNION SELECT address FROM beneficiary_personal WHERE code = ?
                """, arguments: [code, code, code])
            let erased = "(indirizzo cancellato)"
            try db.execute(sql: "UPDATE trip SET pickup_label = ? WHERE beneficiary = ? AND pickup_place IS NULL", arguments: [erased, code])
            try db.execute(sql: "UPDATE trip SET dest_label = ? WHERE beneficiary = ? AND dest_place IS NULL", arguments: [erased, code])
            for label in labels where !label.isEmpty {
                let quoted = String(AuditValue.quote(label).dropFirst().dropLast())
                try db.execute(sql: "UPDATE plan SET json = replace(json, ?, ?) WHERE instr(json, ?) > 0", arguments: [quoted, erased, quoted])
            }
            try db.cachedStatement(sql: "DELETE FROM beneficiary_personal WHERE code = ?").execute(arguments: [code])
            try db.cachedStatement(sql: "DELETE FROM beneficiary_referral WHERE code = ?").execute(arguments: [code])
            try db.cachedStatement(sql: "UPDATE beneficiary SET erased_on = ? WHERE code = ?").execute(arguments: [today.description, code])
            try AuditWriter().audit(db, actor, action: "beneficiary.erase", entity: "beneficiary", id: code,
                                    details: ["forced": .bool(today < allowed), "fields": .text("personal record, referral details, trip addresses")], at: at)
        }
        return try scrubFreeSpace()
    }

    /// Checkpoints and truncates the write-ahead log, vacuums the file, and truncates the log
    /// again, so that deleted rows leave nothing behind in either file.
    /// Returns false when another connection kept it from completing (busy).
    func scrubFreeSpace() throws -> Bool {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            do {
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "VACUUM")
                // The first column of the checkpoint's row is 1 when it could not complete.
                let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (result?[0] as Int?) == 0
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
                return false
            }
        }
    }

    // MARK: Reading

    /// Everything held about a person.
    public func beneficiaryFile(_ code: String) throws -> BeneficiaryFile? {
        try pool.read { db in
            guard let person = try Self.beneficiary(db, code) else { return nil }
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT erased_on FROM beneficiary WHERE code = ?"), arguments: [code])
            let history = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM beneficiary_status WHERE code = ? ORDER BY id"), arguments: [code]).map { r in
                StatusChange(status: BeneficiaryStatus(rawValue: r["status"]) ?? .active, from: LocalDate(r["from_date"] as String)!,
                             to: (r["to_date"] as String?).flatMap { LocalDate($0) }, reason: r["reason"],
                             closingReason: (r["closing_reason"] as String?).flatMap(ClosingReason.init(rawValue:)), actor: r["actor"], at: r["at"])
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
    public func listBeneficiaries(on day: LocalDate, status: BeneficiaryStatus? = nil, comune: String? = nil,
                                  expiringWithin: Int? = nil) throws -> [BeneficiarySummary] {
        try pool.read { db in
            // Everyone at once (one query per table), not one person at a time.
            var personal: [String: Row] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, surname, given_name, codice_fiscale, phone, name FROM beneficiary_personal") {
                personal[row["code"]] = row
            }
            let people = try Self.allBeneficiaries(db).filter { comune == nil || $0.comune == comune }
            return people.map { person in Self.summary(person, personal[person.code], on: day) }.filter { summary in
                if let status, summary.status != status { return false }
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
        return BeneficiarySummary(code: person.code, status: person.status(on: day), comune: person.comune,
                                  surname: surname.isEmpty ? (row?["name"] ?? "") : surname, name: row?["given_name"] ?? "",
                                  codiceFiscale: row?["codice_fiscale"] ?? "", phone: row?["phone"] ?? "", needs: person.needs,
                                  validUntil: person.currentAuthorisation?.validUntil)
    }

    /// The trips of a person between two days (included), by date and time.
    public func trips(of beneficiary: String, from: LocalDate, through: LocalDate) throws -> [TripRequest] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(TripRequest.columns) FROM trip WHERE beneficiary = ? AND date BETWEEN ? AND ? ORDER BY date, appointment, id"),
                             arguments: [beneficiary, from.description, through.description]).map(TripRequest.init(row:))
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
            Suspension(from: LocalDate(r[0] as String)!, to: LocalDate(r[1] as String)!, reason: r[2])
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
        return ReferralRecord(by: Referral(rawValue: r[0]) ?? .pua, referrerName: r[1], referrerRole: r[2],
                              date: LocalDate(r[3] as String)!, paiReference: r[4])
    }
}

/// Writes audit entries from static helpers (the entry needs no store state), chained like
/// every other entry.
struct AuditWriter {
    func audit(_ db: Database, _ actor: Actor, action: String, entity: String, id: String, details: [String: AuditValue] = [:], at: String) throws {
        try Store.audit(db, actor, action: action, entity: entity, id: id, details: details, at: at)
    }
}

extension Authorisation {
    init(row: Row) {
        self.init(purposes: Authorisation.purposes(parsing: row["purposes"] as String) ?? [], needs: Needs(rawValue: row["needs"]),
                  companionAllowed: (row["companion"] as Int) == 1, validFrom: LocalDate(row["valid_from"] as String)!,
                  validUntil: LocalDate(row["valid_until"] as String)!)
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
            let n = TripRequest.columnCount
            return try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(TripRequest.columns), assignment.association, trip_log.driven_m, trip_log.picked_up_at, trip_log.dropped_off_at, trip_log.outcome,
                  trip_log.vehicle, trip_log.driver, trip_log.waiting_min, trip_log.notes
                FROM trip LEFT JOIN assignment ON assignment.trip = trip.id LEFT JOIN trip_log ON trip_log.trip = trip.id
                WHERE trip.beneficiary = ? AND trip.date BETWEEN ? AND ? ORDER BY trip.date, trip.appointment, trip.id
                """), arguments: [code, from.description, through.description]).map { row in
                PersonTrip(trip: TripRequest(row: row), association: row[n], drivenMetres: row[n + 1],
                           pickedUpAt: (row[n + 2] as Int?).flatMap { LocalTime(minutes: $0) },
                           droppedOffAt: (row[n + 3] as Int?).flatMap { LocalTime(minutes: $0) }, outcome: row[n + 4],
                           vehicle: row[n + 5], driver: row[n + 6], waitingMinutes: row[n + 7], notes: row[n + 8])
            }
        }
    }
}
