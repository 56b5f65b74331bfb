/// A place in a text file, for error messages that say where to look.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name or path as the user gave it.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`.
    public var description: String { "\(file):\(line)" }
}

/// A problem in an input file: where, which field, what is wrong and what is expected.
///
/// Rendered as `FILE:LINE: field: message`, the shape every checker of Centrale uses.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The field (column or key) concerned, or empty for the whole line.
    public var field: String
    /// What is wrong and what is expected, in each language.
    public var message: any Message
    /// What to do about it, rendered by each edge for its interface (after `; `).
    public var remedy: Remedy?

    /// Creates an error.
    public init(_ location: SourceLocation, field: String, _ message: any Message, remedy: Remedy? = nil) {
        self.location = location
        self.field = field
        self.message = message
        self.remedy = remedy
    }

    public static func == (a: FieldError, b: FieldError) -> Bool {
        a.location == b.location && a.field == b.field && a.message.english == b.message.english
            && a.message.italian == b.message.italian && a.remedy == b.remedy
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(location); hasher.combine(field); hasher.combine(message.english); hasher.combine(remedy)
    }

    /// `FILE:LINE: field: message`, with every control character of the file name, field or
    /// message (which may quote input) shown escaped (`\u{1B}`), never raw.
    /// The longest message shown: a message quotes the cell it is about, and a cell may be megabytes long.
    public static let maximumMessageLength = 600

    /// In English, the remedy in words (for logs and test failures).
    public var description: String { rendered(.en, \.english) }

    /// `FILE:LINE: field: message; remedy`, the message in `language`, the remedy rendered by `render`.
    public func rendered(_ language: Language, _ render: (Remedy) -> String) -> String {
        var shown = message.text(language)
        if shown.count > Self.maximumMessageLength {
            let cut = shown.count - Self.maximumMessageLength
            shown = String(shown.prefix(Self.maximumMessageLength))
                + (language == .it ? "… (altri \(cut) caratteri)" : "… (\(cut) more characters)")
        }
        var name = field
        if name.count > 60 { name = String(name.prefix(60)) + "…" }
        if let remedy { shown += "; " + render(remedy) }
        let text = name.isEmpty ? "\(location): \(shown)" : "\(location): \(name): \(shown)"
        return text.escapingControlCharacters
    }
}

/// Several problems found in one pass over one or more files.
public struct FieldErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var errors: [FieldError]

    /// Creates a list of problems.
    public init(_ errors: [FieldError]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension String {
    /// The text with every control character written as a Swift escape (`\u{1B}` for ESC):
    /// C0 codes (tab and line breaks included), DEL, C1 codes, and the invisible characters that
    /// reorder or hide text (bidirectional overrides and isolates, line and paragraph
    /// separators). Every message that quotes input goes through it, so that a cell cannot
    /// move the cursor, recolour a terminal or hide part of a message.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.needsEscaping) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.needsEscaping { out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The first control character that input cells may not hold: C0 codes except tab, DEL,
    /// and C1 codes; nil when there is none.
    public var forbiddenControlCharacter: Unicode.Scalar? {
        // Fast path on bytes: C1 codes are 0xC2 0x80…0x9F in UTF-8.
        var contiguous = self
        guard contiguous.withUTF8({ $0.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) }) else { return nil }
        return unicodeScalars.first { $0.isForbiddenControl }
    }
}

extension Unicode.Scalar {
    /// A C0 code other than tab, DEL or a C1 code.
    var isForbiddenControl: Bool {
        (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }

    /// Shown escaped in messages.
    var needsEscaping: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029 || value == 0x200E || value == 0x200F || value == 0xFEFF
    }
}
