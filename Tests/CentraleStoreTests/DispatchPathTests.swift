import CentraleDispatch
import CentraleDomain
import CentraleRegistry
import CentraleSynth
import Foundation
import Testing
@testable import CentraleStore

/// The benchmark and the year-quality test dispatch a year in memory (`RollingDispatcher`,
/// `MonthOutlook`); `centrale dispatch`, the screen and the demo dispatch through the store.
/// The in-memory path stands for the real one only if both decide every trip the same way.
@Suite("The in-memory dispatch path against the store's")
struct DispatchPathTests {
    @Test("two months dispatched day by day give the same decisions through the store and in memory")
    func sameDecisions() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("paths.sqlite"), clock: fixedClock)
        let registry = try Registry.embedded()
        let actor = Actor("tester")
        _ = try store.load(registry, actor: actor)
        // Two months, so that the month outlook and the history cross a month's end.
        let year = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: 2025, seed: 7).generate()
        let requests = year.requests.filter { $0.first!.date.month <= 2 }
        try store.addBeneficiaries(year.beneficiaries, actor: actor)
        try store.addRequests(requests, estimator: registry.convention.distanceEstimator, actor: actor)

        let first = LocalDate(year: 2025, month: 1, day: 1)!, last = LocalDate(year: 2025, month: 2, day: 28)!
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        var stored: [TripRequest] = []
        var day = first
        while day <= last { stored += try store.trips(on: day); day = day.adding(days: 1) }
        // Some trips cancelled in advance: the store leaves them out of the outlook; in memory the
        // caller does.
        let cancelled = Set(stored.map(\.id).filter { $0 % 37 == 0 })
        for id in cancelled { _ = try store.cancel(trip: id, actor: actor) }
        stored.removeAll { cancelled.contains($0.id) }
        #expect(stored.count > 3_000)
        let byDate = Dictionary(grouping: stored, by: \.date).mapValues { $0.map { DispatchTrip($0, zone: zone) } }
        let engine = DispatchEngine(associations: registry.associations, comuni: registry.comuni, convention: registry.convention)
        var memory = RollingDispatcher(engine: engine)
        var compared = 0
        var date = first
        while date <= last {
            defer { date = date.adding(days: 1) }
            let input = try store.dispatchInput(for: date, reassign: false)
            let outlook = MonthOutlook(from: date, trips: byDate)
            #expect(input.outlook == outlook.counts, "month outlook on \(date)")
            #expect(input.samples.mapValues { $0.id } == outlook.samples.mapValues { $0.id }, "outlook samples on \(date)")
            guard !input.trips.isEmpty else { continue }
            let fromStore = engine.dispatch(input, zone: zone)
            let inMemory = memory.dispatch(byDate[date] ?? [], on: date, outlook: outlook.counts, samples: outlook.samples)
            #expect(fromStore.decisions == inMemory.decisions, "decisions on \(date)")
            try store.apply(fromStore, input: input, actor: actor)
            compared += fromStore.decisions.count
        }
        #expect(compared == stored.count)
    }
}
