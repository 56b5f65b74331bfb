import CentraleDomain
import Foundation
import GRDB

/// A call of the evening-before list: a trip still to be done on the day, the person to remind
/// (name and phone from the personal record), its association and its confirmation.
public struct ReminderCall: Hashable, Sendable {
    public var trip: Int64
    public var appointment: LocalTime
    /// When the person is picked up: the accepted plan's time (of the association holding the
    /// trip), else what the day sheet shows (`VolunteerRules.window`): for an outbound trip the
    /// appointment less the estimated road time, for a return the ready time.
    public var pickup: LocalTime
    public var leg: TripLeg
    public var status: TripStatus
    public var beneficiary: String
    /// The person's name and phone ("" once the record is erased).
    public var name: String
    public var phone: String
    /// The caregiver to call when the person cannot answer.
    public var caregiverPhone: String
    public var association: String?
    /// The vehicle and the driver, when the association has confirmed the trip.
    public var vehicle: String?
    public var driver: String?
}

extension Store {
    /// The day's trips still to be done (pending, unassignable or assigned), by time, with what a
    /// reminder call needs; the return leg of a person comes after the outbound.
    public func reminderCalls(on date: LocalDate) throws -> [ReminderCall] {
        let registry = try registry()
        let planning = registry.convention.planning
        return try pool.read { db in
            var planned: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT plan_stop.trip, plan_stop.planned_minute FROM plan_stop JOIN plan ON plan.id = plan_stop.plan
                JOIN assignment ON assignment.trip = plan_stop.trip AND assignment.association = plan.association
                WHERE plan.date = ? AND plan_stop.kind = 'pickup'
                """, arguments: [date.description]) { planned[row[0]] = row[1] }
            // Without a plan, the pickup the day sheet shows: the start of the trip's busy window.
            var estimatedPickup: [Int64: LocalTime] = [:]
            for record in try Row.fetchAll(db, sql: Self.tripRecordSQL + " WHERE trip.date = ?", arguments: [date.description])
                .decoded({ try TripRecord(row: $0, layout: $1) }) {
                estimatedPickup[record.trip.id] = VolunteerRules.window(of: record.trip, estimated: record.estimated,
                                                                        averageSpeedKmh: planning.averageSpeedKmh).start
            }
            return try Row.fetchAll(db, sql: """
                SELECT trip.id, trip.appointment, trip.leg, trip.status, trip.beneficiary,
                       coalesce(p.name, '') AS name, coalesce(p.phone, '') AS phone, coalesce(p.caregiver_phone, '') AS caregiver_phone,
                       assignment.association, c.vehicle, c.driver
                FROM trip
                LEFT JOIN beneficiary_personal p ON p.code = trip.beneficiary
                LEFT JOIN assignment ON assignment.trip = trip.id
                LEFT JOIN trip_confirmation c ON c.trip = trip.id
                WHERE trip.date = ? AND trip.status IN ('pending', 'unassignable', 'assigned')
                ORDER BY trip.appointment, trip.id
                """, arguments: [date.description]).map { row in
                let id: Int64 = row["id"]
                let appointment: LocalTime = try row.decode(forColumn: "appointment")
                let pickup = planned[id].flatMap { LocalTime(minutes: $0) } ?? estimatedPickup[id] ?? appointment
                return ReminderCall(trip: id, appointment: appointment, pickup: pickup, leg: try row.decode(forColumn: "leg"),
                             status: try row.decode(forColumn: "status"), beneficiary: row["beneficiary"], name: row["name"], phone: row["phone"],
                             caregiverPhone: row["caregiver_phone"], association: row["association"], vehicle: row["vehicle"], driver: row["driver"])
            }
        }
    }
}
