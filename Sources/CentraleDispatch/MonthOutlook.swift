import CentraleDomain

/// The engine's view of the rest of a month from a table of trips by day: each beneficiary's
/// trips from a day to the month's end, and the first of them (for the month's roster). The
/// store computes the same from the database; the benchmark and tests from memory.
public struct MonthOutlook: Sendable {
    /// Trips per beneficiary from the day to the end of its month, that day included.
    public var counts: [String: Int] = [:]
    /// The first of those trips per beneficiary.
    public var samples: [String: DispatchTrip] = [:]

    /// The outlook from `date` over `trips` (by day).
    public init(from date: LocalDate, trips: [LocalDate: [DispatchTrip]]) {
        for day in date.yearMonth.days where day >= date {
            for trip in trips[day] ?? [] {
                counts[trip.beneficiary, default: 0] += 1
                if samples[trip.beneficiary] == nil { samples[trip.beneficiary] = trip }
            }
        }
    }
}
