import ArgumentParser
import CentraleStore

/// `centrale status`: what a database holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the database holds: schema version, registry, trips, audit entries."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let store = try global.openStoreForReading()
            let counts = try store.counts()
            print("database: \(global.databasePath)")
            print("schema: \(try store.appliedMigrations().joined(separator: ", "))")
            if let origin = try store.meta("origin") { print("origin: \(origin)") }
            for table in ["comune", "place", "association", "vehicle", "beneficiary", "trip", "assignment", "trip_log", "audit_log"] {
                print("  \(table.padding(toLength: 12, withPad: " ", startingAt: 0)) \(counts[table] ?? 0)")
            }
        }
    }
}
