import CentraleDomain
import CentralePlanning
import CentraleStore
import Foundation

/// Plans every association's day of the year with shared rides (as `centrale plan` would) and
/// adds up the estimated km and euros the plans would save against driving each trip alone:
/// once with every vehicle available all day, once on the crews the volunteers' shifts make
/// (how much of the saving survives real shifts). Nothing is stored: the demo's trips were
/// logged as driven one by one, but for the last month's, which followed its accepted plans.
public struct PlanYearStep: DemoStep {
    /// The step's progress name.
    public var name: DemoMessage { .planningYear }
    /// Creates the step.
    public init() {}

    /// Plans every association-day of the demo year, in parallel, and adds up the savings.
    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        let registry = context.registry
        let first = LocalDate(year: context.year, month: 1, day: 1)!, last = LocalDate(year: context.year, month: 12, day: 31)!
        let days = try context.store.plannableDays(from: first, through: last)
        let associations = Dictionary(uniqueKeysWithValues: registry.associations.map { ($0.code, $0) })
        // The crews on duty each day, for the associations that register volunteers.
        var byDate: [LocalDate: [String: DayCrews]] = [:]
        for date in Set(days.map(\.date)) { byDate[date] = try context.store.dayCrews(on: date) }
        let crews = byDate
        for withShifts in [false, true] {
            let started = Date()
            let plans = ConcurrentResults<DayPlan?>(count: days.count)
            DispatchQueue.concurrentPerform(iterations: days.count) { index in
                let day = days[index]
                let means = crews[day.date]?[day.association]
                let plan = associations[day.association].map {
                    ServiceDayPlanner(association: $0, convention: registry.convention)
                        .plan(day.trips, on: day.date, crews: withShifts ? means?.registeredCrews : nil)
                }
                plans.set(index, .success(plan))
            }
            let all = try plans.values().compactMap { $0 }
            var summary = PlanYearSummary()
            for plan in all { summary.add(plan) }
            if withShifts { context.summary.plansWithShifts = summary } else { context.summary.plans = summary }
            progress(.yearPlanned(withShifts: withShifts, days: all.count, seconds: Date().timeIntervalSince(started), trips: summary.trips,
                                  shared: summary.sharedTrips, chained: summary.chainedTrips, planned: Distance(metres: summary.plannedMetres),
                                  alone: Distance(metres: summary.baselineMetres), euros: Money(cents: summary.savingCents)))
        }
    }
}

/// What the year's shared-ride plans add up to.
public struct PlanYearSummary: Sendable, Codable, Hashable {
    /// Trips planned.
    public var trips = 0
    /// Trips on board together with at least one other trip at some point.
    public var sharedTrips = 0
    /// Trips chained on a vehicle's route with others (shared or not), instead of base to base.
    public var chainedTrips = 0
    /// Estimated metres of the plans (routes and solo trips).
    public var plannedMetres = 0
    /// Estimated metres of driving every trip alone.
    public var baselineMetres = 0
    /// Reimbursement the plans save, in cents.
    public var savingCents = 0

    /// Adds one day's plan.
    mutating func add(_ plan: DayPlan) {
        trips += plan.tripCount
        sharedTrips += plan.vehicles.reduce(0) { $0 + $1.sharedTripIDs.count }
        chainedTrips += plan.vehicles.filter { $0.tripIDs.count > 1 }.reduce(0) { $0 + $1.tripIDs.count }
        plannedMetres += plan.plannedDistance.metres
        baselineMetres += plan.baselineDistance.metres
        savingCents += plan.saving.cents
    }
}
