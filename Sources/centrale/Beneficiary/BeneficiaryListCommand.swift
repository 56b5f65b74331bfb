import ArgumentParser
import CentraleDomain
import CentraleIntake
import CentraleStore

/// `centrale beneficiary list`.
struct BeneficiaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, by status, comune, or expiring authorisation.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "referred, active, suspended, closed, authorisation_expired or not_authorised (today; active leaves out an expired authorisation).") var status: String?
    @Option(help: "A comune: name or ISTAT code.") var comune: String?
    @Option(help: "Only those whose authorisation expires within DAYS.") var expiring: Int?
    @Option(help: "table, csv or json.") var format: PeopleFormat = .table

    func run() throws {
        try reportingErrors {
            let store = try global.openStoreForReading()
            let wanted = try status.map { text in
                guard let s = EffectiveStatus(rawValue: text == "expired" ? EffectiveStatus.authorisationExpired.rawValue : text) else {
                    throw StoreError.refused("--status: '\(text)' is not referred, active, suspended, closed, authorisation_expired (or expired) or not_authorised")
                }
                return s
            }
            let istat = try comune.map { text in
                guard let c = BeneficiaryImport(comuni: try store.registry().comuni, today: store.today()).findComune(text) else {
                    throw StoreError.refused("--comune: '\(text)' is not a comune of the registry; give its name or ISTAT code")
                }
                return c.istatCode
            }
            let people = try store.listBeneficiaries(on: store.today(), status: wanted, comune: istat, expiringWithin: expiring)
            try printPeople(people, format: format, comuneNames: try store.comuneNames(), empty: "No beneficiaries.")
        }
    }
}
