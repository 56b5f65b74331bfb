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
    /// The header of each column as the file writes it (`Targa`, `Km fine`), by `LogColumn.ordinal`:
    /// nil for a column the file does not have, and for a row that is no line of a file. The
    /// messages name a column so; one array shared by all the rows of a CSV file.
    private(set) var headers: [String?]
    /// What the row is when it is not a line of a file (an amendment): the messages name it
    /// instead of its location.
    public var place: LogPlace?

    /// Creates a row; `headers` are the columns' names as its file writes them.
    public init(location: SourceLocation, values: [LogColumn: String], decimalMark: DecimalMark = .point,
                mixedDecimalMarks: Bool = false, jsonNumbers: Set<LogColumn> = [], extraFields: [String] = [],
                headers: [LogColumn: String] = [:], place: LogPlace? = nil) {
        self.location = location
        self.cells = Array(repeating: nil, count: LogRow.cellCount)
        for (column, value) in values { cells[column.ordinal] = value }
        self.decimalMark = decimalMark
        self.mixedDecimalMarks = mixedDecimalMarks
        self.jsonNumbers = jsonNumbers
        self.extraFields = extraFields
        self.headers = Array(repeating: nil, count: LogRow.cellCount)
        for (column, header) in headers { self.headers[column.ordinal] = header }
        self.place = place
    }

    /// A row from its cells and headers by `LogColumn.ordinal` (the parser's way, without a
    /// dictionary per row).
    init(location: SourceLocation, cells: [String?], headers: [String?], extraFields: [String]) {
        self.init(location: location, values: [:], extraFields: extraFields)
        self.cells = cells
        self.headers = headers
    }

    /// How the messages name `column`: as the row's file writes its header, else by its name
    /// in the reader's language.
    func name(_ column: LogColumn) -> FieldName { column.fieldName.written(headers[column.ordinal]) }

    /// A problem of the row in `column` (nil: the whole row), at its location or its place.
    func problem(_ column: LogColumn?, _ message: LogProblem, remedy: Remedy? = nil) -> FieldError {
        guard let column else { return FieldError(location, field: "", message, remedy: remedy, place: place) }
        return FieldError(location, named: name(column), message, remedy: remedy, place: place)
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

/// What a row checked with the submission rules is when it is not a line of a file: the
/// messages name it instead of `FILE:LINE` (`rettifica del servizio 7, campo note: …`).
public enum LogPlace: Message, Hashable {
    /// The log of `trip` as an amendment would leave it (`centrale log amend`).
    case amendment(trip: Int64)

    public var italian: String {
        switch self {
        case .amendment(let trip): "rettifica del servizio \(trip)"
        }
    }

    public var english: String {
        switch self {
        case .amendment(let trip): "amendment of trip \(trip)"
        }
    }
}
