import ArgumentParser
import CentraleDomain
import CentraleStore

extension ClosingReason: ExpressibleByArgument {}

/// `centrale beneficiary close CODE --on DATE --reason`.
struct BeneficiaryCloseCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "close",
        abstract: localized(it: "Chiude il servizio di una persona a una data (il suo ultimo giorno): tutti i servizi successivi sono annullati.",
                            en: "Close a person's service on a day (their last): every trip after it is cancelled.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case).")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di servizio.", en: "The last day of service."))) var on: LocalDate
    @Option(help: ArgumentHelp(localized(it: "ended (concluso), moved (trasferito), deceased (deceduto), no_longer_eligible (non più avente diritto) o refused (rinuncia).",
                                         en: "ended, moved, deceased, no_longer_eligible or refused."))) var reason: ClosingReason
    @Option(help: ArgumentHelp(localized(it: "Una nota conservata con la chiusura.", en: "A note kept with the closing."))) var note: String?

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue)
        let ids = try context.store.closeBeneficiary(code, on: on, reason: reason, note: note, actor: actor)
        try context.say(.closed(code, on: on, reason: reason, cancelled: ids))
    }
}
