import CentraleDomain
import Testing
@testable import CentraleTUI

/// The evening-before call list (`t`).
@Suite("Dispatcher screen: the call list")
struct CallListTests {
    static let today = LocalDate("2025-03-02")!

    func rows(_ count: Int) -> [CallRow] {
        (0..<count).map { i in
            CallRow(trip: Int64(100 + i), time: LocalTime(hour: 7 + i % 10, minute: 30)!, beneficiary: "B\(i)XYZ", name: "Persona Numero \(i) Conlunghissimocognome",
                    phone: "+39 055 123456\(i % 10)", association: i % 4 == 3 ? nil : "MIS-SCA", confirmation: i % 2 == 0 ? "FP123AB/V017" : nil)
        }
    }

    @Test("t on today's board opens tomorrow's calls and asks for them; on another day's board, that day's")
    func keyOpensTomorrow() {
        var s = TUIState(date: Self.today, operatorName: "giulia")
        s.nowDate = Self.today
        let (opened, effects) = Reducer.reduce(s, .char("t"))
        #expect(opened.screen == .calls(LocalDate("2025-03-03")!))
        #expect(effects == [.loadCalls(LocalDate("2025-03-03")!)])
        s.date = LocalDate("2025-03-10")!
        #expect(Reducer.reduce(s, .char("t")).1 == [.loadCalls(LocalDate("2025-03-10")!)])
        var shown = opened
        shown.calls = rows(3)
        #expect(Reducer.reduce(shown, .char("x")).0.screen == .board, "any other key goes back to the board")
    }

    @Test("at 80×24 and 200×50 the list fits, says how many are not confirmed, and scrolls", arguments: [(80, 24), (200, 50)])
    func layout(width: Int, height: Int) {
        var s = TUIState(date: Self.today, operatorName: "giulia")
        s.screen = .calls(LocalDate("2025-03-03")!)
        s.calls = rows(30)
        let lines = Layout.render(s, width: width, height: height).map { $0.map(\.text).joined() }
        #expect(lines.allSatisfy { $0.count <= width })
        #expect(lines[1].hasPrefix("Promemoria lun 03/03/2025: 30 servizi, 15 da confermare"), "\(lines[1])")
        #expect(lines[1].hasSuffix("(1–18 di 30)") || height > 24, "the counter fits at 80 columns: \(lines[1])")
        #expect(lines.contains { $0.contains("+39 055 1234561  MIS-SCA") }, "a space between the phone and the association")
        #expect(lines.contains { $0.contains("+39 055 1234561") && $0.contains("da confermare") })
        #expect(lines.contains { $0.contains("FP123AB/V017") })
        #expect(lines.contains { $0.contains("da assegnare") })
        #expect(lines.last?.contains("scorri") == true)
        // PagGiù shows the next rows, none skipped (the program's page at 24 lines is 19).
        if height == 24 {
            var long = s
            long.calls = rows(60)
            let next = Reducer.reduce(long, .pageDown, pageSize: 19).0
            let paged = Layout.render(next, width: width, height: height).map { $0.map(\.text).joined() }
            #expect(paged.contains { $0.contains(" B18XYZ ") } && paged[1].contains("(19–36 di 60)"), "\(paged[1])")
        }
        s.listTop = 25
        let scrolled = Layout.render(s, width: width, height: height).map { $0.map(\.text).joined() }
        #expect(scrolled.contains { $0.contains(" B29XYZ ") })
    }

    @Test("a person with an outward and a return trip is one line, with both pickups; confirmed only when both are")
    func onePersonOneLine() {
        let outward = CallRow(trip: 7, time: LocalTime("06:52")!, beneficiary: "BANNA1", name: "Anna Rossi", phone: "055 1", association: "MIS-SCA",
                              confirmation: "FP123AB/V017")
        let back = CallRow(trip: 8, time: LocalTime("11:45")!, beneficiary: "BANNA1", name: "Anna Rossi", phone: "055 1", association: "MIS-SCA",
                           confirmation: nil)
        let other = CallRow(trip: 9, time: LocalTime("08:10")!, beneficiary: "BBRUN2", name: "Bruno Bianchi", phone: "055 2", association: "PA-SCA",
                            confirmation: "FP999ZZ/V002")
        var elsewhere = other
        elsewhere.trip = 10
        elsewhere.time = LocalTime("17:00")!
        elsewhere.association = "CRI-SCA"
        let mixed = CallRow.perPerson([other, elsewhere])
        #expect(mixed.count == 1 && mixed[0].association == "PA-SCA/CRI-SCA")
        let declined = CallRow(trip: 11, time: LocalTime("17:00")!, beneficiary: "BBRUN2", name: "Bruno Bianchi", phone: "055 2", association: nil,
                               confirmation: nil)
        let unheld = CallRow.perPerson([other, declined])
        #expect(unheld[0].association == "PA-SCA" && unheld[0].unassigned == 1 && unheld[0].confirmation == nil)
        var screen = TUIState(date: Self.today, operatorName: "giulia")
        screen.screen = .calls(LocalDate("2025-03-03")!)
        screen.calls = unheld
        #expect(Layout.render(screen, width: 80, height: 24).map { $0.map(\.text).joined() }.contains { $0.contains("BBRUN2") && $0.hasSuffix("da assegnare") })
        let lines = CallRow.perPerson([back, other, outward])
        #expect(lines.map(\.beneficiary) == ["BANNA1", "BBRUN2"], "by the first pickup")
        #expect(lines[0].trip == 7 && lines[0].later == [LocalTime("11:45")!] && lines[0].trips == 2 && lines[0].unconfirmed == 1)
        #expect(lines[0].confirmation == nil, "the return is not confirmed yet")
        var s = TUIState(date: Self.today, operatorName: "giulia")
        s.screen = .calls(LocalDate("2025-03-03")!)
        s.calls = lines
        for width in [80, 200] {
            let text = Layout.render(s, width: width, height: 24).map { $0.map(\.text).joined() }
            #expect(text.allSatisfy { $0.count <= width })
            #expect(text[1].hasPrefix("Promemoria lun 03/03/2025: 3 servizi, 1 da confermare"), "\(text[1])")
            #expect(text.contains { $0.hasPrefix("06:52 rit.11:45 BANNA1") && $0.contains("da confermare") }, "\(text)")
            #expect(text.filter { $0.contains("BANNA1") }.count == 1)
            #expect(!text.contains { $0.contains("Rossi055") || $0.contains("Bianchi055") }, "a space after the name")
        }
    }
}
