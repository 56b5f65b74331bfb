import CentraleDomain
import CentraleFormats
import CentraleRegistry
import GRDB
import Testing
@testable import CentraleStore

/// Issue 13 at the store: overlaps with stored logs, the check outside the write transaction,
/// the cap on stored problems.
@Suite("Trip-log submissions at the store")
struct TripLogStoreTests {
    let actor = Actor("tester", reason: "test")

    /// BTEST1's round trip of 2025-03-03, assigned to an association with a wheelchair van.
    func assignedDay(_ dir: TemporaryDirectory) throws -> (store: Store, ids: [Int64], association: String, vehicle: String) {
        let setup = ServiceStoreTests()
        let (store, registry) = try loadedStore(dir)
        try store.addBeneficiaries([(setup.person, setup.personal)], actor: actor)
        let ids = try store.addRequests([setup.request(registry)], estimator: registry.convention.distanceEstimator, actor: actor)[0]
        let association = registry.associations.first { $0.vehicles.contains { $0.wheelchairPlaces > 0 } }!
        for id in ids { try store.assign(trip: id, to: association.code, method: .manual, note: nil, actor: actor) }
        return (store, ids, association.code, association.vehicles.first { $0.wheelchairPlaces > 0 }!.plate)
    }

    func row(_ trip: Int64, _ vehicle: String, _ start: String, _ end: String) -> String {
        "\(trip),\(vehicle),V01,\(start),\(end),08:30,08:52,done\n"
    }

    let header = "trip,vehicle,driver,odometer_start,odometer_end,pickup_time,dropoff_time,outcome\n"

    @Test("a range overlapping a stored log of the same vehicle and day is refused, naming the stored trip's file and line")
    func overlapWithStored() throws {
        let dir = try TemporaryDirectory()
        let (store, ids, association, vehicle) = try assignedDay(dir)
        let first = try store.submitLogFile(header + row(ids[0], vehicle, "45210.0", "45226.1"), file: "first.csv", sha256: "a",
                                            association: association, actor: actor)
        #expect(first.accepted, "\(first.problems)")
        // One audit entry for the submission, proving its logs by their number and the digest
        // of their canonical lines; none per log.
        let log = try #require(try store.log(of: ids[0]))
        #expect(try store.auditTrail(entity: "trip", id: String(ids[0])).allSatisfy { $0.action != "log.create" })
        let entry = try #require(try store.auditTrail(entity: "log_submission", id: String(first.id)).first { $0.action == "log.submission" })
        let estimated = try store.pool.read { try Int.fetchOne($0, sql: "SELECT estimated_m FROM trip_log WHERE trip = ?", arguments: [ids[0]]) } ?? -1
        let flag = try store.pool.read { try String.fetchOne($0, sql: "SELECT km_flag FROM trip_log WHERE trip = ?", arguments: [ids[0]]) }
        let line = "[\(ids[0]),\"\(association)\",\"\(vehicle)\",\"V01\",45210000,45226100,16100,510,532,0,\"done\",\(estimated),"
            + (flag.map { AuditValue.quote($0) } ?? "null") + "]"
        #expect(LogDigest.line(log, estimated: Distance(metres: estimated), kmFlag: flag) == line)
        #expect(entry.details == AuditValue.json(["association": .text(association), "file": "first.csv", "sha256": "a", "new": 1,
                                                  "already_recorded": 0, "logs_sha256": .text(SHA256.hex(of: line + "\n")),
                                                  "first_trip": .int(Int(ids[0])), "last_trip": .int(Int(ids[0]))]))
        #expect(entry.actor == "tester" && entry.reason == "test")
        let checks = try store.verify()
        #expect(checks.filter { !$0.passed }.isEmpty, "\(checks)")
        #expect(checks.contains { $0.kind == .tripLogs && $0.count == 1 })
        #expect(log.driven == Distance(metres: 16_100) && log.odometerStart == Distance(metres: 45_210_000))
        #expect(try store.trip(ids[0])?.status == .done)
        let second = try store.submitLogFile(header + row(ids[1], vehicle, "45220.0", "45240.0"), file: "second.csv", sha256: "b",
                                             association: association, actor: actor)
        #expect(!second.accepted)
        #expect(second.problems.map(\.description) == [
            "second.csv:2: odometer_start: \(vehicle)'s 45220–45240 km overlaps trip \(ids[0]) already recorded, from first.csv:2 (45210–45226.1 km) "
                + "on 2025-03-03; one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings",
        ])
        let after = try store.submitLogFile(header + row(ids[1], vehicle, "45230.0", "45240.0"), file: "third.csv", sha256: "c",
                                            association: association, actor: actor)
        #expect(after.accepted, "\(after.problems)")
    }

    @Test("the rows are checked before the write transaction; a change in between is seen and the rows checked again")
    func checkedOutsideTheWrite() throws {
        let dir = try TemporaryDirectory()
        let (store, ids, association, vehicle) = try assignedDay(dir)
        let text = header + row(ids[0], vehicle, "45210.0", "45226.1") + row(ids[1], vehicle, "45230.0", "45240.0")
        var checked = false
        let result = try store.submitLogFile(text, file: "f.csv", sha256: "a", association: association, actor: actor, afterCheck: {
            // Another writer can write here: the submission holds no write lock while it checks.
            // It cancels the return trip: the file must now be refused.
            try store.pool.write { db in
                try db.execute(sql: "UPDATE trip SET status = 'cancelled', version = version + 1 WHERE id = ?", arguments: [ids[1]])
            }
            checked = true
        })
        #expect(checked)
        #expect(!result.accepted)
        #expect(result.problems.map(\.description) == ["f.csv:3: trip: trip \(ids[1]) was cancelled before it took place; do not log it"])
        #expect(try store.log(of: ids[0]) == nil, "all or nothing")

        // A change committed by another connection (another process) is seen too.
        try store.pool.write { db in try db.execute(sql: "UPDATE trip SET status = 'assigned' WHERE id = ?", arguments: [ids[1]]) }
        let other = try store.submitLogFile(text, file: "f.csv", sha256: "a", association: association, actor: actor, afterCheck: {
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { db in
                try db.execute(sql: "DELETE FROM assignment WHERE trip = ?", arguments: [ids[0]])
            }
            try queue.close()
        })
        #expect(!other.accepted)
        #expect(other.problems.map(\.description) == ["f.csv:2: trip: no trip \(ids[0]) assigned to \(association); check the id among the trips of \(association)"])
        try store.assign(trip: ids[0], to: association, method: .manual, note: nil, actor: actor)

        // Nothing changed in between: accepted with the check made outside the transaction.
        let again = try store.submitLogFile(text, file: "f.csv", sha256: "a", association: association, actor: actor, afterCheck: {})
        #expect(again.accepted && again.newLogs == 2, "\(again.problems)")
    }

    @Test("an amendment's odometers may not overlap another stored log of the vehicle and day")
    func amendOverlap() throws {
        let dir = try TemporaryDirectory()
        let (store, ids, association, vehicle) = try assignedDay(dir)
        let text = header + row(ids[0], vehicle, "45210.0", "45226.1") + row(ids[1], vehicle, "45230.0", "45240.0")
        // Before the logs: nothing to amend, and the refusal's remedy is a value, not a command.
        #expect(throws: StoreError.refused(.log(.noLogToAmend(ids[1])), remedy: .submitLog)) {
            try store.amendLog(trip: ids[1], change: { _ in }, actor: Actor("ufficio", reason: "misread"))
        }
        #expect(try store.submitLogFile(text, file: "f.csv", sha256: "a", association: association, actor: actor).accepted)
        do {
            _ = try store.amendLog(trip: ids[1], change: { $0.odometerStart = Distance(metres: 45_220_000); $0.driven = Distance(metres: 20_000) },
                                   actor: Actor("ufficio", reason: "misread"))
            Issue.record("expected the amendment to be refused")
        } catch let errors as FieldErrors {
            #expect(errors.errors.map(\.description) == [
                "amendment of trip \(ids[1]), field odometer_start: \(vehicle)'s 45220–45240 km overlaps trip \(ids[0]) already recorded, from f.csv:2 "
                    + "(45210–45226.1 km) on 2025-03-03; one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings",
            ])
            // In Italian, the amendment and its field by their Italian names.
            #expect(errors.errors.map { $0.rendered(.it, \.italian) }.first?
                        .hasPrefix("rettifica del servizio \(ids[1]), campo km_inizio: le letture 45.220–45.240 km del mezzo \(vehicle)") == true,
                    "\(errors.errors.map { $0.rendered(.it, \.italian) })")
        }
        // Its own stored range is no overlap: a change that keeps clear of the other log is accepted.
        _ = try store.amendLog(trip: ids[1], change: { $0.odometerStart = Distance(metres: 45_228_000); $0.driven = Distance(metres: 12_000) },
                               actor: Actor("ufficio", reason: "misread"))
        #expect(try store.log(of: ids[1])?.odometerStart == Distance(metres: 45_228_000))
    }

    @Test("verify finds a log edited, deleted or added by hand in an accepted submission; amendments keep it passing")
    func verifyLogs() throws {
        let dir = try TemporaryDirectory()
        let (store, ids, association, vehicle) = try assignedDay(dir)
        let text = header + row(ids[0], vehicle, "45210.0", "45226.1") + row(ids[1], vehicle, "45230.0", "45240.0")
        let submitted = try store.submitLogFile(text, file: "f.csv", sha256: "a", association: association, actor: actor)
        #expect(submitted.accepted)
        func logsCheck() throws -> VerifyCheck { try #require(try store.verify().first { $0.kind == .tripLogs }) }
        #expect(try logsCheck().passed && logsCheck().count == 1)
        // An amendment is audited with the log's lines before and after: verify still passes, also in its fast form.
        _ = try store.amendLog(trip: ids[1], change: { $0.odometerStart = Distance(metres: 45_228_000); $0.driven = Distance(metres: 12_000) },
                               actor: Actor("ufficio", reason: "misread"))
        _ = try store.amendLog(trip: ids[1], change: { $0.waitingMinutes = 10 }, actor: Actor("ufficio", reason: "forgot the wait"))
        let amended = try logsCheck()
        #expect(amended.passed, "\(amended)")
        #expect(try store.verify(fast: true).allSatisfy(\.passed))
        // Each change below is made by hand on a copy of the database, and found.
        let tampering: [(sql: String, expected: String)] = [
            ("UPDATE trip_log SET driven_m = driven_m + 1000 WHERE trip = \(ids[0])",
             "the logs of submission \(submitted.id) do not match its audit entry: a log was edited by hand"),
            ("UPDATE trip_log SET vehicle = vehicle WHERE trip = \(ids[0]); UPDATE trip_log SET outcome = 'no_show' WHERE trip = \(ids[0])",
             "the logs of submission \(submitted.id) do not match its audit entry"),
            ("UPDATE trip_log SET waiting_min = 20 WHERE trip = \(ids[1])",
             "the log of trip \(ids[1]) differs from its last amendment in the audit trail: it was edited by hand"),
            ("DELETE FROM trip_log WHERE trip = \(ids[0])", "submission \(submitted.id) stored 2 logs (audit trail), 1 is left"),
        ]
        for (index, tamper) in tampering.enumerated() {
            let copy = dir.path("tampered-\(index).sqlite")
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
            try DatabaseQueue(path: copy).writeWithoutTransaction { db in try db.execute(sql: tamper.sql) }
            let check = try #require(try Store(path: copy, access: .write).verify().first { $0.kind == .tripLogs })
            #expect(check.broken?.english.hasPrefix(tamper.expected) == true, "\(tamper.sql): \(check)")
        }
        // The notes are not part of the digest: erasing a person blanks them.
        try store.pool.write { db in try db.execute(sql: "UPDATE trip_log SET notes = ''") }
        #expect(try logsCheck().passed)
    }

    @Test("the problems stored with a rejected submission are capped at 64 KB, with a count of the rest")
    func problemsCapped() throws {
        let problems = (1...5000).map { FieldError(SourceLocation(file: "f.csv", line: $0), field: "km", Verbatim("is not a number of km between 0 and 2000")) }
        let text = Store.problemsText(problems)
        #expect(text.utf8.count <= 64 * 1024)
        let kept = text.split(separator: "\n").count - 1
        #expect(text.hasSuffix("… and \(5000 - kept) more problems (5000 in all), not stored"))
        #expect(Store.problemsText(Array(problems.prefix(3))) == problems.prefix(3).map(\.description).joined(separator: "\n"))
    }
}
