import CentraleDomain
import CentraleFormats
import CentraleStore
import Foundation
import GRDB
import Testing

/// Every line of an Italian Excel CSV ends with CRLF, the last one too, and no LF stands alone.
func expectCRLFOnly(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    #expect(Array(bytes.suffix(2)) == [13, 10], "\(what) ends with CRLF: \(text.suffix(20).debugDescription)", sourceLocation: sourceLocation)
    let bare = bytes.indices.filter { bytes[$0] == 10 && ($0 == 0 || bytes[$0 - 1] != 13) }
    #expect(bare.isEmpty, "\(what) has a bare LF at bytes \(bare.prefix(5))", sourceLocation: sourceLocation)
}

@Suite("Review fixes: unknown codes, resume, empty months, amendments, upgrade, month list, CSV, library errors", .serialized)
struct ReviewFixTests {
    @Test("an unknown association or plate is refused naming the known ones, by every reading command with --association")
    func unknownCodes() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work)
        let sheet = try centrale(["sheet", "--association", day.association, "--date", "2025-03-03", "--vehicle", "XX", "--db", day.db])
        #expect(sheet.status == 1 && sheet.stdout.isEmpty, "\(sheet.stdout)")
        #expect(sheet.stderr.hasPrefix("error: no vehicle of \(day.association) 'XX' in the database; check the code (those registered: "),
                "\(sheet.stderr)")
        #expect(sheet.stderr.contains(day.vehicle), "the fleet is listed: \(sheet.stderr)")
        for arguments in [["sheet", "--association", "XXX", "--date", "2025-03-03"], ["expiries", "--association", "XXX"],
                          ["log", "flags", "--month", "2025-03", "--association", "XXX"], ["volunteer", "list", "--association", "XXX"],
                          ["trips", "--association", "XXX", "--date", "2025-03-03"], ["statement", "--association", "XXX", "--month", "2025-03"],
                          ["plan", "--date", "2025-03-03", "--association", "XXX"]] {
            let run = try centrale(arguments + ["--db", day.db])
            #expect(run.status == 1 && run.stdout.isEmpty, "\(arguments): \(run.stdout)")
            #expect(run.stderr.hasPrefix("error: no association 'XXX' in the database; check the code (those registered: "), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("MIS-SCA") && run.stderr.contains(day.association), "\(arguments): \(run.stderr)")
        }
        let italian = try centrale(["log", "flags", "--month", "2025-03", "--association", "XXX", "--db", day.db], environment: italianDefault)
        #expect(italian.stderr.hasPrefix("errore: nessuna associazione 'XXX' nella base dati; controlla il codice (quelli registrati: "),
                "\(italian.stderr)")
        // A known code, in any case, is accepted.
        #expect(try centrale(["expiries", "--association", day.association.lowercased(), "--db", day.db]).status == 0)
        #expect(try centrale(["log", "flags", "--month", "2025-03", "--association", day.association, "--db", day.db]).status == 0)
    }

    @Test("resume ends the suspension in force on the day; resuming again, or a person not suspended, is refused")
    func resumeTwice() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        for (from, to) in [("2025-03-10", "2025-03-20"), ("2025-04-10", "2025-04-20")] {
            let suspend = try centrale(["beneficiary", "suspend", "BSTRE1", "--from", from, "--to", to, "--reason", "ricovero", "--db", db])
            #expect(suspend.status == 0, "\(suspend.stderr)")
        }
        let resume = try centrale(["beneficiary", "resume", "BSTRE1", "--on", "2025-03-15", "--db", db])
        #expect(resume.status == 0 && resume.stdout.contains("BSTRE1 is active again from 2025-03-15."), "\(resume.stdout)\(resume.stderr)")
        // The later suspension is untouched (it used to be the one withdrawn).
        let queue = try DatabaseQueue(path: db)
        let suspensions = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT from_date, to_date FROM beneficiary_status WHERE code = 'BSTRE1' AND status = 'suspended' ORDER BY from_date")
                .map { "\($0[0] as String)…\($0[1] as String)" }
        }
        try queue.close()
        #expect(suspensions == ["2025-03-10…2025-03-14", "2025-04-10…2025-04-20"])

        let again = try centrale(["beneficiary", "resume", "BSTRE1", "--on", "2025-03-15", "--db", db])
        #expect(again.status == 1 && again.stdout.isEmpty)
        #expect(again.stderr.hasPrefix("error: BSTRE1 is not suspended on 2025-03-15, so there is nothing to resume; "
                                       + "their next suspension, from 2025-04-10 to 2025-04-20, has not begun: to withdraw it give --on 2025-04-10. "
                                       + "Nothing was written."), "\(again.stderr)")
        let italian = try centrale(["beneficiary", "resume", "BSTRE1", "--on", "2025-03-15", "--db", db], environment: italianDefault)
        #expect(italian.stderr.hasPrefix("errore: il beneficiario BSTRE1 non è sospeso il 15/03/2025, quindi non c'è nulla da riprendere; "
                                         + "la sua prossima sospensione, dal 10/04/2025 al 20/04/2025, non è ancora cominciata: "
                                         + "per annullarla indica --on 10/04/2025. Non è stato scritto nulla."), "\(italian.stderr)")
        // On its first day the planned suspension is withdrawn; after it nothing is left to resume.
        #expect(try centrale(["beneficiary", "resume", "BSTRE1", "--on", "10/04/2025", "--db", db]).status == 0)
        let none = try centrale(["beneficiary", "resume", "BSTRE1", "--on", "2025-04-12", "--db", db])
        #expect(none.status == 1 && none.stderr.hasPrefix("error: BSTRE1 is not suspended on 2025-04-12, so there is nothing to resume. Nothing was written."),
                "\(none.stderr)")
        let never = try centrale(["beneficiary", "resume", "BANNA1", "--on", "2025-03-15", "--db", db])
        #expect(never.status == 1 && never.stderr.contains("BANNA1 is not suspended on 2025-03-15"), "\(never.stderr)")
        let audit = try DatabaseQueue(path: db)
        let resumes = try audit.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'beneficiary.resume'") }
        try audit.close()
        #expect(resumes == 2)
    }

    @Test("a month before the first trip has nothing to close; a month without trips after it closes at zero")
    func emptyMonths() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let empty = try centrale(["month", "close", "2025-03", "--db", db])
        #expect(empty.status == 1 && empty.stdout.isEmpty)
        #expect(empty.stderr.hasPrefix("error: no trips in 2025-03 or before: nothing to close. The database has no trips yet"), "\(empty.stderr)")
        let italian = try centrale(["month", "close", "2025-03", "--db", db], environment: italianDefault)
        #expect(italian.stderr.hasPrefix("errore: nessun servizio a marzo 2025 né prima: niente da chiudere."), "\(italian.stderr)")
        // The current month keeps its own refusal.
        #expect(try centrale(["month", "close", currentMonth(), "--db", db]).stderr.contains("is the current month"))

        let add = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "09:00",
                                "--to", "OSP-CAREGGI", "--return", "11:00"])
        #expect(add.status == 0, "\(add.stderr)")
        let before = try centrale(["month", "close", "2025-02", "--db", db])
        #expect(before.status == 1 && before.stderr.contains("The first trip is on 2025-03-03: months from 2025-03 on can be closed"),
                "\(before.stderr)")
        let after = try centrale(["month", "close", "2025-04", "--db", db])
        #expect(after.status == 0 && after.stdout.hasPrefix("Closed 2025-04: "), "\(after.stdout)\(after.stderr)")
        let queue = try DatabaseQueue(path: db)
        let closed = try queue.read { try String.fetchAll($0, sql: "SELECT month FROM closed_month ORDER BY month") }
        try queue.close()
        #expect(closed == ["2025-04"])
    }

    @Test("month list shows when each month was closed in Rome's time, in each language's form; JSON keeps the UTC moment")
    func closingTime() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        #expect(try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "09:00",
                              "--to", "OSP-CAREGGI"]).status == 0)
        #expect(try centrale(["month", "close", "2025-03", "--db", db]).status == 0)
        let json = try centrale(["month", "list", "--db", db, "--format", "json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let stored = try #require(listed.first?["closed_at"] as? String)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let moment = try #require(iso.date(from: stored))
        func rome(_ format: String) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "Europe/Rome")
            formatter.dateFormat = format
            return formatter.string(from: moment)
        }
        let italian = try centrale(["month", "list", "--db", db], environment: italianDefault)
        #expect(italian.stdout.contains(rome("dd/MM/yyyy HH:mm")) && !italian.stdout.contains(stored), "\(italian.stdout)")
        let english = try centrale(["month", "list", "--db", db])
        #expect(english.stdout.contains(rome("yyyy-MM-dd HH:mm")) && !english.stdout.contains(stored), "\(english.stdout)")
    }

    @Test("log amend --driver checks the driver as log submit does: flagged, stored and said, cleared when right")
    func amendedDriver() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work, logging: "{T0},{V},V001,12,08:30,08:52,done\n")
        let file = work.path("volontari.csv")
        try DayCommandTests.volunteers.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        func driverFlag() throws -> String? {
            let queue = try DatabaseQueue(path: day.db)
            defer { try? queue.close() }
            return try queue.read { try String.fetchOne($0, sql: "SELECT driver_flag FROM trip_log WHERE trip = ?", arguments: [day.trips[0]]) }
        }
        let trip = String(day.trips[0])
        let unknown = try centrale(["log", "amend", trip, "--driver", "V999", "--reason", "autista sbagliato", "--db", day.db])
        #expect(unknown.status == 0, "\(unknown.stderr)")
        #expect(unknown.stdout.contains("Driver to check: driver V999 is not registered with \(day.association)."), "\(unknown.stdout)")
        #expect(try driverFlag() == "driver V999 is not registered with \(day.association)")
        let expired = try centrale(["log", "amend", trip, "--driver", "V002", "--reason", "autista sbagliato", "--db", day.db],
                                   environment: italianDefault)
        #expect(expired.status == 0 && expired.stdout.contains("Autista da verificare: "), "\(expired.stdout)\(expired.stderr)")
        #expect(try driverFlag()?.contains("V002's licence expired on 2025-01-31") == true)
        let right = try centrale(["log", "amend", trip, "--driver", "V001", "--reason", "autista giusto", "--db", day.db])
        #expect(right.status == 0 && !right.stdout.contains("Driver to check"), "\(right.stdout)\(right.stderr)")
        #expect(try driverFlag() == nil)
    }

    @Test("upgrade says the database is already up to date, or which migrations it applied")
    func upgrade() throws {
        let work = try Workspace()
        let db = work.path("current.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let last = try #require(Store.knownMigrations.last)
        let current = try centrale(["upgrade", "--db", db], environment: italianDefault)
        #expect(current.status == 0)
        #expect(current.stdout == "\(db): la base dati è già aggiornata (schema \(last)); non è cambiato nulla.\n", "\(current.stdout)")
        let english = try centrale(["upgrade", "--db", db])
        #expect(english.stdout == "\(db): the database is already up to date (schema \(last)); nothing changed.\n", "\(english.stdout)")

        let legacy = work.path("legacy.sqlite")
        try Store.openLegacy(path: legacy, migrations: Store.knownMigrations.count - 2).close()
        let upgraded = try centrale(["upgrade", "--db", legacy])
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(upgraded.stdout == "\(legacy): schema upgraded to \(last) (applied \(Store.knownMigrations.suffix(2).joined(separator: ", "))).\n",
                "\(upgraded.stdout)")
        #expect(try centrale(["upgrade", "--db", legacy]).stdout.contains("already up to date"))
    }

    @Test("beneficiary list --format csv is Italian Excel by default, RFC 4180 with --dialect rfc4180")
    func peopleCSV() throws {
        let work = try Workspace()
        let db = work.path("people.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let code = try addPerson(db, from: romeDay(-10), until: romeDay(300), extra: ["--needs", "wheelchair"])
        let excel = try centrale(["beneficiary", "list", "--db", db, "--format", "csv"])
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(excel.stdout.hasPrefix("\u{FEFF}codice;stato;comune;cognome;nome;codice_fiscale;telefono;bisogni;valido_al\r\n"), "\(excel.stdout)")
        #expect(excel.stdout.contains("\(code);attivo;Lastra a Signa;Fioravanti;Ortensia;"), "\(excel.stdout)")
        let until = try #require(LocalDate(romeDay(300))).italianText
        #expect(excel.stdout.contains(";carrozzina;\(until)\r\n"), "\(excel.stdout)")
        expectCRLFOnly(excel.stdout, "beneficiary list")
        let found = try centrale(["beneficiary", "find", "fioravanti", "--db", db, "--format", "csv"])
        #expect(found.stdout.hasPrefix("\u{FEFF}codice;stato;"), "\(found.stdout)")
        expectCRLFOnly(found.stdout, "beneficiary find")
        let rfc = try centrale(["beneficiary", "list", "--db", db, "--format", "csv", "--dialect", "rfc4180"])
        #expect(rfc.stdout.hasPrefix("code,status,comune,surname,name,codice_fiscale,phone,needs,valid_until\n"), "\(rfc.stdout)")
        #expect(rfc.stdout.contains("\(code),active,Lastra a Signa,Fioravanti,Ortensia,") && rfc.stdout.hasSuffix(",\(romeDay(300))\n"), "\(rfc.stdout)")
        #expect(!rfc.stdout.contains("\r") && !rfc.stdout.contains("\u{FEFF}"))
    }

    @Test("every Excel CSV ends each line with CRLF, the last one too, on standard output and in --out files; RFC 4180 keeps LF")
    func excelLineEndings() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work, logging: "{T0},{V},V01,12,08:30,08:52,done\n")
        let documents: [[String]] = [
            ["trips", "--association", day.association, "--month", "2025-03", "--format", "csv"],
            ["trips", "--association", day.association, "--date", "2025-03-03", "--format", "csv"],
            ["statement", "--association", day.association, "--month", "2025-03", "--format", "csv"],
            ["statement", "--all", "--month", "2025-03", "--format", "csv"],
            ["report", "--month", "2025-03", "--format", "csv"],
        ]
        for arguments in documents {
            let run = try centrale(arguments + ["--db", day.db])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.hasPrefix("\u{FEFF}"), "\(arguments)")
            expectCRLFOnly(run.stdout, arguments.joined(separator: " "))
        }
        expectCRLFOnly(try centrale(["log", "template"]).stdout, "log template")
        expectCRLFOnly(try centrale(["beneficiary", "template"]).stdout, "beneficiary template")
        let out = work.path("rendiconto.csv")
        #expect(try centrale(["statement", "--association", day.association, "--month", "2025-03", "--format", "csv", "--out", out, "--db", day.db]).status == 0)
        expectCRLFOnly(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self), "statement --out")
        let rfc = try centrale(["trips", "--association", day.association, "--month", "2025-03", "--format", "csv", "--dialect", "rfc4180", "--db", day.db])
        #expect(!rfc.stdout.contains("\r") && rfc.stdout.hasSuffix("\n") && !rfc.stdout.hasSuffix("\n\n"), "\(rfc.stdout.debugDescription)")
        // A line break inside a cell is CRLF too in Excel, and the cell is quoted.
        #expect(CSVWriter(dialect: .excel).document([["a\nb", "c"]]) == "\u{FEFF}\"a\r\nb\";c\r\n")
        #expect(CSVWriter(dialect: .rfc4180).document([["a\nb", "c"]]) == "\"a\nb\",c\n")
    }

    @Test("status prefixes its check lines in the run's language")
    func statusChecks() throws {
        let work = try Workspace()
        let db = work.path("status.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let italian = try centrale(["status", "--db", db], environment: italianDefault)
        #expect(italian.status == 0 && italian.stdout.contains("\ncontrollo: ") && !italian.stdout.contains("\ncheck: "), "\(italian.stdout)")
        let english = try centrale(["status", "--db", db])
        #expect(english.stdout.contains("\ncheck: ") && !english.stdout.contains("\ncontrollo: "), "\(english.stdout)")
    }

    @Test("a file that is not a SQLite database is refused in Centrale's words, naming it and --db; nothing is written")
    func notADatabase() throws {
        let work = try Workspace()
        let path = work.path("README.md")
        try "# Centrale\n\nNot a database, some text long enough to fill SQLite's header and more.\n".write(toFile: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let status = try centrale(["status", "--db", path])
        #expect(status.status == 1)
        #expect(status.stderr == "error: \(path) is not a Centrale database (it is not even a SQLite file); nothing was written; "
                + "check --db (or CENTRALE_DB): give the path of Centrale's database, or a new file to `centrale init`.\n", "\(status.stderr)")
        let italian = try centrale(["status", "--db", path], environment: italianDefault)
        #expect(italian.stderr.hasPrefix("errore: \(path) non è una base dati di Centrale (non è nemmeno un file SQLite); non è stato scritto nulla; "
                                         + "controlla --db (o CENTRALE_DB)"), "\(italian.stderr)")
        let upgrade = try centrale(["upgrade", "--db", path])
        #expect(upgrade.status == 1)
        for run in [status, italian, upgrade] {
            #expect(!run.stderr.contains("file is not a database"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("an input file that cannot be read is named with why, in the run's language, not the system's English")
    func unreadableInput() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let missing = work.path("assente.csv")
        let log = try centrale(["log", "submit", "--db", db, "--association", "MIS-SCA", missing])
        #expect(log.status == 1 && log.stderr.contains("\(missing): cannot read the file: no such file; check the path"), "\(log.stderr)")
        let people = try centrale(["beneficiary", "import", "--db", db, missing])
        #expect(people.status == 1 && people.stderr.hasPrefix("error: cannot read \(missing): no such file; check the path"), "\(people.stderr)")
        let volunteers = try centrale(["volunteer", "import", missing, "--association", "MIS-SCA", "--db", db])
        #expect(volunteers.status == 1 && volunteers.stderr.hasPrefix("error: cannot read \(missing): no such file"), "\(volunteers.stderr)")
        let folder = try centrale(["beneficiary", "import", "--db", db, work.url.path])
        #expect(folder.stderr.contains("it is a folder, not a file"), "\(folder.stderr)")
        let italian = try centrale(["beneficiary", "import", "--db", db, missing], environment: italianDefault)
        #expect(italian.stderr.hasPrefix("errore: impossibile leggere \(missing): file inesistente; controlla il percorso"), "\(italian.stderr)")
        let italianLog = try centrale(["log", "submit", "--db", db, "--association", "MIS-SCA", missing], environment: italianDefault)
        #expect(italianLog.stderr.contains("\(missing): impossibile leggere il file: file inesistente"), "\(italianLog.stderr)")
        for run in [log, people, volunteers, folder, italian, italianLog] {
            #expect(!run.stderr.contains("couldn’t") && !run.stderr.contains("No such file or directory"), "\(run.stderr)")
        }
    }
}
