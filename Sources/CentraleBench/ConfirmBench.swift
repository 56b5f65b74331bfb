import CentraleDomain
import CentraleRegistry
@_spi(Benchmarks) import CentraleStore
import CentraleSynth
import Foundation

/// Times an association confirming and declining trips (target: under 50 ms each) on a
/// database holding a year of trips and the association's volunteers, against an empty write
/// transaction on the same database (SQLite's own floor for a change that commits).
func benchConfirm(registry: Registry, year: Int, seed: UInt64) throws {
    let folder = try benchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (store, association) = try yearAssignedToOneAssociation(registry: registry, year: year, seed: seed, in: folder)
    let actor = Actor("bench")
    let speed = registry.convention.planning.averageSpeedKmh
    try store.addVolunteers(VolunteerRoster(association: association, year: year, seed: seed).volunteers(), averageSpeedKmh: speed, actor: actor)

    // March's weekday trips, each with a crew whose driver and vehicle may carry it.
    let march = YearMonth(year: year, month: 3)!
    let trips = try store.trips(of: association.code, from: march.firstDay, to: march.lastDay).filter { $0.trip.date.isoWeekday <= 5 }
    var crews: [LocalDate: DayCrews] = [:]
    var confirmTimes: [Double] = [], refusedTimes: [Double] = [], declineTimes: [Double] = [], floorTimes: [Double] = []
    var confirmed = 0, refused = 0
    for (index, record) in trips.prefix(400).enumerated() {
        if index % 2 == 1 {
            declineTimes.append(seconds { _ = try? store.decline(trip: record.trip.id, reason: "no crew that day", actor: actor) })
            continue
        }
        let day = try crews[record.trip.date] ?? store.dayCrews(of: association.code, on: record.trip.date)
        crews[record.trip.date] = day
        let window = VolunteerRules.window(of: record.trip, estimated: record.estimated, averageSpeedKmh: speed)
        let crew = day.crews(for: record.trip.needs, covering: window).first ?? day.crews.first
        guard let crew, let driver = crew.driver else { continue }
        var accepted = false
        let time = seconds {
            accepted = (try? store.confirm(trip: record.trip.id, vehicle: crew.plate, driver: driver, averageSpeedKmh: speed, actor: actor)) != nil
        }
        if accepted { confirmed += 1; confirmTimes.append(time) } else { refused += 1; refusedTimes.append(time) }
        floorTimes.append(seconds { try? store.benchmarkDatabase.write { _ in } })
    }
    func p99(_ values: [Double]) -> Double { values.sorted()[min(values.count - 1, values.count * 99 / 100)] }
    print("Confirming and declining trips (\(association.code), \(trips.count) weekday trips of \(march), a year of trips in the database)")
    print("  operation      count   median ms   p99 ms   ratio to an empty write transaction (median)")
    let floor = median(floorTimes)
    for (name, times) in [("confirmed", confirmTimes), ("refused", refusedTimes), ("declined", declineTimes), ("empty write", floorTimes)]
        where !times.isEmpty {
        print(String(format: "  %@   %5d   %9.2f   %6.2f   %6.1f", name.padding(toLength: 12, withPad: " ", startingAt: 0), times.count,
                     median(times) * 1000, p99(times) * 1000,
                     median(times) / max(floor, 1e-9)))
    }
    print("  \(confirmed) confirmed, \(refused) refused by the checks (overlapping trips of the driver or vehicle); target: under 50 ms each")
}
