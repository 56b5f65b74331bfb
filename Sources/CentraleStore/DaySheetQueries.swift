import CentraleDomain
import CentralePlanning
import Foundation
import GRDB

extension Store {
    /// An association's day sheet: per vehicle, the stops in order with times, addresses, needs,
    /// notes for the driver and the contact phone. The accepted plan's routes when there is one;
    /// else each confirmed (or logged) trip on its vehicle, pickup at the estimated departure and drop-off
    /// at the appointment (or ready time and estimated arrival, for a return). Trips not yet
    /// confirmed are listed apart. `vehicle` keeps one vehicle's route.
    public func daySheet(association code: String, on date: LocalDate, vehicle only: String? = nil, averageSpeedKmh: Int) throws -> DaySheet {
        try pool.read { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM association WHERE code = ?", arguments: [code]) else {
                let known = try Self.associationCodes(db)
                throw StoreError.notFound(entity: .association, id: code, known: known)
            }
            // A plate of another fleet, or of none, would give an empty sheet: refused, naming the fleet.
            if let only {
                let plates = try String.fetchAll(db, sql: "SELECT plate FROM vehicle WHERE association = ? ORDER BY plate", arguments: [code])
                guard plates.contains(only) else { throw StoreError.notFound(entity: .vehicleOfAssociation(code), id: only, known: plates) }
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
            // The accepted plan's driver of each trip, when its association registers volunteers.
            var plannedDriver: [Int64: String] = [:]
            if !planned.isEmpty, let json = try String.fetchOne(db, sql: "SELECT json FROM plan WHERE date = ? AND association = ?",
                                                               arguments: [date.description, code]),
               let plan = try? JSONDecoder().decode(DayPlan.self, from: Data(json.utf8)) {
                for vehicle in plan.vehicles { for id in vehicle.tripIDs { plannedDriver[id] = vehicle.driver } }
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
                let drivers = Set(stops.compactMap { confirmed[$0.trip]?.driver ?? plannedDriver[$0.trip] }).sorted()
                return DaySheet.Route(plate: plate, drivers: drivers, stops: ordered)
            }
            return DaySheet(association: code, associationName: name, date: date, fromPlan: !planned.isEmpty, routes: sheetRoutes,
                            unconfirmed: only == nil ? unconfirmed.sorted { ($0.time, $0.trip) < ($1.time, $1.trip) } : [])
        }
    }
}
