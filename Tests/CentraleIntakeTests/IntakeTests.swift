import CentraleDomain
import CentraleRegistry
import Testing
@testable import CentraleIntake

@Suite("Request intake")
struct IntakeTests {
    static let registry = try! Registry.embedded()
    let intake = RequestIntake(places: Self.registry.places, comuni: Self.registry.comuni)
    let anna = Beneficiary(code: "BANNA1", comune: "048041", needs: [.wheelchair], activatedOn: LocalDate("2025-01-01")!,
                           closedOn: LocalDate("2025-06-30")!, referredBy: .pua)
    let home = (address: "Via di Casa 1, Scandicci", location: Coordinate(latitude: 43.755, longitude: 11.19))

    func form(_ date: String = "2025-03-03", from: StopSpec = .home, to: StopSpec = .place("AOU Careggi"), back: String? = "11:00",
              recurrence: Recurrence? = nil) -> RequestForm {
        RequestForm(beneficiary: "BANNA1", date: LocalDate(date)!, recurrence: recurrence, appointment: LocalTime("09:00")!,
                    returnAt: back.flatMap { LocalTime($0) }, from: from, to: to, purpose: .visit)
    }

    @Test("a one-off request with return gives two linked legs with the beneficiary's needs")
    func oneOff() throws {
        let requests = try intake.trips(for: form(), beneficiary: anna, home: home)
        #expect(requests.count == 1)
        let legs = requests[0]
        #expect(legs.map(\.leg) == [.outbound, .return])
        #expect(legs[0].destination.placeCode == "OSP-CAREGGI")
        #expect(legs[1].pickup.placeCode == "OSP-CAREGGI" && legs[1].destination.label == home.address)
        #expect(legs.allSatisfy { $0.needs == [.wheelchair] && $0.seriesID == nil })
    }

    @Test("a recurring request repeats on its weekdays until the last day, as one series")
    func recurring() throws {
        let recurrence = Recurrence(weekdays: Recurrence.weekdays(parsing: "mon,wed,fri")!, until: LocalDate("2025-03-16")!)
        let requests = try intake.trips(for: form(recurrence: recurrence), beneficiary: anna, home: home)
        #expect(requests.map { $0[0].date.description } == ["2025-03-03", "2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14"])
        #expect(Set(requests.flatMap { $0 }.compactMap(\.seriesID)).count == 1)
        #expect(Recurrence.weekdays(parsing: "lun, mer, ven") == [1, 3, 5])
        #expect(Recurrence.weekdays(parsing: "someday") == nil)
    }

    @Test("a request on a day the beneficiary is not active is refused with the record's dates")
    func inactive() {
        let recurrence = Recurrence(weekdays: [1], until: LocalDate("2025-07-14")!)
        #expect {
            try intake.trips(for: form("2025-06-23", recurrence: recurrence), beneficiary: anna, home: home)
        } throws: { error in
            let refusal = error as! IntakeRefusal
            return refusal.problems.count == 1 && refusal.problems[0].field == "date"
                && refusal.problems[0].message.english.contains("BANNA1 is closed after 2025-06-30 and cannot travel on 2025-07-07, 2025-07-14")
        }
    }

    @Test("every problem is reported at once")
    func manyProblems() {
        #expect {
            try intake.trips(for: form("2024-12-31", to: .place("nowhere at all"), back: "08:00"), beneficiary: anna, home: home)
        } throws: { error in
            Set((error as! IntakeRefusal).problems.map(\.field)) == ["date", "return", "to"]
        }
        #expect(throws: IntakeRefusal.self) { try intake.trips(for: form(), beneficiary: nil, home: nil) }
    }

    @Test("places are found by code, name or a unique part of it; ambiguity is reported")
    func places() throws {
        #expect(try intake.findPlace("osp-careggi").get().code == "OSP-CAREGGI")
        #expect(try intake.findPlace("Don Gnocchi").get().code == "RIA-DONGNOCCHI")
        guard case .failure(let problem) = intake.findPlace("centro diurno") else { Issue.record("expected ambiguity"); return }
        #expect(problem.message.english.contains("matches"))
    }

    @Test("stops parse as home, a place, or an address with coordinates; an address gets the nearest comune")
    func stops() throws {
        #expect(StopSpec(parsing: "home") == .home)
        #expect(StopSpec(parsing: "OSP-MEYER") == .place("OSP-MEYER"))
        #expect(StopSpec(parsing: "Via Roma 1, Signa@43.781,11.098") == .address(label: "Via Roma 1, Signa", location: Coordinate(latitude: 43.781, longitude: 11.098)))
        let requests = try intake.trips(for: form(to: .address(label: "Via Roma 1, Signa", location: Coordinate(latitude: 43.781, longitude: 11.098)), back: nil),
                                        beneficiary: anna, home: home)
        #expect(requests[0][0].destination.comune == "048044")
        #expect(requests[0].count == 1)
    }
}
