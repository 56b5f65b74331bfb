import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleIntake
import CentraleStore

/// `centrale beneficiary list`.
struct BeneficiaryListCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list",
        abstract: localized(it: "Elenca le persone, per stato, per comune o per autorizzazione in scadenza.",
                            en: "List people, by status, comune, or expiring authorisation.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Lo stato a oggi: referred (segnalato), active (attivo, escluso chi ha l'autorizzazione scaduta), suspended (sospeso), closed (chiuso), authorisation_expired (autorizzazione scaduta) o not_authorised (non autorizzato).", en: "referred, active, suspended, closed, authorisation_expired or not_authorised (today; active leaves out an expired authorisation)."))) var status: String?
    @Option(help: ArgumentHelp(localized(it: "Un comune: nome o codice ISTAT.", en: "A comune: name or ISTAT code."))) var comune: String?
    @Option(help: ArgumentHelp(localized(it: "Solo le persone la cui autorizzazione scade entro DAYS giorni.", en: "Only those whose authorisation expires within DAYS."))) var expiring: Int?
    @Option(help: ArgumentHelp(localized(it: "table, csv o json.", en: "table, csv or json."))) var format: PeopleFormat = .table
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    func run(_ context: AppContext) throws {
        let store = try context.store
        let wanted = try status.map { text in
            guard let s = EffectiveStatus(rawValue: text == "expired" ? EffectiveStatus.authorisationExpired.rawValue : text) else {
                throw StoreError.refused(.input(.unknownStatus(text)))
            }
            return s
        }
        let istat = try comune.map { text in
            guard let c = BeneficiaryImport(comuni: try context.registry.comuni, today: store.today()).findComune(text) else {
                throw StoreError.refused(.input(.unknownComune(text)))
            }
            return c.istatCode
        }
        let people = try store.listBeneficiaries(on: store.today(), status: wanted, comune: istat, expiringWithin: expiring)
        try printPeople(people, to: context, format: format, dialect: dialect, comuneNames: try context.comuneNames, empty: try context.language == .it ? "Nessun beneficiario." : "No beneficiaries.")
    }
}
