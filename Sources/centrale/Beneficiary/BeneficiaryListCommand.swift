import ArgumentParser
import CentraleDomain
import CentraleIntake
import CentraleStore

/// `centrale beneficiary list`.
struct BeneficiaryListCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, by status, comune, or expiring authorisation.")

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: "referred, active, suspended, closed, authorisation_expired or not_authorised (today; active leaves out an expired authorisation).") var status: String?
    @Option(help: "A comune: name or ISTAT code.") var comune: String?
    @Option(help: "Only those whose authorisation expires within DAYS.") var expiring: Int?
    @Option(help: "table, csv or json.") var format: PeopleFormat = .table

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
        try printPeople(people, to: context, format: format, comuneNames: try context.comuneNames, empty: "No beneficiaries.")
    }
}
