import Testing
@testable import CentraleDomain

@Suite("The one formatter of scaled integers")
struct ScaledNumberTests {
    @Test("cents as euros, in Italian and machine form")
    func euros() {
        #expect(Money(cents: 123_456).text(.italian) == "1.234,56")
        #expect(Money(cents: 123_456).text(.italianCell) == "1234,56")
        #expect(Money(cents: 123_456).text(.machine) == "1234.56")
        #expect(Money(cents: 5).text(.italian) == "0,05")
        #expect(Money(cents: 0).text(.machine) == "0.00")
        #expect(Money(cents: -5).text(.machine) == "-0.05")
        #expect(Money(cents: -123_456_789).text(.italian) == "-1.234.567,89")
        #expect(Money(cents: 100_000).text(.italian) == "1.000,00")
        #expect(Money(cents: 99_999).text(.italian) == "999,99")
        #expect(Money(cents: -1234).description == "-12.34")
    }

    @Test("metres as km with one decimal, rounded half away from zero, negatives too")
    func kilometres() {
        #expect(Distance(metres: 12_500).kilometresText(.italian) == "12,5")
        #expect(Distance(metres: 12_450).kilometresText(.machine) == "12.5")
        #expect(Distance(metres: 12_449).kilometresText(.machine) == "12.4")
        #expect(Distance(metres: -12_450).kilometresText(.machine) == "-12.5")
        #expect(Distance(metres: -40).kilometresText(.machine) == "0.0")  // rounds to zero: no "-0.0"
        #expect(Distance(metres: 1_234_567).kilometresText(.italian) == "1.234,6")
        #expect(Distance(metres: 1_234_567).wholeKilometresText(.italian) == "1.235")
        #expect(Distance(metres: 499).wholeKilometresText(.machine) == "0")
        #expect(Distance(metres: 23_400).kilometresText == "23.4")
    }

    @Test("basis points as a percentage")
    func percent() {
        #expect(BasisPoints.percentText(9840, digits: 1, form: .italian) == "98,4")
        #expect(BasisPoints.percentText(9845, digits: 1, form: .machine) == "98.5")
        #expect(BasisPoints.percentText(9840, form: .machine) == "98.40")
        #expect(BasisPoints.percentText(-5, form: .machine) == "-0.05")
        #expect(BasisPoints.percentText(7, form: .italian) == "0,07")
    }

    @Test("rates per km keep up to six decimals")
    func rates() {
        #expect(PerKmRate(microEurosPerKm: 550_000).description == "0.55")
        #expect(PerKmRate(microEurosPerKm: 427_500).description == "0.4275")
        #expect(PerKmRate(microEurosPerKm: 427_500).text(.italian) == "0,4275")
        #expect(PerKmRate(microEurosPerKm: 1_000_000).description == "1.00")
        #expect(PerKmRate(microEurosPerKm: -1).description == "-0.000001")
    }

    @Test("every Int, Int.min and Int.max included, is written exactly, without overflow")
    func extremes() {
        #expect(ScaledNumber.text(Int.min, scale: 2, digits: 2, form: .machine) == "-92233720368547758.08")
        #expect(ScaledNumber.text(Int.max, scale: 2, digits: 2, form: .machine) == "92233720368547758.07")
        #expect(ScaledNumber.text(Int.min, scale: 3, digits: 1, form: .italian) == "-9.223.372.036.854.775,8")
        #expect(ScaledNumber.text(Int.max, scale: 3, digits: 0, form: .machine) == "9223372036854776")
        #expect(ScaledNumber.text(Int.min, scale: 18, digits: 0, form: .machine) == "-9")
        #expect(Money(cents: Int.min).text(.italian) == "-92.233.720.368.547.758,08")
    }

    @Test("the formatter agrees with exact decimal arithmetic on many values")
    func agreesWithDivision() {
        var random = SeededRandom(seed: 16)
        for _ in 0..<2000 {
            let value = Int(random.next() % 2_000_000_001) - 1_000_000_000
            let tenths = (abs(value) + 50) / 100  // half away from zero on the magnitude
            let expected = (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
            #expect(ScaledNumber.text(value, scale: 3, digits: 1, form: .machine) == expected)
        }
    }

    @Test("Italian dates")
    func dates() {
        #expect(LocalDate(year: 2025, month: 3, day: 4)!.italianText == "04/03/2025")
        #expect(LocalDate(year: 2025, month: 12, day: 31)!.italianText == "31/12/2025")
    }
}
