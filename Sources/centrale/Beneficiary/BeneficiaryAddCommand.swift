import ArgumentParser
import CentraleDomain
import CentraleIntake
import CentraleStore

/// `centrale beneficiary add`: registers one person (the first call from the PUA).
struct BeneficiaryAddCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "add",
        abstract: localized(it: "Registra una persona con la sua scheda, la segnalazione e l'autorizzazione; stampa il nuovo codice.",
                            en: "Register a person with their record, referral and authorisation; prints the new code."),
        discussion: localized(it: """
            Esempio: centrale beneficiary add --surname Bellè --name Niccolò --codice-fiscale BLLNCL40A01D612A \
            --birth-date 01/01/1940 --phone "055 123456" --street "Via Roma" --number 12 --comune Scandicci \
            --referred-by pua --referred-on 15/01/2025 --purposes dialysis,visit --needs wheelchair \
            --valid-from 01/02/2025 --valid-until 31/01/2026
            """, en: """
            Example: centrale beneficiary add --surname Bellè --name Niccolò --codice-fiscale BLLNCL40A01D612A \
            --birth-date 01/01/1940 --phone "055 123456" --street "Via Roma" --number 12 --comune Scandicci \
            --referred-by pua --referred-on 15/01/2025 --purposes dialysis,visit --needs wheelchair \
            --valid-from 01/02/2025 --valid-until 31/01/2026
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var person: PersonOptions
    @Flag(help: ArgumentHelp(localized(it: "Registra di nuovo una persona i cui dati personali sono stati cancellati da questa base dati (una nuova segnalazione); senza questa opzione la persona viene rifiutata.",
                                       en: "Register again a person whose record was erased from this database (a new referral); without it such a person is refused.")))
    var readmit = false

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: "beneficiary add")
        let store = try context.store
        let registry = try context.registry
        let entry = try BeneficiaryImport(comuni: registry.comuni, today: store.today()).entry(person.fields).mapError(PersonRefusal.init).get()
        if let code = try store.beneficiaryCode(codiceFiscale: entry.personal.codiceFiscale) {
            throw StoreError.refused(.beneficiary(.codiceFiscaleRegistered(entry.personal.codiceFiscale, code: code)))
        }
        let outcome = try store.importBeneficiaries([entry], comuneNames: try context.comuneNames, readmit: readmit, actor: actor)
        let code = outcome.added[0]
        try context.say(.registered(code, from: entry.authorisation.validFrom, until: entry.authorisation.validUntil, approximate: entry.personal.positionApproximate, readmitted: !outcome.readmitted.isEmpty))
    }
}
