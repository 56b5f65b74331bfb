import CentraleDomain
import CentraleRegistry
import CentraleReport
@_spi(Benchmarks) import CentraleStore
import CentraleSynth
import Foundation
import GRDB

/// Times one month's report on a database with ten years of trips (about 425,000), every
/// trip assigned and logged and every month but the last closed, as in real operation.
func benchReport(registry: Registry, lastYear: Int) throws {
    // CENTRALE_BENCH_KEEP=PATH keeps the ten-year database there and reuses it on the next run.
    let keep = ProcessInfo.processInfo.environment["CENTRALE_BENCH_KEEP"]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("centrale-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = keep ?? folder.appendingPathComponent("ten-years.sqlite").path
    let reuse = keep.map { FileManager.default.fileExists(atPath: $0) } ?? false
    let store = try Store(path: path)
    let last = YearMonth(year: lastYear, month: 12)!
    let setup = Date()
    if !reuse { try buildTenYears(store: store, registry: registry, lastYear: lastYear) }
    let trips = try store.benchmarkDatabase.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trip") ?? 0 }
    print(String(format: "Monitoring report on ten years of data: %d trips, 119 months closed (set-up %.0f s)", trips, Date().timeIntervalSince(setup)))
    var times: [Double] = [], reads: [Double] = []
    var report: MonitoringReport?
    for _ in 0..<7 {
        let start = DispatchTime.now().uptimeNanoseconds
        let (input, totals) = try store.reportInput(month: last)
        let read = DispatchTime.now().uptimeNanoseconds
        report = ReportBuilder.build(input, associationTotals: totals)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        reads.append(Double(read - start) / 1e6)
    }
    print(String(format: "  one month's report (%@): median %.0f ms (reading %.0f ms, computing %.0f ms), min %.0f ms; %d trips in the month",
                 last.description, times.sorted()[times.count / 2], reads.sorted()[reads.count / 2],
                 times.sorted()[times.count / 2] - reads.sorted()[reads.count / 2], times.min()!, report!.current.requested))
}

/// Ten synthetic years, every trip assigned and logged, every month but the last closed.
func buildTenYears(store: Store, registry: Registry, lastYear: Int) throws {
    let actor = Actor("bench")
    _ = try store.load(registry, actor: actor)
    for year in (lastYear - 9)...lastYear {
        var synthetic = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: year, seed: UInt64(year)).generate()
        let prefix = "Y\(year % 100)"
        synthetic.beneficiaries = synthetic.beneficiaries.map { person, personal in
            var p = person, q = personal
            p.code = prefix + p.code; q.code = p.code
            return (p, q)
        }
        synthetic.requests = synthetic.requests.map { legs in legs.map { var t = $0; t.beneficiary = prefix + t.beneficiary; return t } }
        try store.addBeneficiaries(synthetic.beneficiaries, actor: actor)
        try store.addRequests(synthetic.requests, estimator: registry.convention.distanceEstimator, actor: actor)
    }
    // Every trip assigned and logged (figures close to the estimate), in bulk.
    let codes = registry.associations.map(\.code).sorted()
    let plates = codes.map { code in registry.associations.first { $0.code == code }!.vehicles.first!.plate }
    try store.benchmarkDatabase.write { db in
        try db.execute(sql: "INSERT INTO log_submission(association, file, sha256, submitted_at, submitted_by, rows, new_logs, already_recorded, accepted) VALUES (?, 'bench', '', '', 'bench', 0, 0, 0, 1)",
                       arguments: [codes[0]])
        let pick = "(trip.id % \(codes.count))"
        let codeCase = "CASE \(pick) " + codes.enumerated().map { "WHEN \($0.offset) THEN '\($0.element)'" }.joined(separator: " ") + " END"
        let plateCase = "CASE \(pick) " + plates.enumerated().map { "WHEN \($0.offset) THEN '\($0.element)'" }.joined(separator: " ") + " END"
        try db.execute(sql: "INSERT INTO assignment(trip, association, method, assigned_at, assigned_by) SELECT id, \(codeCase), 'engine', '', 'bench' FROM trip")
        try db.execute(sql: """
            INSERT INTO trip_log(trip, association, vehicle, driver, driven_m, picked_up_at, dropped_off_at, waiting_min, outcome, notes,
              submitted_at, submitted_by, submission, estimated_m)
            SELECT id, \(codeCase), \(plateCase), 'V01', estimated_m * 2 + 3000, appointment, appointment, 0, 'done', '', '', 'bench', 1,
              estimated_m * 2 + 3000 FROM trip
            """)
        try db.execute(sql: "UPDATE trip SET status = 'done'")
    }
    let last = YearMonth(year: lastYear, month: 12)!
    var month = YearMonth(year: lastYear - 9, month: 1)!
    while month < last {
        _ = try store.closeMonth(month, actor: actor)
        month = month.next
    }
}
