import CentraleDomain
import CentraleStore

/// Computes every association's monthly statement of the year and reports the total reimbursed.
public struct StatementsStep: DemoStep {
    public var name: String { "computing the monthly statements" }
    public init() {}

    public func run(_ context: DemoContext, progress: (String) -> Void) throws {
        var total = Money.zero
        for month in (1...12).map({ YearMonth(year: context.year, month: $0)! }) {
            total += try context.store.statements(month: month).reduce(Money.zero) { $0 + $1.total }
        }
        context.summary.reimbursedCents = total.cents
        progress("\(total) € reimbursed over the year")
    }
}
