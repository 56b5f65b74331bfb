import ArgumentParser
import CentraleDomain
import CentralePlanning
import CentraleRendering
import CentraleStore

/// `centrale plan`: shared-ride plans of a day, and accepting them.
struct PlanCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan shared rides for a day: each vehicle's schedule and the km saved.",
        discussion: """
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
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: "The day, YYYY-MM-DD.") var date: LocalDate
    @Option(help: "Only this association (its code).") var association: String?
    @Option(help: "Seed of the search.") var seed: UInt64 = 1
    @Flag(help: "Store the plans shown as the associations' plans for the day.") var accept = false
    @Option(help: "table or json.") var format: OutputFormat = .table

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
