import CentraleDispatch
import CentraleDomain
import CentraleStore
import Foundation

/// Dispatches every day of the year in order, through the same store path as
/// `centrale dispatch`, and measures how well the convention's goals were met.
public struct DispatchYearStep: DemoStep {
    public var name: DemoMessage { .dispatchingYear }
    public init() {}

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        let registry = context.registry
        let engine = DispatchEngine(associations: registry.associations, comuni: registry.comuni, convention: registry.convention)
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        let actor = Actor("demo", reason: "dispatch of the demo year")
        var engineTime = 0.0
        var assigned = 0, unassignable = 0
        for month in (1...12).map({ YearMonth(year: context.year, month: $0)! }) {
            for date in month.days {
                let input = try context.store.dispatchInput(for: date, reassign: false)
                guard !input.trips.isEmpty else { continue }
                let started = Date()
                let plan = engine.dispatch(input, zone: zone)
                engineTime += Date().timeIntervalSince(started)
                let outcome = try context.store.apply(plan, input: input, actor: actor)
                assigned += outcome.assigned
                unassignable += outcome.unassignable
            }
            progress(.monthDispatched(month, assigned: assigned, unassignable: unassignable))
        }
        let quality = try DispatchQuality(samples: context.store.dispatchSamples(year: context.year),
                                          shares: Dictionary(uniqueKeysWithValues: registry.associations.map { ($0.code, $0.shareBasisPoints) }))
        context.summary.assigned = assigned
        context.summary.unassignable = unassignable
        context.summary.shareMaxDeviationPercent = (quality.maxShareDeviation * 1000).rounded() / 10
        context.summary.continuityPercent = (quality.continuity * 1000).rounded() / 10
        progress(.dispatchQuality(engineSeconds: engineTime, worstShare: quality.maxShareDeviation * 100, association: quality.worstAssociation,
                                  month: "\(quality.worstMonth)", continuity: quality.continuity * 100))
    }
}
