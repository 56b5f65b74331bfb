import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleIntake
import CentraleOffice
import CentraleRendering
import CentraleStore

/// `centrale request`: take, cancel and list requests.
struct RequestCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "request",
        abstract: localized(it: "Prende, annulla ed elenca le richieste di trasporto.",
                            en: "Take, cancel and list transport requests."),
        subcommands: [RequestAddCommand.self, RequestCancelCommand.self, RequestListCommand.self]
    ) }
}

/// `centrale request add`.
struct RequestAddCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "add",
        abstract: localized(it: "Aggiunge una richiesta singola o ricorrente (andata, e ritorno con --return).",
                            en: "Add a one-off or recurring request (outbound, and return with --return)."),
        discussion: localized(it: """
            --from e --to accettano 'home' (la casa del beneficiario), il codice o il nome di un luogo (OSP-CAREGGI, \
            'careggi'), o un indirizzo con le coordinate: 'Via Roma 1, Signa@43.781,11.098'. Una richiesta \
            ricorrente si ripete nei giorni di --repeat (mon,wed,fri o lun,mer,ven) fino a --until. Una richiesta \
            in contrasto con la scheda del beneficiario (es. non attivo in una data) viene rifiutata con il motivo.

            Esempio: centrale request add --beneficiary BYUY8U --date 2026-03-02 --time 07:30 \
            --from home --to DIA-CAREGGI --return 11:45 --purpose dialisi --repeat lun,mer,ven --until 2026-05-29
            """, en: """
            --from and --to take 'home' (the beneficiary's home), a place code or name (OSP-CAREGGI, \
            'careggi'), or an address with coordinates: 'Via Roma 1, Signa@43.781,11.098'. A recurring \
            request repeats on --repeat weekdays (mon,wed,fri or lun,mer,ven) until --until. A request \
            that contradicts the beneficiary's record (e.g. not active on a date) is refused with the reason.

            Example: centrale request add --beneficiary BYUY8U --date 2026-03-02 --time 07:30 \
            --from home --to DIA-CAREGGI --return 11:45 --purpose dialysis --repeat mon,wed,fri --until 2026-05-29
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il codice del beneficiario.", en: "The beneficiary's code."), valueName: localized(it: "beneficiario", en: "beneficiary"))) var beneficiary: String
    @Option(help: ArgumentHelp(localized(it: "Il giorno (il primo), AAAA-MM-GG.", en: "The (first) day, YYYY-MM-DD."), valueName: localized(it: "data", en: "date"))) var date: LocalDate
    @Option(help: ArgumentHelp(localized(it: "L'ora dell'appuntamento a destinazione, HH:MM.", en: "The appointment time at the destination, HH:MM."), valueName: localized(it: "ora", en: "time"))) var time: LocalTime
    @Option(help: ArgumentHelp(localized(it: "Dove prendere la persona: home, un luogo, o INDIRIZZO@LAT,LON.", en: "Where to pick up: home, a place, or ADDRESS@LAT,LON."), valueName: localized(it: "luogo", en: "from"))) var from: String = "home"
    @Option(help: ArgumentHelp(localized(it: "Dove andare: un luogo, home, o INDIRIZZO@LAT,LON.", en: "Where to go: a place, home, or ADDRESS@LAT,LON."), valueName: localized(it: "luogo", en: "to"))) var to: String
    @Option(name: .customLong("return"), help: ArgumentHelp(localized(it: "Quando il beneficiario è pronto per tornare, HH:MM (aggiunge il ritorno).", en: "When the beneficiary is ready to come back, HH:MM (adds a return leg)."), valueName: localized(it: "ora", en: "return")))
    var returnAt: LocalTime?
    // Optional, its default said in the help: ArgumentParser would name an enum's default by its
    // code (`visit`) even in an Italian run.
    @Option(name: .customLong("purpose"),
            help: ArgumentHelp(localized(it: "Il motivo del servizio, per nome o con il codice inglese (es. dialysis); predefinito: visita.",
                                         en: "Why: \(TripPurpose.allCases.map(\.rawValue).joined(separator: ", ")); default: visit."),
                               valueName: localized(it: "motivo", en: "purpose")))
    var purposeGiven: TripPurpose?
    var purpose: TripPurpose { purposeGiven ?? .visit }
    @Option(help: ArgumentHelp(localized(it: "I bisogni a bordo, se diversi da quelli abituali del beneficiario (wheelchair+escort, o none).", en: "Needs on board if not the beneficiary's usual ones (wheelchair+escort, or none)."), valueName: localized(it: "bisogni", en: "needs"))) var needs: String?
    @Option(name: .customLong("repeat"), help: ArgumentHelp(localized(it: "I giorni della settimana in cui ripetere, es. mon,wed,fri.", en: "Weekdays to repeat on, e.g. mon,wed,fri."), valueName: localized(it: "giorni", en: "repeat"))) var repeatDays: String?
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di una richiesta ricorrente.", en: "The last day of a recurring request."), valueName: localized(it: "data", en: "until"))) var until: LocalDate?
    @Flag(help: ArgumentHelp(localized(it: "Aggiunge un servizio con data in un mese chiuso (richiede --reason; pagato come conguaglio nel mese in corso).", en: "Add a trip dated in a closed month (needs --reason; paid as an adjustment in the current month)."))) var late = false
    @Option(help: ArgumentHelp(localized(it: "Perché il servizio viene aggiunto in ritardo (con --late).", en: "Why the trip is added late (with --late)."), valueName: localized(it: "causale", en: "reason"))) var reason: String?

    func validate() throws {
        if (repeatDays == nil) != (until == nil) { throw ValidationError(localized(it: "--repeat e --until vanno insieme", en: "--repeat and --until go together")) }
        if late != (reason != nil) { throw ValidationError(localized(it: "--late e --reason vanno insieme: --late --reason \"perché viene aggiunto ora\"",
                                                                  en: "--late and --reason go together: --late --reason \"why it is added now\"")) }
        if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(localized(it: "--reason è vuoto; scrivi perché il servizio viene aggiunto in ritardo", en: "--reason is empty; say why the trip is added late")) }
        if let repeatDays, Recurrence.weekdays(parsing: repeatDays) == nil {
            throw ValidationError(localized(it: "--repeat: '\(repeatDays)' non è un elenco di giorni della settimana come mon,wed,fri",
                                       en: "--repeat: '\(repeatDays)' is not a list of weekdays such as mon,wed,fri"))
        }
        if let needs, needs != "none", Needs(parsing: needs) == nil {
            throw ValidationError(localized(it: "--needs: '\(needs)' non è una combinazione di wheelchair, escort, stretcher (o none)",
                                       en: "--needs: '\(needs)' is not a combination of wheelchair, escort, stretcher (or none)"))
        }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        let registry = try context.registry
        let form = RequestForm(
            beneficiary: beneficiary, date: date,
            recurrence: repeatDays.flatMap(Recurrence.weekdays(parsing:)).map { Recurrence(weekdays: $0, until: until!) },
            appointment: time, returnAt: returnAt, from: StopSpec(parsing: from), to: StopSpec(parsing: to),
            purpose: purpose, needs: needs == "none" ? Needs() : needs.flatMap { Needs(parsing: $0) })
        let intake = RequestIntake(places: registry.places, comuni: registry.comuni, convention: registry.convention)
        let existing = try store.trips(of: beneficiary, from: form.date, through: max(form.date, form.recurrence?.until ?? form.date))
        let requests: [[TripRequest]]
        do {
            requests = try intake.trips(for: form, beneficiary: try store.beneficiary(beneficiary), home: try store.home(of: beneficiary),
                                        homeApproximate: try store.homeIsApproximate(beneficiary), existing: existing)
        } catch let refusal as IntakeRefusal {
            throw RequestRefusal(refusal: refusal)
        }
        let ids = try store.addRequests(requests, estimator: registry.convention.distanceEstimator, late: late ? reason : nil,
                                        actor: Actor(try context.operatorName(), reason: late ? reason! : "request taken"))
        let trips = ids.flatMap { $0 }
        try context.say(.requestsAdded(requests: requests.count, beneficiary: beneficiary, trips: trips))
    }
}

/// A refused request of `request add`: each problem names the option it is about (`--time`,
/// `--to`), as typed, in both languages.
struct RequestRefusal: RenderedError {
    var refusal: IntakeRefusal

    /// The option of each field of a request form.
    static let options: [String: String] = [
        "beneficiary": "--beneficiary", "date": "--date", "time": "--time", "from": "--from", "to": "--to", "return": "--return",
        "repeat": "--repeat", "until": "--until", "purpose": "--purpose", "needs": "--needs",
    ]

    func lines(_ language: Language) -> String {
        let words = ErrorWords(language)
        return refusal.problems.map { problem in
            let text = "\(Self.options[problem.field] ?? problem.field): \(problem.text(language, RemedyCommand.render(language)))"
            return "\(words.error) \(text.escapingControlCharacters)"
        }.joined(separator: "\n") + "\n" + words.nothingWritten
    }
}

/// `centrale request cancel`.
struct RequestCancelCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "cancel",
        abstract: localized(it: "Annulla un servizio, o il resto della sua serie.", en: "Cancel a trip, or the rest of its series.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del servizio.", en: "The trip id."), valueName: localized(it: "servizio", en: "trip"))) var trip: Int64
    @Flag(help: ArgumentHelp(localized(it: "Annulla anche i servizi successivi della stessa serie ricorrente.", en: "Also cancel the later trips of the same recurring series."))) var series = false
    @Option(help: ArgumentHelp(localized(it: "Il motivo (registrato nello storico delle modifiche).", en: "Why (recorded in the audit trail)."), valueName: localized(it: "causale", en: "reason"))) var reason: String

    func run(_ context: AppContext) throws {
        let ids = try context.store.cancel(trip: trip, series: series, actor: Actor(try context.operatorName(), reason: reason))
        try context.say(.cancelled(ids))
    }
}

/// `centrale request list`.
struct RequestListCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list",
        abstract: localized(it: "Elenca i servizi di un giorno con lo stato e l'associazione.", en: "List a day's trips with status and association.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il giorno, AAAA-MM-GG.", en: "The day, YYYY-MM-DD."), valueName: localized(it: "data", en: "date"))) var date: LocalDate
    @Option(help: ArgumentHelp(localized(it: "table o json.", en: "table or json."), valueName: localized(it: "formato", en: "format"))) var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        let records = try context.store.tripRecords(on: date)
        let outcomes = try context.store.outcomes(of: records.map(\.trip))
        if format == .json {
            context.print(try jsonString(records.map { TripListing($0, outcome: outcomes[$0.trip.id]) }))
            return
        }
        context.print(TripListRenderer.dayTable(records.map { ($0.trip, $0.assignment?.association) }, outcomes: outcomes, date: date,
                                                language: try context.language))
    }
}

/// A trip as `request list --format json` prints it.
struct TripListing: Encodable {
    var id: Int64, date: String, time: String, leg: String, beneficiary: String, needs: String, purpose: String
    var from: String, fromComune: String, to: String, toComune: String, status: String, reason: String?, serviceOutcome: String?
    var association: String?, method: String?, estimatedMetres: Int, version: Int

    init(_ record: TripRecord, outcome: ServiceOutcome? = nil) {
        serviceOutcome = outcome?.rawValue
        let trip = record.trip
        id = trip.id; date = trip.date.description; time = trip.appointment.description; leg = trip.leg.rawValue
        beneficiary = trip.beneficiary; needs = trip.needs.description; purpose = trip.purpose.rawValue
        from = trip.pickup.placeCode ?? trip.pickup.label; fromComune = trip.pickup.comune
        to = trip.destination.placeCode ?? trip.destination.label; toComune = trip.destination.comune
        status = trip.status.rawValue; reason = trip.statusReason.map { TripStatusReason(stored: $0).english() }
        association = record.assignment?.association; method = record.assignment?.method.rawValue
        estimatedMetres = record.estimated.metres; version = record.version
    }

    enum CodingKeys: String, CodingKey {
        case id, date, time, leg, beneficiary, needs, purpose, from, to, status, reason, association, method, version
        case fromComune = "from_comune", toComune = "to_comune", estimatedMetres = "estimated_m", serviceOutcome = "service_outcome"
    }
}
