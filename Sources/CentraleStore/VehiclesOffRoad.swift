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

/// Vehicles off the road, their documents, and what expires soon.
extension Store {
    private func vehicleAssociation(_ db: Database, _ plate: String) throws -> String {
        guard let association = try String.fetchOne(db, sql: "SELECT association FROM vehicle WHERE plate = ?", arguments: [plate]) else {
            throw StoreError.notFound(entity: .vehicle, id: plate)
        }
        return association
    }

    /// Takes a vehicle off the road for a period, audited. Trips confirmed on it in the period
    /// lose their confirmation, and trips an accepted plan puts on it are flagged; both returned.
    public func vehicleOff(_ plate: String, from: LocalDate, to: LocalDate, reason: String, actor: Actor) throws -> [AffectedTrip] {
        guard to >= from else { throw StoreError.refused(.crew(.offRoadEndsBeforeStart(from: from, to: to))) }
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
                affected.append(AffectedTrip(trip: id, date: record.trip.date, note: .vehicleOff(plate)))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT DISTINCT plan_trip.trip, trip.date FROM plan_trip JOIN trip ON trip.id = plan_trip.trip
                WHERE plan_trip.vehicle = ? AND trip.date BETWEEN ? AND ? AND trip.status = 'assigned' ORDER BY trip.date, plan_trip.trip
                """, arguments: [plate, from.description, to.description]) where !affected.contains(where: { $0.trip == row[0] as Int64 }) {
                affected.append(AffectedTrip(trip: row[0], date: try row.decode(LocalDate.self, atIndex: 1),
                                             note: .planOnVehicle(plate)))
            }
            return affected
        }
    }

    /// The plates of the vehicles off the road on `date`.
    public func offTheRoad(on date: LocalDate) throws -> Set<String> {
        try pool.read { db in try Self.offTheRoad(db, on: date) }
    }

    /// The plates of the vehicles off the road on `date`, within a read.
    static func offTheRoad(_ db: Database, on date: LocalDate) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT plate FROM vehicle_off WHERE from_date <= ? AND to_date >= ?",
                                arguments: [date.description, date.description]))
    }

    /// The periods a vehicle is off the road that include `date`.
    static func offPeriods(_ db: Database, plate: String, on date: LocalDate) throws -> [Absence] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT from_date, to_date, reason FROM vehicle_off WHERE plate = ? AND from_date <= ? AND to_date >= ?"),
                         arguments: [plate, date.description, date.description])
            .map { Absence(from: try $0.decode(LocalDate.self, atIndex: 0), to: try $0.decode(LocalDate.self, atIndex: 1), reason: $0[2]) }
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
    /// before `until` (those already expired included), by date; only `association`'s when
    /// given, which must be an association of the registry.
    public func expiries(until: LocalDate, association: String? = nil) throws -> [Expiry] {
        try pool.read { db in
            if let association { try Self.requireAssociation(db, association) }
            let day = until.description
            var result: [Expiry] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT 'licence', association, code, licence_expiry FROM volunteer WHERE licence_expiry IS NOT NULL AND licence_expiry <= ?
                UNION ALL SELECT 'insurance (art. 18 CTS)', association, code, insured_until FROM volunteer WHERE insured_until IS NOT NULL AND insured_until <= ?
                UNION ALL SELECT CASE vehicle_document.kind WHEN 'inspection' THEN 'vehicle inspection' ELSE 'vehicle insurance' END,
                  vehicle.association, vehicle.plate, vehicle_document.valid_until
                  FROM vehicle_document JOIN vehicle ON vehicle.plate = vehicle_document.plate WHERE vehicle_document.valid_until <= ?
                """, arguments: [day, day, day]) {
                let expiry = Expiry(what: row[0], association: row[1], subject: row[2], validUntil: try row.decode(LocalDate.self, atIndex: 3))
                if association == nil || association == expiry.association { result.append(expiry) }
            }
            return result.sorted { ($0.validUntil, $0.association, $0.subject, $0.what) < ($1.validUntil, $1.association, $1.subject, $1.what) }
        }
    }
}
