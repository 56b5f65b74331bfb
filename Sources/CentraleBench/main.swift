// centrale-bench: speed of Centrale's engines, in a release build (`tools/bench.sh`).
// Prints figures; asserts nothing (targets are checked by reading them).
import CentraleDispatch
import CentraleDomain
import CentraleRegistry
import CentraleSynth
import Foundation

let arguments = CommandLine.arguments.dropFirst()
let which = arguments.first ?? "all"
/// Optional: `--seed N` and `--year YYYY` for the synthetic year.
let seed = arguments.firstIndex(of: "--seed").flatMap { UInt64(arguments[arguments.index(after: $0)]) } ?? 2014
let benchYearNumber = arguments.firstIndex(of: "--year").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 2025
/// Optional: `--convention FILE` to measure another convention (e.g. other dispatch weights).
let registry: Registry = try {
    var registry = try Registry.embedded()
    if let index = arguments.firstIndex(of: "--convention") {
        let path = arguments[arguments.index(after: index)]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        registry.convention = try Registry.decodeConvention(text, fileName: path)
    }
    return registry
}()
let zone = Set(registry.zoneComuni.map(\.istatCode))

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// The synthetic year's trips, numbered, by day.
func yearTrips() -> (byDate: [LocalDate: [DispatchTrip]], recurring: [Int64: Bool]) {
    let year = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: benchYearNumber, seed: seed).generate()
    var id: Int64 = 0
    var byDate: [LocalDate: [DispatchTrip]] = [:]
    var recurring: [Int64: Bool] = [:]
    for legs in year.requests {
        for var trip in legs {
            id += 1
            trip.id = id
            byDate[trip.date, default: []].append(DispatchTrip(trip, zone: zone))
            recurring[id] = trip.seriesID != nil
        }
    }
    return (byDate, recurring)
}

func benchDays() {
    let (byDate, _) = yearTrips()
    let pool = byDate.keys.sorted().flatMap { byDate[$0]! }
    print("Dispatch engine, one day across \(registry.associations.count) associations (capacities scaled to the day's size)")
    print("  trips   median ms   min ms   assigned")
    for size in [200, 500, 2000] {
        var rng = SeededRandom(seed: UInt64(size))
        var trips: [DispatchTrip] = []
        for index in 0..<size {
            var trip = pool[Int(rng.next() % UInt64(pool.count))]
            trip.id = Int64(index + 1)
            trips.append(trip)
        }
        let factor = max(1, Double(size) / 200)
        var associations = registry.associations
        for i in associations.indices { associations[i].dailyCapacity = Int((Double(associations[i].dailyCapacity) * factor).rounded(.up)) }
        let engine = DispatchEngine(associations: associations, comuni: registry.comuni, convention: registry.convention)
        var outlook: [String: Int] = [:]
        for trip in trips { outlook[trip.beneficiary, default: 0] += 8 }
        let day = LocalDate("2025-03-03")!
        var plan: DispatchPlan?
        let times = (0..<15).map { _ in seconds { plan = engine.dispatch(trips, on: day, history: DispatchHistory(day: day), outlook: outlook) } }
        print(String(format: "  %5d   %9.2f   %6.2f   %8d", size, median(times) * 1000, times.min()! * 1000, plan!.assignedCount))
    }
}

func benchYear() {
    let (byDate, recurring) = yearTrips()
    let total = byDate.values.reduce(0) { $0 + $1.count }
    var best = Double.infinity
    var samples: [DispatchQuality.Sample] = []
    for run in 0..<3 {
        var dispatcher = RollingDispatcher(engine: DispatchEngine(associations: registry.associations, comuni: registry.comuni,
                                                                  convention: registry.convention))
        var collected: [DispatchQuality.Sample] = []
        var elapsed = 0.0
        for date in byDate.keys.sorted() {
            let trips = byDate[date]!
            let outlook = MonthOutlook(from: date, trips: byDate)
            var plan: DispatchPlan?
            elapsed += seconds { plan = dispatcher.dispatch(trips, on: date, outlook: outlook.counts, samples: outlook.samples) }
            if run == 0 {
                let beneficiaries = Dictionary(uniqueKeysWithValues: trips.map { ($0.id, $0.beneficiary) })
                for decision in plan!.decisions {
                    if let association = decision.association {
                        collected.append(.init(date: date, association: association, beneficiary: beneficiaries[decision.tripID]!,
                                               recurring: recurring[decision.tripID]!))
                    }
                }
            }
        }
        if run == 0 { samples = collected }
        best = min(best, elapsed)
    }
    let quality = DispatchQuality(samples: samples, shares: Dictionary(uniqueKeysWithValues: registry.associations.map { ($0.code, $0.shareBasisPoints) }))
    print("Dispatch engine, the demo year \(benchYearNumber) (seed \(seed)): \(total) trips over \(byDate.count) days")
    print(String(format: "  engine time %.3f s (best of 3); %d assigned; worst monthly share deviation %.1f%% (%@ %@); continuity %.1f%%",
                 best, samples.count, quality.maxShareDeviation * 100, quality.worstAssociation, quality.worstMonth, quality.continuity * 100))
}

switch which {
case "dispatch-day": benchDays()
case "dispatch-year": benchYear()
case "log-import": try benchLogImport(registry: registry, year: benchYearNumber, seed: seed)
case "report": try benchReport(registry: registry, lastYear: benchYearNumber)
case "tui": benchTUI(registry: registry, seed: seed)
case "plan-day": benchPlanDay(registry: registry, year: benchYearNumber, seed: seed)
case "confirm": try benchConfirm(registry: registry, year: benchYearNumber, seed: seed)
case "beneficiaries": try benchBeneficiaries(registry: registry, seed: seed)
case "serve-load": try await benchServeLoad(registry: registry, year: benchYearNumber, seed: seed)
case "dispatch": benchDays(); benchYear()
case "all": benchDays(); benchYear(); try benchLogImport(registry: registry, year: benchYearNumber, seed: seed)
    try benchReport(registry: registry, lastYear: benchYearNumber)
    benchTUI(registry: registry, seed: seed)
    benchPlanDay(registry: registry, year: benchYearNumber, seed: seed)
    try benchConfirm(registry: registry, year: benchYearNumber, seed: seed)
    try benchBeneficiaries(registry: registry, seed: seed)
default:
    print("usage: centrale-bench [all | dispatch | dispatch-day | dispatch-year | log-import | report | tui | plan-day | confirm | beneficiaries | serve-load] [--seed N] [--year YYYY] [--convention FILE]")
    exit(2)
}
