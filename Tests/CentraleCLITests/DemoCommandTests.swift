import CentraleDomain
import CentraleStore
import Foundation
import GRDB
import Testing

@Suite("centrale demo", .serialized)
struct DemoCommandTests {
    @Test("demo --json builds a year (a smaller one: 10% of the people) with every step, in a sound WAL database")
    func demoJSON() throws {
        let work = try Workspace()
        let db = work.path("demo.sqlite")
        let run = try centrale(["demo", "--db", db, "--year", "2025", "--json", "--scale", "10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("[1/"))  // progress goes to standard error with --json
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["scale_percent"] as? Int == 10)
        let beneficiaries = try #require(summary["beneficiaries"] as? Int)
        let trips = try #require(summary["trips"] as? Int)
        let km = try #require(summary["km"] as? Int)
        // A tenth of the people: about a tenth of the year (the ±5% calibration is the full year's, below).
        #expect(beneficiaries == 42)  // 10% of each programme of the calibrated 420 people
        #expect(abs(Double(trips) / 4_250 - 1) <= 0.15, "trips: \(trips)")
        #expect(abs(Double(km) / 100_000 - 1) <= 0.15, "km: \(km)")
        let reimbursed = try #require(summary["reimbursed_cents"] as? Int)
        #expect(abs(Double(reimbursed) / 9_586_500 - 1) <= 0.15, "cents: \(reimbursed)")
        #expect(summary["rejected_files"] as? Int == 3)
        let activations = try #require(summary["activations"] as? Int)
        #expect(activations > 0 && activations <= beneficiaries)
        #expect(summary["year"] as? Int == 2025)
        #expect(summary["assigned"] as? Int == trips)
        #expect(summary["unassignable"] as? Int == 0)
        // The year's shared-ride plans: every planned trip counted, fewer km, money saved.
        let plans = try #require(summary["plans"] as? [String: Any])
        let planned = try #require(plans["planned_metres"] as? Int), baseline = try #require(plans["baseline_metres"] as? Int)
        #expect(planned > 0 && planned < baseline)
        #expect(try #require(plans["saving_cents"] as? Int) > 0)
        #expect(try #require(plans["trips"] as? Int) > trips * 9 / 10)
        #expect(try #require(plans["shared_trips"] as? Int) > 0)
        // The same plans on the volunteers' shifts: the same trips, a smaller saving.
        let real = try #require(summary["plans_with_shifts"] as? [String: Any])
        #expect(real["baseline_metres"] as? Int == baseline && real["trips"] as? Int == plans["trips"] as? Int)
        let realPlanned = try #require(real["planned_metres"] as? Int)
        #expect(realPlanned > planned && realPlanned < baseline, "shifts keep part of the saving: \(realPlanned) vs \(planned) of \(baseline)")
        #expect(try #require(summary["volunteers"] as? Int) > 100)
        #expect(run.stderr.contains("on the volunteers' shifts"))

        let queue = try DatabaseQueue(path: db)
        let (mode, violations, stored, assignments) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trip"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assignment"))
        }
        // The people came through the PUA import, with referrals over the year, some hospital stays
        // and closings, and no trip on a day they could not travel.
        let (registered, suspensions, closings, conflicts, referralMonths) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM beneficiary_personal WHERE codice_fiscale IS NOT NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM beneficiary_status WHERE status = 'suspended'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM beneficiary_status WHERE status = 'closed'") ?? 0,
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM trip JOIN beneficiary b ON b.code = trip.beneficiary
                WHERE trip.status != 'cancelled' AND (trip.date < b.activated_on OR trip.date > coalesce(b.closed_on, '9999-12-31')
                  OR EXISTS (SELECT 1 FROM beneficiary_status s WHERE s.code = b.code AND s.status = 'suspended'
                             AND trip.date BETWEEN s.from_date AND s.to_date)
                  OR NOT EXISTS (SELECT 1 FROM beneficiary_authorisation a WHERE a.code = b.code AND trip.date BETWEEN a.valid_from AND a.valid_until
                                 AND instr(a.purposes, trip.purpose) > 0))
                """) ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT substr(referred_on, 1, 7)) FROM beneficiary_referral WHERE referred_on LIKE '2025-%'") ?? 0)
        }
        try queue.close()
        #expect(mode == "wal")
        #expect(violations == 0)
        #expect(stored == trips)
        #expect(assignments == trips)
        #expect(registered == beneficiaries)
        #expect(suspensions > 0 && closings > 0)
        #expect(conflicts == 0)
        #expect(referralMonths >= 5)  // 11 people activated in the small year; the full year's referrals span 10 months or more
        #expect(FileManager.default.fileExists(atPath: work.path("centrale-demo/pua/segnalazioni-2025.csv")))

        // Every flow of the year left a sound database: snapshots, totals and one unbroken audit chain.
        let verify = try centrale(["verify", "--db", db])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        // Running it again rebuilds the same year (same seed, same figures).
        let again = try centrale(["demo", "--db", db, "--year", "2025", "--json", "--scale", "10"])
        #expect(again.status == 0)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(second["trips"] as? Int == trips && second["km"] as? Int == km)
        #expect((second["plans"] as? [String: Any])?["saving_cents"] as? Int == plans["saving_cents"] as? Int, "plans are deterministic")
        #expect((second["plans_with_shifts"] as? [String: Any])?["saving_cents"] as? Int == real["saving_cents"] as? Int)
        // The associations' volunteers are there to see: a roster, shifts, and the crews of a weekday.
        let roster = try centrale(["volunteer", "list", "--association", "MIS-SCA", "--db", db])
        #expect(roster.status == 0 && roster.stdout.contains("mon-sat 06:00-13:00"), "\(roster.stdout)")
        let means = try Store(path: db, access: .read).dayCrews(of: "MIS-SCA", on: LocalDate("2025-03-04")!)
        #expect(means.source == .volunteers && !means.crews.isEmpty && means.capacity > 0)

        // December runs as the service does with volunteers: a few declines dispatched again,
        // plans accepted, trips confirmed, and logs that follow the routes.
        #expect(summary["declines"] as? Int == 4 && (summary["accepted_plans"] as? Int ?? 0) > 0, "\(summary)")
        #expect((summary["confirmations"] as? Int ?? 0) > 0)
        let (declined, redispatched, onRoutes, offRoute, routeKm, shares) = try DatabaseQueue(path: db).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trip_decline") ?? 0,
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM trip_decline d JOIN assignment a ON a.trip = d.trip WHERE a.association != d.association
                """) ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trip_log l JOIN plan_trip p ON p.trip = l.trip") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trip_log l JOIN plan_trip p ON p.trip = l.trip WHERE l.vehicle != p.vehicle") ?? -1,
             try Int.fetchOne(db, sql: "SELECT SUM(l.driven_m) FROM trip_log l JOIN plan_trip p ON p.trip = l.trip") ?? 0,
             try Int.fetchOne(db, sql: "SELECT SUM(p.share_m) FROM trip_log l JOIN plan_trip p ON p.trip = l.trip") ?? 0)
        }
        #expect(declined == 4 && redispatched == 4, "each declined trip went to another association")
        #expect(onRoutes > 100 && offRoute == 0, "December's logs name their route's vehicle: \(onRoutes), \(offRoute) off")
        #expect(abs(Double(routeKm) / Double(max(1, shares)) - 1) < 0.05, "and log about their share of its km: \(routeKm) m for \(shares) m")

        // Work done in a demo database afterwards is never replaced by a new demo.
        let flagged = try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT trip FROM trip_log WHERE km_flag IS NOT NULL ORDER BY trip LIMIT 1") }
        let trip = try #require(flagged)
        let review = try centrale(["log", "review", "--db", db, String(trip), "--accept", "--reason", "checked the odometer photo"],
                                  environment: ["CENTRALE_OPERATOR": "giulia"])
        #expect(review.status == 0, "\(review.stderr)")
        let refused = try centrale(["demo", "--db", db, "--year", "2025", "--json", "--scale", "10"])
        #expect(refused.status == 1 && refused.stderr.contains("made in it after it was built"), "\(refused.stderr)")
    }

    /// The full calibrated year takes about a minute and a half: run it with CENTRALE_TEST_FULL_DEMO=1
    /// (`CENTRALE_TEST_FULL_DEMO=1 tools/test.sh --filter DemoCommandTests`).
    @Test("the full demo year is within ±5% of the service's figures and meets the share and continuity targets",
          .enabled(if: ProcessInfo.processInfo.environment["CENTRALE_TEST_FULL_DEMO"] == "1", "set CENTRALE_TEST_FULL_DEMO=1 to run the full year"))
    func fullYear() throws {
        let work = try Workspace()
        let db = work.path("demo.sqlite")
        let run = try centrale(["demo", "--db", db, "--year", "2025", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["scale_percent"] == nil)
        let beneficiaries = try #require(summary["beneficiaries"] as? Int)
        #expect(beneficiaries == 420)
        #expect(abs(Double(try #require(summary["trips"] as? Int)) / 42_500 - 1) <= 0.05)
        #expect(abs(Double(try #require(summary["km"] as? Int)) / 1_000_000 - 1) <= 0.05)
        #expect(abs(Double(try #require(summary["reimbursed_cents"] as? Int)) / 95_865_000 - 1) <= 0.05)
        let activations = try #require(summary["activations"] as? Int)
        #expect(abs(Double(activations) / 300 - 1) <= 0.08, "activations: \(activations)")  // the service activates about 300 a year
        #expect(try #require(summary["share_max_deviation_percent"] as? Double) <= 10)
        #expect(try #require(summary["continuity_percent"] as? Double) >= 95)
        let referralMonths = try DatabaseQueue(path: db).read {
            try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT substr(referred_on, 1, 7)) FROM beneficiary_referral WHERE referred_on LIKE '2025-%'") ?? 0
        }
        #expect(referralMonths >= 10)
        // The README's examples name two of its people: they are there, on dialysis at Careggi.
        for code in ["B4A5H5", "BYUY8U"] {
            let show = try centrale(["beneficiary", "show", "--db", db, code])
            #expect(show.status == 0 && show.stdout.contains("authorised") && show.stdout.contains("dialysis"), "\(code): \(show.stderr)")
        }
        // Every example of the README runs as printed on it, in order.
        let examples = try readmeExamples(folder: work.url.path)
        #expect(examples.count >= 30)  // 30 when written; the others need a value of the reader's
        for arguments in examples {
            let example = try centrale(arguments, environment: ["CENTRALE_DB": db])
            #expect(example.status == 0, "centrale \(arguments.joined(separator: " ")): \(example.stderr)")
        }
    }

    @Test("the README's examples are read as they are typed: one choice of each a|b, optional parts given, placeholders left out")
    func readmeParsing() throws {
        let examples = try readmeExamples(folder: "/demo")
        #expect(examples.contains(["beneficiary", "close", "B4A5H5", "--on", "2025-06-30", "--reason", "ended", "--note", "…"]))
        #expect(examples.contains(["beneficiary", "export", "B4A5H5", "--out", "/demo/b4a5h5.json", "--force"]))
        #expect(examples.contains(["log", "submit", "--association", "MIS-SCA", "/demo/centrale-demo/logs/MIS-SCA-2025-03.csv"]))
        #expect(examples.contains(["statement", "--association", "MIS-SCA", "--month", "2025-03", "--format", "md", "--dialect", "excel"]))
        #expect(examples.contains(["--version"]))
        #expect(!examples.contains { $0.contains("TRIP") || $0.first == "demo" || $0.first == "tui" })
    }

    @Test("demo refuses to overwrite a database that is not a demo")
    func refusesRealData() throws {
        let work = try Workspace()
        let db = work.path("real.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let before = try dumpDatabase(db)
        let run = try centrale(["demo", "--db", db])
        #expect(run.status == 1)
        #expect(run.stderr.contains("holds real data"))
        #expect(try dumpDatabase(db) == before)
    }

    @Test("a bad --year is refused with the range")
    func badYear() throws {
        let run = try centrale(["demo", "--year", "1850"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--year must be between 2014 (when the single convention began) and 2100"))
    }
}
