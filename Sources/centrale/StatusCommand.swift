import ArgumentParser
import CentraleStore

/// `centrale status`: what a database holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the database holds (schema version, registry, trips, audit entries) and run the fast integrity checks."
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
            // The fast checks of `centrale verify`: snapshot checksums and the audit chain.
            let checks = try store.verify(fast: true)
            checks.forEach { print("check: \($0.line)") }
            if let failed = checks.first(where: { !$0.passed }) {
                printError("error: \(failed.name): \(failed.broken!); run `centrale verify` for the full check.")
                throw ExitCode.failure
            }
            print("integrity: ok (fast checks; `centrale verify` also runs SQLite's integrity_check and re-adds every statement)")
        }
    }
}
