import CentraleDomain

/// What the engine remembers of earlier days: the month's assignments so far (for the share
/// goal) and each beneficiary's usual association (for continuity of care).
///
/// It holds the assignments from the start of the day's month, or from 28 days before the
/// day if that is earlier. The store builds it from the database; the demo rolls it forward
/// in memory; both give the same value.
public struct DispatchHistory: Sendable {
    /// How many days back continuity looks.
    public static let continuityDays = 28

    /// One earlier assignment.
    public struct Entry: Hashable, Sendable {
        /// The trip's day.
        public var date: LocalDate
        /// The association that took it.
        public var association: String
        /// The beneficiary.
        public var beneficiary: String
        /// Creates an entry.
        public init(date: LocalDate, association: String, beneficiary: String) {
            self.date = date
            self.association = association
            self.beneficiary = beneficiary
        }
    }

    private struct Tally { var count = 0; var last: LocalDate }

    /// The day being dispatched.
    public let day: LocalDate
    /// Trips assigned to each association since the first of the month.
    public private(set) var monthToDate: [String: Int] = [:]
    private var recent: [String: [String: Tally]] = [:]
    private var thisMonth: [String: [String: Tally]] = [:]

    /// The first day whose assignments the history needs for `day`.
    public static func start(for day: LocalDate) -> LocalDate {
        min(day.yearMonth.firstDay, day.adding(days: -continuityDays))
    }

    /// A history for dispatching `day` from earlier assignments (others are ignored).
    public init(day: LocalDate, entries: [Entry] = []) {
        self.day = day
        let month = day.yearMonth, continuityStart = day.adding(days: -Self.continuityDays)
        for entry in entries where entry.date < day {
            if entry.date >= continuityStart { Self.add(entry, to: &recent) }
            if entry.date.yearMonth == month {
                monthToDate[entry.association, default: 0] += 1
                Self.add(entry, to: &thisMonth)
            }
        }
    }

    /// How often a beneficiary travelled with an association in a period, and when last.
    public struct Usage: Hashable, Sendable {
        public var beneficiary: String
        public var association: String
        public var count: Int
        public var last: LocalDate
        /// Creates a usage row.
        public init(beneficiary: String, association: String, count: Int, last: LocalDate) {
            self.beneficiary = beneficiary
            self.association = association
            self.count = count
            self.last = last
        }
    }

    /// A history from usage already aggregated (as the store reads it): `recent` over the 28
    /// days before `day`, `thisMonth` from the first of `day`'s month to the day before.
    public init(day: LocalDate, recent: [Usage], thisMonth: [Usage]) {
        self.day = day
        for usage in recent { self.recent[usage.beneficiary, default: [:]][usage.association] = Tally(count: usage.count, last: usage.last) }
        for usage in thisMonth {
            self.thisMonth[usage.beneficiary, default: [:]][usage.association] = Tally(count: usage.count, last: usage.last)
            monthToDate[usage.association, default: 0] += usage.count
        }
    }

    private static func add(_ entry: Entry, to table: inout [String: [String: Tally]]) {
        var usage = table[entry.beneficiary, default: [:]][entry.association] ?? Tally(last: entry.date)
        usage.count += 1
        usage.last = max(usage.last, entry.date)
        table[entry.beneficiary, default: [:]][entry.association] = usage
    }

    private static func mostFrequent(_ usages: [String: Tally]?) -> String? {
        usages?.max { a, b in (a.value.count, a.value.last, b.key) < (b.value.count, b.value.last, a.key) }?.key
    }

    /// The association that served the beneficiary most in the last 28 days (ties: the most
    /// recent, then the lowest code), if any.
    public func usualAssociation(of beneficiary: String) -> String? { Self.mostFrequent(recent[beneficiary]) }

    /// The association that served the beneficiary most this month so far, if any.
    public func associationThisMonth(of beneficiary: String) -> String? { Self.mostFrequent(thisMonth[beneficiary]) }
}
