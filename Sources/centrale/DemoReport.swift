import CentraleDemo
import CentraleDomain
import CentraleRendering
import CentraleFormats
import Foundation

/// The demo's closing table: each figure against the service's own, in the run's language and
/// its number form (`42.109`, `44,0 %` in Italian; `42109`, `44.0%` in English).
enum DemoReport {
    static func text(_ summary: DemoSummary, _ language: Language = .it) -> String {
        text(summary, words: language == .it ? .italian : .english, numbers: DemoNumbers(italian: language == .it))
    }

    private static func text(_ summary: DemoSummary, words w: DemoReportWords, numbers f: DemoNumbers) -> String {
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
            lines.insert(w.smaller(f.percent(Double(percent), digits: 0)), at: 2)
        }
        if let until = summary.loggedUntil {
            lines.insert(w.soFar(f.date(until)), at: 2)
        }
        for (name, value, target) in rows {
            let difference = target == 0 ? 0 : Double(value - target) / Double(target) * 100
            let partial = summary.loggedUntil != nil && (name == "km" || name == w.euros)
            let mark = partial ? w.yearSoFar : abs(difference) <= 5 ? "ok" : w.offTarget
            lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + " " + f.int(value).leftPadded(12) + " "
                         + f.int(target).leftPadded(11) + "   " + f.percent(difference, digits: 1, signed: true).leftPadded(8) + "  " + mark)
        }
        if summary.activations > 0 {
            lines.append("")
            lines.append(w.people(f.int(summary.activations), f.int(summary.suspensions), f.int(summary.closings)))
        }
        if summary.assigned + summary.unassignable > 0 {
            lines.append("")
            lines.append(w.dispatch(summary.assigned, summary.unassignable, f))
            lines.append(w.share(f.percent(summary.shareMaxDeviationPercent, digits: 1), summary.shareMaxDeviationPercent <= 10 ? "ok" : w.offTarget))
            lines.append(w.continuity(f.percent(summary.continuityPercent, digits: 1), summary.continuityPercent >= 95 ? "ok" : w.offTarget))
        }
        if let plans = summary.plans, plans.baselineMetres > 0 {
            let saved = plans.baselineMetres - plans.plannedMetres
            lines.append("")
            lines.append(w.plansTitle)
            lines.append(w.plansTrips(f.int(plans.trips), f.int(plans.sharedTrips), f.int(plans.chainedTrips)))
            lines.append(w.plansSaving(f.km(plans.plannedMetres), f.km(plans.baselineMetres), f.km(saved),
                                       f.percent(Double(saved) / Double(plans.baselineMetres) * 100, digits: 1), f.euros(plans.savingCents)))
            if let real = summary.plansWithShifts, real.baselineMetres > 0 {
                let realSaved = real.baselineMetres - real.plannedMetres
                lines.append(w.shifts(f.int(summary.volunteers), f.km(real.plannedMetres), f.km(realSaved),
                                      f.percent(Double(realSaved) / Double(real.baselineMetres) * 100, digits: 1), f.euros(real.savingCents),
                                      f.percent(saved > 0 ? Double(realSaved) / Double(saved) * 100 : 0, digits: 0)))
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Numbers, km, euros, percentages and dates in the table's language: the renderers' forms
/// (`Language.count`, `km`, `euros`, `date`), and percentages of measured ratios with decimals.
struct DemoNumbers {
    let italian: Bool
    var language: Language { italian ? .it : .en }

    func int(_ value: Int) -> String { language.count(value) }
    func km(_ metres: Int) -> String { language.km(Distance(metres: metres)) }
    func euros(_ cents: Int) -> String { language.euros(Money(cents: cents)) }
    /// `44,0 %` (Italian, a space before the sign), `44.0%`; `+0,3 %` when signed; a value that
    /// rounds to zero has no sign (`0,0 %`, never `-0,0 %`).
    func percent(_ value: Double, digits: Int, signed: Bool = false) -> String {
        var text = String(format: "%.\(digits)f", value)
        let zero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
        if zero && text.hasPrefix("-") { text.removeFirst() }
        if signed && value > 0 && !zero { text = "+" + text }
        return italian ? text.replacingOccurrences(of: ".", with: ",") + " %" : text + "%"
    }
    /// A stored day (`2026-12-07`) as the language writes it.
    func date(_ iso: String) -> String { language.date(iso: iso) }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// The words of the demo's closing table in one language; both languages are built by the same
/// initializer, so neither can miss a word.
struct DemoReportWords: Sendable {
    let peopleActivated, trips, euros, header, yearSoFar, offTarget, plansTitle: String
    let title: @Sendable (Int, UInt64, String) -> String
    let smaller: @Sendable (String) -> String
    let soFar: @Sendable (String) -> String
    let people: @Sendable (String, String, String) -> String
    let dispatch: @Sendable (Int, Int, DemoNumbers) -> String
    let share: @Sendable (String, String) -> String
    let continuity: @Sendable (String, String) -> String
    let plansTrips: @Sendable (String, String, String) -> String
    let plansSaving: @Sendable (String, String, String, String, String) -> String
    let shifts: @Sendable (String, String, String, String, String, String) -> String

    static let english = DemoReportWords(
        peopleActivated: "people activated", trips: "trips", euros: "euros reimbursed",
        header: "  figure              generated      target   difference", yearSoFar: "year so far", offTarget: "off target",
        plansTitle: "Shared-ride plans (estimated km, what the year would have cost with them):",
        title: { "Demo year \($0) (seed \($1)) in \($2)" },
        smaller: { "  a smaller year: \($0) of the people, targets scaled alike" },
        soFar: { "  the year so far: trips logged and paid up to \($0); km and euros are not yet a whole year" },
        people: { "People: \($0) activated in the year (the others earlier; the service activates about 300 a year), "
                  + "\($1) suspended for a hospital stay, \($2) closed" },
        dispatch: { "Dispatch: \($2.int($0)) trip\($0 == 1 ? "" : "s") assigned, \($2.int($1)) unassignable" },
        share: { "  worst monthly share deviation \($0) (target within ±10%): \($1)" },
        continuity: { "  continuity of care \($0) of recurring trips (target at least 95%): \($1)" },
        plansTrips: { "  \($0) trips: \($1) ride with others on board, \($2) chained on a vehicle's route" },
        plansSaving: { "  \($0) km planned against \($1) km driving each trip alone: saves \($2) km (\($3)) and \($4) €" },
        shifts: { "  on the \($0) volunteers' real shifts: \($1) km planned, saves \($2) km (\($3)) and \($4) €: "
                  + "\($5) of the saving with every vehicle available all day" })

    static let italian = DemoReportWords(
        peopleActivated: "persone attivate", trips: "servizi", euros: "euro rimborsati",
        header: "  dato                generato    obiettivo   differenza", yearSoFar: "anno in corso", offTarget: "fuori obiettivo",
        plansTitle: "Giri condivisi (km stimati, quanto sarebbe costato l'anno con i giri):",
        title: { "Anno dimostrativo \($0) (seme \($1)) in \($2)" },
        smaller: { "  un anno ridotto: il \($0) delle persone, obiettivi ridotti allo stesso modo" },
        soFar: { "  l'anno finora: servizi registrati e pagati fino al \($0); km ed euro non sono ancora un anno intero" },
        people: { "Persone: \($0) attivate nell'anno (le altre prima; il servizio ne attiva circa 300 l'anno), "
                  + "\($1) sospese per un ricovero, \($2) chiuse" },
        dispatch: { "Smistamento: \($2.int($0)) \($0 == 1 ? "servizio assegnato" : "servizi assegnati"), \($2.int($1)) \($1 == 1 ? "non assegnabile" : "non assegnabili")" },
        share: { "  scarto mensile massimo dalla quota \($0) (obiettivo entro ±10 %): \($1)" },
        continuity: { "  continuità dell'assistenza \($0) dei servizi ricorrenti (obiettivo almeno 95 %): \($1)" },
        plansTrips: { "  \($0) servizi: \($1) viaggiano con altri a bordo, \($2) concatenati nel giro di un mezzo" },
        plansSaving: { "  \($0) km pianificati contro \($1) km con ogni servizio da solo: risparmio di \($2) km (\($3)) e \($4) €" },
        shifts: { "  sui turni reali dei \($0) volontari: \($1) km pianificati, risparmio di \($2) km (\($3)) e \($4) €: "
                  + "il \($5) del risparmio con ogni mezzo disponibile tutto il giorno" })
}
