import ArgumentParser
import CentraleStore

/// `centrale upgrade`: brings an existing database's schema up to this program's.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Bring the database's schema up to this version of Centrale.",
        discussion: """
            Commands that write upgrade the schema themselves; commands that only read (status, \
            verify, report, statement, trips, log flags, month list, request list) never write, so on an older database \
            they ask for this command first. Upgrades only add to the schema; keep a copy of the file first.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let store = try global.openStore()
            print("\(global.databasePath): schema up to date (\(try store.appliedMigrations().last ?? "-")).")
        }
    }
}
