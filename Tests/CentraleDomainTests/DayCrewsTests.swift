import CentraleDomain
import Testing

/// An association's means of a day from its volunteers' shifts, absences and vehicles.
@Suite("Day crews")
struct DayCrewsTests {
    static let association = Association(
        code: "MIS", name: "Misericordia", kind: .misericordia, baseComune: "048043",
        base: Coordinate(latitude: 43.83, longitude: 11.2), baseAddress: "", serves: ["048043"],
        dailyCapacity: 20, shareBasisPoints: 10_000,
        vehicles: [Vehicle(plate: "AA111AA", seats: 3, wheelchairPlaces: 0, stretcher: false),
                   Vehicle(plate: "BB222BB", seats: 2, wheelchairPlaces: 1, stretcher: true),
                   Vehicle(plate: "CC333CC", seats: 3, wheelchairPlaces: 0, stretcher: false, active: false)])
    static let monday = LocalDate("2025-03-03")!
    static let planning = PlanningRules()

    static func volunteer(_ code: String, _ shifts: String, qualifications: Needs = [], licenceExpiry: String = "2030-01-31",
                          absences: [Absence] = []) -> Volunteer {
        Volunteer(association: "MIS", code: code, licenceCategory: "B", licenceExpiry: LocalDate(licenceExpiry), birthYear: 1960,
                  insurancePolicy: "POL", insuredUntil: LocalDate("2030-12-31"), qualifications: qualifications,
                  shifts: ShiftPattern(parsing: shifts)!, absences: absences)
    }

    @Test("without volunteers the convention's declared day holds: every vehicle in service all day, the declared capacity")
    func declared() {
        let day = DayCrews.of(Self.association, volunteers: [], offTheRoad: ["AA111AA"], on: Self.monday, planning: Self.planning)
        #expect(day.source == .declared)
        #expect(day.crews.map(\.plate) == ["BB222BB"], "the inactive vehicle and the one off the road do not run")
        #expect(day.crews.allSatisfy { $0.start == Self.planning.shiftStart && $0.end == Self.planning.shiftEnd && $0.driver == nil })
        #expect(day.capacity == 20)
        let none = DayCrews.of(Self.association, volunteers: [], offTheRoad: ["AA111AA", "BB222BB"], on: Self.monday, planning: Self.planning)
        #expect(none.crews.isEmpty && none.capacity == 0)
    }

    @Test("each driver on shift gets a vehicle free for the whole shift, a wheelchair driver the wheelchair vehicle")
    func crews() {
        let volunteers = [Self.volunteer("V1", "mon-fri 07:00-13:00"),
                          Self.volunteer("V2", "mon-fri 07:00-12:00", qualifications: .wheelchair),
                          Self.volunteer("V3", "mon 13:00-19:00"),
                          Self.volunteer("V4", "mon 08:00-10:00"),  // both vehicles taken: no vehicle for V4
                          Self.volunteer("V5", "tue 07:00-13:00")]   // not on Monday
        let day = DayCrews.of(Self.association, volunteers: volunteers, offTheRoad: [], on: Self.monday, planning: Self.planning)
        #expect(day.source == .volunteers)
        #expect(day.crews.map { "\($0.plate) \($0.driver ?? "-") \($0.start)-\($0.end)" }
                == ["AA111AA V1 07:00-13:00", "BB222BB V2 07:00-12:00", "AA111AA V3 13:00-19:00"])
        #expect(day.withoutVehicle == ["V4"])
        // 360/45 + 300/45 + 360/45 = 8 + 6 + 8 trips, under the declared 20.
        #expect(day.capacity == 20)
        let fewer = DayCrews.of(Self.association, volunteers: Array(volunteers.prefix(1)), offTheRoad: [], on: Self.monday, planning: Self.planning)
        #expect(fewer.capacity == 8, "one six-hour shift: 360 minutes at 45 a trip")
        #expect(day.crews(for: .wheelchair, covering: (LocalTime("08:00")!, LocalTime("09:00")!)).map(\.driver) == ["V2"])
        #expect(day.crews(for: [], covering: (LocalTime("12:30")!, LocalTime("13:30")!)).isEmpty, "no shift covers 12:30-13:30 whole")
    }

    @Test("the wheelchair vehicle goes to a wheelchair-qualified driver first; a driver's shifts that touch or overlap are one crew")
    func wheelchairFirstAndStretches() {
        let volunteers = [Self.volunteer("V1", "lun 06:00-13:00"), Self.volunteer("V2", "lun 06:00-13:00"),
                          Self.volunteer("V3", "lun 06:00-12:00", qualifications: .wheelchair),
                          Self.volunteer("V4", "lun 14:00-16:00, lun 16:00-18:00, lun 15:00-17:00")]
        let day = DayCrews.of(Self.association, volunteers: volunteers, offTheRoad: [], on: Self.monday, planning: Self.planning)
        #expect(day.crews.first { $0.plate == "BB222BB" }?.driver == "V3", "\(day.crews)")
        #expect(day.withoutVehicle == ["V2"])
        #expect(day.crews.filter { $0.driver == "V4" }.map { "\($0.start)-\($0.end)" } == ["14:00-18:00"])
    }

    @Test("an absent driver, an expired licence or a vehicle off the road leave the day without that crew")
    func unavailable() {
        let volunteers = [Self.volunteer("V1", "mon-fri 07:00-13:00", absences: [Absence(from: Self.monday, to: Self.monday, reason: "ferie")]),
                          Self.volunteer("V2", "mon-fri 07:00-13:00", licenceExpiry: "2025-01-31"),
                          Self.volunteer("V3", "mon-fri 07:00-13:00")]
        let day = DayCrews.of(Self.association, volunteers: volunteers, offTheRoad: ["BB222BB"], on: Self.monday, planning: Self.planning)
        #expect(day.crews.map(\.driver) == ["V3"])
        #expect(day.crews.map(\.plate) == ["AA111AA"])
        let nobody = DayCrews.of(Self.association, volunteers: Array(volunteers.prefix(2)), offTheRoad: [], on: Self.monday, planning: Self.planning)
        #expect(nobody.source == .volunteers && nobody.crews.isEmpty && nobody.capacity == 0,
                "an association that registers volunteers and has none available takes no trips")
        #expect(!DayCrews.mayDrive(volunteers[0], on: Self.monday) && DayCrews.mayDrive(volunteers[0], on: LocalDate("2025-03-04")!))
    }
}
