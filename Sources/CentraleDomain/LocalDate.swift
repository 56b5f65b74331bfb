/// A calendar date in the service's time zone (Europe/Rome), without a time of day.
///
/// Dates are plain year-month-day values: the arithmetic here is pure (no calendar or
/// time-zone database), so the core stays deterministic. The edges decide what "today" is.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2025.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// Creates a date, or returns nil if the day does not exist in that month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or `DD/MM/YYYY` (Italian style, day and month may have
    /// one digit); nil if neither.
    public init?(_ input: some StringProtocol) {
        // The stored form, `YYYY-MM-DD`, read straight from its bytes.
        var iso: (Int, Int, Int)?
        input.utf8.withContiguousStorageIfAvailable { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range { guard b[i] >= 48 && b[i] <= 57 else { return nil }; value = value * 10 + Int(b[i] - 48) }
                return value
            }
            if let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) { iso = (year, month, day) }
        }
        if let (year, month, day) = iso {
            self.init(year: year, month: month, day: day)
            return
        }
        var fields: [Int] = [], digits: [Int] = []
        var value = 0, count = 0, separator: UInt8 = 0
        for byte in input.utf8 {
            if byte >= 48 && byte <= 57 {
                value = value * 10 + Int(byte - 48); count += 1
                guard count <= 4 else { return nil }
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")) && count > 0 && (separator == 0 || separator == byte) {
                separator = byte; fields.append(value); digits.append(count); value = 0; count = 0
            } else {
                return nil
            }
        }
        guard count > 0 else { return nil }
        fields.append(value); digits.append(count)
        guard fields.count == 3 else { return nil }
        if separator == UInt8(ascii: "-") {
            guard digits == [4, 2, 2] else { return nil }
            self.init(year: fields[0], month: fields[1], day: fields[2])
        } else {
            guard digits[2] == 4, digits[0] <= 2, digits[1] <= 2 else { return nil }
            self.init(year: fields[2], month: fields[1], day: fields[0])
        }
    }

    /// The number of days in a month of a year (Gregorian calendar).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a year is a leap year in the Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `days` days later (earlier if negative).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        let wd = (daysSinceEpoch + 3) % 7 // 1970-01-01 was a Thursday (index 3 from Monday).
        return (wd < 0 ? wd + 7 : wd) + 1
    }

    /// The month this date falls in.
    public var yearMonth: YearMonth { YearMonth(year: year, month: month)! }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date YYYY-MM-DD, found \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Left-pads a non-negative number with zeros to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
