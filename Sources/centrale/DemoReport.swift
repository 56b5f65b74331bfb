import CentraleDemo
import CentraleDomain
import CentraleFormats
import Foundation

/// The demo's closing table: each figure against the service's own, in the run's language.
enum DemoReport {
    static func text(_ summary: DemoSummary, _ language: Language = .it) -> String {
        text(summary, words: language == .it ? .italian : .english, italian: language == .it)
    }

    private static func text(_ summary: DemoSummary, words w: DemoReportWords, italian: Bool) -> String {
        // A figure formatted with a decimal point, in the language's form.
        let n = { (text: String) in italian ? text.replacingOccurrences(of: ".", with: ",") : text }
        let targets = DemoSummary.targets
        // A smaller year (tests) is held against targets scaled alike.
        let scale = { (target: Int) in target * (summary.scalePercent ?? 100) / 100 }
        let rows: [(String, Int, Int)] = [
            (w.peopleActivated, summary.activations, scale(targets.activations)),
            (w.trips, summary.trips, scale(targets.trips)),
            ("km", summary.km, scale(targets.km)),
        ] + (summary.reimbursedCents > 0 ? [(w.euros, summary.reimbursedCents / 100, scale(targets.euros))] : [])
        var lines = ["", w.title(summary.year, summary.seed, summary.database), w.header]
        if let percent = summary.scalePercent {
            lines.insert(w.smaller(percent), at: 2)
        }
        if let until = summary.loggedUntil {
            lines.insert(w.soFar(until), at: 2)
        }
        for (name, value, target) in rows {
            let difference = Double(value - target) / Double(target) * 100
            let partial = summary.loggedUntil != nil && (name == "km" || name == w.euros)
            let mark = partial ? w.yearSoFar : abs(difference) <= 5 ? "ok" : w.offTarget
            lines.append(n(String(format: "  %@ %12d %11d   %+6.1f%%  %@", name.padding(toLength: 16, withPad: " ", startingAt: 0),
                                value, target, difference, mark)))
        }
        if summary.activations > 0 {
            lines.append("")
            lines.append(w.people(summary.activations, summary.suspensions, summary.closings))
        }
        if summary.assigned + summary.unassignable > 0 {
            lines.append("")
            lines.append(w.dispatch(summary.assigned, summary.unassignable))
            lines.append(n(String(format: w.shareFormat, summary.shareMaxDeviationPercent, summary.shareMaxDeviationPercent <= 10 ? "ok" : w.offTarget)))
            lines.append(n(String(format: w.continuityFormat, summary.continuityPercent, summary.continuityPercent >= 95 ? "ok" : w.offTarget)))
        }
        if let plans = summary.plans, plans.baselineMetres > 0 {
            let saved = plans.baselineMetres - plans.plannedMetres
            lines.append("")
            lines.append(w.plansTitle)
            lines.append(String(format: w.plansTripsFormat,
                                plans.trips, plans.sharedTrips, plans.chainedTrips))
            lines.append(n(String(format: w.plansSavingFormat,
                                Distance(metres: plans.plannedMetres).kilometresText, Distance(metres: plans.baselineMetres).kilometresText,
                                Distance(metres: saved).kilometresText, Double(saved) / Double(plans.baselineMetres) * 100,
                                Money(cents: plans.savingCents).description)))
            if let real = summary.plansWithShifts, real.baselineMetres > 0 {
                let realSaved = real.baselineMetres - real.plannedMetres
                lines.append(n(String(format: w.shiftsFormat,
                                    summary.volunteers, Distance(metres: real.plannedMetres).kilometresText,
                                    Distance(metres: realSaved).kilometresText, Double(realSaved) / Double(real.baselineMetres) * 100,
                                    Money(cents: real.savingCents).description, saved > 0 ? Double(realSaved) / Double(saved) * 100 : 0)))
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The words of the demo's closing table in one language; both languages are built by the same
/// initializer, so neither can miss a word.
struct DemoReportWords: Sendable {
    let peopleActivated, trips, euros, header, yearSoFar, offTarget, plansTitle: String
    let shareFormat, continuityFormat, plansTripsFormat, plansSavingFormat, shiftsFormat: String
    let title: @Sendable (Int, UInt64, String) -> String
    let smaller: @Sendable (Int) -> String
    let soFar: @Sendable (String) -> String
    let people: @Sendable (Int, Int, Int) -> String
    let dispatch: @Sendable (Int, Int) -> String

    static let english = DemoReportWords(
        peopleActivated: "people activated", trips: "trips", euros: "euros reimbursed",
        header: "  figure              generated      target   difference", yearSoFar: "year so far", offTarget: "off target",
        plansTitle: "Shared-ride plans (estimated km, what the year would have cost with them):",
        shareFormat: "  worst monthly share deviation %.1f%% (target within ±10%%): %@",
        continuityFormat: "  continuity of care %.1f%% of recurring trips (target at least 95%%): %@",
        plansTripsFormat: "  %d trips: %d ride with others on board, %d chained on a vehicle's route",
        plansSavingFormat: "  %@ km planned against %@ km driving each trip alone: saves %@ km (%.1f%%) and %@ €",
        shiftsFormat: "  on the %d volunteers' real shifts: %@ km planned, saves %@ km (%.1f%%) and %@ €: "
            + "%.0f%% of the saving with every vehicle available all day",
        title: { "Demo year \($0) (seed \($1)) in \($2)" },
        smaller: { "  a smaller year: \($0)% of the people, targets scaled alike" },
        soFar: { "  the year so far: trips logged and paid up to \($0); km and euros are not yet a whole year" },
        people: { "People: \($0) activated in the year (the others earlier; the service activates about 300 a year), "
                  + "\($1) suspended for a hospital stay, \($2) closed" },
        dispatch: { "Dispatch: \($0) trips assigned, \($1) unassignable" })

    static let italian = DemoReportWords(
        peopleActivated: "persone attivate", trips: "servizi", euros: "euro rimborsati",
        header: "  dato                generato    obiettivo   differenza", yearSoFar: "anno in corso", offTarget: "fuori obiettivo",
        plansTitle: "Giri condivisi (km stimati, quanto sarebbe costato l'anno con i giri):",
        shareFormat: "  scarto mensile massimo dalla quota %.1f%% (obiettivo entro ±10%%): %@",
        continuityFormat: "  continuità dell'assistenza %.1f%% dei servizi ricorrenti (obiettivo almeno 95%%): %@",
        plansTripsFormat: "  %d servizi: %d viaggiano con altri a bordo, %d concatenati nel giro di un mezzo",
        plansSavingFormat: "  %@ km pianificati contro %@ km con ogni servizio da solo: risparmio di %@ km (%.1f%%) e %@ €",
        shiftsFormat: "  sui turni reali dei %d volontari: %@ km pianificati, risparmio di %@ km (%.1f%%) e %@ €: "
            + "il %.0f%% del risparmio con ogni mezzo disponibile tutto il giorno",
        title: { "Anno dimostrativo \($0) (seme \($1)) in \($2)" },
        smaller: { "  un anno ridotto: il \($0)% delle persone, obiettivi ridotti allo stesso modo" },
        soFar: { "  l'anno finora: servizi registrati e pagati fino al \($0); km ed euro non sono ancora un anno intero" },
        people: { "Persone: \($0) attivate nell'anno (le altre prima; il servizio ne attiva circa 300 l'anno), "
                  + "\($1) sospese per un ricovero, \($2) chiuse" },
        dispatch: { "Smistamento: \($0) \($0 == 1 ? "servizio assegnato" : "servizi assegnati"), \($1) \($1 == 1 ? "non assegnabile" : "non assegnabili")" })
}
