import CentraleDomain
import CentraleRegistry
import CentraleSynth
import CentraleTUI
import Foundation

/// Times a key press on a day board of 1,000 trips: the state update and the layout of a
/// 200×50 screen (what the ncurses painter then copies to the terminal).
func benchTUI(registry: Registry, seed: UInt64) {
    let year = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: 2025, seed: seed).generate()
    var trips = year.requests.flatMap { $0 }.prefix(1_000).map { $0 }
    for index in trips.indices { trips[index].id = Int64(index + 1) }
    let codes = registry.associations.map(\.code)
    var state = TUIState(date: LocalDate("2025-03-03")!, operatorName: "bench")
    state.reload(trips.enumerated().map { index, trip in
        BoardRow(trip: trip, association: codes[index % codes.count], version: 1, comune: trip.pickup.comune)
    })
    let keys: [Key] = [.down, .down, .up, .pageDown, .char("f"), .char("f"), .down, .end, .home, .char("f"), .char("f"), .char("f"), .char("f"), .char("f")]
    var times: [Double] = []
    for round in 0..<1_000 {
        let key = keys[round % keys.count]
        let start = DispatchTime.now().uptimeNanoseconds
        state = Reducer.reduce(state, key, pageSize: 45).0
        let lines = Layout.render(state, width: 200, height: 50)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        precondition(lines.count == 50)
    }
    times.sort()
    print(String(format: "Dispatcher screen, a key press on a board of %d trips (state update and 200×50 layout): median %.3f ms, 99th percentile %.3f ms",
                 state.rows.count, times[times.count / 2], times[times.count * 99 / 100]))
}
