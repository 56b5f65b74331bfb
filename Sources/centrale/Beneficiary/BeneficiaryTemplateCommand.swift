import ArgumentParser
import CentraleIntake

/// `centrale beneficiary template`: the import's header with an example row.
struct BeneficiaryTemplateCommand: CentraleCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "template",
        abstract: localized(it: "Stampa l'intestazione del file di importazione con una riga di esempio.",
                            en: "Print the import file's header with an example row.")
    ) }

    func run(_ context: AppContext) { context.print(BeneficiaryImport.template, terminator: "") }
}
