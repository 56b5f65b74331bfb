import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary suspend CODE --from --to --reason`.
struct BeneficiarySuspendCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspend", abstract: "Suspend a person for a period (e.g. a hospital stay): their trips in it are cancelled.",
        discussion: "Recurring series resume after the period; `beneficiary resume` ends a suspension early.")

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code (in any case).", transform: { $0.uppercased() }) var code: String
    @Option(help: "The first day suspended.") var from: LocalDate
    @Option(help: "The last day suspended.") var to: LocalDate
    @Option(help: "Why (given to the cancelled trips).") var reason: String

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason)
        let ids = try context.store.suspendBeneficiary(code, from: from, to: to, reason: reason, actor: actor)
        try context.say(.suspended(code, from: from, to: to, cancelled: ids))
    }
}
