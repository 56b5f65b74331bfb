import ArgumentParser
import CentraleFormats
import CentraleStore
import Foundation

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $CENTRALE_DB, else centrale.sqlite).", valueName: "path"))
    var db: String?

    /// The database path in force: `--db`, else `CENTRALE_DB`, else `centrale.sqlite`.
    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["CENTRALE_DB"], !env.isEmpty { return env }
        return "centrale.sqlite"
    }

    /// Opens the store for a command that writes: the file must exist (only `init` and `demo`
    /// create one), and its schema is brought up to date.
    func openStore() throws -> Store { try Store(path: databasePath, access: .write) }

    /// Opens the store read-only, for a command that only reads: it works on a read-only file
    /// and writes nothing.
    func openStoreForReading() throws -> Store { try Store(path: databasePath, access: .read) }

    /// Opens the store, creating the file when it is missing (`init`, `demo`).
    func createStore() throws -> Store { try Store(path: databasePath, access: .create) }
}

/// Prints user-facing errors (with file, line and field where they have them) to standard
/// error and exits with status 1, instead of a stack of Swift error descriptions.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as FieldErrors {
        printError(error.errors.map { "error: \($0)" }.joined(separator: "\n"))
        printError("\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s") found; nothing was written.")
    } catch let error as FieldError {
        printError("error: \(error)\nnothing was written.")
    } catch let error as StoreError {
        // Its message may quote input (a code, a name): control characters shown escaped.
        printError("error: \(String(describing: error).escapingControlCharacters)")
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch let error as any LocalizedError where error.errorDescription != nil {
        printError("error: \(error.errorDescription!)")
    } catch {
        printError("error: \(error)")
    }
    throw ExitCode.failure
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The operator recorded in the audit trail for a command run by a person: `--operator`,
/// else `CENTRALE_OPERATOR`, else the login name (`USER`, `LOGNAME`).
/// - Throws: when none is known: every write names who made it.
func operatorName(_ explicit: String? = nil) throws -> String {
    let env = ProcessInfo.processInfo.environment
    // The login name: the environment's, else the account the program runs as.
    let account = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
    for candidate in [explicit, env["CENTRALE_OPERATOR"], env["USER"], env["LOGNAME"], account] {
        if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
    }
    throw OperatorUnknown()
}

/// No operator could be named for a write.
struct OperatorUnknown: LocalizedError {
    var errorDescription: String? {
        "no operator is known, and every change names who made it: give --operator NAME or set CENTRALE_OPERATOR; nothing was written."
    }
}
