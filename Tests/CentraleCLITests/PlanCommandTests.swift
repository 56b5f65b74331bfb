import Foundation
import GRDB
import Testing

@Suite("centrale plan and plan-bench", .serialized)
struct PlanCommandTests {
    @Test("plan a day, the same plan twice, accept it, see it on the TUI, see it go stale, plan and accept on the TUI")
    func planAndAccept() throws {
        let work = try Workspace()
        let (db, ids, association, _) = try dispatchedDay(work)
        let show = try centrale(["plan", "--db", db, "--date", "2025-03-03", "--association", association, "--format", "json"])
        #expect(show.status == 0, "\(show.stderr)")
        let again = try centrale(["plan", "--db", db, "--date", "2025-03-03", "--association", association, "--format", "json"])
        #expect(again.stdout == show.stdout, "the same trips and seed give the same plan")
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [[String: Any]])
        let vehicles = try #require(plans.first?["vehicles"] as? [[String: Any]])
        let stops = vehicles.flatMap { $0["stops"] as? [[String: Any]] ?? [] }
        #expect(Set(stops.compactMap { $0["trip_id"] as? Int }) == Set(ids), "both legs are planned")
        #expect(stops.count == 4)

        let text = try centrale(["plan", "--db", db, "--date", "2025-03-03"])
        #expect(text.stdout.contains("\(association) 2025-03-03: 2 trips") && text.stdout.contains("saves"))
        #expect(text.stdout.contains("pick up  trip \(ids[0]) BANNA1"))

        let accept = try centrale(["plan", "--db", db, "--date", "2025-03-03", "--accept", "--operator", "giulia"])
        #expect(accept.status == 0 && accept.stdout.contains("Accepted"), "\(accept.stderr)")
        let queue = try DatabaseQueue(path: db)
        let stored = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_stop"),
             try String.fetchAll(db, sql: "SELECT DISTINCT vehicle FROM assignment WHERE trip IN (?, ?)", arguments: [ids[0], ids[1]]),
             try String.fetchOne(db, sql: "SELECT actor FROM audit_log WHERE action = 'plan.accept'"))
        }
        #expect(stored.0 == 4)
        #expect(stored.1.count >= 1 && stored.1.allSatisfy { !$0.isEmpty }, "the shared trips' vehicle is on their assignment")
        #expect(stored.2 == "giulia")
        let plate = try #require(vehicles.first?["plate"] as? String)

        // The monitoring report counts the month's accepted plans.
        let report = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "csv", "--dialect", "rfc4180"])
        #expect(report.stdout.contains("shared_rides,plans,2025-03,1\n") && report.stdout.contains("shared_rides,trips,2025-03,2\n"),
                "\(report.stdout.split(separator: "\n").filter { $0.hasPrefix("shared") })")
        let markdown = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "md"], environment: italianDefault)
        #expect(markdown.stdout.contains("## Giri condivisi accettati (km stimati)") && markdown.stdout.contains("1 giornate di associazione pianificate"))

        // The outbound leg's log is checked against its share of the planned route.
        let share = try #require(try queue.read { try Row.fetchOne($0, sql: "SELECT share_m, vehicle FROM plan_trip WHERE trip = ?", arguments: [ids[0]]) })
        let shareMetres: Int = share[0], shareVehicle: String = share[1]
        let logFile = work.path("planned.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[0]),\(shareVehicle),V01,\(Double(shareMetres) / 1000),08:30,08:52,done\n"
            .write(toFile: logFile, atomically: true, encoding: .utf8)
        let submitted = try centrale(["log", "submit", "--db", db, "--association", association, logFile])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let logged = try queue.read { try Row.fetchOne($0, sql: "SELECT estimated_m, km_flag FROM trip_log WHERE trip = ?", arguments: [ids[0]]) }
        #expect((logged?[0] as Int?) == shareMetres && (logged?[1] as String?) == nil)

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("centrale").path
        let tui = try TmuxSession("\(binary) tui --db \(db) --date 2025-03-03 --operator giulia", width: 120)
        try tui.waitFor("\(association) \(plate)")
        try tui.send("g")
        // Wait for the plans themselves: the screen's title comes before they are read.
        let screen = try tui.waitFor("\(association): 2 servizi")
        #expect(screen.contains("Giri condivisi accettati del lun 03/03/2025") && screen.contains(plate))
        // Cancelling a planned trip makes the accepted plan out of date.
        #expect(try centrale(["request", "cancel", "--db", db, String(ids[1]), "--reason", "feels better"]).status == 0)
        try tui.send("Escape")
        try tui.send("g")
        try tui.waitFor("da rifare")
        // The dispatcher plans the day again from the screen and accepts the proposal.
        try tui.send("p")
        try tui.waitFor("Proposta: 1 associazione")
        try tui.waitFor("1 proposta non ancora accettata")
        try tui.send("a")
        try tui.waitFor("Accettare i giri di \(association)")
        try tui.send("s")
        try tui.waitFor("Giri di \(association) accettati.")
        let screenAfter = try tui.waitFor("\(association): 1 servizio")
        #expect(!screenAfter.contains("da rifare") && screenAfter.contains("Giri condivisi accettati del lun 03/03/2025"))
        let accepted = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT actor FROM audit_log WHERE action = 'plan.accept' ORDER BY id")
        }
        #expect(accepted == ["giulia", "giulia"])
        try tui.send("Escape", "q")
        try queue.close()
    }

    @Test("plan-bench writes one JSON solution per instance and a table with the gap")
    func bench() throws {
        let work = try Workspace()
        let instance = work.path("tiny-2.txt")
        try """
            2 2 480 3 30
              0   0.000   0.000   0   0    0  480
              1   1.000   0.000   3   1    0 1440
              2   0.000   2.000   3   1   60   90
              3   4.000   0.000   3  -1   20   50
              4   0.000   5.000   3  -1    0 1440
              5   0.000   0.000   0   0    0  480

            """.write(toFile: instance, atomically: true, encoding: .utf8)
        try "instance,obj_rf_logged,lower_bound_rf_logged\ntiny-2,18.0,18.0\n".write(toFile: work.path("bks.csv"), atomically: true, encoding: .utf8)
        let run = try centrale(["plan-bench", instance, "--time-limit", "0.2", "--out", work.path("out")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("tiny-2") && run.stdout.contains("18.00") && run.stdout.contains("mean gap"))
        let json = try String(contentsOfFile: work.path("out/tiny-2.json"), encoding: .utf8)
        let solution = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(solution["instance"] as? String == "tiny-2")
        let routes = try #require(solution["routes"] as? [[Int]])
        #expect(routes.flatMap { $0 }.sorted() == [1, 2, 3, 4], "every pickup and drop-off once, depots omitted")
        let cost = try #require(solution["cost"] as? Double)
        // The routes' Euclidean length, recomputed here.
        let points: [Int: (Double, Double)] = [0: (0, 0), 1: (1, 0), 2: (0, 2), 3: (4, 0), 4: (0, 5), 5: (0, 0)]
        let length = routes.reduce(0.0) { total, route in
            let path = [0] + route + [5]
            return total + zip(path, path.dropFirst()).reduce(0.0) { sum, leg in
                let (a, b) = (points[leg.0]!, points[leg.1]!)
                return sum + ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
            }
        }
        #expect(abs(length - cost) < 1e-3)

        try "2 2 480 3 30\n  0 0 0 0 0 0 480\n".write(toFile: work.path("broken.txt"), atomically: true, encoding: .utf8)
        let broken = try centrale(["plan-bench", work.path("broken.txt"), "--out", work.path("out")])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("broken.txt:3: expected 6 node rows"), "\(broken.stderr)")
    }
}
