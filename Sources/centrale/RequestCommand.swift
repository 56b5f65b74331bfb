import ArgumentParser
import CentraleDomain
import CentraleIntake
import CentraleRendering
import CentraleStore

/// `centrale request`: take, cancel and list requests.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Take, cancel and list transport requests.",
        subcommands: [RequestAddCommand.self, RequestCancelCommand.self, RequestListCommand.self]
    )
}

/// `centrale request add`.
struct RequestAddCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a one-off or recurring request (outbound, and return with --return).",
        discussion: """
            --from and --to take 'home' (the beneficiary's home), a place code or name (OSP-CAREGGI, \
            'careggi'), or an address with coordinates: 'Via Roma 1, Signa@43.781,11.098'. A recurring \
            request repeats on --repeat weekdays (mon,wed,fri or lun,mer,ven) until --until. A request \
            that contradicts the beneficiary's record (e.g. not active on a date) is refused with the reason.

            Example: centrale request add --beneficiary BYUY8U --date 2026-03-02 --time 07:30 \
            --from home --to DIA-CAREGGI --return 11:45 --purpose dialysis --repeat mon,wed,fri --until 2026-05-29
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: "The beneficiary's code.") var beneficiary: String
    @Option(help: "The (first) day, YYYY-MM-DD.") var date: LocalDate
    @Option(help: "The appointment time at the destination, HH:MM.") var time: LocalTime
    @Option(help: "Where to pick up: home, a place, or ADDRESS@LAT,LON.") var from: String = "home"
    @Option(help: "Where to go: a place, home, or ADDRESS@LAT,LON.") var to: String
    @Option(name: .customLong("return"), help: "When the beneficiary is ready to come back, HH:MM (adds a return leg).")
    var returnAt: LocalTime?
    @Option(help: "Why: \(TripPurpose.allCases.map(\.rawValue).joined(separator: ", ")).") var purpose: TripPurpose = .visit
    @Option(help: "Needs on board if not the beneficiary's usual ones (wheelchair+escort, or none).") var needs: String?
    @Option(name: .customLong("repeat"), help: "Weekdays to repeat on, e.g. mon,wed,fri.") var repeatDays: String?
    @Option(help: "The last day of a recurring request.") var until: LocalDate?
    @Flag(help: "Add a trip dated in a closed month (needs --reason; paid as an adjustment in the current month).") var late = false
    @Option(help: "Why the trip is added late (with --late).") var reason: String?

    func validate() throws {
        if (repeatDays == nil) != (until == nil) { throw ValidationError("--repeat and --until go together") }
        if late != (reason != nil) { throw ValidationError("--late and --reason go together: --late --reason \"why it is added now\"") }
        if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason is empty; say why the trip is added late") }
        if let repeatDays, Recurrence.weekdays(parsing: repeatDays) == nil {
            throw ValidationError("--repeat: '\(repeatDays)' is not a list of weekdays such as mon,wed,fri")
        }
        if let needs, needs != "none", Needs(parsing: needs) == nil {
            throw ValidationError("--needs: '\(needs)' is not a combination of wheelchair, escort, stretcher (or none)")
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
        let requests = try intake.trips(for: form, beneficiary: try store.beneficiary(beneficiary), home: try store.home(of: beneficiary),
                                        homeApproximate: try store.homeIsApproximate(beneficiary), existing: existing)
        let ids = try store.addRequests(requests, estimator: registry.convention.distanceEstimator, late: late ? reason : nil,
                                        actor: Actor(try context.operatorName(), reason: late ? reason! : "request taken"))
        let trips = ids.flatMap { $0 }
        try context.say(.requestsAdded(requests: requests.count, beneficiary: beneficiary, trips: trips))
    }
}

/// `centrale request cancel`.
struct RequestCancelCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a trip, or the rest of its series.")

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trip id.") var trip: Int64
    @Flag(help: "Also cancel the later trips of the same recurring series.") var series = false
    @Option(help: "Why (recorded in the audit trail).") var reason: String

    func run(_ context: AppContext) throws {
        let ids = try context.store.cancel(trip: trip, series: series, actor: Actor(try context.operatorName(), reason: reason))
        try context.say(.cancelled(ids))
    }
}

/// `centrale request list`.
struct RequestListCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a day's trips with status and association.")

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: "The day, YYYY-MM-DD.") var date: LocalDate
    @Option(help: "table or json.") var format: OutputFormat = .table

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
        status = trip.status.rawValue; reason = trip.statusReason
        association = record.assignment?.association; method = record.assignment?.method.rawValue
        estimatedMetres = record.estimated.metres; version = record.version
    }

    enum CodingKeys: String, CodingKey {
        case id, date, time, leg, beneficiary, needs, purpose, from, to, status, reason, association, method, version
        case fromComune = "from_comune", toComune = "to_comune", estimatedMetres = "estimated_m", serviceOutcome = "service_outcome"
    }
}
