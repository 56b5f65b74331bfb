import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary resume CODE`.
struct BeneficiaryResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "End a suspension early: the person is active again from --on (default today).",
        discussion: "Trips cancelled by the suspension stay cancelled; book the ones still needed again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code.") var code: String
    @Option(help: "The first day active again (default: today).") var on: LocalDate?
    @Option(help: "Why.") var reason: String = "suspension ended early"
    @Option(name: .customLong("operator"), help: "Who resumes (default: $CENTRALE_OPERATOR, else the login name).") var operatorOption: String?

    func run() throws {
        try reportingErrors {
            let actor = Actor(try operatorName(operatorOption), reason: reason)
            let store = try global.openStore()
            let day = on ?? store.today()
            try store.resumeBeneficiary(code, on: day, reason: reason, actor: actor)
            print("\(code) is active again from \(day).")
        }
    }
}
