import ArgumentParser
import CentraleStore

/// `centrale upgrade`: brings an existing database's schema up to this program's.
struct UpgradeCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring the database's schema up to this version of Centrale.",
        discussion: """
            Commands that write upgrade the schema themselves; commands that only read (status, \
            verify, report, statement, trips, log flags, month list, request list) never write, so on an older database \
            they ask for this command first. Upgrades only add to the schema; keep a copy of the file first.
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let store = try context.store
        try context.say(.schemaUpToDate(path: context.databasePath, last: try store.appliedMigrations().last ?? "-"))
    }
}
