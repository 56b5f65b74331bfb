/// Writes CSV cells and rows safely: quoted when needed (inner quotes doubled), and with
/// formula-like free text neutralised, so that a spreadsheet never runs a cell as a formula.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`
/// (the form spreadsheets show as text), unless it is a plain number such as `-12.50`, which
/// stays a number.
public struct CSVWriter: Sendable {
    /// The field separator (`,` or `;`).
    public var separator: Character

    /// Creates a writer.
    public init(separator: Character = ",") { self.separator = separator }

    /// One cell, neutralised and quoted as needed.
    public func field(_ value: String) -> String {
        let safe = Self.neutralised(value)
        let needsQuotes = safe.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," || $0 == ";" }
        guard needsQuotes else { return safe }
        var quoted = "\""
        for character in safe {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
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
