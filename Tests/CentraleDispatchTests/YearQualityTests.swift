import CentraleDomain
import CentraleRegistry
import CentraleSynth
import Testing
@testable import CentraleDispatch

@Suite("Dispatching the demo year")
struct YearQualityTests {
    @Test("the demo year meets the share (±10% every month) and continuity (≥95%) targets")
    func year() throws {
        let registry = try Registry.embedded()
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        let year = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: 2025, seed: 2014).generate()
        var id: Int64 = 0
        var byDate: [LocalDate: [(DispatchTrip, Bool)]] = [:]
        for legs in year.requests {
            for var trip in legs {
                id += 1
                trip.id = id
                byDate[trip.date, default: []].append((DispatchTrip(trip, zone: zone), trip.seriesID != nil))
            }
        }
        var dispatcher = RollingDispatcher(engine: DispatchEngine(associations: registry.associations, comuni: registry.comuni,
                                                                  convention: registry.convention))
        var samples: [DispatchQuality.Sample] = []
        var unassignable = 0
        let plain = byDate.mapValues { $0.map(\.0) }
        for date in byDate.keys.sorted() {
            let trips = byDate[date]!
            let outlook = MonthOutlook(from: date, trips: plain)
            let recurring = Dictionary(uniqueKeysWithValues: trips.map { ($0.0.id, ($0.1, $0.0.beneficiary)) })
            let plan = dispatcher.dispatch(trips.map(\.0), on: date, outlook: outlook.counts, samples: outlook.samples)
            for decision in plan.decisions {
                guard let association = decision.association else { unassignable += 1; continue }
                let info = recurring[decision.tripID]!
                samples.append(.init(date: date, association: association, beneficiary: info.1, recurring: info.0))
            }
        }
        let quality = DispatchQuality(samples: samples, shares: Dictionary(uniqueKeysWithValues: registry.associations.map { ($0.code, $0.shareBasisPoints) }))
        #expect(unassignable == 0)
        #expect(quality.maxShareDeviation <= 0.10, "worst: \(quality.worstAssociation) in \(quality.worstMonth)")
        #expect(quality.continuity >= 0.95)
    }
}
