import CentraleOffice
import ArgumentParser
import CentraleFormats
import CentraleIntake
import CentraleStore
import Foundation

/// The `centrale` command: the operations centre's tool.
@main
struct Centrale: ParsableCommand {
    /// The program's release, printed by `--version`.
    static let release = "0.4.0"

    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "centrale",
        abstract: localized(it: "Centrale: la centrale operativa dell'accompagnamento sociale.",
                            en: "Centrale: the social-accompaniment operations centre."),
        discussion: localized(it: """
            Ogni comando lavora su una base dati SQLite: --db PERCORSO, o la variabile d'ambiente \
            CENTRALE_DB, o centrale.sqlite nella cartella di lavoro. Ogni modifica porta il nome di chi \
            la fa: --operator NOME, o CENTRALE_OPERATOR, o il nome di accesso. Tutto è in italiano, \
            in inglese con --lang en (o CENTRALE_LANG=en).
            """, en: """
            Every command works on one SQLite database: --db PATH, or the CENTRALE_DB environment \
            variable, or centrale.sqlite in the working directory. Every change names its operator: \
            --operator NAME, or CENTRALE_OPERATOR, or the login name. Labels are Italian unless \
            --lang en (or CENTRALE_LANG=en).
            """),
        version: "centrale \(Centrale.release) (database schema \(Store.knownMigrations.last ?? "-"))",
        subcommands: [InitCommand.self, DemoCommand.self, StatusCommand.self, RequestCommand.self, DispatchCommand.self,
                      AssignCommand.self, TripsCommand.self, LogCommand.self, StatementCommand.self, MonthCommand.self, ReportCommand.self,
                      TUICommand.self, PlanCommand.self, PlanBenchCommand.self, VerifyCommand.self, UpgradeCommand.self, BeneficiaryCommand.self,
                      VolunteerCommand.self, VehicleCommand.self, ExpiriesCommand.self, ConfirmCommand.self, DeclineCommand.self, SheetCommand.self,
                      TokenCommand.self, ServeCommand.self]
    ) }

    /// The program's entry: runs the command line on the process's streams and environment.
    static func main() {
        let status = execute(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment, console: .process)
        Foundation.exit(status)  // flushes standard output
    }

    /// Parses `arguments`, runs the command in a context built for this run, and renders every
    /// error, the parser's and the commands', in one place; returns the exit status.
    ///
    /// The parser's errors (an unknown option, a bad value, a failed validation) are shown as
    /// ArgumentParser shows them, its own words in Italian for an Italian run (`ParserItalian`),
    /// with the usage (status 64); help and `--version` go to standard
    /// output (status 0). A command's errors are one `error: …` line each on standard error
    /// (status 1), with file, line and field where they have them.
    static func execute(_ arguments: [String], environment: [String: String], console: Console) -> Int32 {
        HelpLanguage.$current.withValue(HelpLanguage.of(arguments, environment: environment)) {
            run(arguments, environment: environment, console: console)
        }
    }

    private static func run(_ arguments: [String], environment: [String: String], console: Console) -> Int32 {
        let command: any CentraleCommand
        do {
            var parsed = try parseAsRoot(arguments)
            // A command group without a subcommand, or `help`: ArgumentParser's own, which shows the help.
            guard let ours = parsed as? any CentraleCommand else { try parsed.run(); return ExitCode.success.rawValue }
            command = ours
        } catch {
            return renderParserError(error, console: console)
        }
        let context = AppContext(settings: command.settings, access: command.access, environment: environment, console: console)
        do {
            try command.run(context)
            return ExitCode.success.rawValue
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error as CleanExit {
            return renderParserError(error, console: console)
        } catch {
            // In the run's language; Italian when even the language is wrong (CENTRALE_LANG=xx).
            console.err(errorText(error, (try? context.language) ?? .it) + "\n")
            return ExitCode.failure.rawValue
        }
    }

    /// Writes an error of the parser (or help, or the version) as ArgumentParser's own `main` would.
    /// In an Italian run, a help (status 0) is rendered unwrapped, put in Italian and then wrapped
    /// (`ParserItalian.help`), so that no English phrase is cut by a line break and no line is
    /// wider than the English one would be.
    private static func renderParserError(_ error: Error, console: Console) -> Int32 {
        let code = exitCode(for: error)
        let text: String
        if HelpLanguage.current != .it {
            text = fullMessage(for: error, columns: console.columns)
        } else if code.isSuccess {
            text = ParserItalian.help(fullMessage(for: error, columns: ParserItalian.unwrapped),
                                      columns: console.columns ?? ParserItalian.terminalColumns)
        } else {
            text = ParserItalian.translate(fullMessage(for: error, columns: console.columns))
        }
        if !text.isEmpty { (code.isSuccess ? console.out : console.err)(text + "\n") }
        return code.rawValue
    }

    /// The lines a command's error is shown as (`ErrorText`, shared with the server).
    static func errorText(_ error: Error, _ language: Language = .it) -> String { ErrorText.lines(error, language) }
}

/// A command of `centrale`: it runs in a context built for the run, and throws its errors to
/// `Centrale.execute`, which renders them. (`run()`, ArgumentParser's entry, is not used:
/// `Centrale.main` calls `run(_:)`.)
protocol CentraleCommand: ParsableCommand {
    /// Runs the command.
    func run(_ context: AppContext) throws
    /// The shared options' values (none for a command without them).
    var settings: Settings { get }
    /// How the command opens the database (nil: it has none).
    var access: Store.Access? { get }
}

extension CentraleCommand {
    var settings: Settings { Settings() }
    var access: Store.Access? { nil }
}

/// A command that works on the database, with the shared options (`--db`, `--operator`, `--lang`).
protocol StoreCommand: CentraleCommand {
    /// The shared options.
    var global: GlobalOptions { get }
    /// How the command opens the database: `.read` for a command that only reads, `.write`, or
    /// `.create` (`init`, `demo`).
    static var storeAccess: Store.Access { get }
}

extension StoreCommand {
    var settings: Settings { global.settings }
    var access: Store.Access? { Self.storeAccess }
}
