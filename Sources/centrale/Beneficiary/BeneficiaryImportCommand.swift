import ArgumentParser
import CentraleDomain
import CentraleIntake
import CentraleStore
import Foundation

/// `centrale beneficiary import FILE`: the list a PUA or a comune's office exports.
struct BeneficiaryImportCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a PUA list (CSV with Italian headers): all or nothing, every problem at once.",
        discussion: """
            The file may use ; or , with a byte-order mark, CRLF, dd/mm/yyyy dates, UTF-8 or Windows-1252. Headers are \
            matched ignoring case and accents (see `beneficiary template`). People are matched by codice fiscale: \
            importing the same file again changes nothing; a changed row updates that person, audited.
            """)

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: "beneficiary import \((file as NSString).lastPathComponent)")
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError.refused("cannot read \(file); check the path")
        }
        let store = try context.store
        let registry = try context.registry
        let rows = try BeneficiaryImport(comuni: registry.comuni, today: store.today()).read(data, fileName: file)
        let outcome = try store.importBeneficiaries(rows.map(\.entry), comuneNames: try context.comuneNames, actor: actor)
        context.print("\(file): \(rows.count) rows: \(outcome.added.count) new, \(outcome.updated.count) updated, \(outcome.unchanged.count) unchanged.")
    }
}
