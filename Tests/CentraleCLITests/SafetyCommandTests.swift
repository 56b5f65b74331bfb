import Foundation
import GRDB
import Testing

@Suite("Commands that never destroy: files, databases, limits")
struct SafetyCommandTests {
    @Test("a typo in --db creates nothing and says how to create a database")
    func missingDatabase() throws {
        let work = try Workspace()
        for arguments in [["status"], ["report", "--month", "2025-01"], ["dispatch", "--date", "2025-03-03"],
                          ["trips", "--association", "MIS-SCA", "--month", "2025-01"], ["month", "close", "2025-01"]] {
            let run = try centrale(arguments + ["--db", work.path("typo.sqlite")])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("no database at") && run.stderr.contains("centrale init"), "\(arguments): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).isEmpty)
    }

    @Test("report --out refuses an existing file without --force, and a database even with it")
    func noOverwrite() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let onDatabase = try centrale(["report", "--db", db, "--month", "2025-01", "--format", "md", "--out", db, "--force"])
        #expect(onDatabase.status == 1 && onDatabase.stderr.contains("never overwritten"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)

        let out = work.path("report.md")
        try "mine".write(toFile: out, atomically: true, encoding: .utf8)
        let refused = try centrale(["report", "--db", db, "--month", "2025-01", "--format", "md", "--out", out])
        #expect(refused.status == 1 && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "mine")
        #expect(try centrale(["report", "--db", db, "--month", "2025-01", "--format", "md", "--out", out, "--force"]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) != "mine")

        let statement = work.path("statement.csv")
        #expect(try centrale(["statement", "--db", db, "--all", "--month", "2025-01", "--format", "csv", "--out", statement]).status == 0)
        #expect(try centrale(["statement", "--db", db, "--all", "--month", "2025-01", "--format", "csv", "--out", statement]).status == 1)
    }

    @Test("a recurring request beyond the limit is refused before any trip is made")
    func recurrenceLimit() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let run = try centrale(["request", "add", "--db", db, "--beneficiary", "NOBODY", "--date", "2025-03-03", "--time", "07:30",
                                "--to", "DIA-CAREGGI", "--repeat", "mon,wed,fri", "--until", "9999-12-31"])
        #expect(run.status == 1 && run.stderr.contains("366"), "\(run.stderr)")
    }

    @Test("a demo of a future year is refused up front, and writes nothing")
    func futureDemo() throws {
        let work = try Workspace()
        let next = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        let run = try centrale(["demo", "--db", work.path("d.sqlite"), "--year", String(next)])
        #expect(run.status == 1 && run.stderr.contains("has not begun"))
        #expect(!FileManager.default.fileExists(atPath: work.path("d.sqlite")))
    }

    @Test("init refuses an association missing from the file until it is given a leaving day")
    func leaving() throws {
        let work = try Workspace()
        let db = work.path("c.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let data = try work.copyOfData()
        let file = data.appendingPathComponent("associations.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines.removeAll { $0.hasPrefix("AUS-CAL,") }
        lines = lines.map { $0.hasPrefix("MIS-CAL,") ? $0.replacingOccurrences(of: ",12,3.81", with: ",12,5.08") : $0 }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let fleet = data.appendingPathComponent("vehicles.csv")
        let vehicles = try String(contentsOf: fleet, encoding: .utf8).components(separatedBy: "\n").filter { !$0.contains(",AUS-CAL,") }
        try vehicles.joined(separator: "\n").write(to: fleet, atomically: true, encoding: .utf8)
        let refused = try centrale(["init", "--db", db, "--data", data.path])
        #expect(refused.status == 1 && refused.stderr.contains("--leaving AUS-CAL="), "\(refused.stderr)")
        let bad = try centrale(["init", "--db", db, "--data", data.path, "--leaving", "AUS-CAL"])
        #expect(bad.status != 0 && bad.stderr.contains("CODE=YYYY-MM-DD"))
        let done = try centrale(["init", "--db", db, "--data", data.path, "--leaving", "AUS-CAL=2026-01-01"])
        #expect(done.status == 0 && done.stdout.contains("AUS-CAL leaves the convention on 2026-01-01"), "\(done.stdout)\(done.stderr)")
    }

    @Test("the real binary: --version names the release and the schema; a bad value is a usage error (64), a refusal an error (1), on standard error")
    func version() throws {
        let run = try centraleBinary(["--version"])
        #expect(run.status == 0 && run.stdout.hasPrefix("centrale ") && run.stdout.contains("schema v"))
        let work = try Workspace()
        let month = try centraleBinary(["report", "--db", work.path("none.sqlite"), "--month", "2025-13"])
        #expect(month.status == 64 && month.stdout.isEmpty)
        #expect(month.stderr.hasPrefix("Error: The value '2025-13' is invalid for '--month <YYYY-MM>'"), "\(month.stderr)")
        #expect(month.stderr.contains("e.g. 2025-03") && month.stderr.contains("Usage: centrale report"))
        let missing = try centraleBinary(["status", "--db", work.path("none.sqlite")])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr == "error: no database at \(work.path("none.sqlite")); create one with `centrale init` "
                + "(or give the right path with --db or CENTRALE_DB).\n", "\(missing.stderr)")
        let help = try centraleBinary(["log"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: centrale log <subcommand>"))
    }

    @Test("in process as in the binary: the same output, the same errors, the same statuses")
    func inProcess() throws {
        let work = try Workspace()
        let db = work.path("same.sqlite")
        for arguments in [["--version"], ["report", "--db", db, "--month", "2025-13"], ["status", "--db", db], ["log"],
                          ["beneficiary", "template"], ["trips", "--db", db, "--association", "MIS-SCA"]] {
            let inside = try centrale(arguments), outside = try centraleBinary(arguments)
            #expect(inside.status == outside.status && inside.stdout == outside.stdout && inside.stderr == outside.stderr, "\(arguments)")
        }
    }

    @Test("a log saved as Italian Excel saves it (Windows-1252, ';', decimal commas, 07:38:00, CRLF, empty ';;;;' rows) is accepted")
    func excelLog() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work)
        let text = "viaggio;targa;autista;km;ora_presa;ora_arrivo;esito;note\r\n"
            + "\(ids[0]);\(vehicle);V01;14,3;08:30:00;08:52:00;effettuato;Niccolò al 3° piano\r\n;;;;;;;\r\n;;;;;;;\r\n"
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } // Latin-1 = Windows-1252 for these
        let file = work.path("marzo.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let run = try centrale(["log", "submit", "--db", db, "--association", association, file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 new") && run.stdout.contains("Windows-1252"), "\(run.stdout)")
        let notes = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "SELECT notes FROM trip_log WHERE trip = ?", arguments: [ids[0]]) }
        #expect(notes == "Niccolò al 3° piano")
    }

    @Test("nothing typed is lost or printed raw: unknown columns refused, control characters in options refused, long cells cut in messages")
    func typedInput() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work)
        let before = try dumpDatabase(db).filter { !$0.hasPrefix("log_submission") && !$0.hasPrefix("audit_log") }
        let unknown = work.path("unknown.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,nota_bene\n\(ids[0]),\(vehicle),V01,14.3,08:30,08:52,done,importante\n"
            .write(toFile: unknown, atomically: true, encoding: .utf8)
        let refused = try centrale(["log", "submit", "--db", db, "--association", association, unknown])
        #expect(refused.status == 1 && refused.stderr.contains("unknown.csv:1: nota_bene: unknown column"), "\(refused.stderr)")
        // The columns `centrale trips` exports to describe the trip are read past.
        let filled = work.path("filled.csv")
        try "trip,date,time,leg,beneficiary,needs,destination,status,service_outcome,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[0]),2025-03-03,09:00,outbound,BANNA1,-,AOU Careggi,assigned,,\(vehicle),V01,14.3,08:30,08:52,done\n"
            .write(toFile: filled, atomically: true, encoding: .utf8)
        let copy = work.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let accepted = try centrale(["log", "submit", "--db", copy, "--association", association, filled])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let twice = work.path("twice.json")
        try "[\n  {\"trip\": \(ids[0]), \"trip\": \(ids[1]), \"vehicle\": \"\(vehicle)\", \"driver\": \"V01\", \"km\": 14.3, \"outcome\": \"done\"}\n]\n"
            .write(toFile: twice, atomically: true, encoding: .utf8)
        let duplicate = try centrale(["log", "submit", "--db", db, "--association", association, twice])
        #expect(duplicate.status == 1 && duplicate.stderr.contains("twice.json:2: trip: is given twice"), "\(duplicate.stderr)")
        let unnamed = work.path("unnamed.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,\n\(ids[0]),\(vehicle),V01,14.3,08:30,08:52,done,importante\n"
            .write(toFile: unnamed, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", db, "--association", association, unnamed]).status == 1)
        let long = work.path("long.csv")
        try ("trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[0]),\(vehicle)," + String(repeating: "D", count: 100_000)
             + ",14.3,08:30,08:52,done\n").write(toFile: long, atomically: true, encoding: .utf8)
        let cut = try centrale(["log", "submit", "--db", db, "--association", association, long])
        #expect(cut.status == 1 && cut.stderr.count < 3_000 && cut.stderr.contains("more characters"), "\(cut.stderr.count)")
        let escape = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-04", "--time", "09:00",
                                   "--to", "Via\u{1B}[31m Roma 1, Signa@43.78,11.09"], environment: ["CENTRALE_OPERATOR": "tester"])
        #expect(escape.status == 1 && !escape.stderr.contains("\u{1B}") , "\(escape.stderr)")
        let reason = try centrale(["request", "cancel", "--db", db, String(ids[0]), "--reason", "x\u{1B}[2Jy"], environment: ["CENTRALE_OPERATOR": "tester"])
        #expect(reason.status == 1 && reason.stderr.contains("\\u{1B}") && !reason.stderr.contains("\u{1B}"), "\(reason.stderr)")
        #expect(try dumpDatabase(db).filter { !$0.hasPrefix("log_submission") && !$0.hasPrefix("audit_log") } == before)
    }

    @Test("log amend reads km as files are read: an ambiguous form is refused with both readings, contradictory options too")
    func amendNumbers() throws {
        let work = try Workspace()
        let (db, ids, association, vehicle) = try dispatchedDay(work)
        let file = work.path("log.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome\n\(ids[0]),\(vehicle),V01,14.3,08:30,08:52,done\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try centrale(["log", "submit", "--db", db, "--association", association, file]).status == 0)
        let env = ["CENTRALE_OPERATOR": "tester"]
        let ambiguous = try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "1,234", "--reason", "r"], environment: env)
        #expect(ambiguous.status != 0 && ambiguous.stderr.contains("reads as 1.234 km or as 1234 km"), "\(ambiguous.stderr)")
        let both = try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "5", "--odometer-start", "100", "--odometer-end", "120",
                                 "--reason", "r"], environment: env)
        #expect(both.status != 0 && both.stderr.contains("not both"))
        // Only one reading is plausible for one trip (31900 km is not): 31.9 km.
        let clear = try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "31.900", "--reason", "detour"], environment: env)
        #expect(clear.status == 0 && clear.stdout.contains("31.9 km"), "\(clear.stdout)\(clear.stderr)")
        let italian = try centrale(["log", "amend", "--db", db, String(ids[0]), "--km", "1.234,5", "--reason", "typo"], environment: env)
        #expect(italian.status == 0 && italian.stdout.contains("1234.5 km"), "\(italian.stdout)\(italian.stderr)")
    }
}

extension SafetyCommandTests {
    @Test("log amend without a value to change, or with a time that is not one, says what to give")
    func amendNeedsAValue() throws {
        let nothing = try centrale(["log", "amend", "12", "--reason", "x", "--db", "/nonexistent.sqlite"])
        #expect(nothing.status == 1 && nothing.stderr.contains("give at least one value to change: --km"), "\(nothing.stderr)")
        let time = try centrale(["log", "amend", "12", "--reason", "x", "--pickup", "25:00", "--db", "/nonexistent.sqlite"])
        #expect(time.status == 1 && time.stderr.contains("--pickup: '25:00' is not a time; write HH:MM"), "\(time.stderr)")
    }
}
