import AsyncHTTPClient
import CentraleAPI
import CentraleDispatch
import CentraleDomain
import CentraleOffice
import CentraleRegistry
import CentraleServer
@_spi(Benchmarks) import CentraleStore
import CentraleSynth
import Foundation
import GRDB
import Logging
import NIOCore
import NIOHTTP1

/// `serve-load`: the server on loopback under the issue's load. The 26 associations submit their
/// month's log concurrently while a dispatcher assigns the next month's days (through a store of
/// its own, as the TUI or the CLI would) and 200 readers read trips and statements. Prints the
/// p50/p99 latencies and the errors (which must be zero), then submits the same files one by one
/// to a copy of the database taken before and compares the logs stored: nothing may be lost.
func benchServeLoad(registry: Registry, year: Int, seed: UInt64, readers: Int = 200, readsEach: Int = 10) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("centrale-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    // A year of requests; March dispatched by the engine across the associations.
    let path = folder.appendingPathComponent("served.sqlite").path
    let store = try Store(path: path)
    let actor = Actor("bench")
    _ = try store.load(registry, actor: actor)
    let synthetic = SyntheticYearGenerator(comuni: registry.comuni, places: registry.places, year: year, seed: seed).generate()
    try store.addBeneficiaries(synthetic.beneficiaries, actor: actor)
    try store.addRequests(synthetic.requests, estimator: registry.convention.distanceEstimator, actor: actor)
    let engine = DispatchEngine(associations: registry.associations, comuni: registry.comuni, convention: registry.convention)
    let zone = Set(registry.zoneComuni.map(\.istatCode))
    let march = YearMonth(year: year, month: 3)!
    var day = march.firstDay
    while day <= march.lastDay {
        let input = try store.dispatchInput(for: day, reassign: false)
        _ = try store.apply(engine.dispatch(input, zone: zone), input: input, actor: actor)
        day = day.adding(days: 1)
    }
    // Each association's log of its March trips, and a token.
    var files: [(association: String, token: String, bytes: [UInt8])] = []
    for association in registry.associations {
        let trips = try store.trips(of: association.code, from: march.firstDay, to: march.lastDay).map(\.trip).filter { $0.status == .assigned }
        guard !trips.isEmpty else { continue }
        var odometers: [String: Distance] = [:]
        let logs = TripLogGenerator(association: association, estimator: registry.convention.distanceEstimator, seed: seed).logs(for: trips, odometers: &odometers)
        let token = try store.issueToken(role: .association, association: association.code, owner: nil, validUntil: nil, actor: actor).token
        files.append((association.code, token, Array(LogFileWriter.text(logs, dialect: .englishCSV).utf8)))
    }
    let sequentialPath = folder.appendingPathComponent("sequential.sqlite").path
    try copyDatabase(store, to: sequentialPath)
    let rows = files.reduce(0) { $0 + $1.bytes.filter { $0 == 10 }.count - 1 }

    // The server, on a free port of 127.0.0.1.
    var logger = Logger(label: "centrale.bench")
    logger.logLevel = .critical  // the shutdown at the end logs the cancelled connections
    var settings = ServerSettings(host: "127.0.0.1", port: 0)
    settings.failureLimit = 1_000_000
    let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = try CentraleServer.application(store: store, settings: settings, logger: logger, onRunning: { portContinuation.yield($0) })
    let server = Task { try await app.runService() }
    var ports = portStream.makeAsyncIterator()
    guard let port = await ports.next() else { throw StoreError.refused(.demo(.serverDidNotStart)) }
    let base = "http://127.0.0.1:\(port)"

    var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10), read: .seconds(120)))
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = readers + files.count + 8
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)

    /// One request: its latency in ms, or nil for an error.
    @Sendable func request(_ method: HTTPMethod, _ uri: String, token: String, body: [UInt8]? = nil) async -> Double? {
        var request = HTTPClientRequest(url: base + uri)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body { request.body = .bytes(ByteBuffer(bytes: body)); request.headers.add(name: "Content-Type", value: "text/csv") }
        let start = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: .seconds(120))
            _ = try await response.body.collect(upTo: 64 * 1024 * 1024)
            guard response.status == .ok else { return nil }
        } catch { return nil }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    // The load: submissions, readers and a dispatcher at once.
    let started = ContinuousClock.now
    let dispatcher = Task.detached { () -> (days: Int, errors: Int) in
        let desk = try Store(path: path, access: .write)  // another connection pool: as the TUI or the CLI would be
        var day = march.lastDay.adding(days: 1), done = 0, errors = 0
        for _ in 0..<30 {
            do {
                let input = try desk.dispatchInput(for: day, reassign: false)
                _ = try desk.apply(engine.dispatch(input, zone: zone), input: input, actor: Actor("dispatcher"))
                done += 1
            } catch { errors += 1; print("  dispatcher: \(error)") }
            day = day.adding(days: 1)
        }
        return (done, errors)
    }
    // Each task returns its requests' latencies in ms (nil: an error), submissions apart from reads.
    let results: [(submission: Bool, latencies: [Double?])] = await withTaskGroup(of: (Bool, [Double?]).self) { group in
        for file in files {
            group.addTask { (true, [await request(.POST, "/api/v1/logs?file=\(file.association).csv", token: file.token, body: file.bytes)]) }
        }
        for reader in 0..<readers {
            let file = files[reader % files.count]
            group.addTask {
                var latencies: [Double?] = []
                for read in 0..<readsEach {
                    let uri = read % 2 == 0 ? "/api/v1/trips?month=\(march)" : "/api/v1/statements/\(march)"
                    latencies.append(await request(.GET, uri, token: file.token))
                }
                return (false, latencies)
            }
        }
        var results: [(submission: Bool, latencies: [Double?])] = []
        for await result in group { results.append(result) }
        return results
    }
    let wall = ContinuousClock.now - started
    let desk = try await dispatcher.value
    try await client.shutdown()
    server.cancel()

    // The same files one by one, on the copy taken before.
    let sequential = try Store(path: sequentialPath, access: .write)
    for file in files {
        let report = try Office(store: sequential, scope: file.association)
            .submitLog(file.bytes, file: "\(file.association).csv", association: file.association, actor: actor)
        guard report.accepted else { throw StoreError.refused(.demo(.benchFileRejectedAlone(association: file.association, problems: "\(report.problems.prefix(2))"))) }
    }
    let concurrentLogs = try storedLogs(path), sequentialLogs = try storedLogs(sequentialPath)

    let all = results.flatMap(\.latencies)
    let errors = all.filter { $0 == nil }.count + desk.errors
    let submitted = results.filter(\.submission).flatMap(\.latencies).compactMap { $0 }.sorted()
    let reads = results.filter { !$0.submission }.flatMap(\.latencies).compactMap { $0 }.sorted()
    print("Server under load on 127.0.0.1: \(files.count) associations submit March \(year) (\(rows) rows) at once, \(readers) readers × \(readsEach) reads, a dispatcher assigning 30 days")
    print(String(format: "  wall %.2f s; dispatcher: %d days assigned meanwhile", Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18, desk.days))
    print(String(format: "  submissions (%d): p50 %.0f ms, p99 %.0f ms, max %.0f ms", submitted.count, percentile(submitted, 0.5), percentile(submitted, 0.99),
                 submitted.last ?? 0))
    print(String(format: "  reads (%d): p50 %.0f ms, p99 %.0f ms, max %.0f ms", reads.count, percentile(reads, 0.5), percentile(reads, 0.99), reads.last ?? 0))
    print(String(format: "p99 latency: %.0f ms", percentile((submitted + reads).sorted(), 0.99)))
    print("errors: \(errors)")
    print("logs stored: \(concurrentLogs.count) concurrently, \(sequentialLogs.count) one by one; "
          + (concurrentLogs == sequentialLogs ? "identical, nothing lost" : "DIFFERENT: \(Set(sequentialLogs).subtracting(concurrentLogs).count) missing"))
}

/// The value at fraction `p` of sorted values (nearest rank).
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
}

/// Every stored log's values, without when and by whom (they differ between runs).
func storedLogs(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
        try Row.fetchAll(db, sql: """
            SELECT trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at, dropped_off_at,
                   waiting_min, outcome, estimated_m, km_flag FROM trip_log ORDER BY trip
            """).map { $0.description }
    }
}

/// A consistent copy of the store's database (`VACUUM INTO`).
func copyDatabase(_ store: Store, to path: String) throws {
    try store.benchmarkDatabase.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
}
