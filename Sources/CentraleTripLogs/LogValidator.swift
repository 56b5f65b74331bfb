import CentraleDomain
import CentraleFormats

/// Checks the rows of one file against the database's view of the trips, reporting every
/// problem of the file at once as `FILE:LINE: field: what is wrong and what is expected`.
public struct LogValidator: Sendable {
    /// What the rows are checked against.
    public let context: LogContext

    /// Creates a validator.
    public init(context: LogContext) { self.context = context }

    /// The trip ids a file's rows name (for loading the context).
    public static func tripIDs(_ rows: [LogRow]) -> [Int64] { rows.compactMap { Int64($0[.trip]) } }

    /// Checks every row.
    public func check(_ rows: [LogRow]) -> LogBatch {
        var batch = LogBatch()
        var firstLine: [Int64: Int] = [:]
        for row in rows {
            var r = RowCheck(row: row)
            guard let log = read(&r, firstLine: &firstLine) else { batch.problems += r.problems; continue }
            let trip = context.trips[log.tripID]!.trip
            let planned = log.outcome == .done ? context.plannedShares[log.tripID] : nil
            let estimated = planned
                ?? KmReconciliation.estimate(trip, base: context.association.base, outcome: log.outcome, estimator: context.estimator)
            if let existing = context.recorded[log.tripID] {
                if existing == log { batch.alreadyRecorded.append(log.tripID) }
                else {
                    r.fail("trip", "trip \(log.tripID) is already logged with other values (\(differences(existing, log))); "
                           + "to correct a recorded log use `centrale log amend \(log.tripID) --reason …`")
                }
            } else if r.problems.isEmpty {
                batch.fresh.append(CheckedLog(log: log, estimated: estimated,
                                              flag: KmReconciliation.flag(driven: log.driven, estimated: estimated, tolerance: context.tolerance),
                                              line: row.location.line))
            }
            batch.problems += r.problems
        }
        if !batch.problems.isEmpty { batch.fresh = [] }
        return batch
    }

    /// Reads and checks one row; nil when the trip itself is unusable.
    private func read(_ r: inout RowCheck, firstLine: inout [Int64: Int]) -> TripLog? {
        let code = context.association.code
        let rawTrip = r.row[.trip]
        guard let id = Int64(rawTrip), id > 0 else {
            r.fail("trip", rawTrip.isEmpty ? "is empty; give the trip id from `centrale trips`" : "'\(rawTrip)' is not a trip id (a whole number)")
            return nil
        }
        if let line = firstLine[id] {
            r.fail("trip", "trip \(id) is already on line \(line) of this file; keep one row per trip")
            return nil
        }
        firstLine[id] = r.row.location.line
        guard let (trip, assignedTo) = context.trips[id] else {
            r.fail("trip", "no trip \(id); check the id in `centrale trips --association \(code)`")
            return nil
        }
        switch (trip.status, assignedTo) {
        case (.cancelled, _) where context.recorded[id] == nil:
            r.fail("trip", "trip \(id) was cancelled before it took place; do not log it"); return nil
        case (_, let other?) where other != code:
            r.fail("trip", "trip \(id) is assigned to \(other), not to \(code)"); return nil
        case (_, nil):
            r.fail("trip", "trip \(id) is not assigned to \(code) (it is \(trip.status.rawValue))"); return nil
        default: break
        }

        if let today = context.today, trip.date > today {
            r.fail("trip", "trip \(id) is on \(trip.date), after today (\(today)); log it once it has taken place")
        }
        let rawDate = r.row[.date]
        if !rawDate.isEmpty {
            if let date = LocalDate(rawDate) {
                if date != trip.date { r.fail("date", "\(rawDate) is not the day of trip \(id) (\(trip.date))") }
            } else {
                r.fail("date", "'\(rawDate)' is not a date; write 2026-10-05 or 05/10/2026")
            }
        }

        let plate = r.row[.vehicle].uppercased().filter { $0 != " " && $0 != "-" }
        var vehicle: Vehicle?
        if plate.isEmpty { r.fail("vehicle", "is empty; give the plate of the vehicle used") }
        else if let found = context.association.vehicles.first(where: { $0.plate == plate }) { vehicle = found }
        else {
            r.fail("vehicle", "'\(plate)' is not in \(code)'s fleet; use one of \(context.association.vehicles.map(\.plate).joined(separator: ", "))")
        }
        let driver = r.row[.driver]
        if driver.isEmpty { r.fail("driver", "is empty; give the driver's volunteer code") }
        else if driver.count > 40 { r.fail("driver", "is longer than 40 characters; give the volunteer code, not a name") }

        let outcome = r.outcome()
        if let vehicle, outcome == .done {
            if trip.needs.contains(.wheelchair) && vehicle.wheelchairPlaces == 0 {
                r.fail("vehicle", "\(plate) has no wheelchair place, and the beneficiary travels in a wheelchair")
            }
            if trip.needs.contains(.stretcher) && !vehicle.stretcher {
                r.fail("vehicle", "\(plate) carries no stretcher, and the beneficiary travels on one")
            }
        }

        let start = r.kilometres(.odometerStart, upTo: 9_999_999), end = r.kilometres(.odometerEnd, upTo: 9_999_999)
        let km = r.kilometres(.km, upTo: 2_000)
        var driven: Distance?
        if let start, let end {
            if end <= start { r.fail("odometer_end", "\(end) is not after odometer_start \(start)") }
            else {
                driven = end - start
                if let km, abs(km.metres - driven!.metres) > 500 {
                    r.fail("km", "\(km) does not match the odometer readings (\(driven!)); correct one of them")
                }
                if driven!.metres > 2_000_000 { r.fail("odometer_end", "more than 2,000 km for one trip; check the readings") }
            }
        } else if r.row[.odometerStart].isEmpty != r.row[.odometerEnd].isEmpty {
            r.fail(start == nil ? "odometer_start" : "odometer_end", "give both odometer readings, or neither and km")
        }
        if driven == nil { driven = km }
        if driven == nil && r.row[.km].isEmpty && r.row[.odometerStart].isEmpty {
            r.fail("km", "is empty; give the km driven, or odometer_start and odometer_end")
        }

        let pickup = r.time(.pickupTime), dropoff = r.time(.dropoffTime)
        if outcome == .done {
            if pickup == nil && r.row[.pickupTime].isEmpty { r.fail("pickup_time", "is empty; a trip carried out needs the pickup time (HH:MM)") }
            if dropoff == nil && r.row[.dropoffTime].isEmpty { r.fail("dropoff_time", "is empty; a trip carried out needs the drop-off time (HH:MM)") }
            if let pickup, let dropoff, dropoff < pickup { r.fail("dropoff_time", "\(dropoff) is before the pickup at \(pickup)") }
        } else if let outcome, let dropoff {
            r.fail("dropoff_time", "\(dropoff) given, but the outcome is \(outcome.rawValue): nobody was dropped off; leave it empty")
        }
        let waiting = r.minutes(.waitingMinutes)

        guard r.problems.isEmpty, let outcome, let driven else { return nil }
        return TripLog(tripID: id, association: code, vehiclePlate: plate, driverCode: driver, odometerStart: start, odometerEnd: end,
                       driven: driven, pickedUpAt: pickup, droppedOffAt: dropoff, waitingMinutes: waiting, outcome: outcome,
                       notes: r.row[.notes])
    }

    private func differences(_ a: TripLog, _ b: TripLog) -> String {
        var parts: [String] = []
        if a.driven != b.driven { parts.append("km \(a.driven) recorded, \(b.driven) here") }
        if a.vehiclePlate != b.vehiclePlate { parts.append("vehicle \(a.vehiclePlate) recorded, \(b.vehiclePlate) here") }
        if a.outcome != b.outcome { parts.append("outcome \(a.outcome.rawValue) recorded, \(b.outcome.rawValue) here") }
        if a.pickedUpAt != b.pickedUpAt || a.droppedOffAt != b.droppedOffAt { parts.append("times differ") }
        if a.driverCode != b.driverCode { parts.append("driver differs") }
        if a.waitingMinutes != b.waitingMinutes { parts.append("waiting \(a.waitingMinutes) recorded, \(b.waitingMinutes) here") }
        if a.odometerStart != b.odometerStart || a.odometerEnd != b.odometerEnd { parts.append("odometer differs") }
        if a.notes != b.notes { parts.append("notes differ") }
        return parts.joined(separator: "; ")
    }
}

/// The checks of one row, collecting problems.
struct RowCheck {
    let row: LogRow
    var problems: [FieldError] = []

    mutating func fail(_ field: String, _ message: String) { problems.append(FieldError(row.location, field: field, message)) }

    /// A distance written in km with a decimal point or comma; nil when empty or wrong.
    mutating func kilometres(_ column: LogColumn, upTo limit: Int) -> Distance? {
        var raw = row[column]
        guard !raw.isEmpty else { return nil }
        if raw.contains(" ") { raw = raw.filter { $0 != " " } }
        // "1.234,5" (Italian thousands) is accepted; a lone separator is the decimal one.
        var text = raw
        if text.contains(",") && text.contains(".") { text = text.filter { $0 != "." } }
        guard let metres = DecimalText.scaled(text, decimals: 3), metres >= 0, metres <= limit * 1000 else {
            fail(column.rawValue, "'\(raw)' is not a number of km between 0 and \(limit) (e.g. 23,4 or 23.4)")
            return nil
        }
        return Distance(metres: metres)
    }

    mutating func time(_ column: LogColumn) -> LocalTime? {
        let raw = row[column]
        guard !raw.isEmpty else { return nil }
        guard let time = LocalTime(raw) else { fail(column.rawValue, "'\(raw)' is not a time; write HH:MM, e.g. 08:15"); return nil }
        return time
    }

    mutating func minutes(_ column: LogColumn) -> Int {
        let raw = row[column]
        guard !raw.isEmpty else { return 0 }
        guard let value = Int(raw), (0...720).contains(value) else {
            fail(column.rawValue, "'\(raw)' is not a number of minutes between 0 and 720"); return 0
        }
        return value
    }

    mutating func outcome() -> TripOutcome? {
        let raw = row[.outcome]
        let key = LogColumn.fold(raw)
        switch key {
        case "done", "ok", "effettuato", "eseguito", "fatto", "svolto", "completed": return .done
        case "no_show", "noshow", "assente", "non_presente", "mancata_presentazione": return .noShow
        case "cancelled_on_spot", "canceled_on_spot", "annullato", "annullato_sul_posto", "disdetto_sul_posto": return .cancelledOnSpot
        default:
            fail("outcome", raw.isEmpty ? "is empty; write done, no_show or cancelled_on_spot"
                                         : "'\(raw)' is not an outcome; write done, no_show or cancelled_on_spot (effettuato, assente, annullato)")
            return nil
        }
    }
}
