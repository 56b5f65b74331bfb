/// A CSV file read as a header and rows addressed by column name.
public struct CSVTable: Sendable {
    /// The file name used in error messages.
    public let fileName: String
    /// The column names, trimmed and lower-cased, as in the header.
    public let columns: [String]
    /// The header's cells as the file writes them (trimmed), by column.
    public let headers: [String]
    /// The data rows (header excluded).
    public let rows: [CSVRecord]
    /// The columns' Italian names by their (canonical) names, for the messages of an Italian run
    /// about a column the file does not have.
    public let italianNames: [String: String]

    /// Reads `text` and checks that every column in `required` is present.
    ///
    /// `aliases` maps other accepted header names (e.g. Italian ones) to canonical names. With
    /// `known`, a column that is none of them is refused: a misspelt header would otherwise lose
    /// its values without a word. `italianNames` name the canonical columns in Italian messages.
    /// - Throws: `FieldError` naming the header line and the missing, unknown or repeated column
    ///   (as the header writes it, or by its name in the reader's language when it is missing).
    public init(text: String, fileName: String, required: [String], aliases: [String: String] = [:], known: [String]? = nil,
                italianNames: [String: String] = [:]) throws {
        let records = try CSVReader(fileName: fileName).read(text)
        let italianRequired = required.map { italianNames[$0] ?? $0 }
        guard let header = records.first else {
            throw FieldError(SourceLocation(file: fileName, line: 1), field: "",
                             FormatProblem.emptyFile(expected: required, italian: italianRequired))
        }
        self.fileName = fileName
        self.italianNames = italianNames
        self.headers = header.fields.map { $0.trimmingCharacters(in: " \t") }
        self.columns = header.fields.map { name in
            let key = name.trimmingCharacters(in: " \t").lowercased()
            return aliases[key] ?? key
        }
        self.rows = Array(records.dropFirst())
        let missing = required.filter { !columns.contains($0) }
        if !missing.isEmpty {
            throw FieldError(SourceLocation(file: fileName, line: header.line), named: FieldName(missing[0], it: italianNames[missing[0]] ?? missing[0], en: missing[0]),
                             FormatProblem.missingColumn(required: required, italian: italianRequired))
        }
        if let known, let index = columns.firstIndex(where: { !$0.isEmpty && !known.contains($0) }) {
            throw FieldError(SourceLocation(file: fileName, line: header.line), named: FieldName(columns[index], it: columns[index], en: columns[index], header: headers[index]),
                             FormatProblem.unknownColumn(known: known))
        }
        var seen: Set<String> = []
        for (index, name) in columns.enumerated() where !seen.insert(name).inserted {
            throw FieldError(SourceLocation(file: fileName, line: header.line), named: FieldName(name, it: name, en: name, header: headers[index]),
                             FormatProblem.repeatedColumn)
        }
    }

    /// How messages name column `name`: as the header writes it when the file has it, else by
    /// its name in the reader's language.
    public func fieldName(_ name: String) -> FieldName {
        FieldName(name, it: italianNames[name] ?? name, en: name, header: columns.firstIndex(of: name).map { headers[$0] })
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
