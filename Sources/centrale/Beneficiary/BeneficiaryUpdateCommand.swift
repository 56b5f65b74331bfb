import ArgumentParser
import CentraleDomain
import CentraleIntake
import CentraleStore

/// `centrale beneficiary update CODE`: changes any field, a new authorisation period, needs.
struct BeneficiaryUpdateCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "update",
        abstract: localized(it: "Modifica i dati di una persona, la segnalazione o l'autorizzazione (un nuovo periodo o nuovi bisogni).",
                            en: "Change a person's fields, referral, or authorisation (a new period or needs)."),
        discussion: localized(it: "Cambiano solo le opzioni indicate; lo storico delle modifiche nomina i dati personali cambiati, mai i loro valori.",
                              en: "Only the flags given change; the audit trail names the personal fields changed, never their values.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @OptionGroup var person: PersonOptions
    @Option(help: ArgumentHelp(localized(it: "Il motivo (registrato nello storico delle modifiche).", en: "Why (recorded in the audit trail)."), valueName: localized(it: "causale", en: "reason"))) var reason: String?
    @Flag(name: .customLong("cancel-trips"),
          help: ArgumentHelp(localized(it: "Annulla i servizi ancora da fare che la nuova autorizzazione non copre più (senza questa opzione la modifica viene rifiutata, con l'elenco dei servizi).",
                                       en: "Cancel the trips still to be done that the new authorisation no longer covers (without it such a change is refused, listing them).")))
    var cancelTrips = false

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason ?? "beneficiary update")
        let store = try context.store
        guard let file = try store.beneficiaryFile(code) else { throw StoreError.notFound(entity: .beneficiary, id: code) }
        let registry = try context.registry
        let names = try context.comuneNames
        var merged = fields(of: file, comuneName: names[file.beneficiary.comune] ?? "")
        let given = person.fields
        if given["indirizzo"] != nil && given["civico"] == nil { merged["civico"] = "" }
        if given["comune"] != nil && given["latitudine"] == nil { merged["latitudine"] = nil; merged["longitudine"] = nil }
        merged.merge(given) { $1 }
        let entry = try BeneficiaryImport(comuni: registry.comuni, today: store.today()).entry(merged).mapError(PersonRefusal.init).get()
        if entry.personal.codiceFiscale != file.personal?.codiceFiscale,
           let other = try store.beneficiaryCode(codiceFiscale: entry.personal.codiceFiscale), other != code {
            throw StoreError.refused(.beneficiary(.codiceFiscaleBelongs(entry.personal.codiceFiscale, owner: other)))
        }
        let (changed, cancelled) = try store.changeBeneficiary(code, personal: entry.personal, referral: person.changesReferral ? entry.referral : nil,
                                                               authorisation: person.changesAuthorisation ? entry.authorisation : nil,
                                                               comuneNames: names, cancelTrips: cancelTrips, actor: actor)
        try context.say(.updated(code, changed: changed))
        if !cancelled.isEmpty {
            try context.say(.cancelledNoLongerCovered(cancelled))
        }
    }
}
