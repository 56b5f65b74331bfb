import CentraleDomain
import CentraleFormats
import CentraleRegistry
import Testing
@testable import CentraleIntake

@Suite("Rules at intake")
struct IntakeRulesTests {
    static let registry = try! Registry.embedded()
    let intake = RequestIntake(places: Self.registry.places, comuni: Self.registry.comuni)
    let home = (address: "Via di Casa 1, Scandicci", location: Coordinate(latitude: 43.755, longitude: 11.19))

    var person: Beneficiary {
        var p = Beneficiary(code: "BRULE1", comune: "048041", needs: [.wheelchair], activatedOn: LocalDate("2025-02-01")!, referredBy: .pua)
        p.authorisations = [Authorisation(purposes: [.dialysis, .visit], needs: [.wheelchair], validFrom: LocalDate("2025-02-01")!,
                                          validUntil: LocalDate("2025-12-31")!)]
        p.suspensions = [Suspension(from: LocalDate("2025-03-10")!, to: LocalDate("2025-03-20")!, reason: "hospital stay")]
        return p
    }

    func form(_ date: String, at time: String = "09:00", back: String? = "11:00", purpose: TripPurpose = .visit, needs: Needs? = nil,
              from: StopSpec = .home, recurrence: Recurrence? = nil) -> RequestForm {
        RequestForm(beneficiary: "BRULE1", date: LocalDate(date)!, recurrence: recurrence, appointment: LocalTime(time)!,
                    returnAt: back.flatMap { LocalTime($0) }, from: from, to: .place("OSP-CAREGGI"), purpose: purpose, needs: needs)
    }

    func problems(_ form: RequestForm, person: Beneficiary? = nil, existing: [TripRequest] = []) -> [IntakeProblem] {
        do {
            _ = try intake.trips(for: form, beneficiary: person ?? self.person, home: home, existing: existing)
            return []
        } catch let refusal as IntakeRefusal {
            return refusal.problems
        } catch {
            Issue.record("\(error)"); return []
        }
    }

    @Test("a request within the authorisation on an active day is accepted")
    func accepted() {
        #expect(problems(form("2025-03-03")).isEmpty)
    }

    @Test("not yet active, suspended and closed days are refused with the reason and what to do")
    func status() throws {
        let early = problems(form("2025-01-20"))
        #expect(early.count == 1 && early[0].message.english.contains("not active yet") && early[0].message.english.contains("2025-02-01"))
        #expect(early[0].remedy == .changeActivation(beneficiary: "BRULE1"))
        let suspended = problems(form("2025-03-12"))
        #expect(suspended.count == 1 && suspended[0].message.english.contains("suspended") && suspended[0].message.english.contains("hospital stay")
                && suspended[0].remedy == .bookAfterSuspension(beneficiary: "BRULE1"))
        // The core names no command: the remedy is a value, and its own text is words only.
        #expect(!"\(suspended[0])".contains("beneficiary resume") && "\(suspended[0])".hasSuffix("; book after the suspension, or end it early"))
        var closed = person
        closed.closedOn = LocalDate("2025-05-31")!
        let after = problems(form("2025-06-02"), person: closed)
        #expect(after.count == 1 && after[0].message.english.contains("closed after 2025-05-31"))
        // A series crossing the suspension is refused as a whole, naming the suspended days.
        let series = problems(form("2025-03-03", recurrence: Recurrence(weekdays: [1, 3], until: LocalDate("2025-03-31")!)))
        #expect(series.contains { $0.message.english.contains("suspended on 4 of the days (2025-03-10 … 2025-03-19)") })
    }

    @Test("a purpose or needs the authorisation does not list are refused; so are days it does not cover")
    func authorisation() {
        let purpose = problems(form("2025-03-03", purpose: .social))
        #expect(purpose.map(\.field) == ["purpose"] && purpose[0].message.english.contains("authorised: dialysis,visit"))
        #expect(purpose[0].remedy == .extendPurposes(beneficiary: "BRULE1"))
        let needs = problems(form("2025-03-03", needs: [.stretcher]))
        #expect(needs.map(\.field) == ["needs"] && needs[0].message.english.contains("stretcher") && needs[0].remedy == .assessNeeds(beneficiary: "BRULE1"))
        #expect(problems(form("2025-03-03", needs: [])).isEmpty)
        var expired = person
        expired.authorisations[0].validUntil = LocalDate("2025-03-31")!
        let uncovered = problems(form("2025-04-02"), person: expired)
        #expect(uncovered.map(\.field) == ["date"] && uncovered[0].message.english.contains("no authorisation"))
        #expect(uncovered[0].remedy == .renewAuthorisation(beneficiary: "BRULE1"))
    }

    @Test("two trips of the same person overlapping in time are refused, naming the other trip")
    func overlap() throws {
        let dialysis = try intake.trips(for: form("2025-03-03", at: "07:30", back: "11:45", purpose: .dialysis), beneficiary: person, home: home)[0]
        var existing = dialysis
        existing[0].id = 41; existing[1].id = 42
        existing[0].pairedTripID = 42; existing[1].pairedTripID = 41
        let clash = problems(form("2025-03-03", at: "09:30", back: nil), existing: existing)
        #expect(clash.map(\.field) == ["time"])
        #expect(clash[0].message.english.contains("trip 41 on 2025-03-03 at 07:30") && clash[0].message.english.contains("return at 11:45 as trip 42"))
        // Later the same day, or another day, or once the other trip is cancelled: accepted.
        #expect(problems(form("2025-03-03", at: "15:00", back: "16:00"), existing: existing).isEmpty)
        #expect(problems(form("2025-03-04", at: "09:30", back: nil), existing: existing).isEmpty)
        let cancelled = existing.map { trip -> TripRequest in var t = trip; t.status = .cancelled; return t }
        #expect(problems(form("2025-03-03", at: "09:30", back: nil), existing: cancelled).isEmpty)
    }

    /// Trips as the store would hold them: ids from `first`, a request's two legs paired.
    func booked(_ forms: [RequestForm], first: Int64 = 41) throws -> [TripRequest] {
        var id = first, trips: [TripRequest] = []
        for form in forms {
            var legs = try intake.trips(for: form, beneficiary: person, home: home)[0]
            for index in legs.indices { legs[index].id = id + Int64(index) }
            if legs.count == 2 { legs[0].pairedTripID = legs[1].id; legs[1].pairedTripID = legs[0].id }
            id += Int64(legs.count)
            trips += legs
        }
        return trips
    }

    @Test("trips overlap by their whole time: the ride at the planning speed, the stay until the next ride from there, or the least stay")
    func overlapBeyondTheRide() throws {
        // A one-way visit at 09:00: the person is there at least half an hour, so 09:45 from home clashes (the ride
        // alone, 08:3x–09:00 against 09:1x–09:45, did not); three hours later is fine.
        let visit = try booked([form("2025-03-03", at: "09:00", back: nil)])
        let clash = problems(form("2025-03-03", at: "09:45", back: nil), existing: visit)
        #expect(clash.map(\.field) == ["time"] && clash[0].message.english.contains("trip 41 on 2025-03-03 at 09:00"), "\(clash)")
        #expect(problems(form("2025-03-03", at: "12:00", back: nil), existing: visit).isEmpty)
        // Dialysis booked as two one-way requests (there at 07:30, back home from the centre at 11:45): the person is
        // at the centre in between, so a visit at 09:30 clashes with the outing, named by its first trip.
        let dialysis = try booked([form("2025-03-03", at: "07:30", back: nil, purpose: .dialysis),
                                   RequestForm(beneficiary: "BRULE1", date: LocalDate("2025-03-03")!, appointment: LocalTime("11:45")!,
                                               from: .place("OSP-CAREGGI"), to: .home, purpose: .dialysis)])
        let during = problems(form("2025-03-03", at: "09:30", back: nil), existing: dialysis)
        #expect(during.map(\.field) == ["time"] && during[0].message.english.contains("trip 41 on 2025-03-03 at 07:30"), "\(during)")
        // Without the ride home booked, a dialysis lasts at least three hours.
        let alone = Array(dialysis.prefix(1))
        #expect(problems(form("2025-03-03", at: "10:00", back: nil), existing: alone).map(\.field) == ["time"])
        // The ride home from the centre may be booked after the ride there: it ends the stay, no clash.
        #expect(problems(RequestForm(beneficiary: "BRULE1", date: LocalDate("2025-03-03")!, appointment: LocalTime("11:45")!,
                                     from: .place("OSP-CAREGGI"), to: .home, purpose: .dialysis), existing: alone).isEmpty)
        // And the ride there may be booked after the ride home.
        let home = Array(dialysis.suffix(1))
        #expect(problems(form("2025-03-03", at: "07:30", back: nil, purpose: .dialysis), existing: home).isEmpty)
        #expect(problems(form("2025-03-03", at: "11:30", back: nil), existing: home).map(\.field) == ["time"])
    }

    @Test("an address outside the registry without coordinates takes its comune's centre, marked approximate")
    func approximate() throws {
        let legs = try intake.trips(for: form("2025-03-03", from: StopSpec(parsing: "Via Nuova 5, Lastra a Signa")), beneficiary: person, home: home)[0]
        let lastra = try #require(Self.registry.comuni.first { $0.name == "Lastra a Signa" })
        #expect(legs[0].pickup.approximate && legs[0].pickup.location == lastra.centroid && legs[0].pickup.comune == lastra.istatCode)
        #expect(legs[0].pickup.label == "Via Nuova 5, Lastra a Signa" && legs[0].isApproximate && legs[1].destination.approximate)
        #expect(!legs[0].destination.approximate)
        // An unknown comune is still refused.
        #expect(problems(form("2025-03-03", from: StopSpec(parsing: "Via Nuova 5, Atlantide"))).map(\.field) == ["from"])
    }
}
