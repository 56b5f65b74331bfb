import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// The plans as text for the terminal.
public struct PlanText: Sendable {
    public var plans: [DayPlan]
    public var trips: [TripRequest]
    public var accepted: Bool
    /// The words' language.
    public var language: Language

    public init(plans: [DayPlan], trips: [TripRequest], accepted: Bool, language: Language = .it) {
        self.plans = plans
        self.trips = trips
        self.accepted = accepted
        self.language = language
    }

    public var text: String {
        let byID = Dictionary(trips.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let words = PlanWords.self, l = language
        var lines: [String] = []
        for plan in plans {
            lines.append(words.plan(plan.association, date: plan.date, trips: plan.tripCount, vehicles: Set(plan.vehicles.map(\.plate)).count,
                                    planned: plan.plannedDistance, alone: plan.baselineDistance, saved: plan.savedDistance, euros: plan.saving).text(l))
            for vehicle in plan.vehicles {
                lines.append("  " + words.vehicle(vehicle.plate, driver: vehicle.driver, leaves: "\(vehicle.departure)", back: "\(vehicle.arrival)",
                                                  distance: vehicle.distance, alone: vehicle.soloDistance).text(l))
                for stop in vehicle.stops {
                    let who = byID[stop.tripID].map { " \($0.beneficiary)" } ?? ""
                    let verb = words.stop(pickup: stop.kind == .pickup).text(l)
                    lines.append("    \(stop.time)  \(verb.padding(toLength: 8, withPad: " ", startingAt: 0)) \(words.trip.text(l)) \(stop.tripID)\(who)  \(stop.label)")
                }
            }
            for solo in plan.solo {
                lines.append("  " + words.alone(trip: solo.tripID, distance: solo.distance, reason: solo.reason).text(l))
            }
        }
        if plans.count > 1 {
            let saved = plans.reduce(Distance.zero) { $0 + $1.savedDistance }
            let euros = plans.reduce(Money.zero) { $0 + $1.saving }
            let baseline = plans.reduce(Distance.zero) { $0 + $1.baselineDistance }
            lines.append(words.total(associations: plans.count, saved: saved, of: baseline, euros: euros).text(l))
        }
        if plans.isEmpty { lines.append(words.nothingToPlan.text(l)) }
        if accepted { lines.append(words.accepted.text(l)) }
        return lines.joined(separator: "\n")
    }
}

/// The words of the plans' text, in each language.
enum PlanWords: Message {
    case plan(String, date: LocalDate, trips: Int, vehicles: Int, planned: Distance, alone: Distance, saved: Distance, euros: Money)
    case vehicle(String, driver: String?, leaves: String, back: String, distance: Distance, alone: Distance)
    case stop(pickup: Bool)
    case trip
    case alone(trip: Int64, distance: Distance, reason: String)
    case total(associations: Int, saved: Distance, of: Distance, euros: Money)
    case nothingToPlan
    case accepted

    var italian: String {
        let it = Language.it
        switch self {
        case let .plan(association, date, trips, vehicles, planned, alone, saved, euros):
            return "\(association) \(it.date(date)): \(trips) \(trips == 1 ? "servizio" : "servizi"), \(vehicles) \(vehicles == 1 ? "mezzo" : "mezzi"); "
                + "\(it.km(planned)) km pianificati contro \(it.km(alone)) km da soli: risparmio di \(it.km(saved)) km, \(it.euros(euros)) €"
        case let .vehicle(plate, driver, leaves, back, distance, alone):
            return "\(plate)\(driver.map { ", autista \($0)" } ?? "")  parte dalla sede alle \(leaves), rientra alle \(back); "
                + "\(it.km(distance)) km (da soli \(it.km(alone)) km)"
        case .stop(let pickup): return pickup ? "salita" : "discesa"
        case .trip: return "servizio"
        case let .alone(trip, distance, reason):
            return "da solo: servizio \(trip) (\(it.km(distance)) km): " + Self.italianReason(reason)
        case let .total(associations, saved, baseline, euros):
            return "Totale: \(associations) \(associations == 1 ? "associazione" : "associazioni"), risparmio di \(it.km(saved)) km su \(it.km(baseline)) km, \(it.euros(euros)) €"
        case .nothingToPlan: return "Nessun servizio da pianificare in quel giorno."
        case .accepted: return "Accettati: i giri sono registrati con le assegnazioni."
        }
    }

    /// A solo trip's reason (stored in English, as the planner gives it) in Italian.
    static func italianReason(_ reason: String) -> String {
        switch reason {
        case SoloTrip.stretcherReason: return "i trasporti in barella viaggiano da soli"
        case SoloTrip.noCrewReason: return "nessun equipaggio in turno quel giorno"
        case SoloTrip.noVehicleReason: return "l'associazione non ha un mezzo attivo"
        default: break
        }
        switch UnservedReason(rawValue: reason) {
        case .noVehicleCanCarry: return "nessun mezzo ha i posti o gli spazi per la carrozzina che servono"
        case .infeasibleAlone: return "nemmeno da solo se ne rispettano gli orari, la durata del viaggio o i turni dei mezzi"
        case .noRoom: return "tutti i mezzi che potrebbero portarlo sono occupati a quell'ora"
        case nil: return reason
        }
    }

    var english: String {
        switch self {
        case let .plan(association, date, trips, vehicles, planned, alone, saved, euros):
            return "\(association) \(date): \(trips) trip\(trips == 1 ? "" : "s"), \(vehicles) vehicle\(vehicles == 1 ? "" : "s"); "
                + "\(planned.kilometresText) km planned against \(alone.kilometresText) km alone: saves \(saved.kilometresText) km, \(euros) €"
        case let .vehicle(plate, driver, leaves, back, distance, alone):
            return "\(plate)\(driver.map { ", driver \($0)" } ?? "")  \(leaves) leaves the base, back at \(back); "
                + "\(distance.kilometresText) km (alone \(alone.kilometresText) km)"
        case .stop(let pickup): return pickup ? "pick up" : "drop off"
        case .trip: return "trip"
        case let .alone(trip, distance, reason): return "alone: trip \(trip) (\(distance.kilometresText) km): \(reason)"
        case let .total(associations, saved, baseline, euros):
            return "Total: \(associations) association\(associations == 1 ? "" : "s"), saves \(saved.kilometresText) km of \(baseline.kilometresText) km, \(euros) €"
        case .nothingToPlan: return "No trips to plan on that day."
        case .accepted: return "Accepted: the plans are stored with the assignments."
        }
    }
}
