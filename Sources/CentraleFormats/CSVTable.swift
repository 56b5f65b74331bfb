/// A CSV file read as a header and rows addressed by column name.
public struct CSVTable: Sendable {
    /// The file name used in error messages.
    public let fileName: String
    /// The column names, trimmed and lower-cased, as in the header.
    public let columns: [String]
    /// The data rows (header excluded).
    public let rows: [CSVRecord]

    /// Reads `text` and checks that every column in `required` is present.
    ///
    /// `aliases` maps other accepted header names (e.g. Italian ones) to canonical names. With
    /// `known`, a column that is none of them is refused: a misspelt header would otherwise lose
    /// its values without a word.
    /// - Throws: `FieldError` naming the header line and the missing, unknown or repeated column.
    public init(text: String, fileName: String, required: [String], aliases: [String: String] = [:], known: [String]? = nil) throws {
        let records = try CSVReader(fileName: fileName).read(text)
        guard let header = records.first else {
            throw FieldError(SourceLocation(file: fileName, line: 1), field: "",
                             FormatProblem.emptyFile(expected: required))
        }
        self.fileName = fileName
        self.columns = header.fields.map { name in
            let key = name.trimmingCharacters(in: " \t").lowercased()
            return aliases[key] ?? key
        }
        self.rows = Array(records.dropFirst())
        let missing = required.filter { !columns.contains($0) }
        if !missing.isEmpty {
            throw FieldError(SourceLocation(file: fileName, line: header.line), field: missing[0],
                             FormatProblem.missingColumn(required: required))
        }
        if let known, let unknown = columns.first(where: { !$0.isEmpty && !known.contains($0) }) {
            throw FieldError(SourceLocation(file: fileName, line: header.line), field: unknown,
                             FormatProblem.unknownColumn(known: known))
        }
        var seen: Set<String> = []
        for name in columns where !seen.insert(name).inserted {
            throw FieldError(SourceLocation(file: fileName, line: header.line), field: name,
                             FormatProblem.repeatedColumn)
        }
    }

    /// The value of column `name` in `row`, trimmed; empty if the row is short or the column absent.
    public func value(_ name: String, in row: CSVRecord) -> String {
        guard let index = columns.firstIndex(of: name), index < row.fields.count else { return "" }
        return row.fields[index].trimmingCharacters(in: " \t")
    }

    /// The location of a row, for error messages.
    public func location(of row: CSVRecord) -> SourceLocation {
        SourceLocation(file: fileName, line: row.line)
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
