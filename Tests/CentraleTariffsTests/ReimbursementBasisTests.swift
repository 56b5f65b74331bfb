import CentraleDomain
import CentraleFormats
import Testing
@testable import CentraleTariffs

@Suite("A statement's bases, stored in English, read back and shown in Italian")
struct ReimbursementBasisTests {
    static let every: [ReimbursementBasis] = [
        .km(km: "2.3", rate: "0.66", cappedBy: nil), .km(km: "1.8", rate: "0.62", cappedBy: "standard"), .perTrip,
        .waiting(minutes: 95, beyond: 35, free: 60, hours: 1, perHour: "7.50"), .noShow, .cancelledOnSpot, .cancelledLate,
        .indirect(percent: "10.00", direct: "1290.00", cap: nil), .indirect(percent: "10.00", direct: "9000.00", cap: "500.00"),
    ]

    @Test("every basis reads back from the text a statement stores, and is Italian apart from numbers")
    func roundTrip() {
        for basis in Self.every {
            #expect(ReimbursementBasis(stored: basis.english) == basis, "\(basis.english)")
            #expect(basis.italian != basis.english)
        }
        #expect(ReimbursementBasis.km(km: "1.8", rate: "0.62", cappedBy: "standard").italian
                == "1,8 km × 0,62 €/km (al massimo il costo di riferimento dei mezzi ordinari)")
        #expect(ReimbursementBasis.indirect(percent: "10.00", direct: "9000.00", cap: "500.00").italian
                == "10,00 % di 9.000,00 € di voci dirette, al massimo 500,00 €")
        #expect(ReimbursementBasis(stored: "something older") == .other("something older"))
    }

    @Test("the Italian groups thousands in km, rates and euros; the stored English keeps the machine form")
    func thousandsGrouped() {
        let long = ReimbursementBasis(stored: "1234.5 km × 0.62 €/km")
        #expect(long == .km(km: "1234.5", rate: "0.62", cappedBy: nil))
        #expect(long.italian == "1.234,5 km × 0,62 €/km")
        #expect(long.english == "1234.5 km × 0.62 €/km")
        #expect(ReimbursementBasis.km(km: "12345.0", rate: "0.66", cappedBy: "wheelchair").italian
                == "12.345,0 km × 0,66 €/km (al massimo il costo di riferimento dei mezzi attrezzati per carrozzina)")
        #expect(ReimbursementBasis.comma("0.55") == "0,55" && ReimbursementBasis.comma("1234") == "1.234")
        #expect(ReimbursementBasis.comma("-1234.50") == "-1.234,50" && ReimbursementBasis.comma("n/a.1") == "n/a,1")
    }
}
