import CentraleDomain
import CentraleStore

/// Computes and closes every month's statements, then amends one log of a closed month to
/// show the adjustment it makes in the current month; reports the total reimbursed.
public struct StatementsStep: DemoStep {
    public var name: DemoMessage { .closingStatements }
    public init() {}

    public func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws {
        var total = Money.zero
        var unreviewed = 0
        for month in context.endedMonths {
            // The demo does not review its flagged trips: they are closed at the estimate, with the reason audited.
            let closing = try context.store.closeMonth(month, acceptingFlags: true,
                                                       actor: Actor("demo", reason: "demo: flagged km left unreviewed, paid at the estimate"))
            total += closing.total
            unreviewed += closing.unreviewedFlags
        }
        progress(.monthsClosed(context.endedMonths.count, unreviewed: unreviewed))
        // An amendment after closing: paid as an adjustment in the current month.
        let january = YearMonth(year: context.year, month: 1)!
        if context.endedMonths.contains(january), let record = try context.store.trips(of: "MIS-SCA", from: january.firstDay, to: january.lastDay).first(where: { $0.trip.status == .done }),
           let log = try context.store.log(of: record.trip.id) {
            let added = Distance(metres: 1_500)
            _ = try context.store.amendLog(trip: record.trip.id, change: { $0.driven = log.driven + added; $0.odometerStart = nil; $0.odometerEnd = nil },
                                           actor: Actor("demo", reason: "detour not logged"))
            progress(.amendedAfterClosing(trip: record.trip.id, month: january, current: context.store.today().yearMonth))
        }
        context.summary.reimbursedCents = total.cents
        progress(.reimbursed(total))
    }
}
