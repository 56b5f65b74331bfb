import Testing
@testable import CentraleDomain

@Suite("Local dates and times")
struct CalendarTests {
    @Test("ISO and Italian date forms parse to the same day")
    func parsing() {
        #expect(LocalDate("2026-10-05") == LocalDate(year: 2026, month: 10, day: 5))
        #expect(LocalDate("05/10/2026") == LocalDate(year: 2026, month: 10, day: 5))
        #expect(LocalDate("2025-02-29") == nil)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2026-1-5") == nil)
        #expect(LocalDate("5/10/26") == nil)
        #expect(LocalDate("2026-10-05x") == nil)
        // Ten bytes in the ISO shape that are not a date (read by the byte-level path).
        #expect(LocalDate("0000-01-01") == nil && LocalDate("2026-13-01") == nil && LocalDate("2026-1a-05") == nil)
        #expect(LocalDate("2026-10-05"[...]) == LocalDate(year: 2026, month: 10, day: 5))
    }

    @Test("days since epoch round-trip over four centuries")
    func epochRoundTrip() {
        for days in stride(from: -146_097, through: 146_097, by: 17) {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
    }

    @Test("weekdays")
    func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 22)!.isoWeekday == 7) // a Sunday
        #expect(LocalDate(year: 2025, month: 1, day: 1)!.isoWeekday == 3)   // a Wednesday
        #expect(LocalDate(year: 1969, month: 12, day: 29)!.isoWeekday == 1) // a Monday, before the epoch
    }

    @Test("months")
    func months() {
        #expect(YearMonth("2025-02")!.days.count == 28)
        #expect(YearMonth("2024-12")!.next == YearMonth("2025-01"))
        #expect(YearMonth("2025-13") == nil)
        #expect(LocalDate("2025-10-31")!.yearMonth.description == "2025-10")
    }

    @Test("times of day")
    func times() {
        #expect(LocalTime("08:30")?.minutes == 510)
        #expect(LocalTime("8.30")?.minutes == 510)
        #expect(LocalTime("24:00") == nil)
        #expect(LocalTime(minutes: 1439)?.description == "23:59")
    }
}

@Suite("Money and distances")
struct UnitsTests {
    @Test("money prints as euros with two decimals")
    func money() {
        #expect(Money(cents: 95_865_000).description == "958650.00")
        #expect(Money(cents: 5).description == "0.05")
        #expect(Money(cents: -1234).description == "-12.34")
        #expect(Money(cents: 100) + Money(cents: 23) == Money(cents: 123))
    }

    @Test("distances print as km with one decimal")
    func distance() {
        #expect(Distance(metres: 23_449).description == "23.4 km")
        #expect(Distance(metres: 23_450).description == "23.5 km")
        #expect(PerKmRate(microEurosPerKm: 550_000).description == "0.55")
        #expect(PerKmRate(microEurosPerKm: 427_500).description == "0.4275")
    }
}

@Suite("Road distance estimate")
struct GeoTests {
    let careggi = Coordinate(latitude: 43.8025, longitude: 11.2470)
    let scandicci = Coordinate(latitude: 43.7550, longitude: 11.1890)

    @Test("great-circle distance matches a known value")
    func greatCircle() {
        // One degree of latitude is about 111.2 km on the mean sphere.
        let metres = RoadDistanceEstimator.greatCircleMetres(Coordinate(latitude: 43, longitude: 11), Coordinate(latitude: 44, longitude: 11))
        #expect(abs(metres - 111_195) < 5)
    }

    @Test("road distance is the great circle times the circuity, in whole metres")
    func circuity() {
        let straight = RoadDistanceEstimator(circuity: 1).roadDistance(careggi, scandicci)
        let road = RoadDistanceEstimator(circuity: 1.3).roadDistance(careggi, scandicci)
        #expect((6_900...7_100).contains(straight.metres))
        #expect(abs(Double(road.metres) - Double(straight.metres) * 1.3) <= 1)
        #expect(RoadDistanceEstimator(circuity: 1.3).roadDistance(careggi, careggi) == .zero)
    }

    @Test("a path's distance is the sum of its legs and symmetric legs are equal")
    func path() {
        let estimator = RoadDistanceEstimator(circuity: 1.3)
        #expect(estimator.roadDistance(careggi, scandicci) == estimator.roadDistance(scandicci, careggi))
        #expect(estimator.roadDistance(along: [careggi, scandicci, careggi]).metres == 2 * estimator.roadDistance(careggi, scandicci).metres)
    }
}

@Suite("Vehicles and beneficiaries")
struct FleetTests {
    @Test("a vehicle carries only what it is equipped for", arguments: [
        (Vehicle(plate: "A", seats: 4, wheelchairPlaces: 0, stretcher: false), Needs.wheelchair, false),
        (Vehicle(plate: "A", seats: 4, wheelchairPlaces: 0, stretcher: false), Needs.escort, true),
        (Vehicle(plate: "A", seats: 1, wheelchairPlaces: 0, stretcher: false), Needs.escort, false),
        (Vehicle(plate: "A", seats: 0, wheelchairPlaces: 1, stretcher: false), Needs.wheelchair, true),
        (Vehicle(plate: "A", seats: 0, wheelchairPlaces: 1, stretcher: false), Needs([.wheelchair, .escort]), false),
        (Vehicle(plate: "A", seats: 3, wheelchairPlaces: 1, stretcher: true), Needs.stretcher, true),
        (Vehicle(plate: "A", seats: 5, wheelchairPlaces: 1, stretcher: false), Needs.stretcher, false),
        (Vehicle(plate: "A", seats: 5, wheelchairPlaces: 1, stretcher: false, active: false), Needs(), false),
    ])
    func carries(vehicle: Vehicle, needs: Needs, expected: Bool) {
        #expect(vehicle.canCarry(needs) == expected)
    }

    @Test("vehicle class: stretcher, then wheelchair, then standard")
    func vehicleClass() {
        #expect(Vehicle(plate: "A", seats: 3, wheelchairPlaces: 1, stretcher: true).vehicleClass == .stretcher)
        #expect(Vehicle(plate: "A", seats: 3, wheelchairPlaces: 1, stretcher: false).vehicleClass == .wheelchair)
        #expect(Vehicle(plate: "A", seats: 3, wheelchairPlaces: 0, stretcher: false).vehicleClass == .standard)
    }

    @Test("needs parse and print")
    func needs() {
        #expect(Needs(parsing: "wheelchair+escort") == [.wheelchair, .escort])
        #expect(Needs(parsing: "") == [])
        #expect(Needs(parsing: "jetpack") == nil)
        #expect(Needs([.stretcher, .wheelchair]).description == "wheelchair+stretcher")
    }

    @Test("a beneficiary is active from activation to closing, both included")
    func activity() {
        let b = Beneficiary(code: "B1", comune: "048041", needs: [], activatedOn: LocalDate("2025-03-01")!,
                            closedOn: LocalDate("2025-06-30")!, referredBy: .pua)
        #expect(!b.isActive(on: LocalDate("2025-02-28")!))
        #expect(b.isActive(on: LocalDate("2025-03-01")!))
        #expect(b.isActive(on: LocalDate("2025-06-30")!))
        #expect(!b.isActive(on: LocalDate("2025-07-01")!))
    }

    @Test("trip status moves only along the allowed paths")
    func statusMachine() {
        #expect(TripStatus.pending.canMove(to: .assigned))
        #expect(TripStatus.assigned.canMove(to: .done))
        #expect(!TripStatus.done.canMove(to: .pending))
        #expect(!TripStatus.cancelled.canMove(to: .assigned))
        #expect(!TripStatus.pending.canMove(to: .done))
    }
}

@Suite("Times as spreadsheets write them")
struct SpreadsheetTimeTests {
    @Test("HH:MM:SS as Excel saves it is read to the minute; malformed times are refused")
    func seconds() {
        #expect(LocalTime("07:38:00") == LocalTime("07:38"))
        #expect(LocalTime("7:38:59") == LocalTime("07:38"))
        #expect(LocalTime("07.38") == LocalTime("07:38"))
        for bad in ["08::05", "07:38:60", "07:38:0", "7:5", "24:00", "07:38:00:00", "-1:30", "07: 38", ""] {
            #expect(LocalTime(bad) == nil, "\(bad)")
        }
    }
}

@Suite("Folding text for lookups")
struct TextFoldingTests {
    @Test("case and every diacritic go, with Foundation's folding (not a list of ten vowels)")
    func folds() {
        #expect(TextFolding.fold("Niccolò BELLÈ") == "niccolo belle")
        #expect(TextFolding.fold("Çeşme Ñandú Ångström Über") == "cesme nandu angstrom uber")
        #expect(TextFolding.fold("D'Àmbrosio") == "d'ambrosio")
    }
}

@Suite("Volunteers' shifts and rules")
struct VolunteerRulesTests {
    @Test("a pattern reads day ranges and Italian names, and is written back with consecutive days joined")
    func pattern() throws {
        let pattern = try #require(ShiftPattern(parsing: "lun-ven 07:00-13:00, sab 08:00-12:00, wed 14:00-18:00"))
        #expect(pattern.description == "mon-fri 07:00-13:00, wed 14:00-18:00, sat 08:00-12:00")
        #expect(ShiftPattern(parsing: pattern.description) == pattern)
        let monday = LocalDate("2025-03-03")!
        #expect(pattern.covers(monday, from: LocalTime("07:00")!, to: LocalTime("13:00")!))
        #expect(!pattern.covers(monday, from: LocalTime("06:50")!, to: LocalTime("08:00")!))
        #expect(!pattern.covers(monday.adding(days: 6), from: LocalTime("08:00")!, to: LocalTime("09:00")!))
        #expect(ShiftPattern(parsing: "monday 9-12") == nil)
        #expect(ShiftPattern(parsing: "ven-lun 08:00-12:00") == nil)
        #expect(ShiftPattern(parsing: "mon 12:00-08:00") == nil)
    }

    @Test("a driver needs a licence, 21 years, insurance, the trip's qualifications, no absence and a shift covering the trip")
    func driver() {
        let day = LocalDate("2025-03-03")!
        let stop = Stop(label: "x", comune: "048041", location: Coordinate(latitude: 43.7, longitude: 11.2))
        let trip = TripRequest(id: 1, beneficiary: "B", date: day, pickup: stop, destination: stop, appointment: LocalTime("09:00")!,
                               needs: .wheelchair, purpose: .visit)
        var v = Volunteer(association: "A", code: "V1", licenceCategory: "B", licenceExpiry: LocalDate("2030-01-01"), birthYear: 1990,
                          insurancePolicy: "P", insuredUntil: LocalDate("2025-12-31"), qualifications: .wheelchair,
                          shifts: ShiftPattern(parsing: "mon 08:00-12:00")!)
        let window = VolunteerRules.window(of: trip, estimated: Distance(metres: 20_000), averageSpeedKmh: 40)
        #expect(window.start == LocalTime("08:20")! && window.end == LocalTime("09:00")!)
        #expect(VolunteerRules.driverProblems(v, trip: trip, window: window).isEmpty)
        v.birthYear = 2005
        v.licenceExpiry = LocalDate("2025-03-02")
        v.insuredUntil = nil
        v.qualifications = .escort
        v.absences = [Absence(from: day, to: day, reason: "ferie")]
        let problems = VolunteerRules.driverProblems(v, trip: trip, window: window)
        #expect(problems.count == 5)
        #expect(problems.contains { $0.english.contains("licence expired on 2025-03-02") })
        #expect(problems.contains { $0.english.contains("under 21") })
        #expect(problems.contains { $0.english.contains("no insurance") })
        #expect(problems.contains { $0.english.contains("not qualified for wheelchair") })
        #expect(problems.contains { $0.english.contains("absent") })
    }
}

@Suite("Italian names")
struct ItalianNamesTests {
    @Test("a purpose from its Italian name or code, any case, spaces or underscores, and the offices' synonyms; nothing else")
    func purposes() {
        for purpose in TripPurpose.allCases {
            #expect(TripPurpose(italianOrCode: purpose.italianName.uppercased()) == purpose)
            #expect(TripPurpose(italianOrCode: purpose.rawValue) == purpose)
        }
        #expect(TripPurpose(italianOrCode: "centro_diurno") == .dayCentre && TripPurpose(italianOrCode: " Day Centre ") == .dayCentre)
        #expect(TripPurpose(italianOrCode: "fisioterapia") == .rehabilitation && TripPurpose(italianOrCode: "visite") == .visit)
        #expect(TripPurpose(italianOrCode: "gita") == nil && TripPurpose(italianOrCode: "") == nil)
    }
}
