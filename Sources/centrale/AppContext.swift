import CentraleRendering
import ArgumentParser
import CentraleDispatch
import CentraleFormats
import CentraleOffice
import CentraleRegistry
import CentraleStore
import Foundation

/// Where a command's output goes: the process's standard output and error, or buffers (tests).
struct Console: Sendable {
    /// Writes text to standard output, as given (the caller adds the newline).
    var out: @Sendable (String) -> Void
    /// Writes text to standard error, as given.
    var err: @Sendable (String) -> Void
    /// The width help and usage are wrapped to (nil: the terminal's, as ArgumentParser finds it).
    var columns: Int? = nil

    /// The process's own streams.
    static let process = Console(out: { Swift.print($0, terminator: "") },
                                 err: { FileHandle.standardError.write(Data($0.utf8)) })
}

/// What one run of a command works with, built once per run by `Centrale.execute`: the shared
/// options' values resolved against the environment, the output streams, and the store with its
/// registry, dispatch engine and zone, each opened or built on first use and then kept.
///
/// The store is opened the way the command declares (`StoreCommand.access`), and only when the
/// command first asks for it: a command that refuses its input first (an unreadable file, a
/// missing operator) opens, and so creates, nothing.
final class AppContext {
    /// The shared options as given on the command line.
    let settings: Settings
    /// The environment the run sees (`CENTRALE_DB`, `CENTRALE_OPERATOR`, `CENTRALE_LANG`, `USER`, `LOGNAME`).
    let environment: [String: String]
    /// Standard output and error.
    let console: Console
    /// How the store is opened; nil for a command that has no database.
    let access: Store.Access?

    private var openedStore: Store?
    private var loadedRegistry: Registry?
    private var builtEngine: DispatchEngine?

    init(settings: Settings = Settings(), access: Store.Access?, environment: [String: String], console: Console) {
        self.settings = settings
        self.access = access
        self.environment = environment
        self.console = console
    }

    // MARK: Output

    /// Prints to the run's standard output, as `print` does.
    func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
        console.out(items.map { "\($0)" }.joined(separator: separator) + terminator)
    }

    /// Prints a line to the run's standard error.
    func printError(_ message: String) {
        console.err(message + "\n")
    }

    // MARK: The shared options

    /// The database path in force: `--db`, else `CENTRALE_DB`, else `centrale.sqlite`.
    var databasePath: String {
        if let db = settings.db { return db }
        if let env = environment["CENTRALE_DB"], !env.isEmpty { return env }
        return "centrale.sqlite"
    }

    /// The operator recorded in the audit trail for a command run by a person: `--operator`,
    /// else `CENTRALE_OPERATOR`, else the login name (`USER`, `LOGNAME`, else the account the
    /// program runs as).
    /// - Throws: `OperatorUnknown` when none is known: every write names who made it.
    func operatorName() throws -> String {
        // The login name: the environment's, else the account the program runs as.
        let account = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        for candidate in [settings.operatorName, environment["CENTRALE_OPERATOR"], environment["USER"], environment["LOGNAME"], account] {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        throw OperatorUnknown()
    }

    /// The language of labels: `--lang`, else `CENTRALE_LANG`, else Italian.
    /// - Throws: when `CENTRALE_LANG` is neither `it` nor `en`.
    var language: Language {
        get throws {
            if let lang = settings.lang { return lang }
            guard let env = environment["CENTRALE_LANG"], !env.isEmpty else { return .it }
            guard let lang = Language(rawValue: env) else {
                throw StoreError.refused(.input(.language(env.escapingControlCharacters)))
            }
            return lang
        }
    }

    /// Prints a message of the catalogue in the run's language.
    func say(_ message: CLIMessage) throws {
        print(message.text(try language))
    }

    // MARK: The store and what is built from it

    /// What an association does, on this run's database and in its language.
    var office: Office {
        get throws { Office(store: try store, language: try language) }
    }

    /// The store, opened on first use as the command declares.
    var store: Store {
        get throws {
            if let openedStore { return openedStore }
            guard let access else { preconditionFailure("a command without a database asked for the store") }
            let store = try Store(path: databasePath, access: access)
            openedStore = store
            return store
        }
    }

    /// The registry in the database.
    var registry: Registry {
        get throws {
            if let loadedRegistry { return loadedRegistry }
            let registry = try store.registry()
            loadedRegistry = registry
            return registry
        }
    }

    /// The dispatch engine on the registry's associations, comuni and convention.
    var engine: DispatchEngine {
        get throws {
            if let builtEngine { return builtEngine }
            let registry = try registry
            let engine = DispatchEngine(associations: registry.associations, comuni: registry.comuni, convention: registry.convention)
            builtEngine = engine
            return engine
        }
    }

    /// The ISTAT codes of the zone's comuni.
    var zone: Set<String> {
        get throws { Set(try registry.zoneComuni.map(\.istatCode)) }
    }

    /// ISTAT code → comune name.
    var comuneNames: [String: String] {
        get throws { Dictionary(try registry.comuni.map { ($0.istatCode, $0.name) }, uniquingKeysWith: { a, _ in a }) }
    }
}

extension AppContext {
    /// The server client when `--server` or `CENTRALE_SERVER` names one; nil to work on the database.
    func remote(_ options: RemoteOptions) throws -> RemoteClient? {
        try RemoteClient.from(options, environment: environment, console: console, language: language)
    }
}
