import CentraleDomain
import CentralePlanning
import Foundation
import GRDB

/// The trips of a day that availability changes put at risk (`AvailabilityWarning`).
extension Store {
    /// The day's trips held by an association that may no longer be served as arranged, each
    /// with the first reason found: the accepted plan's vehicle off the road, the plan's driver
    /// unavailable, a confirmation withdrawn, no crew on duty for it. Confirmed trips are not
    /// checked against the crews (their confirmation was checked, and is withdrawn when the
    /// volunteer or the vehicle it names becomes unavailable).
    public func availabilityWarnings(on date: LocalDate) throws -> [Int64: AvailabilityWarning] {
        let registry = try registry()
        let speed = registry.convention.planning.averageSpeedKmh
        return try pool.read { db in
            let records = try Row.fetchAll(db, sql: Self.tripRecordSQL + " WHERE trip.date = ? AND trip.status = 'assigned' ORDER BY trip.id",
                                           arguments: [date.description]).decoded { try TripRecord(row: $0, layout: $1) }
            guard !records.isEmpty else { return [:] }
            let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.trip.id, $0) })
            let off = try Self.offTheRoad(db, on: date)
            let volunteers = try Self.allVolunteers(db)
            let means = Self.dayCrews(registry.associations, volunteers: volunteers, offTheRoad: off, on: date, planning: registry.convention.planning)
            let confirmed = Set(try Int64.fetchAll(db, sql: """
                SELECT trip_confirmation.trip FROM trip_confirmation JOIN trip ON trip.id = trip_confirmation.trip WHERE trip.date = ?
                """, arguments: [date.description]))
            let withdrawn = Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT audit_log.entity_id FROM audit_log JOIN trip ON CAST(trip.id AS TEXT) = audit_log.entity_id
                WHERE audit_log.entity = 'trip' AND audit_log.action = 'confirmation.withdraw' AND trip.date = ?
                """, arguments: [date.description]).compactMap { Int64($0) })
            var warnings: [Int64: AvailabilityWarning] = [:]
            // The accepted plans: their vehicles and drivers.
            let decoder = JSONDecoder()
            for json in try String.fetchAll(db, sql: "SELECT json FROM plan WHERE date = ?", arguments: [date.description]) {
                guard let plan = try? decoder.decode(DayPlan.self, from: Data(json.utf8)) else { continue }
                for vehicle in plan.vehicles {
                    for id in vehicle.tripIDs {
                        // A confirmed trip is checked by its confirmation (withdrawn when it breaks), not by the plan.
                        guard let record = byID[id], record.assignment?.association == plan.association, warnings[id] == nil,
                              !confirmed.contains(id) else { continue }
                        if off.contains(vehicle.plate) {
                            warnings[id] = .plannedVehicleOff(plate: vehicle.plate)
                        } else if let code = vehicle.driver {
                            let driver = volunteers[plan.association]?.first { $0.code == code }
                            // Absent, without valid credentials, no longer qualified, or no longer on duty (a crew of
                            // the day, whose shifts may join) for the whole route.
                            let onDuty = means[plan.association]?.crews.contains {
                                $0.driver == code && $0.covers([], from: vehicle.departure, to: vehicle.arrival)
                            } ?? false
                            if driver.map({ !DayCrews.mayDrive($0, on: date) || !$0.qualifications.isSuperset(of: record.trip.needs) || !onDuty }) ?? true {
                                warnings[id] = .plannedDriverUnavailable(driver: code)
                            }
                        }
                    }
                }
            }
            for record in records where warnings[record.trip.id] == nil && !confirmed.contains(record.trip.id) {
                if withdrawn.contains(record.trip.id) { warnings[record.trip.id] = .confirmationWithdrawn; continue }
                guard let association = record.assignment?.association, let day = means[association], day.source == .volunteers else { continue }
                let window = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: speed)
                if day.crews(for: record.trip.needs, covering: window).isEmpty {
                    warnings[record.trip.id] = .noCrew(needs: record.trip.needs)
                }
            }
            return warnings
        }
    }
}
