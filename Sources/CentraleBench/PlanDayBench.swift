import CentraleDomain
import CentralePlanning
import CentraleRegistry
import CentraleSynth
import Foundation

/// The shared-ride planner on real-service days: one association with 6 vehicles and 20, 40
/// and 60 trips drawn from the synthetic year's busiest day (the target: 60 trips in under 1 s).
func benchPlanDay(registry: Registry, year: Int, seed: UInt64) {
    let generated = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: year, seed: seed).generate()
    var byDate: [LocalDate: [TripRequest]] = [:]
    var id: Int64 = 0
    for legs in generated.requests {
        for var trip in legs where !trip.needs.contains(.stretcher) {
            id += 1
            trip.id = id
            byDate[trip.date, default: []].append(trip)
        }
    }
    let (day, pool) = byDate.max { $0.value.count < $1.value.count }!
    var association = registry.associations.max { $0.vehicles.count < $1.vehicles.count }!
    let template = association.vehicles
    association.vehicles = (0..<6).map { index in
        var vehicle = template[index % template.count]
        vehicle.plate = "BENCH\(index)"
        vehicle.active = true
        return vehicle
    }
    // The trips nearest the association's base, as its own day would be.
    let near = pool.sorted {
        RoadDistanceEstimator.greatCircleMetres($0.pickup.location, association.base)
            < RoadDistanceEstimator.greatCircleMetres($1.pickup.location, association.base)
    }
    // The association's crews that day from a synthetic roster (`VolunteerRoster`, as the demo
    // registers): a morning crew per vehicle, afternoons for half of them, spare drivers.
    let roster = VolunteerRoster(association: association, year: day.year, seed: seed).volunteers()
    let crews = DayCrews.of(association, volunteers: roster, offTheRoad: [], on: day, planning: registry.convention.planning)
    print("Shared-ride plan of one association's day (\(association.code), 6 vehicles, trips of \(day)), default budget")
    print("  every vehicle all day (baseline), then on \(crews.crews.count) crews from the volunteers' shifts:")
    print("  "
          + crews.crews.map { "\($0.plate) \($0.start)-\($0.end)\($0.qualifications.contains(.wheelchair) ? " wheelchair" : "")" }.joined(separator: ", "))
    print("  trips  shifts   median ms   max ms   iterations   vehicles used   km alone   km planned   saved   time ratio   saving ratio")
    for size in [20, 40, 60] {
        let trips = Array(near.prefix(size))
        let planner = ServiceDayPlanner(association: association, convention: registry.convention)
        let options = ServiceDayPlanner.defaultOptions(trips: size)
        var baseline: (time: Double, saved: Int)?
        for onCrews in [false, true] {
            var plan: DayPlan?
            let times = (0..<5).map { _ in seconds { plan = planner.plan(trips, on: day, crews: onCrews ? crews.crews : nil) } }
            let saved = plan!.savedDistance.metres
            let ratios = baseline.map { String(format: "%10.2f   %12.2f", median(times) / max($0.time, 1e-9), Double(saved) / Double(max(1, $0.saved))) }
                ?? String(format: "%10.2f   %12.2f", 1.0, 1.0)
            print(String(format: "  %5d  %@   %9.1f   %6.1f   %10d   %13d   %8@   %10@   %4.1f%%   %@", size, onCrews ? "real   " : "all day",
                         median(times) * 1000, times.max()! * 1000,
                         options.maxIterations ?? 0, plan!.vehicles.count, plan!.baselineDistance.kilometresText,
                         plan!.plannedDistance.kilometresText,
                         Double(saved) / Double(max(1, plan!.baselineDistance.metres)) * 100, ratios))
            if !onCrews { baseline = (median(times), saved) }
        }
    }
}
