import CentraleDomain
import CentraleRegistry
import CentraleSynth
import Testing
@testable import CentraleDispatch

@Suite("Dispatching the demo year")
struct YearQualityTests {
    @Test("a synthetic year meets the share and continuity targets")
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
        for date in byDate.keys.sorted() {
            let trips = byDate[date]!
            var outlook: [String: Int] = [:]
            for day in date.yearMonth.days where day >= date { for trip in byDate[day] ?? [] { outlook[trip.0.beneficiary, default: 0] += 1 } }
            let recurring = Dictionary(uniqueKeysWithValues: trips.map { ($0.0.id, ($0.1, $0.0.beneficiary)) })
            let plan = dispatcher.dispatch(trips.map(\.0), on: date, outlook: outlook)
            for decision in plan.decisions {
                guard let association = decision.association else { unassignable += 1; continue }
                let info = recurring[decision.tripID]!
                samples.append(.init(date: date, association: association, beneficiary: info.1, recurring: info.0))
            }
        }
        let quality = DispatchQuality(samples: samples, shares: Dictionary(uniqueKeysWithValues: registry.associations.map { ($0.code, $0.shareBasisPoints) }))
        print("share max deviation \(quality.maxShareDeviation) at \(quality.worstAssociation) \(quality.worstMonth); continuity \(quality.continuity); unassignable \(unassignable)")
        var table: [String: [String: Int]] = [:]
        for s in samples { table[s.date.yearMonth.description, default: [:]][s.association, default: 0] += 1 }
        for m in table.keys.sorted() {
            let tot = Double(table[m]!.values.reduce(0,+))
            let devs = registry.associations.map { a in (a.code, Double(table[m]![a.code] ?? 0) / tot / (Double(a.shareBasisPoints)/10000) - 1) }
            print(m, Int(tot), devs.filter { abs($0.1) > 0.1 }.map { "\($0.0):\(Int($0.1*100))" }.joined(separator: " "))
        }
        #expect(quality.maxShareDeviation <= 0.10)
        #expect(quality.continuity >= 0.95)
    }
}
