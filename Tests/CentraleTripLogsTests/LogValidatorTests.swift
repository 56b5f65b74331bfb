import CentraleDomain
import CentraleFormats
import Testing
@testable import CentraleTripLogs

/// A small world: association MIS with two vehicles; trip 1 assigned to it, 2 to another
/// association, 3 pending, 4 cancelled, 5 assigned to MIS and needing a wheelchair.
enum World {
    static let day = LocalDate("2026-10-05")!
    static let base = Coordinate(latitude: 43.7550, longitude: 11.1890)
    static let association = Association(
        code: "MIS", name: "Misericordia", kind: .misericordia, baseComune: "048041", base: base, baseAddress: "", serves: ["048041"],
        dailyCapacity: 10, shareBasisPoints: 10_000,
        vehicles: [Vehicle(plate: "FP123AB", seats: 4, wheelchairPlaces: 0, stretcher: false),
                   Vehicle(plate: "GV456CD", seats: 5, wheelchairPlaces: 1, stretcher: false)])
    static func trip(_ id: Int64, status: TripStatus = .assigned, needs: Needs = []) -> TripRequest {
        TripRequest(id: id, beneficiary: "B\(id)", date: day,
                    pickup: Stop(label: "home", comune: "048041", location: Coordinate(latitude: 43.7600, longitude: 11.1900)),
                    destination: Stop(placeCode: "OSP", label: "Hospital", comune: "048017", location: Coordinate(latitude: 43.8025, longitude: 11.2470)),
                    appointment: LocalTime("09:00")!, needs: needs, purpose: .visit, status: status)
    }
    static func context(recorded: [Int64: TripLog] = [:]) -> LogContext {
        LogContext(association: association,
                   trips: [1: (trip(1), "MIS"), 2: (trip(2), "OTHER"), 3: (trip(3, status: .pending), nil),
                           4: (trip(4, status: .cancelled), "MIS"), 5: (trip(5, needs: .wheelchair), "MIS")],
                   recorded: recorded, tolerance: KmTolerance(percent: 20, minimum: .kilometres(2)),
                   estimator: RoadDistanceEstimator(circuity: 1.3))
    }
    static func check(_ text: String, file: String = "f.csv", recorded: [Int64: TripLog] = [:]) throws -> LogBatch {
        LogValidator(context: context(recorded: recorded)).check(try LogParser.parse(text, fileName: file))
    }
    static let header = "trip,date,vehicle,driver,odometer_start,odometer_end,km,pickup_time,dropoff_time,waiting_minutes,outcome,notes\n"
}

@Suite("Trip logs: dialects")
struct DialectTests {
    let expected = TripLog(tripID: 1, association: "MIS", vehiclePlate: "FP123AB", driverCode: "V017",
                           odometerStart: Distance(metres: 45_210_000), odometerEnd: Distance(metres: 45_233_400),
                           driven: Distance(metres: 23_400), pickedUpAt: LocalTime("08:05"), droppedOffAt: LocalTime("08:40"),
                           waitingMinutes: 15, outcome: .done, notes: "ok, on time")

    @Test("every dialect people produce imports to the same log", arguments: [
        World.header + "1,2026-10-05,FP123AB,V017,45210.0,45233.4,,08:05,08:40,15,done,\"ok, on time\"\n",
        "\u{FEFF}Viaggio;Data;Targa;Autista;Km inizio;Km fine;Km;Ora presa;Ora arrivo;Attesa;Esito;Note\r\n1;05/10/2026;fp 123 ab;V017;45.210,0;45.233,4;;08.05;08.40;15;Effettuato;ok, on time\r\n",
        "viaggio,data,targa,autista,km_inizio,km_fine,km_percorsi,ora_presa,ora_arrivo,attesa,esito,note\n1,05/10/2026,FP123AB,V017,\"45210,0\",\"45233,4\",,08:05,08:40,15,effettuato,\"ok, on time\"\n",
        "[\n  {\"trip\": 1, \"date\": \"2026-10-05\", \"vehicle\": \"FP123AB\", \"driver\": \"V017\", \"odometer_start\": 45210.0, \"odometer_end\": 45233.4, \"pickup_time\": \"08:05\", \"dropoff_time\": \"08:40\", \"waiting_minutes\": 15, \"outcome\": \"done\", \"notes\": \"ok, on time\"}\n]\n",
        "{\"logs\": [{\"viaggio\": \"1\", \"targa\": \"FP123AB\", \"autista\": \"V017\", \"km_inizio\": \"45210\", \"km_fine\": \"45233,4\", \"ora_presa\": \"08:05\", \"ora_arrivo\": \"08:40\", \"attesa\": 15, \"esito\": \"effettuato\", \"note\": \"ok, on time\"}]}",
    ])
    func sameValues(text: String) throws {
        let batch = try World.check(text)
        #expect(batch.problems.isEmpty, "\(batch.problems)")
        #expect(batch.fresh.map(\.log) == [expected])
    }

    @Test("km alone is enough; the estimate counts base → pickup → destination → base")
    func kmOnly() throws {
        let batch = try World.check(World.header + "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,\n")
        #expect(batch.problems.isEmpty, "\(batch.problems)")
        let checked = try #require(batch.fresh.first)
        #expect(checked.log.driven == Distance(metres: 18_200))
        let estimator = RoadDistanceEstimator(circuity: 1.3)
        let trip = World.trip(1)
        #expect(checked.estimated == estimator.roadDistance(along: [World.base, trip.pickup.location, trip.destination.location, World.base]))
        #expect(checked.flag == nil)
    }

    @Test("a trip in an accepted shared-ride plan is checked against its share of the route, a no-show against the solo estimate")
    func plannedShare() throws {
        var context = World.context()
        context.plannedShares = [1: Distance(metres: 9_000), 5: Distance(metres: 9_000)]
        let rows = try LogParser.parse(World.header + "1,,FP123AB,V017,,,9.3,08:05,08:40,,done,\n5,,GV456CD,V017,,,3.1,08:05,,,no_show,non in casa\n",
                                       fileName: "f.csv")
        let batch = LogValidator(context: context).check(rows)
        #expect(batch.problems.isEmpty, "\(batch.problems)")
        try #require(batch.fresh.count == 2)
        #expect(batch.fresh[0].estimated == Distance(metres: 9_000) && batch.fresh[0].flag == nil)
        let trip = World.trip(5)
        #expect(batch.fresh[1].estimated == RoadDistanceEstimator(circuity: 1.3).roadDistance(along: [World.base, trip.pickup.location, World.base]))
        // The same 9.3 km against the solo estimate (about 18 km) would be flagged.
        #expect(try World.check(World.header + "1,,FP123AB,V017,,,9.3,08:05,08:40,,done,\n").fresh.first?.flag != nil)
    }

    @Test("km far from the estimate are flagged, not refused; small differences on short trips are not")
    func flags() throws {
        let batch = try World.check(World.header + "1,,FP123AB,V017,,,40,08:05,08:40,,done,\n")
        #expect(batch.problems.isEmpty)
        #expect(batch.fresh.first?.flag != nil)
        #expect(KmReconciliation.flag(driven: .kilometres(5), estimated: .kilometres(4), tolerance: KmTolerance(percent: 20, minimum: .kilometres(2))) == nil)
        #expect(KmReconciliation.flag(driven: .kilometres(30), estimated: .kilometres(20), tolerance: KmTolerance(percent: 20, minimum: .kilometres(2)))?.description
                == "+50% (30.0 km logged, 20.0 km estimated)")
    }
}

@Suite("Trip logs: validation")
struct ValidationTests {
    func problems(_ rows: String, recorded: [Int64: TripLog] = [:]) throws -> [String] {
        try World.check(World.header + rows, recorded: recorded).problems.map(\.description)
    }

    @Test("every problem of a file is reported at once, with line and field, and nothing is kept")
    func allAtOnce() throws {
        let batch = try World.check(World.header + """
            1,2026-10-06,ZZ999ZZ,V017,,,10,08:05,08:40,,done,
            2,,FP123AB,V017,,,10,08:05,08:40,,done,
            3,,FP123AB,V017,,,10,08:05,08:40,,done,
            4,,FP123AB,V017,,,10,08:05,08:40,,done,
            99,,FP123AB,V017,,,10,08:05,08:40,,done,
            5,,FP123AB,,,,10,09:05,08:40,,done,
            1,,FP123AB,V017,,,10,08:05,08:40,,done,
            """)
        #expect(batch.fresh.isEmpty)
        #expect(batch.problems.map(\.description) == [
            "f.csv:2: date: 2026-10-06 is not the day of trip 1 (2026-10-05)",
            "f.csv:2: vehicle: 'ZZ999ZZ' is not in MIS's fleet; use one of FP123AB, GV456CD",
            "f.csv:3: trip: no trip 2 assigned to MIS; check the id among the trips of MIS",
            "f.csv:4: trip: no trip 3 assigned to MIS; check the id among the trips of MIS",
            "f.csv:5: trip: trip 4 was cancelled before it took place; do not log it",
            "f.csv:6: trip: no trip 99 assigned to MIS; check the id among the trips of MIS",
            "f.csv:7: driver: is empty; give the driver's volunteer code",
            "f.csv:7: vehicle: FP123AB has no wheelchair place, and the beneficiary travels in a wheelchair",
            "f.csv:7: dropoff_time: 08:40 is before the pickup at 09:05",
            "f.csv:8: trip: trip 1 is already on line 2 of this file; keep one row per trip",
        ])
        // The remedy is a value the edge renders (a command, a key), not text naming a command.
        #expect(batch.problems.map(\.remedy) == [nil, nil, .findTrip(association: "MIS"), .findTrip(association: "MIS"), nil, .findTrip(association: "MIS"), nil, nil, nil, nil])
        #expect(try World.check(World.header + ",,FP123AB,V017,,,10,08:05,08:40,,done,").problems.map(\.remedy) == [.findTrip(association: nil)])
    }

    @Test("odometers, km, times and outcomes must be coherent", arguments: [
        ("1,,FP123AB,V017,45233.4,45210.0,,08:05,08:40,,done,", "odometer_end: 45210.0 km is not after odometer_start 45233.4 km"),
        ("1,,FP123AB,V017,45210.0,45233.4,30,08:05,08:40,,done,", "km: 30.0 km does not match the odometer readings (23.4 km); correct one of them"),
        ("1,,FP123AB,V017,45210.0,,,08:05,08:40,,done,", "odometer_end: give both odometer readings, or neither and km"),
        ("1,,FP123AB,V017,,,,08:05,08:40,,done,", "km: is empty, and the trip was carried out (done); give the km driven, or odometer_start and odometer_end"),
        ("1,,FP123AB,V017,,,12km,08:05,08:40,,done,", "km: '12km' is not a number of km between 0 and 2000 (e.g. 23.4; this file's decimal mark is '.')"),
        ("1,,FP123AB,V017,,,12,,08:40,,done,", "pickup_time: is empty; a trip carried out needs the pickup time (HH:MM)"),
        ("1,,FP123AB,V017,,,12,8h05,08:40,,done,", "pickup_time: '8h05' is not a time; write HH:MM, e.g. 08:15"),
        ("1,,FP123AB,V017,,,12,08:05,08:40,999,done,", "waiting_minutes: '999' is not a number of minutes between 0 and 720"),
        ("1,,FP123AB,V017,,,12,08:05,08:40,,maybe,", "outcome: 'maybe' is not an outcome; write done, no_show, cancelled_on_spot or cancelled_late (effettuato, assente, annullato, annullato_tardi)"),
        ("1,,FP123AB,V017,,,6,08:05,08:40,,no_show,non in casa", "dropoff_time: 08:40 given, but the outcome is no_show: nobody was dropped off; leave it empty"),
        ("1,31/02/2026,FP123AB,V017,,,12,08:05,08:40,,done,", "date: '31/02/2026' is not a date; write 2026-10-05 or 05/10/2026"),
        ("x,,FP123AB,V017,,,12,08:05,08:40,,done,", "trip: 'x' is not a trip id (a whole number)"),
    ])
    func coherence(row: String, problem: String) throws {
        let found = try problems(row)
        #expect(found == ["f.csv:2: \(problem)"], "\(found)")
    }

    @Test("a trip after today cannot be logged yet")
    func future() throws {
        var context = World.context()
        context.today = LocalDate("2026-10-04")
        let batch = LogValidator(context: context).check(try LogParser.parse(World.header + "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,\n", fileName: "f.csv"))
        #expect(batch.problems.map(\.description) == ["f.csv:2: trip: trip 1 is on 2026-10-05, after today (2026-10-04); log it once it has taken place"])
    }

    @Test("a no-show needs no times, and its estimate is base → pickup → base")
    func noShow() throws {
        let batch = try World.check(World.header + "1,,FP123AB,V017,,,1.5,08:05,,,assente,non in casa\n")
        #expect(batch.problems.isEmpty, "\(batch.problems)")
        #expect(batch.fresh.first?.log.outcome == .noShow)
        let trip = World.trip(1)
        #expect(batch.fresh.first?.estimated == RoadDistanceEstimator(circuity: 1.3).roadDistance(along: [World.base, trip.pickup.location, World.base]))
    }

    @Test("an identical log already recorded is harmless; a different one is a conflict that points to amend")
    func recorded() throws {
        let row = "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,"
        let first = try World.check(World.header + row).fresh[0].log
        let again = try World.check(World.header + row, recorded: [1: first])
        #expect(again.problems.isEmpty && again.fresh.isEmpty && again.alreadyRecorded == [1])
        let conflict = try World.check(World.header + "1,,FP123AB,V017,,,19.0,08:05,08:40,,done,", recorded: [1: first]).problems
        #expect(conflict.map(\.message.english) == ["trip 1 is already logged with other values (km 18.2 km recorded, 19.0 km here)"])
        #expect(conflict.map(\.remedy) == [.amendLog(trip: 1, km: false)])
    }

    @Test("headers: missing and repeated columns, unreadable JSON, JSON lines")
    func headers() throws {
        #expect(throws: FieldErrors.self) { try LogParser.parse("trip,driver,km,outcome\n1,V,2,done\n", fileName: "f.csv") }
        do {
            _ = try LogParser.parse("trip,vehicle,targa,driver,km,outcome\n", fileName: "f.csv")
            Issue.record("expected an error")
        } catch let errors as FieldErrors {
            #expect(errors.errors.map(\.description) == ["f.csv:1: targa: names the same column as 'vehicle'; keep one"])
        }
        #expect(throws: FieldErrors.self) { try LogParser.parse("[{\"trip\": 1,}]", fileName: "f.json") }
        let rows = try LogParser.parse("[\n {\"trip\": 1, \"vehicle\": \"A\", \"driver\": \"D\", \"km\": 1, \"outcome\": \"done\"},\n\n {\"trip\": 2, \"vehicle\": \"A\", \"driver\": \"D\", \"km\": 1, \"outcome\": \"done\"}\n]", fileName: "f.json")
        #expect(rows.map(\.location.line) == [2, 4])
        #expect(throws: FieldErrors.self) { try LogParser.parse("", fileName: "f.csv") }
    }
}

@Suite("Trip logs: outcomes")
struct OutcomeTests {
    @Test("a late cancellation is an outcome in English and Italian, and a cancellation at the door is the on-the-spot one",
          arguments: [("cancelled_late", TripOutcome.cancelledLate), ("Annullato tardi", .cancelledLate), ("disdetta tardiva", .cancelledLate),
                      ("cancelled_at_door", .cancelledOnSpot), ("annullato alla porta", .cancelledOnSpot), ("assente", .noShow)])
    func names(raw: String, outcome: TripOutcome) throws {
        let batch = try World.check(World.header + "1,,FP123AB,V017,,,4.1,08:05,,,\(raw),la persona ha chiamato alle 7\n")
        #expect(batch.problems.isEmpty, "\(batch.problems)")
        #expect(batch.fresh.first?.log.outcome == outcome)
    }

    @Test("every outcome but done needs a reason in the notes: refused with the file, the line and the field", arguments: ["no_show", "cancelled_on_spot", "cancelled_late"])
    func reasonRequired(outcome: String) throws {
        let batch = try World.check(World.header + "1,,FP123AB,V017,,,4.1,08:05,,,\(outcome),  \n", file: "mis.csv")
        #expect(batch.fresh.isEmpty)
        let problem = try #require(batch.problems.first)
        #expect(problem.description.hasPrefix("mis.csv:2: notes: is empty, and the outcome is \(outcome): say why"), "\(problem)")
        let done = try World.check(World.header + "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,\n")
        #expect(done.problems.isEmpty, "a trip carried out needs no reason")
    }
}
