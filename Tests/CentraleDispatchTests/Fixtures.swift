import CentraleDomain
@testable import CentraleDispatch

/// A small world: comuni A and B border each other, C borders nobody.
enum Fixture {
    static let a = Comune(istatCode: "001001", name: "A", population: 1000, centroid: Coordinate(latitude: 43.80, longitude: 11.20),
                          neighbours: ["001002"])
    static let b = Comune(istatCode: "001002", name: "B", population: 1000, centroid: Coordinate(latitude: 43.80, longitude: 11.30))
    static let c = Comune(istatCode: "001003", name: "C", population: 1000, centroid: Coordinate(latitude: 43.60, longitude: 11.20))
    static let comuni = [a, b, c]

    static let car = Vehicle(plate: "CAR1", seats: 4, wheelchairPlaces: 0, stretcher: false)
    static let van = Vehicle(plate: "VAN1", seats: 5, wheelchairPlaces: 1, stretcher: false)
    static let ambulance = Vehicle(plate: "AMB1", seats: 3, wheelchairPlaces: 1, stretcher: true)

    static func association(_ code: String, serves: [Comune], base: Coordinate, capacity: Int = 10, share: Int = 5000,
                            vehicles: [Vehicle] = [car]) -> Association {
        Association(code: code, name: code, kind: .other, baseComune: serves[0].istatCode, base: base, baseAddress: "",
                    serves: serves.map(\.istatCode), dailyCapacity: capacity, shareBasisPoints: share,
                    vehicles: vehicles.map { var v = $0; v.plate = code + "-" + $0.plate; return v })
    }

    static func convention(neighbours: Bool = true, emptyKm: Double = 1, share: Double = 24, continuity: Double = 30,
                           across: Double = 0.2) -> Convention {
        Convention(name: "test", zone: "test", timeZone: "Europe/Rome", roadCircuity: 1.3,
                   rules: ServiceRules(maxRideMinutes: 60, pickupWindowMinutes: 30, neighbourComuniAllowed: neighbours, kmTolerancePercent: 20),
                   dispatchWeights: DispatchWeights(emptyKm: emptyKm, share: share, continuity: continuity, continuityAcrossMonths: across),
                   tariffs: [])
    }

    static func trip(_ id: Int64, in comune: Comune, needs: Needs = [], beneficiary: String? = nil, at minutes: Int = 480) -> DispatchTrip {
        DispatchTrip(id: id, beneficiary: beneficiary ?? "B\(id)", appointment: LocalTime(minutes: minutes)!,
                     serviceComune: comune.istatCode, pickup: comune.centroid, needs: needs)
    }

    static let day = LocalDate("2025-03-03")!
}
