import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary erase CODE --reason`: the right to erasure.
struct BeneficiaryEraseCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a closed person's personal record for good (code, trips, logs and money stay).",
        discussion: """
            Only after the retention period (convention.toml [service] retention_days, from the closing day); before it \
            with --force. The record is removed from the database file's free pages and write-ahead log too.
            """)

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code (in any case).", transform: { $0.uppercased() }) var code: String
    @Option(help: "Why (recorded in the audit trail).") var reason: String
    @Flag(help: "Erase before the end of the retention period.") var force = false

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason is empty; say why the record is erased") }
    }

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason)
        let store = try context.store
        let clean = try store.eraseBeneficiary(code, retentionDays: try context.registry.convention.rules.retentionDays, force: force, actor: actor)
        try context.say(.erased(code))
        if !clean {
            context.printError(CLIMessage.eraseNotCleaned(code).text(try context.language))
        }
    }
}
