import CentraleDomain
import CentraleFormats

/// The refusals about a beneficiary: registering and changing the record, suspending, resuming,
/// closing, erasing it, and free text that would name the person in the audit trail.
public enum BeneficiaryRefusal: Message, Equatable {
    // The record.
    /// A code already in use.
    case exists(String)
    /// A codice fiscale already registered, under `code`.
    case codiceFiscaleRegistered(String, code: String)
    /// A codice fiscale that belongs to another person (`owner`).
    case codiceFiscaleBelongs(String, owner: String)
    /// The person was erased: registering them again needs `--readmit` (a file's field message).
    case erasedPerson
    /// The same, refusing a registration by its codice fiscale.
    case erasedCodiceFiscale
    /// No free code found after many tries.
    case noFreshCode
    /// The person's record was erased (on the ISO day given): nothing about it can change.
    case erased(String, on: String)
    /// A new authorisation no longer covers trips still to be done.
    case authorisationDropsTrips(String, Authorisation, trips: [DatedTrip])
    /// Free text the audit trail would keep naming the person (a name, the codice fiscale, a phone).
    case namesPerson(FreeText, code: String)

    // Suspending and resuming.
    /// A suspension that ends before it starts.
    case suspensionEndsBeforeStart(from: LocalDate, to: LocalDate)
    /// A suspension without a reason.
    case suspensionNeedsReason
    /// The person's record is closed (last day `closedOn`) before the suspension starts.
    case closedCannotSuspend(String, closedOn: LocalDate)
    /// A suspension (stored, ISO days) overlapping the one asked.
    case overlappingSuspension(String, from: String, to: String, askedFrom: LocalDate, askedTo: LocalDate)
    /// The person is not suspended on the day (never was, or the suspension already ended or was
    /// ended early: resuming twice): nothing to resume. `next` is a later suspension not yet
    /// begun, which resuming on its first day withdraws.
    case notSuspended(String, on: LocalDate, next: ClosedRange<LocalDate>?)

    // Closing and erasing.
    /// The record is already closed (last day `closedOn`).
    case alreadyClosed(String, closedOn: LocalDate)
    /// Closing before the day the person became active.
    case closeBeforeActivation(String, activatedOn: LocalDate)
    /// Erasing a record that is not closed.
    case notClosed(String)
    /// Erasing before the person's last day is past: possible from `from`.
    case erasableFrom(String, from: LocalDate)
    /// Erasing while trips are still to be done.
    case tripsWaiting(String, [Int64])
    /// Erasing within the retention period, without `--force`.
    case withinRetention(String, closedOn: LocalDate, days: Int, ends: LocalDate)

    /// A trip and its day, as a refusal names it.
    public struct DatedTrip: Sendable, Hashable {
        public var id: Int64
        public var date: LocalDate
        public init(id: Int64, date: LocalDate) {
            self.id = id
            self.date = date
        }
    }

    public var italian: String {
        switch self {
        case .exists(let code):
            "il beneficiario \(code) esiste già; usa un altro codice"
        case let .codiceFiscaleRegistered(codiceFiscale, code):
            "il codice fiscale \(codiceFiscale) è già registrato come \(code); modificalo con `beneficiary update \(code)`"
        case let .codiceFiscaleBelongs(codiceFiscale, owner):
            "il codice fiscale \(codiceFiscale) appartiene a \(owner); controllalo"
        case .erasedPerson:
            "i dati di questa persona sono stati cancellati da questa base dati (diritto alla cancellazione); "
                + "registrala di nuovo solo su una nuova segnalazione, con --readmit"
        case .erasedCodiceFiscale:
            "codice fiscale: \(Self.erasedPerson.italian). Non è stato scritto nulla"
        case .noFreshCode:
            "non è stato possibile creare un nuovo codice beneficiario; riprova"
        case let .erased(code, day):
            "i dati personali di \(code) sono stati cancellati il \(StoreItalian.date(iso: day)); non si possono più modificare"
        case let .authorisationDropsTrips(code, authorisation, trips):
            Self.italianDroppedTrips(code, authorisation, trips)
        case let .namesPerson(what, code):
            "\(what.italian) contiene dati personali del beneficiario \(code) (un nome, il codice fiscale o un numero di telefono); "
                + "lo storico delle modifiche lo conserva per sempre e una cancellazione non potrebbe toglierlo: "
                + "scrivi senza dati personali (es. \"ricovero\"). Non è stato scritto nulla."
        case let .suspensionEndsBeforeStart(from, to):
            "la sospensione finisce (\(StoreItalian.date(to))) prima di cominciare (\(StoreItalian.date(from))); "
                + "indica un --from che preceda il --to"
        case .suspensionNeedsReason:
            "una sospensione richiede un motivo (es. --reason \"ricovero\"); non è stato scritto nulla"
        case let .closedCannotSuspend(code, closedOn):
            "la scheda di \(code) è chiusa (ultimo giorno \(StoreItalian.date(closedOn))); una scheda chiusa non si può sospendere"
        case let .overlappingSuspension(code, from, to, askedFrom, askedTo):
            "il beneficiario \(code) è già sospeso dal \(StoreItalian.date(iso: from)) al \(StoreItalian.date(iso: to)), "
                + "periodo che si sovrappone a \(StoreItalian.date(askedFrom))–\(StoreItalian.date(askedTo))"
        case let .notSuspended(code, day, next):
            Self.italianNotSuspended(code, day, next)
        case let .alreadyClosed(code, closedOn):
            "la scheda di \(code) è già chiusa (ultimo giorno \(StoreItalian.date(closedOn)))"
        case let .closeBeforeActivation(code, activatedOn):
            "il beneficiario \(code) è attivo dal \(StoreItalian.date(activatedOn)); chiudi la scheda da quel giorno in poi"
        case .notClosed(let code):
            "la scheda di \(code) non è chiusa"
        case let .erasableFrom(code, from):
            "la scheda di \(code) è chiusa dal \(StoreItalian.date(from)); i suoi dati si potranno cancellare da quel giorno"
        case let .tripsWaiting(code, trips):
            "il beneficiario \(code) ha ancora servizi da fare (\(StoreItalian.ids(Array(trips.prefix(10)))))"
        case let .withinRetention(code, closedOn, days, ends):
            "la scheda di \(code) è chiusa al \(StoreItalian.date(closedOn)); il periodo di conservazione (convention.toml [service] "
                + "retention_days = \(days)) termina il \(StoreItalian.date(ends)). Prima di allora cancella i dati solo con --force --reason \"…\""
        }
    }

    public var english: String {
        switch self {
        case .exists(let code):
            "beneficiary \(code) already exists; use another code"
        case let .codiceFiscaleRegistered(codiceFiscale, code):
            "\(codiceFiscale) is already registered as \(code); change it with `beneficiary update \(code)`"
        case let .codiceFiscaleBelongs(codiceFiscale, owner):
            "\(codiceFiscale) belongs to \(owner); check the codice fiscale"
        case .erasedPerson:
            "this person's record was erased from this database (right to erasure); register them again only on a new referral, with --readmit"
        case .erasedCodiceFiscale:
            "codice fiscale: \(Self.erasedPerson.english). Nothing was written"
        case .noFreshCode:
            "could not make a new beneficiary code; try again"
        case let .erased(code, day):
            "the personal record of \(code) was erased on \(day); it cannot be changed"
        case let .authorisationDropsTrips(code, authorisation, trips):
            Self.englishDroppedTrips(code, authorisation, trips)
        case let .namesPerson(what, code):
            "\(what.english) names \(code)'s person (a name, the codice fiscale or a phone number); the audit trail keeps it for good "
                + "and an erasure could not take it out: say why without personal data (e.g. \"ricovero\"). Nothing was written."
        case let .suspensionEndsBeforeStart(from, to):
            "the suspension ends (\(to)) before it starts (\(from)); give --from before --to"
        case .suspensionNeedsReason:
            "a suspension needs a reason (e.g. --reason \"ricovero\"); nothing was written"
        case let .closedCannotSuspend(code, closedOn):
            "\(code) is closed since \(closedOn); a closed person cannot be suspended"
        case let .overlappingSuspension(code, from, to, askedFrom, askedTo):
            "\(code) is already suspended from \(from) to \(to), which overlaps \(askedFrom)–\(askedTo)"
        case let .notSuspended(code, day, next):
            Self.englishNotSuspended(code, day, next)
        case let .alreadyClosed(code, closedOn):
            "\(code) is already closed on \(closedOn)"
        case let .closeBeforeActivation(code, activatedOn):
            "\(code) is active from \(activatedOn); close on that day or later"
        case .notClosed(let code):
            "\(code) is not closed"
        case let .erasableFrom(code, from):
            "\(code) is closed from \(from); it can be erased once that day has come"
        case let .tripsWaiting(code, trips):
            "\(code) still has trips waiting (\(StoreItalian.ids(Array(trips.prefix(10)))))"
        case let .withinRetention(code, closedOn, days, ends):
            "\(code) was closed on \(closedOn); the retention period (convention.toml [service] retention_days = "
                + "\(days)) ends on \(ends). Erase before it only with --force --reason \"…\""
        }
    }

    private static func italianDroppedTrips(_ code: String, _ authorisation: Authorisation, _ trips: [DatedTrip]) -> String {
        let one = trips.count == 1
        let period = "dal \(StoreItalian.date(authorisation.validFrom)) al \(StoreItalian.date(authorisation.validUntil))"
        let listed = trips.prefix(10).map { "\($0.id) del \(StoreItalian.date($0.date))" }.joined(separator: ", ") + (trips.count > 10 ? ", …" : "")
        return "la nuova autorizzazione di \(code) (\(period); \(italianPurposes(authorisation)); "
            + "bisogni: \(StoreItalian.needs(authorisation.needs))) non copre più \(trips.count) \(one ? "servizio" : "servizi") "
            + "ancora da fare: \(listed); indica --cancel-trips per \(one ? "annullarlo" : "annullarli") con il motivo, "
            + "o lascia l'autorizzazione com'era. Non è stato scritto nulla"
    }

    private static func englishDroppedTrips(_ code: String, _ authorisation: Authorisation, _ trips: [DatedTrip]) -> String {
        let purposes = authorisation.purposesText.isEmpty ? "no purpose" : authorisation.purposesText
        let listed = trips.prefix(10).map { "\($0.id) on \($0.date)" }.joined(separator: ", ") + (trips.count > 10 ? ", …" : "")
        return "the new authorisation of \(code) (\(authorisation.validFrom)–\(authorisation.validUntil), "
            + "\(purposes), needs \(authorisation.needs)) no longer covers "
            + "\(trips.count) trip\(trips.count == 1 ? "" : "s") still to be done: \(listed)"
            + "; give --cancel-trips to cancel them with the reason, or keep the authorisation as it was. Nothing was written"
    }

    private static func italianNotSuspended(_ code: String, _ day: LocalDate, _ next: ClosedRange<LocalDate>?) -> String {
        var text = "il beneficiario \(code) non è sospeso il \(StoreItalian.date(day)), quindi non c'è nulla da riprendere"
        if let next {
            let first = StoreItalian.date(next.lowerBound), last = StoreItalian.date(next.upperBound)
            text += "; la sua prossima sospensione, dal \(first) al \(last), non è ancora cominciata: per annullarla indica --on \(first)"
        }
        return text + ". Non è stato scritto nulla."
    }

    private static func englishNotSuspended(_ code: String, _ day: LocalDate, _ next: ClosedRange<LocalDate>?) -> String {
        var text = "\(code) is not suspended on \(day), so there is nothing to resume"
        if let next {
            text += "; their next suspension, from \(next.lowerBound) to \(next.upperBound), has not begun: to withdraw it give --on \(next.lowerBound)"
        }
        return text + ". Nothing was written."
    }

    /// The authorisation's purposes by their Italian names, or `nessun motivo`.
    private static func italianPurposes(_ authorisation: Authorisation) -> String {
        let names = TripPurpose.allCases.filter { authorisation.purposes.contains($0) }.map(\.italianName)
        return names.isEmpty ? "nessun motivo" : "motivi: " + names.joined(separator: ", ")
    }
}
