/// Writes CSV cells and rows safely: quoted when needed (inner quotes doubled), and with
/// formula-like free text neutralised, so that a spreadsheet never runs a cell as a formula.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`
/// (the form spreadsheets show as text), unless it is a plain number such as `-12.50`, which
/// stays a number.
public struct CSVWriter: Sendable {
    /// The field separator (`,` or `;`).
    public var separator: Character
    /// What a whole document looks like (byte-order mark, line ending); `nil` for a writer of
    /// rows only.
    public var dialect: CSVDialect?

    /// Creates a writer.
    public init(separator: Character = ",") { self.separator = separator }

    /// A writer of whole documents in a dialect (its separator, BOM and line ending).
    public init(dialect: CSVDialect) {
        self.separator = dialect.separator
        self.dialect = dialect
    }

    /// A whole document: the BOM if the dialect has one, and every row ended by the dialect's line
    /// ending (LF for a writer without a dialect), the last one too. In Italian Excel a line break
    /// inside a cell is written CRLF as well, so that the document holds no bare LF.
    public func document(_ rows: [[String]]) -> String {
        let ending = dialect?.lineEnding ?? "\n"
        return (dialect?.byteOrderMark == true ? "\u{FEFF}" : "") + rows.map { row($0) + ending }.joined()
    }

    /// One cell, neutralised and quoted as needed. A plain number (`-1234,56`) is never quoted,
    /// so that a spreadsheet reads it as a number, whatever its decimal mark.
    public func field(_ value: String) -> String {
        let safe = Self.neutralised(dialect == .excel ? Self.withCRLF(value) : value)
        if Self.isPlainNumber(safe), !safe.contains(separator) { return safe }
        return quotedIfNeeded(safe)
    }

    func quotedIfNeeded(_ safe: String) -> String {
        // Line breaks by scalar: CRLF is one Character, equal to neither "\n" nor "\r".
        let needsQuotes = safe.contains { $0 == separator || $0 == "\"" || $0 == "," || $0 == ";" }
            || safe.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return safe }
        var quoted = "\""
        for character in safe {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }

    /// The text with every line break (LF, CR or CRLF) written CRLF.
    static func withCRLF(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return value }
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\r":
                result.append("\r")
                result.append("\n")
                afterCR = true
            case "\n":
                if !afterCR {
                    result.append("\r")
                    result.append("\n")
                }
                afterCR = false
            default:
                result.append(scalar)
                afterCR = false
            }
        }
        return String(result)
    }

    /// One row of cells, without the line ending.
    public func row(_ values: [String]) -> String { values.map(field).joined(separator: String(separator)) }

    /// The value with a leading `'` when a spreadsheet would read it as a formula.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        // A lone dash (nothing, no needs) is no formula.
        if value == "-" { return value }
        return isPlainNumber(value) ? value : "'" + value
    }

    /// Whether the text is a signed decimal number (`-12`, `+3.5`, `-0,25`).
    static func isPlainNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars.dropFirst(value.first == "-" || value.first == "+" ? 1 : 0)
        guard !scalars.isEmpty else { return false }
        var separators = 0, digits = 0
        while let s = scalars.first {
            scalars = scalars.dropFirst()
            if ("0"..."9").contains(s) { digits += 1 } else if s == "." || s == "," { separators += 1 } else { return false }
        }
        return digits > 0 && separators <= 1
    }
}

/// How a CSV document is written: for Italian Excel (the default for people) or RFC 4180 (for
/// programs).
public enum CSVDialect: String, Sendable, CaseIterable {
    /// Italian Excel: `;` between cells, a decimal comma, `dd/mm/yyyy` dates, a UTF-8 byte-order
    /// mark (so that Excel reads UTF-8), CRLF line endings, Italian headers.
    case excel
    /// RFC 4180 for programs: `,` between cells, a decimal point, ISO dates, no BOM, LF line
    /// endings, English headers.
    case rfc4180

    /// The cell separator.
    public var separator: Character { self == .excel ? ";" : "," }
    /// The line ending.
    public var lineEnding: String { self == .excel ? "\r\n" : "\n" }
    /// Whether the document starts with a UTF-8 byte-order mark.
    public var byteOrderMark: Bool { self == .excel }
    /// The decimal mark of its numbers.
    public var decimalMark: Character { self == .excel ? "," : "." }
}
