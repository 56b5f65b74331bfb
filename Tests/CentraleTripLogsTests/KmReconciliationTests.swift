import CentraleDomain
import Testing
@testable import CentraleTripLogs

@Suite("Km reconciliation: implausible km and what is paid")
struct KmReconciliationTests {
    let km = Distance.kilometres

    @Test("implausible km (over 3× the estimate and over 20 km above it) are flagged even within a very wide tolerance")
    func implausible() {
        let wide = KmTolerance(percent: 1_000, minimum: Distance.kilometres(100))
        #expect(KmReconciliation.isImplausible(driven: km(40), estimated: km(10)))
        #expect(KmReconciliation.flag(driven: km(40), estimated: km(10), tolerance: wide) != nil)
        // Over 3× but only 14 km above: a short trip, within the wide tolerance.
        #expect(!KmReconciliation.isImplausible(driven: km(20), estimated: km(6)))
        #expect(KmReconciliation.flag(driven: km(20), estimated: km(6), tolerance: wide) == nil)
        // Over 20 km above but under 3×.
        #expect(!KmReconciliation.isImplausible(driven: km(70), estimated: km(30)))
    }

    @Test("a flagged trip is paid at the estimate capped at the logged km until reviewed, then as the review decided")
    func payable() {
        #expect(KmReconciliation.payable(driven: km(90), estimated: km(30), flagged: false, review: nil) == km(90))
        #expect(KmReconciliation.payable(driven: km(90), estimated: km(30), flagged: true, review: nil) == km(30))
        #expect(KmReconciliation.payable(driven: km(10), estimated: km(30), flagged: true, review: nil) == km(10))
        #expect(KmReconciliation.payable(driven: km(90), estimated: km(30), flagged: true, review: .accept) == km(90))
        #expect(KmReconciliation.payable(driven: km(90), estimated: km(30), flagged: true, review: .useEstimate) == km(30))
        #expect(KmReconciliation.payable(driven: km(10), estimated: km(30), flagged: true, review: .useEstimate) == km(10))
        #expect(KmReconciliation.payable(driven: km(90), estimated: km(30), flagged: true, review: .km(km(45))) == km(45))
        #expect(KmReconciliation.payable(driven: km(90), estimated: km(30), flagged: true, review: .km(km(120))) == km(90))
        #expect(KmReview(name: "km", km: km(45)) == .km(km(45)))
        #expect(KmReview(name: "estimate", km: nil) == .useEstimate)
    }

    @Test("a review's stored label reads back as the decision, and is said in Italian")
    func labels() {
        for review in [KmReview.accept, .useEstimate, .km(Distance(metres: 12_300))] {
            #expect(KmReview(label: review.label) == review, "\(review.label)")
        }
        #expect(KmReview(label: "not reviewed") == nil && KmReview(label: "x km paid") == nil)
        #expect(KmReview.km(Distance(metres: 12_000)).italian == "12,0 km pagati")
    }
}
