import CentraleDomain
import Foundation
import Testing
@testable import CentraleStore

/// A statement or report of a month that has not begun (after today's month, Europe/Rome) is
/// refused; the current month's is allowed, provisional.
@Suite("Statements and reports of a month not begun")
struct FutureMonthTests {
    /// 31 January 2027, 23:30 UTC: already 1 February in Rome.
    static let lateJanuary: @Sendable () -> Date = { ISO8601DateFormatter().date(from: "2027-01-31T23:30:00Z")! }

    @Test("a month after the current one (Rome time) is refused in both languages; the current one is provisional")
    func refused() throws {
        let dir = try TemporaryDirectory()
        let (store, _) = try loadedStore(dir, clock: Self.lateJanuary)
        let march = YearMonth(year: 2027, month: 3)!, february = YearMonth(year: 2027, month: 2)!
        let today = LocalDate(year: 2027, month: 2, day: 1)!
        #expect(throws: StoreError.refused(.month(.notBegun(march, today: today)))) { try store.documentStatus(month: march) }
        #expect(throws: StoreError.refused(.month(.notBegun(march, today: today)))) { try store.requireBegun(march) }
        // In Rome it is already February: February is the current month, provisional.
        guard case .provisional = try store.documentStatus(month: february) else {
            Issue.record("the current month's status is not provisional")
            return
        }
        try store.requireBegun(YearMonth(year: 2026, month: 12)!)
        let refusal = MonthRefusal.notBegun(march, today: today)
        #expect(refusal.italian.hasPrefix("marzo 2027 non è ancora cominciato: oggi è il 01/02/2027, ora di Roma."), "\(refusal.italian)")
        #expect(refusal.italian.contains("del mese in corso (febbraio 2027, provvisorio)"), "\(refusal.italian)")
        #expect(refusal.english.hasPrefix("2027-03 has not begun yet: today is 2027-02-01, Europe/Rome."), "\(refusal.english)")
    }
}
