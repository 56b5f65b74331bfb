import CentraleDomain
import Testing
@testable import CentraleReport

@Suite("Monitoring report")
struct ReportBuilderTests {
    static let a = Comune(istatCode: "001001", name: "Alfa", population: 1000, centroid: Coordinate(latitude: 43.8, longitude: 11.2))
    static let b = Comune(istatCode: "001002", name: "Beta", population: 2000, centroid: Coordinate(latitude: 43.8, longitude: 11.3))
    static let x = Association(code: "X", name: "Ics", kind: .misericordia, baseComune: "001001", base: a.centroid, baseAddress: "", serves: ["001001"],
                               dailyCapacity: 5, shareBasisPoints: 6000)
    static let y = Association(code: "Y", name: "Ipsilon", kind: .auser, baseComune: "001002", base: b.centroid, baseAddress: "", serves: ["001002"],
                               dailyCapacity: 5, shareBasisPoints: 4000)

    static func fact(_ id: Int64, _ date: String, _ status: TripStatus, leg: TripLeg = .outbound, purpose: TripPurpose = .dialysis,
                     comune: Comune = a, beneficiary: String, association: String?, driven: Int? = nil, estimated: Int? = nil,
                     reason: String? = nil, appointment: Int = 540, pickedUp: Int? = nil, droppedOff: Int? = nil, flag: String? = nil) -> TripFact {
        TripFact(id: id, date: LocalDate(date)!, status: status, reason: reason, purpose: purpose, leg: leg, destination: "DIA-X",
                 serviceComune: comune.istatCode, beneficiary: beneficiary, association: association, driven: driven, estimated: estimated,
                 flag: flag, appointment: appointment, pickedUp: pickedUp, droppedOff: droppedOff)
    }

    static let input = ReportInput(
        month: YearMonth("2025-03")!,
        facts: [
            fact(1, "2025-03-03", .done, beneficiary: "B1", association: "X", driven: 10_000, estimated: 9_000, pickedUp: 515, droppedOff: 530),
            fact(2, "2025-03-03", .done, leg: .return, beneficiary: "B1", association: "X", driven: 10_000, estimated: 9_000, pickedUp: 560, droppedOff: 580),
            fact(3, "2025-03-04", .noShow, purpose: .visit, comune: b, beneficiary: "B2", association: "Y", driven: 3_000, estimated: 3_000),
            fact(4, "2025-03-05", .unassignable, purpose: .visit, beneficiary: "B3", association: nil, reason: "no association serves comune 001003"),
            fact(5, "2025-03-06", .cancelled, purpose: .visit, comune: b, beneficiary: "B2", association: "Y", reason: "not needed"),
            fact(6, "2025-02-10", .done, beneficiary: "B1", association: "X", driven: 5_000, estimated: 5_000, flag: "+30%"),
        ],
        beneficiaries: [
            Beneficiary(code: "B1", comune: "001001", needs: [], activatedOn: LocalDate("2024-11-01")!, referredBy: .pua),
            Beneficiary(code: "B2", comune: "001002", needs: [], activatedOn: LocalDate("2025-03-01")!, referredBy: .pua),
            Beneficiary(code: "B3", comune: "001001", needs: [], activatedOn: LocalDate("2025-02-15")!, referredBy: .pua),
        ],
        comuni: [a, b], associations: [x, y],
        reimbursed: [YearMonth("2025-03")!: Money(cents: 10_000), YearMonth("2025-02")!: Money(cents: 5_000)],
        placeNames: ["DIA-X": "Dialisi X"])

    @Test("the month's figures, computed by hand")
    func month() {
        let r = ReportBuilder.build(Self.input, associationTotals: ["X": Money(cents: 7_000), "Y": Money(cents: 3_000)])
        let f = r.current
        #expect((f.requested, f.assigned, f.done, f.noShow, f.cancelled, f.unassignable) == (5, 4, 2, 1, 1, 1))
        #expect((f.logged, f.loggedMetres, f.estimatedMetres) == (3, 23_000, 21_000))
        #expect(f.reimbursedCents == 10_000)
        #expect(f.costPerTripCents == 3_333)    // 100.00 € / 3 logged trips
        #expect(f.costPerKmCents == 435)        // 100.00 € / 23 km
        #expect((f.activeBeneficiaries, f.newBeneficiaries) == (2, 1))
        #expect(f.onTimeBasisPoints == 5_000)   // the outbound arrived by 09:00; the return was picked up 20 min after the ready time
        #expect(f.flagged == 0)
        #expect(r.unassignableReasons.map(\.label) == ["no association serves comune 001003"])
        #expect(r.comuni.map(\.trips) == [3, 1])
        #expect(r.comuni.map(\.per1000Hundredths) == [300, 50]) // 3 per 1,000 in Alfa, 0.5 in Beta
        #expect(r.associations.map(\.trips) == [2, 2])
        #expect(r.associations.map(\.shareBasisPoints) == [5_000, 5_000])
        #expect(r.associations.map(\.conventionBasisPoints) == [6_000, 4_000])
        #expect(r.associations.map(\.reimbursedCents) == [7_000, 3_000])
        #expect(r.purposes.map { "\($0.key)=\($0.trips)" } == ["visit=3", "dialysis=2"])
        #expect(r.destinations.map { "\($0.label)=\($0.trips)" } == ["Dialisi X=4"])
        #expect(r.anomalies.isEmpty)
    }

    @Test("year to date, trend, projection and the comparison with the year before")
    func year() {
        let r = ReportBuilder.build(Self.input)
        #expect((r.yearToDate.requested, r.yearToDate.done, r.yearToDate.reimbursedCents, r.yearToDate.flagged) == (6, 3, 15_000, 1))
        #expect(r.yearToDate.newBeneficiaries == 2)
        #expect(r.trend.map(\.period) == ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11",
                                          "2024-12", "2025-01", "2025-02", "2025-03"])
        #expect(r.trend.map(\.requested).suffix(2) == [1, 5])
        #expect(r.sameMonthLastYear == nil)
        #expect(r.projection == .init(trips: 24, loggedMetres: 112_000, reimbursedCents: 60_000, method: "linear"))

        var withLastYear = Self.input
        withLastYear.facts += [Self.fact(10, "2024-03-05", .done, beneficiary: "B1", association: "X", driven: 1_000),
                               Self.fact(11, "2024-07-05", .done, beneficiary: "B1", association: "X", driven: 1_000),
                               Self.fact(12, "2024-07-06", .done, beneficiary: "B1", association: "X", driven: 1_000)]
        let seasonal = ReportBuilder.build(withLastYear)
        #expect(seasonal.sameMonthLastYear?.requested == 1)
        // This year so far: 6 trips against 1 a year before; last year's 2 remaining trips × 6.
        #expect(seasonal.projection.method == "seasonal")
        #expect(seasonal.projection.trips == 6 + 12)
    }
}
