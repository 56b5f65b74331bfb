import CentraleDomain
import CentraleFormats
import CentraleRegistry
@_spi(Benchmarks) import CentraleStore
import CentraleSynth
import CentraleTripLogs
import Foundation
import GRDB

/// Times the import of a year of trip logs in one file (parse, check, store) and, for
/// comparison, `sqlite3`'s own `.import` of the same file into a plain table.
func benchLogImport(registry: Registry, year: Int, seed: UInt64) throws {
    let folder = try benchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (store, association) = try yearAssignedToOneAssociation(registry: registry, year: year, seed: seed, in: folder)
    let actor = Actor("bench")
    let trips = try store.trips(of: association.code, from: LocalDate(year: year, month: 1, day: 1)!, to: LocalDate(year: year, month: 12, day: 31)!).map(\.trip)
    var odometers: [String: Distance] = [:]
    let logs = TripLogGenerator(association: association, estimator: registry.convention.distanceEstimator, seed: seed)
        .logs(for: trips, odometers: &odometers)
    let file = folder.appendingPathComponent("year.csv")
    try LogFileWriter.text(logs, dialect: .englishCSV).write(to: file, atomically: true, encoding: .utf8)

    // Centrale: read, parse, check against the database, store with audit entries.
    let started = DispatchTime.now().uptimeNanoseconds
    let data = try Data(contentsOf: file)
    let text = String(decoding: data, as: UTF8.self)
    let rows = try LogParser.parse(text, fileName: file.path)
    let parsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let result = try store.submitLogs(rows, association: association.code, file: file.path, sha256: SHA256.hex(of: data), actor: actor)
    let centrale = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    guard result.accepted else { throw StoreError.refused(.demo(.benchFileRejected(problems: Array(result.problems.prefix(3))))) }

    // sqlite3 .import into a plain table of text columns.
    let plain = folder.appendingPathComponent("plain.sqlite").path
    let columns = "trip,date,vehicle,driver,odometer_start,odometer_end,km,pickup_time,dropoff_time,waiting_minutes,outcome,notes"
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = ["sqlite3", plain, "CREATE TABLE logs(\(columns.split(separator: ",").map { "\($0) TEXT" }.joined(separator: ", ")));",
                        ".mode csv", ".import --skip 1 \(file.path) logs", "SELECT COUNT(*) FROM logs;"]
    let output = Pipe()
    sqlite.standardOutput = output
    let sqliteStarted = DispatchTime.now().uptimeNanoseconds
    try sqlite.run()
    let counted = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    sqlite.waitUntilExit()
    let sqliteSeconds = Double(DispatchTime.now().uptimeNanoseconds - sqliteStarted) / 1e9

    print("Trip-log import, a year in one file (\(rows.count) rows, \(data.count / 1024) KiB)")
    print(String(format: "  centrale log submit path: %.2f s, %.0f rows/s (parse %.2f s; check every row, store with audit %.2f s; %d new, %d flagged)",
                 centrale, Double(rows.count) / centrale, parsed, centrale - parsed, result.newLogs, result.flagged))
    if sqlite.terminationStatus == 0 {
        print(String(format: "  sqlite3 .import, plain table: %.2f s, %.0f rows/s (%@ rows, no checks)", sqliteSeconds,
                     Double(rows.count) / sqliteSeconds, counted))
        // The target: at least half of sqlite3's own rate (R >= 0.5), measured in the same run.
        print(String(format: "ratio to sqlite3 .import: %.2f", sqliteSeconds / centrale))
    } else {
        print("  sqlite3 .import: not run (install the sqlite3 command: apt-get install sqlite3)")
    }
}

/// A new temporary folder for a benchmark's files (the caller removes it).
func benchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("centrale-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A database in `folder` with the synthetic year's people and trips, every trip assigned to
/// one association with a full fleet (MIS-SCA).
func yearAssignedToOneAssociation(registry: Registry, year: Int, seed: UInt64, in folder: URL) throws -> (Store, CentraleDomain.Association) {
    let store = try Store(path: folder.appendingPathComponent("bench.sqlite").path)
    let actor = Actor("bench")
    _ = try store.load(registry, actor: actor)
    let synthetic = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: year, seed: seed).generate()
    try store.addBeneficiaries(synthetic.beneficiaries, actor: actor)
    try store.addRequests(synthetic.requests, estimator: registry.convention.distanceEstimator, actor: actor)
    let association = registry.associations.first { $0.code == "MIS-SCA" }!
    try store.benchmarkDatabase.write { db in
        try db.execute(sql: """
            INSERT INTO assignment(trip, association, method, assigned_at, assigned_by) SELECT id, ?, 'manual', '2025-01-01T00:00:00Z', 'bench' FROM trip;
            UPDATE trip SET status = 'assigned';
            """, arguments: [association.code])
    }
    return (store, association)
}
