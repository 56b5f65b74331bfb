import Foundation
import GRDB
import Testing

/// A trip's statement entry from the JSON statement.
private func entry(_ db: String, association: String, month: String, trip: Int) throws -> [String: Any]? {
    let run = try centrale(["statement", "--db", db, "--association", association, "--month", month, "--format", "json"])
    let statement = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    return (statement?["entries"] as? [[String: Any]])?.first { $0["trip_id"] as? Int == trip }
}

/// The km line's basis of a trip's statement entry.
private func kmBasis(_ entry: [String: Any]?) -> String? {
    ((entry?["reimbursement"] as? [String: Any])?["lines"] as? [[String: Any]])?.first { $0["item"] as? String == "km" }?["basis"] as? String
}

private func raw(_ db: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: db)
    try queue.write { try $0.execute(sql: sql) }
    try queue.close()
}

/// `dispatchedDay` with the outbound logged at an implausible 150 km (the estimate is about 34 km).
private func implausibleDay(_ work: Workspace) throws -> (db: String, trips: [Int], association: String, vehicle: String, estimate: Int) {
    let day = try dispatchedDay(work)
    let file = work.path("long.csv")
    try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(day.trips[0]),\(day.vehicle),V01,150,08:30,08:52,done\n"
        .write(toFile: file, atomically: true, encoding: .utf8)
    let submit = try centrale(["log", "submit", "--db", day.db, "--association", day.association, file])
    #expect(submit.status == 0, "\(submit.stderr)")
    #expect(submit.stdout.contains("1 flagged for km review"))
    let flags = try JSONSerialization.jsonObject(with: Data(try centrale(["log", "flags", "--db", day.db, "--month", "2025-03", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
    let estimate = try #require(flags?.first?["estimated_m"] as? Int)
    return (day.db, day.trips, day.association, day.vehicle, estimate)
}

private func km(_ metres: Int) -> String { "\(metres / 1000).\((metres % 1000 + 50) / 100)" }

@Suite("flagged km, reviews, closing and verifying", .serialized)
struct MoneyCommandTests {
    @Test("a flagged trip is paid at the estimate until reviewed; the review decides what is paid, audited with the operator")
    func review() throws {
        let work = try Workspace()
        let (db, ids, association, _, estimate) = try implausibleDay(work)

        let flags = try centrale(["log", "flags", "--db", db, "--month", "2025-03"])
        #expect(flags.stdout.contains("implausible"))
        #expect(flags.stdout.contains("not reviewed"))
        #expect(flags.stdout.contains("1 not reviewed"))

        // Not reviewed: the estimate is paid, both figures shown apart.
        var paid = try entry(db, association: association, month: "2025-03", trip: ids[0])
        #expect(paid?["driven"] as? Int == 150_000)
        #expect(paid?["paid"] as? Int == estimate)
        #expect(paid?["review"] as? String == "not reviewed")
        #expect(kmBasis(paid)?.hasPrefix("\(km(estimate)) km ×") == true)
        let csv = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "csv", "--dialect", "rfc4180"]).stdout
        let row = try #require(csv.split(separator: "\n").first { $0.hasPrefix("\(ids[0]),") && $0.contains(",km,") })
        #expect(row.contains(",150.0,\(km(estimate)),") && row.contains("not reviewed"), "\(row)")
        let md = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--lang", "en"]).stdout
        #expect(md.contains("| \(ids[0]) | 2025-03-03 |") && md.contains("| 150.0 | \(km(estimate)) | \(km(estimate)) | not reviewed |"))

        // Exactly one decision, a reason, never more than the logged km, only flagged trips.
        #expect(try centrale(["log", "review", "--db", db, String(ids[0]), "--reason", "x"]).stderr.contains("exactly one decision"))
        #expect(try centrale(["log", "review", "--db", db, String(ids[0]), "--accept", "--use-estimate", "--reason", "x"]).stderr.contains("exactly one decision"))
        #expect(try centrale(["log", "review", "--db", db, String(ids[0]), "--accept"]).status != 0)
        let tooMuch = try centrale(["log", "review", "--db", db, String(ids[0]), "--km", "200", "--reason", "x"])
        #expect(tooMuch.status == 1 && tooMuch.stderr.contains(
            "a review pays at most the logged km; to correct the log itself, use `centrale log amend \(ids[0]) --km N --reason \"…\"`\n"), "\(tooMuch.stderr)")

        let partial = try centrale(["log", "review", "--db", db, String(ids[0]), "--km", "40", "--reason", "detour to the pharmacy, receipt seen", "--operator", "ufficio"])
        #expect(partial.status == 0, "\(partial.stderr)")
        paid = try entry(db, association: association, month: "2025-03", trip: ids[0])
        #expect(paid?["paid"] as? Int == 40_000)
        #expect(kmBasis(paid)?.hasPrefix("40.0 km ×") == true)
        #expect(try centrale(["log", "flags", "--db", db, "--month", "2025-03"]).stdout.contains("40.0 km paid (ufficio)"))

        #expect(try centrale(["log", "review", "--db", db, String(ids[0]), "--accept", "--reason", "odometer photo checked", "--operator", "ufficio"]).status == 0)
        paid = try entry(db, association: association, month: "2025-03", trip: ids[0])
        #expect(paid?["paid"] as? Int == 150_000)
        #expect(kmBasis(paid)?.hasPrefix("150.0 km ×") == true)

        #expect(try centrale(["log", "review", "--db", db, String(ids[0]), "--use-estimate", "--reason", "no proof", "--operator", "ufficio"]).status == 0)
        #expect(try entry(db, association: association, month: "2025-03", trip: ids[0])?["paid"] as? Int == estimate)
        let audit = try auditRows(db, trip: ids[0]).filter { $0.hasPrefix("ufficio km.review") }
        #expect(audit.count == 3)
        #expect(audit[0].contains("\"decision\":\"km\"") && audit[0].contains("\"paid_m\":40000") && audit[0].contains("\"previous\":\"not reviewed\"")
                && audit[0].hasSuffix("detour to the pharmacy, receipt seen"))
        #expect(audit[2].contains("\"previous\":\"accept\""))

        // An amendment of the km makes the review stale: the new km need a review of their own.
        #expect(try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "90", "--reason", "odometer misread"]).status == 0)
        #expect(try entry(db, association: association, month: "2025-03", trip: ids[0])?["review"] as? String == "not reviewed")
    }

    @Test("only past months close; unreviewed flags need --accept-flags with a reason; a later review is an adjustment in the current month; month list")
    func closing() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle, estimate) = try implausibleDay(work)
        let current = currentMonth()
        let now = try #require(YearMonthText(current))
        for month in [current, now.next] {
            let run = try centrale(["month", "close", month, "--db", db])
            #expect(run.status == 1)
            #expect(run.stderr.contains(month == current ? "is the current month" : "is in the future"), "\(run.stderr)")
        }

        let refused = try centrale(["month", "close", "2025-03", "--db", db])
        #expect(refused.status == 1 && refused.stderr.contains("1 trip flagged for km review and not reviewed"))
        #expect(refused.stderr.contains("--accept-flags --reason"))
        #expect(try centrale(["month", "close", "2025-03", "--db", db, "--accept-flags"]).stderr.contains("needs --reason"))
        let close = try centrale(["month", "close", "2025-03", "--db", db, "--accept-flags", "--reason", "association to send the receipts", "--operator", "marta"])
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.contains("1 flagged trip closed without a review"), "\(close.stdout)")
        let queue = try DatabaseQueue(path: db)
        let closing = try queue.read { try String.fetchOne($0, sql: "SELECT actor || ' ' || details || ' ' || reason FROM audit_log WHERE action = 'month.close'") }
        try queue.close()
        #expect(closing?.hasPrefix("marta ") == true && closing?.contains("\"unreviewed_flags_accepted\":1") == true
                && closing?.hasSuffix("association to send the receipts") == true)

        let list = try centrale(["month", "list", "--db", db])
        #expect(list.status == 0)
        #expect(list.stdout.contains("2025-03") && list.stdout.contains("marta") && list.stdout.contains("1 month closed"))
        let listed = try JSONSerialization.jsonObject(with: Data(try centrale(["month", "list", "--db", db, "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect((listed?.first?["sha256"] as? String)?.count == 64)
        #expect((listed?.first?["report_sha256"] as? String)?.count == 64)
        #expect(listed?.first?["statements"] as? Int == 26)

        // Frozen at the estimate; accepting the km later pays the difference in the current month.
        let frozen = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"]).stdout
        #expect(try entry(db, association: association, month: "2025-03", trip: ids[0])?["paid"] as? Int == estimate)
        let review = try centrale(["log", "review", "--db", db, String(ids[0]), "--accept", "--reason", "receipts received"])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("adjustment in \(current)"))
        #expect(try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"]).stdout == frozen)
        let adjusted = try JSONSerialization.jsonObject(with: Data(try centrale(["statement", "--db", db, "--association", association,
                                                                                  "--month", current, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let lines = try #require(adjusted?["adjustments"] as? [[String: Any]])
        #expect(lines.count == 1)
        #expect(lines.first?["reason"] as? String == "km review: receipts received")
        #expect(lines.first?["original_month"] as? String == "2025-03")
        // (150 km − the estimate) at the wheelchair van's 0.66 €/km, rounded once per side.
        let expected = (150_000 * 66 + 500) / 1000 - (estimate * 66 + 500) / 1000
        #expect(lines.first?["amount"] as? Int == expected)
        #expect(try auditRows(db, trip: ids[0]).contains { $0.contains("adjustment.create") && $0.contains("km review: receipts received") })

        // A late log of the closed month with implausible km: an adjustment at the estimate until reviewed.
        let late = work.path("late.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[1]),\(vehicle),V01,150,11:05,11:31,done\n"
            .write(toFile: late, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", db, "--association", association, late]).status == 0)
        let flags = try JSONSerialization.jsonObject(with: Data(try centrale(["log", "flags", "--db", db, "--month", "2025-03", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        let returnEstimate = try #require(flags?.first { $0["trip"] as? Int == ids[1] }?["estimated_m"] as? Int)
        #expect(try centrale(["log", "review", "--db", db, String(ids[1]), "--accept", "--reason", "long detour, documented"]).status == 0)
        let after = try JSONSerialization.jsonObject(with: Data(try centrale(["statement", "--db", db, "--association", association,
                                                                               "--month", current, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let all = try #require(after?["adjustments"] as? [[String: Any]])
        #expect(all.map { $0["reason"] as? String } == ["km review: receipts received", "late log (2025-03 closed)", "km review: long detour, documented"])
        let lateKm = try #require(((all[1]["amount"] as? Int).map { $0 }))
        #expect(lateKm < (150_000 * 66 + 500) / 1000)  // the estimate, not the 150 km
        #expect(all[2]["amount"] as? Int == (150_000 * 66 + 500) / 1000 - (returnEstimate * 66 + 500) / 1000)
        #expect(try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"]).stdout == frozen)
    }

    @Test("a closed month's report is byte-identical in every format and language after an amendment and a late log")
    func frozenReport() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work, logging: flaggedOutbound, name: "outbound.csv")
        #expect(try centrale(["month", "close", "2025-03", "--db", db, "--accept-flags", "--reason", "test"]).status == 0)
        let variants = ["html", "md", "csv", "json"].flatMap { format in ["it", "en"].map { (format, $0) } }
        func render() throws -> [String] {
            try variants.map { format, lang in
                let out = work.path("report-\(format)-\(lang)")
                let run = try centrale(["report", "--db", db, "--month", "2025-03", "--format", format, "--lang", lang, "--out", out, "--force"])
                #expect(run.status == 0, "\(run.stderr)")
                return try String(contentsOfFile: out, encoding: .utf8)
            }
        }
        let before = try render()
        #expect(before[6].contains("\"logged\" : 1"))
        // Later reports take March from the totals frozen with it: the same figures as trip by trip.
        let march = try #require(try JSONSerialization.jsonObject(with: Data(before[6].utf8)) as? [String: Any])
        let next = try JSONSerialization.jsonObject(with: Data(try centrale(["report", "--db", db, "--month", "2026-03", "--format", "json"]).stdout.utf8)) as? [String: Any]
        let frozenMarch = try #require(next?["same_month_last_year"] as? [String: Any])
        let current = try #require(march["current"] as? [String: Any])
        for key in ["requested", "assigned", "done", "noShow", "cancelled", "unassignable", "logged", "loggedMetres", "estimatedMetres",
                    "flagged", "activeBeneficiaries", "onTimeBasisPoints", "reimbursedCents", "newBeneficiaries"] {
            #expect("\(frozenMarch[key] ?? "nil")" == "\(current[key] ?? "nil")", "\(key)")
        }

        #expect(try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "16", "--reason", "detour"]).status == 0)
        let late = work.path("return.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[1]),\(vehicle),V01,15,11:05,11:31,done\n"
            .write(toFile: late, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", db, "--association", association, late]).status == 0)
        let after = try render()
        for (index, variant) in variants.enumerated() {
            #expect(after[index] == before[index], "the closed month's \(variant.0) report in \(variant.1) changed")
        }
        // A later month's report takes the closed month from its frozen figures too: the year to
        // date still counts one logged trip (the late log is paid as an adjustment instead).
        let april = try JSONSerialization.jsonObject(with: Data(try centrale(["report", "--db", db, "--month", "2025-04", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect((april?["year_to_date"] as? [String: Any])?["logged"] as? Int == 1)
        #expect((april?["trend"] as? [[String: Any]])?.last { $0["period"] as? String == "2025-03" }?["logged"] as? Int == 1)
    }

    @Test("verify checks the whole database; with the triggers dropped, an edited or deleted audit entry and an edited snapshot are found")
    func verify() throws {
        let work = try Workspace()
        let (db, _, _, _) = try loggedDay(work)
        #expect(try centrale(["month", "close", "2025-03", "--db", db, "--accept-flags", "--reason", "test"]).status == 0)
        let clean = try centrale(["verify", "--db", db])
        #expect(clean.status == 0, "\(clean.stderr)")
        for check in ["sqlite integrity_check: 1 database file — ok", "statement snapshots: 26 frozen statements match their checksums — ok",
                      "closed months: 1 month matches its checksum and total — ok", "report snapshots: 1 frozen report matches its checksum — ok",
                      "statement totals: 26 frozen statements add up to their lines — ok", "audit chain: "] {
            #expect(clean.stdout.contains(check), "\(check)")
        }
        let italian = try centrale(["verify", "--db", db], environment: italianDefault)
        #expect(italian.stdout.contains("rendiconti congelati: 26 rendiconti congelati corrispondono ai loro checksum — ok"), "\(italian.stdout)")
        #expect(italian.stdout.contains("mesi chiusi: 1 mese corrisponde al suo checksum e totale — ok"))
        #expect(italian.stdout.hasSuffix("Controlli superati: 8 su 8.\n"), "\(italian.stdout)")
        let status = try centrale(["status", "--db", db])
        #expect(status.status == 0 && status.stdout.contains("check: audit chain: ") && status.stdout.contains("integrity: ok"))
        let italianStatus = try centrale(["status", "--db", db], environment: italianDefault)
        #expect(italianStatus.stdout.contains("controllo: catena dello storico: ") && italianStatus.stdout.contains("integrità: ok"), "\(italianStatus.stdout)")
        #expect(!status.stdout.contains("integrity_check:"))

        let entries = try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log") } ?? 0
        #expect(entries > 10)
        let tampering: [(sql: String, expected: String)] = [
            ("UPDATE audit_log SET reason = 'nothing happened' WHERE id = 7", "audit chain: entry 7 ("),
            ("DELETE FROM audit_log WHERE id = 5", "entry 5 is missing (deleted)"),
            ("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)", "entry \(entries) is missing (deleted after entry \(entries - 1))"),
            ("UPDATE statement_snapshot SET json = replace(json, 'Scandicci', 'Scandicci ') WHERE association = 'MIS-SCA'",
             "the statement of MIS-SCA for 2025-03 does not match its checksum"),
            ("UPDATE report_snapshot SET json = replace(json, '\"requested\":2', '\"requested\":3')", "the report of 2025-03 does not match its checksum"),
            ("""
             DROP TRIGGER closed_month_kept; DROP TRIGGER statement_snapshot_kept; DROP TRIGGER report_snapshot_kept;
             DELETE FROM statement_snapshot WHERE month = '2025-03'; DELETE FROM report_snapshot WHERE month = '2025-03';
             DELETE FROM closed_month WHERE month = '2025-03'
             """, "2025-03 was closed (audit trail"),
            ("DROP TRIGGER closed_month_frozen; UPDATE closed_month SET closed_by = 'mario'", "2025-03: closed_month says closed at"),
        ]
        for (index, tamper) in tampering.enumerated() {
            let copy = work.path("tampered-\(index).sqlite")
            try FileManager.default.copyItem(atPath: db, toPath: copy)
            try raw(copy, """
                DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
                DROP TRIGGER statement_snapshot_frozen; DROP TRIGGER report_snapshot_frozen;
                \(tamper.sql);
                """)
            let run = try centrale(["verify", "--db", copy])
            #expect(run.status == 1, "\(tamper.sql)")
            #expect(run.stdout.contains("BROKEN: ") && (run.stdout + run.stderr).contains(tamper.expected), "\(tamper.sql): \(run.stdout)")
            #expect(run.stderr.contains("verification failed"))
            if index == 0 {
                let italian = try centrale(["verify", "--db", copy], environment: italianDefault)
                #expect(italian.stdout.contains("catena dello storico: ") && italian.stdout.contains("GUASTO: la voce 7 ("), "\(italian.stdout)")
                #expect(italian.stderr.hasPrefix("errore: verifica non superata: catena dello storico: la voce 7 ("), "\(italian.stderr)")
            }
            let fast = try centrale(["status", "--db", copy])
            #expect(fast.status == 1 && fast.stderr.contains("centrale verify"), "\(tamper.sql)")
        }
    }
}

/// A month `YYYY-MM` with its successor, for the tests.
private struct YearMonthText {
    var year: Int, month: Int
    init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        (year, month) = (parts[0], parts[1])
    }
    var next: String { month == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, month + 1) }
}
