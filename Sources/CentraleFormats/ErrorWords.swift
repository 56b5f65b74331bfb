/// The words around an error's message.
public struct ErrorWords: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    /// The first word of each error line.
    public var error: String { language == .it ? "errore:" : "error:" }
    /// Before a field's name, where a problem is not on a line of a file (`rettifica del servizio 7, campo note: …`).
    public var field: String { language == .it ? "campo" : "field" }
    /// After a refused input.
    public var nothingWritten: String { language == .it ? "non è stato scritto nulla." : "nothing was written." }
    /// After the list of a refused file's problems.
    public func problemsFound(_ count: Int) -> String {
        language == .it ? "\(count) \(count == 1 ? "problema trovato" : "problemi trovati"); non è stato scritto nulla."
                        : "\(count) problem\(count == 1 ? "" : "s") found; nothing was written."
    }
}
