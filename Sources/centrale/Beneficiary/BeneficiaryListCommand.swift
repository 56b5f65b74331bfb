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
    @Option(help: ArgumentHelp(localized(it: "Lo stato a oggi (attivo esclude chi ha l'autorizzazione scaduta; scaduto vale autorizzazione scaduta), per nome o con il codice inglese (active, expired…).",
                                         en: "referred, active, suspended, closed, authorisation_expired (or expired) or not_authorised (today; active leaves out an expired authorisation; the Italian names too)."),
                               valueName: localized(it: "stato", en: "status"))) var status: EffectiveStatus?
    @Option(help: ArgumentHelp(localized(it: "Un comune: nome o codice ISTAT.", en: "A comune: name or ISTAT code."))) var comune: String?
    @Option(help: ArgumentHelp(localized(it: "Solo le persone la cui autorizzazione scade entro questo numero di giorni.", en: "Only those whose authorisation expires within this many days."),
                               valueName: localized(it: "giorni", en: "days"))) var expiring: Int?
    @Option(help: ArgumentHelp(localized(it: "table, csv o json.", en: "table, csv or json."), valueName: localized(it: "formato", en: "format"))) var format: PeopleFormat = .table
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    func run(_ context: AppContext) throws {
        let store = try context.store
        let istat = try comune.map { text in
            guard let c = BeneficiaryImport(comuni: try context.registry.comuni, today: store.today()).findComune(text) else {
                throw StoreError.refused(.input(.unknownComune(text)))
            }
            return c.istatCode
        }
        let people = try store.listBeneficiaries(on: store.today(), status: status, comune: istat, expiringWithin: expiring)
        try printPeople(people, to: context, format: format, dialect: dialect, comuneNames: try context.comuneNames, empty: try context.language == .it ? "Nessun beneficiario." : "No beneficiaries.")
    }
}
