import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary erase CODE --reason`: the right to erasure.
struct BeneficiaryEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase", abstract: "Erase a closed person's personal record for good (code, trips, logs and money stay).",
        discussion: """
            Only after the retention period (convention.toml [service] retention_days, from the closing day); before it \
            with --force. The record is removed from the database file's free pages and write-ahead log too.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code.") var code: String
    @Option(help: "Why (recorded in the audit trail).") var reason: String
    @Flag(help: "Erase before the end of the retention period.") var force = false
    @Option(name: .customLong("operator"), help: "Who erases (default: $CENTRALE_OPERATOR, else the login name).") var operatorOption: String?

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason is empty; say why the record is erased") }
    }

    func run() throws {
        try reportingErrors {
            let actor = Actor(try operatorName(operatorOption), reason: reason)
            let store = try global.openStore()
            let clean = try store.eraseBeneficiary(code, retentionDays: try store.registry().convention.rules.retentionDays, force: force, actor: actor)
            print("Erased the personal record of \(code); its code, trips, logs and money are kept.")
            if !clean {
                printError("warning: another program (a screen, a command) is reading the database, so its free space could not be "
                           + "cleaned yet; close it and run `centrale beneficiary erase \(code) --reason \"…\"` again to finish.")
            }
        }
    }
}
