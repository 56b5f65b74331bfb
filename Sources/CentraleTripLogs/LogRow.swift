import CentraleFormats

/// One row of a trip-log file as written: the raw text of each column and where it is.
public struct LogRow: Hashable, Sendable {
    /// Where the row is (file and line).
    public var location: SourceLocation
    /// The raw values by column (absent columns are missing, empty cells are "").
    public var values: [LogColumn: String]

    /// Creates a row.
    public init(location: SourceLocation, values: [LogColumn: String]) {
        self.location = location
        self.values = values
    }

    /// The trimmed value of a column, or "" if absent.
    public subscript(column: LogColumn) -> String {
        (values[column] ?? "").trimmingCharacters(in: " \t\u{00A0}")
    }
}
