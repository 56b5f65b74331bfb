import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleTripLogs

/// The messages of an association's actions (`Office`), as the CLI prints them and the server
/// returns them.
public enum OfficeMessage: Message {
    /// A trips list with no trip.
    case noTrips(association: String)
    /// The footer of a day's trips: how many assigned trips are confirmed, and which are open.
    case confirmedOfAssigned(done: Int, assigned: Int, open: [String])
    /// One confirmed trip of the day's footer.
    case confirmation(trip: Int64, vehicle: String, driver: String)
    /// A trip confirmed.
    case confirmed(trip: Int64, association: String, vehicle: String, driver: String)
    /// A trip declined, back in the queue.
    case declined(trip: Int64, association: String)
    /// A trip's log amended: the km it now holds, the estimate, the flag when beyond the tolerance,
    /// and why its driver may not have driven it (checked as a submitted log's is), if so.
    case logAmended(trip: Int64, driven: Distance, estimated: Distance, flag: KmFlag?, driver: LogProblem? = nil)

    public var italian: String {
        switch self {
        case .noTrips(let association): "Nessun servizio di \(association) nel periodo."
        case let .confirmedOfAssigned(done, assigned, open):
            "\(done == 1 ? "Confermato" : "Confermati") \(done) su \(assigned) \(assigned == 1 ? "assegnato" : "assegnati")"
                + (open.isEmpty ? "." : "; da confermare (`centrale confirm SERVIZIO --vehicle TARGA --driver CODICE`) o rifiutare: "
                   + "\(open.joined(separator: ", ")).")
        case let .confirmation(trip, vehicle, driver): "servizio \(trip): mezzo \(vehicle), autista \(driver)"
        case let .confirmed(trip, association, vehicle, driver):
            "Servizio \(trip) confermato per \(association): mezzo \(vehicle), autista \(driver)."
        case let .declined(trip, association):
            "Servizio \(trip) rifiutato da \(association): torna in coda; lo smistamento non lo proporrà più a \(association)."
        case let .logAmended(trip, driven, estimated, flag, driver):
            Self.italianAmended(trip: trip, driven: driven, estimated: estimated, flag: flag, driver: driver)
        }
    }

    public var english: String {
        switch self {
        case .noTrips(let association): "No trips for \(association) in that period."
        case let .confirmedOfAssigned(done, assigned, open):
            "Confirmed \(done) of \(assigned) assigned"
                + (open.isEmpty ? "." : "; to confirm (`centrale confirm TRIP --vehicle V --driver D`) or decline: \(open.joined(separator: ", ")).")
        case let .confirmation(trip, vehicle, driver): "trip \(trip): vehicle \(vehicle), driver \(driver)"
        case let .confirmed(trip, association, vehicle, driver):
            "Confirmed trip \(trip) for \(association): vehicle \(vehicle), driver \(driver)."
        case let .declined(trip, association):
            "Trip \(trip) declined by \(association): back in the queue; dispatch will not offer it to \(association) again."
        case let .logAmended(trip, driven, estimated, flag, driver):
            Self.englishAmended(trip: trip, driven: driven, estimated: estimated, flag: flag, driver: driver)
        }
    }

    private static func italianAmended(trip: Int64, driven: Distance, estimated: Distance, flag: KmFlag?, driver: LogProblem?) -> String {
        var text = "Servizio \(trip): registro rettificato (\(Language.it.km(driven)) km, stima \(Language.it.km(estimated)) km"
        if let flag { text += "; segnalato \(flag.italian)" }
        text += ")."
        if let driver { text += " Autista da verificare: \(driver.italian)." }
        return text
    }

    private static func englishAmended(trip: Int64, driven: Distance, estimated: Distance, flag: KmFlag?, driver: LogProblem?) -> String {
        var text = "Trip \(trip): log amended (\(driven), estimate \(estimated)"
        if let flag { text += "; flagged \(flag.english)" }
        text += ")."
        if let driver { text += " Driver to check: \(driver.english)." }
        return text
    }
}
