import Testing
import Foundation
import CentraleDomain
import CentraleFormats
@testable import CentraleRegistry

@Suite("Registry")
struct RegistryTests {
    @Test("the built-in registry holds the zone's 8 comuni, 26 associations and a convention")
    func embedded() throws {
        let registry = try Registry.embedded()
        #expect(registry.zoneComuni.map(\.name).sorted() == [
            "Calenzano", "Campi Bisenzio", "Fiesole", "Lastra a Signa", "Scandicci", "Sesto Fiorentino", "Signa", "Vaglia",
        ])
        #expect(registry.comuni.first { $0.name == "Scandicci" }?.istatCode == "048041")
        #expect(registry.associations.count == 26)
        #expect(Set(registry.associations.map(\.kind)) == Set(AssociationKind.allCases))
        #expect(registry.associations.reduce(0) { $0 + $1.shareBasisPoints } == 10_000)
        #expect(registry.associations.allSatisfy { !$0.vehicles.isEmpty })
        #expect(Set(registry.places.map(\.kind)).isSuperset(of: [.hospital, .dialysis, .rehabilitation, .dayCentre]))
        let tariff = try #require(registry.convention.tariff(on: LocalDate(year: 2025, month: 6, day: 1)!))
        #expect(tariff.kmRate == PerKmRate(microEurosPerKm: 660_000))
        #expect(tariff.insurancePerTrip == Money(cents: 240))
        #expect(registry.convention.rules.maxRideMinutes == 60)
    }

    func texts(replacing file: Registry.File, with text: String) -> [Registry.File: String] {
        var texts = EmbeddedRegistry.texts
        texts[file] = text
        return texts
    }

    func errors(_ texts: [Registry.File: String]) -> [String] {
        do {
            _ = try Registry.decode(texts, folder: "data")
            return []
        } catch let e as FieldErrors {
            return e.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("a wrong type in convention.toml names file, line and key")
    func badConventionType() {
        let broken = EmbeddedRegistry.texts[.convention]!.replacingFirst("km_rate = 0.66", with: "km_rate = \"cheap\"")
        let found = errors(texts(replacing: .convention, with: broken))
        let line = lineNumber(of: "km_rate = \"cheap\"", in: broken)
        #expect(found == ["data/convention.toml:\(line): tariff[1].km_rate: expected a number (euros per km), found a string"])
    }

    @Test("a misspelt key in convention.toml is reported, not ignored")
    func unknownKey() {
        let broken = EmbeddedRegistry.texts[.convention]!.replacingFirst("insurance_per_trip", with: "insurance_per_trp")
        let found = errors(texts(replacing: .convention, with: broken))
        #expect(found.count == 2)
        #expect(found.contains { $0.contains("tariff[1].insurance_per_trip: is missing") })
        #expect(found.contains { $0.contains("tariff[1].insurance_per_trp: unknown key") })
    }

    @Test("the shared-ride planning section: its values are read, and a bad time or shift is refused with its line")
    func planningSection() throws {
        let convention = try Registry.embedded().convention
        #expect(convention.planning == PlanningRules(averageSpeedKmh: 40, boardingMinutes: 3, wheelchairBoardingMinutes: 8,
                                                     shiftStart: LocalTime("06:00")!, shiftEnd: LocalTime("20:00")!))
        let badTime = EmbeddedRegistry.texts[.convention]!.replacingFirst("shift_start = \"06:00\"", with: "shift_start = \"6h\"")
        #expect(errors(texts(replacing: .convention, with: badTime)) == [
            "data/convention.toml:\(lineNumber(of: "shift_start = \"6h\"", in: badTime)): planning.shift_start: '6h' is not a time; write it as \"HH:MM\"",
        ])
        let backwards = EmbeddedRegistry.texts[.convention]!.replacingFirst("shift_end = \"20:00\"", with: "shift_end = \"05:00\"")
        let found = errors(texts(replacing: .convention, with: backwards))
        #expect(found.count == 1 && found[0].contains("planning.shift_end: must be after shift_start (06:00)"), "\(found)")
    }

    @Test("a syntax error in convention.toml names its line")
    func syntaxError() {
        let broken = EmbeddedRegistry.texts[.convention]!.replacingFirst("[service]", with: "[service")
        let line = lineNumber(of: "[service", in: broken)
        #expect(errors(texts(replacing: .convention, with: broken)) == [
            "data/convention.toml:\(line): expected ']' to close the table header",
        ])
    }

    @Test("every bad row of the CSV files is reported at once")
    func badCSVRows() {
        var t = EmbeddedRegistry.texts
        t[.comuni] = t[.comuni]!.replacingFirst("048005,Calenzano,17930", with: "48005,Calenzano,many")
        t[.vehicles] = t[.vehicles]! + "ZZ999ZZ,NOPE,4,0,false,maybe\n"
        let found = errors(t)
        #expect(found.contains { $0.hasPrefix("data/comuni.csv:") && $0.contains(": istat_code: '48005' is not a six-digit ISTAT code") })
        #expect(found.contains { $0.contains(": population: 'many' is not a whole number") })
        #expect(found.contains { $0.hasPrefix("data/vehicles.csv:") && $0.contains("association: 'NOPE' is not a code") })
        #expect(found.contains { $0.contains("active: 'maybe' is not true or false") })
    }

    @Test("shares that do not add up to 100% are refused")
    func sharesTotal() {
        let broken = EmbeddedRegistry.texts[.associations]!.replacingFirst(",12,3.81", with: ",12,3.82")
        #expect(errors(texts(replacing: .associations, with: broken)).first?.contains("the shares add up to 100.01%") == true)
    }

    @Test("shares that do not add up to 100% give one error, not one per vehicle")
    func sharesAlone() {
        let associations = EmbeddedRegistry.texts[.associations]!.replacingOccurrences(of: ",12,3.81", with: ",12,3.82")
        let problems = errors(texts(replacing: .associations, with: associations))
        #expect(problems.count == 1 && problems[0].contains("add up to"), "\(problems)")
    }

    @Test("numbers beyond any integer are refused with file, line and field, never a crash")
    func hugeNumbers() throws {
        let convention = EmbeddedRegistry.texts[.convention]!
        for (old, huge) in [("km_rate = 0.66", "km_rate = 9223372036854.775808"), ("km_rate = 0.66", "km_rate = 99999999999999999999999"),
                            ("max_ride_minutes = 60", "max_ride_minutes = 9223372036854775808"),
                            ("insurance_per_trip = 2.40", "insurance_per_trip = 92233720368547758.08")] {
            let problems = errors(texts(replacing: .convention, with: convention.replacingOccurrences(of: old, with: huge)))
            let key = String(old.split(separator: " ")[0])
            #expect(problems.contains { $0.contains("convention.toml:") && $0.contains(key) }, "\(huge): \(problems)")
        }
        let associations = EmbeddedRegistry.texts[.associations]!
        let huge = associations.replacingOccurrences(of: "Calenzano\",048005 048046,12,3.81", with: "Calenzano\",048005 048046,99999999999999999999,92233720368547758.08")
        #expect(huge != associations)
        let problems = errors(texts(replacing: .associations, with: huge))
        #expect(problems.contains { $0.contains("associations.csv:") && $0.contains("daily_capacity") }, "\(problems)")
        #expect(problems.contains { $0.contains("associations.csv:") && $0.contains("share") }, "\(problems)")
    }
}

func lineNumber(of needle: String, in text: String) -> Int {
    (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
