import CentraleDomain
import CentralePlanning
import Foundation

/// The plans as text for the terminal.
public struct PlanText: Sendable {
    public var plans: [DayPlan]
    public var trips: [TripRequest]
    public var accepted: Bool
    /// The words' language (English only for now).
    public var language: Language

    public init(plans: [DayPlan], trips: [TripRequest], accepted: Bool, language: Language = .it) {
        self.plans = plans
        self.trips = trips
        self.accepted = accepted
        self.language = language
    }

    public var text: String {
        let byID = Dictionary(trips.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        for plan in plans {
            lines.append("\(plan.association) \(plan.date): \(plan.tripCount) trips, \(Set(plan.vehicles.map(\.plate)).count) vehicles; "
                + "\(plan.plannedDistance.kilometresText) km planned against \(plan.baselineDistance.kilometresText) km alone: "
                + "saves \(plan.savedDistance.kilometresText) km, \(plan.saving) €")
            for vehicle in plan.vehicles {
                lines.append("  \(vehicle.plate)\(vehicle.driver.map { ", driver \($0)" } ?? "")  \(vehicle.departure) leaves the base, back at \(vehicle.arrival); "
                    + "\(vehicle.distance.kilometresText) km (alone \(vehicle.soloDistance.kilometresText) km)")
                for stop in vehicle.stops {
                    let who = byID[stop.tripID].map { " \($0.beneficiary)" } ?? ""
                    let verb = stop.kind == .pickup ? "pick up" : "drop off"
                    lines.append("    \(stop.time)  \(verb.padding(toLength: 8, withPad: " ", startingAt: 0)) trip \(stop.tripID)\(who)  \(stop.label)")
                }
            }
            for solo in plan.solo {
                lines.append("  alone: trip \(solo.tripID) (\(solo.distance.kilometresText) km): \(solo.reason)")
            }
        }
        if plans.count > 1 {
            let saved = plans.reduce(Distance.zero) { $0 + $1.savedDistance }
            let euros = plans.reduce(Money.zero) { $0 + $1.saving }
            let baseline = plans.reduce(Distance.zero) { $0 + $1.baselineDistance }
            lines.append("Total: \(plans.count) associations, saves \(saved.kilometresText) km of \(baseline.kilometresText) km, \(euros) €")
        }
        if plans.isEmpty { lines.append("No trips to plan on that day.") }
        if accepted { lines.append("Accepted: the plans are stored with the assignments.") }
        return lines.joined(separator: "\n")
    }
}
