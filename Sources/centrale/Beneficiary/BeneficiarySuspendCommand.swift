import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary suspend CODE --from --to --reason`.
struct BeneficiarySuspendCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "suspend",
        abstract: localized(it: "Sospende una persona per un periodo (es. un ricovero): i suoi servizi nel periodo sono annullati.",
                            en: "Suspend a person for a period (e.g. a hospital stay): their trips in it are cancelled."),
        discussion: localized(it: "Le serie ricorrenti riprendono dopo il periodo; `beneficiary resume` chiude in anticipo una sospensione.",
                              en: "Recurring series resume after the period; `beneficiary resume` ends a suspension early.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "Il primo giorno di sospensione.", en: "The first day suspended."), valueName: localized(it: "data", en: "from"))) var from: LocalDate
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di sospensione.", en: "The last day suspended."), valueName: localized(it: "data", en: "to"))) var to: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Il motivo (riportato sui servizi annullati).", en: "Why (given to the cancelled trips)."), valueName: localized(it: "causale", en: "reason"))) var reason: String

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason)
        let ids = try context.store.suspendBeneficiary(code, from: from, to: to, reason: reason, actor: actor)
        try context.say(.suspended(code, from: from, to: to, cancelled: ids))
    }
}
