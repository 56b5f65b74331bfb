/// A language Centrale speaks: Italian by default, English on request (`--lang en`,
/// `CENTRALE_LANG=en`, `?lang=en`).
public enum Language: String, Sendable, CaseIterable {
    case it, en
}

/// A message of Centrale's catalogue: a case per message with typed arguments, written in
/// each language. Every catalogue (`StoreRefusal`, `LogProblem`, `IntakeMessage`, `CLIMessage`…) is
/// an enum conforming to this protocol with one exhaustive `switch` per language, so the compiler
/// refuses a message missing in either language; there are no string keys and no fallback.
///
/// The core makes messages; the edges render them (`text(_:)`) for their language and interface.
public protocol Message: Sendable {
    /// The message in Italian.
    var italian: String { get }
    /// The message in English.
    var english: String { get }
}

extension Message {
    /// The message in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .it: italian
        case .en: english
        }
    }
}

/// Words of one Italian noun or phrase with its plural, in both languages: `1 mezzo`, `2 mezzi`.
public struct Plural: Sendable, Hashable {
    public let italian: (one: String, many: String)
    public let english: (one: String, many: String)

    public init(it one: String, _ many: String, en oneEnglish: String, _ manyEnglish: String) {
        italian = (one, many)
        english = (oneEnglish, manyEnglish)
    }

    /// `count` and the word that goes with it: `1 mezzo`, `3 mezzi`, `0 mezzi`.
    public func count(_ count: Int, _ language: Language) -> String {
        let words = language == .it ? italian : english
        return "\(count) \(count == 1 ? words.one : words.many)"
    }

    public static func == (a: Plural, b: Plural) -> Bool {
        a.italian == b.italian && a.english == b.english
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(italian.one); hasher.combine(italian.many); hasher.combine(english.one); hasher.combine(english.many)
    }
}

extension Plural {
    /// `1 servizio`, `2 servizi`; `1 trip`, `2 trips`.
    public static let trip = Plural(it: "servizio", "servizi", en: "trip", "trips")
    /// `1 nuovo`, `2 nuovi`; `1 new`.
    public static let added = Plural(it: "nuovo", "nuovi", en: "new", "new")
    /// `1 aggiornato`, `2 aggiornati`; `1 updated`.
    public static let updated = Plural(it: "aggiornato", "aggiornati", en: "updated", "updated")
    /// `1 invariato`, `2 invariati`; `1 unchanged`.
    public static let unchanged = Plural(it: "invariato", "invariati", en: "unchanged", "unchanged")
}

/// A message that is the same in every language: a value quoted as it is (a code, a path, a
/// number), or several messages joined.
public struct Verbatim: Message, Hashable {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var italian: String { value }
    public var english: String { value }
}

/// Several messages in one, joined by `separator` in each language.
public struct Joined: Message {
    public let parts: [any Message]
    public let separator: String
    public init(_ parts: [any Message], separator: String = "; ") {
        self.parts = parts
        self.separator = separator
    }
    public var italian: String { parts.map(\.italian).joined(separator: separator) }
    public var english: String { parts.map(\.english).joined(separator: separator) }
}
