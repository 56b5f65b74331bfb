import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary suspend CODE --from --to --reason`.
struct BeneficiarySuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspend", abstract: "Suspend a person for a period (e.g. a hospital stay): their trips in it are cancelled.",
        discussion: "Recurring series resume after the period; `beneficiary resume` ends a suspension early.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code.") var code: String
    @Option(help: "The first day suspended.") var from: LocalDate
    @Option(help: "The last day suspended.") var to: LocalDate
    @Option(help: "Why (given to the cancelled trips).") var reason: String
    @Option(name: .customLong("operator"), help: "Who suspends (default: $CENTRALE_OPERATOR, else the login name).") var operatorOption: String?

    func run() throws {
        try reportingErrors {
            let actor = Actor(try operatorName(operatorOption), reason: reason)
            let ids = try global.openStore().suspendBeneficiary(code, from: from, to: to, reason: reason, actor: actor)
            print("Suspended \(code) from \(from) to \(to); cancelled \(ids.count) trip\(ids.count == 1 ? "" : "s")"
                  + (ids.isEmpty ? "." : ": \(ids.map(String.init).joined(separator: ", "))."))
        }
    }
}
