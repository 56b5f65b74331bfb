import CentraleDomain
import CentraleFormats
import Foundation
import GRDB

/// Centrale's database: one SQLite file (WAL mode, foreign keys on), shared by the CLI and
/// the TUI, possibly at the same time.
///
/// Every write that touches several rows runs in one transaction, and every change to
/// requests, assignments, logs and money writes its audit entry in that same transaction.
public final class Store: Sendable {
    /// The connection pool (WAL allows readers while one process writes); a single read-only
    /// connection for a read-only file. Sealed: SQL stays in this module, and everything else
    /// goes through the store's methods.
    let pool: any DatabaseWriter

    /// The connection pool, for the benchmarks' bulk set-up only (a year of trips assigned in
    /// one statement); `import @_spi(Benchmarks) CentraleStore` says so where it is used.
    @_spi(Benchmarks) public var benchmarkDatabase: any DatabaseWriter { pool }
    /// The file's path.
    public let path: String
    /// The clock used for audit timestamps (fixed in tests).
    public let clock: @Sendable () -> Date
    /// The migrations this opening applied, in order: none for a file already at this
    /// program's schema (and for a read-only opening), all of them for a new file.
    public let migratedOnOpening: [String]

    /// How a command may use the database file.
    public enum Access: Sendable {
        /// Create the file when it is missing (`init`, `demo`, tests), and bring its schema up to date.
        case create
        /// The file must exist; its schema is brought up to date.
        case write
        /// The file must exist and is opened read-only: nothing is written just by opening it, and it
        /// works on a read-only file. Its schema must already be this program's.
        case read
    }

    /// Opens the database at `path` and, unless read-only, brings its schema up to date.
    ///
    /// A database whose schema is newer than this program (a migration it does not know) is
    /// refused before anything is written.
    ///
    /// - Parameters:
    ///   - access: whether the file may be created, written, or only read.
    ///   - clock: what "now" is, for audit timestamps.
    /// - Throws: `StoreError.noDatabase`, `.newerSchema`, `.olderSchema` or `.cannotOpen` with the
    ///   path and what to do.
    public init(path: String, access: Access = .create, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        if access != .create {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw StoreError.noDatabase(path: path)
            }
            if access == .write && !FileManager.default.isWritableFile(atPath: path) {
                throw StoreError.refused(.database(.readOnly(path: path)))
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "centrale"
        configuration.readonly = access == .read
        var migrated: [String] = []
        do {
            if access == .read {
                pool = try Self.openReadOnly(path: path, configuration: configuration)
                try Self.checkSchema(pool, path: path, readOnly: true)
            } else {
                // Checked read-only first: opening a pool switches the file to WAL mode, which must
                // not happen to a database that is not Centrale's or is newer than this program.
                if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
                    var readOnly = configuration
                    readOnly.readonly = true
                    try Self.checkSchema(try Self.openReadOnly(path: path, configuration: readOnly), path: path, readOnly: false)
                }
                pool = try DatabasePool(path: path, configuration: configuration)
                let before = try pool.read { try Migrations.migrator().appliedIdentifiers($0) }
                try Migrations.migrator().migrate(pool)
                migrated = Migrations.all.map(\.id).filter { !before.contains($0) }
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: OpenFailure(error))
        }
        self.path = path
        self.clock = clock
        self.migratedOnOpening = migrated
    }

    /// A read-only connection. A WAL database needs its `-shm` file, which a read-only folder
    /// cannot hold: when the file cannot be written and no write-ahead log is pending, the file
    /// is opened as immutable (nobody can be writing to it).
    static func openReadOnly(path: String, configuration: Configuration) throws -> any DatabaseWriter {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return pool
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) {
            let manager = FileManager.default
            guard !manager.isWritableFile(atPath: path), !manager.fileExists(atPath: path + "-wal") else { throw error }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
            return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
        }
    }

    /// Refuses a schema this program does not know (newer), and, read-only, one it would have
    /// to upgrade (older).
    static func checkSchema(_ reader: any DatabaseReader, path: String, readOnly: Bool) throws {
        let (applied, tables) = try reader.read { db in
            (try Migrations.migrator().appliedIdentifiers(db),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0)
        }
        if applied.isEmpty && tables > 0 {
            throw StoreError.refused(.database(.notCentrale(path: path)), remedy: .chooseDatabase)
        }
        let known = Migrations.all.map(\.id)
        let unknown = applied.subtracting(known).sorted()
        if let newest = unknown.last {
            throw StoreError.newerSchema(path: path, database: newest, program: known.last!)
        }
        if readOnly, let missing = known.first(where: { !applied.contains($0) }) {
            let current = known.last(where: { applied.contains($0) }) ?? "empty"
            if current == "empty" { throw StoreError.noRegistry(path: path) }
            throw StoreError.olderSchema(path: path, database: current, program: known.last!, missing: missing)
        }
    }

    /// The identifiers of the migrations applied to this database.
    public func appliedMigrations() throws -> [String] {
        let applied = try pool.read { try Migrations.migrator().appliedIdentifiers($0) }
        return Migrations.all.map(\.id).filter(applied.contains) + applied.subtracting(Migrations.all.map(\.id)).sorted()
    }

    /// The last audit entry's id (0 when the trail is empty).
    public func lastAuditID() throws -> Int64 {
        try pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM audit_log") } ?? 0
    }

    /// What a file says of itself, read without changing it: who made it (`meta.origin`), the
    /// audit trail's end when a demo was built and now, and the schema's migrations. Nil when
    /// the file is a SQLite database without Centrale's `meta` table; throws when it is not a
    /// SQLite database at all.
    public static func marks(ofFile path: String) throws -> FileMarks? {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            guard try db.tableExists("meta") else { return nil }
            return FileMarks(
                origin: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'origin'"),
                demoAuditHead: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo_audit_head'").flatMap { Int64($0) },
                lastAuditID: try db.tableExists("audit_log") ? try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log") : nil,
                migrations: try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : [])
        }
    }

    /// What `marks(ofFile:)` reads.
    public struct FileMarks: Sendable, Equatable {
        /// `demo` for a demo database.
        public var origin: String?
        /// The audit trail's last id when the demo was built.
        public var demoAuditHead: Int64?
        /// The audit trail's last id now.
        public var lastAuditID: Int64?
        /// The migrations applied.
        public var migrations: [String]
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
    public func today() -> LocalDate { Self.rome(clock()).date }

    /// A moment as the service's local date and minute of the day (Europe/Rome).
    public static func rome(_ moment: Date) -> (date: LocalDate, minute: Int) {
        let parts = romeCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        return (LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!, parts.hour! * 60 + parts.minute!)
    }

    /// The Gregorian calendar in the service's time zone (Europe/Rome).
    static var romeCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? .current
        return calendar
    }

    /// The minutes from `moment` to `minute` of `date` in Rome (negative when that is earlier),
    /// in absolute time: across a change of summer time too.
    public static func minutes(from moment: Date, to date: LocalDate, minute: Int) -> Int {
        let parts = DateComponents(year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60)
        guard let start = romeCalendar.date(from: parts) else { return 0 }
        let seconds = start.timeIntervalSince(moment)
        return seconds.isFinite ? Int(max(-1e12, min(1e12, seconds)) / 60) : 0
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
public enum StoreError: RemediableError, Equatable {
    /// The file could not be opened or migrated, for `reason`.
    case cannotOpen(path: String, reason: OpenFailure)
    /// The database has no registry yet.
    case noRegistry(path: String)
    /// A referenced record does not exist; `known` lists the codes that do, when they are few
    /// enough to be worth naming (an association's, a fleet's plates).
    case notFound(entity: StoreEntity, id: String, known: [String] = [])
    /// A change was refused by a rule, with what to do about it when there is something to say.
    case refused(StoreRefusal, remedy: Remedy? = nil)
    /// No database file at the path.
    case noDatabase(path: String)
    /// The database was written by a newer program.
    case newerSchema(path: String, database: String, program: String)
    /// A read-only command met a database that needs upgrading first.
    case olderSchema(path: String, database: String, program: String, missing: String)
    /// A trip changed since the version the user saw (another desk, the CLI, an import).
    case changedMeanwhile(trip: Int64, current: Int, seen: Int)

    /// What is wrong, in each language; the edge adds the remedy, rendered for its interface.
    public var problem: any Message { StoreErrorText(error: self) }

    /// What to do about it.
    public var remedy: Remedy? {
        switch self {
        case .noRegistry: .loadRegistry
        case .noDatabase: .createDatabase
        case .olderSchema: .upgradeDatabase
        case let .refused(_, remedy): remedy
        case .cannotOpen(_, .notSQLite): .chooseDatabase
        case .cannotOpen, .notFound, .newerSchema, .changedMeanwhile: nil
        }
    }
}

/// Why SQLite could not open (or migrate) a database file, as a person can act on it.
public enum OpenFailure: Sendable, Equatable {
    /// The file is not a SQLite database at all (a text file, a spreadsheet…).
    case notSQLite
    /// The file is a SQLite database whose pages are damaged.
    case damaged
    /// Another program kept the database locked for longer than the wait (5 seconds).
    case locked
    /// The file or its folder cannot be opened: a folder that does not exist, or no permission.
    case unreachable
    /// The disk is full.
    case diskFull
    /// Anything else, in SQLite's own words (English: SQLite has no other).
    case other(String)

    /// The failure of a SQLite error.
    init(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notSQLite
        case .SQLITE_CORRUPT: self = .damaged
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked
        case .SQLITE_CANTOPEN, .SQLITE_PERM: self = .unreachable
        case .SQLITE_FULL: self = .diskFull
        default: self = .other(error.message ?? "\(error)")
        }
    }
}
