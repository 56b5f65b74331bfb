import CentraleDomain
import Foundation
import GRDB

/// Centrale's database: one SQLite file (WAL mode, foreign keys on), shared by the CLI and
/// the TUI, possibly at the same time.
///
/// Every write that touches several rows runs in one transaction, and every change to
/// requests, assignments, logs and money writes its audit entry in that same transaction.
public final class Store: Sendable {
    /// The connection pool (WAL allows readers while one process writes).
    public let pool: DatabasePool
    /// The file's path.
    public let path: String
    /// The clock used for audit timestamps (fixed in tests).
    public let clock: @Sendable () -> Date

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Parameter clock: what "now" is, for audit timestamps.
    /// - Throws: `StoreError.cannotOpen` with the path and what to check.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "centrale"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator().migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
        self.path = path
        self.clock = clock
    }

    /// The identifiers of the migrations applied to this database.
    public func appliedMigrations() throws -> [String] {
        try pool.read { try Migrations.migrator().appliedIdentifiers($0) }.sorted()
    }

    /// The identifiers of all migrations this build knows.
    public static var knownMigrations: [String] { Migrations.all.map(\.id) }

    /// Opens the database at `path` and applies only the first `count` migrations; for tests
    /// of upgrades from earlier schemas.
    public static func openLegacy(path: String, migrations count: Int) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try Migrations.migrator(upTo: count).migrate(pool)
        return pool
    }

    /// The current time as an ISO 8601 UTC timestamp, for audit and record times.
    func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: clock())
    }

    /// Today's date in the service's time zone (Europe/Rome), by the store's clock.
    public func today() -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: clock())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// A value from the `meta` table.
    public func meta(_ key: String) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// Sets a value in the `meta` table.
    public func setMeta(_ key: String, _ value: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }
}

/// What went wrong in the store, with what to do about it.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// The database has no registry yet.
    case noRegistry(path: String)
    /// A referenced record does not exist.
    case notFound(entity: String, id: String)
    /// A change was refused by a rule.
    case refused(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open the database \(path): \(reason). Check the path and that the file is a Centrale database."
        case let .noRegistry(path):
            return "the database \(path) has no registry yet; run `centrale init` first."
        case let .notFound(entity, id):
            return "no \(entity) '\(id)' in the database; check the code."
        case let .refused(message):
            return message
        }
    }
}
