import CentraleDomain
import CentraleFormats
import Foundation
import GRDB

/// A person's status over time: suspensions (a hospital stay), resuming, closing, and the
/// erasure of the personal record after the retention period.
extension Store {
    // MARK: Status

    /// Suspends a person from one day to another (e.g. a hospital stay): their trips in the
    /// period still to be done are cancelled with the reason; later trips of their series stay.
    /// Returns the ids cancelled.
    @discardableResult
    public func suspendBeneficiary(_ code: String, from: LocalDate, to: LocalDate, reason: String, actor: Actor) throws -> [Int64] {
        guard to >= from else { throw StoreError.refused(.beneficiary(.suspensionEndsBeforeStart(from: from, to: to))) }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.refused(.beneficiary(.suspensionNeedsReason))
        }
        let at = timestamp()
        return try pool.write { db in
            try Self.requireLiving(db, code)
            try Self.refuseNamingPerson(db, code: code, [(.reason, reason)])
            let person = try Self.beneficiary(db, code)!
            if let closed = person.closedOn, from > closed {
                throw StoreError.refused(.beneficiary(.closedCannotSuspend(code, closedOn: closed)))
            }
            if let other = try Row.fetchOne(db, sql: """
                SELECT from_date, to_date FROM beneficiary_status
                WHERE code = ? AND status = 'suspended' AND from_date <= ? AND to_date >= ? ORDER BY from_date LIMIT 1
                """, arguments: [code, to.description, from.description]) {
                throw StoreError.refused(.beneficiary(.overlappingSuspension(code, from: other[0] as String, to: other[1] as String,
                                                                             askedFrom: from, askedTo: to)),
                                         remedy: .resumeSuspension(beneficiary: code))
            }
            try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, to_date, reason, at, actor) VALUES (?, 'suspended', ?, ?, ?, ?, ?)").execute(
                           arguments: [code, from.description, to.description, reason, at, actor.name])
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM trip WHERE beneficiary = ? AND date BETWEEN ? AND ? AND status IN \(TripStatus.stillToCome.sql) ORDER BY id
                """), arguments: [code, from.description, to.description])
            try Self.audit(db, Actor(actor.name, reason: reason), action: "beneficiary.suspend", entity: "beneficiary", id: code,
                                    details: ["from": .text(from.description), "to": .text(to.description), "trips_cancelled": .int(ids.count)], at: at)
            try Self.cancelTrips(db, ids, reason: "beneficiary suspended: \(reason)", actor: actor, at: at)
            return ids
        }
    }

    /// Ends the suspension in force on `day` early: the person is active again from that day.
    /// A suspension that begins on `day` is withdrawn whole. Trips already cancelled stay
    /// cancelled (book them again).
    ///
    /// Refused when the person is not suspended on `day`: never suspended, the suspension over,
    /// or already ended early (resuming twice); the refusal names a later suspension not yet
    /// begun, which resuming on its first day withdraws.
    public func resumeBeneficiary(_ code: String, on day: LocalDate, reason: String, actor: Actor) throws {
        let at = timestamp()
        try pool.write { db in
            try Self.requireLiving(db, code)
            try Self.refuseNamingPerson(db, code: code, [(.reason, reason)])
            // Suspensions never overlap (suspending refuses it): at most one is in force on the day.
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, from_date, to_date FROM beneficiary_status
                WHERE code = ? AND status = 'suspended' AND from_date <= ? AND to_date >= ? ORDER BY id DESC LIMIT 1
                """), arguments: [code, day.description, day.description]) else {
                let next = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT from_date, to_date FROM beneficiary_status
                    WHERE code = ? AND status = 'suspended' AND from_date > ? AND to_date >= from_date ORDER BY from_date LIMIT 1
                    """), arguments: [code, day.description])
                var period: ClosedRange<LocalDate>?
                if let next {
                    let first = try next.decode(LocalDate.self, forColumn: "from_date"), last = try next.decode(LocalDate.self, forColumn: "to_date")
                    period = first ... max(first, last)
                }
                throw StoreError.refused(.beneficiary(.notSuspended(code, on: day, next: period)))
            }
            let from = try row.decode(LocalDate.self, forColumn: "from_date")
            if from >= day {
                // Begins on the day: the whole suspension is withdrawn (it cannot end the day before it starts, so it is cut to nothing).
                try db.cachedStatement(sql: "UPDATE beneficiary_status SET to_date = from_date, reason = reason || ' (withdrawn)' WHERE id = ?").execute(
                               arguments: [row["id"] as Int64])
                try db.cachedStatement(sql: "UPDATE beneficiary_status SET status = 'active' WHERE id = ?").execute(arguments: [row["id"] as Int64])
            } else {
                try db.cachedStatement(sql: "UPDATE beneficiary_status SET to_date = ? WHERE id = ?").execute(arguments: [day.adding(days: -1).description, row["id"] as Int64])
            }
            try db.cachedStatement(sql: "INSERT INTO beneficiary_status(code, status, from_date, reason, at, actor) VALUES (?, 'active', ?, ?, ?, ?)").execute(
                           arguments: [code, day.description, reason, at, actor.name])
            try Self.audit(db, Actor(actor.name, reason: reason), action: "beneficiary.resume", entity: "beneficiary", id: code,
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
            try Self.refuseNamingPerson(db, code: code, [(.note, note), (.reason, actor.reason)])
            let person = try Self.beneficiary(db, code)!
            if let closed = person.closedOn { throw StoreError.refused(.beneficiary(.alreadyClosed(code, closedOn: closed))) }
            guard day >= person.activatedOn.adding(days: -1) else {
                throw StoreError.refused(.beneficiary(.closeBeforeActivation(code, activatedOn: person.activatedOn)))
            }
            let why = note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue
            try db.cachedStatement(sql: "UPDATE beneficiary SET closed_on = ? WHERE code = ?").execute(arguments: [max(day, person.activatedOn).description, code])
            try db.cachedStatement(sql: """
                INSERT INTO beneficiary_status(code, status, from_date, reason, closing_reason, at, actor) VALUES (?, 'closed', ?, ?, ?, ?, ?)
                """).execute(arguments: [code, day.adding(days: 1).description, note ?? "", reason.rawValue, at, actor.name])
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM trip WHERE beneficiary = ? AND date > ? AND status IN \(TripStatus.stillToCome.sql) ORDER BY id
                """), arguments: [code, day.description])
            try Self.audit(db, Actor(actor.name, reason: why), action: "beneficiary.close", entity: "beneficiary", id: code,
                                    details: ["on": .text(day.description), "reason": .text(reason.rawValue), "trips_cancelled": .int(ids.count)], at: at)
            try Self.cancelTrips(db, ids, reason: "beneficiary closed (\(why))", actor: actor, at: at)
            return ids
        }
    }

    static func cancelTrips(_ db: Database, _ ids: [Int64], reason: String, actor: Actor, at: String) throws {
        for id in ids {
            guard let trip = try tripRecord(db, id)?.trip else { continue }
            let kind = try markCancelled(db, trip, reason: reason, at: at)
            try Self.audit(db, Actor(actor.name, reason: reason), action: "trip.cancel", entity: "trip", id: String(id),
                                    details: ["previous_status": .text(trip.status.rawValue), "cancellation": .text(kind.rawValue)], at: at)
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
            try Self.refuseNamingPerson(db, code: code, [(.reason, actor.reason)])
            let person = try Self.beneficiary(db, code)!
            guard let closed = person.closedOn else {
                throw StoreError.refused(.beneficiary(.notClosed(code)), remedy: .closeBeneficiary(code))
            }
            // Not even with --force while the person may still travel: their last day must be past, and
            // no trip of theirs may still be waiting (it would lose its address and still be dispatched).
            guard closed < today else {
                throw StoreError.refused(.beneficiary(.erasableFrom(code, from: closed.adding(days: 1))))
            }
            let open = try Int64.fetchAll(db, sql: """
                SELECT id FROM trip WHERE beneficiary = ? AND date >= ? AND status IN \(TripStatus.stillToCome.sql) ORDER BY id
                """, arguments: [code, today.description])
            guard open.isEmpty else {
                throw StoreError.refused(.beneficiary(.tripsWaiting(code, open)), remedy: .cancelTrips(open))
            }
            let allowed = closed.adding(days: retentionDays)
            if today < allowed && !force {
                throw StoreError.refused(.beneficiary(.withinRetention(code, closedOn: closed, days: retentionDays, ends: allowed)))
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
            if let cf = try String.fetchOne(db, sql: "SELECT codice_fiscale FROM beneficiary_personal WHERE code = ?", arguments: [code]) {
                try Self.rememberErased(db, codiceFiscale: cf)
            }
            try Self.blankFreeText(db, code: code)
            try db.cachedStatement(sql: "DELETE FROM beneficiary_personal WHERE code = ?").execute(arguments: [code])
            try db.cachedStatement(sql: "DELETE FROM beneficiary_referral WHERE code = ?").execute(arguments: [code])
            try db.cachedStatement(sql: "UPDATE beneficiary SET erased_on = ? WHERE code = ?").execute(arguments: [today.description, code])
            try Self.audit(db, actor, action: "beneficiary.erase", entity: "beneficiary", id: code,
                                    details: ["forced": .bool(today < allowed), "fields": .text("personal record, referral details, trip addresses, status and trip reasons, log notes")], at: at)
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
}
