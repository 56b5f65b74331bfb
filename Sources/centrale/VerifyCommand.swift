import ArgumentParser
import CentraleStore

/// `centrale verify`: checks the whole database for damage and tampering.
struct VerifyCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole database: SQLite integrity, closed months' snapshots, statement totals, the audit hash chain.",
        discussion: """
            One line per check with its counts. SQLite's PRAGMA integrity_check; every closed month's \
            statement and report snapshots against their stored checksums, and the month's checksum and \
            total; every frozen statement's total against its lines; the audit trail as a hash chain (each \
            entry holds the hash of the one before), which shows an entry edited or deleted even when the \
            append-only triggers were dropped. Exit status 1, naming the first broken item, if any check fails.
            """
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let checks = try context.store.verify()
        checks.forEach { context.print($0.line) }
        let failed = checks.filter { !$0.passed }
        if let first = failed.first {
            context.printError("error: verification failed: \(first.name): \(first.broken!). Restore the database from a backup and compare, or investigate the change in the audit trail.")
            throw ExitCode.failure
        }
        try context.say(.verifyPassed(checks: checks.count))
    }
}
