import CentraleDispatch
import CentraleDomain
import CentraleFormats
import Foundation
import Testing
@testable import centrale

/// The tester's findings on the command line's Italian: plurals, the glossary's words (*conguaglio*
/// for an adjustment, *a dicembre 2026*), Italian names for stored values (closing reasons, rules,
/// token roles), a future month refused, a withdrawn suspension said as such.
@Suite("Italian wording of the command line", .serialized)
struct CLIItalianWordingTests {
    @Test("the catalogue: one trip's number, conguaglio a dicembre, grouped counts")
    func catalogue() {
        #expect(CLIMessage.requestsAdded(requests: 1, beneficiary: "BWY25Z", trips: [42110]).italian
                == "Aggiunta 1 richiesta per BWY25Z: 1 servizio (numero 42110), da smistare.")
        #expect(CLIMessage.requestsAdded(requests: 1, beneficiary: "BWY25Z", trips: [42110, 42111]).italian
                == "Aggiunta 1 richiesta per BWY25Z: 2 servizi (numeri 42110…42111), da smistare.")
        #expect(CLIMessage.requestsAdded(requests: 1, beneficiary: "BWY25Z", trips: [42110]).english
                == "Added 1 request for BWY25Z: 1 trip (id 42110), pending dispatch.")
        let december = YearMonth(year: 2026, month: 12)!
        #expect(CLIMessage.reviewAdjustment(Money(cents: 809), month: december).italian == "Il suo mese è chiuso: conguaglio di 8,09 € a dicembre 2026.")
        #expect(CLIMessage.reviewAdjustment(Money(cents: 809), month: december).english == "Its month is closed: 8.09 € adjustment in 2026-12.")
        #expect(CLIMessage.noFlags(month: december).italian == "Nessun servizio segnalato per la revisione dei km a dicembre 2026.")
        #expect(CLIMessage.monthClosedWithFlags(2).italian.hasSuffix("una revisione successiva è un conguaglio nel mese corrente."))
        #expect(CLIMessage.monthClosedUnlogged(3, month: december).italian.hasSuffix("vanno nel mese corrente come conguagli."))
        #expect(Remedy.addLate.italian.contains("pagato come conguaglio nel mese corrente"))
        #expect(CLIMessage.statusCount(table: .trip, count: 42109).italian.hasSuffix(" 42.109"))
        #expect(CLIMessage.statusCount(table: .trip, count: 42109).english.hasSuffix(" 42109"))
        #expect(CLIMessage.closed("BWY25Z", on: LocalDate(year: 2026, month: 12, day: 20)!, reason: .moved, cancelled: []).italian
                == "Chiusa la scheda di BWY25Z il 20/12/2026 (trasferito); annullati 0 servizi.")
        #expect(CLIMessage.assigned(trip: 7, association: "MIS-VAG", forced: .coverage).italian
                == "Servizio 7 assegnato a MIS-VAG (forzato: MIS-VAG non serve il comune del servizio).")
        #expect(CLIMessage.assigned(trip: 7, association: "MIS-VAG", forced: .coverage).english
                == "Trip 7 assigned to MIS-VAG (forced, against the coverage rule).")
        #expect(CLIMessage.tokenIssued(id: 1, owner: "tavolo", role: .monitoring, association: nil, until: nil).italian
                .hasPrefix("Codice di accesso 1 rilasciato a tavolo (tavolo di monitoraggio)."))
    }

    @Test("request add of one trip, a forced assignment and a closing, in Italian")
    func requestAssignClose() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let add = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "09:00",
                                "--to", "OSP-CAREGGI"], environment: italianDefault)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains(": 1 servizio (numero "), "\(add.stdout)")
        let id = try #require(try listJSON(db, "2025-03-03").first?["id"] as? Int)
        let forced = try centrale(["assign", "--db", db, String(id), "MIS-VAG", "--force", "--reason", "prova"], environment: italianDefault)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("(forzato: MIS-VAG non serve il comune del servizio)") && !forced.stdout.contains("coverage"), "\(forced.stdout)")

        let code = try addPerson(db, from: romeDay(-10), until: romeDay(300))
        let close = try centrale(["beneficiary", "close", code, "--db", db, "--on", romeDay(-1), "--reason", "moved"], environment: italianDefault)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.contains("(trasferito)") && !close.stdout.contains("(moved)"), "\(close.stdout)")
    }

    @Test("token roles by their Italian names")
    func tokenRoles() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let issue = try centrale(["token", "issue", "--db", db, "--association", "MIS-SCA"], environment: italianDefault)
        #expect(issue.status == 0, "\(issue.stderr)")
        #expect(issue.stderr.contains("(associazione, MIS-SCA)") && !issue.stderr.contains("(association"), "\(issue.stderr)")
        let monitoring = try centrale(["token", "issue", "--db", db, "--role", "monitoring", "--owner", "tavolo"], environment: italianDefault)
        #expect(monitoring.status == 0, "\(monitoring.stderr)")
        #expect(monitoring.stderr.contains("(tavolo di monitoraggio)"), "\(monitoring.stderr)")
        let list = try centrale(["token", "list", "--db", db], environment: italianDefault)
        #expect(list.stdout.contains("associazione") && list.stdout.contains("tavolo di monitoraggio"), "\(list.stdout)")
        #expect(!list.stdout.contains(" association ") && !list.stdout.contains(" monitoring "), "\(list.stdout)")
        let english = try centrale(["token", "list", "--db", db])
        #expect(english.stdout.contains(" association ") && english.stdout.contains(" monitoring "), "\(english.stdout)")
    }

    @Test("statement and report of a month not begun are refused; the current month is provisional")
    func futureMonth() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let current = try #require(YearMonth(currentMonth()))
        let next = current.next
        for arguments in [["statement", "--association", "MIS-SCA"], ["statement", "--all"], ["report", "--format", "md"]] {
            let italian = try centrale(arguments + ["--db", db, "--month", next.description], environment: italianDefault)
            #expect(italian.status == 1 && italian.stdout.isEmpty, "\(arguments): \(italian.stdout)")
            #expect(italian.stderr.hasPrefix("errore: \(next.italianText) non è ancora cominciato: oggi è il "), "\(arguments): \(italian.stderr)")
            let english = try centrale(arguments + ["--db", db, "--month", next.description])
            #expect(english.stderr.hasPrefix("error: \(next) has not begun yet: today is "), "\(arguments): \(english.stderr)")
            let now = try centrale(arguments + ["--db", db, "--month", current.description], environment: italianDefault)
            #expect(now.status == 0, "\(arguments): \(now.stderr)")
        }
        let statement = try centrale(["statement", "--association", "MIS-SCA", "--db", db, "--month", current.description], environment: italianDefault)
        #expect(statement.stdout.contains("Provvisorio"), "\(statement.stdout)")
    }

    @Test("a suspension withdrawn before it began is shown as withdrawn, not as a one-day active entry")
    func withdrawnSuspension() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let code = try addPerson(db, from: romeDay(-10), until: romeDay(300))
        let suspend = try centrale(["beneficiary", "suspend", code, "--from", romeDay(5), "--to", romeDay(8), "--reason", "ricovero", "--db", db])
        #expect(suspend.status == 0, "\(suspend.stderr)")
        let resume = try centrale(["beneficiary", "resume", code, "--on", romeDay(5), "--db", db])
        #expect(resume.status == 0, "\(resume.stderr)")
        let first = try #require(LocalDate(romeDay(5)))
        let show = try centrale(["beneficiary", "show", code, "--db", db], environment: italianDefault)
        #expect(show.stdout.contains("sospensione dal \(first.italianText) ritirata: ricovero ["), "\(show.stdout)")
        #expect(!show.stdout.contains("(ritirata)"), "\(show.stdout)")
        let english = try centrale(["beneficiary", "show", code, "--db", db])
        #expect(english.stdout.contains("suspension from \(first) withdrawn: ricovero ["), "\(english.stdout)")
    }
}
