/// A calendar month, e.g. 2025-10: the unit of statements and reports.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1...12.
    public let month: Int

    /// Creates a month, or nil if `month` is not 1...12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The years a month may be written with: every month parsed has a month before and after
    /// it, and a year before it, so that reports can compare and project without running off the calendar.
    public static let writableYears = 1000...9998

    /// Parses `YYYY-MM` (years 1000...9998).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), Self.writableYears.contains(y) else { return nil }
        self.init(year: y, month: m)
    }

    /// The first day of the month.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }

    /// The last day of the month.
    public var lastDay: LocalDate {
        LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    /// Every day of the month, in order.
    public var days: [LocalDate] {
        (1...LocalDate.daysIn(month: month, year: year)).map { LocalDate(year: year, month: month, day: $0)! }
    }

    /// The following month.
    public var next: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)!
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// The month as `YYYY-MM`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a month YYYY-MM, found \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
