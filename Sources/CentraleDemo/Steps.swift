import CentraleDomain
import CentraleRegistry
import CentraleStore
import CentraleSynth

/// Loads the registry (comuni, places, associations, convention) into the database.
public struct LoadRegistryStep: DemoStep {
    public var name: String { "loading the registry" }
    public init() {}

    public func run(_ context: DemoContext, progress: (String) -> Void) throws {
        let summary = try context.store.load(context.registry, actor: context.actor)
        progress("\(context.registry.zoneComuni.count) comuni in the zone, \(context.registry.places.count) places, "
                 + "\(context.registry.associations.count) associations, \(summary.added["vehicle"] ?? 0) vehicles")
    }
}

/// Generates the synthetic year's beneficiaries and requests and stores them.
public struct GenerateYearStep: DemoStep {
    public var name: String { "generating the year's beneficiaries and requests" }
    public init() {}

    public func run(_ context: DemoContext, progress: (String) -> Void) throws {
        let generator = SyntheticYearGenerator(comuni: context.registry.comuni, places: context.registry.places,
                                               year: context.year, seed: context.seed)
        let year = generator.generate(progress: progress)
        try context.store.addBeneficiaries(year.beneficiaries, actor: context.actor)
        try context.store.addRequests(year.requests, estimator: context.registry.convention.distanceEstimator, actor: context.actor)
        context.summary.beneficiaries = year.beneficiaries.count
        context.summary.trips = year.tripCount
        progress("stored \(year.beneficiaries.count) beneficiaries and \(year.tripCount) trips")
    }
}

/// Estimates the kilometres of the year as the convention counts them: each trip from the
/// base of the nearest association serving the beneficiary's comune, to the pickup, to the
/// destination, and back to the base. Replaced by logged kilometres once trips are logged.
public struct EstimateKilometresStep: DemoStep {
    public var name: String { "estimating the year's kilometres" }
    public init() {}

    public func run(_ context: DemoContext, progress: (String) -> Void) throws {
        let registry = context.registry
        let estimator = registry.convention.distanceEstimator
        let inZone = Set(registry.zoneComuni.map(\.istatCode))
        var total = Distance.zero
        for date in (1...12).flatMap({ YearMonth(year: context.year, month: $0)!.days }) {
            for trip in try context.store.trips(on: date) {
                let home = inZone.contains(trip.pickup.comune) ? trip.pickup.comune : trip.destination.comune
                let bases = registry.associations.filter { $0.serves.contains(home) }.map(\.base)
                guard let base = bases.min(by: { estimator.roadDistance($0, trip.pickup.location) < estimator.roadDistance($1, trip.pickup.location) })
                else { continue }
                total += estimator.roadDistance(along: [base, trip.pickup.location, trip.destination.location, base])
            }
        }
        context.summary.metres = total.metres
        context.summary.km = (total.metres + 500) / 1000
        progress("\(context.summary.km) km estimated")
    }
}
