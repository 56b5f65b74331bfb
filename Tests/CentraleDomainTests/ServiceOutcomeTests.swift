import CentraleDomain
import Testing

@Suite("The seven outcomes of a trip")
struct ServiceOutcomeTests {
    let today = LocalDate("2025-03-10")!

    func trip(_ day: String, _ status: TripStatus, leg: TripLeg = .outbound, at time: String = "09:00") -> TripRequest {
        var trip = TripRequest(beneficiary: "B1", date: LocalDate(day)!, pickup: Stop(label: "casa", comune: "048041", location: Coordinate(latitude: 43.7, longitude: 11.2)),
                               destination: Stop(label: "ospedale", comune: "048017", location: Coordinate(latitude: 43.8, longitude: 11.2)),
                               appointment: LocalTime(time)!, leg: leg, needs: [], purpose: .visit)
        trip.status = status
        return trip
    }

    @Test("the log decides: done, no-show, late, at the door")
    func fromTheLog() {
        let logged: [(TripOutcome, ServiceOutcome)] = [(.done, .done), (.noShow, .noShow), (.cancelledLate, .cancelledLate), (.cancelledOnSpot, .cancelledAtDoor)]
        for (log, expected) in logged {
            #expect(ServiceOutcome.of(trip("2025-03-09", .cancelled), log: log, cancellation: .cancelledInAdvance, declined: true, today: today) == expected)
        }
    }

    @Test("without a log: the status, the centre's cancellation, declines and the day")
    func withoutALog() {
        func outcome(_ t: TripRequest, cancellation: ServiceOutcome? = nil, declined: Bool = false) -> ServiceOutcome? {
            ServiceOutcome.of(t, log: nil, cancellation: cancellation, declined: declined, today: today)
        }
        #expect(outcome(trip("2025-03-09", .cancelled), cancellation: .cancelledLate) == .cancelledLate)
        #expect(outcome(trip("2025-03-09", .cancelled)) == .cancelledInAdvance)
        #expect(outcome(trip("2025-03-09", .pending)) == .notServed)
        #expect(outcome(trip("2025-03-09", .unassignable)) == .notServed)
        #expect(outcome(trip("2025-03-09", .pending), declined: true) == .declined)
        // Today's and later trips in the queue, and a trip awaiting its log, have none yet.
        #expect(outcome(trip("2025-03-10", .pending), declined: true) == nil)
        #expect(outcome(trip("2025-03-09", .assigned)) == nil)
    }

    @Test("a cancellation under 24 hours is late; a trip starts an hour before an outbound appointment, at a return's time")
    func lateness() {
        #expect(ServiceOutcome.cancellation(minutesBefore: 24 * 60 - 1) == .cancelledLate)
        #expect(ServiceOutcome.cancellation(minutesBefore: 24 * 60) == .cancelledInAdvance)
        #expect(ServiceOutcome.cancellation(minutesBefore: -30) == .cancelledLate)
        #expect(trip("2025-03-09", .pending, at: "09:00").startMinute() == 8 * 60)
        #expect(trip("2025-03-09", .pending, leg: .return, at: "12:00").startMinute() == 12 * 60)
        #expect(trip("2025-03-09", .pending, at: "00:30").startMinute() == 0)
    }

    @Test("every outcome has an Italian name, all different")
    func names() {
        #expect(Set(ServiceOutcome.allCases.map(\.italianName)).count == 7)
    }
}
