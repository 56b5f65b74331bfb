import CentraleDomain
import Testing
@testable import CentraleReport

@Suite("Monitoring report: beneficiaries' comings and goings")
struct PeopleFiguresTests {
    static func person(_ code: String, active: String, closed: String? = nil, until: String? = nil, suspended: [String] = []) -> Beneficiary {
        var p = Beneficiary(code: code, comune: "001001", needs: [], activatedOn: LocalDate(active)!, closedOn: closed.flatMap { LocalDate($0) },
                            referredBy: .pua)
        if let until {
            p.authorisations = [Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate(active)!, validUntil: LocalDate(until)!)]
        }
        p.suspensions = suspended.map { Suspension(from: LocalDate($0)!, to: LocalDate($0)!.adding(days: 10), reason: "ricovero") }
        return p
    }

    @Test("activations, suspensions and closings in the month and the year; expiring next month; active without a trip for 60 days")
    func counts() {
        var input = ReportInput(month: YearMonth("2025-03")!, facts: [], beneficiaries: [
            Self.person("A", active: "2025-03-05", until: "2025-04-30"),                                   // activated this month, expires next
            Self.person("B", active: "2025-01-10", until: "2025-12-31", suspended: ["2025-02-01", "2025-03-20"]),
            Self.person("C", active: "2024-06-01", closed: "2025-03-15"),                                  // closed this month
            Self.person("D", active: "2024-06-01", closed: "2025-01-31"),                                  // closed earlier this year
            Self.person("E", active: "2024-01-01", until: "2025-04-01"),                                   // no trip since December: 60+ days
            Self.person("F", active: "2024-12-01", closed: "2024-12-31"),                                  // closed last year
        ], comuni: [], associations: [], reimbursed: [:], placeNames: [:])
        // G's authorisation ends in April but is already renewed: not expiring.
        var renewed = Self.person("G", active: "2025-01-01", until: "2025-04-15")
        renewed.authorisations.append(Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate("2025-04-16")!, validUntil: LocalDate("2026-04-15")!))
        input.beneficiaries.append(renewed)
        input.lastTrips = ["A": LocalDate("2025-03-20")!, "B": LocalDate("2025-03-18")!, "E": LocalDate("2024-12-20")!]
        let p = ReportBuilder.build(input).people
        #expect((p.activationsMonth, p.activationsYearToDate) == (1, 3))
        #expect((p.suspensionsMonth, p.suspensionsYearToDate) == (1, 2))
        #expect((p.closingsMonth, p.closingsYearToDate) == (1, 2))
        // B's suspension (20th–30th) is over by the 31st; its authorisation runs to December.
        #expect(p.expiringNextMonth == 2)   // A and E
        #expect(p.withoutTrip60Days == 2)   // E, and G (activated on 1 January, no trip)
    }
}
