import CentraleFormats
import CentraleIntake
import CentraleStore
import Foundation

/// How an error is shown to a person: the CLI prints these lines on standard error, the server
/// answers with them (`ErrorReply`), and the CLI as a client prints what the server answered.
public enum ErrorText {
    /// The lines a command's error is shown as: file, line and field where it has them, and
    /// whether anything was written.
    public static func lines(_ error: Error) -> String {
        switch error {
        case let error as FieldErrors:
            return error.errors.map { "error: \($0.rendered(RemedyCommand.text))" }.joined(separator: "\n")
                + "\n\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s") found; nothing was written."
        case let error as FieldError:
            return "error: \(error.rendered(RemedyCommand.text))\nnothing was written."
        case let error as StoreError:
            // Its message may quote input (a code, a name): control characters shown escaped.
            return "error: \(error.text(RemedyCommand.text).escapingControlCharacters)"
        case let error as IntakeRefusal:
            return "error: \(error.rendered(RemedyCommand.text))"
        case let error as any RemediableError:
            return "error: \(error.text(RemedyCommand.text))"
        case let error as any LocalizedError where error.errorDescription != nil:
            return "error: \(error.errorDescription!)"
        default:
            return "error: \(error)"
        }
    }

    /// The message without the first line's `error: ` (the API's `ErrorReply.error`).
    public static func message(_ error: Error) -> String {
        let text = lines(error)
        return text.hasPrefix("error: ") ? String(text.dropFirst("error: ".count)) : text
    }
}
