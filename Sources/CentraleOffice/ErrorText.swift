import CentraleFormats
import CentraleIntake
import CentraleStore
import Foundation

/// How an error is shown to a person: the CLI prints these lines on standard error, the server
/// answers with them (`ErrorReply`), and the CLI as a client prints what the server answered.
public enum ErrorText {
    /// The lines a command's error is shown as, in `language`: file, line and field where it has
    /// them, and whether anything was written.
    public static func lines(_ error: Error, _ language: Language) -> String {
        let words = ErrorWords(language)
        let remedy = RemedyCommand.render(language)
        switch error {
        case let error as any RenderedError:
            return error.lines(language)
        case let error as FieldErrors:
            return error.errors.map { "\(words.error) \($0.rendered(language, remedy))" }.joined(separator: "\n")
                + "\n" + words.problemsFound(error.errors.count)
        case let error as FieldError:
            return "\(words.error) \(error.rendered(language, remedy))\n\(words.nothingWritten)"
        case let error as StoreError:
            // Its message may quote input (a code, a name): control characters shown escaped.
            return "\(words.error) \(error.text(language, remedy).escapingControlCharacters)"
        case let error as IntakeRefusal:
            return "\(words.error) \(error.rendered(language, remedy))"
        case let error as any RemediableError:
            return "\(words.error) \(error.text(language, remedy))"
        case let error as any Message:
            return "\(words.error) \(error.text(language))"
        case let error as any LocalizedError where error.errorDescription != nil:
            return "\(words.error) \(error.errorDescription!)"
        default:
            return "\(words.error) \(error)"
        }
    }

    /// The message without the first line's `error: ` (the API's `ErrorReply.error`).
    public static func message(_ error: Error, _ language: Language) -> String {
        let text = lines(error, language), prefix = ErrorWords(language).error + " "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}

/// An error of an edge that renders its own lines (e.g. naming the CLI's flags).
public protocol RenderedError: Error {
    /// The lines shown, in `language`, each starting with `ErrorWords.error`.
    func lines(_ language: Language) -> String
}
