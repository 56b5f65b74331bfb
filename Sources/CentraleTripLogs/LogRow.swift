import CentraleFormats

/// One row of a trip-log file as written: the raw text of each column and where it is.
public struct LogRow: Hashable, Sendable {
    /// Where the row is (file and line).
    public var location: SourceLocation
    /// The raw values by column (absent columns are missing, empty cells are "").
    public var values: [LogColumn: String] {
        get {
            var values: [LogColumn: String] = [:]
            for column in LogColumn.allCases { if let value = cells[column.ordinal] { values[column] = value } }
            return values
        }
        set {
            cells = Array(repeating: nil, count: LogRow.cellCount)
            for (column, value) in newValue { cells[column.ordinal] = value }
        }
    }
    /// The raw values by `LogColumn.ordinal` (nil for a column the file does not have): a row's
    /// cells are read a dozen times each as it is checked, and a year of rows is one file.
    private(set) var cells: [String?]
    /// The number of cells: one per `LogColumn`.
    static let cellCount = LogColumn.allCases.count
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
        self.cells = Array(repeating: nil, count: LogRow.cellCount)
        for (column, value) in values { cells[column.ordinal] = value }
        self.decimalMark = decimalMark
        self.mixedDecimalMarks = mixedDecimalMarks
        self.jsonNumbers = jsonNumbers
        self.extraFields = extraFields
    }

    /// A row from its cells by `LogColumn.ordinal` (the parser's way, without a dictionary per row).
    init(location: SourceLocation, cells: [String?], extraFields: [String]) {
        self.init(location: location, values: [:], extraFields: extraFields)
        self.cells = cells
    }

    /// The raw value of a column, as written (nil when the file does not have the column).
    func raw(_ column: LogColumn) -> String? { cells[column.ordinal] }

    /// The trimmed value of a column, or "" if absent.
    public subscript(column: LogColumn) -> String {
        guard let value = cells[column.ordinal] else { return "" }
        // Most cells need no trimming: check the ends before copying.
        if let first = value.utf8.first, let last = value.utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return value
        }
        return value.trimmingCharacters(in: " \t\u{00A0}")
    }
}
