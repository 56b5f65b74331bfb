import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary close CODE --on DATE --reason`.
struct BeneficiaryCloseCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "close",
        abstract: localized(it: "Chiude il servizio di una persona a una data (il suo ultimo giorno): tutti i servizi successivi sono annullati.",
                            en: "Close a person's service on a day (their last): every trip after it is cancelled.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di servizio.", en: "The last day of service."), valueName: localized(it: "data", en: "on"))) var on: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Il motivo della chiusura, per nome o con il codice inglese (ended, moved, deceased, no_longer_eligible, refused).",
                                         en: "ended, moved, deceased, no_longer_eligible or refused (or their Italian names: concluso, trasferito…)."),
                               valueName: localized(it: "causale", en: "reason"))) var reason: ClosingReason
    @Option(help: ArgumentHelp(localized(it: "Una nota conservata con la chiusura.", en: "A note kept with the closing."), valueName: localized(it: "nota", en: "note"))) var note: String?

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue)
        let ids = try context.store.closeBeneficiary(code, on: on, reason: reason, note: note, actor: actor)
        try context.say(.closed(code, on: on, reason: reason, cancelled: ids))
    }
}
