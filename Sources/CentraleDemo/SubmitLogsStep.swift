import CentraleDomain
import CentraleFormats
import CentraleStore
import CentraleSynth
import Foundation

/// Writes each association's monthly trip-log file (each association in its own dialect) into
/// the demo folder and submits it through the same path as `centrale log submit`. Three bad
/// files are submitted first and must be rejected without writing anything; one good file is
/// submitted twice to show that a repeat is harmless. The months before the last are logged
/// first, trip by trip; the last month (`DemoContext.plannedMonth`), once its plans are
/// accepted and its trips confirmed, along the routes with the confirmed vehicles and drivers.
public struct SubmitLogsStep: DemoStep {
    /// Which months a run logs.
    public enum Months: Sendable { case beforePlannedMonth, plannedMonth }

    public let months: Months
    public var name: DemoMessage { months == .beforePlannedMonth ? .submittingLogs : .loggingLastMonth }
    public init(_ months: Months = .beforePlannedMonth) { self.months = months }

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        let folder = URL(fileURLWithPath: context.outputFolder).appendingPathComponent("logs")
        if months == .beforePlannedMonth { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rejected"), withIntermediateDirectories: true)
        let registry = context.registry
        var odometers = context.odometers
        var submitted = 0, logs = 0, flagged = 0, rejected = 0, alongRoutes = 0, driverFlags = 0
        var firstFile: (url: URL, association: String)?
        // Only what has taken place: in the current year, up to yesterday; later trips stay assigned.
        let today = context.today
        let planned = context.plannedMonth
        let logged = (1...12).map { YearMonth(year: context.year, month: $0)! }.filter { months == .plannedMonth ? $0 == planned : $0 < planned }
        for (index, association) in registry.associations.sorted(by: { $0.code < $1.code }).enumerated() {
            let dialect = LogDialect.allCases[index % LogDialect.allCases.count]
            let generator = TripLogGenerator(association: association, estimator: registry.convention.distanceEstimator, seed: context.seed)
            for month in logged {
                let trips = try context.store.trips(of: association.code, from: month.firstDay, to: month.lastDay)
                    .filter { $0.trip.status == .assigned && $0.trip.date < today }.map(\.trip)
                guard !trips.isEmpty else { continue }
                var monthLogs: [SyntheticLog]
                if months == .plannedMonth {
                    var confirmations: [Int64: Confirmation] = [:]
                    for date in Set(trips.map(\.date)) {
                        confirmations.merge(try context.store.confirmations(of: association.code, on: date)) { a, _ in a }
                    }
                    let routes = try drivenRoutes(of: association.code, trips: trips, confirmations: confirmations, context)
                    let onRoutes = Set(routes.flatMap { $0.legs.map(\.trip.id) })
                    var crews = confirmations.mapValues { (vehicle: Optional($0.vehicle), driver: $0.driver) }
                    // A trip nobody could confirm is driven all the same, by a volunteer allowed to
                    // drive it that day (the first in turn), on the vehicle the log draws.
                    let volunteers = try context.store.volunteers(of: association.code)
                    for trip in trips where crews[trip.id] == nil && !onRoutes.contains(trip.id) {
                        let allowed = volunteers.filter { VolunteerRules.credentialProblems($0, on: trip.date, needs: trip.needs).isEmpty }
                        guard !allowed.isEmpty else { continue }
                        crews[trip.id] = (nil, allowed[Int(trip.id % Int64(allowed.count))].code)
                    }
                    monthLogs = generator.logs(along: routes, odometers: &odometers)
                        + generator.logs(for: trips.filter { !onRoutes.contains($0.id) }, odometers: &odometers, crews: crews)
                    monthLogs.sort { ($0.trip.date, $0.trip.appointment, $0.trip.id) < ($1.trip.date, $1.trip.appointment, $1.trip.id) }
                    alongRoutes += onRoutes.count
                } else {
                    monthLogs = generator.logs(for: trips, odometers: &odometers)
                }
                if let bad = BadFiles.variant(number: index, month: month.month, logs: monthLogs) {
                    let url = folder.appendingPathComponent("rejected/\(association.code)-\(month)-\(bad.kind).\(dialect.fileExtension)")
                    let result = try submit(LogFileWriter.text(bad.logs, dialect: dialect), bad.breakHeader, to: url, association: association.code, context)
                    guard !result.accepted else { throw StoreError.refused(.demo(.badFileAccepted(url.lastPathComponent))) }
                    rejected += 1
                    progress(.rejectedAsExpected(file: url.lastPathComponent, problem: result.problems.first))
                }
                let url = folder.appendingPathComponent("\(association.code)-\(month).\(dialect.fileExtension)")
                let result = try submit(LogFileWriter.text(monthLogs, dialect: dialect), false, to: url, association: association.code, context)
                guard result.accepted else {
                    throw StoreError.refused(.demo(.fileRejected(url.path, problems: Array(result.problems.prefix(3)))))
                }
                submitted += 1
                if firstFile == nil { firstFile = (url, association.code) }
                logs += result.newLogs
                flagged += result.flagged
                driverFlags += result.driverFlags.count
            }
        }
        context.odometers = odometers
        // Submitting a file again changes nothing.
        if months == .beforePlannedMonth, let (url, code) = firstFile {
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = try context.store.submitLogFile(text, file: url.path, sha256: SHA256.hex(of: text), association: code, actor: Actor(code))
            progress(.submittedAgain(file: url.lastPathComponent, new: result.newLogs, already: result.alreadyRecorded))
        }
        let driven = try context.store.loggedDistance(year: context.year)
        context.summary.logs += logs
        context.summary.logFiles += submitted
        context.summary.rejectedFiles += rejected
        context.summary.flagged += flagged
        context.summary.metres = driven.metres
        context.summary.km = (driven.metres + 500) / 1000
        if months == .plannedMonth {
            if today.year == context.year {
                context.summary.loggedUntil = today.adding(days: -1).description
                progress(.currentYear(context.year, today: today))
            }
            progress(.lastMonthLogged(planned, files: submitted, logs: logs, alongRoutes: alongRoutes, flagged: flagged, driverFlags: driverFlags))
        } else {
            progress(.logsSubmitted(files: submitted, logs: logs, flagged: flagged, rejected: rejected, folder: folder.path))
        }
    }

    /// The routes of the association's accepted plans that carry some of `trips`, as driven:
    /// the route's vehicle and driver (the confirmed one, else the plan's), its trips in the
    /// order of their pickups with their shares and planned times.
    private func drivenRoutes(of association: String, trips: [TripRequest], confirmations: [Int64: Confirmation],
                              _ context: DemoContext) throws -> [DrivenRoute] {
        let byID = Dictionary(uniqueKeysWithValues: trips.map { ($0.id, $0) })
        var routes: [DrivenRoute] = []
        for date in Set(trips.map(\.date)).sorted() {
            for stored in try context.store.acceptedPlans(on: date, association: association) {
                for vehicle in stored.plan.vehicles {
                    let shares = Dictionary(vehicle.shares.map { ($0.tripID, $0.distance) }, uniquingKeysWith: { a, _ in a })
                    var times: [Int64: (pickup: LocalTime, dropoff: LocalTime)] = [:]
                    for stop in vehicle.stops {
                        var entry = times[stop.tripID] ?? (stop.time, stop.time)
                        if stop.kind == .pickup { entry.pickup = stop.time } else { entry.dropoff = stop.time }
                        times[stop.tripID] = entry
                    }
                    let legs = vehicle.tripIDs.compactMap { id -> DrivenRoute.Leg? in
                        guard let trip = byID[id], let share = shares[id], let time = times[id] else { return nil }
                        return DrivenRoute.Leg(trip: trip, share: share, pickup: time.pickup, dropoff: time.dropoff)
                    }
                    guard let first = legs.first else { continue }
                    let driver = confirmations[first.trip.id]?.driver ?? vehicle.driver ?? "V\(association.prefix(3))01"
                    routes.append(DrivenRoute(plate: vehicle.plate, driver: driver, legs: legs))
                }
            }
        }
        return routes
    }

    private func submit(_ text: String, _ breakHeader: Bool, to url: URL, association: String, _ context: DemoContext) throws -> SubmissionResult {
        var content = text
        if breakHeader {
            if content.hasPrefix("[") {
                content = content.replacingOccurrences(of: "\"vehicle\":", with: "\"vehicle_plate_number\":")
            } else if let newline = content.firstIndex(of: "\n") {
                // Drop the third column (the vehicle) from the header, as a hand-edited file would.
                let header = content[..<newline]
                let separator: Character = header.contains(";") ? ";" : ","
                var names = header.split(separator: separator, omittingEmptySubsequences: false)
                names.remove(at: 2)
                content = names.joined(separator: String(separator)) + content[newline...]
            }
        }
        try content.write(to: url, atomically: true, encoding: .utf8)
        return try context.store.submitLogFile(content, file: url.path, sha256: SHA256.hex(of: content), association: association,
                                               actor: Actor(association))
    }
}

/// The demo's bad files: copies of real monthly files with the mistakes people make.
enum BadFiles {
    struct Variant { var kind: String; var logs: [SyntheticLog]; var breakHeader: Bool }

    static func variant(number: Int, month: Int, logs: [SyntheticLog]) -> Variant? {
        guard logs.count >= 3 else { return nil }
        switch (number, month) {
        case (0, 3):
            var bad = logs
            bad[1].vehicle = "ZZ999ZZ"
            bad[2].dropoff = bad[2].pickup.flatMap { LocalTime(minutes: max(0, $0.minutes - 30)) }
            return Variant(kind: "wrong-vehicle", logs: bad, breakHeader: false)
        case (5, 6):
            return Variant(kind: "repeated-trip", logs: logs + [logs[0]], breakHeader: false)
        case (10, 10):
            return Variant(kind: "missing-column", logs: logs, breakHeader: true)
        default:
            return nil
        }
    }
}
