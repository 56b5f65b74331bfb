import CentraleDomain
import Testing
@testable import CentralePlanning

@Suite("Service day planner")
struct ServiceDayPlannerTests {
    static let base = Coordinate(latitude: 43.830, longitude: 11.200)
    static let hospital = Stop(placeCode: "CAREGGI", label: "Careggi", comune: "048017", location: Coordinate(latitude: 43.803, longitude: 11.247))
    static let convention = Convention(
        name: "test", zone: "test", timeZone: "Europe/Rome", roadCircuity: 1.3,
        rules: ServiceRules(maxRideMinutes: 60, pickupWindowMinutes: 30, neighbourComuniAllowed: true, kmTolerancePercent: 20),
        dispatchWeights: DispatchWeights(emptyKm: 1, share: 1, continuity: 1),
        tariffs: [TariffVersion(id: "t", validFrom: LocalDate("2020-01-01")!, kmRate: PerKmRate(microEurosPerKm: 660_000),
                                kmCap: [.standard: PerKmRate(microEurosPerKm: 620_000)], insurancePerTrip: .zero, wheelchairItem: .zero,
                                stretcherItem: .zero, escortItem: .zero, escortWaitingFreeMinutes: 0, escortWaitingPerHour: .zero,
                                noShowItem: .zero, cancelledOnSpotItem: .zero, indirectBasisPoints: 0, indirectCapPerMonth: .zero)])
    static let association = Association(
        code: "MIS", name: "Misericordia", kind: .misericordia, baseComune: "048043", base: base, baseAddress: "", serves: ["048043"],
        dailyCapacity: 20, shareBasisPoints: 10_000,
        vehicles: [Vehicle(plate: "AA111AA", seats: 3, wheelchairPlaces: 0, stretcher: false),
                   Vehicle(plate: "BB222BB", seats: 2, wheelchairPlaces: 1, stretcher: true)])
    static let day = LocalDate("2025-03-04")!

    static func trip(_ id: Int64, from location: Coordinate, at time: String, leg: TripLeg = .outbound, needs: Needs = []) -> TripRequest {
        let home = Stop(label: "home \(id)", comune: "048043", location: location)
        return TripRequest(id: id, beneficiary: "B\(id)", date: day, pickup: leg == .outbound ? home : hospital,
                           destination: leg == .outbound ? hospital : home, appointment: LocalTime(time)!, leg: leg,
                           needs: needs, purpose: .visit, status: .assigned)
    }

    @Test("neighbours going to the same hospital at the same time ride together, within the limits")
    func shares() throws {
        let trips = [Self.trip(1, from: Coordinate(latitude: 43.835, longitude: 11.190), at: "08:30"),
                     Self.trip(2, from: Coordinate(latitude: 43.836, longitude: 11.192), at: "08:30"),
                     Self.trip(3, from: Coordinate(latitude: 43.835, longitude: 11.190), at: "11:00", leg: .return)]
        let plan = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(trips, on: Self.day)
        #expect(plan.tripCount == 3 && plan.solo.isEmpty)
        #expect(plan.savedDistance.metres > 0 && plan.saving.cents > 0)
        #expect(plan.plannedDistance + plan.savedDistance == plan.baselineDistance)
        let together = try #require(plan.vehicles.first { $0.tripIDs.contains(1) })
        #expect(together.tripIDs.contains(2), "the two outbound trips share a vehicle")
        #expect(together.sharedTripIDs == [1, 2])
        for vehicle in plan.vehicles {
            #expect(vehicle.shares.reduce(0) { $0 + $1.distance.metres } == vehicle.distance.metres, "the shares add up to the route")
            #expect(Set(vehicle.shares.map(\.tripID)) == Set(vehicle.tripIDs))
        }
        for vehicle in plan.vehicles {
            var pickedUp: [Int64: LocalTime] = [:]
            for stop in vehicle.stops {
                let trip = trips.first { $0.id == stop.tripID }!
                if stop.kind == .pickup {
                    pickedUp[trip.id] = stop.time
                    if trip.leg == .return { #expect((trip.appointment.minutes...(trip.appointment.minutes + 30)).contains(stop.time.minutes)) }
                } else {
                    // 3 minutes to board are part of the pickup, not of the ride.
                    #expect(stop.time.minutes - pickedUp[trip.id]!.minutes <= 60 + 3 + 1)
                    if trip.leg == .outbound { #expect(((trip.appointment.minutes - 30)...trip.appointment.minutes).contains(stop.time.minutes)) }
                }
            }
            #expect(vehicle.departure >= LocalTime("06:00")! && vehicle.arrival <= LocalTime("20:00")!)
        }
    }

    @Test("a route's km are split in proportion to the trips' solo km, to the metre")
    func split() {
        let shares = TripShare.split(Distance(metres: 10_001), by: [(1, Distance(metres: 1_000)), (2, Distance(metres: 2_000)), (3, Distance(metres: 0))])
        #expect(shares.map(\.distance.metres) == [3_334, 6_667, 0])
        #expect(TripShare.split(Distance(metres: 10), by: [(7, .zero), (8, .zero), (9, .zero)]).map(\.distance.metres) == [4, 3, 3])
    }

    @Test("a stretcher transport and a trip outside the shift stay solo, with the reason")
    func solo() {
        let trips = [Self.trip(1, from: Coordinate(latitude: 43.835, longitude: 11.190), at: "08:30", needs: .stretcher),
                     Self.trip(2, from: Coordinate(latitude: 43.835, longitude: 11.190), at: "05:00")]
        let plan = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(trips, on: Self.day)
        #expect(plan.vehicles.isEmpty)
        #expect(plan.solo.map(\.tripID) == [1, 2])
        #expect(plan.solo[0].reason == "stretcher transports travel alone")
        #expect(plan.solo[1].reason == UnservedReason.infeasibleAlone.rawValue)
        #expect(plan.savedDistance == .zero && plan.plannedDistance == plan.baselineDistance)
    }

    @Test("with crews, each route keeps within its driver's shift, and a wheelchair goes only with a qualified driver")
    func crews() throws {
        let near = Coordinate(latitude: 43.835, longitude: 11.190)
        let trips = [Self.trip(1, from: near, at: "08:30"),
                     Self.trip(2, from: near, at: "08:30", needs: .wheelchair),
                     Self.trip(3, from: near, at: "11:00", leg: .return),
                     Self.trip(4, from: near, at: "17:30")]
        // One vehicle, driven by V1 in the morning and V2 in the afternoon; nobody with a
        // wheelchair qualification, so the wheelchair places stay unused.
        let crews = [CrewShift(plate: "BB222BB", driver: "V1", start: LocalTime("07:00")!, end: LocalTime("12:00")!, qualifications: []),
                     CrewShift(plate: "BB222BB", driver: "V2", start: LocalTime("16:00")!, end: LocalTime("19:00")!, qualifications: [])]
        let plan = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(trips, on: Self.day, crews: crews)
        #expect(Set(plan.solo.map(\.tripID)) == [2], "the wheelchair trip has no qualified driver")
        #expect(plan.vehicles.count == 2)
        let morning = try #require(plan.vehicles.first { $0.driver == "V1" })
        let afternoon = try #require(plan.vehicles.first { $0.driver == "V2" })
        #expect(Set(morning.tripIDs) == [1, 3] && afternoon.tripIDs == [4])
        #expect(morning.plate == "BB222BB" && afternoon.plate == "BB222BB")
        #expect(morning.departure >= LocalTime("07:00")! && morning.arrival <= LocalTime("12:00")!)
        #expect(afternoon.departure >= LocalTime("16:00")! && afternoon.arrival <= LocalTime("19:00")!)

        // A qualified driver takes the wheelchair; without any crew nothing is planned.
        var qualified = crews
        qualified[0].qualifications = .wheelchair
        let withWheelchair = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(trips, on: Self.day, crews: qualified)
        #expect(withWheelchair.solo.isEmpty && withWheelchair.vehicles.first { $0.driver == "V1" }?.tripIDs.contains(2) == true)
        let nobody = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(trips, on: Self.day, crews: [])
        #expect(nobody.vehicles.isEmpty && nobody.solo.count == 4 && nobody.solo.allSatisfy { $0.reason == "no crew on duty that day" })
        // An escort goes only with a driver qualified to escort.
        let escorted = [Self.trip(6, from: near, at: "08:30", needs: .escort)]
        let unqualified = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(escorted, on: Self.day, crews: crews)
        #expect(unqualified.vehicles.isEmpty && unqualified.solo.map(\.tripID) == [6], "nobody on shift may escort")
        var escorts = crews
        escorts[0].qualifications = .escort
        let withEscort = ServiceDayPlanner(association: Self.association, convention: Self.convention).plan(escorted, on: Self.day, crews: escorts)
        #expect(withEscort.vehicles.first?.driver == "V1" && withEscort.solo.isEmpty)
        // A trip outside every shift stays solo.
        let late = ServiceDayPlanner(association: Self.association, convention: Self.convention)
            .plan([Self.trip(5, from: near, at: "14:00")], on: Self.day, crews: crews)
        #expect(late.vehicles.isEmpty && late.solo.map(\.tripID) == [5])
    }
}
