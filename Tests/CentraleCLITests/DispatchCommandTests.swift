import Foundation
import GRDB
import Testing

/// A database with the registry and one beneficiary, for the request and dispatch commands.
func preparedDatabase(_ work: Workspace) throws -> String {
    let db = work.path("ops.sqlite")
    #expect(try centrale(["init", "--db", db]).status == 0)
    let queue = try DatabaseQueue(path: db)
    try queue.write { db in
        try db.execute(sql: """
            INSERT INTO beneficiary(code, comune, needs, activated_on, closed_on, referred_by) VALUES
              ('BANNA1', '048041', 1, '2025-01-01', '2025-06-30', 'pua'),
              ('BSTRE1', '048046', 4, '2025-01-01', NULL, 'pua');
            INSERT INTO beneficiary_personal(code, name, phone, address, home_lat, home_lon) VALUES
              ('BANNA1', 'Anna Test', '0', 'Via di Casa 1, Scandicci', 43.755, 11.19),
              ('BSTRE1', 'Bruno Test', '0', 'Via del Bosco 2, Vaglia', 43.911, 11.28);
            """)
    }
    try queue.close()
    return db
}

@Suite("centrale request, dispatch and assign", .serialized)
struct DispatchCommandTests {
    @Test("add a recurring request, dispatch the day, explain, reassign, override and cancel")
    func workflow() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let add = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "07:30",
                                "--to", "DIA-CAREGGI", "--return", "11:45", "--purpose", "dialysis", "--repeat", "mon,wed,fri",
                                "--until", "2025-03-14", "--operator", "giulia"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("Added 6 requests for BANNA1: 12 trips"))

        let dry = try centrale(["dispatch", "--db", db, "--date", "2025-03-03", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("2 trips to decide, 2 assigned, 0 unassignable (dry run: nothing stored)"))
        #expect(try listJSON(db, "2025-03-03").allSatisfy { $0["status"] as? String == "pending" })

        let real = try centrale(["dispatch", "--db", db, "--date", "2025-03-03", "--format", "json", "--operator", "giulia"])
        #expect(real.status == 0, "\(real.stderr)")
        let trips = try listJSON(db, "2025-03-03")
        #expect(trips.allSatisfy { $0["status"] as? String == "assigned" })
        let chosen = try #require(trips[0]["association"] as? String)
        #expect(trips[1]["association"] as? String == chosen)

        let again = try centrale(["dispatch", "--db", db, "--date", "2025-03-03"])
        #expect(again.stdout.contains("0 trips to decide"))
        #expect(try listJSON(db, "2025-03-03").map { $0["association"] as? String } == [chosen, chosen])

        let id = try #require(trips[0]["id"] as? Int)
        let explain = try centrale(["dispatch", "--db", db, "--date", "2025-03-03", "--explain", String(id)])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("served in Scandicci (048041)"))
        #expect(explain.stdout.contains("Excluded, does not serve the trip's comune:"))
        // An assigned trip is ranked as if pending, and explain says dispatch leaves it alone.
        #expect(explain.stdout.contains("Note: trip \(id) is assigned to \(chosen) (engine) and dispatch leaves it as it is; "
                                        + "with --reassign it is decided again"), "\(explain.stdout)")

        // An override within the rules, then one against them.
        let other = chosen == "MIS-SCA" ? "PA-SCA" : "MIS-SCA"
        let manual = try centrale(["assign", "--db", db, String(id), other, "--reason", "family request"])
        #expect(manual.status == 0, "\(manual.stderr)")
        #expect(manual.stdout.contains("(manual)"))
        let refused = try centrale(["assign", "--db", db, String(id), "MIS-VAG"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("MIS-VAG does not serve the trip's comune (rule: coverage)"))
        let forced = try centrale(["assign", "--db", db, String(id), "MIS-VAG", "--force", "--reason", "only free vehicle"])
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("forced, against the coverage rule"))
        let audit = try auditRows(db, trip: id)
        #expect(audit.contains { $0.contains("\"method\":\"forced\"") && $0.contains("only free vehicle") })

        // --reassign leaves the manual and forced assignments alone.
        _ = try centrale(["dispatch", "--db", db, "--date", "2025-03-03", "--reassign"])
        #expect(try listJSON(db, "2025-03-03").first { $0["id"] as? Int == id }?["association"] as? String == "MIS-VAG")

        let cancel = try centrale(["request", "cancel", "--db", db, String(id + 2), "--series", "--reason", "transplant"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("Cancelled 10 trips"))
        #expect(try listJSON(db, "2025-03-14").allSatisfy { $0["status"] as? String == "cancelled" })
    }

    @Test("a request contradicting the beneficiary's record is refused with the reason and stores nothing")
    func refusedRequest() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let before = try dumpDatabase(db)
        let run = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-07-01", "--time", "09:00",
                                "--to", "OSP-CAREGGI"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("date: BANNA1 is closed after 2025-06-30 and cannot travel on 2025-07-01"), "\(run.stderr)")
        #expect(try dumpDatabase(db) == before)
        let unknown = try centrale(["request", "add", "--db", db, "--beneficiary", "NOBODY", "--date", "2025-03-03", "--time", "09:00", "--to", "OSP-CAREGGI"])
        #expect(unknown.stderr.contains("beneficiary: no beneficiary with code 'NOBODY'"))
    }

    @Test("a trip no association can take is marked unassignable with the rule that blocked it")
    func unassignable() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        // Vaglia's associations have no stretcher vehicle; with the neighbour rule off nobody else may go.
        let data = try work.copyOfData()
        let file = data.appendingPathComponent("convention.toml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "neighbour_comuni_allowed = true", with: "neighbour_comuni_allowed = false")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try centrale(["init", "--db", db, "--data", data.path]).status == 0)
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", "BSTRE1", "--date", "2025-03-03", "--time", "09:00", "--to", "OSP-CAREGGI"]).status == 0)
        let run = try centrale(["dispatch", "--db", db, "--date", "2025-03-03"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("1 unassignable"))
        let trip = try #require(try listJSON(db, "2025-03-03").first)
        #expect(trip["status"] as? String == "unassignable")
        #expect((trip["reason"] as? String)?.contains("has an active vehicle for stretcher") == true)
    }
}

func listJSON(_ db: String, _ date: String) throws -> [[String: Any]] {
    let run = try centrale(["request", "list", "--db", db, "--date", date, "--format", "json"])
    return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
}

func auditRows(_ db: String, trip: Int) throws -> [String] {
    let queue = try DatabaseQueue(path: db)
    defer { try? queue.close() }
    return try queue.read { db in
        try Row.fetchAll(db, sql: "SELECT actor, action, details, reason FROM audit_log WHERE entity = 'trip' AND entity_id = ?", arguments: [String(trip)])
            .map { "\($0[0] as String) \($0[1] as String) \($0[2] as String) \($0[3] as String? ?? "")" }
    }
}
