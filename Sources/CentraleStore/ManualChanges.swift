import CentraleDomain
import CentraleFormats
import Foundation
import GRDB

extension Store {
    /// Assigns a trip by hand (`manual`, within the rules, or `forced`, against a hard rule
    /// with a reason), in one transaction with its audit entry.
    ///
    /// - Parameter expectedVersion: the version the dispatcher saw; if the trip changed since,
    ///   the change is refused (never silently overwritten).
    public func assign(trip id: Int64, to association: String, method: AssignmentMethod, note: String?,
                       expectedVersion: Int? = nil, actor: Actor) throws {
        let at = timestamp()
        try pool.write { db in
            let record = try current(db, id, expectedVersion: expectedVersion)
            guard [.pending, .unassignable, .assigned].contains(record.trip.status) else {
                throw StoreError.refused(.trip(.cannotAssign(id, record.trip.status)))
            }
            guard let member = try Row.fetchOne(db, sql: "SELECT left_on FROM association WHERE code = ?", arguments: [association]) else {
                let known = try Self.associationCodes(db)
                throw StoreError.notFound(entity: .association, id: association, known: known)
            }
            if let leftOn = member["left_on"] as String?, record.trip.date.description >= leftOn {
                throw StoreError.refused(.trip(.associationLeft(association, on: leftOn, trip: id)))
            }
            try setAssignment(db, trip: record, association: association, method: method, note: note, by: actor, at: at)
            var details: [String: AuditValue] = ["association": .text(association), "method": .text(method.rawValue)]
            if let previous = record.assignment?.association { details["previous"] = .text(previous) }
            if let note { details["note"] = .text(note) }
            try audit(db, actor, action: "assignment.set", entity: "trip", id: String(id), details: details, at: at)
        }
    }

    /// Cancels a trip (and, with `series`, every later trip of its series still to be done).
    /// Returns the ids cancelled.
    @discardableResult
    public func cancel(trip id: Int64, series: Bool = false, expectedVersion: Int? = nil, actor: Actor) throws -> [Int64] {
        let at = timestamp()
        return try pool.write { db in
            let record = try current(db, id, expectedVersion: expectedVersion)
            try Self.refuseNamingPerson(db, code: record.trip.beneficiary, [(.reason, actor.reason)])
            var ids = [id]
            if series {
                guard let seriesID = record.trip.seriesID else {
                    throw StoreError.refused(.trip(.notInSeries(id)))
                }
                ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM trip WHERE series = ? AND date >= ? AND status IN \(TripStatus.stillToCome.sql) ORDER BY id
                    """, arguments: [seriesID, record.trip.date.description])
            }
            for tripID in ids {
                let trip = try Self.tripRecord(db, tripID)!
                guard trip.trip.status.canMove(to: .cancelled) else {
                    throw StoreError.refused(.trip(.cannotCancel(tripID, trip.trip.status)))
                }
                let kind = try Self.markCancelled(db, trip.trip, reason: actor.reason, at: at)
                try audit(db, actor, action: "trip.cancel", entity: "trip", id: String(tripID),
                          details: ["previous_status": .text(trip.trip.status.rawValue), "cancellation": .text(kind.rawValue)], at: at)
            }
            return ids
        }
    }

    /// Sets a trip cancelled by the centre, with the time and whether that was in advance or
    /// late (less than 24 hours before the trip's start, `ServiceOutcome.cancellation`).
    static func markCancelled(_ db: Database, _ trip: TripRequest, reason: String?, at: String) throws -> ServiceOutcome {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let moment = formatter.date(from: at) ?? .distantPast
        let kind = ServiceOutcome.cancellation(minutesBefore: minutes(from: moment, to: trip.date, minute: trip.startMinute()))
        try db.cachedStatement(sql: """
            UPDATE trip SET status = 'cancelled', status_reason = ?, cancelled_at = ?, cancellation = ?, version = version + 1 WHERE id = ?
            """).execute(arguments: [reason, at, kind.rawValue, trip.id])
        return kind
    }

    /// Marks an assigned trip as a no-show (the beneficiary was not there), audited; the
    /// association still logs the km driven, which confirms it.
    /// A no-show cannot be marked before the trip's time: from `leadMinutes` before an
    /// outbound appointment (the earliest pickup), from the ready time of a return.
    public func markNoShow(trip id: Int64, expectedVersion: Int? = nil, leadMinutes: Int = 60, actor: Actor) throws {
        let at = timestamp()
        let (today, minute) = Self.rome(clock())
        try pool.write { db in
            let record = try current(db, id, expectedVersion: expectedVersion)
            guard record.trip.status == .assigned else {
                throw StoreError.refused(.trip(.cannotMarkNoShow(id, record.trip.status)))
            }
            try Self.refuseNamingPerson(db, code: record.trip.beneficiary, [(.reason, actor.reason)])
            let from = record.trip.startMinute(leadMinutes: leadMinutes)
            if today < record.trip.date || (today == record.trip.date && minute < from) {
                throw StoreError.refused(.trip(.noShowTooEarly(id, date: record.trip.date, appointment: record.trip.appointment,
                                                              from: LocalTime(minutes: from))))
            }
            try db.execute(sql: "UPDATE trip SET status = 'no_show', status_reason = ?, version = version + 1 WHERE id = ?",
                           arguments: [actor.reason, id])
            try audit(db, actor, action: "trip.no_show", entity: "trip", id: String(id),
                      details: ["association": .text(record.assignment?.association ?? "-")], at: at)
        }
    }

    /// Takes back a no-show marked by mistake: the trip is assigned again, audited. Only on the
    /// trip's own day, and only while no log has been submitted for it.
    public func undoNoShow(trip id: Int64, expectedVersion: Int? = nil, actor: Actor) throws {
        let at = timestamp()
        let today = self.today()
        try pool.write { db in
            let record = try current(db, id, expectedVersion: expectedVersion)
            guard record.trip.status == .noShow else {
                throw StoreError.refused(.trip(.notNoShow(id, record.trip.status)))
            }
            guard record.trip.date == today else {
                throw StoreError.refused(.trip(.noShowPast(id, date: record.trip.date)))
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM trip_log WHERE trip = ?", arguments: [id]) != true else {
                throw StoreError.refused(.trip(.alreadyLogged(id)), remedy: .amendLog(trip: id, km: false))
            }
            try db.execute(sql: "UPDATE trip SET status = 'assigned', status_reason = NULL, version = version + 1 WHERE id = ?", arguments: [id])
            try audit(db, actor, action: "trip.no_show_undo", entity: "trip", id: String(id),
                      details: ["association": .text(record.assignment?.association ?? "-")], at: at)
        }
    }

    /// The trip as it is now, refusing if it is unknown or changed since `expectedVersion`.
    private func current(_ db: Database, _ id: Int64, expectedVersion: Int?) throws -> TripRecord {
        guard let record = try Self.tripRecord(db, id) else { throw StoreError.notFound(entity: .trip, id: String(id)) }
        if let expectedVersion, record.version != expectedVersion {
            throw StoreError.changedMeanwhile(trip: id, current: record.version, seen: expectedVersion)
        }
        return record
    }

    /// The home address and location of a beneficiary (personal data: for pickups only).
    public func home(of beneficiary: String) throws -> (address: String, location: Coordinate)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT address, home_lat, home_lon FROM beneficiary_personal WHERE code = ?",
                             arguments: [beneficiary]).map { row in
                (row["address"], Coordinate(latitude: row["home_lat"], longitude: row["home_lon"]))
            }
        }
    }

    /// Whether a beneficiary's home position is only the comune's centre (no coordinates given).
    public func homeIsApproximate(_ beneficiary: String) throws -> Bool {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT home_approximate FROM beneficiary_personal WHERE code = ?", arguments: [beneficiary]) == 1
        }
    }
}
