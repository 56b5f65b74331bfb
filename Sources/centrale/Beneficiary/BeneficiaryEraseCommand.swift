import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary erase CODE --reason`: the right to erasure.
struct BeneficiaryEraseCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "erase",
        abstract: localized(it: "Cancella per sempre i dati personali di una persona chiusa (restano il codice, i servizi, i registri e gli importi).",
                            en: "Erase a closed person's personal record for good (code, trips, logs and money stay)."),
        discussion: localized(it: """
            Solo dopo il periodo di conservazione (convention.toml [service] retention_days, dal giorno della chiusura); prima \
            con --force. I dati vengono tolti anche dalle pagine libere del file della base dati e dal write-ahead log.
            """, en: """
            Only after the retention period (convention.toml [service] retention_days, from the closing day); before it \
            with --force. The record is removed from the database file's free pages and write-ahead log too.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "Il motivo (registrato nello storico delle modifiche).", en: "Why (recorded in the audit trail)."), valueName: localized(it: "causale", en: "reason"))) var reason: String
    @Flag(help: ArgumentHelp(localized(it: "Cancella prima della fine del periodo di conservazione.", en: "Erase before the end of the retention period."))) var force = false

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(localized(it: "--reason è vuoto; scrivi perché i dati vengono cancellati", en: "--reason is empty; say why the record is erased")) }
    }

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason)
        let store = try context.store
        let clean = try store.eraseBeneficiary(code, retentionDays: try context.registry.convention.rules.retentionDays, force: force, actor: actor)
        try context.say(.erased(code))
        if !clean {
            context.printError(CLIMessage.eraseNotCleaned(code).text(try context.language))
        }
    }
}
