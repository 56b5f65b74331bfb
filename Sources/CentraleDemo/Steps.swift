import CentraleDomain
import CentraleIntake
import CentraleRegistry
import Foundation
import CentraleStore
import CentraleSynth

/// Loads the registry (comuni, places, associations, convention) into the database.
public struct LoadRegistryStep: DemoStep {
    public var name: DemoMessage { .loadingRegistry }
    public init() {}

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        let summary = try context.store.load(context.registry, actor: context.actor)
        progress(.registryLoaded(comuni: context.registry.zoneComuni.count, places: context.registry.places.count,
                                 associations: context.registry.associations.count, vehicles: summary.added["vehicle"] ?? 0))
    }
}

/// Generates the synthetic year's beneficiaries and requests and stores them.
public struct GenerateYearStep: DemoStep {
    public var name: DemoMessage { .generatingYear }
    public init() {}

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        let generator = SyntheticYearGenerator(comuni: context.registry.comuni, places: context.registry.places,
                                               year: context.year, seed: context.seed, mix: context.mix)
        var year = generator.generate { progress(.programme($0, beneficiaries: $1, tripsSoFar: $2)) }
        // The people come in as a PUA office exports them, through the same import as
        // `beneficiary import`; then their hospital stays and closings, and only requests that
        // respect them.
        let list = PUAList(year: year, comuni: context.registry.comuni, seed: context.seed)
        let folder = URL(fileURLWithPath: context.outputFolder).appendingPathComponent("pua")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("segnalazioni-\(context.year).csv")
        try list.csv.write(to: file, atomically: true, encoding: .utf8)
        let rows = try BeneficiaryImport(comuni: context.registry.comuni, today: max(context.today, LocalDate(year: context.year, month: 12, day: 31)!))
            .read(Data(contentsOf: file), fileName: file.path)
        var codes = year.beneficiaries.map(\.0.code).makeIterator()
        let names = Dictionary(context.registry.comuni.map { ($0.istatCode, $0.name) }, uniquingKeysWith: { a, _ in a })
        let outcome = try context.store.importBeneficiaries(rows.map(\.entry), comuneNames: names, newCode: { codes.next()! }, actor: context.actor)
        for (code, suspension) in list.suspensions {
            try context.store.suspendBeneficiary(code, from: suspension.from, to: suspension.to, reason: suspension.reason, actor: context.actor)
        }
        for (code, day, reason) in list.closings {
            try context.store.closeBeneficiary(code, on: day, reason: reason, note: nil, actor: context.actor)
        }
        let suspended = Dictionary(grouping: list.suspensions, by: \.code).mapValues { $0.map(\.suspension) }
        year.requests.removeAll { legs in
            suspended[legs[0].beneficiary]?.contains { $0.from <= legs[0].date && legs[0].date <= $0.to } ?? false
        }
        try context.store.addRequests(year.requests, estimator: context.registry.convention.distanceEstimator, actor: context.actor)
        context.summary.beneficiaries = year.beneficiaries.count
        context.summary.trips = year.tripCount
        let first = LocalDate(year: context.year, month: 1, day: 1)!
        let activations = year.beneficiaries.filter { $0.0.activatedOn >= first }.count
        context.summary.activations = activations
        context.summary.suspensions = list.suspensions.count
        context.summary.closings = list.closings.filter { $0.on >= first }.count
        progress(.yearGenerated(people: outcome.added.count, file: file.path, activations: activations, year: context.year,
                                suspensions: list.suspensions.count, closings: list.closings.count, trips: year.tripCount))
    }
}
