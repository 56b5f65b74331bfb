import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary resume CODE`.
struct BeneficiaryResumeCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "resume",
        abstract: localized(it: "Chiude in anticipo una sospensione: la persona torna attiva da --on (di norma oggi).",
                            en: "End a suspension early: the person is active again from --on (default today)."),
        discussion: localized(it: "I servizi annullati dalla sospensione restano annullati; prenota di nuovo quelli che servono ancora. "
                                  + "Viene rifiutato se la persona non è sospesa quel giorno (mai sospesa, sospensione finita o già chiusa in anticipo). "
                                  + "Per annullare una sospensione non ancora cominciata indica --on con il suo primo giorno.",
                              en: "Trips cancelled by the suspension stay cancelled; book the ones still needed again. "
                                  + "Refused when the person is not suspended on that day (never suspended, the suspension over or already ended early). "
                                  + "To withdraw a suspension not yet begun, give --on its first day.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "Il primo giorno di nuovo attivo (di norma: oggi).", en: "The first day active again (default: today)."), valueName: localized(it: "data", en: "on"))) var on: LocalDate?
    @Option(help: ArgumentHelp(localized(it: "Il motivo (predefinito: sospensione terminata in anticipo).", en: "Why (default: suspension ended early)."),
                               valueName: localized(it: "causale", en: "reason"))) var reason: String?

    func run(_ context: AppContext) throws {
        // Without --reason, the program's own reason, kept as its fixed code and shown in the reader's language.
        let reason = self.reason ?? StatusChangeReason.suspensionEndedEarly.stored
        let actor = Actor(try context.operatorName(), reason: reason)
        let store = try context.store
        let day = on ?? store.today()
        try store.resumeBeneficiary(code, on: day, reason: reason, actor: actor)
        try context.say(.resumed(code, from: day))
    }
}
