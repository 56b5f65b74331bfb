import ArgumentParser
import CentraleDispatch
import CentraleDomain
import CentraleRegistry
import CentraleRendering
import CentraleStore

/// `centrale dispatch`: assigns a day's pending trips.
struct DispatchCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "dispatch",
        abstract: localized(it: "Assegna alle associazioni i servizi in attesa di un giorno, secondo le regole della convenzione.",
                            en: "Assign a day's pending trips to associations under the convention's rules."),
        discussion: localized(it: """
            Decide ogni servizio in attesa (o non assegnabile) del giorno e salva il risultato in un'unica \
            transazione, con ogni decisione nello storico delle modifiche. I servizi già assegnati restano come sono; \
            con --reassign il motore decide di nuovo quelli che aveva assegnato lui (le assegnazioni manuali \
            restano sempre). --dry-run mostra il piano senza salvarlo. --explain SERVIZIO mostra, senza \
            salvare nulla, la classifica del motore per un servizio come lo deciderebbe questo smistamento (con lo \
            stesso --reassign), con gli altri servizi del giorno nello stesso ordine: ogni associazione ammissibile \
            con i punti di ciascun obiettivo, e la regola che esclude ciascuna delle altre associazioni.
            """, en: """
            Decides every pending (or unassignable) trip of the day and stores the result in one \
            transaction, each decision in the audit trail. Trips already assigned stay as they are; \
            with --reassign the engine decides again the ones it assigned itself (manual assignments \
            always stay). --dry-run shows the plan without storing it. --explain TRIP shows, without \
            storing anything, the engine's ranking for one trip as this dispatch (with the same --reassign) \
            would decide it, the day's other trips in the same order: every eligible association with the \
            points of each goal, and the rule that excludes each other association.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il giorno, AAAA-MM-GG.", en: "The day, YYYY-MM-DD."), valueName: localized(it: "data", en: "date"))) var date: LocalDate
    @Flag(help: ArgumentHelp(localized(it: "Mostra il piano senza salvarlo.", en: "Show the plan without storing it."))) var dryRun = false
    @Flag(help: ArgumentHelp(localized(it: "Decide di nuovo i servizi che il motore aveva già assegnato.", en: "Decide again the trips the engine assigned earlier."))) var reassign = false
    @Option(help: ArgumentHelp(localized(it: "Spiega la decisione per un servizio (non salva nulla).", en: "Explain the decision for one trip (stores nothing)."), valueName: localized(it: "servizio", en: "explain"))) var explain: Int64?
    @Option(help: ArgumentHelp(localized(it: "table o json.", en: "table or json."), valueName: localized(it: "formato", en: "format"))) var format: OutputFormat = .table

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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "assign",
        abstract: localized(it: "Assegna a mano un servizio a un'associazione.",
                            en: "Assign a trip to an association by hand."),
        discussion: localized(it: """
            L'assegnazione viene controllata rispetto alle regole vincolanti della convenzione (copertura, mezzo, \
            capacità giornaliera). Per assegnare contro una regola, aggiungi --force con un --reason: entrambi \
            finiscono nello storico delle modifiche.
            """, en: """
            The assignment is checked against the convention's hard rules (coverage, vehicle, daily \
            capacity). To assign against a rule, add --force with a --reason: both go into the audit trail.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del servizio.", en: "The trip id."), valueName: localized(it: "servizio", en: "trip"))) var trip: Int64
    @Argument(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String
    @Flag(help: ArgumentHelp(localized(it: "Assegna anche se una regola vincolante lo vieta (richiede --reason).", en: "Assign even if a hard rule forbids it (needs --reason)."))) var force = false
    @Option(help: ArgumentHelp(localized(it: "Il motivo (obbligatorio con --force).", en: "Why (required with --force)."), valueName: localized(it: "causale", en: "reason"))) var reason: String?

    func validate() throws {
        if force && (reason ?? "").isEmpty { throw ValidationError(localized(it: "--force richiede un --reason, registrato nello storico delle modifiche",
                                                                             en: "--force needs a --reason, recorded in the audit trail")) }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        guard let record = try store.tripRecord(trip) else { throw StoreError.notFound(entity: .trip, id: String(trip)) }
        try store.requireAssociation(association)
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
        try context.say(.assigned(trip: trip, association: association, forced: broken))
    }
}
