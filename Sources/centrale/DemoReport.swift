import CentraleDemo
import CentraleDomain
import Foundation

/// The demo's closing table: each figure against the service's own.
enum DemoReport {
    static func text(_ summary: DemoSummary) -> String {
        let targets = DemoSummary.targets
        // A smaller year (tests) is held against targets scaled alike.
        let scale = { (target: Int) in target * (summary.scalePercent ?? 100) / 100 }
        let rows: [(String, Int, Int)] = [
            ("people activated", summary.activations, scale(targets.activations)),
            ("trips", summary.trips, scale(targets.trips)),
            ("km", summary.km, scale(targets.km)),
        ] + (summary.reimbursedCents > 0 ? [("euros reimbursed", summary.reimbursedCents / 100, scale(targets.euros))] : [])
        var lines = ["", "Demo year \(summary.year) (seed \(summary.seed)) in \(summary.database)",
                     "  figure              generated      target   difference"]
        if let percent = summary.scalePercent {
            lines.insert("  a smaller year: \(percent)% of the people, targets scaled alike", at: 2)
        }
        if let until = summary.loggedUntil {
            lines.insert("  the year so far: trips logged and paid up to \(until); km and euros are not yet a whole year", at: 2)
        }
        for (name, value, target) in rows {
            let difference = Double(value - target) / Double(target) * 100
            let partial = summary.loggedUntil != nil && (name == "km" || name == "euros reimbursed")
            let mark = partial ? "year so far" : abs(difference) <= 5 ? "ok" : "off target"
            lines.append(String(format: "  %@ %12d %11d   %+6.1f%%  %@", name.padding(toLength: 16, withPad: " ", startingAt: 0),
                                value, target, difference, mark))
        }
        if summary.activations > 0 {
            lines.append("")
            lines.append("People: \(summary.activations) activated in the year (the others earlier; the service activates about 300 a year), "
                         + "\(summary.suspensions) suspended for a hospital stay, \(summary.closings) closed")
        }
        if summary.assigned + summary.unassignable > 0 {
            lines.append("")
            lines.append("Dispatch: \(summary.assigned) trips assigned, \(summary.unassignable) unassignable")
            lines.append(String(format: "  worst monthly share deviation %.1f%% (target within ±10%%): %@",
                                summary.shareMaxDeviationPercent, summary.shareMaxDeviationPercent <= 10 ? "ok" : "off target"))
            lines.append(String(format: "  continuity of care %.1f%% of recurring trips (target at least 95%%): %@",
                                summary.continuityPercent, summary.continuityPercent >= 95 ? "ok" : "off target"))
        }
        if let plans = summary.plans, plans.baselineMetres > 0 {
            let saved = plans.baselineMetres - plans.plannedMetres
            lines.append("")
            lines.append("Shared-ride plans (estimated km, what the year would have cost with them):")
            lines.append(String(format: "  %d trips: %d ride with others on board, %d chained on a vehicle's route",
                                plans.trips, plans.sharedTrips, plans.chainedTrips))
            lines.append(String(format: "  %@ km planned against %@ km driving each trip alone: saves %@ km (%.1f%%) and %@ €",
                                Distance(metres: plans.plannedMetres).kilometresText, Distance(metres: plans.baselineMetres).kilometresText,
                                Distance(metres: saved).kilometresText, Double(saved) / Double(plans.baselineMetres) * 100,
                                Money(cents: plans.savingCents).description))
            if let real = summary.plansWithShifts, real.baselineMetres > 0 {
                let realSaved = real.baselineMetres - real.plannedMetres
                lines.append(String(format: "  on the %d volunteers' real shifts: %@ km planned, saves %@ km (%.1f%%) and %@ €: "
                                    + "%.0f%% of the saving with every vehicle available all day",
                                    summary.volunteers, Distance(metres: real.plannedMetres).kilometresText,
                                    Distance(metres: realSaved).kilometresText, Double(realSaved) / Double(real.baselineMetres) * 100,
                                    Money(cents: real.savingCents).description, saved > 0 ? Double(realSaved) / Double(saved) * 100 : 0))
            }
        }
        return lines.joined(separator: "\n")
    }
}
