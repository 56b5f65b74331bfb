import ArgumentParser
import CentraleIntake

/// `centrale beneficiary template`: the import's header with an example row.
struct BeneficiaryTemplateCommand: CentraleCommand {
    static let configuration = CommandConfiguration(commandName: "template", abstract: "Print the import file's header with an example row.")

    func run(_ context: AppContext) { context.print(BeneficiaryImport.template, terminator: "") }
}
