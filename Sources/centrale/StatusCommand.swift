import ArgumentParser
import CentraleStore

/// `centrale status`: what a database holds.
struct StatusCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the database holds (schema version, registry, trips, audit entries) and run the fast integrity checks."
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let store = try context.store
        let counts = try store.counts()
        context.print("database: \(context.databasePath)")
        context.print("schema: \(try store.appliedMigrations().joined(separator: ", "))")
        if let origin = try store.meta("origin") { context.print("origin: \(origin)") }
        for table in ["comune", "place", "association", "vehicle", "beneficiary", "trip", "assignment", "trip_log", "audit_log"] {
            context.print("  \(table.padding(toLength: 12, withPad: " ", startingAt: 0)) \(counts[table] ?? 0)")
        }
        // The fast checks of `centrale verify`: snapshot checksums and the audit chain.
        let checks = try store.verify(fast: true)
        checks.forEach { context.print("check: \($0.line)") }
        if let failed = checks.first(where: { !$0.passed }) {
            context.printError("error: \(failed.name): \(failed.broken!); run `centrale verify` for the full check.")
            throw ExitCode.failure
        }
        context.print("integrity: ok (fast checks; `centrale verify` also runs SQLite's integrity_check and re-adds every statement)")
    }
}
