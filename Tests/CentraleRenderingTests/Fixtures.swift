import CentraleFormats
import CentraleDispatch
import CentraleDomain
import CentralePlanning
import CentraleRegistry
import CentraleRendering
import CentraleReport
import CentraleTariffs
import Foundation

/// The fixed inputs of the golden tests: a statement, a month's report and a day's shared-ride
/// plans taken from a demo year (synthetic data), and a dispatch of three made-up trips on the
/// built-in registry.
enum Fixture {
    static func statement() throws -> MonthlyStatement { try Golden.fixture("statement.json", as: MonthlyStatement.self) }
    static func report() throws -> MonitoringReport { try Golden.fixture("report.json", as: MonitoringReport.self) }
    static func plans() throws -> [DayPlan] { try Golden.fixture("plans.json", as: [DayPlan].self) }

    /// A second association's statement, for the month's summary: adjustments only.
    static func adjustmentsOnly() throws -> MonthlyStatement {
        var s = try statement()
        s.association = "PA-SIG"
        s.associationName = "Pubblica Assistenza di Signa"
        s.entries = []
        s.indirect = ReimbursementLine(item: .indirect, basis: "10.00% of 0.00 € direct items", amount: .zero)
        return s
    }

    /// The plans' trips, so that the text names each stop's beneficiary.
    static func planTrips(_ plans: [DayPlan]) -> [TripRequest] {
        let ids = Set(plans.flatMap { $0.vehicles.flatMap { $0.stops.map(\.tripID) } + $0.solo.map(\.tripID) }).sorted()
        let home = Stop(label: "Via Roma 1, Scandicci", comune: "048041", location: Coordinate(latitude: 43.75, longitude: 11.19))
        return ids.enumerated().map { index, id in
            TripRequest(id: id, beneficiary: "B\(String(1000 + index / 2))", date: LocalDate("2025-03-03")!, pickup: home, destination: home,
                        appointment: LocalTime("08:00")!, needs: [], purpose: .dialysis)
        }
    }

    static let day = LocalDate("2025-03-03")!

    /// Four trips on the built-in registry: three the engine assigns (one outside the zone, in
    /// Florence, which borders the zone), one it cannot (a trip in Siena, which no association serves).
    static func dispatch(language: Language = .en) throws -> (DispatchReport, [TripRequest]) {
        let registry = try Registry.embedded()
        let zone = registry.zoneComuni
        let place = registry.places.first { $0.kind == .dialysis } ?? registry.places[0]
        let destination = Stop(placeCode: place.code, label: place.name, comune: place.comune, location: place.location)
        func home(_ comune: Comune, _ street: String) -> Stop { Stop(label: "\(street), \(comune.name)", comune: comune.istatCode, location: comune.centroid) }
        let florence = registry.comuni.first { $0.istatCode == "048017" }!, siena = registry.comuni.first { $0.istatCode == "052032" }!
        let trips = [
            TripRequest(id: 1, beneficiary: "BAAAA1", date: day, pickup: home(zone[0], "Via Roma 12"), destination: destination,
                        appointment: LocalTime("07:30")!, needs: .wheelchair, purpose: .dialysis),
            TripRequest(id: 2, beneficiary: "BAAAA2", date: day, pickup: home(zone[1], "Piazza Garibaldi 3"), destination: destination,
                        appointment: LocalTime("09:15")!, needs: [], purpose: .visit),
            TripRequest(id: 3, beneficiary: "BAAAA3", date: day, pickup: home(florence, "Via Lontana 9"), destination: home(florence, "Via Lontana 11"),
                        appointment: LocalTime("10:00")!, needs: .stretcher, purpose: .visit),
            TripRequest(id: 4, beneficiary: "BAAAA4", date: day, pickup: home(siena, "Via di Città 1"), destination: home(siena, "Via di Città 5"),
                        appointment: LocalTime("11:00")!, needs: .escort, purpose: .social),
        ]
        let zoneCodes = Set(zone.map(\.istatCode))
        let engine = DispatchEngine(associations: registry.associations, comuni: registry.comuni, convention: registry.convention)
        let plan = engine.dispatch(trips.map { DispatchTrip($0, zone: zoneCodes) }, on: day, history: DispatchHistory(day: day))
        return (DispatchReport(plan: plan, trips: trips, registry: registry, language: language), trips)
    }
}
