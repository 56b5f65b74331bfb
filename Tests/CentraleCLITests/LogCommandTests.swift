import Foundation
import GRDB
import Testing

/// A database with BANNA1's round trip on 2025-03-03 dispatched; returns the path, the two trip
/// ids, the association and one of its vehicles able to carry a wheelchair.
func dispatchedDay(_ work: Workspace) throws -> (db: String, trips: [Int], association: String, vehicle: String) {
    let db = try preparedDatabase(work)
    _ = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "09:00",
                      "--to", "OSP-CAREGGI", "--return", "11:00"])
    _ = try centrale(["dispatch", "--db", db, "--date", "2025-03-03"])
    let trips = try listJSON(db, "2025-03-03")
    let association = try #require(trips.first?["association"] as? String)
    let queue = try DatabaseQueue(path: db)
    let vehicle = try queue.read { try String.fetchOne($0, sql: "SELECT plate FROM vehicle WHERE association = ? AND wheelchair_places > 0 AND active = 1 ORDER BY plate", arguments: [association]) }
    try queue.close()
    return (db, trips.compactMap { $0["id"] as? Int }, association, try #require(vehicle))
}

/// `dispatchedDay`, with `rows` (after a header `trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,notes`)
/// written to `name` and submitted for the association: `{T0}`, `{T1}` and `{V}` stand for the trip
/// ids and the vehicle.
func dispatchedDay(_ work: Workspace, logging rows: String, name: String = "march.csv") throws
    -> (db: String, trips: [Int], association: String, vehicle: String) {
    let day = try dispatchedDay(work)
    let file = work.path(name)
    let text = rows.replacingOccurrences(of: "{T0}", with: String(day.trips[0])).replacingOccurrences(of: "{T1}", with: String(day.trips[1]))
        .replacingOccurrences(of: "{V}", with: day.vehicle)
    try ("trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,notes\n" + text).write(toFile: file, atomically: true, encoding: .utf8)
    let submit = try centrale(["log", "submit", "--db", day.db, "--association", day.association, file])
    #expect(submit.status == 0, "\(submit.stderr)")
    return day
}

/// The outbound logged as carried out at 14.3 km (beyond the tolerance: flagged for review).
let flaggedOutbound = "{T0},{V},V01,14.3,08:30,08:52,done\n"

/// `dispatchedDay`, with the outbound logged as carried out (14.3 km) and the return as a no-show.
func loggedDay(_ work: Workspace) throws -> (db: String, trips: [Int], association: String, vehicle: String) {
    try dispatchedDay(work, logging: flaggedOutbound + "{T1},{V},V01,3.2,11:05,,no_show,non in casa\n")
}

/// The rows of the tables a rejected file must not touch.
func serviceState(_ db: String) throws -> [String] {
    try dumpDatabase(db).filter { $0.hasPrefix("trip: ") || $0.hasPrefix("trip_log: ") || $0.hasPrefix("assignment: ") }
}

@Suite("centrale trips and log", .serialized)
struct LogCommandTests {
    @Test("an association lists its trips without personal data beyond the pickup address")
    func trips() throws {
        let work = try Workspace()
        let (db, ids, association, _) = try dispatchedDay(work)
        let csv = try centrale(["trips", "--db", db, "--association", association, "--date", "2025-03-03", "--format", "csv", "--dialect", "rfc4180"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let excel = try centrale(["trips", "--db", db, "--association", association, "--date", "2025-03-03", "--format", "csv"]).stdout
        #expect(excel.hasPrefix("\u{FEFF}servizio;data;ora;tratta;beneficiario;bisogni;partenza;destinazione;motivo;stato;esito servizio\r\n"))
        #expect(excel.contains("\(ids[0]);03/03/2025;09:00;andata;BANNA1;carrozzina;\"Via di Casa 1, Scandicci\";AOU Careggi;visita;assegnato;\r\n"), "assigned, awaiting its log: no outcome yet")
        #expect(csv.stdout.hasPrefix("trip,date,time,leg,beneficiary,needs,pickup,destination,purpose,status,service_outcome\n"))
        #expect(csv.stdout.contains("\(ids[0]),2025-03-03,09:00,outbound,BANNA1,wheelchair,\"Via di Casa 1, Scandicci\",AOU Careggi,visit,assigned"))
        #expect(!csv.stdout.contains("Anna Test"))
        let month = try centrale(["trips", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(month.stdout.utf8)) as? [Any])?.count == 2)
        let other = try centrale(["trips", "--db", db, "--association", association == "MIS-VAG" ? "PA-PRA" : "MIS-VAG", "--date", "2025-03-03"])
        #expect(other.stdout.contains("No trips"))
    }

    @Test("the log template is Italian Excel by default, RFC 4180 on request, and either, filled in, is accepted")
    func templates() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work)
        let template = try centrale(["log", "template"])
        #expect(template.stdout == "\u{FEFF}viaggio;data;targa;autista;km_inizio;km_fine;km;ora_presa;ora_arrivo;attesa;esito;note\r\n"
                    + "1234;05/10/2026;FP123AB;V017;45210,0;45233,4;;08:05;08:40;0;effettuato;\r\n")
        let english = try centrale(["log", "template", "--dialect", "rfc4180"])
        #expect(english.stdout.hasPrefix("trip,date,vehicle,driver,odometer_start,odometer_end,km,pickup_time,dropoff_time,waiting_minutes,outcome,notes\n"))
        // Each template, filled in with this day's trips, is accepted as it is.
        for (name, text, separator) in [("modello.csv", template.stdout, ";"), ("template.csv", english.stdout, ",")] {
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
            let example = lines[1].split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
            var row = example
            row[0] = String(ids[0]); row[1] = separator == ";" ? "03/03/2025" : "2025-03-03"; row[2] = vehicle; row[3] = "V01"
            row[4] = separator == ";" ? "1000,0" : "1000.0"; row[5] = separator == ";" ? "1012,5" : "1012.5"
            let filled = work.path(name)
            try (lines[0] + "\n" + row.joined(separator: separator) + "\n").write(toFile: filled, atomically: true, encoding: .utf8)
            let checked = try centrale(["log", "submit", "--db", db, "--association", association, filled])
            #expect(checked.status == 0, "\(name): \(checked.stderr)")
        }

    }

    @Test("submit, resubmit harmlessly, amend with a reason, and list km flags")
    func submitAndAmend() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work)
        let file = work.path("march.csv")
        try """
            \u{FEFF}Viaggio;Data;Targa;Autista;Km inizio;Km fine;Ora presa;Ora arrivo;Attesa;Esito;Note\r
            \(ids[0]);03/03/2025;\(vehicle);V01;45210,0;45226,1;08:30;08:52;0;effettuato;\r
            \(ids[1]);03/03/2025;\(vehicle);V01;45230,0;45290,0;11:05;11:31;0;effettuato;giro lungo\r

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let first = try centrale(["log", "submit", "--db", db, "--association", association, file])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 new, 0 already recorded"))
        #expect(first.stdout.contains("flagged for km review"))
        #expect(try listJSON(db, "2025-03-03").allSatisfy { $0["status"] as? String == "done" })

        let again = try centrale(["log", "submit", "--db", db, "--association", association, file])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 new, 2 already recorded"))

        let flags = try centrale(["log", "flags", "--db", db, "--month", "2025-03"])
        #expect(flags.stdout.contains("60.0 km"))
        let flagged = try JSONSerialization.jsonObject(with: Data(try centrale(["log", "flags", "--db", db, "--month", "2025-03", "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let long = try #require(flagged.first { $0["trip"] as? Int == ids[1] })
        let estimate = try #require(long["estimated_m"] as? Int)
        let km = "\(estimate / 1000).\(String(1000 + estimate % 1000).dropFirst())"

        let amend = try centrale(["log", "amend", "--db", db, String(ids[1]), "--km", km, "--reason", "odometer misread", "--operator", "ufficio"])
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(amend.stdout.hasPrefix("Trip \(ids[1]): log amended (") && amend.stdout.contains(" km, estimate "), "\(amend.stdout)")
        #expect(!(try centrale(["log", "flags", "--db", db, "--month", "2025-03"]).stdout.contains(" \(ids[1]) ")))
        let audit = try auditRows(db, trip: ids[1])
        #expect(audit.contains { $0.hasPrefix("ufficio log.amend") && $0.contains("\"driven_m\":\"60000 → \(estimate)\"") && $0.hasSuffix("odometer misread") })

        // The original file now conflicts with the amended log: refused, nothing changed.
        let before = try serviceState(db)
        let conflict = try centrale(["log", "submit", "--db", db, "--association", association, file])
        #expect(conflict.status == 1)
        // The file's headers are Italian: the field is named as the file names it.
        #expect(conflict.stderr.contains("march.csv:3: Viaggio: trip \(ids[1]) is already logged with other values"), "\(conflict.stderr)")
        #expect(conflict.stderr.contains("centrale log amend"))
        #expect(try serviceState(db) == before)
        #expect(try centrale(["log", "amend", "--db", db, String(ids[1]), "--km", km, "--reason", "again"]).stderr.contains("nothing to change"))

        // A trip logged as done that was in fact cancelled late: the outcome changes, the drop-off
        // time goes (nobody was dropped off), and the reason must be in the notes.
        let noReason = try centrale(["log", "amend", "--db", db, String(ids[0]), "--outcome", "cancelled_late", "--km", "3,2", "--reason", "disdetto"])
        #expect(noReason.status == 1 && noReason.stderr.hasPrefix("error: amendment of trip \(ids[0]), field notes: is empty, and the outcome is cancelled_late"),
                "\(noReason.stderr)")
        let late = try centrale(["log", "amend", "--db", db, String(ids[0]), "--outcome", "cancelled_late", "--km", "3,2",
                                 "--notes", "disdetto la sera prima", "--reason", "la persona aveva disdetto"])
        #expect(late.status == 0, "\(late.stderr)")
        let statement = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03"], environment: italianDefault)
        #expect(statement.stdout.contains("annullato tardi"), "\(statement.stdout)")
    }

    @Test("bad files: each exits 1, names the line, and leaves trips, logs and assignments as they were",
          arguments: [
            ("unknown-trip.csv", "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n999999,{V},V01,12,08:30,08:52,done\n", "unknown-trip.csv:2: trip: no trip 999999"),
            ("wrong-vehicle.csv", "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n{T0},{T0V},V01,12,08:30,08:52,done\n{T1},ZZ999ZZ,V01,12,11:05,11:31,done\n", "wrong-vehicle.csv:3: vehicle: 'ZZ999ZZ' is not in"),
            ("open-quote.csv", "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,notes\n{T0},{V},V01,12,08:30,08:52,done,\"never closed\n", "open-quote.csv:2: notes: a quoted field is never closed"),
            ("no-driver.csv", "trip,vehicle,km,pickup_time,dropoff_time,outcome\n{T0},{V},12,08:30,08:52,done\n", "no-driver.csv:1: driver: missing"),
            ("broken.json", "[{\"trip\": {T0}, \"vehicle\": \"{V}\",]", "broken.json:1: is not valid JSON"),
            ("times.csv", "trip;vehicle;driver;km;pickup_time;dropoff_time;outcome\n{T0};{V};V01;12,5;08:30;08:52;done\n{T1};{V};V01;12,5;11:31;11:05;done\n", "times.csv:3: dropoff_time: 11:05 is before the pickup at 11:31"),
            ("repeated.csv", "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n{T0},{V},V01,12,08:30,08:52,done\n{T0},{V},V01,12,08:30,08:52,done\n", "repeated.csv:3: trip: trip {T0} is already on line 2 of this file"),
          ])
    func badFiles(name: String, content: String, expected: String) throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work)
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{T0V}", with: vehicle).replacingOccurrences(of: "{T0}", with: String(ids[0]))
                .replacingOccurrences(of: "{T1}", with: String(ids[1])).replacingOccurrences(of: "{V}", with: vehicle)
        }
        let file = work.path(name)
        try fill(content).write(toFile: file, atomically: true, encoding: .utf8)
        let before = try serviceState(db)
        let run = try centrale(["log", "submit", "--db", db, "--association", association, file])
        #expect(run.status == 1)
        #expect(run.stderr.contains(fill(expected)), "\(run.stderr)")
        #expect(run.stderr.contains("rejected"))
        #expect(try serviceState(db) == before)
        let queue = try DatabaseQueue(path: db)
        let recorded = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM log_submission WHERE accepted = 0") }
        try queue.close()
        #expect(recorded == 1)
    }
}

@Suite("centrale statement", .serialized)
struct StatementCommandTests {
    @Test("the month's statement lists each trip's lines; --all adds up to the same total")
    func statement() throws {
        let work = try Workspace()
        let (db, ids, association, _) = try loggedDay(work)

        let json = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let statement = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(statement["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        let first = try #require(entries.first { $0["trip_id"] as? Int == ids[0] }?["reimbursement"] as? [String: Any])
        let lines = try #require(first["lines"] as? [[String: Any]])
        #expect(lines.map { $0["item"] as? String } == ["km", "insurance", "wheelchair"])
        #expect(lines[0]["basis"] as? String == "14.3 km × 0.66 €/km")
        #expect(lines[0]["amount"] as? Int == 944) // 14.3 × 0.66 = 9.438 → 9.44
        let second = try #require(entries.first { $0["trip_id"] as? Int == ids[1] }?["reimbursement"] as? [String: Any])
        #expect((second["lines"] as? [[String: Any]])?.map { $0["item"] as? String } == ["km", "insurance", "no_show"])

        #expect(try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03"], environment: italianDefault).stdout.hasPrefix("# Rendiconto marzo 2025"))
        let md = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--lang", "en"])
        #expect(md.stdout.hasPrefix("# Statement 2025-03"))
        let total = try #require(md.stdout.split(separator: "\n").first { $0.hasPrefix("| **total** |") })
        let all = try centrale(["statement", "--db", db, "--all", "--month", "2025-03", "--format", "csv", "--dialect", "rfc4180"])
        let grand = try #require(all.stdout.split(separator: "\n").last)
        #expect(total.contains(String(grand.split(separator: ",", omittingEmptySubsequences: false)[5])))
    }
}

@Suite("centrale month close", .serialized)
struct MonthCloseTests {
    @Test("a closed month's statement stays byte-identical after a tariff change, an amendment and a late log, which go to the current month")
    func closedMonth() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work, logging: flaggedOutbound, name: "outbound.csv")

        // The outbound's 14.3 km are flagged: the month cannot be closed before they are reviewed.
        let refused = try centrale(["month", "close", "2025-03", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("2025-03 has 1 trip flagged for km review and not reviewed"))
        #expect(refused.stderr.contains("not reviewed; list them with `centrale log flags --month 2025-03` and review each with "
                                        + "`centrale log review TRIP --accept | --use-estimate | --km N --reason \"…\"`, or close anyway"), "\(refused.stderr)")
        #expect(try centrale(["month", "list", "--db", db]).stdout.contains("No month is closed yet"))
        let review = try centrale(["log", "review", "--db", db, String(ids[0]), "--accept", "--reason", "route via the hospital's back gate"])
        #expect(review.status == 0, "\(review.stderr)")

        let close = try centrale(["month", "close", "2025-03", "--db", db])
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.contains("Closed 2025-03: 26 statements frozen"))
        #expect(close.stdout.contains("1 trip of 2025-03 is still without a log"), "\(close.stdout)")
        let renders = try ["md", "json", "csv", "html"].map { format in
            try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", format]).stdout
        }
        let totalBefore = try centrale(["statement", "--db", db, "--all", "--month", "2025-03", "--format", "csv"]).stdout

        // A tariff change, an amendment and a late log. A tariff in use cannot be redefined in
        // place; a new version from April is accepted and leaves March's trips on the old one.
        let data = try work.copyOfData()
        let conventionFile = data.appendingPathComponent("convention.toml")
        let original = try String(contentsOf: conventionFile, encoding: .utf8)
        try original.replacingOccurrences(of: "km_rate = 0.66", with: "km_rate = 0.80")
            .replacingOccurrences(of: "standard = 0.62", with: "standard = 0.80").write(to: conventionFile, atomically: true, encoding: .utf8)
        let inPlace = try centrale(["init", "--db", db, "--data", data.path])
        #expect(inPlace.status == 1 && inPlace.stderr.contains("tariff 2014-01") && inPlace.stderr.contains("valid_from"), "\(inPlace.stderr)")
        let tariff = original[original.range(of: "[[tariff]]")!.lowerBound...]
        let aprilTariff = tariff.replacingOccurrences(of: "id = \"2014-01\"", with: "id = \"2025-04\"")
            .replacingOccurrences(of: "valid_from = 2014-01-01", with: "valid_from = 2025-04-01")
            .replacingOccurrences(of: "km_rate = 0.66", with: "km_rate = 0.80").replacingOccurrences(of: "standard = 0.62", with: "standard = 0.80")
        try (original + "\n" + aprilTariff).write(to: conventionFile, atomically: true, encoding: .utf8)
        let versioned = try centrale(["init", "--db", db, "--data", data.path])
        #expect(versioned.status == 0, "\(versioned.stderr)")
        let amend = try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "20", "--reason", "detour"])
        #expect(amend.status == 0, "\(amend.stderr)")
        let late = work.path("return.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[1]),\(vehicle),V01,15,11:05,11:31,done\n"
            .write(toFile: late, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", db, "--association", association, late]).status == 0)

        for (format, before) in zip(["md", "json", "csv", "html"], renders) {
            let after = try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", format]).stdout
            #expect(after == before, "the closed \(format) statement changed")
        }
        #expect(try centrale(["statement", "--db", db, "--all", "--month", "2025-03", "--format", "csv"]).stdout == totalBefore)

        // Late changes go to the current month (which cannot be closed), not to the next open one.
        let april = try JSONSerialization.jsonObject(with: Data(try centrale(["statement", "--db", db, "--association", association,
                                                                               "--month", "2025-04", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect((april?["adjustments"] as? [Any])?.isEmpty == true)
        let now = try JSONSerialization.jsonObject(with: Data(try centrale(["statement", "--db", db, "--association", association,
                                                                             "--month", currentMonth(), "--format", "json"]).stdout.utf8)) as? [String: Any]
        let adjustments = try #require(now?["adjustments"] as? [[String: Any]])
        #expect(adjustments.map { $0["trip_id"] as? Int } == [ids[0], ids[1]])
        #expect(adjustments.map { $0["original_month"] as? String } == ["2025-03", "2025-03"])
        #expect((adjustments[0]["reason"] as? String) == "amendment: detour")
        #expect((adjustments[1]["reason"] as? String) == "late log (2025-03 closed)")
        // The amendment pays the difference at the tariff in force on the trip's date (March:
        // 2014-01), on the km line only: the wheelchair van's rate is min(0.66, its class cap
        // 0.78): 20 × 0.66 − 14.3 × 0.66 = 13.20 − 9.44.
        #expect(adjustments[0]["amount"] as? Int == 1320 - 944)

        #expect(try centrale(["month", "close", "2025-03", "--db", db]).stderr.contains("already closed"))
        let queue = try DatabaseQueue(path: db)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE statement_snapshot SET total_cents = 0") } }
        let (sum, stored) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT SUM(total_cents) FROM statement_snapshot WHERE month = '2025-03'"),
             try Int.fetchOne(db, sql: "SELECT total_cents FROM closed_month WHERE month = '2025-03'"))
        }
        try queue.close()
        #expect(sum == stored)
    }
}

@Suite("centrale report", .serialized)
struct ReportCommandTests {
    @Test("the report's figures match the database and the statements; no personal data; Italian or English")
    func report() throws {
        let work = try Workspace()
        let (db, _, _, _) = try loggedDay(work)

        let json = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let current = try #require(report["current"] as? [String: Any])
        let queue = try DatabaseQueue(path: db)
        let (trips, metres) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trip WHERE date BETWEEN '2025-03-01' AND '2025-03-31'"),
             try Int.fetchOne(db, sql: "SELECT SUM(driven_m) FROM trip_log"))
        }
        try queue.close()
        #expect(current["requested"] as? Int == trips)
        #expect(current["logged_metres"] as? Int == metres)
        #expect((current["done"] as? Int, current["no_show"] as? Int) == (1, 1))
        let statements = try centrale(["statement", "--db", db, "--all", "--month", "2025-03", "--format", "json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(statements.stdout.utf8)) as? [String: Any])
        let total = try #require(all["total_eur"] as? String)
        #expect(current["reimbursed_cents"] as? Int == Int(total.replacingOccurrences(of: ".", with: "")))

        let html = try centrale(["report", "--db", db, "--month", "2025-03"], environment: italianDefault).stdout
        #expect(html.hasPrefix("<!doctype html>") && html.contains("<svg") && html.contains("rapporto mensile"))
        #expect(!html.contains("Via di Casa") && !html.contains("Anna Test") && !html.contains("http"))
        let english = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "md", "--lang", "en"]).stdout
        #expect(english.hasPrefix("# Social accompaniment — monthly report — 2025-03"))
        let out = work.path("r.html")
        #expect(try centrale(["report", "--db", db, "--month", "2025-03", "--out", out]).stdout.contains("written to \(out)"))
        #expect(FileManager.default.fileExists(atPath: out))
        let csv = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "csv", "--dialect", "rfc4180"]).stdout
        #expect(csv.hasPrefix("section,key,period,value\nmonth,requested,2025-03,\(trips!)"))
        let excel = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "csv"]).stdout
        #expect(excel.hasPrefix("\u{FEFF}sezione;chiave;periodo;valore\r\nmese;servizi richiesti;2025-03;\(trips!)\r\n"))

        // A year later the month is read as totals computed in SQL: the same figures as trip by trip.
        let later = try #require(try JSONSerialization.jsonObject(with: Data(try centrale(["report", "--db", db, "--month", "2026-03",
                                                                                            "--format", "json"]).stdout.utf8)) as? [String: Any])
        let aggregated = try #require(later["same_month_last_year"] as? [String: Any])
        for key in ["requested", "assigned", "done", "noShow", "cancelled", "unassignable", "logged", "loggedMetres", "estimatedMetres",
                    "flagged", "activeBeneficiaries", "onTimeBasisPoints", "reimbursedCents", "newBeneficiaries"] {
            #expect("\(aggregated[key] ?? "nil")" == "\(current[key] ?? "nil")", "\(key)")
        }
        #expect((later["year_to_date_last_year"] as? [String: Any])?["active_beneficiaries"] as? Int == current["active_beneficiaries"] as? Int)
    }
}

@Suite("centrale log: hostile input", .serialized)
struct LogInputLimitTests {
    @Test("huge km end in a clear error, never a crash, in log submit and log amend")
    func hugeNumbers() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try loggedDay(work)
        let file = work.path("huge.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[0]),\(vehicle),V01,9223372036854775.999,08:30,08:52,done\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let submit = try centrale(["log", "submit", "--db", db, "--association", association, file])
        #expect(submit.status == 1)
        #expect(submit.stderr.contains("huge.csv:2: km: '9223372036854775.999' is beyond any plausible value"), "\(submit.stderr)")
        for arguments in [["--km", "9223372036854775.999"], ["--km", "-1"], ["--km", "1e308"], ["--km", "2000.5"],
                          ["--odometer-start", "-9223372036854775.807", "--odometer-end", "9223372036854775.807"],
                          ["--odometer-start", "10", "--odometer-end", "5"], ["--waiting", "99999999999999999999"], ["--waiting", "-3"]] {
            let amend = try centrale(["log", "amend", "--db", db, String(ids[0]), "--reason", "test"] + arguments)
            // A usage error (64) or a refusal (1), never a crash (a signal).
            #expect([1, 64].contains(amend.status), "\(arguments): \(amend.status) \(amend.stderr)")
            #expect(!amend.stderr.isEmpty)
        }
        let amend = try centrale(["log", "amend", "--db", db, String(ids[0]), "--reason", "test", "--driver", "Mario\u{1B}[2J Rossi"])
        #expect(amend.status != 0)
        #expect(amend.stderr.contains("\\u{1B}") && !amend.stderr.contains("\u{1B}"), "\(amend.stderr)")
    }

    @Test("a file over 50 MB is refused without being read; at most 50 problems are printed, then a count")
    func limits() throws {
        let work = try Workspace()
        let (db, _, association, vehicle) = try dispatchedDay(work)
        let big = work.path("big.csv")
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: 50_000_001) // sparse: nothing to read in a reasonable time if it were read
        try handle.close()
        let refused = try centrale(["log", "submit", "--db", db, "--association", association, big])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("big.csv:1: the file has 50 MB (50000001 bytes), more than the 50 MB (50000000 bytes) a submission may have"), "\(refused.stderr)")
        #expect(refused.stderr.contains("rejected before reading, nothing written"))

        let many = work.path("many.csv")
        try ("trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n"
             + (1...70).map { "\(900_000 + $0),\(vehicle),V01,12,08:30,08:52,done\n" }.joined())
            .write(toFile: many, atomically: true, encoding: .utf8)
        let run = try centrale(["log", "submit", "--db", db, "--association", association, many])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("error: ") }.count == 50)
        #expect(run.stderr.contains("… and 20 more problems (the first 50 are shown)"))
        #expect(run.stderr.contains("rejected (70 problems)"))

        // Input quoted in any message shows control characters escaped: an unknown association, a file name.
        let hostile = try centrale(["log", "submit", "--db", db, "--association", "NO\u{1B}[2JPE", many])
        #expect(hostile.status != 0 && hostile.stderr.contains("NO\\u{1B}[2JPE") && !hostile.stderr.contains("\u{1B}"), "\(hostile.stderr)")
        let missing = try centrale(["log", "submit", "--db", db, "--association", association, work.path("no\u{7}such.csv")])
        #expect(missing.stderr.contains("no\\u{7}such.csv: cannot read the file") && !missing.stderr.contains("\u{7}"), "\(missing.stderr)")
    }
}
