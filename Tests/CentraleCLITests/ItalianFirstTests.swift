import CentraleDemo
import CentraleDomain
import CentraleFormats
import CentraleOffice
import CentraleStore
import Foundation
import Testing
@testable import centrale

/// Issue 16: every message is Italian by default, English with `--lang en` or `CENTRALE_LANG=en`,
/// from the one typed catalogue. The rest of the suite runs in English (`CLISupport`); these
/// tests run the default.
@Suite struct ItalianFirstTests {
    let italian = ["CENTRALE_LANG": ""]

    /// Words only the English side of the catalogue writes: none may show in Italian output.
    static let englishWords = ["error:", "nothing was written", "problem found", "problems found", " trip ", "Trip ", "vehicle",
                               "check the", "give ", "cannot", " is not ", "already", "rejected", "Added ", "pending dispatch"]

    func expectItalian(_ text: String, _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for word in Self.englishWords {
            #expect(!text.contains(word), "English '\(word)' in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func aMissingDatabaseIsRefusedInItalianThenInEnglish() throws {
        let work = try Workspace()
        let db = work.path("typo.sqlite")
        let it = try centrale(["trips", "--db", db, "--association", "MIS-SCA", "--date", "2025-03-03"], environment: italian)
        #expect(it.status == 1)
        #expect(it.stderr.hasPrefix("errore: nessuna base dati in \(db); creane una con `centrale init`"), "\(it.stderr)")
        expectItalian(it.stderr)
        let en = try centrale(["trips", "--db", db, "--association", "MIS-SCA", "--date", "2025-03-03", "--lang", "en"], environment: italian)
        #expect(en.stderr.hasPrefix("error: no database at \(db); create one with `centrale init`"), "\(en.stderr)")
        let env = try centrale(["trips", "--db", db, "--association", "MIS-SCA", "--date", "2025-03-03"], environment: ["CENTRALE_LANG": "en"])
        #expect(env.stderr == en.stderr)
    }

    @Test func aRefusedRequestSpeaksItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let add = try centrale(["request", "add", "--db", db, "--beneficiary", "NESSUNO", "--date", "2025-03-03", "--time", "09:00",
                                "--to", "OSP-CAREGGI"], environment: italian)
        #expect(add.status == 1)
        #expect(add.stderr.hasPrefix("errore: "), "\(add.stderr)")
        expectItalian(add.stderr)
        let ok = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "09:00",
                               "--to", "OSP-CAREGGI", "--return", "11:00"], environment: italian)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("Aggiunta 1 richiesta per BANNA1: 2 servizi"), "\(ok.stdout)")
        expectItalian(ok.stdout)
        // A store refusal: cancelling twice.
        let trips = try listJSON(db, "2025-03-03")
        let id = try #require(trips.first?["id"] as? Int)
        #expect(try centrale(["request", "cancel", "--db", db, String(id), "--reason", "ricoverata"], environment: italian).stdout
                    .hasPrefix("Annullato 1 servizio: \(id)."))
        let again = try centrale(["request", "cancel", "--db", db, String(id), "--reason", "ricoverata"], environment: italian)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("errore: "), "\(again.stderr)")
        expectItalian(again.stderr)
    }

    @Test func aRefusedLogListsItsProblemsInItalian() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work)
        let file = work.path("registro.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,notes\n\(day.trips[0]),\(day.vehicle),V1,0,09:00,09:40,done,\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try centrale(["log", "submit", "--db", day.db, "--association", day.association, file], environment: italian)
        #expect(run.status == 1)
        #expect(run.stderr.contains("errore: \(file):2: "), "\(run.stderr)")
        #expect(run.stderr.contains("rifiutato (1 problema), non è stato scritto nulla."), "\(run.stderr)")
        expectItalian(run.stderr)
    }

    @Test func aRefusedLogNamesItsColumnsAsTheFileDoes() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work)
        let file = work.path("registro.csv")
        try ("Viaggio;Targa;Autista;Km;Ora presa;Ora arrivo;Esito;Note\n"
             + "\(day.trips[0]);ZZ999ZZ;V01;12,5;08:30;08:52;effettuato;\n\(day.trips[1]);\(day.vehicle);;12,5;11:05;11:31;effettuato;\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let it = try centrale(["log", "submit", "--db", day.db, "--association", day.association, file], environment: italian)
        #expect(it.status == 1)
        #expect(it.stderr.contains("errore: \(file):2: Targa: 'ZZ999ZZ' non è tra i mezzi di \(day.association)"), "\(it.stderr)")
        #expect(it.stderr.contains("errore: \(file):3: Autista: è vuoto; indica il codice volontario dell'autista"), "\(it.stderr)")
        expectItalian(it.stderr)
        // In English the field is still named as the file names it; only the message changes.
        let en = try centrale(["log", "submit", "--db", day.db, "--association", day.association, file, "--lang", "en"], environment: italian)
        #expect(en.stderr.contains("error: \(file):2: Targa: 'ZZ999ZZ' is not in \(day.association)'s fleet"), "\(en.stderr)")
        #expect(en.stderr.contains("error: \(file):3: Autista: is empty; give the driver's volunteer code"), "\(en.stderr)")
        // A column the file does not have: by its name in the run's language.
        let missing = work.path("senza-autista.csv")
        try "viaggio;targa;km;esito\n\(day.trips[0]);\(day.vehicle);12,5;effettuato\n".write(toFile: missing, atomically: true, encoding: .utf8)
        let itMissing = try centrale(["log", "submit", "--db", day.db, "--association", day.association, missing], environment: italian)
        #expect(itMissing.stderr.contains("\(missing):1: autista: manca; ogni registro deve avere"), "\(itMissing.stderr)")
        let enMissing = try centrale(["log", "submit", "--db", day.db, "--association", day.association, missing, "--lang", "en"], environment: italian)
        #expect(enMissing.stderr.contains("\(missing):1: driver: missing; every log needs"), "\(enMissing.stderr)")
    }

    @Test func anAmendmentSpeaksItalian() throws {
        let work = try Workspace()
        let day = try loggedDay(work)
        let trip = day.trips[0]
        let amend = try centrale(["log", "amend", "--db", day.db, String(trip), "--km", "14,8", "--reason", "contachilometri riletto"],
                                 environment: italian)
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(amend.stdout.hasPrefix("Servizio \(trip): registro rettificato (14,8 km, stima "), "\(amend.stdout)")
        expectItalian(amend.stdout)
        let english = try centrale(["log", "amend", "--db", day.db, String(trip), "--km", "14.9", "--reason", "again", "--lang", "en"],
                                   environment: italian)
        #expect(english.stdout.hasPrefix("Trip \(trip): log amended (14.9 km, estimate "), "\(english.stdout)")
        // A refused amendment names the trip and the field in Italian, not a file's line.
        let refused = try centrale(["log", "amend", "--db", day.db, String(trip), "--outcome", "cancelled_late", "--km", "3,2",
                                    "--reason", "disdetto"], environment: italian)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("errore: rettifica del servizio \(trip), campo note: è vuoto, e l'esito è annullato tardi"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains("amendment of trip") && !refused.stderr.contains(":1:"), "\(refused.stderr)")
        expectItalian(refused.stderr)
        let refusedEnglish = try centrale(["log", "amend", "--db", day.db, String(trip), "--outcome", "cancelled_late", "--km", "3,2",
                                           "--reason", "disdetto", "--lang", "en"], environment: italian)
        #expect(refusedEnglish.stderr.hasPrefix("error: amendment of trip \(trip), field notes: is empty, and the outcome is cancelled_late"),
                "\(refusedEnglish.stderr)")
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(Plural.trip.count(1, .it) == "1 servizio" && Plural.trip.count(2, .it) == "2 servizi" && Plural.trip.count(0, .it) == "0 servizi")
        #expect(Plural.trip.count(1, .en) == "1 trip" && Plural.trip.count(2, .en) == "2 trips")
        #expect(CLIMessage.volunteersImported(file: "v.csv", count: 2, association: "MIS", added: 1, updated: 0).italian
                == "v.csv: 2 volontari di MIS: 1 nuovo, 0 aggiornati, 1 invariato.")
        #expect(CLIMessage.peopleImported(file: "p.csv", rows: 3, added: 1, updated: 1, unchanged: 1, readmitted: 0).italian
                == "p.csv: 3 righe: 1 nuovo, 1 aggiornato, 1 invariato.")
        #expect(CLIMessage.peopleImported(file: "p.csv", rows: 4, added: 2, updated: 0, unchanged: 2, readmitted: 1).italian
                == "p.csv: 4 righe: 2 nuovi, 0 aggiornati, 2 invariati; 1 dei nuovi registrato di nuovo dopo una cancellazione (--readmit).")
        #expect(CLIMessage.monthClosedUnlogged(1, month: YearMonth(year: 2025, month: 3)!).english.hasPrefix("1 trip of 2025-03 is still without a log"))
        #expect(StoreError.notFound(entity: .association, id: "AUS-FIE").problem.italian.hasPrefix("nessuna associazione 'AUS-FIE'"))
        #expect(StoreError.notFound(entity: .trip, id: "7").problem.italian.hasPrefix("nessun servizio '7'"))
        #expect(OfficeMessage.confirmedOfAssigned(done: 1, assigned: 1, open: []).italian == "Confermato 1 su 1 assegnato.")
        #expect(OfficeMessage.confirmedOfAssigned(done: 0, assigned: 2, open: []).italian == "Confermati 0 su 2 assegnati.")
        let amended = OfficeMessage.logAmended(trip: 3715, driven: Distance(metres: 12_400), estimated: Distance(metres: 10_200), flag: nil)
        #expect(amended.italian == "Servizio 3715: registro rettificato (12,4 km, stima 10,2 km).")
        #expect(amended.english == "Trip 3715: log amended (12.4 km, estimate 10.2 km).")
    }

    @Test func messagesOfTheCatalogueDifferByLanguage() {
        let samples: [any Message] = [
            StoreError.noDatabase(path: "x.sqlite").problem, StoreError.notFound(entity: .trip, id: "7").problem,
            StoreError.changedMeanwhile(trip: 7, current: 3, seen: 2).problem, Remedy.createDatabase, Remedy.amendLog(trip: 7, km: true),
            OfficeMessage.declined(trip: 7, association: "MIS-SCA"), CLIMessage.cancelled([7, 8]), CLIMessage.monthsClosed(1, total: .zero),
        ]
        for message in samples {
            #expect(message.italian != message.english, "\(message.english)")
            #expect(!message.italian.isEmpty)
        }
        #expect(ErrorText.lines(FieldErrors([FieldError(CentraleFormats.SourceLocation(file: "f.csv", line: 2), field: "km", Verbatim("x"))]), .it)
                == "errore: f.csv:2: km: x\n1 problema trovato; non è stato scritto nulla.")
    }

    @Test func thePlanCountsInItalian() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work)
        let plan = try centrale(["plan", "--db", day.db, "--date", "2025-03-03", "--association", day.association], environment: italian)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("2 servizi, 1 mezzo;"), "\(plan.stdout)")
        #expect(plan.stdout.contains("salita"))
        expectItalian(plan.stdout)
    }
}

/// The lists and records a person reads, the checks and the refusals of files: Italian names for
/// statuses, needs, referrers and dates by default.
@Suite struct ItalianRecordsTests {
    @Test func aPersonIsShownWithItalianStatusNeedsReferrerAndDates() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let code = try addPerson(db, from: romeDay(-10), until: romeDay(300), extra: ["--needs", "wheelchair"])
        let list = try centrale(["beneficiary", "list", "--db", db], environment: italianDefault)
        let row = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix(code) }, "\(list.stdout)")
        #expect(row.contains("attivo") && row.contains("carrozzina") && !row.contains("active") && !row.contains("wheelchair"), "\(row)")
        #expect(row.contains(LocalDate(romeDay(300))!.italianText), "dd/mm/yyyy: \(row)")
        let show = try centrale(["beneficiary", "show", code, "--db", db], environment: italianDefault)
        #expect(show.stdout.contains("— attivo,") && show.stdout.contains("segnalato da case manager il "), "\(show.stdout)")
        #expect(show.stdout.contains(": visita, dialisi") || show.stdout.contains(": dialisi, visita"), "purposes by Italian name: \(show.stdout)")
        let close = try centrale(["beneficiary", "close", code, "--db", db, "--on", romeDay(-1), "--reason", "deceased"])
        #expect(close.status == 0, "\(close.stderr)")
        let closed = try centrale(["beneficiary", "show", code, "--db", db], environment: italianDefault)
        #expect(closed.stdout.contains("chiuso (deceduto)"), "\(closed.stdout)")
    }

    @Test func aFileNotOverwrittenIsRefusedInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let out = work.path("rapporto.md")
        try "mio".write(toFile: out, atomically: true, encoding: .utf8)
        let run = try centrale(["report", "--db", db, "--month", "2025-03", "--out", out], environment: italianDefault)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("errore: \(out) esiste già; scegli un altro nome, o aggiungi --force"), "\(run.stderr)")
        let database = try centrale(["report", "--db", db, "--month", "2025-03", "--out", db, "--force"], environment: italianDefault)
        #expect(database.stderr.contains("è una base dati SQLite; non viene mai sovrascritta"), "\(database.stderr)")
    }

    @Test func tokensAreListedInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let issue = try centrale(["token", "issue", "--db", db, "--association", "MIS-SCA", "--expires", "2099-12-31"], environment: italianDefault)
        #expect(issue.status == 0, "\(issue.stderr)")
        #expect(issue.stderr.hasPrefix("Codice di accesso 1 rilasciato a MIS-SCA") && issue.stderr.contains("valido fino al 31/12/2099"), "\(issue.stderr)")
        let list = try centrale(["token", "list", "--db", db], environment: italianDefault)
        #expect(list.stdout.contains("31/12/2099") && list.stdout.contains("valido") && !list.stdout.contains("valid "), "\(list.stdout)")
    }
}

/// The help of every command and the parser's errors: Italian by default, English on request.
@Suite struct ItalianHelpTests {
    static let commands: [[String]] = [
        [], ["trips"], ["log", "submit"], ["log", "template"], ["log", "flags"], ["log", "review"], ["log", "amend"], ["dispatch"], ["assign"],
        ["plan"], ["statement"], ["report"], ["month", "close"], ["month", "list"], ["volunteer", "add"], ["volunteer", "absent"],
        ["vehicle", "off"], ["vehicle", "document"], ["confirm"], ["decline"], ["sheet"], ["expiries"], ["token", "issue"], ["token", "list"],
        ["serve"], ["init"], ["demo"], ["status"], ["verify"], ["upgrade"], ["tui"], ["request", "add"], ["beneficiary", "add"],
    ]

    @Test(arguments: commands)
    func theHelpIsItalianByDefault(_ command: [String]) throws {
        let it = try centrale(command + ["--help"], environment: italianDefault)
        #expect(it.status == 0)
        #expect(it.stdout.hasPrefix("DESCRIZIONE: ") && it.stdout.contains("\nUSO: "), "\(it.stdout.prefix(200))")
        for english in ["OVERVIEW:", "OPTIONS:", " the ", "The ", " of the ", "Show help information"] {
            #expect(!it.stdout.contains(english), "'\(english)' in the Italian help of \(command)")
        }
        let en = try centrale(command + ["--help", "--lang", "en"], environment: italianDefault)
        #expect(en.stdout.hasPrefix("OVERVIEW: ") && en.stdout.contains("Show help information."), "\(en.stdout.prefix(200))")
    }

    @Test func theParsersErrorsAreItalianByDefault() throws {
        let bad = try centrale(["request", "add", "--beneficiary", "X", "--date", "2026-12-20", "--time", "9:00", "--to", "P", "--purpose", "spesa"],
                               environment: italianDefault)
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Errore: Il valore 'spesa' non è valido per '--purpose <motivo>'. Indica uno dei seguenti:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("\n  Vedi 'centrale request add --help' per maggiori informazioni."), "\(bad.stderr)")
        let missing = try centrale(["status", "--bogus"], environment: italianDefault)
        #expect(missing.stderr.hasPrefix("Errore: Opzione sconosciuta '--bogus'"), "\(missing.stderr)")
        let english = try centrale(["status", "--bogus", "--lang", "en"], environment: italianDefault)
        #expect(english.stderr.hasPrefix("Error: Unknown option '--bogus'"), "\(english.stderr)")
    }
}

/// The demo's closing table writes its numbers as the language does.
@Suite struct DemoReportNumbersTests {
    static func summary() throws -> DemoSummary {
        let json = """
            {"year": 2026, "seed": 2014, "beneficiaries": 420, "activations": 301, "suspensions": 23, "closings": 34,
             "trips": 42109, "km": 1000980, "metres": 1000980000, "database": "demo.sqlite", "assigned": 42109,
             "shareMaxDeviationPercent": 9.3, "continuityPercent": 97.2, "reimbursedCents": 89135720, "loggedUntil": "2026-12-07",
             "volunteers": 194, "unassignable": 0, "logs": 0, "logFiles": 0, "rejectedFiles": 0, "flagged": 0,
             "acceptedPlans": 0, "confirmations": 0, "declines": 0,
             "plans": {"trips": 41756, "sharedTrips": 17243, "chainedTrips": 40417, "plannedMetres": 606546000,
                       "baselineMetres": 1083858400, "savingCents": 30395684}}
            """
        return try JSONDecoder().decode(DemoSummary.self, from: Data(json.utf8))
    }

    @Test("Italian: thousands separators, decimal comma, a space before %, dd/mm/yyyy")
    func italian() throws {
        let text = DemoReport.text(try Self.summary(), .it)
        for part in ["42.109", "1.000.980", "-0,9 %", "+0,3 %", "fino al 07/12/2026", "Smistamento: 42.109 servizi assegnati",
                     "9,3 % (obiettivo entro ±10 %)", "41.756 servizi: 17.243 viaggiano", "606.546,0 km pianificati contro 1.083.858,4 km",
                     "(44,0 %) e 303.956,84 €"] {
            #expect(text.contains(part), "\(part) in:\n\(text)")
        }
        #expect(!text.contains("2026-12-07") && !text.contains("42109") && !text.contains("%%"))
    }

    @Test("English: machine numbers, no grouping")
    func english() throws {
        let text = DemoReport.text(try Self.summary(), .en)
        for part in ["42109", "-0.9%", "up to 2026-12-07", "Dispatch: 42109 trips assigned", "606546.0 km planned", "(44.0%) and 303956.84 €"] {
            #expect(text.contains(part), "\(part) in:\n\(text)")
        }
    }
}
