import ArgumentParser
import CentraleStore

/// `centrale beneficiary find TEXT`.
struct BeneficiaryFindCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Find people by part of the surname, name, codice fiscale or phone, ignoring case and accents.")

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What to look for, e.g. belle (finds Bellè).") var text: String
    @Option(help: "table, csv or json.") var format: PeopleFormat = .table
    @Option(help: "At most this many.") var limit: Int = 50

    func run(_ context: AppContext) throws {
        let store = try context.store
        let people = try store.findBeneficiaries(text, on: store.today(), limit: limit)
        try printPeople(people, to: context, format: format, comuneNames: try context.comuneNames, empty: "Nobody matches '\(text)'.")
    }
}
