import CentraleDomain
import CentraleStore

/// Computes and closes every month's statements, then amends one log of a closed month to
/// show the adjustment it makes in the next open month; reports the total reimbursed.
public struct StatementsStep: DemoStep {
    public var name: String { "computing and closing the monthly statements" }
    public init() {}

    public func run(_ context: DemoContext, progress: (String) -> Void) throws {
        var total = Money.zero
        for month in context.endedMonths {
            let closing = try context.store.closeMonth(month, actor: Actor("demo", reason: "month close"))
            total += closing.total
        }
        progress("\(context.endedMonths.count) month\(context.endedMonths.count == 1 ? "" : "s") closed")
        // An amendment after closing: paid as an adjustment in the next open month.
        let january = YearMonth(year: context.year, month: 1)!
        if context.endedMonths.contains(january), let record = try context.store.trips(of: "MIS-SCA", from: january.firstDay, to: january.lastDay).first(where: { $0.trip.status == .done }),
           let log = try context.store.log(of: record.trip.id) {
            let added = Distance(metres: 1_500)
            _ = try context.store.amendLog(trip: record.trip.id, change: { $0.driven = log.driven + added; $0.odometerStart = nil; $0.odometerEnd = nil },
                                           actor: Actor("demo", reason: "detour not logged"))
            progress("trip \(record.trip.id) of \(january) amended after closing: the difference is an adjustment in \(context.year + 1)-01, the next open month")
        }
        context.summary.reimbursedCents = total.cents
        progress("\(total) € reimbursed over the year (closed statements)")
    }
}
