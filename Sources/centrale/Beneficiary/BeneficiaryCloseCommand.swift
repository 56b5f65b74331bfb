import ArgumentParser
import CentraleDomain
import CentraleStore

extension ClosingReason: ExpressibleByArgument {}

/// `centrale beneficiary close CODE --on DATE --reason`.
struct BeneficiaryCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a person's service on a day (their last): every trip after it is cancelled.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code.") var code: String
    @Option(help: "The last day of service.") var on: LocalDate
    @Option(help: "ended, moved, deceased, no_longer_eligible or refused.") var reason: ClosingReason
    @Option(help: "A note kept with the closing.") var note: String?
    @Option(name: .customLong("operator"), help: "Who closes (default: $CENTRALE_OPERATOR, else the login name).") var operatorOption: String?

    func run() throws {
        try reportingErrors {
            let actor = Actor(try operatorName(operatorOption), reason: note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue)
            let ids = try global.openStore().closeBeneficiary(code, on: on, reason: reason, note: note, actor: actor)
            print("Closed \(code) on \(on) (\(reason.rawValue)); cancelled \(ids.count) trip\(ids.count == 1 ? "" : "s")"
                  + (ids.isEmpty ? "." : ": \(ids.map(String.init).joined(separator: ", "))."))
        }
    }
}
