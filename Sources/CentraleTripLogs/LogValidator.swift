import CentraleDomain
import CentraleFormats

/// Checks the rows of one file against the database's view of the trips, reporting every
/// problem of the file at once as `FILE:LINE: field: what is wrong and what is expected`.
public struct LogValidator: Sendable {
    /// The longest driver code or plate.
    public static let maximumCodeLength = 20

    /// Whether `text` is a plate or a volunteer's code: ASCII letters, digits, `-` or `/`, at most
    /// 20 characters (a log's cells, and a confirmation's vehicle and driver).
    public static func isCode(_ text: String) -> Bool {
        text.utf8.count <= maximumCodeLength && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2F
        }
    }

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
        firstLine.reserveCapacity(rows.count)
        var ranges: [VehicleDay: [FileRange]] = [:]
        batch.fresh.reserveCapacity(rows.count)
        for row in rows {
            var r = RowCheck(row: row)
            guard let (log, trip) = read(&r, firstLine: &firstLine) else { batch.problems += r.problems; continue }
            if let start = log.odometerStart, let end = log.odometerEnd {
                ranges[VehicleDay(plate: log.vehiclePlate, date: trip.date), default: []]
                    .append(FileRange(line: row.location.line, row: row, tripID: log.tripID, start: start, end: end))
            }
            let planned = log.outcome == .done ? context.plannedShares[log.tripID] : nil
            let estimated = planned
                ?? KmReconciliation.estimate(trip, base: context.association.base, outcome: log.outcome, estimator: context.estimator)
            if let existing = context.recorded[log.tripID] {
                if existing == log { batch.alreadyRecorded.append(log.tripID) }
                else {
                    r.fail(.trip, .alreadyLogged(trip: log.tripID, differences: differences(existing, log)),
                           remedy: .amendLog(trip: log.tripID, km: false))
                }
            } else if r.problems.isEmpty {
                batch.fresh.append(CheckedLog(log: log, estimated: estimated,
                                              flag: KmReconciliation.flag(driven: log.driven, estimated: estimated, tolerance: context.tolerance),
                                              line: row.location.line, driverProblem: driverFlag(log, trip)))
            }
            batch.problems += r.problems
        }
        let overlaps = overlapProblems(ranges, inFile: firstLine)
        if !overlaps.isEmpty {
            batch.problems += overlaps
            // Stable: the problems of a line keep the order in which they were found.
            batch.problems = batch.problems.enumerated().sorted {
                ($0.element.location.line, $0.offset) < ($1.element.location.line, $1.offset)
            }.map(\.element)
        }
        if !batch.problems.isEmpty { batch.fresh = [] }
        return batch
    }

    /// A file row's odometer range.
    struct FileRange {
        var line: Int
        /// The row (its location, place and headers name the problem).
        var row: LogRow
        var tripID: Int64
        var start: Distance
        var end: Distance
    }

    /// The odometer ranges of one vehicle that overlap on the same day, within the file and
    /// against the logs already stored (except the file's own trips): refused unless both
    /// trips share a route of an accepted plan, and then only when the readings do not follow
    /// the route's order.
    func overlapProblems(_ ranges: [VehicleDay: [FileRange]], inFile: [Int64: Int]) -> [FieldError] {
        var problems: [FieldError] = []
        for (key, fileRanges) in ranges {
            let stored = (context.storedRanges[key] ?? []).filter { inFile[$0.tripID] == nil }
            guard fileRanges.count > 1 || !stored.isEmpty else { continue }
            for (index, range) in fileRanges.enumerated() {
                for earlier in fileRanges[..<index] {
                    if let why = conflict(range.tripID, range.start, range.end, earlier.tripID, earlier.start, earlier.end, vehicle: key.plate) {
                        problems.append(range.row.problem(.odometerStart, .overlapsLine(
                            plate: key.plate, start: range.start, end: range.end, line: earlier.line, trip: earlier.tripID,
                            otherStart: earlier.start, otherEnd: earlier.end, date: key.date, why: why)))
                    }
                }
                for other in stored {
                    if let why = conflict(range.tripID, range.start, range.end, other.tripID, other.start, other.end, vehicle: key.plate) {
                        problems.append(range.row.problem(.odometerStart, .overlapsRecorded(
                            plate: key.plate, start: range.start, end: range.end, trip: other.tripID, origin: other.origin,
                            otherStart: other.start, otherEnd: other.end, date: key.date, why: why)))
                    }
                }
            }
        }
        return problems
    }

    /// Why two ranges of one vehicle and day cannot both stand, or nil when they can: they do
    /// not overlap, or they share a route of an accepted plan, driven by this vehicle, and follow its order.
    func conflict(_ a: Int64, _ aStart: Distance, _ aEnd: Distance, _ b: Int64, _ bStart: Distance, _ bEnd: Distance,
                  vehicle: String) -> LogProblem.Overlap? {
        guard aStart < bEnd && bStart < aEnd else { return nil }
        guard let ra = context.routes[a], let rb = context.routes[b], ra.route == rb.route else {
            return .twoTripsAtOnce
        }
        // The route (`plan/plate`) is one vehicle's: the same readings on another vehicle are two trips at once.
        guard ra.route.hasSuffix("/" + vehicle) else {
            return .otherVehicle(routeVehicle: ra.route.split(separator: "/").last.map(String.init), vehicle: vehicle)
        }
        // Along the route the odometer only grows: each pair of the two trips' stops must read in
        // the route's order.
        let events = [(ra.pickup, aStart), (ra.dropoff, aEnd)], others = [(rb.pickup, bStart), (rb.dropoff, bEnd)]
        for (p, x) in events {
            for (q, y) in others where (p < q && x > y) || (q < p && y > x) {
                return .outOfOrder(first: ra.pickup < rb.pickup ? a : b)
            }
        }
        return nil
    }

    /// Reads and checks one row, with its trip; nil when the trip itself is unusable.
    private func read(_ r: inout RowCheck, firstLine: inout [Int64: Int]) -> (TripLog, TripRequest)? {
        let code = context.association.code
        r.controlCharacters()
        if !r.row.extraFields.isEmpty {
            r.fail(nil, .extraFields(r.row.extraFields))
        }
        let rawTrip = r.row[.trip]
        guard let id = Int64(rawTrip), id > 0 else {
            if rawTrip.isEmpty { r.fail(.trip, .empty, remedy: .findTrip(association: nil)) }
            else { r.fail(.trip, .notATripID(rawTrip)) }
            return nil
        }
        if let line = firstLine[id] {
            r.fail(.trip, .tripRepeated(trip: id, line: line))
            return nil
        }
        firstLine[id] = r.row.location.line
        // Another association's trip, or one assigned to nobody, reads exactly as a trip that does
        // not exist: a log file must not tell one association what another does.
        guard let (trip, assignedTo) = context.trips[id], assignedTo == code else {
            r.fail(.trip, .noSuchTrip(trip: id, association: code), remedy: .findTrip(association: code))
            return nil
        }
        if trip.status == .cancelled && context.recorded[id] == nil {
            r.fail(.trip, .cancelledTrip(id)); return nil
        }

        if let today = context.today, trip.date > today {
            r.fail(.trip, .futureTrip(trip: id, date: trip.date, today: today))
        }
        let rawDate = r.row[.date]
        if !rawDate.isEmpty {
            if let date = LocalDate(rawDate) {
                if date != trip.date { r.fail(.date, .wrongDate(raw: rawDate, trip: id, date: trip.date)) }
            } else {
                r.fail(.date, .notADate(rawDate))
            }
        }

        let plate = r.row[.vehicle].uppercased().filter { $0 != " " && $0 != "-" }
        var vehicle: Vehicle?
        if plate.isEmpty { r.fail(.vehicle, .emptyVehicle) }
        else if !LogValidator.isCode(plate) {
            r.fail(.vehicle, .notAPlate(r.row[.vehicle], maximumLength: RowCheck.maximumCodeLength))
        }
        else if let found = context.association.vehicles.first(where: { $0.plate == plate }) { vehicle = found }
        else {
            r.fail(.vehicle, .notInFleet(plate: plate, association: code, fleet: context.association.vehicles.map(\.plate)))
        }
        let driver = r.row[.driver]
        if driver.isEmpty { r.fail(.driver, .emptyDriver) }
        else if !LogValidator.isCode(driver) {
            r.fail(.driver, .notAVolunteerCode(driver, maximumLength: RowCheck.maximumCodeLength))
        }

        let outcome = r.outcome()
        if let vehicle, outcome == .done {
            if trip.needs.contains(.wheelchair) && vehicle.wheelchairPlaces == 0 {
                r.fail(.vehicle, .noWheelchairPlace(plate: plate))
            }
            if trip.needs.contains(.stretcher) && !vehicle.stretcher {
                r.fail(.vehicle, .noStretcher(plate: plate))
            }
        }

        // Every number is range-checked as it is read, before any arithmetic on it.
        let start = r.kilometres(.odometerStart, upTo: RowCheck.maximumOdometerKm, what: .odometerReading)
        let end = r.kilometres(.odometerEnd, upTo: RowCheck.maximumOdometerKm, what: .odometerReading)
        let km = r.kilometres(.km, upTo: RowCheck.maximumTripKm, what: .tripKm)
        var driven: Distance?
        if let start, let end {
            if end <= start { r.fail(.odometerEnd, .odometerEndNotAfterStart(end: end, start: start)) }
            else {
                driven = end - start
                if let km, abs(km.metres - driven!.metres) > 500 {
                    r.fail(.km, .kmMismatch(km: km, odometer: driven!))
                }
                if driven!.metres > 2_000_000 { r.fail(.odometerEnd, .tripTooLong) }
            }
        } else if r.row[.odometerStart].isEmpty != r.row[.odometerEnd].isEmpty {
            r.fail(start == nil ? LogColumn.odometerStart : LogColumn.odometerEnd, .oneOdometerReading)
        }
        if driven == nil { driven = km }
        if driven == nil && r.row[.km].isEmpty && r.row[.odometerStart].isEmpty {
            r.fail(.km, .emptyKm(carriedOut: outcome == .done))
        } else if outcome == .done, let driven, driven.metres == 0 {
            r.fail(.km, .zeroKm)
        }

        let pickup = r.time(.pickupTime), dropoff = r.time(.dropoffTime)
        if outcome == .done {
            if pickup == nil && r.row[.pickupTime].isEmpty { r.fail(.pickupTime, .emptyPickupTime) }
            if dropoff == nil && r.row[.dropoffTime].isEmpty { r.fail(.dropoffTime, .emptyDropoffTime) }
            if let pickup, let dropoff, dropoff < pickup { r.fail(.dropoffTime, .dropoffBeforePickup(dropoff: dropoff, pickup: pickup)) }
        } else if let outcome, let dropoff {
            r.fail(.dropoffTime, .dropoffWithoutPassenger(dropoff: dropoff, outcome: outcome))
        }
        let waiting = r.minutes(.waitingMinutes)
        // Every outcome but done says why, in the notes (what the reimbursement of an empty run rests on).
        if let outcome, outcome.needsReason, r.row[.notes].allSatisfy({ $0 == " " || $0 == "\t" }) {
            r.fail(.notes, .noReason(outcome: outcome))
        }

        guard r.problems.isEmpty, let outcome, let driven else { return nil }
        return (TripLog(tripID: id, association: code, vehiclePlate: plate, driverCode: driver, odometerStart: start, odometerEnd: end,
                        driven: driven, pickedUpAt: pickup, droppedOffAt: dropoff, waitingMinutes: waiting, outcome: outcome,
                        notes: r.row[.notes]), trip)
    }

    /// Why a log's driver may not have driven its trip, or nil (also when the association
    /// registered no volunteers).
    func driverFlag(_ log: TripLog, _ trip: TripRequest) -> LogProblem? {
        guard let volunteers = context.volunteers else { return nil }
        guard let volunteer = volunteers[log.driverCode.uppercased()] else {
            return .driverNotRegistered(driver: log.driverCode, association: context.association.code)
        }
        let problems = VolunteerRules.credentialProblems(volunteer, on: trip.date, needs: log.outcome == .done ? trip.needs : [])
        return problems.isEmpty ? nil : .credentials(problems)
    }

    private func differences(_ a: TripLog, _ b: TripLog) -> [LogProblem.Difference] {
        var parts: [LogProblem.Difference] = []
        if a.driven != b.driven { parts.append(.km(recorded: a.driven, here: b.driven)) }
        if a.vehiclePlate != b.vehiclePlate { parts.append(.vehicle(recorded: a.vehiclePlate, here: b.vehiclePlate)) }
        if a.outcome != b.outcome { parts.append(.outcome(recorded: a.outcome, here: b.outcome)) }
        if a.pickedUpAt != b.pickedUpAt || a.droppedOffAt != b.droppedOffAt { parts.append(.times) }
        if a.driverCode != b.driverCode { parts.append(.driver) }
        if a.waitingMinutes != b.waitingMinutes { parts.append(.waiting(recorded: a.waitingMinutes, here: b.waitingMinutes)) }
        if a.odometerStart != b.odometerStart || a.odometerEnd != b.odometerEnd { parts.append(.odometer) }
        if a.notes != b.notes { parts.append(.notes) }
        return parts
    }
}
