import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary export CODE`: the right of access.
struct BeneficiaryExportCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write everything held about a person as JSON: record, referral, history, trips and their logs.")

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code (in any case).", transform: { $0.uppercased() }) var code: String
    @Option(help: "Write to this file instead of standard output (a new file, unless --force).") var out: String?
    @Flag(help: "Replace the --out file if it exists (never a database).") var force = false

    func run(_ context: AppContext) throws {
        let store = try context.store
        guard let file = try store.beneficiaryFile(code) else { throw StoreError.notFound(entity: .beneficiary, id: code) }
        let trips = try store.personTrips(code)
        let text = try jsonString(BeneficiaryDocument(file, today: store.today(), comuneNames: try context.comuneNames, trips: trips, totals: nil))
        if let out {
            try OutputFile.write(text + "\n", to: out, force: force)
            try context.say(.exported(code, to: out))
        } else {
            context.print(text)
        }
    }
}
