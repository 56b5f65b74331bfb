import Foundation
import GRDB
import Testing

/// Adds a person with an authorisation from `from` to `until`; returns the code.
func addPerson(_ db: String, surname: String = "Fioravanti", name: String = "Ortensia", first15: String = "FRVRTN30A41D612",
               birth: String = "01/01/1930", from: String, until: String, extra: [String] = []) throws -> String {
    let run = try centrale(["beneficiary", "add", "--db", db, "--surname", surname, "--name", name,
                            "--codice-fiscale", first15 + checkCharacter(first15), "--birth-date", birth, "--street", "Via Pisana",
                            "--number", "4", "--comune", "Lastra a Signa", "--referred-by", "case_manager", "--referred-on", from,
                            "--purposes", "visit,dialysis", "--valid-from", from, "--valid-until", until] + extra)
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(run.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
}

/// Today in Rome, shifted by some days, as YYYY-MM-DD.
func romeDay(_ offset: Int = 0) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Rome")!
    let day = calendar.date(byAdding: .day, value: offset, to: Date())!
    let c = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
}

@Suite("centrale beneficiary: the review's gaps", .serialized)
struct BeneficiaryGapTests {
    @Test("an authorisation that ended shows as expired in list, find and show, and intake refuses trips after it")
    func expiredAuthorisation() throws {
        let work = try Workspace()
        let db = work.path("people.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let expired = try addPerson(db, from: romeDay(-60), until: romeDay(-1))
        let valid = try addPerson(db, surname: "Rossi", name: "Maria", first15: "RSSMRA50C45D612", birth: "05/03/1950", from: romeDay(-60), until: romeDay(60))

        let list = try centrale(["beneficiary", "list", "--db", db, "--format", "json"])
        let people = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: people.map { ($0["code"] as! String, $0["status"] as! String) })
        #expect(status == [expired: "authorisation_expired", valid: "active"])
        let active = try centrale(["beneficiary", "list", "--db", db, "--status", "active", "--format", "csv"])
        #expect(active.stdout.contains(valid) && !active.stdout.contains(expired))
        let lapsed = try centrale(["beneficiary", "list", "--db", db, "--status", "expired"])
        #expect(lapsed.stdout.contains(expired) && !lapsed.stdout.contains(valid) && lapsed.stdout.contains("authorisation_expired"))
        let find = try centrale(["beneficiary", "find", "--db", db, "fioravanti"])
        #expect(find.stdout.contains("authorisation_expired") && !find.stdout.contains(" active "), "\(find.stdout)")
        let show = try centrale(["beneficiary", "show", "--db", db, expired])
        #expect(show.stdout.contains("\(expired) — authorisation expired on \(romeDay(-1))"), "\(show.stdout)")
        let json = try centrale(["beneficiary", "show", "--db", db, expired, "--format", "json"])
        #expect(json.stdout.contains("\"status\" : \"authorisation_expired\""))

        // Intake: the day of expiry is refused after it, with what to do.
        let refused = try centrale(["request", "add", "--db", db, "--beneficiary", expired, "--date", romeDay(1), "--time", "09:00",
                                    "--to", "OSP-CAREGGI", "--purpose", "visit"])
        #expect(refused.status == 1 && refused.stderr.contains("has no authorisation on \(romeDay(1))")
                && refused.stderr.contains("beneficiary update \(expired) --valid-from"), "\(refused.stderr)")
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", valid, "--date", romeDay(1), "--time", "09:00",
                              "--to", "OSP-CAREGGI", "--purpose", "visit"]).status == 0)
        // A renewal makes the person active again.
        #expect(try centrale(["beneficiary", "update", "--db", db, expired, "--valid-from", romeDay(), "--valid-until", romeDay(300)]).status == 0)
        #expect(try centrale(["beneficiary", "show", "--db", db, expired]).stdout.contains("\(expired) — active"))
    }

    @Test("shortening an authorisation with trips booked after its new end is refused naming them, or cancels them with --cancel-trips")
    func shortenedAuthorisation() throws {
        let work = try Workspace()
        let db = work.path("people.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let code = try addPerson(db, from: romeDay(-10), until: romeDay(200))
        let first = romeDay(1)
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", first, "--time", "07:30", "--to", "OSP-CAREGGI",
                              "--return", "11:30", "--purpose", "dialysis", "--repeat", "mon,tue,wed,thu,fri,sat,sun", "--until", romeDay(30)]).status == 0)
        let before = try dumpDatabase(db)
        let refused = try centrale(["beneficiary", "update", "--db", db, code, "--valid-until", romeDay(20), "--reason", "PAI rivisto"])
        #expect(refused.status == 1 && refused.stderr.contains("no longer covers 20 trips still to be done")
                && refused.stderr.contains("on \(romeDay(21))") && refused.stderr.contains("--cancel-trips"), "\(refused.stderr)")
        #expect(try dumpDatabase(db) == before, "nothing written")

        let update = try centrale(["beneficiary", "update", "--db", db, code, "--valid-until", romeDay(20), "--reason", "PAI rivisto", "--cancel-trips"])
        #expect(update.status == 0 && update.stdout.contains("Cancelled 20 trips"), "\(update.stdout)\(update.stderr)")
        for offset in [1, 20] { #expect(try tripStatuses(db, romeDay(offset)).values.sorted() == ["pending", "pending"]) }
        for offset in [21, 30] {
            let trips = try listJSON(db, romeDay(offset))
            #expect(trips.count == 2 && trips.allSatisfy { $0["status"] as? String == "cancelled" })
        }
        let cancelledTrip = try #require(try listJSON(db, romeDay(21)).first?["id"] as? Int)
        let audit = try auditRows(db, trip: cancelledTrip)
        #expect(audit.contains { $0.contains("trip.cancel") }, "\(audit)")
        let queue = try DatabaseQueue(path: db)
        let reason = try queue.read { try String.fetchOne($0, sql: "SELECT status_reason FROM trip WHERE id = ?", arguments: [cancelledTrip]) }
        try queue.close()
        #expect(reason == "authorisation changed to \(romeDay(-10))–\(romeDay(20)): PAI rivisto")
        // The shortened authorisation is the one in force: a trip after its new end is refused, and the person shows active until then.
        let after = try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", romeDay(25), "--time", "15:00",
                                  "--to", "OSP-CAREGGI", "--purpose", "visit"])
        #expect(after.status == 1 && after.stderr.contains("no authorisation on \(romeDay(25))"), "\(after.stderr)")
        #expect(try centrale(["beneficiary", "list", "--db", db, "--format", "csv", "--dialect", "rfc4180"]).stdout.contains("\(code),active,"))
    }

    @Test("a person erased is not registered again by importing the list again or by add, unless --readmit; the file keeps only a keyed fingerprint")
    func erasedNotReadmitted() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        let code = codes["Quercioli"]!
        #expect(try centrale(["beneficiary", "close", "--db", db, code, "--on", romeDay(-2), "--reason", "moved"]).status == 0)
        let erase = try centrale(["beneficiary", "erase", "--db", db, code, "--reason", "asked", "--force"])
        #expect(erase.status == 0, "\(erase.stderr)")
        let bytes = (FileManager.default.contents(atPath: db) ?? Data()) + (FileManager.default.contents(atPath: db + "-wal") ?? Data())
        #expect(bytes.range(of: Data("QRCZND41L54D612Y".utf8)) == nil && bytes.range(of: Data("Quercioli".utf8)) == nil)

        let before = try dumpDatabase(db)
        let again = try centrale(["beneficiary", "import", "--db", db, try puaFile(work)])
        #expect(again.status == 1 && again.stderr.contains("pua.csv:3: codice_fiscale: this person's record was erased")
                && again.stderr.contains("--readmit") && again.stderr.contains("1 problem found; nothing was written."), "\(again.stderr)")
        #expect(try dumpDatabase(db) == before, "nothing written")
        let add = try centrale(["beneficiary", "add", "--db", db, "--surname", "Quercioli", "--name", "Zelinda", "--codice-fiscale", "qrcznd41l54d612y",
                                "--birth-date", "14/07/1941", "--street", "Vicolo del Pozzo", "--comune", "Scandicci", "--referred-by", "pua",
                                "--referred-on", romeDay(-1), "--purposes", "visit", "--valid-from", romeDay(), "--valid-until", romeDay(100)])
        #expect(add.status == 1 && add.stderr.contains("codice fiscale: this person's record was erased") && add.stderr.contains("--readmit"), "\(add.stderr)")
        #expect(try dumpDatabase(db) == before)

        let readmit = try centrale(["beneficiary", "import", "--db", db, try puaFile(work), "--readmit"])
        #expect(readmit.status == 0 && readmit.stdout.contains("1 new, 0 updated, 2 unchanged")
                && readmit.stdout.contains("registered again after an erasure"), "\(readmit.stdout)\(readmit.stderr)")
        let found = try centrale(["beneficiary", "find", "--db", db, "quercioli", "--format", "json"])
        let people = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
        #expect(people.count == 1 && people[0]["code"] as? String != code, "a new code, unrelated to the erased one")
        let queue = try DatabaseQueue(path: db)
        let audit = try queue.read { try String.fetchAll($0, sql: "SELECT details FROM audit_log WHERE action = 'beneficiary.create'") }.joined()
        try queue.close()
        #expect(audit.contains("readmitted_after_erasure") && !audit.contains(code))
        #expect(try centrale(["verify", "--db", db]).status == 0)
    }

    @Test("reasons naming the person are refused; erase blanks the free text about them (status and trip reasons, log notes)")
    func erasedFreeText() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        let code = codes["Quercioli"]!
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", "2025-03-03", "--time", "09:00",
                              "--to", "OSP-CAREGGI", "--return", "11:00"]).status == 0)
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", "2025-03-05", "--time", "09:00",
                              "--to", "OSP-CAREGGI"]).status == 0)
        // Reasons that name the person are refused before anything is written: the audit trail keeps them for good.
        for reason in ["ricovero della sig.ra QUERCIOLI", "chiamare lo 055-765432", "qrcznd41l54d612y"] {
            let refused = try centrale(["beneficiary", "suspend", "--db", db, code, "--from", "2025-04-01", "--to", "2025-04-10", "--reason", reason])
            #expect(refused.status == 1 && refused.stderr.contains("names \(code)'s person"), "\(reason): \(refused.stderr)")
        }
        let cancelTrip = try #require(try listJSON(db, "2025-03-05").first?["id"] as? Int)
        let cancelNamed = try centrale(["request", "cancel", "--db", db, String(cancelTrip), "--reason", "Quercioli ha disdetto"])
        #expect(cancelNamed.status == 1 && cancelNamed.stderr.contains("names"), "\(cancelNamed.stderr)")
        #expect(try centrale(["request", "cancel", "--db", db, String(cancelTrip), "--reason", "disdetto dalla figlia"]).status == 0)
        #expect(try centrale(["beneficiary", "suspend", "--db", db, code, "--from", "2025-04-01", "--to", "2025-04-10", "--reason", "ricovero"]).status == 0)

        #expect(try centrale(["dispatch", "--db", db, "--date", "2025-03-03"]).status == 0)
        let trips = try listJSON(db, "2025-03-03")
        let association = try #require(trips.first?["association"] as? String)
        let queue = try DatabaseQueue(path: db)
        let vehicle = try queue.read { try String.fetchOne($0, sql: "SELECT plate FROM vehicle WHERE association = ? AND active = 1 ORDER BY plate", arguments: [association]) }
        try queue.close()
        let log = work.path("march.csv")
        try ("trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,notes\n\(trips[0]["id"]!),\(vehicle!),V01,14.3,08:30,08:52,done,Zelinda al citofono Quercioli\n"
             + "\(trips[1]["id"]!),\(vehicle!),V01,13.9,11:05,11:30,done,\n").write(toFile: log, atomically: true, encoding: .utf8)
        let submit = try centrale(["log", "submit", "--db", db, "--association", association, log])
        #expect(submit.status == 0, "\(submit.stderr)")
        let amend = try centrale(["log", "amend", "--db", db, String(describing: trips[1]["id"]!), "--notes", "la sig.ra Quercioli era pronta",
                                  "--reason", "nota dimenticata"])
        #expect(amend.status == 1 && amend.stderr.contains("the note names"), "\(amend.stderr)")
        // Text written by an earlier version, or typed where nobody checked it.
        let direct = try DatabaseQueue(path: db)
        try direct.write { db in
            try db.execute(sql: "UPDATE beneficiary_status SET reason = 'ricovero, avvisare Zelinda' WHERE code = ? AND status = 'suspended'", arguments: [code])
            try db.execute(sql: "UPDATE trip SET status_reason = 'Zelinda ricoverata' WHERE id = ?", arguments: [cancelTrip])
        }
        try direct.close()
        let statement = { try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"]).stdout }
        let before = try statement()

        #expect(try centrale(["beneficiary", "close", "--db", db, code, "--on", "2025-04-30", "--reason", "deceased"]).status == 0)
        let erase = try centrale(["beneficiary", "erase", "--db", db, code, "--reason", "asked by the family", "--force"])
        #expect(erase.status == 0, "\(erase.stderr)")
        let bytes = (FileManager.default.contents(atPath: db) ?? Data()) + (FileManager.default.contents(atPath: db + "-wal") ?? Data())
        for secret in ["Quercioli", "Zelinda", "QRCZND41L54D612Y", "765432"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        #expect(try statement() == before)
        let show = try centrale(["beneficiary", "show", "--db", db, code])
        #expect(show.stdout.contains("suspended: (text erased)"), "\(show.stdout)")
        #expect(try centrale(["verify", "--db", db]).status == 0)
    }
}
