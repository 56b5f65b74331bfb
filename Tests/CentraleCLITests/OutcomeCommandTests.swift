import Foundation
import Testing

@Suite("Outcomes from the CLI")
struct OutcomeCommandTests {
    @Test("request cancel classifies the cancellation; request list and trips show each trip's outcome")
    func cancelledInAdvanceOrLate() throws {
        let work = try Workspace()
        let db = work.path("outcomes.sqlite")
        #expect(try centrale(["init", "--db", db]).status == 0)
        let code = try addPerson(db, from: romeDay(-10), until: romeDay(200))
        // Today at 00:30 has started already (late whenever the test runs); in three days is in advance.
        for (day, time) in [(romeDay(0), "00:30"), (romeDay(3), "09:00"), (romeDay(4), "09:00")] {
            let add = try centrale(["request", "add", "--db", db, "--beneficiary", code, "--date", day, "--time", time, "--to", "OSP-CAREGGI",
                                    "--purpose", "visit"])
            #expect(add.status == 0, "\(add.stderr)")
        }
        let today = try #require(try listJSON(db, romeDay(0)).first?["id"] as? Int)
        let soon = try #require(try listJSON(db, romeDay(3)).first?["id"] as? Int)
        for id in [today, soon] {
            let cancel = try centrale(["request", "cancel", "--db", db, String(id), "--reason", "ricoverata", "--operator", "op"])
            #expect(cancel.status == 0, "\(cancel.stderr)")
        }
        #expect(try listJSON(db, romeDay(0)).first?["service_outcome"] as? String == "cancelled_late")
        #expect(try listJSON(db, romeDay(3)).first?["service_outcome"] as? String == "cancelled_in_advance")
        #expect(try listJSON(db, romeDay(4)).first?["service_outcome"] == nil, "a trip to come has no outcome")
        let table = try centrale(["request", "list", "--db", db, "--date", romeDay(0)], environment: italianDefault)
        #expect(table.stdout.contains("ESITO") && table.stdout.contains("annullato tardi") && table.stdout.contains("andata"), "\(table.stdout)")
        let english = try centrale(["request", "list", "--db", db, "--date", romeDay(0), "--lang", "en"])
        #expect(english.stdout.contains("OUTCOME") && english.stdout.contains("cancelled_late"), "\(english.stdout)")
        let empty = try centrale(["request", "list", "--db", db, "--date", romeDay(5)], environment: italianDefault)
        #expect(empty.stdout.hasPrefix("Nessun servizio il "), "\(empty.stdout)")

        // The association's list says it in Italian.
        let later = try #require(try listJSON(db, romeDay(4)).first?["id"] as? Int)
        #expect(try centrale(["assign", "--db", db, String(later), "MIS-SCA", "--operator", "op"]).status == 0)
        #expect(try centrale(["request", "cancel", "--db", db, String(later), "--reason", "ricoverata", "--operator", "op"]).status == 0)
        let month = String(romeDay(4).prefix(7))
        let trips = try centrale(["trips", "--db", db, "--association", "MIS-SCA", "--month", month], environment: italianDefault)
        #expect(trips.status == 0 && trips.stdout.contains("ESITO SERVIZIO") && trips.stdout.contains("annullato in anticipo"), "\(trips.stdout)\(trips.stderr)")
    }
}
