import Foundation
import CentraleDomain
import CentraleStore
import GRDB
import Testing

/// The association's day: volunteers, vehicles off the road, confirmations and declines.
@Suite("centrale volunteer, vehicle, expiries, confirm and decline", .serialized)
struct DayCommandTests {
    /// A database with a Monday's two trips (outbound 07:30, return 11:45, wheelchair) assigned
    /// by dispatch; returns the path, the association, the trip ids and a wheelchair vehicle of it.
    func assignedDay(_ work: Workspace) throws -> (db: String, association: String, outbound: Int, back: Int, plate: String) {
        let db = try preparedDatabase(work)
        let add = try centrale(["request", "add", "--db", db, "--beneficiary", "BANNA1", "--date", "2025-03-03", "--time", "07:30",
                                "--to", "DIA-CAREGGI", "--return", "11:45", "--purpose", "Dialisi"])  // the Italian name, in any case
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try centrale(["dispatch", "--db", db, "--date", "2025-03-03"]).status == 0)
        let trips = try listJSON(db, "2025-03-03")
        let association = try #require(trips.first?["association"] as? String)
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        let plate = try #require(try queue.read { db in
            try String.fetchOne(db, sql: "SELECT plate FROM vehicle WHERE association = ? AND wheelchair_places > 0 AND active = 1 ORDER BY plate",
                                arguments: [association])
        })
        return (db, association, try #require(trips[0]["id"] as? Int), try #require(trips[1]["id"] as? Int), plate)
    }

    func writeVolunteers(_ work: Workspace, _ text: String) throws -> String {
        let file = work.path("volontari.csv")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    static let volunteers = """
        codice;patente;scadenza_patente;anno_nascita;polizza;scadenza_polizza;qualifiche;turni
        V001;B;2030-01-31;1960;POL-1;2026-12-31;carrozzina+accompagnamento;lun-ven 06:00-14:00
        V002;B;2025-01-31;1958;POL-2;2026-12-31;carrozzina;lun-ven 06:00-14:00
        V003;B;2030-01-31;1970;POL-3;2026-12-31;;lun-ven 06:00-14:00
        V004;B;2030-01-31;1965;POL-4;2026-12-31;wheelchair;mon-sat 06:00-20:00
        V005;B;2030-01-31;2006;POL-5;2026-12-31;wheelchair;mon-sat 06:00-20:00
        """

    @Test("volunteers import with Italian headers, list, update and report every bad line at once")
    func volunteersImportAndList() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let file = try writeVolunteers(work, Self.volunteers)
        let run = try centrale(["volunteer", "import", file, "--association", "MIS-SCA", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("5 volunteers for MIS-SCA: 5 new, 0 updated, 0 unchanged"))
        let again = try centrale(["volunteer", "import", file, "--association", "MIS-SCA", "--db", db])
        #expect(again.stdout.contains("0 new, 0 updated, 5 unchanged"), "\(again.stdout)")

        let list = try centrale(["volunteer", "list", "--association", "MIS-SCA", "--db", db])
        #expect(list.stdout.contains("V001") && list.stdout.contains("wheelchair+escort") && list.stdout.contains("mon-fri 06:00-14:00"))

        let update = try centrale(["volunteer", "update", "V003", "--association", "MIS-SCA", "--qualifications", "escort", "--db", db])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(try centrale(["volunteer", "list", "--association", "MIS-SCA", "--db", db]).stdout.contains("escort"))

        let add = try centrale(["volunteer", "add", "V010", "--association", "MIS-SCA", "--birth-year", "1990", "--licence", "B",
                                "--licence-expiry", "31/12/2030", "--policy", "P", "--insured-until", "2026-12-31", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        let duplicate = try centrale(["volunteer", "add", "V010", "--association", "MIS-SCA", "--birth-year", "1990", "--db", db])
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already registered"))
        let badShift = try centrale(["volunteer", "add", "V011", "--association", "MIS-SCA", "--birth-year", "1990", "--shifts", "monday 9-12", "--db", db])
        #expect(badShift.status == 1 && badShift.stderr.contains("--shifts:"))

        let bad = try writeVolunteers(work, """
            codice;patente;scadenza_patente;anno_nascita;qualifiche;turni
            V020;B;2030-02-30;1960;;lun 08:00-12:00
            V021;Z;2030-01-31;19x0;volante;lun 12:00-08:00
            V020;B;2030-01-31;1960;;
            """)
        let refused = try centrale(["volunteer", "import", bad, "--association", "PA-SCA", "--db", db])
        #expect(refused.status == 1)
        // Each field named as the file's (Italian) header names it, in an English run too.
        #expect(refused.stderr.contains("volontari.csv:2: scadenza_patente:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("volontari.csv:3: patente:"))
        #expect(refused.stderr.contains("volontari.csv:3: anno_nascita:"))
        #expect(refused.stderr.contains("volontari.csv:3: qualifiche:"))
        #expect(refused.stderr.contains("volontari.csv:3: turni:"))
        #expect(!refused.stderr.contains("licence_expiry:") && !refused.stderr.contains("birth_year:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was written"))
        #expect(try centrale(["volunteer", "list", "--association", "PA-SCA", "--db", db]).stdout.contains("No volunteers"))
        // A misspelt column would lose its values: it is refused, naming it.
        let misspelt = try writeVolunteers(work, """
            codice;anno_nascita;assicurato_fino
            V030;1970;2026-12-31
            """)
        let unknown = try centrale(["volunteer", "import", misspelt, "--association", "PA-SCA", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr.contains("volontari.csv:1: assicurato_fino: unknown column"), "\(unknown.stderr)")
        #expect(try centrale(["volunteer", "list", "--association", "PA-SCA", "--db", db]).stdout.contains("No volunteers"))
    }

    @Test("a confirmation is refused for an unregistered, expired, unqualified, under-age or absent driver, and accepted otherwise")
    func confirmations() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let file = try writeVolunteers(work, Self.volunteers)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        func confirm(_ trip: Int, _ driver: String, _ plate: String? = nil) throws -> Run {
            try centrale(["confirm", String(trip), "--vehicle", plate ?? day.plate, "--driver", driver, "--db", day.db])
        }
        let unregistered = try confirm(day.outbound, "V999")
        #expect(unregistered.status == 1 && unregistered.stderr.contains("driver V999 is not registered with \(day.association)"))
        let expired = try confirm(day.outbound, "V002")
        #expect(expired.status == 1 && expired.stderr.contains("licence expired on 2025-01-31"), "\(expired.stderr)")
        let unqualified = try confirm(day.outbound, "V003")
        #expect(unqualified.status == 1 && unqualified.stderr.contains("not qualified for wheelchair"))
        let young = try confirm(day.outbound, "V005")
        #expect(young.status == 1 && young.stderr.contains("under 21"))
        let absent = try centrale(["volunteer", "absent", "V004", "--association", day.association, "--from", "2025-03-01",
                                   "--to", "2025-03-05", "--reason", "ferie", "--db", day.db])
        #expect(absent.status == 0, "\(absent.stderr)")
        let away = try confirm(day.outbound, "V004")
        #expect(away.status == 1 && away.stderr.contains("absent from 2025-03-01 to 2025-03-05"))

        let ok = try confirm(day.outbound, "V001")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Confirmed trip \(day.outbound) for \(day.association): vehicle \(day.plate), driver V001."))
        #expect(try confirm(day.back, "V001").status == 0)

        // An absence recorded after the confirmation withdraws it and names the trips.
        let later = try centrale(["volunteer", "absent", "V001", "--association", day.association, "--from", "2025-03-03",
                                  "--to", "2025-03-03", "--db", day.db])
        #expect(later.stdout.contains("trip \(day.outbound) on 2025-03-03: confirmation withdrawn"), "\(later.stdout)")
        #expect(later.stdout.contains("trip \(day.back) on 2025-03-03"))
        #expect(try auditRows(day.db, trip: day.outbound).contains { $0.contains("confirmation.withdraw") })
    }

    @Test("a vehicle off the road takes no trips and its confirmed trips are flagged; expiries lists what expires")
    func vehicleOff() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let file = try writeVolunteers(work, Self.volunteers)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        #expect(try centrale(["confirm", String(day.outbound), "--vehicle", day.plate, "--driver", "V001", "--db", day.db]).status == 0)
        let off = try centrale(["vehicle", "off", day.plate, "--from", "2025-03-03", "--to", "2025-03-07", "--reason", "tagliando", "--db", day.db])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(off.stdout.contains("trip \(day.outbound) on 2025-03-03: confirmation withdrawn: vehicle \(day.plate) off the road"))
        let refused = try centrale(["confirm", String(day.outbound), "--vehicle", day.plate, "--driver", "V001", "--db", day.db])
        #expect(refused.status == 1 && refused.stderr.contains("off the road from 2025-03-03 to 2025-03-07 (tagliando)"))

        // The planner leaves it out that day.
        let plan = try centrale(["plan", "--db", day.db, "--date", "2025-03-03", "--association", day.association, "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(!plan.stdout.contains(day.plate), "\(plan.stdout)")

        let doc = try centrale(["vehicle", "document", day.plate, "--kind", "inspection", "--valid-until", "2025-03-02", "--db", day.db])
        #expect(doc.status == 0, "\(doc.stderr)")
        let expiries = try centrale(["expiries", "--within", "30", "--db", day.db])
        #expect(expiries.stdout.contains("vehicle inspection") && expiries.stdout.contains("V002") && expiries.stdout.contains("expired"))
        // A negative number is read as a value and refused with its range, not as a missing value.
        let negative = try centrale(["expiries", "--within", "-5", "--db", day.db])
        #expect(negative.status != 0 && negative.stderr.contains("between 0 and 3650"), "\(negative.stderr)")
    }

    @Test("a declined trip goes back to the queue and dispatch gives it to another association")
    func decline() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let missing = try centrale(["decline", String(day.outbound), "--reason", " ", "--db", day.db])
        #expect(missing.status == 1 && missing.stderr.contains("needs a reason"))
        let wrong = try centrale(["decline", String(day.outbound), "--reason", "no driver", "--association", "NOPE", "--db", day.db])
        #expect(wrong.status == 1 && wrong.stderr.contains("not to NOPE"))
        let run = try centrale(["decline", String(day.outbound), "--reason", "no driver that morning", "--db", day.db])
        #expect(run.status == 0, "\(run.stderr)")
        var trip = try #require(try listJSON(day.db, "2025-03-03").first { $0["id"] as? Int == day.outbound })
        #expect(trip["status"] as? String == "pending")
        #expect(try auditRows(day.db, trip: day.outbound).contains { $0.contains("trip.decline") })

        let dispatch = try centrale(["dispatch", "--db", day.db, "--date", "2025-03-03"])
        #expect(dispatch.status == 0, "\(dispatch.stderr)")
        trip = try #require(try listJSON(day.db, "2025-03-03").first { $0["id"] as? Int == day.outbound })
        #expect(trip["status"] as? String == "assigned")
        let other = try #require(trip["association"] as? String)
        #expect(other != day.association)
        let explain = try centrale(["dispatch", "--db", day.db, "--date", "2025-03-03", "--explain", String(day.outbound)])
        #expect(explain.stdout.contains("declined the trip: \(day.association)"), "\(explain.stdout)")
        // By hand, too, the declining association is refused unless forced.
        let manual = try centrale(["assign", "--db", day.db, String(day.outbound), day.association, "--reason", "try"])
        #expect(manual.status == 1, "\(manual.stdout)")
    }

    @Test("trip logs naming an unregistered or expired driver are flagged, not refused; without volunteers nothing is checked")
    func logDrivers() throws {
        let work = try Workspace()
        let day = try dispatchedDay(work)
        let file = try writeVolunteers(work, Self.volunteers)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        let log = work.path("log.csv")
        try "trip,vehicle,driver,km,pickup_time,dropoff_time,outcome,notes\n\(day.trips[0]),\(day.vehicle),V999,14.3,08:30,08:52,done\n\(day.trips[1]),\(day.vehicle),V002,3.2,11:05,,no_show,non in casa\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        let run = try centrale(["log", "submit", "--db", day.db, "--association", day.association, log])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 flagged for the driver"), "\(run.stdout)")
        #expect(run.stdout.contains("trip \(day.trips[0]): driver V999 is not registered with \(day.association)"))
        #expect(run.stdout.contains("trip \(day.trips[1]): driver V002's licence expired on 2025-01-31"))
        let queue = try DatabaseQueue(path: day.db)
        defer { try? queue.close() }
        let flags = try queue.read { try String.fetchAll($0, sql: "SELECT driver_flag FROM trip_log WHERE driver_flag IS NOT NULL") }
        #expect(flags.count == 2)
    }

    @Test("the day sheet prints each vehicle's stops in order, and the trips not yet confirmed")
    func sheet() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let file = try writeVolunteers(work, Self.volunteers)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        #expect(try centrale(["confirm", String(day.outbound), "--vehicle", day.plate, "--driver", "V001", "--db", day.db]).status == 0)
        let trips = try centrale(["trips", "--association", day.association, "--date", "2025-03-03", "--db", day.db], environment: italianDefault)
        #expect(trips.stdout.contains("Confermato 1 su 2 assegnati; da confermare"), "\(trips.stdout)")
        #expect(trips.stdout.contains("servizio \(day.outbound): mezzo \(day.plate), autista V001"))
        let english = try centrale(["trips", "--association", day.association, "--date", "2025-03-03", "--db", day.db, "--lang", "en"])
        #expect(english.stdout.contains("Confirmed 1 of 2 assigned; to confirm"), "\(english.stdout)")
        #expect(english.stdout.contains("trip \(day.outbound): vehicle \(day.plate), driver V001"))
        // The volunteers carry the sheet: Italian by default, English on request.
        let md = try centrale(["sheet", "--association", day.association, "--date", "2025-03-03", "--db", day.db], environment: italianDefault)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Foglio di servizio: ") && md.stdout.contains(", 03/03/2025"), "\(md.stdout)")
        #expect(md.stdout.contains("## Mezzo \(day.plate), autista V001"), "\(md.stdout)")
        #expect(md.stdout.contains("| 07:30 | discesa | \(day.outbound) | BANNA1 |"), "\(md.stdout)")
        #expect(md.stdout.contains("## Da confermare"))
        #expect(md.stdout.contains("| 11:45 | salita | \(day.back) | BANNA1 |"))
        #expect(md.stdout.contains("| carrozzina |") && !md.stdout.contains("wheelchair"), "\(md.stdout)")
        let en = try centrale(["sheet", "--association", day.association, "--date", "2025-03-03", "--db", day.db, "--lang", "en"])
        #expect(en.stdout.contains("## Vehicle \(day.plate), driver V001") && en.stdout.contains("| 07:30 | drop off |")
                && en.stdout.contains("## Not yet confirmed") && en.stdout.contains(", 2025-03-03"), "\(en.stdout)")
        let html = try centrale(["sheet", "--association", day.association, "--date", "2025-03-03", "--format", "html", "--db", day.db], environment: italianDefault)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<html lang=\"it\">")
                && html.stdout.contains("<h2>Mezzo \(day.plate), autista V001</h2>"), "\(html.stdout)")
        let unknown = try centrale(["sheet", "--association", "NOPE", "--date", "2025-03-03", "--db", day.db])
        #expect(unknown.status == 1 && unknown.stderr.contains("no association 'NOPE'"))
        // --out writes a new file; it never replaces one without --force, and never a database.
        let out = (day.db as NSString).deletingLastPathComponent + "/sheet.html"
        let args = ["sheet", "--association", day.association, "--date", "2025-03-03", "--format", "html", "--db", day.db]
        #expect(try centrale(args + ["--out", out]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try centrale(args + ["--out", out]).status == 1)
        #expect(try centrale(args + ["--out", out, "--force"]).status == 0)
        let database = try Data(contentsOf: URL(fileURLWithPath: day.db))
        #expect(try centrale(args + ["--out", day.db, "--force"]).status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: day.db)) == database, "the database is untouched")
    }

    @Test("dispatch does not count a vehicle off the road: with every suitable vehicle off, the trips go to another association")
    func dispatchWithoutVehicles() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let queue = try DatabaseQueue(path: day.db)
        let plates = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT plate FROM vehicle WHERE association = ? AND wheelchair_places > 0", arguments: [day.association])
        }
        try queue.close()
        for plate in plates {
            #expect(try centrale(["vehicle", "off", plate, "--from", "2025-03-03", "--to", "2025-03-03", "--reason", "fermo", "--db", day.db]).status == 0)
        }
        let run = try centrale(["dispatch", "--db", day.db, "--date", "2025-03-03", "--reassign"])
        #expect(run.status == 0, "\(run.stderr)")
        let trips = try listJSON(day.db, "2025-03-03")
        #expect(trips.allSatisfy { $0["status"] as? String == "assigned" && $0["association"] as? String != day.association }, "\(trips)")
        let manual = try centrale(["assign", "--db", day.db, String(day.outbound), day.association])
        #expect(manual.status == 1 && manual.stderr.contains("no active vehicle"), "\(manual.stderr)")
    }

    @Test("a volunteer who loses a qualification loses the confirmations of the coming trips that need it")
    func qualificationLost() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        // A Monday two to three weeks ahead, by the real clock (the store's).
        var comps = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Rome")!, from: Date().addingTimeInterval(14 * 86_400))
        let weekday = comps.weekday!  // 1 = Sunday
        let ahead = Date().addingTimeInterval(Double(14 + (9 - weekday) % 7) * 86_400)
        comps = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Rome")!, from: ahead)
        let date = String(format: "%04d-%02d-%02d", comps.year!, comps.month!, comps.day!)
        let add = try centrale(["request", "add", "--db", db, "--beneficiary", "BSTRE1", "--date", date, "--time", "09:00",
                                "--to", "DIA-CAREGGI", "--purpose", "dialysis"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try centrale(["dispatch", "--db", db, "--date", date]).status == 0)
        let trip = try #require(try listJSON(db, date).first)
        let id = try #require(trip["id"] as? Int)
        let association = try #require(trip["association"] as? String)
        let queue = try DatabaseQueue(path: db)
        let plate = try #require(try queue.read { try String.fetchOne($0, sql: "SELECT plate FROM vehicle WHERE association = ? AND stretcher = 1", arguments: [association]) })
        try queue.close()
        #expect(try centrale(["volunteer", "add", "V1", "--association", association, "--birth-year", "1970", "--licence", "B", "--licence-expiry", "2099-01-01",
                              "--policy", "P", "--insured-until", "2099-01-01", "--qualifications", "stretcher+escort", "--shifts", "mon-sun 06:00-20:00",
                              "--db", db]).status == 0)
        let confirm = try centrale(["confirm", String(id), "--vehicle", plate, "--driver", "V1", "--db", db])
        #expect(confirm.status == 0, "\(confirm.stderr)")
        let update = try centrale(["volunteer", "update", "V1", "--association", association, "--qualifications", "escort", "--db", db])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("trip \(id) on \(date): confirmation withdrawn: driver V1 is not qualified for stretcher"), "\(update.stdout)")
    }
}

extension DayCommandTests {
    @Test("the call list of a day has its trips to do with the person's name and phone, and each one's confirmation")
    func reminderCalls() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let file = try writeVolunteers(work, Self.volunteers)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        let confirmed = try centrale(["confirm", String(day.outbound), "--vehicle", day.plate, "--driver", "V001", "--db", day.db])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let calls = try Store(path: day.db, access: .read).reminderCalls(on: LocalDate("2025-03-03")!)
        #expect(calls.map(\.trip) == [Int64(day.outbound), Int64(day.back)])
        #expect(calls.allSatisfy { $0.name == "Anna Test" && $0.phone == "0" && $0.association == day.association })
        #expect(calls[0].vehicle == day.plate && calls[0].driver == "V001")
        #expect(calls[1].vehicle == nil, "the return is not confirmed yet")
        #expect(calls[0].pickup < calls[0].appointment, "the outbound pickup is before the appointment by the ride")
        #expect(calls[1].pickup == calls[1].appointment, "a return is picked up at its ready time")
        #expect(try Store(path: day.db, access: .read).reminderCalls(on: LocalDate("2025-03-04")!).isEmpty)
    }

    @Test("with volunteers registered, the day's capacity, dispatch and the plan follow their shifts; a trip left without a crew is flagged")
    func crewsFromShifts() throws {
        let work = try Workspace()
        let day = try assignedDay(work)
        let monday = LocalDate("2025-03-03")!
        // Only an afternoon driver: the 07:30 outbound trip has no crew, the 11:45 return has one.
        let file = try writeVolunteers(work, """
            codice;patente;scadenza_patente;anno_nascita;polizza;scadenza_polizza;qualifiche;turni
            V010;B;2030-01-31;1960;POL-10;2026-12-31;carrozzina;lun-ven 11:00-17:00
            """)
        #expect(try centrale(["volunteer", "import", file, "--association", day.association, "--db", day.db]).status == 0)
        do {
            let store = try Store(path: day.db, access: .read)
            let means = try store.dayCrews(of: day.association, on: monday)
            #expect(means.source == .volunteers && means.crews.map(\.driver) == ["V010"])
            let declared = try #require(try store.registry().associations.first { $0.code == day.association }).dailyCapacity
            #expect(means.capacity == min(declared, 8), "one six-hour shift: 360 minutes at 45 a trip, the declared capacity the cap")
            let warnings = try store.availabilityWarnings(on: monday)
            guard case .noCrew = warnings[Int64(day.outbound)] else {
                Issue.record("the outbound trip should be flagged for having no crew: \(warnings)")
                return
            }
            #expect(warnings[Int64(day.back)] == nil, "the return is within V010's shift")
        }
        // Dispatch would not give the outbound to it now: no crew covers its time.
        let explain = try centrale(["dispatch", "--db", day.db, "--date", "2025-03-03", "--explain", String(day.outbound)])
        #expect(explain.stdout.contains("Excluded, has no crew on duty at the trip's time with a driver qualified for its needs: \(day.association)"),
                "\(explain.stdout)")
        // The plan puts the return on V010's vehicle and leaves the outbound alone.
        let plan = try centrale(["plan", "--db", day.db, "--date", "2025-03-03", "--association", day.association])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains(", driver V010"), "\(plan.stdout)")
        #expect(plan.stdout.contains("alone: trip \(day.outbound)"), "\(plan.stdout)")
        let accept = try centrale(["plan", "--db", day.db, "--date", "2025-03-03", "--association", day.association, "--accept"])
        #expect(accept.status == 0, "\(accept.stderr)")
        let sheet = try centrale(["sheet", "--association", day.association, "--date", "2025-03-03", "--db", day.db], environment: italianDefault)
        #expect(sheet.stdout.contains("autista V010"), "the day sheet names the plan's driver: \(sheet.stdout)")

        // Moved to the late afternoon: the plan's driver is no longer on duty for the route.
        let moved = try centrale(["volunteer", "update", "V010", "--association", day.association, "--shifts", "lun-ven 15:00-20:00", "--db", day.db])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try Store(path: day.db, access: .read).availabilityWarnings(on: monday)[Int64(day.back)] == .plannedDriverUnavailable(driver: "V010"))
        #expect(try centrale(["volunteer", "update", "V010", "--association", day.association, "--shifts", "lun-ven 11:00-17:00", "--db", day.db]).status == 0)
        #expect(try Store(path: day.db, access: .read).availabilityWarnings(on: monday)[Int64(day.back)] == nil, "back on duty")

        // Absent that day: the plan's driver is flagged, the association can take nothing, and
        // dispatch gives both trips to another association.
        let absent = try centrale(["volunteer", "absent", "V010", "--association", day.association, "--from", "2025-03-03", "--to", "2025-03-03",
                                   "--reason", "malattia", "--db", day.db])
        #expect(absent.status == 0, "\(absent.stderr)")
        do {
            let store = try Store(path: day.db, access: .read)
            #expect(try store.dayCrews(of: day.association, on: monday).capacity == 0)
            #expect(try store.availabilityWarnings(on: monday)[Int64(day.back)] == .plannedDriverUnavailable(driver: "V010"))
        }
        let dispatch = try centrale(["dispatch", "--db", day.db, "--date", "2025-03-03", "--reassign"])
        #expect(dispatch.status == 0, "\(dispatch.stderr)")
        let trips = try listJSON(day.db, "2025-03-03")
        #expect(trips.allSatisfy { $0["status"] as? String == "assigned" && $0["association"] as? String != day.association }, "\(trips)")
        let manual = try centrale(["assign", "--db", day.db, String(day.outbound), day.association])
        #expect(manual.status == 1 && manual.stderr.contains("capacity"), "\(manual.stderr)")
    }
}
