/// A place in a text file, for error messages that say where to look.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name or path as the user gave it.
    public var file: String
    /// The 1-based line number; 0 for the file as a whole (a missing file, a folder).
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`, or `FILE` for the file as a whole.
    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// How a message names a field: as the user's file writes its header, when the problem comes
/// from a file that has the column, else by the field's name in the reader's language.
public struct FieldName: Hashable, Sendable {
    /// The field's key, as the code and the API name it (`vehicle`, `odometer_end`).
    public var key: String
    /// Its name in Italian messages (`targa`, `km_fine`).
    public var italian: String
    /// Its name in English messages (`vehicle`, `odometer_end`).
    public var english: String
    /// The header as the file writes it (`Targa`, `Km fine`), when the problem comes from a file
    /// that has the column.
    public var header: String?

    /// Creates a name; `header` is trimmed, and a blank one counts as none.
    public init(_ key: String, it italian: String, en english: String, header: String? = nil) {
        self.key = key
        self.italian = italian
        self.english = english
        self.header = header.map { $0.trimmingCharacters(in: " \t\u{00A0}\u{FEFF}") }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The same field as the file's `header` names it (nil or blank: by the language's names).
    public func written(_ header: String?) -> FieldName { FieldName(key, it: italian, en: english, header: header) }

    /// The name shown: the file's header when known, else the name in `language`.
    public func text(_ language: Language) -> String { header ?? (language == .it ? italian : english) }

    /// The `number`th (1-based) column of a CSV line, by the header's name for it when known.
    public static func column(_ number: Int, header: String? = nil) -> FieldName {
        FieldName("column \(number)", it: "colonna \(number)", en: "column \(number)", header: header)
    }
}

/// A problem in an input file: where, which field, what is wrong and what is expected.
///
/// Rendered as `FILE:LINE: field: message`, the shape every checker of Centrale uses; for a
/// problem of something that is not a line of a file (`place`, e.g. the amendment of a trip's
/// log), as `PLACE, field FIELD: message`.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The field (column or key) concerned, or empty for the whole line: its key, as the API names it.
    public var field: String
    /// How the messages name the field (the file's header, or the language's name); nil: as `field`.
    public var name: FieldName?
    /// What the checked values are when they are not a line of a file (the amendment of a trip's
    /// log): named instead of `location`.
    public var place: (any Message)?
    /// What is wrong and what is expected, in each language.
    public var message: any Message
    /// What to do about it, rendered by each edge for its interface (after `; `).
    public var remedy: Remedy?

    /// Creates an error for a field named as `field` in every language.
    public init(_ location: SourceLocation, field: String, _ message: any Message, remedy: Remedy? = nil, place: (any Message)? = nil) {
        self.location = location
        self.field = field
        self.name = nil
        self.place = place
        self.message = message
        self.remedy = remedy
    }

    /// Creates an error for a field named by `name` (its header in the file, else its name in the
    /// reader's language); `field` is the name's key.
    public init(_ location: SourceLocation, named name: FieldName, _ message: any Message, remedy: Remedy? = nil,
                place: (any Message)? = nil) {
        self.init(location, field: name.key, message, remedy: remedy, place: place)
        self.name = name
    }

    public static func == (a: FieldError, b: FieldError) -> Bool {
        a.location == b.location && a.field == b.field && a.name == b.name && a.message.english == b.message.english
            && a.message.italian == b.message.italian && a.remedy == b.remedy
            && a.place?.english == b.place?.english && a.place?.italian == b.place?.italian
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(location); hasher.combine(field); hasher.combine(name); hasher.combine(message.english); hasher.combine(remedy)
    }

    /// `FILE:LINE: field: message`, with every control character of the file name, field or
    /// message (which may quote input) shown escaped (`\u{1B}`), never raw.
    /// The longest message shown: a message quotes the cell it is about, and a cell may be megabytes long.
    public static let maximumMessageLength = 600

    /// In English, the remedy in words (for logs and test failures).
    public var description: String { rendered(.en, \.english) }

    /// The field as the message in `language` names it.
    public func fieldText(_ language: Language) -> String { name?.text(language) ?? field }

    /// `FILE:LINE: field: message; remedy` (or `PLACE, field FIELD: message; remedy`), the message
    /// in `language`, the remedy rendered by `render`.
    public func rendered(_ language: Language, _ render: (Remedy) -> String) -> String {
        var shown = message.text(language)
        if shown.count > Self.maximumMessageLength {
            let cut = shown.count - Self.maximumMessageLength
            shown = String(shown.prefix(Self.maximumMessageLength))
                + (language == .it ? "… (altri \(cut) caratteri)" : "… (\(cut) more characters)")
        }
        var name = fieldText(language)
        if name.count > 60 { name = String(name.prefix(60)) + "…" }
        if let remedy { shown += "; " + render(remedy) }
        let text: String
        if let place {
            let subject = place.text(language)
            text = name.isEmpty ? "\(subject): \(shown)" : "\(subject), \(ErrorWords(language).field) \(name): \(shown)"
        } else {
            text = name.isEmpty ? "\(location): \(shown)" : "\(location): \(name): \(shown)"
        }
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
