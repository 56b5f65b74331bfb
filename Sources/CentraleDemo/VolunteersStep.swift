import CentraleDomain
import CentraleStore
import CentraleSynth

/// Registers every association's volunteers (`VolunteerRoster`: shifts, qualifications,
/// holidays and sick days) and its vehicles' inspection days, as the associations would
/// through `centrale volunteer import` and `centrale vehicle off`. It runs after the year is
/// dispatched and its months but the last are logged, so it changes neither; the last month's
/// plans, confirmations and logs (`PlanMonthStep`) and the year's shared-ride estimates are
/// made on these crews.
public struct VolunteersStep: DemoStep {
    public var name: DemoMessage { .registeringVolunteers }
    public init() {}

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        var volunteers = 0, absences = 0, downtime = 0
        for association in context.registry.associations where association.vehicles.contains(where: \.active) {
            let roster = VolunteerRoster(association: association, year: context.year, seed: context.seed)
            let people = roster.volunteers()
            try context.store.addVolunteers(people, averageSpeedKmh: context.registry.convention.planning.averageSpeedKmh, actor: context.actor)
            volunteers += people.count
            absences += people.reduce(0) { $0 + $1.absences.count }
            for period in roster.downtime() {
                _ = try context.store.vehicleOff(period.plate, from: period.from, to: period.to, reason: period.reason, actor: context.actor)
                downtime += 1
            }
        }
        context.summary.volunteers = volunteers
        progress(.volunteers(volunteers, absences: absences, inspections: downtime))
    }
}
