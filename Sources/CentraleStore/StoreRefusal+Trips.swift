import CentraleDispatch
import CentraleDomain
import CentraleFormats

/// The refusals of a change to a trip: assigning it, cancelling it, confirming or declining it,
/// marking a no-show, accepting a plan of its day.
public enum TripRefusal: Message, Equatable {
    // Assigning.
    /// Only a pending, unassignable or assigned trip can be assigned.
    case cannotAssign(Int64, TripStatus)
    /// The association left the convention (on the ISO day given) on or before the trip's day.
    case associationLeft(String, on: String, trip: Int64)
    /// The association breaks a hard rule for the trip: assigning it needs `--force`.
    case breaksRule(String, HardRule)
    /// The association left the convention before the trip's day: not even with `--force`.
    case associationLeftBefore(String, date: LocalDate, trip: Int64)
    /// `dispatch --explain` names a trip of another day.
    case notOnDate(Int64, LocalDate)
    /// A plan made before the association's trips of its day changed.
    case planOutdated(association: String, date: LocalDate, added: [Int64], removed: [Int64])

    // Adding and cancelling.
    /// A trip dated in a closed month, not added late.
    case inClosedMonth(LocalDate)
    /// `--series` for a trip that is not part of a recurring series.
    case notInSeries(Int64)
    /// A trip (of the series) whose status cannot become cancelled.
    case cannotCancel(Int64, TripStatus)

    // The association's answer.
    /// Only an assigned trip can be confirmed.
    case cannotConfirm(Int64, TripStatus)
    /// The plate is not one of the association's vehicles (nor says whose it is).
    case notInFleet(plate: String, association: String)
    /// The vehicle or the driver cannot take the trip, for each of `problems`.
    case cannotConfirmWith(Int64, vehicle: String, driver: String, problems: [ConfirmationProblem])
    /// A decline without a reason.
    case declineNeedsReason
    /// Only an assigned trip can be declined.
    case cannotDecline(Int64, TripStatus)
    /// A decline by an association (`asked`) that does not hold the trip (`holder` does).
    case assignedElsewhere(Int64, holder: String, asked: String)

    // No-shows.
    /// Only an assigned trip can be marked as a no-show.
    case cannotMarkNoShow(Int64, TripStatus)
    /// A no-show marked before the trip's time: from `from` (nil when it cannot be told) that day.
    case noShowTooEarly(Int64, date: LocalDate, appointment: LocalTime, from: LocalTime?)
    /// Taking back the no-show of a trip that is not one.
    case notNoShow(Int64, TripStatus)
    /// Taking back a no-show after the trip's day.
    case noShowPast(Int64, date: LocalDate)
    /// Taking back the no-show of a trip already logged.
    case alreadyLogged(Int64)

    public var italian: String {
        switch self {
        case let .cannotAssign(id, status):
            "il servizio \(id) risulta \(status.italianName); si possono assegnare solo servizi in attesa, non assegnabili o già assegnati"
        case let .associationLeft(association, leftOn, id):
            "\(association) ha lasciato la convenzione il \(StoreItalian.date(iso: leftOn)) e da quel giorno non prende più servizi; "
                + "assegna il servizio \(id) a un'associazione aderente"
        case let .breaksRule(association, rule):
            "\(association) \(rule.italianSummary); per assegnare comunque il servizio, aggiungi --force --reason \"…\""
        case let .associationLeftBefore(association, date, trip):
            "\(association) \(HardRule.membership.italianSummary) prima del \(StoreItalian.date(date)) e da allora non prende più servizi, "
                + "nemmeno con --force; assegna il servizio \(trip) a un'associazione aderente"
        case let .notOnDate(id, date):
            "il servizio \(id) non è un servizio del \(StoreItalian.date(date)); controlla il numero e --date"
        case let .planOutdated(association, date, added, removed):
            "i servizi assegnati a \(association) il \(StoreItalian.date(date)) sono cambiati da quando è stato fatto il piano "
                + "(nuovi: \(StoreItalian.ids(added)); tolti: \(StoreItalian.ids(removed)))"
        case .inClosedMonth(let date):
            "il \(StoreItalian.date(date)) cade a \(StoreItalian.month(date.yearMonth)), che è un mese chiuso"
        case .notInSeries(let id):
            "il servizio \(id) non fa parte di una serie ricorrente; annullalo senza --series"
        case let .cannotCancel(id, status):
            "il servizio \(id) risulta \(status.italianName) e non si può annullare"
        case let .cannotConfirm(id, status):
            "il servizio \(id) risulta \(status.italianName); si può confermare solo un servizio assegnato"
        case let .notInFleet(plate, association):
            "'\(plate)' non è tra i mezzi di \(association); indica la targa di uno dei suoi mezzi"
        case let .cannotConfirmWith(id, vehicle, driver, problems):
            "il servizio \(id) non si può confermare con il mezzo \(vehicle) e l'autista \(driver): "
                + problems.map(\.italian).joined(separator: "; ") + "; non è stato scritto nulla."
        case .declineNeedsReason:
            "per rifiutare un servizio serve un motivo: indica --reason"
        case let .cannotDecline(id, status):
            "il servizio \(id) risulta \(status.italianName); si può rifiutare solo un servizio assegnato"
        case let .assignedElsewhere(id, holder, asked):
            "il servizio \(id) è assegnato a \(holder), non a \(asked); può rifiutarlo solo l'associazione che lo ha in carico"
        case let .cannotMarkNoShow(id, status):
            "il servizio \(id) risulta \(status.italianName); l'assenza si può segnare solo su un servizio assegnato"
        case let .noShowTooEarly(id, date, appointment, from):
            "il servizio \(id) è del \(StoreItalian.date(date)) alle \(appointment); l'assenza si può segnare "
                + "\(from.map { "dalle \($0)" } ?? "dall'ora del servizio") di quel giorno, non prima"
        case let .notNoShow(id, status):
            "il servizio \(id) risulta \(status.italianName), non assente; non c'è nessuna assenza da annullare"
        case let .noShowPast(id, date):
            "l'assenza del servizio \(id) (\(StoreItalian.date(date))) si può annullare solo in quel giorno; "
                + "ora è il registro dell'associazione a dire com'è andato il servizio"
        case .alreadyLogged(let id):
            "il servizio \(id) ha già un registro"
        }
    }

    public var english: String {
        switch self {
        case let .cannotAssign(id, status):
            "trip \(id) is \(status.rawValue); only pending, unassignable or assigned trips can be assigned"
        case let .associationLeft(association, leftOn, id):
            "\(association) left the convention on \(leftOn) and takes no trips from that day; "
                + "assign trip \(id) to a member association"
        case let .breaksRule(association, rule):
            "\(association) \(rule.summary) (rule: \(rule.rawValue)); to assign it anyway, add --force --reason \"…\""
        case let .associationLeftBefore(association, date, trip):
            "\(association) \(HardRule.membership.summary) before \(date) and takes no trips from then on, "
                + "not even with --force; assign trip \(trip) to a member association"
        case let .notOnDate(id, date):
            "trip \(id) is not a trip of \(date); check the id and --date"
        case let .planOutdated(association, date, added, removed):
            "the trips assigned to \(association) on \(date) changed since the plan was made "
                + "(new: \(StoreItalian.ids(added)); gone: \(StoreItalian.ids(removed)))"
        case .inClosedMonth(let date):
            "\(date) is in \(date.yearMonth), which is closed"
        case .notInSeries(let id):
            "trip \(id) is not part of a recurring series; cancel it without --series"
        case let .cannotCancel(id, status):
            "trip \(id) is \(status.rawValue) and cannot be cancelled"
        case let .cannotConfirm(id, status):
            "trip \(id) is \(status.rawValue); only an assigned trip can be confirmed"
        case let .notInFleet(plate, association):
            "'\(plate)' is not in \(association)'s fleet; give the plate of one of its vehicles"
        case let .cannotConfirmWith(id, vehicle, driver, problems):
            "trip \(id) cannot be confirmed with \(vehicle) and \(driver): " + problems.map(\.english).joined(separator: "; ")
                + "; nothing was written."
        case .declineNeedsReason:
            "a decline needs a reason: give --reason"
        case let .cannotDecline(id, status):
            "trip \(id) is \(status.rawValue); only an assigned trip can be declined"
        case let .assignedElsewhere(id, holder, asked):
            "trip \(id) is assigned to \(holder), not to \(asked); only the association holding it can decline it"
        case let .cannotMarkNoShow(id, status):
            "trip \(id) is \(status.rawValue); only an assigned trip can be marked as a no-show"
        case let .noShowTooEarly(id, date, appointment, from):
            "trip \(id) is on \(date) at \(appointment); a no-show can be marked "
                + "from \(from.map { "\($0)" } ?? "its time") that day, not before"
        case let .notNoShow(id, status):
            "trip \(id) is \(status.rawValue), not a no-show; there is nothing to take back"
        case let .noShowPast(id, date):
            "the no-show of trip \(id) (\(date)) can be taken back only on that day; "
                + "the association's log of the trip now says what happened"
        case .alreadyLogged(let id):
            "trip \(id) already has a log"
        }
    }
}

/// Why a vehicle or a driver cannot take a trip that an association confirms.
public enum ConfirmationProblem: Message, Equatable {
    /// The vehicle is not active.
    case vehicleNotInService(String)
    /// The vehicle lacks a wheelchair place or a stretcher the trip needs.
    case vehicleCannotCarry(String, needs: Needs)
    /// The vehicle is off the road on the trip's day.
    case vehicleOffRoad(String, from: LocalDate, to: LocalDate, reason: String)
    /// One of the vehicle's documents (`VehicleDocumentKind` raw value) expired before the trip's day (ISO).
    case documentExpired(String, document: String, on: String)
    /// A problem of the driver's credentials or availability (`VolunteerRules.driverProblems`).
    case driver(CredentialProblem)
    /// The driver is not one of the association's volunteers.
    case driverNotRegistered(String, association: String)
    /// The vehicle or the driver is confirmed on another trip whose time overlaps.
    case alreadyConfirmed(Resource, trip: Int64, otherStart: LocalTime, otherEnd: LocalTime, start: LocalTime, end: LocalTime)

    /// The vehicle (its plate) or the driver (their code) already confirmed elsewhere.
    public enum Resource: Sendable, Hashable {
        case vehicle(String)
        case driver(String)
    }

    public var italian: String {
        switch self {
        case .vehicleNotInService(let plate):
            "il mezzo \(plate) non è in servizio"
        case let .vehicleCannotCarry(plate, needs):
            "il mezzo \(plate) non può trasportare un passeggero che ha bisogno di \(StoreItalian.needs(needs))"
        case let .vehicleOffRoad(plate, from, to, reason):
            "il mezzo \(plate) è fermo dal \(StoreItalian.date(from)) al \(StoreItalian.date(to)) (\(reason))"
        case let .documentExpired(plate, document, on):
            Self.italianExpiry(plate, document: document, on: on)
        case .driver(let problem):
            problem.italian
        case let .driverNotRegistered(code, association):
            "l'autista \(code) non è registrato tra i volontari di \(association); "
                + "registralo con `centrale volunteer add --association \(association)`"
        case let .alreadyConfirmed(resource, trip, otherStart, otherEnd, start, end):
            "\(Self.italianName(resource)) è già confermato sul servizio \(trip) dalle \(otherStart) alle \(otherEnd), "
                + "che si sovrappone a questo servizio (dalle \(start) alle \(end))"
        }
    }

    public var english: String {
        switch self {
        case .vehicleNotInService(let plate):
            "vehicle \(plate) is not in service"
        case let .vehicleCannotCarry(plate, needs):
            "vehicle \(plate) cannot carry a passenger who needs \(needs)"
        case let .vehicleOffRoad(plate, from, to, reason):
            "vehicle \(plate) is off the road from \(from) to \(to) (\(reason))"
        case let .documentExpired(plate, document, on):
            "vehicle \(plate)'s \(document) expired on \(on)"
        case .driver(let problem):
            problem.english
        case let .driverNotRegistered(code, association):
            "driver \(code) is not registered with \(association); register them with `centrale volunteer add --association \(association)`"
        case let .alreadyConfirmed(resource, trip, otherStart, otherEnd, start, end):
            "\(Self.englishName(resource)) is already confirmed on trip \(trip) at \(otherStart)-\(otherEnd), "
                + "which overlaps this trip's \(start)-\(end)"
        }
    }

    private static func italianExpiry(_ plate: String, document: String, on day: String) -> String {
        switch VehicleDocumentKind(rawValue: document) {
        case .inspection: "la revisione del mezzo \(plate) è scaduta il \(StoreItalian.date(iso: day))"
        case .insurance: "l'assicurazione del mezzo \(plate) è scaduta il \(StoreItalian.date(iso: day))"
        case nil: "il documento \(document) del mezzo \(plate) è scaduto il \(StoreItalian.date(iso: day))"
        }
    }

    private static func italianName(_ resource: Resource) -> String {
        switch resource {
        case .vehicle(let plate): "il mezzo \(plate)"
        case .driver(let code): "l'autista \(code)"
        }
    }

    private static func englishName(_ resource: Resource) -> String {
        switch resource {
        case .vehicle(let plate): "vehicle \(plate)"
        case .driver(let code): "driver \(code)"
        }
    }
}
