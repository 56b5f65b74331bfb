import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary resume CODE`.
struct BeneficiaryResumeCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "End a suspension early: the person is active again from --on (default today).",
        discussion: "Trips cancelled by the suspension stay cancelled; book the ones still needed again.")

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code (in any case).", transform: { $0.uppercased() }) var code: String
    @Option(help: "The first day active again (default: today).") var on: LocalDate?
    @Option(help: "Why.") var reason: String = "suspension ended early"

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason)
        let store = try context.store
        let day = on ?? store.today()
        try store.resumeBeneficiary(code, on: day, reason: reason, actor: actor)
        try context.say(.resumed(code, from: day))
    }
}
