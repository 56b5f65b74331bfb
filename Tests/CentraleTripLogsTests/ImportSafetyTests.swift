import CentraleDomain
import CentraleFormats
import Foundation
import Testing
@testable import CentraleTripLogs
@testable import CentraleFormats

/// Issue 13, the trip-log import path: values that must never pass silently.
@Suite("Trip logs: money you can trust")
struct ImportSafetyTests {
    func problems(_ text: String, context: LogContext = World.context(), file: String = "f.csv") throws -> [String] {
        LogValidator(context: context).check(try LogParser.parse(text, fileName: file)).problems.map(\.description)
    }

    func logs(_ text: String, context: LogContext = World.context(), file: String = "f.csv") throws -> [TripLog] {
        let batch = LogValidator(context: context).check(try LogParser.parse(text, fileName: file))
        #expect(batch.problems.isEmpty, "\(batch.problems)")
        return batch.fresh.map(\.log)
    }

    @Test("a trip carried out needs km: 0 km or none is refused; a no-show may have 0 km")
    func zeroKm() throws {
        #expect(try problems(World.header + "1,,FP123AB,V017,,,0,08:05,08:40,,done,\n")
                == ["f.csv:2: km: 0 km for a trip carried out (done); give the km driven"])
        #expect(try problems(World.header + "1,,FP123AB,V017,,,0.000,08:05,08:40,,done,\n")
                == ["f.csv:2: km: 0 km for a trip carried out (done); give the km driven"])
        #expect(try problems(World.header + "1,,FP123AB,V017,,,,08:05,08:40,,done,\n")
                == ["f.csv:2: km: is empty, and the trip was carried out (done); give the km driven, or odometer_start and odometer_end"])
        #expect(try logs(World.header + "1,,FP123AB,V017,,,0,08:05,,,no_show,non in casa\n").first?.driven == .zero)
    }

    @Test("one vehicle's odometer ranges may not overlap on one day, within the file; both lines are named")
    func overlapInFile() throws {
        let text = World.header + """
            1,,GV456CD,V017,45210.0,45226.1,,08:05,08:40,,done,
            5,,GV456CD,V017,45220.0,45240.0,,09:05,09:40,,done,

            """
        #expect(try problems(text) == [
            "f.csv:3: odometer_start: GV456CD's 45220–45240 km overlaps line 2 (trip 1, 45210–45226.1 km) on 2026-10-05; "
                + "one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings",
        ])
        // Ranges that touch, or of different vehicles, are fine.
        #expect(try logs(text.replacingOccurrences(of: "45220.0", with: "45226.1")).count == 2)
        #expect(try logs(text.replacingOccurrences(of: "1,,GV456CD", with: "1,,FP123AB")).count == 2)
    }

    @Test("a range overlapping a stored log of the vehicle and day is refused, naming the stored trip and where it came from")
    func overlapStored() throws {
        var context = World.context()
        let key = VehicleDay(plate: "GV456CD", date: World.day)
        context.storedRanges = [key: [OdometerRange(tripID: 7, start: Distance(metres: 45_200_000), end: Distance(metres: 45_215_000), origin: "march.csv:4"),
                                      OdometerRange(tripID: 8, start: Distance(metres: 45_230_000), end: Distance(metres: 45_250_000))]]
        let found = try problems(World.header + "1,,GV456CD,V017,45210.0,45235.1,,08:05,08:40,,done,\n", context: context)
        #expect(found == [
            "f.csv:2: odometer_start: GV456CD's 45210–45235.1 km overlaps trip 7 already recorded, from march.csv:4 (45200–45215 km) on 2026-10-05; "
                + "one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings",
            "f.csv:2: odometer_start: GV456CD's 45210–45235.1 km overlaps trip 8 already recorded (45230–45250 km) on 2026-10-05; "
                + "one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings",
        ])
        // The stored log of a trip the file itself logs again is not an overlap with itself.
        context.storedRanges = [key: [OdometerRange(tripID: 1, start: Distance(metres: 45_210_000), end: Distance(metres: 45_235_100))]]
        #expect(try logs(World.header + "1,,GV456CD,V017,45210.0,45235.1,,08:05,08:40,,done,\n", context: context).count == 1)
    }

    @Test("trips on one route of an accepted plan may overlap, in the route's order only")
    func sharedRoute() throws {
        var context = World.context()
        // Pick up 1, pick up 5, drop 1, drop 5.
        context.routes = [1: RoutePosition(route: "9/GV456CD", pickup: 1, dropoff: 3), 5: RoutePosition(route: "9/GV456CD", pickup: 2, dropoff: 4)]
        let inOrder = World.header + """
            1,,GV456CD,V017,45210.0,45226.1,,08:05,08:40,,done,
            5,,GV456CD,V017,45212.0,45230.0,,08:10,08:45,,done,

            """
        #expect(try logs(inOrder, context: context).count == 2)
        let outOfOrder = inOrder.replacingOccurrences(of: "45212.0", with: "45205.0")
        #expect(try problems(outOfOrder, context: context) == [
            "f.csv:3: odometer_start: GV456CD's 45205–45230 km overlaps line 2 (trip 1, 45210–45226.1 km) on 2026-10-05; "
                + "the trips share a route of the accepted plan, but the readings do not follow its order (trip 1 is picked up first); correct the readings",
        ])
        // The same route, but planned for another vehicle of the fleet: two trips at once.
        var elsewhere = context
        elsewhere.routes = [1: RoutePosition(route: "9/FP123AB", pickup: 1, dropoff: 3), 5: RoutePosition(route: "9/FP123AB", pickup: 2, dropoff: 4)]
        let onAnother = try problems(inOrder, context: elsewhere)
        #expect(onAnother.count == 1 && onAnother[0].contains("on FP123AB, not GV456CD"), "\(onAnother)")
        // On different routes, overlapping is refused.
        context.routes[5]?.route = "9/FP123AB"
        #expect(try problems(inOrder, context: context).count == 1)
    }

    @Test("decimal marks: each file's mark comes from the evidence of its numeric cells", arguments: [
        // Semicolons and no evidence: decimal comma, so 97.044 is ninety-seven thousand km.
        ("trip;vehicle;driver;odometer_start;odometer_end;pickup_time;dropoff_time;outcome\n1;FP123AB;V017;97.044;97.060;08:05;08:40;done\n", 97_044_000, 97_060_000),
        // Italian headers with commas, a thousands point and a decimal comma.
        ("viaggio,targa,autista,km_inizio,km_fine,ora_presa,ora_arrivo,esito\n1,FP123AB,V017,\"1.234,5\",\"1.250,0\",08:05,08:40,effettuato\n", 1_234_500, 1_250_000),
        // Evidence beats the default: a semicolon file whose numbers have decimal points.
        ("trip;vehicle;driver;odometer_start;odometer_end;pickup_time;dropoff_time;outcome\n1;FP123AB;V017;97.044;97.06;08:05;08:40;done\n", 97_044, 97_060),
        // English, commas and no evidence: decimal point, so "1,234" is a thousands comma.
        ("trip,vehicle,driver,odometer_start,odometer_end,pickup_time,dropoff_time,outcome\n1,FP123AB,V017,\"1,234\",\"1,250\",08:05,08:40,done\n", 1_234_000, 1_250_000),
    ])
    func decimalMarks(text: String, start: Int, end: Int) throws {
        let log = try #require(try logs(text).first)
        #expect(log.odometerStart == Distance(metres: start) && log.odometerEnd == Distance(metres: end))
    }

    @Test("a file that uses both marks: a cell whose reading depends on the mark is refused with both readings")
    func mixedMarks() throws {
        let text = World.header + """
            1,,FP123AB,V017,,,"1,234",08:05,08:40,,done,
            5,,GV456CD,V017,,,"23,4",08:05,08:40,,done,
            2,,FP123AB,V017,,,18.2,08:05,08:40,,done,

            """
        let found = try problems(text)
        #expect(found.first == "f.csv:2: km: '1,234' reads as 1.234 km or as 1234 km; this file writes decimals both with '.' and with ',': "
                + "use one decimal mark throughout the file, and no thousands separators")
        // Cells that read the same either way are not refused for it.
        #expect(!found.contains { $0.hasPrefix("f.csv:3: km") || $0.hasPrefix("f.csv:4: km") })
    }

    @Test("JSON numbers always have a decimal point, whatever the strings of the file show")
    func jsonNumbers() throws {
        let text = "[{\"viaggio\": 1, \"targa\": \"FP123AB\", \"autista\": \"V017\", \"km_inizio\": \"45.210,0\", \"km_fine\": 45233.4, "
            + "\"ora_presa\": \"08:05\", \"ora_arrivo\": \"08:40\", \"esito\": \"effettuato\"}]"
        let log = try #require(try logs(text, file: "f.json").first)
        #expect(log.odometerStart == Distance(metres: 45_210_000) && log.odometerEnd == Distance(metres: 45_233_400))
    }

    @Test("a CSV row with more fields than the header is refused, not cut")
    func extraFields() throws {
        #expect(try problems(World.header + "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,late, traffic\n") == [
            "f.csv:2: the line has 1 field more than the header (' traffic'); a value that contains the separator (e.g. a comma in the notes) must be in double quotes",
        ])
    }

    @Test("driver and vehicle must be codes: letters, digits, '-' or '/', at most 20 characters", arguments: [
        ("1,,FP123AB,Mario Rossi,,,18.2,08:05,08:40,,done,", "driver: 'Mario Rossi' is not a volunteer code; write letters, digits, '-' or '/', at most 20 characters (a code, not a name)"),
        ("1,,FP123AB,V0123456789012345678901,,,18.2,08:05,08:40,,done,", "driver: 'V0123456789012345678901' is not a volunteer code; write letters, digits, '-' or '/', at most 20 characters (a code, not a name)"),
        ("1,,FP123AB;DROP,V017,,,18.2,08:05,08:40,,done,", "vehicle: 'FP123AB;DROP' is not a plate; write letters, digits, '-' or '/', at most 20 characters"),
        ("1,,FP123AB,VÒ17,,,18.2,08:05,08:40,,done,", "driver: 'VÒ17' is not a volunteer code; write letters, digits, '-' or '/', at most 20 characters (a code, not a name)"),
    ])
    func codes(row: String, problem: String) throws {
        #expect(try problems(World.header + row + "\n") == ["f.csv:2: \(problem)"])
        #expect(try logs(World.header + "1,,fp-123 ab,MIS/V-17,,,18.2,08:05,08:40,,done,\n").first?.driverCode == "MIS/V-17")
    }

    @Test("numbers beyond any plausible value are refused, never wrapped or trapped", arguments: [
        ("1,,FP123AB,V017,,,9223372036854775.999,08:05,08:40,,done,", "km: '9223372036854775.999' is beyond any plausible value for the km of one trip (0 to 2000 km)"),
        ("1,,FP123AB,V017,,,99999999999999999999999,08:05,08:40,,done,", "km: '99999999999999999999999' is beyond any plausible value for the km of one trip (0 to 2000 km)"),
        ("1,,FP123AB,V017,,,2000.001,08:05,08:40,,done,", "km: '2000.001' is beyond any plausible value for the km of one trip (0 to 2000 km)"),
        ("1,,FP123AB,V017,,,-5,08:05,08:40,,done,", "km: '-5' is negative; give the km of one trip between 0 and 2000 km"),
        ("1,,FP123AB,V017,,,1e308,08:05,08:40,,done,", "km: '1e308' is not a number of km between 0 and 2000 (e.g. 23.4; this file's decimal mark is '.')"),
        ("1,,FP123AB,V017,2000000.1,10.0,,08:05,08:40,,done,", "odometer_start: '2000000.1' is beyond any plausible value for an odometer reading (0 to 2000000 km)"),
        ("1,,FP123AB,V017,-9223372036854775.808,10.0,,08:05,08:40,,done,", "odometer_start: '-9223372036854775.808' is beyond any plausible value for an odometer reading (0 to 2000000 km)"),
        ("1,,FP123AB,V017,,,18.2,08:05,08:40,99999999999999999999,done,", "waiting_minutes: '99999999999999999999' is not a number of minutes between 0 and 720"),
        ("1,,FP123AB,V017,,,18.2,08:05,08:40,-1,done,", "waiting_minutes: '-1' is not a number of minutes between 0 and 720"),
        ("99999999999999999999,,FP123AB,V017,,,18.2,08:05,08:40,,done,", "trip: '99999999999999999999' is not a trip id (a whole number)"),
    ])
    func huge(row: String, problem: String) throws {
        #expect(try problems(World.header + row + "\n") == ["f.csv:2: \(problem)"])
    }

    @Test("huge JSON numbers are refused too")
    func hugeJSON() throws {
        for value in ["1e308", "9223372036854775807", "-1", "18446744073709551616", "true", "false", "[1]", "{\"a\": 1}"] {
            let found = try problems("[{\"trip\": 1, \"vehicle\": \"FP123AB\", \"driver\": \"V017\", \"km\": \(value), \"pickup_time\": \"08:05\", "
                                     + "\"dropoff_time\": \"08:40\", \"outcome\": \"done\"}]", file: "f.json")
            #expect(found.count == 1 && found[0].hasPrefix("f.json:1: km: "), "\(value): \(found)")
        }
    }

    @Test("control characters in any cell are refused, and messages show them escaped")
    func controlCharacters() throws {
        let found = try problems(World.header + "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,\u{1B}[2Jhello\u{7F}\n")
        #expect(found == ["f.csv:2: notes: contains the control character \\u{1B} (in '\\u{1B}[2Jhello\\u{7F}'); remove it"])
        #expect(!found[0].contains("\u{1B}"))
        let driver = try problems(World.header + "1,,FP123AB,V\u{1B}17,,,18.2,08:05,08:40,,done,\n")
        #expect(driver.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } } && driver.count == 2, "\(driver)")
        #expect(try logs(World.header + "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,a\ttab\n").first?.notes == "a\ttab")
    }

    @Test("a file over the row limit is refused before its rows are read")
    func rowLimit() throws {
        #expect(LogParser.maximumRows == 500_000 && LogParser.maximumBytes == 50_000_000)
        let rows = String(repeating: "1,,FP123AB,V017,,,18.2,08:05,08:40,,done,\n", count: 4)
        #expect(try LogParser.parse(World.header + rows, fileName: "f.csv", maximumRows: 4).count == 4)
        do {
            _ = try LogParser.parse(World.header + rows + rows, fileName: "f.csv", maximumRows: 4)
            Issue.record("expected the file to be refused")
        } catch let errors as FieldErrors {
            #expect(errors.description == "f.csv:1: the file has 8 rows, more than the 4 a submission may have; split it (one file per month)")
        }
    }
}

@Suite("Trip logs: fast paths read as the general ones")
struct FastPathTests {
    @Test("times read straight from the bytes agree with LocalTime", arguments: [
        "08:05", "8:05", "08.05", "23:59", "24:00", "07:60", "0805", "8:5", "+8:05", "08:05:00", "ab:cd", "1:2:3", "08::05", "١٢:٠٥",
    ])
    func times(raw: String) {
        var check = RowCheck(row: LogRow(location: SourceLocation(file: "f", line: 1), values: [.pickupTime: raw]))
        #expect(check.time(.pickupTime) == LocalTime(raw))
    }

    @Test("outcomes: the usual spellings and the folded ones", arguments: [
        ("done", TripOutcome?.some(.done)), ("Effettuato", .done), ("effettuato", .done), ("no_show", .noShow), ("No Show", .noShow),
        ("assente", .noShow), ("cancelled_on_spot", .cancelledOnSpot), ("annullato sul posto", .cancelledOnSpot), ("maybe", nil),
    ])
    func outcomes(raw: String, outcome: TripOutcome?) {
        var check = RowCheck(row: LogRow(location: SourceLocation(file: "f", line: 1), values: [.outcome: raw]))
        #expect(check.outcome() == outcome)
    }
}

@Suite("Decimal text: checked arithmetic and marks")
struct DecimalMarkTests {
    @Test("every operation is checked: values that do not fit an Int are nil, never a trap")
    func overflow() {
        #expect(DecimalText.scaled("9223372036854775.999", decimals: 3) == nil)
        #expect(DecimalText.scaled("9223372036854775.807", decimals: 3) == Int.max)
        #expect(DecimalText.scaled("9223372036854775807", decimals: 0) == Int.max)
        #expect(DecimalText.scaled("9223372036854775808", decimals: 0) == nil)
        #expect(DecimalText.scaled("-9223372036854775807", decimals: 0) == -Int.max)
        #expect(DecimalText.scaled(String(repeating: "9", count: 400), decimals: 3) == nil)
        #expect(DecimalText.scaled("9223372036854775.999", decimals: 3, mark: .point) == nil)
        #expect(DecimalText.scaled("9.223.372.036.854.775,999", decimals: 3, mark: .comma) == nil)
    }

    @Test("evidence: a separator followed by other than three digits, or the last of two", arguments: [
        ("23.4", DecimalMark?.some(.point)), ("45210,0", .comma), ("1.234,5", .comma), ("1,234.5", .point), ("1,234", nil), ("97.044", nil),
        ("1.234.567", nil), ("1,2345", .comma), ("12", nil), ("5,", .comma),
    ])
    func evidence(text: String, mark: DecimalMark?) {
        #expect(DecimalText.evidence(text) == mark)
    }

    @Test("the one-pass reading of plain cells gives what the general reading gives", arguments: [
        ("23.4", Int?.some(23_400)), ("0023.400", 23_400), (".5", 500), ("5.", 5_000), (".", nil), ("23.4567", nil), ("23.4560", 23_456),
        ("9223372036854775.807", Int.max), ("9223372036854775.808", nil), ("1.2.3", nil), ("", nil), ("12", 12_000), ("1,234.5", 1_234_500),
    ])
    func plainCells(text: String, metres: Int?) {
        #expect(DecimalText.scaled(text, decimals: 3, mark: .point) == metres)
        #expect(DecimalText.plainScaled(text.utf8, decimals: 3, decimal: UInt8(ascii: ".")) == metres || metres.map { _ in text.contains(",") } == true)
    }

    @Test("reading with a mark: thousands must be whole groups of three")
    func reading() {
        #expect(DecimalText.scaled("97.044", decimals: 3, mark: .comma) == 97_044_000)
        #expect(DecimalText.scaled("1.234,5", decimals: 3, mark: .comma) == 1_234_500)
        #expect(DecimalText.scaled("1,234.5", decimals: 3, mark: .point) == 1_234_500)
        #expect(DecimalText.scaled("1.23,5", decimals: 3, mark: .comma) == nil)
        #expect(DecimalText.scaled("1,5,5", decimals: 3, mark: .comma) == nil)
        #expect(DecimalText.scaled("12.4", decimals: 3, mark: .comma) == nil)
        #expect(DecimalText.plain(1_234, decimals: 3) == "1.234" && DecimalText.plain(1_234_000, decimals: 3) == "1234")
    }

    @Test("messages show control characters escaped, wherever they quote input")
    func escaping() {
        let error = FieldError(SourceLocation(file: "a\u{1B}.csv", line: 2), field: "notes\u{7}", Verbatim("'\u{1B}[31mred\u{9B}' \u{202E}txt"))
        #expect(error.description == "a\\u{1B}.csv:2: notes\\u{7}: '\\u{1B}[31mred\\u{9B}' \\u{202E}txt")
        #expect("a\tb".forbiddenControlCharacter == nil && "a\u{7F}".forbiddenControlCharacter == "\u{7F}" && "x\u{85}".forbiddenControlCharacter == "\u{85}")
    }
}

@Suite("Header folding")
struct HeaderFoldingTests {
    @Test("headers as people write them fold to the alias form, any accent included")
    func headers() {
        #expect(LogColumn.fold("Km Inizio") == "km_inizio")
        #expect(LogColumn.fold(" Ora-Presa ") == "ora_presa")
        #expect(LogColumn.fold("Quantità / Ûnità") == "quantita_unita")
    }
}
