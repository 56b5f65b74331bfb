import ArgumentParser
import CentraleDispatch
import CentraleDomain
import CentraleRegistry
import CentraleRendering
import CentraleStore

/// `centrale dispatch`: assigns a day's pending trips.
struct DispatchCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Assign a day's pending trips to associations under the convention's rules.",
        discussion: """
            Decides every pending (or unassignable) trip of the day and stores the result in one \
            transaction, each decision in the audit trail. Trips already assigned stay as they are; \
            with --reassign the engine decides again the ones it assigned itself (manual assignments \
            always stay). --dry-run shows the plan without storing it. --explain TRIP shows, without \
            storing anything, the engine's ranking for one trip as this dispatch (with the same --reassign) \
            would decide it, the day's other trips in the same order: every eligible association with the \
            points of each goal, and the rule that excludes each other association.
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: "The day, YYYY-MM-DD.") var date: LocalDate
    @Flag(help: "Show the plan without storing it.") var dryRun = false
    @Flag(help: "Decide again the trips the engine assigned earlier.") var reassign = false
    @Option(help: "Explain the decision for one trip (stores nothing).") var explain: Int64?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        let store = try context.store
        // The explained trip is ranked in the very batch this dispatch (with the same --reassign)
        // decides, in the same order, so that explain names the association dispatch stores.
        var input = try store.dispatchInput(for: date, reassign: reassign)
        var leftAlone: TripRecord?
        if let explain {
            guard let record = try store.tripRecord(explain), record.trip.date == date else {
                throw StoreError.refused(.trip(.notOnDate(explain, date)))
            }
            if !input.trips.contains(where: { $0.trip.id == explain }) {
                leftAlone = record
                input = try store.dispatchInput(for: date, reassign: reassign, explaining: explain)
            }
        }
        let plan = try context.engine.dispatch(input, zone: context.zone)
        let report = DispatchReport(plan: plan, trips: input.trips.map(\.trip), registry: try context.registry, language: try context.language)
        if let explain {
            if format == .json { context.print(try jsonString(report.explanation(explain))); return }
            context.print(report.explanationText(explain) + (try leftAlone.map { "\n" + Self.leftAloneNote($0, reassign: reassign).text(try context.language) } ?? ""))
            return
        }
        var outcome: DispatchOutcome?
        if !dryRun { outcome = try store.apply(plan, input: input, actor: Actor(try context.operatorName(), reason: "dispatch \(date)")) }
        context.print(format == .json ? try jsonString(report.summary(stored: !dryRun, stale: outcome?.stale ?? []))
                                      : report.text(stored: !dryRun, stale: outcome?.stale ?? []))
    }

    /// Why the ranking of a trip this dispatch leaves as it is will not be stored.
    static func leftAloneNote(_ record: TripRecord, reassign: Bool) -> CLIMessage {
        .leftAlone(trip: record.trip.id, status: record.trip.status, association: record.assignment?.association,
                   method: record.assignment?.method, decidedAgain: !reassign && record.assignment?.method == .engine)
    }
}

/// `centrale assign`: the dispatcher's override.
struct AssignCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a trip to an association by hand.",
        discussion: """
            The assignment is checked against the convention's hard rules (coverage, vehicle, daily \
            capacity). To assign against a rule, add --force with a --reason: both go into the audit trail.
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trip id.") var trip: Int64
    @Argument(help: "The association's code.") var association: String
    @Flag(help: "Assign even if a hard rule forbids it (needs --reason).") var force = false
    @Option(help: "Why (required with --force).") var reason: String?

    func validate() throws {
        if force && (reason ?? "").isEmpty { throw ValidationError("--force needs a --reason, recorded in the audit trail") }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        guard let record = try store.tripRecord(trip) else { throw StoreError.notFound(entity: .trip, id: String(trip)) }
        guard try context.registry.associations.contains(where: { $0.code == association }) else {
            throw StoreError.notFound(entity: .association, id: association)
        }
        let broken = try store.brokenRule(assigning: record, to: association, engine: context.engine, zone: context.zone)
        if broken == .membership {
            throw StoreError.refused(.trip(.associationLeftBefore(association, date: record.trip.date, trip: trip)))
        }
        if let broken, !force {
            throw StoreError.refused(.trip(.breaksRule(association, broken)))
        }
        let method: AssignmentMethod = broken == nil ? .manual : .forced
        let note = broken.map { "against rule \($0.rawValue): \(reason!)" } ?? reason
        try store.assign(trip: trip, to: association, method: method, note: note, expectedVersion: record.version,
                         actor: Actor(try context.operatorName(), reason: reason ?? "manual assignment"))
        try context.say(.assigned(trip: trip, association: association, forced: broken?.rawValue))
    }
}
