import CentraleDomain
import CentraleRegistry
import Testing
@testable import CentraleSynth

@Suite("Synthetic year")
struct GeneratorTests {
    static let registry = try! Registry.embedded()
    static let year2025 = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: 2025, seed: 2014).generate()

    func generate(seed: UInt64, year: Int = 2025) -> SyntheticYear {
        SyntheticYearGenerator(comuni: Self.registry.comuni, places: Self.registry.places, year: year, seed: seed).generate()
    }

    @Test("the same seed gives the same year; another seed another year")
    func deterministic() {
        let again = generate(seed: 2014)
        #expect(again.requests == Self.year2025.requests)
        #expect(again.beneficiaries.map(\.0) == Self.year2025.beneficiaries.map(\.0))
        #expect(generate(seed: 7).requests != Self.year2025.requests)
    }

    @Test("about 300 people activated in the year (±8%) and 42,500 trips (±5%)", arguments: [2014 as UInt64, 1, 99])
    func calibrated(seed: UInt64) {
        let year = seed == 2014 ? Self.year2025 : generate(seed: seed)
        #expect(year.beneficiaries.count == ProgrammeMix.calibrated.total)
        let activated = year.beneficiaries.filter { $0.0.activatedOn.year == 2025 }.count
        #expect(abs(Double(activated) / 300 - 1) <= 0.08, "activated: \(activated)")
        #expect(abs(Double(year.tripCount) / 42_500 - 1) <= 0.05, "trips: \(year.tripCount)")
    }

    @Test("every trip is on an active day of its beneficiary, in the year, with coherent legs")
    func coherent() {
        let people = Dictionary(uniqueKeysWithValues: Self.year2025.beneficiaries.map { ($0.0.code, $0.0) })
        for legs in Self.year2025.requests {
            #expect((1...2).contains(legs.count))
            for trip in legs {
                let person = people[trip.beneficiary]!
                #expect(person.isActive(on: trip.date))
                #expect(trip.date.year == 2025)
                #expect(trip.needs == person.needs)
            }
            if legs.count == 2 {
                #expect(legs[0].leg == .outbound && legs[1].leg == .return)
                #expect(legs[0].destination == legs[1].pickup && legs[0].pickup == legs[1].destination)
                #expect(legs[1].appointment > legs[0].appointment)
            }
        }
    }

    @Test("dialysis runs three days a week even on holidays; day centres close on holidays and in mid-August")
    func patterns() {
        let holidays = ItalianCalendar.holidays(2025)
        let trips = Self.year2025.requests.flatMap { $0 }
        let dayCentre = trips.filter { $0.purpose == .dayCentre }
        #expect(!dayCentre.isEmpty)
        #expect(dayCentre.allSatisfy { !holidays.contains($0.date) && $0.date.isoWeekday <= 5 })
        #expect(dayCentre.allSatisfy { !($0.date >= LocalDate("2025-08-10")! && $0.date <= LocalDate("2025-08-23")!) })
        let dialysis = trips.filter { $0.purpose == .dialysis && $0.leg == .outbound }
        #expect(dialysis.contains { holidays.contains($0.date) })
        let perPersonWeekdays = Dictionary(grouping: dialysis, by: \.beneficiary).mapValues { Set($0.map(\.date.isoWeekday)) }
        #expect(perPersonWeekdays.values.allSatisfy { $0.count == 3 })
        let august = trips.filter { $0.date.month == 8 }.count, october = trips.filter { $0.date.month == 10 }.count
        #expect(Double(august) < 0.8 * Double(october))
    }

    @Test("Easter Monday and the fixed holidays")
    func holidays() {
        #expect(ItalianCalendar.easter(2025) == LocalDate("2025-04-20"))
        #expect(ItalianCalendar.easter(2026) == LocalDate("2026-04-05"))
        #expect(ItalianCalendar.holidays(2025).contains(LocalDate("2025-04-21")!))
        #expect(ItalianCalendar.holidays(2025).count == 11)
    }

    @Test("codes are unique and pseudonymous")
    func codes() {
        let codes = Self.year2025.beneficiaries.map(\.0.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 6 && $0.hasPrefix("B") })
        let names = Self.year2025.beneficiaries.map(\.1.name)
        #expect(!codes.contains { code in names.contains { $0.contains(code) } })
    }

    @Test("seeded random numbers are reproducible and roughly uniform")
    func seededRandom() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
        var c = SeededRandom(seed: 1)
        let mean = (0..<10_000).reduce(0.0) { acc, _ in acc + c.unit() } / 10_000
        #expect(abs(mean - 0.5) < 0.02)
    }
}
