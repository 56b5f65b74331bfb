import ArgumentParser
import CentraleDomain
import CentralePlanning
import CentraleRendering
import CentraleStore

/// `centrale plan`: shared-ride plans of a day, and accepting them.
struct PlanCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "plan",
        abstract: localized(it: "Pianifica i giri condivisi di un giorno: il programma di ogni mezzo e i km risparmiati.",
                            en: "Plan shared rides for a day: each vehicle's schedule and the km saved."),
        discussion: localized(it: """
            Per ogni associazione con servizi in quel giorno (o solo per --association), pianifica i suoi mezzi \
            in modo che i servizi compatibili viaggino insieme: nessuno resta a bordo più del tempo massimo di \
            viaggio previsto dalla convenzione (o del suo viaggio diretto, se più lungo), le andate arrivano entro la \
            finestra prima dell'appuntamento, i ritorni partono entro la finestra dopo l'ora in cui il beneficiario \
            è pronto, e i mezzi rispettano posti, posti carrozzina e turno. Le distanze \
            sono le stime della convenzione. Stampa le fermate di ogni mezzo e i km e gli euro \
            risparmiati rispetto a fare ogni servizio da solo.

            Gli stessi servizi e lo stesso --seed danno sempre lo stesso piano. --accept registra i piani mostrati \
            come piani del giorno delle associazioni (al posto di quelli precedenti, tutti o nessuno) e \
            registra il mezzo di ogni servizio condiviso sulla sua assegnazione. La TUI mostra i piani accettati \
            (tasto g), e può anche proporli e accettarli.
            """, en: """
            For each association with trips that day (or only --association), plans its vehicles \
            so that compatible trips ride together: nobody rides longer than the convention's \
            maximum ride time (or their direct trip, if longer), outbound trips arrive within the \
            pickup window before the appointment, returns are picked up within the window after \
            the ready time, and vehicles keep their seats, wheelchair places and shift. Distances \
            are the convention's estimates. Prints each vehicle's stops and the km and euros \
            saved against driving every trip on its own.

            The same trips and --seed always give the same plan. --accept stores the plans shown \
            as the associations' plans for the day (replacing earlier ones, all or none) and \
            records each shared trip's vehicle on its assignment. The TUI shows accepted plans \
            (key g), and can propose and accept them too.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il giorno, AAAA-MM-GG.", en: "The day, YYYY-MM-DD."), valueName: localized(it: "data", en: "date"))) var date: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Solo questa associazione (il suo codice).", en: "Only this association (its code)."), valueName: localized(it: "associazione", en: "association"))) var association: String?
    @Option(help: ArgumentHelp(localized(it: "Il seme della ricerca.", en: "Seed of the search."), valueName: localized(it: "seme", en: "seed"))) var seed: UInt64 = 1
    @Flag(help: ArgumentHelp(localized(it: "Registra i piani mostrati come piani del giorno delle associazioni.", en: "Store the plans shown as the associations' plans for the day."))) var accept = false
    @Option(help: ArgumentHelp(localized(it: "table o json.", en: "table or json."), valueName: localized(it: "formato", en: "format"))) var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        let store = try context.store
        let plans = ServiceDayPlanner.plans(try store.plannableDay(date, association: association), on: date,
                                            convention: try context.registry.convention, seed: seed)
        if accept {
            let actor = Actor(try context.operatorName(), reason: "plan \(date)")
            try store.acceptPlans(plans.filter { $0.tripCount > 0 }, actor: actor)
        }
        if format == .json {
            context.print(try jsonString(plans))
        } else {
            context.print(PlanText(plans: plans, trips: try store.trips(on: date), accepted: accept, language: try context.language).text)
        }
    }
}
