import ArgumentParser
import CentraleDomain
import CentraleStore

extension ClosingReason: ExpressibleByArgument {}

/// `centrale beneficiary close CODE --on DATE --reason`.
struct BeneficiaryCloseCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a person's service on a day (their last): every trip after it is cancelled.")

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code (in any case).", transform: { $0.uppercased() }) var code: String
    @Option(help: "The last day of service.") var on: LocalDate
    @Option(help: "ended, moved, deceased, no_longer_eligible or refused.") var reason: ClosingReason
    @Option(help: "A note kept with the closing.") var note: String?

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue)
        let ids = try context.store.closeBeneficiary(code, on: on, reason: reason, note: note, actor: actor)
        try context.say(.closed(code, on: on, reason: reason.rawValue, cancelled: ids))
    }
}
