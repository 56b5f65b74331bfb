import CentraleDomain
import Testing
@testable import CentraleTripLogs

/// Km in the trip logs' Italian messages as Italians write them: `.` between thousands and a
/// decimal comma (`1.234,5 km`), in flags, conflicts, reviews and odometer readings. The English
/// keeps the machine form (`1234.5 km`).
@Suite("Trip logs: Italian km with thousands grouped")
struct ItalianKmTextTests {
    @Test("a km flag groups its percentage and its km in Italian, not in English")
    func flag() throws {
        let flag = try #require(KmReconciliation.flag(driven: Distance(metres: 1_234_500), estimated: Distance(metres: 17_800),
                                                      tolerance: KmTolerance(percent: 20, minimum: Distance.kilometres(2))))
        #expect(flag.italian == "+6.835 % (1.234,5 km registrati, 17,8 km stimati)")
        #expect(flag.english == "+6835% (1234.5 km logged, 17.8 km estimated)")
        let under = try #require(KmReconciliation.flag(driven: Distance(metres: 1_000), estimated: Distance(metres: 2_100_000),
                                                       tolerance: KmTolerance(percent: 20, minimum: Distance.kilometres(2))))
        #expect(under.italian == "-100 % (1,0 km registrati, 2.100,0 km stimati)")
    }

    @Test("a log already recorded with other km, and a review paying km, group the thousands")
    func conflictAndReview() {
        let difference = LogProblem.Difference.km(recorded: Distance(metres: 1_234_000), here: Distance(metres: 1_240_500))
        #expect(difference.italian == "km: registrati 1.234,0 km, qui 1.240,5 km")
        #expect(difference.english == "km 1234.0 km recorded, 1240.5 km here")
        #expect(KmReview.km(Distance(metres: 1_234_500)).italian == "1.234,5 km pagati")
        #expect(KmReview.km(Distance(metres: 1_234_500)).english == "1234.5 km paid")
        #expect(LogProblem.odometerEndNotAfterStart(end: Distance(metres: 45_210_000), start: Distance(metres: 45_233_400)).italian
                == "45.210,0 km non è maggiore di km_inizio 45.233,4 km")
    }

    @Test("odometer readings to the metre: grouped, without trailing zeros, the sign kept")
    func exactReadings() {
        #expect(LogProblem.exact(45_210_050) == "45.210,05")
        #expect(LogProblem.exact(45_220_000) == "45.220")
        #expect(LogProblem.exact(999_999) == "999,999")
        #expect(LogProblem.exact(1_000_000_000) == "1.000.000")
        #expect(LogProblem.exact(-500) == "-0,5")
        #expect(LogProblem.exact(0) == "0")
        #expect(!LogProblem.exact(Int.min).isEmpty)
    }
}
