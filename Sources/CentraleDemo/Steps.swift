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
