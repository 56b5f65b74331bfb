import Foundation
import GRDB
import Testing

/// A PUA-style export: Italian headers, `;`, dd/mm/yyyy, CRLF.
let puaHeader = "Cognome;Nome;Codice Fiscale;Data di nascita;Telefono;Indirizzo;Comune;Segnalato da;Referente;Data segnalazione;"
    + "Riferimento PAI;Bisogni;Motivi;Valido dal;Valido al"
let puaRows = [
    "Bellè;Niccolò;BLLNCL40A01D612A;01/01/1940;055 123456;Via Roma 12;Scandicci;PUA;Maria Neri;15/01/2025;PAI-1;carrozzina;dialisi|visita;01/02/2025;31/12/2025",
    "Quercioli;Zelinda;QRCZND41L54D612Y;14/07/1941;055 765432;Vicolo del Pozzo 9;048041;dimissione ospedaliera;;20/01/2025;;;visita;01/02/2025;31/12/2025",
    "Verdi;Giuseppe;VRDGPP35M10D612K;10/08/1935;333 1;Via Larga 3;Signa;medico di famiglia;;02/02/2025;;accompagnatore;terapia,visita;01/03/2025;28/02/2026",
]

func puaFile(_ work: Workspace, _ rows: [String] = puaRows, name: String = "pua.csv") throws -> String {
    let path = work.path(name)
    try ((puaHeader + "\r\n" + rows.joined(separator: "\r\n") + "\r\n")).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A fresh database with the PUA list imported; returns the path and the codes by surname.
func peopleDatabase(_ work: Workspace) throws -> (db: String, codes: [String: String]) {
    let db = work.path("people.sqlite")
    #expect(try centrale(["init", "--db", db]).status == 0)
    let run = try centrale(["beneficiary", "import", "--db", db, try puaFile(work)])
    #expect(run.status == 0, "\(run.stderr)")
    let list = try centrale(["beneficiary", "list", "--db", db, "--format", "json"])
    let people = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    return (db, Dictionary(uniqueKeysWithValues: people.map { ($0["surname"] as! String, $0["code"] as! String) }))
}

func tripStatuses(_ db: String, _ date: String) throws -> [Int: String] {
    Dictionary(uniqueKeysWithValues: try listJSON(db, date).map { ($0["id"] as! Int, $0["status"] as! String) })
}

@Suite("centrale beneficiary", .serialized)
struct BeneficiaryCommandTests {
    @Test("a PUA export is imported; importing it again changes nothing; a changed row updates that person")
    func importList() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        #expect(codes.count == 3)
        let before = try dumpDatabase(db)
        let again = try centrale(["beneficiary", "import", "--db", db, try puaFile(work)])
        #expect(again.stdout.contains("0 new, 0 updated, 3 unchanged"), "\(again.stdout)\(again.stderr)")
        #expect(try dumpDatabase(db) == before)
        var changed = puaRows
        changed[2] = changed[2].replacingOccurrences(of: "333 1", with: "333 2")
        let update = try centrale(["beneficiary", "import", "--db", db, try puaFile(work, changed, name: "pua2.csv")])
        #expect(update.stdout.contains("0 new, 1 updated, 2 unchanged"), "\(update.stdout)\(update.stderr)")
        // The same people saved by an older office program: Windows-1252, commas, a BOM-less LF file,
        // headers in capitals without underscores: matched by codice fiscale, nothing changes.
        let legacy = (puaHeader.uppercased().replacingOccurrences(of: ";", with: ",") + "\n"
                      + changed.map { $0.replacingOccurrences(of: ",", with: "|")
                                          .replacingOccurrences(of: ";", with: ",") }.joined(separator: "\n") + "\n")
        try #require(legacy.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: work.path("vecchio.csv")))
        let old = try centrale(["beneficiary", "import", "--db", db, work.path("vecchio.csv")])
        #expect(old.stdout.contains("0 new, 0 updated, 3 unchanged"), "\(old.stdout)\(old.stderr)")
        let template = try centrale(["beneficiary", "template"])
        #expect(template.stdout.hasPrefix("cognome;nome;codice_fiscale;data_nascita;telefono;indirizzo;comune;segnalato_da;"))
    }

    @Test("a list with one bad row is refused with its line, and nothing is written", arguments: [
        ("BLLNCL40A01D612A", "BLLNCL40A01D612B", "pua.csv:2: codice_fiscale: "),
        (";Signa;", ";Atlantide;", "pua.csv:4: comune: "),
        ("01/03/2025;28/02/2026", "01/03/2025;28/02/2024", "pua.csv:4: valido_al: "),
        ("14/07/1941", "14/07/2041", "pua.csv:3: data_nascita: "),
        // The same person twice (code and birth date of line 2).
        ("QRCZND41L54D612Y;14/07/1941", "BLLNCL40A01D612A;01/01/1940", "pua.csv:3: codice_fiscale: BLLNCL40A01D612A is already on line 2"),
        // A phone without digits.
        (";055 765432;", ";abc;", "pua.csv:3: telefono: 'abc' is not a phone number"),
        // A birth date the codice fiscale contradicts.
        ("QRCZND41L54D612Y;14/07/1941", "QRCZND41L54D612Y;14/07/1951", "pua.csv:3: data_nascita: the codice fiscale QRCZND41L54D612Y is of someone born on 14/07/..41"),
    ])
    func badRow(change: (String, String, String)) throws {
        let work = try Workspace()
        let db = work.path("people.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let before = try dumpDatabase(db)
        let rows = puaRows.map { $0.replacingOccurrences(of: change.0, with: change.1) }
        _ = try puaFile(work, rows)
        let run = try centraleBinary(["beneficiary", "import", "--db", db, "pua.csv"], in: work.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: " + change.2), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"))
        #expect(try dumpDatabase(db) == before)
    }

    @Test("find: partial names, ignoring case and accents; JSON objects with code, status, comune, codice_fiscale")
    func find() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        for query in ["belle", "NICCOLO", "bellè", "123456", "bllncl"] {
            let run = try centrale(["beneficiary", "find", "--db", db, query, "--format", "json"])
            let found = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(query)")
            #expect(found.count == 1 && found[0]["code"] as? String == codes["Bellè"], "\(query)")
            // The list's authorisations end on 31/12/2025: after that day the person shows as expired, not active.
            #expect(found.first?["status"] as? String == activeUntil("2025-12-31") && found.first?["comune"] as? String == "048041"
                    && found.first?["codice_fiscale"] as? String == "BLLNCL40A01D612A")
        }
        #expect(try centrale(["beneficiary", "find", "--db", db, "nessuno"]).stdout.contains("Nobody matches"))
        let show = try centrale(["beneficiary", "show", "--db", db, codes["Verdi"]!, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == codes["Verdi"] && object["codice_fiscale"] as? String == "VRDGPP35M10D612K")
        #expect(object["status"] as? String == activeUntil("2026-02-28") && object["comune"] as? String != nil)
        // The code in any case.
        let text = try centrale(["beneficiary", "show", "--db", db, codes["Verdi"]!.lowercased()])
        #expect(text.stdout.contains("Verdi Giuseppe") && text.stdout.contains("referred by family_doctor on 2025-02-02"))
    }

    @Test("add and update from flags; the audit names the fields changed, never their values")
    func addAndUpdate() throws {
        let work = try Workspace()
        let (db, _) = try peopleDatabase(work)
        let add = try centrale(["beneficiary", "add", "--db", db, "--surname", "Fioravanti", "--name", "Ortensia", "--codice-fiscale", "FRVRTN30A41D612X",
                                "--birth-date", "01/01/1930", "--street", "Via Pisana", "--number", "4", "--comune", "Lastra a Signa",
                                "--referred-by", "case_manager", "--referred-on", "2025-01-10", "--purposes", "visit",
                                "--valid-from", "2025-02-01", "--valid-until", "2025-12-31"])
        #expect(add.status == 1 && add.stderr.contains("--codice-fiscale: ") && add.stderr.contains("wrong check character"), "\(add.stderr)")
        let cf = "FRVRTN30A41D612" + checkCharacter("FRVRTN30A41D612")
        let ok = try centrale(["beneficiary", "add", "--db", db, "--surname", "Fioravanti", "--name", "Ortensia", "--codice-fiscale", cf,
                               "--birth-date", "01/01/1930", "--street", "Via Pisana", "--number", "4", "--comune", "Lastra a Signa",
                               "--referred-by", "case_manager", "--referred-on", "2025-01-10", "--purposes", "visit",
                               "--valid-from", "2025-02-01", "--valid-until", "2025-12-31"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let code = try #require(ok.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
        let update = try centrale(["beneficiary", "update", "--db", db, code, "--phone", "055 998877", "--driver-notes", "citofono rotto",
                                   "--valid-until", "2026-06-30", "--reason", "renewal"])
        #expect(update.status == 0 && update.stdout.contains("Updated"), "\(update.stderr)")
        let queue = try DatabaseQueue(path: db)
        let audit = try queue.read { try Row.fetchAll($0, sql: "SELECT action, details, actor FROM audit_log WHERE entity_id = ? ORDER BY id", arguments: [code]) }
        try queue.close()
        #expect(audit.map { $0["action"] as String }.suffix(2) == ["beneficiary.personal.update", "beneficiary.authorisation.set"])
        #expect(audit.map { $0["details"] as String }.contains(#"{"fields":"phones,driver_notes"}"#))
        #expect(!audit.map { $0["details"] as String }.joined().contains("998877") && audit.allSatisfy { $0["actor"] as String == "tester" })
    }

    @Test("requests for suspended, closed or unauthorised people are refused; suspend and close cancel exactly their trips")
    func lifecycle() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        let bellè = codes["Bellè"]!
        func add(_ date: String, _ time: String = "09:00", purpose: String = "visit", extra: [String] = []) throws -> Run {
            try centrale(["request", "add", "--db", db, "--beneficiary", bellè, "--date", date, "--time", time, "--to", "OSP-CAREGGI",
                          "--purpose", purpose] + extra)
        }
        #expect(try add("2025-03-03", extra: ["--return", "11:00", "--repeat", "mon", "--until", "2025-05-26"]).status == 0)
        let refusedPurpose = try add("2025-03-04", purpose: "social")
        #expect(refusedPurpose.status == 1 && refusedPurpose.stderr.contains("social is not a purpose"))
        let refusedNeeds = try add("2025-03-04", extra: ["--needs", "stretcher"])
        #expect(refusedNeeds.status == 1 && refusedNeeds.stderr.contains("stretcher is not in"))
        let overlap = try add("2025-03-10", "10:00")
        #expect(overlap.status == 1 && overlap.stderr.contains("overlaps"), "\(overlap.stderr)")

        let suspend = try centrale(["beneficiary", "suspend", "--db", db, bellè, "--from", "2025-03-10", "--to", "2025-03-17", "--reason", "ricovero"])
        #expect(suspend.status == 0, "\(suspend.stderr)")
        for date in ["2025-03-03", "2025-03-24"] { #expect(try tripStatuses(db, date).values.allSatisfy { $0 == "pending" }) }
        for date in ["2025-03-10", "2025-03-17"] { #expect(try tripStatuses(db, date).values.sorted() == ["cancelled", "cancelled"]) }
        let suspended = try add("2025-03-12")
        #expect(suspended.status == 1 && suspended.stderr.contains("is suspended on 2025-03-12"), "\(suspended.stderr)")
        #expect(suspended.stderr.contains("ricovero); book after the suspension, or end it with `beneficiary resume \(bellè)`\n"), "\(suspended.stderr)")

        let close = try centrale(["beneficiary", "close", "--db", db, bellè, "--on", "2025-04-30", "--reason", "moved"])
        #expect(close.status == 0 && close.stdout.contains("cancelled 8 trips"), "\(close.stdout)\(close.stderr)")
        #expect(try tripStatuses(db, "2025-04-28").values.allSatisfy { $0 == "pending" })
        #expect(try tripStatuses(db, "2025-05-05").values.sorted() == ["cancelled", "cancelled"])
        let closed = try add("2025-05-06")
        #expect(closed.status == 1 && closed.stderr.contains("is closed after 2025-04-30"))
        let list = try centrale(["beneficiary", "list", "--db", db, "--status", "closed", "--format", "csv"])
        #expect(list.stdout.contains(bellè) && !list.stdout.contains(codes["Verdi"]!))
        // The report counts them, and never names them.
        let report = try centrale(["report", "--db", db, "--month", "2025-03", "--format", "csv", "--dialect", "rfc4180"])
        #expect(report.stdout.contains("people,activations,2025-03,1\n") && report.stdout.contains("people,activations,2025-01..2025-03,3\n"))
        #expect(report.stdout.contains("people,suspensions,2025-03,1\n") && report.stdout.contains("people,closings,2025-03,0\n"))
        let april = try centrale(["report", "--db", db, "--month", "2025-04", "--format", "md"], environment: italianDefault)
        #expect(april.stdout.contains("| Chiusure | 1 | 1 |"), "\(april.stdout)")
        #expect(!april.stdout.contains("Bell") && !april.stdout.contains(bellè))
    }

    @Test("export holds the record; erase removes the name from the file's bytes and keeps trips, logs and statements")
    func exportAndErase() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        let code = codes["Quercioli"]!
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", "2025-03-03", "--time", "09:00",
                              "--to", "OSP-CAREGGI", "--return", "11:00"]).status == 0)
        #expect(try centrale(["dispatch", "--db", db, "--date", "2025-03-03"]).status == 0)
        let trips = try listJSON(db, "2025-03-03")
        let association = try #require(trips.first?["association"] as? String)
        let queue = try DatabaseQueue(path: db)
        let vehicle = try queue.read { try String.fetchOne($0, sql: "SELECT plate FROM vehicle WHERE association = ? AND active = 1 ORDER BY plate", arguments: [association]) }
        try queue.close()
        let log = work.path("march.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(trips[0]["id"]!),\(vehicle!),V01,14.3,08:30,08:52,done\n\(trips[1]["id"]!),\(vehicle!),V01,13.9,11:05,11:30,done\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", db, "--association", association, log]).status == 0)

        let export = try centrale(["beneficiary", "export", "--db", db, code])
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"surname\" : \"Quercioli\"") && export.stdout.contains("\"logged_m\" : 14300"))
        #expect(export.stdout.contains("\"codice_fiscale\" : \"QRCZND41L54D612Y\""))
        #expect(export.stdout.contains("\"driver\" : \"V01\"") && export.stdout.contains("\"vehicle\" : \"\(vehicle!)\""), "the logs' details too")
        let out = work.path("access.json")
        #expect(try centrale(["beneficiary", "export", "--db", db, code, "--out", out]).status == 0)
        #expect(try centrale(["beneficiary", "export", "--db", db, code, "--out", out]).status == 1)
        #expect(try centrale(["beneficiary", "export", "--db", db, code, "--out", out, "--force"]).status == 0)

        let plan = try centrale(["plan", "--db", db, "--date", "2025-03-03", "--accept"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let planned = try DatabaseQueue(path: db)
        #expect(try planned.read { try String.fetchAll($0, sql: "SELECT json FROM plan") }.joined().contains("Vicolo del Pozzo"))
        try planned.close()
        let statement = { try centrale(["statement", "--db", db, "--association", association, "--month", "2025-03", "--format", "json"]).stdout }
        let before = try statement()
        let notClosed = try centrale(["beneficiary", "erase", "--db", db, code, "--reason", "asked"])
        #expect(notClosed.status == 1 && notClosed.stderr.contains("not closed"))
        #expect(try centrale(["beneficiary", "close", "--db", db, code, "--on", "2025-03-31", "--reason", "deceased"]).status == 0)
        let early = try centrale(["beneficiary", "erase", "--db", db, code, "--reason", "asked"])
        #expect(early.status == 1 && early.stderr.contains("retention"), "\(early.stderr)")
        let erase = try centrale(["beneficiary", "erase", "--db", db, code, "--reason", "asked by the family", "--force"])
        #expect(erase.status == 0, "\(erase.stderr)")
        let bytes = (FileManager.default.contents(atPath: db) ?? Data()) + (FileManager.default.contents(atPath: db + "-wal") ?? Data())
        for secret in ["Quercioli", "Zelinda", "QRCZND41L54D612Y", "055 765432", "Vicolo del Pozzo"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        #expect(try statement() == before)
        #expect(try listJSON(db, "2025-03-03").count == 2)
        let after = try centrale(["beneficiary", "show", "--db", db, code])
        #expect(after.stdout.contains("personal record erased"))
        let json = try centrale(["beneficiary", "show", "--db", db, code, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == code && object["status"] as? String == "closed" && object["codice_fiscale"] is NSNull)
    }

    @Test("a home without coordinates is an approximate position: its trips are marked and left out of km flags")
    func approximateKm() throws {
        let work = try Workspace()
        let (db, codes) = try peopleDatabase(work)
        let verdi = codes["Verdi"]!
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", verdi, "--date", "2025-03-05", "--time", "09:00",
                              "--to", "OSP-CAREGGI"]).status == 0)
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", verdi, "--date", "2025-03-06", "--time", "09:00",
                              "--from", "Via Larga 3, Signa@43.781,11.098", "--to", "OSP-CAREGGI"]).status == 0)
        var ids: [Int] = []
        for date in ["2025-03-05", "2025-03-06"] {
            #expect(try centrale(["dispatch", "--db", db, "--date", date]).status == 0)
            let trip = try #require(try listJSON(db, date).first)
            let association = try #require(trip["association"] as? String)
            let queue = try DatabaseQueue(path: db)
            let vehicle = try queue.read { try String.fetchOne($0, sql: "SELECT plate FROM vehicle WHERE association = ? AND active = 1 AND seats >= 2 ORDER BY plate", arguments: [association]) }
            try queue.close()
            let file = work.path("log-\(date).csv")
            try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(trip["id"]!),\(vehicle!),V01,150,08:30,08:52,done\n".write(toFile: file, atomically: true, encoding: .utf8)
            let submit = try centrale(["log", "submit", "--db", db, "--association", association, file])
            #expect(submit.status == 0, "\(submit.stderr)")
            ids.append(trip["id"] as! Int)
        }
        let flags = try centrale(["log", "flags", "--db", db, "--month", "2025-03"])
        // The table's rows: a trip id, then its date.
        let flagged = flags.stdout.split(separator: "\n").compactMap { line -> Int? in
            let words = line.split(separator: " ")
            return words.count > 1 && words[1].count == 10 && words[1].filter({ $0 == "-" }).count == 2 ? Int(words[0]) : nil
        }
        #expect(flagged == [ids[1]], "\(flags.stdout)")
        let queue = try DatabaseQueue(path: db)
        let approximate = try queue.read { try Int.fetchAll($0, sql: "SELECT approximate FROM trip ORDER BY id") }
        try queue.close()
        #expect(approximate == [1, 0])
    }

    @Test("without --operator, CENTRALE_OPERATOR or USER, a write names the account it runs as, never 'unknown'")
    func noOperator() throws {
        let work = try Workspace()
        let db = work.path("ops.sqlite")
        let run = try centrale(["init", "--db", db], environment: ["CENTRALE_OPERATOR": "", "USER": "", "LOGNAME": ""])
        let account = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        if let account {
            #expect(run.status == 0, "\(run.stderr)")
            let actors = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT DISTINCT actor FROM audit_log") }
            #expect(actors == [account])
        } else {
            #expect(run.status == 1 && run.stderr.contains("no operator is known"))
        }
        #expect(try centrale(["init", "--db", work.path("giulia.sqlite"), "--operator", "giulia"]).status == 0)
    }
}

/// "active" up to the last day of an authorisation (today in Rome), "authorisation_expired" after it.
func activeUntil(_ lastDay: String) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Rome")!
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!) > lastDay ? "authorisation_expired" : "active"
}

/// The check character of the first 15 characters of a codice fiscale.
func checkCharacter(_ first15: String) -> String {
    let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    var sum = 0
    for (i, c) in first15.enumerated() {
        let v = c.isNumber ? Int(String(c))! : Int(c.asciiValue!) - 65
        sum += i % 2 == 0 ? odd[v] : v
    }
    return String(UnicodeScalar(UInt8(65 + sum % 26)))
}
