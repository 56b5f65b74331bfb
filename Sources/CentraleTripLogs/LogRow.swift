import CentraleFormats

/// One row of a trip-log file as written: the raw text of each column and where it is.
public struct LogRow: Hashable, Sendable {
    /// Where the row is (file and line).
    public var location: SourceLocation
    /// The raw values by column (absent columns are missing, empty cells are "").
    public var values: [LogColumn: String]
    /// The decimal mark of the file the row comes from (decided from the evidence of all its
    /// numeric cells, see `LogParser`).
    public var decimalMark: DecimalMark
    /// Set when the file's numeric cells use both marks as decimal marks: a cell whose
    /// reading depends on the mark is then refused.
    public var mixedDecimalMarks: Bool
    /// Columns given as JSON numbers (always with a decimal point).
    public var jsonNumbers: Set<LogColumn>
    /// Fields beyond the header's columns (a CSV row with more fields than the header).
    public var extraFields: [String]

    /// Creates a row.
    public init(location: SourceLocation, values: [LogColumn: String], decimalMark: DecimalMark = .point,
                mixedDecimalMarks: Bool = false, jsonNumbers: Set<LogColumn> = [], extraFields: [String] = []) {
        self.location = location
        self.values = values
        self.decimalMark = decimalMark
        self.mixedDecimalMarks = mixedDecimalMarks
        self.jsonNumbers = jsonNumbers
        self.extraFields = extraFields
    }

    /// The trimmed value of a column, or "" if absent.
    public subscript(column: LogColumn) -> String {
        guard let value = values[column] else { return "" }
        // Most cells need no trimming: check the ends before copying.
        if let first = value.utf8.first, let last = value.utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return value
        }
        return value.trimmingCharacters(in: " \t\u{00A0}")
    }
}
