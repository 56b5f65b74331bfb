import CentraleDispatch
import CentraleDomain
import CentralePlanning
import CentraleStore
import Foundation

/// The last month of the demo year (in the current year, this month) runs as the service runs
/// once the associations register their volunteers: on four days an association declines a trip
/// and dispatch gives it to another; every day's shared-ride plans are made on the crews and
/// accepted; the associations confirm their trips with the route's vehicle and driver (a trip
/// alone, with the first crew of the day that may drive it), up to the next day with trips,
/// leaving a few of that day's unconfirmed for the evening's reminder calls. The month's logs then follow the routes.
public struct PlanMonthStep: DemoStep {
    public var name: DemoMessage { .planningLastMonth }
    public init() {}

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        let store = context.store, registry = context.registry
        let month = context.plannedMonth
        let actor = Actor("demo", reason: "the associations' day in \(month)")
        // Declines: the last trip of the day of the first association that has one, on four days.
        let engine = DispatchEngine(associations: registry.associations, comuni: registry.comuni, convention: registry.convention)
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        var declined: [(trip: Int64, date: LocalDate, by: String, now: String?)] = []
        for day in [3, 10, 17, 24] {
            guard let date = LocalDate(year: month.year, month: month.month, day: day) else { continue }
            let held = try store.tripRecords(on: date).filter { $0.trip.status == .assigned && $0.assignment != nil }
            guard let trip = held.last, let holder = trip.assignment?.association else { continue }
            _ = try store.decline(trip: trip.trip.id, association: holder, reason: "nessun equipaggio libero a quell'ora",
                                  actor: Actor(holder, reason: "declined"))
            let input = try store.dispatchInput(for: date, reassign: false)
            _ = try store.apply(engine.dispatch(input, zone: zone), input: input, actor: actor)
            let now = try store.tripRecord(trip.trip.id)?.assignment?.association
            declined.append((trip: trip.trip.id, date: date, by: holder, now: now))
        }
        progress(.declinedAndRedispatched(declined))

        // Plans: every association's day, on its crews, planned in parallel and accepted.
        let days = month.days
        let inputs = try days.map { try store.plannableDay($0) }
        let results = ConcurrentResults<[DayPlan]>(count: days.count)
        DispatchQueue.concurrentPerform(iterations: days.count) { index in
            results.set(index, .success(ServiceDayPlanner.plans(inputs[index], on: days[index], convention: registry.convention)))
        }
        let plans = try results.values().flatMap { $0 }.filter { $0.tripCount > 0 }
        try store.acceptPlans(plans, actor: actor)
        let routes = plans.reduce(0) { $0 + $1.vehicles.count }
        let saved = plans.reduce(0) { $0 + $1.baselineDistance.metres - $1.plannedDistance.metres }
        context.summary.acceptedPlans = plans.count
        progress(.plansAccepted(days: plans.count, routes: routes, saved: Distance(metres: saved)))

        // Confirmations, up to the next day with trips (tomorrow, but for a holiday); of that
        // day's trips every fifth is left to confirm.
        let tomorrow = plans.map(\.date).filter { $0 > context.today }.min() ?? context.today.adding(days: 1)
        let speed = registry.convention.planning.averageSpeedKmh
        var confirmed = 0, refused = 0, open = 0, lastDayTrips = 0
        for plan in plans where plan.date <= tomorrow {
            let crews = try store.dayCrews(of: plan.association, on: plan.date).crews
            var attempts: [(trip: Int64, choices: [(plate: String, driver: String)])] = []
            for route in plan.vehicles {
                guard let driver = route.driver ?? crews.first(where: { $0.plate == route.plate })?.driver else { continue }
                attempts += route.tripIDs.map { ($0, [(route.plate, driver)]) }
            }
            let alone = crews.compactMap { crew in crew.driver.map { (plate: crew.plate, driver: $0) } }
            attempts += plan.solo.map { ($0.tripID, alone) }
            for attempt in attempts {
                if plan.date == tomorrow {
                    lastDayTrips += 1
                    if lastDayTrips % 5 == 0 { open += 1; continue }
                }
                var done = false
                for choice in attempt.choices where !done {
                    done = (try? store.confirm(trip: attempt.trip, vehicle: choice.plate, driver: choice.driver, averageSpeedKmh: speed,
                                               actor: Actor(plan.association, reason: "confirmed"))) != nil
                }
                if done { confirmed += 1 } else { refused += 1 }
            }
        }
        context.summary.confirmations = confirmed
        context.summary.declines = declined.count
        progress(.confirmed(confirmed, refused: refused, open: open, day: tomorrow))
    }
}
