import CentraleDomain
import CentraleFormats
import Foundation

/// What the demo says as it builds its year, in each language.
public enum DemoMessage: Message {
    // Steps.
    case loadingRegistry, generatingYear, dispatchingYear, submittingLogs, loggingLastMonth, registeringVolunteers
    case planningLastMonth, closingStatements, planningYear
    // Progress.
    case building(year: Int, seed: UInt64, path: String)
    case reportsWritten(folder: String, latest: String)
    case stepDone(seconds: Double)
    case programme(String, beneficiaries: Int, tripsSoFar: Int)
    case registryLoaded(comuni: Int, places: Int, associations: Int, vehicles: Int)
    case yearGenerated(people: Int, file: String, activations: Int, year: Int, suspensions: Int, closings: Int, trips: Int)
    case monthDispatched(YearMonth, assigned: Int, unassignable: Int)
    case dispatchQuality(engineSeconds: Double, worstShare: Double, association: String, month: String, continuity: Double)
    case rejectedAsExpected(file: String, problem: FieldError?)
    case submittedAgain(file: String, new: Int, already: Int)
    case currentYear(Int, today: LocalDate)
    case lastMonthLogged(YearMonth, files: Int, logs: Int, alongRoutes: Int, flagged: Int, driverFlags: Int)
    case logsSubmitted(files: Int, logs: Int, flagged: Int, rejected: Int, folder: String)
    case volunteers(Int, absences: Int, inspections: Int)
    case declinedAndRedispatched([(trip: Int64, date: LocalDate, by: String, now: String?)])
    case plansAccepted(days: Int, routes: Int, saved: Distance)
    case confirmed(Int, refused: Int, open: Int, day: LocalDate)
    case monthsClosed(Int, unreviewed: Int)
    case amendedAfterClosing(trip: Int64, month: YearMonth, current: YearMonth)
    case reimbursed(Money)
    case yearPlanned(withShifts: Bool, days: Int, seconds: Double, trips: Int, shared: Int, chained: Int,
                     planned: Distance, alone: Distance, euros: Money)

    public var italian: String {
        let dec = { (value: Double, digits: Int) in String(format: "%.\(digits)f", value).replacingOccurrences(of: ".", with: ",") }
        let km = { (d: Distance) in d.kilometresText(.italian) }
        let n = { (value: Int) in ScaledNumber.text(value, scale: 0, digits: 0, form: .italian) }
        switch self {
        case let .building(year, seed, path): return "Costruzione dell'anno dimostrativo \(year) (seme \(seed)) in \(path)"
        case let .reportsWritten(folder, latest): return "Rapporti mensili scritti in \(folder); l'ultimo: \(latest)"
        case .loadingRegistry: return "caricamento del registro"
        case .generatingYear: return "generazione dei beneficiari e delle richieste dell'anno"
        case .dispatchingYear: return "smistamento dell'anno"
        case .submittingLogs: return "scrittura e invio dei registri dei viaggi delle associazioni"
        case .loggingLastMonth: return "registri dell'ultimo mese lungo i suoi giri"
        case .registeringVolunteers: return "registrazione dei volontari delle associazioni e dei loro turni"
        case .planningLastMonth: return "rifiuti, giri e conferme dei servizi dell'ultimo mese"
        case .closingStatements: return "calcolo e chiusura dei rendiconti mensili"
        case .planningYear: return "pianificazione dei giri condivisi di ogni giorno"
        case .stepDone(let seconds): return "fatto in \(dec(seconds, 2)) s"
        case let .programme(programme, people, trips):
            let name = ["dialysis": "dialisi", "day centre": "centro diurno", "rehabilitation": "riabilitazione", "therapy": "terapie",
                        "visits": "visite"][programme] ?? programme
            return "\(name): \(people) beneficiari, finora \(n(trips)) servizi"
        case let .registryLoaded(comuni, places, associations, vehicles):
            return "\(comuni) comuni nella zona, \(places) luoghi, \(associations) associazioni, \(vehicles) mezzi"
        case let .yearGenerated(people, file, activations, year, suspensions, closings, trips):
            return "importati \(people) beneficiari da \(file) (\(activations) attivati nel \(year)), \(suspensions) sospensioni, "
                + "\(closings) chiusure; registrati \(n(trips)) servizi"
        case let .monthDispatched(month, assigned, unassignable):
            return "\(month.italianText): finora \(n(assigned)) assegnati, \(n(unassignable)) non assegnabili"
        case let .dispatchQuality(seconds, worst, association, month, continuity):
            return "tempo del motore \(dec(seconds, 3)) s; scarto mensile massimo dalla quota \(dec(worst, 1)) % (\(association), \(YearMonth(month)?.italianText ?? month)); "
                + "continuità dell'assistenza \(dec(continuity, 1)) %"
        case let .rejectedAsExpected(file, problem): return "rifiutato come previsto: \(file): \(problem.map { $0.rendered(.it, \.italian) } ?? "")"
        case let .submittedAgain(file, new, already):
            return "\(file) inviato di nuovo: \(Plural.added.count(new, .it)), \(already) già \(already == 1 ? "registrato" : "registrati")"
        case let .currentYear(year, today):
            return "il \(year) è l'anno in corso: si registrano solo i servizi prima di oggi (\(today.italianText)); i successivi restano assegnati"
        case let .lastMonthLogged(month, files, logs, along, flagged, driverFlags):
            return "\(month.italianText): \(files) file, \(n(logs)) registri, \(n(along)) lungo i giri accettati; \(flagged) segnalati per i km, \(driverFlags) per l'autista"
        case let .logsSubmitted(files, logs, flagged, rejected, folder):
            return "\(files) file, \(n(logs)) registri, \(n(flagged)) segnalati per i km, \(rejected) file \(rejected == 1 ? "sbagliato rifiutato" : "sbagliati rifiutati"); file in \(folder)"
        case let .volunteers(count, absences, inspections):
            return "\(n(count)) volontari con i loro turni settimanali, \(absences) assenze, \(inspections) revisioni dei mezzi (3 giorni fermi ciascuna)"
        case .declinedAndRedispatched(let trips):
            return "\(trips.count) \(trips.count == 1 ? "servizio rifiutato e smistato" : "servizi rifiutati e smistati") di nuovo: "
                + trips.map { "servizio \($0.trip) del \($0.date.italianText) da \($0.by), ora \($0.now ?? "nessuno")" }.joined(separator: "; ")
        case let .plansAccepted(days, routes, saved):
            return "\(n(days)) giornate di associazione pianificate e accettate: \(n(routes)) giri, \(km(saved)) km in meno che con ogni servizio da solo"
        case let .confirmed(count, refused, open, day):
            return "\(n(count)) \(count == 1 ? "servizio confermato" : "servizi confermati") con mezzo e autista; "
                + "\(refused) \(refused == 1 ? "non confermabile" : "non confermabili") (nessun equipaggio libero e abilitato), "
                + "\(open) del \(day.italianText) lasciati da confermare"
        case let .monthsClosed(count, unreviewed):
            return "\(count) \(count == 1 ? "mese chiuso" : "mesi chiusi") (\(unreviewed) "
                + "\(unreviewed == 1 ? "servizio segnalato non rivisto, pagato" : "servizi segnalati non rivisti, pagati") alla stima)"
        case let .amendedAfterClosing(trip, month, current):
            return "servizio \(trip) di \(month.italianText) rettificato dopo la chiusura: la differenza è un conguaglio a \(current.italianText), il mese corrente"
        case .reimbursed(let total): return "\(total.text(.italian)) € rimborsati nell'anno (rendiconti chiusi)"
        case let .yearPlanned(withShifts, days, seconds, trips, shared, chained, planned, alone, euros):
            return "\(withShifts ? "sui turni dei volontari" : "ogni mezzo tutto il giorno"): \(n(days)) giornate di associazione in \(dec(seconds, 1)) s: "
                + "di \(n(trips)) servizi, \(n(shared)) viaggiano con altri a bordo e \(n(chained)) sono concatenati nel giro di un mezzo; "
                + "\(km(planned)) km pianificati contro \(km(alone)) km da soli, risparmio di \(km(alone - planned)) km e \(euros.text(.italian)) €"
        }
    }

    public var english: String {
        switch self {
        case let .building(year, seed, path): return "Building the demo year \(year) (seed \(seed)) in \(path)"
        case let .reportsWritten(folder, latest): return "Monthly reports written to \(folder); latest: \(latest)"
        case .loadingRegistry: return "loading the registry"
        case .generatingYear: return "generating the year's beneficiaries and requests"
        case .dispatchingYear: return "dispatching the year"
        case .submittingLogs: return "writing and submitting the associations' trip logs"
        case .loggingLastMonth: return "logging the last month along its routes"
        case .registeringVolunteers: return "registering the associations' volunteers and their shifts"
        case .planningLastMonth: return "declining, planning and confirming the trips of the last month"
        case .closingStatements: return "computing and closing the monthly statements"
        case .planningYear: return "planning shared rides for every day"
        case .stepDone(let seconds): return String(format: "done in %.2f s", seconds)
        case let .programme(programme, people, trips): return "\(programme): \(people) beneficiaries, \(trips) trips so far"
        case let .registryLoaded(comuni, places, associations, vehicles):
            return "\(comuni) comuni in the zone, \(places) places, \(associations) associations, \(vehicles) vehicles"
        case let .yearGenerated(people, file, activations, year, suspensions, closings, trips):
            return "imported \(people) beneficiaries from \(file) (\(activations) activated in \(year)), \(suspensions) suspensions, "
                + "\(closings) closings; stored \(trips) trips"
        case let .monthDispatched(month, assigned, unassignable): return "\(month): \(assigned) assigned, \(unassignable) unassignable so far"
        case let .dispatchQuality(seconds, worst, association, month, continuity):
            return String(format: "engine time %.3f s; worst monthly share deviation %.1f%% (%@, %@); continuity of care %.1f%%",
                          seconds, worst, association, month, continuity)
        case let .rejectedAsExpected(file, problem): return "rejected as expected: \(file): \(problem.map { $0.rendered(.en, \.english) } ?? "")"
        case let .submittedAgain(file, new, already): return "\(file) submitted again: \(new) new, \(already) already recorded"
        case let .currentYear(year, today): return "\(year) is the current year: only trips before today (\(today)) are logged; later ones stay assigned"
        case let .lastMonthLogged(month, files, logs, along, flagged, driverFlags):
            return "\(month): \(files) files, \(logs) logs, \(along) of them along the accepted routes; \(flagged) flagged for km review, \(driverFlags) for their driver"
        case let .logsSubmitted(files, logs, flagged, rejected, folder):
            return "\(files) files, \(logs) logs, \(flagged) flagged for km review, \(rejected) bad files rejected; files in \(folder)"
        case let .volunteers(count, absences, inspections):
            return "\(count) volunteers with their weekly shifts, \(absences) absences, \(inspections) vehicle inspections (3 days off the road each)"
        case .declinedAndRedispatched(let trips):
            return "\(trips.count) trips declined and dispatched again: "
                + trips.map { "trip \($0.trip) on \($0.date) by \($0.by), now \($0.now ?? "nobody")" }.joined(separator: "; ")
        case let .plansAccepted(days, routes, saved):
            return "\(days) association-days planned and accepted: \(routes) routes, \(saved.kilometresText) km fewer than driving each trip alone"
        case let .confirmed(count, refused, open, day):
            return "\(count) trips confirmed with a vehicle and a driver; \(refused) could not be (no crew free and qualified), \(open) of \(day)'s left to confirm"
        case let .monthsClosed(count, unreviewed):
            return "\(count) month\(count == 1 ? "" : "s") closed (\(unreviewed) flagged trips not reviewed, paid at the estimate)"
        case let .amendedAfterClosing(trip, month, current):
            return "trip \(trip) of \(month) amended after closing: the difference is an adjustment in \(current), the current month"
        case .reimbursed(let total): return "\(total) € reimbursed over the year (closed statements)"
        case let .yearPlanned(withShifts, days, seconds, trips, shared, chained, planned, alone, euros):
            return String(format: "%@: %d association-days in %.1f s: of %d trips, %d ride with others on board and %d are chained on a "
                          + "vehicle's route; %@ km planned against %@ km alone, saving %@ km and %@ €",
                          withShifts ? "on the volunteers' shifts" : "every vehicle all day", days, seconds, trips, shared, chained,
                          planned.kilometresText, alone.kilometresText, (alone - planned).kilometresText, euros.description)
        }
    }
}
