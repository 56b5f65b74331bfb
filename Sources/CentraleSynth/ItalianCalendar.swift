import CentraleDomain

/// Italian public holidays, when day centres close and few visits are booked.
public enum ItalianCalendar {
    /// Easter Sunday of a year (anonymous Gregorian algorithm).
    public static func easter(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The national public holidays of a year, Easter Monday included.
    public static func holidays(_ year: Int) -> Set<LocalDate> {
        let fixed = [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)]
        var days = Set(fixed.map { LocalDate(year: year, month: $0.0, day: $0.1)! })
        days.insert(easter(year).adding(days: 1))
        return days
    }
}
