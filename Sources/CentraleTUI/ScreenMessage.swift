import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// The screen's messages that carry values, in each language: the screen's part of the
/// message catalogue (one exhaustive `switch` per language, no string keys, no fallback).
public enum ScreenMessage: Message {
    /// `d`: the engine assigned the day's pending trips.
    case dispatched(assigned: Int, unassignable: Int, stale: Int)
    /// `x`, confirmed.
    case noShowMarked(trip: Int64)
    /// `u`, confirmed.
    case noShowUndone(trip: Int64)
    /// `x` before the pickup can have happened: from when (nil: the trip's time).
    case noShowNotYet(trip: Int64, date: LocalDate, appointment: LocalTime, from: LocalTime?)
    /// `u` on another day than the trip's.
    case undoNoShowSameDayOnly(trip: Int64, date: LocalDate)
    /// A suspension from the card, and the trips it cancelled.
    case suspended(code: String, from: LocalDate, to: LocalDate, cancelled: Int)
    /// A closing from the card, and the trips it cancelled.
    case closed(code: String, on: LocalDate, reason: ClosingReason, cancelled: Int)
    /// A person registered from the *nuovo beneficiario* form.
    case registered(code: String, from: LocalDate, until: LocalDate)
    /// The card's `z` and `h` prompts, and what to type when the input is not understood.
    case suspendAsk(code: String)
    case suspendUsage
    /// A suspension whose last day comes before its first.
    case suspendEndsBeforeStart(from: LocalDate, to: LocalDate)
    case closeAsk(code: String)
    case closeUsage
    /// The plans screen's title.
    case plansTitle(date: LocalDate, proposals: Int)
    /// The card's status, with the last day of an expired authorisation.
    case cardStatus(EffectiveStatus, expiredOn: LocalDate?)
    /// The card's authorisation (nil: none).
    case cardAuthorisation(Authorisation?)
    /// Beside the card's authorisation: expired, or expiring in so many days.
    case expiresIn(days: Int)
    /// One of the card's next trips.
    case cardTrip(TripRequest)
    /// One line of the card's status history.
    case cardHistory(StatusChange)
    /// The card's name once the personal data were erased.
    case personalDataErased
    /// A person found in the request form: the authorisation in force (nil: none).
    case authorisedUntil(Authorisation?)
    /// The request form's beneficiary, once its code is found: comune, status, needs, activity
    /// and the authorisation on the request's day.
    case beneficiaryHint(comune: String, status: EffectiveStatus, needs: Needs, activeFrom: LocalDate, closedOn: LocalDate?,
                         authorisation: Authorisation?, hasAuthorisations: Bool, day: LocalDate)
    /// The request form's Da or A, found.
    case placeHome
    case placeAddress
    case placeApproximate
    /// A field's problem, naming the field.
    case fieldProblem(RequestFormState.Field, String)
    /// The form is not sent: the fields marked.
    case correctFields([RequestFormState.Field])
    /// The title bar's counts: the day's trips, the pending ones, the unassignable ones.
    case boardCounts(trips: Int, pending: Int, unassignable: Int)
    /// Beside the counts: the trips to review (marked `!`).
    case toReview(Int)
    /// The counts abbreviated, when the trips to review do not fit in words.
    case boardCountsShort(trips: Int, pending: Int, unassignable: Int, flagged: Int)
    /// The filters in force, in the title bar.
    case statusFilter(TripStatus)
    case searchFilter(String)
    case filters([String])
    /// The status line while the search is typed.
    case searching(String)
    /// Under the board: why the selected trip is marked `!`.
    case warning(trip: Int64, AvailabilityWarning)
    /// The candidates screen: its title, who holds the trip now, why nobody can take it, who is excluded.
    case assignTitle(TripRequest)
    case heldBy(String?)
    case unassignableBecause(String)
    case excluded(HardRule, [String])
    /// An assignment the screen does not make: the hard rule it breaks.
    case ruleBroken(association: String, rule: HardRule)
    /// Results of the screen's changes.
    case assigned(trip: Int64, association: String)
    case cancelledTrip(Int64)
    case requestRegistered([Int64])
    /// A change refused because the trip changed since it was read.
    case changedMeanwhile(trip: Int64)
    /// An error, as the status line shows it.
    case error(String)
    /// The questions answered yes or no (`s/n`, `y/n`).
    case noShowAsk(beneficiary: String, trip: Int64, appointment: LocalTime)
    case undoNoShowAsk(trip: Int64)
    case cancelAsk(trip: Int64, appointment: LocalTime, beneficiary: String)
    case discardRequestAsk
    case discardPersonAsk
    case acceptPlanAsk(association: String, trips: Int, vehicles: Int, distance: Distance)
    case acceptAllPlansAsk(associations: Int, trips: Int)
    /// Enter on a trip that is no longer assigned (done, cancelled…).
    case notAssignableAnyMore(trip: Int64, TripStatus)
    /// A list's window, `(1–18 di 30)`; the one chosen of several, `(3 di 12)`.
    case listRange(first: Int, last: Int, count: Int)
    case listPosition(Int, count: Int)
    /// The call list's title.
    case callsTitle(day: LocalDate, trips: Int, open: Int)
    /// The plans screen: an association's plan in one line, the trips driven on their own.
    case planSummary(DayPlan)
    case planSolo([Int64])
    /// The plans proposed, and accepted.
    case plansProposed(associations: Int, saved: Distance)
    case plansAccepted([String])
    /// The card's title and needs.
    case cardTitle(code: String, name: String)
    case cardNeeds(Needs)
    /// The nuovo beneficiario form: a codice fiscale's character not allowed; a person registered already.
    case codiceFiscaleCharacter(position: Int)
    case alreadyRegisteredAs(String)
    case alreadyRegistered(String)
    /// No beneficiary with that code (the card, the request form).
    case noBeneficiary(String)
    case noBeneficiaryWithCode(String)

    static let cancelledTrips = Plural(it: "servizio annullato", "servizi annullati", en: "trip cancelled", "trips cancelled")
    static let assignedTrips = Plural(it: "assegnato", "assegnati", en: "assigned", "assigned")
    static let unassignableTrips = Plural(it: "non assegnabile", "non assegnabili", en: "unassignable", "unassignable")
    static let staleTrips = Plural(it: "cambiato nel frattempo e lasciato", "cambiati nel frattempo e lasciati",
                                   en: "changed meanwhile and left", "changed meanwhile and left")
    static let vehicles = Plural(it: "mezzo", "mezzi", en: "vehicle", "vehicles")
    static let associations = Plural(it: "associazione", "associazioni", en: "association", "associations")

    public var italian: String {
        let it = Language.it
        switch self {
        case let .dispatched(assigned, unassignable, stale):
            return "Assegnazione automatica: \(Self.assignedTrips.count(assigned, it)), \(Self.unassignableTrips.count(unassignable, it))"
                + (stale == 0 ? "." : ", \(Self.staleTrips.count(stale, it)).")
        case .noShowMarked(let trip):
            return "Servizio \(trip) segnato come assente; l'associazione registrerà i km. (u per annullare, oggi)"
        case .noShowUndone(let trip):
            return "Assenza del servizio \(trip) annullata: di nuovo assegnato."
        case let .noShowNotYet(trip, date, appointment, from):
            return "Servizio \(trip) del \(Labels.date(date, it)) \(appointment): assenza segnabile dalle \(from.map { "\($0)" } ?? "l'ora del servizio") di quel giorno."
        case let .undoNoShowSameDayOnly(trip, date):
            return "L'assenza del servizio \(trip) si annulla solo il giorno stesso (\(Labels.date(date, it)))."
        case let .suspended(code, from, to, cancelled):
            return "\(code) sospeso dal \(Labels.date(from, it)) al \(Labels.date(to, it)): \(Self.cancelledTrips.count(cancelled, it))."
        case let .closed(code, on, reason, cancelled):
            return "\(code) chiuso il \(Labels.date(on, it)) (\(Labels.closingReason(reason, it))): \(Self.cancelledTrips.count(cancelled, it))."
        case let .registered(code, from, until):
            return "Registrato \(code): attivo dal \(Labels.date(from, it)) al \(Labels.date(until, it))."
        case .suspendAsk(let code):
            return "Sospendi \(code): DAL AL MOTIVO, Invio per confermare, Esc per annullare, Ctrl-U svuota"
        case .suspendUsage:
            return "Scrivi: DAL AL MOTIVO, es. 10/03/2025 20/03/2025 ricovero"
        case let .suspendEndsBeforeStart(from, to):
            return "La sospensione finirebbe il \(Labels.date(to, it)), prima di cominciare il \(Labels.date(from, it)): scrivi prima il primo giorno, poi l'ultimo"
        case .closeAsk(let code):
            return "Chiudi \(code): ULTIMO-GIORNO MOTIVO [NOTA] (\(Labels.closingReasons(it)))"
        case .closeUsage:
            return "Scrivi: ULTIMO-GIORNO MOTIVO [NOTA], es. 30/06/2025 trasferito a Bologna; motivo: \(Labels.closingReasons(it))"
        case let .plansTitle(date, proposals):
            return proposals > 0
                ? "Giri condivisi del \(Labels.day(date, it)): \(proposals) propost\(proposals == 1 ? "a" : "e") non ancora accettat\(proposals == 1 ? "a" : "e")"
                : "Giri condivisi accettati del \(Labels.day(date, it))"
        case let .cardStatus(status, expiredOn):
            return Labels.personStatus(status, it) + (expiredOn.map { " il \(Labels.date($0, it)): rinnovarla" } ?? "")
        case .cardAuthorisation(let authorisation):
            return authorisation.map {
                "\(Labels.purposes($0.purposes, it)), bisogni \(Labels.needsInFull($0.needs, it)), dal \(Labels.date($0.validFrom, it)) al \(Labels.date($0.validUntil, it))"
            } ?? "nessuna"
        case .expiresIn(let days):
            return days < 0 ? "(scaduta)" : "(scade tra \(days) \(days == 1 ? "giorno" : "giorni"))"
        case .cardTrip(let trip):
            return Self.tripLine(trip, it)
        case .cardHistory(let change):
            return Self.historyLine(change, it)
        case .personalDataErased:
            return "(dati personali cancellati)"
        case .authorisedUntil(let authorisation):
            return authorisation.map { "\(Labels.purposes($0.purposes, it)) fino al \(Labels.date($0.validUntil, it))" } ?? "nessuna"
        case let .beneficiaryHint(comune, status, needs, activeFrom, closedOn, authorisation, hasAuthorisations, day):
            let authorised = authorisation.map { "; autorizzato: \(Labels.purposes($0.purposes, it)) fino al \(Labels.date($0.validUntil, it))" }
                ?? (hasAuthorisations ? "; nessuna autorizzazione il \(Labels.date(day, it))" : "")
            return "\(comune), \(Labels.personStatus(status, it)), \(Labels.needsInFull(needs, it)), attivo dal \(Labels.date(activeFrom, it))"
                + (closedOn.map { " al \(Labels.date($0, it))" } ?? "") + authorised
        case .placeHome:
            return "casa del beneficiario"
        case .placeAddress:
            return "indirizzo con coordinate"
        case .placeApproximate:
            return "indirizzo senza coordinate: posizione al centro del comune"
        case let .fieldProblem(field, problem):
            return "\(field.name(it)): \(problem)"
        case .correctFields(let fields):
            return "Correggi i campi segnati: \(fields.map { $0.name(it) }.joined(separator: ", "))."
        case let .boardCounts(trips, pending, unassignable):
            return "\(Plural.trip.count(trips, it)) · \(pending) in attesa · \(unassignable) non assegn."
        case .toReview(let flagged):
            return " · \(flagged) da rivedere (!)"
        case let .boardCountsShort(trips, pending, unassignable, flagged):
            return "\(trips) serv. · \(pending) in att. · \(unassignable) non ass. · \(flagged) (!)"
        case .statusFilter(let status):
            return "stato: \(Labels.status(status, it))"
        case .searchFilter(let text):
            return "cerca: \(text)"
        case .filters(let filters):
            return " · filtro: " + filters.joined(separator: ", ")
        case .searching(let text):
            return "Cerca: \(text)▏  (Invio per confermare, Esc per annullare)"
        case let .warning(trip, warning):
            return "! \(trip): \(Labels.warning(warning, it))"
        case .assignTitle(let trip):
            return "Assegna il servizio \(trip.id): \(trip.appointment) \(trip.beneficiary) (\(Labels.needsInFull(trip.needs, it))) "
                + "\(trip.pickup.label) → \(trip.destination.label)"
        case .heldBy(let association):
            return "Ora: \(association ?? "nessuna associazione")"
        case .unassignableBecause(let reason):
            return "Non assegnabile: \(reason)"
        case let .excluded(rule, codes):
            return "Escluse (\(Labels.rule(rule, it))): " + codes.joined(separator: " ")
        case let .ruleBroken(association, rule):
            return "\(association): \(Labels.rule(rule, it)). Un'assegnazione forzata, con il motivo, si fa fuori da questo schermo."
        case let .assigned(trip, association):
            return "Servizio \(trip) assegnato a \(association)."
        case .cancelledTrip(let trip):
            return "Servizio \(trip) annullato."
        case .requestRegistered(let ids):
            return "Richiesta registrata: \(Plural.trip.count(ids.count, it)) (\(Self.idRange(ids))), in attesa."
        case .changedMeanwhile(let trip):
            return "Il servizio \(trip) è stato cambiato da un'altra postazione nel frattempo: nulla è stato fatto. r ricarica il quadro, poi riprova."
        case .error(let text):
            return "Errore: \(text)"
        case let .noShowAsk(beneficiary, trip, appointment):
            return "Segnare assente \(beneficiary), servizio \(trip) delle \(appointment)? \(ScreenLabel.yesNo.italian)"
        case .undoNoShowAsk(let trip):
            return "Annullare l'assenza del servizio \(trip) (torna assegnato)? \(ScreenLabel.yesNo.italian)"
        case let .cancelAsk(trip, appointment, beneficiary):
            return "Annullare il servizio \(trip) delle \(appointment) (\(beneficiary))? \(ScreenLabel.yesNo.italian)"
        case .discardRequestAsk:
            return "Lasciare la richiesta? Quello che hai scritto si perde. \(ScreenLabel.yesNo.italian)"
        case .discardPersonAsk:
            return "Lasciare il nuovo beneficiario? Quello che hai scritto si perde. \(ScreenLabel.yesNo.italian)"
        case let .acceptPlanAsk(association, trips, vehicles, distance):
            return "Accettare i giri di \(association): \(Plural.trip.count(trips, it)) su \(Self.vehicles.count(vehicles, it)), "
                + "\(Labels.km(distance, it)) km? \(ScreenLabel.yesNo.italian)"
        case let .acceptAllPlansAsk(associations, trips):
            return (associations == 1 ? "Accettare i giri dell'unica associazione proposta"
                                       : "Accettare i giri di tutte le \(associations) associazioni proposte")
                + " (\(Plural.trip.count(trips, it)))? \(ScreenLabel.yesNo.italian)"
        case let .notAssignableAnyMore(trip, status):
            return "Il servizio \(trip) è \(Labels.statusName(status, it)): non si assegna più."
        case let .listRange(first, last, count):
            return "  (\(first)–\(last) di \(count))"
        case let .listPosition(index, count):
            return "  (\(index) di \(count))"
        case let .callsTitle(day, trips, open):
            return "Promemoria \(Labels.day(day, it)): \(Plural.trip.count(trips, it)), \(open) da confermare"
        case .planSummary(let plan):
            return "\(plan.association): \(Plural.trip.count(plan.tripCount, it)), \(Self.vehicles.count(Set(plan.vehicles.map(\.plate)).count, it)), "
                + "\(Labels.km(plan.plannedDistance, it)) km invece di \(Labels.km(plan.baselineDistance, it)) "
                + "(risparmio \(Labels.km(plan.savedDistance, it)) km, \(Labels.euros(plan.saving, it)))"
        case .planSolo(let trips):
            return "    da soli: " + trips.map { String($0) }.joined(separator: " ")
        case let .plansProposed(associations, saved):
            return "Proposta: \(Self.associations.count(associations, it)), risparmio \(Labels.km(saved, it)) km. "
                + "a accetta quella scelta, A tutte (chiedono conferma)."
        case .plansAccepted(let codes):
            return codes.count == 1 ? "Giri di \(codes[0]) accettati." : "Giri accettati per \(codes.count) associazioni."
        case let .cardTitle(code, name):
            return "Scheda \(code) · \(name)"
        case .cardNeeds(let needs):
            return "   Bisogni: \(Labels.needsInFull(needs, it))"
        case .codiceFiscaleCharacter(let position):
            return "carattere \(position) non ammesso"
        case .alreadyRegisteredAs(let code):
            return "già registrato come \(code)"
        case .alreadyRegistered(let code):
            return "Questa persona è già registrata: \(code)."
        case .noBeneficiary(let code):
            return "Nessun beneficiario \(code)."
        case .noBeneficiaryWithCode(let code):
            return "Nessun beneficiario con il codice \(code)."
        }
    }

    /// `41 ven 12/12/2025 07:30 Via di Casa 1 → DIA-CAREGGI assegnato`.
    static func tripLine(_ trip: TripRequest, _ language: Language) -> String {
        "\(trip.id) \(Labels.day(trip.date, language)) \(trip.appointment) \(trip.pickup.placeCode ?? trip.pickup.label) → "
            + "\(trip.destination.placeCode ?? trip.destination.label) \(Labels.statusName(trip.status, language))"
    }

    /// `10/03/2025–20/03/2025 sospeso: ricovero`, `30/06/2025 chiuso (trasferito): a Bologna`.
    static func historyLine(_ change: StatusChange, _ language: Language) -> String {
        // A suspension withdrawn before it began: what it was, not a one-day active entry.
        if let withdrawn = change.withdrawnText(italian: language == .it) { return withdrawn }
        return "\(Labels.date(change.from, language))\(change.to.map { "–\(Labels.date($0, language))" } ?? "") "
            + Labels.personStatus(EffectiveStatus(change.status), language)
            + (change.closingReason.map { " (\(Labels.closingReason($0, language)))" } ?? "")
            + (change.reason.isEmpty ? "" : ": \(change.reasonText(italian: language == .it))")
    }

    /// The ids of the trips a request made: `41`, `41…44`.
    static func idRange(_ ids: [Int64]) -> String {
        guard let first = ids.first, let last = ids.last else { return "-" }
        return ids.count > 1 ? "\(first)…\(last)" : "\(first)"
    }
}
