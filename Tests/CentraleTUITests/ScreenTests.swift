import CentraleDispatch
import CentraleDomain
import CentralePlanning
import Testing
@testable import CentraleTUI

@Suite("Dispatcher screen (without a terminal)")
struct ScreenTests {
    static let day = LocalDate("2025-03-03")!

    static func row(_ id: Int64, _ time: String, _ status: TripStatus, beneficiary: String = "BANNA1", association: String? = nil,
                    comune: String = "Scandicci") -> BoardRow {
        let home = Stop(label: "Via di Casa 1, Scandicci", comune: "048041", location: Coordinate(latitude: 43.75, longitude: 11.19))
        let hospital = Stop(placeCode: "OSP-CAREGGI", label: "AOU Careggi", comune: "048017", location: Coordinate(latitude: 43.8, longitude: 11.24))
        return BoardRow(trip: TripRequest(id: id, beneficiary: beneficiary, date: day, pickup: home, destination: hospital,
                                          appointment: LocalTime(time)!, needs: [.wheelchair], purpose: .visit, status: status),
                        association: association, version: 3, comune: comune)
    }

    func state() -> TUIState {
        var s = TUIState(date: Self.day, operatorName: "giulia")
        s.reload([Self.row(1, "08:00", .pending), Self.row(2, "09:30", .assigned, beneficiary: "BBRUN2", association: "MIS-SCA", comune: "Signa"),
                  Self.row(3, "10:00", .unassignable), Self.row(4, "11:00", .done, association: "PA-SCA")])
        return s
    }

    @Test("on an 80-column board every row shows its destination, the headers line up with the data, and the keys line fits",
          arguments: [80, 100, 200])
    func boardAtWidth(width: Int) {
        var s = state()
        var long = Self.row(5, "12:00", .assigned, association: "AUS-SES", comune: "Sesto Fiorentino")
        long.trip.pickup = Stop(placeCode: "OSP-SANTA-MARIA-ANNUNZIATA", label: "x", comune: "048043", location: long.trip.pickup.location)
        long.trip.destination = Stop(label: "Via del Ponte di Mezzo 144, Sesto Fiorentino", comune: "048043", location: long.trip.pickup.location)
        s.reload(s.rows + [long])
        let lines = Layout.render(s, width: width, height: 24).map { $0.map(\.text).joined() }
        #expect(lines.allSatisfy { $0.count <= width })
        let header = lines[1]
        let rows = lines.dropFirst(2).filter { $0.contains(" → ") }
        #expect(rows.count == 5)
        for row in rows {
            // The origin gives way first; an address longer than the whole column keeps its street and number.
            let destination = !row.contains("12:00") ? "OSP-CAREGGI"
                : width >= 100 ? "Via del Ponte di Mezzo 144, Sesto Fiorentino" : "Via del Ponte di Mezzo 144, Sesto F…"
            #expect(row.contains("→ " + destination), "\(width): \(row)")
        }
        // Each header starts where its column's data starts.
        let assigned = rows.first { $0.contains("MIS-SCA") }!
        for (title, value) in [("STATO", "assegnato"), ("BENEF.", "BBRUN2"), ("BISOGNI", "carr"), ("ASSOC.", "MIS-SCA")] {
            #expect(header.range(of: title)?.lowerBound.utf16Offset(in: header) == assigned.range(of: value)?.lowerBound.utf16Offset(in: assigned),
                    "\(width): \(title)")
        }
        #expect(lines.last!.hasSuffix("?:aiuto q:esci"))
    }

    @Test("the request form: Italian purposes in any case, typing replaces a prefilled value, Ctrl-U clears, Esc asks before losing what was written")
    func formInput() {
        var s = state()
        var effects: [Effect]
        (s, _) = Reducer.reduce(s, .char("n"))
        #expect(s.form?.value(.purpose) == "visita" && s.form?.isWritten == false)
        // Nothing written yet: Esc leaves at once.
        (s, _) = Reducer.reduce(s, .escape)
        #expect(s.screen == .board && s.pending == nil)
        (s, _) = Reducer.reduce(s, .char("n"))
        for c in "bbrun2" { (s, _) = Reducer.reduce(s, .char(c)) }
        (s, _) = Reducer.reduce(s, .tab)
        #expect(s.form?.focus == .date && s.form?.replaceOnType == true)
        for c in "04/03/2025" { (s, _) = Reducer.reduce(s, .char(c)) }
        #expect(s.form?.value(.date) == "04/03/2025", "the prefilled date is replaced, not appended to")
        (s, _) = Reducer.reduce(s, .clearField)
        #expect(s.form?.value(.date) == "")
        for c in "2025-03-04" { (s, _) = Reducer.reduce(s, .char(c)) }
        for _ in 0..<5 { (s, _) = Reducer.reduce(s, .tab) }
        #expect(s.form?.focus == .purpose)
        for c in "Dialisi" { (s, _) = Reducer.reduce(s, .char(c)) }
        #expect(s.form?.purpose == .dialysis && s.form?.localErrors()[.purpose] == nil)
        s.form?.values[.purpose] = "centro_diurno"
        #expect(s.form?.purpose == .dayCentre)
        s.form?.values[.purpose] = "DAY CENTRE"
        #expect(s.form?.purpose == .dayCentre)
        s.form?.values[.purpose] = "gita"
        #expect(s.form?.localErrors()[.purpose]?.contains("dialisi, riabilitazione") == true)
        // Something written: Esc asks; n keeps the form, s drops it.
        (s, effects) = Reducer.reduce(s, .escape)
        #expect(s.screen == .newRequest && effects.isEmpty && s.message.contains("s/n"))
        (s, _) = Reducer.reduce(s, .char("n"))
        #expect(s.screen == .newRequest && s.form?.value(.beneficiary) == "bbrun2")
        (s, _) = Reducer.reduce(s, .escape)
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(s.screen == .board && s.form == nil && effects.isEmpty)
        // r reloads the day.
        (s, effects) = Reducer.reduce(s, .char("r"))
        #expect(effects == [.loadDay(Self.day)])
    }

    @Test("the help screen fits 80 columns: long lines wrap at spaces, no word is cut")
    func helpWraps() {
        var s = state()
        (s, _) = Reducer.reduce(s, .char("?"))
        let lines = Layout.render(s, width: 80, height: 40).map { $0.map(\.text).joined() }
        #expect(lines.allSatisfy { $0.count <= 80 })
        let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("giorno precedente e seguente") && text.contains("Esc chiede conferma se hai scritto qualcosa"))
        // At 80×24 it scrolls: the last paragraph is reached with ↓.
        let first = Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }.joined(separator: " ")
        #expect(!first.contains("storico delle modifiche"))
        for _ in 0..<20 { (s, _) = Reducer.reduce(s, .down) }
        let scrolled = Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }.joined(separator: " ")
        #expect(scrolled.contains("storico delle modifiche") && s.screen == .help)
        (s, _) = Reducer.reduce(s, .char("x"))
        #expect(s.screen == .board)
    }

    @Test("moving, filtering by status and searching")
    func navigation() {
        var s = state()
        (s, _) = Reducer.reduce(s, .down)
        #expect(s.selectedRow?.trip.id == 2)
        (s, _) = Reducer.reduce(s, .end)
        #expect(s.selectedRow?.trip.id == 4)
        (s, _) = Reducer.reduce(s, .down)
        #expect(s.selectedRow?.trip.id == 4)
        (s, _) = Reducer.reduce(s, .char("f"))
        #expect(s.statusFilter == .pending && s.visibleRows.map(\.trip.id) == [1])
        (s, _) = Reducer.reduce(s, .char("f"))
        #expect(s.statusFilter == .unassignable && s.visibleRows.map(\.trip.id) == [3])
        s.statusFilter = nil
        for key: Key in [.char("/"), .char("s"), .char("i"), .char("g"), .enter] { (s, _) = Reducer.reduce(s, key) }
        #expect(s.visibleRows.map(\.trip.id) == [2])
        #expect(!s.searching)
    }

    @Test("a trip with an approximate position is marked on the board")
    func approximate() {
        var s = state()
        var rows = s.rows
        rows[1].trip.pickup.approximate = true
        s.reload(rows)
        let text = Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }
        #expect(text.contains { $0.contains("09:30") && $0.contains("≈ Signa →") })
        #expect(text.filter { $0.contains("≈") }.count == 2 && text.contains { $0.contains("posizione approssimativa") })
        #expect(!Layout.render(state(), width: 80, height: 24).map { $0.map(\.text).joined() }.contains { $0.contains("approssimativa") })
    }

    @Test("a trip that availability left without its crew is marked, counted in the title and explained when highlighted, at 80×24 and 200×50")
    func availabilityWarning() {
        var s = state()
        var rows = s.rows
        rows[1].warning = .plannedDriverUnavailable(driver: "V010")
        s.reload(rows)
        for (width, height) in [(80, 24), (200, 50)] {
            let lines = Layout.render(s, width: width, height: height)
            #expect(lines.count == height && lines.allSatisfy { $0.reduce(0) { $0 + $1.text.count } <= width })
            let text = lines.map { $0.map(\.text).joined() }
            #expect(text[0].contains(width > 80 ? "1 da rivedere (!)" : "1 (!)"), "\(text[0])")
            #expect(text.contains { $0.contains("09:30") && $0.contains("! assegnato") })
            #expect(!text.contains { $0.contains("V010") }, "explained only when highlighted")
        }
        s.selected = 1
        let text = Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }
        let explanation = text.first { $0.hasPrefix("! 2: ") }
        #expect(explanation?.contains("il volontario V010 del giro accettato") == true, "\(text)")
        #expect(text.joined(separator: " ").split(separator: " ").joined(separator: " ").contains("rifare il giro (g)"),
                "the explanation wraps, never cut: \(text)")
        #expect(text.count == 24)
        #expect(text.dropFirst(2).filter { $0.contains(" → ") }.count == 4, "every row is still on the board")
        #expect(!text.joined().contains("driver") && !text.joined().contains("crew"), "Italian only")
    }

    @Test("filters by association and by comune cycle through the day's values")
    func moreFilters() {
        var s = state()
        (s, _) = Reducer.reduce(s, .char("A"))
        #expect(s.associationFilter == "MIS-SCA" && s.visibleRows.map(\.trip.id) == [2])
        (s, _) = Reducer.reduce(s, .char("A"))
        #expect(s.associationFilter == "PA-SCA")
        (s, _) = Reducer.reduce(s, .char("A"))
        #expect(s.associationFilter == nil && s.visibleRows.count == 4)
        (s, _) = Reducer.reduce(s, .char("C"))
        #expect(s.comuneFilter == "Scandicci" && s.visibleRows.count == 3)
        (s, _) = Reducer.reduce(s, .char("C"))
        #expect(s.comuneFilter == "Signa" && s.visibleRows.map(\.trip.id) == [2])
    }

    @Test("a no-show: only an assigned trip, not before its time, after confirmation")
    func noShow() {
        var s = state()
        #expect(Reducer.reduce(s, .char("x")).1.isEmpty)
        s.selected = 1
        s.nowDate = Self.day
        s.nowTime = LocalTime("08:00") // trip 2 at 09:30: pickup from 08:30
        var effects: [Effect]
        (s, effects) = Reducer.reduce(s, .char("x"))
        #expect(effects.isEmpty && s.pending == nil && s.message.contains("08:30") && s.message.contains("del 03/03/2025"), "\(s.message)")
        s.nowTime = LocalTime("08:45")
        (s, effects) = Reducer.reduce(s, .char("x"))
        #expect(effects.isEmpty && s.pending == Confirmation(.noShow, tripID: 2, version: 3) && s.message.contains("s/n"))
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(effects == [.markNoShow(tripID: 2, version: 3)])
        // The day before, never.
        var before = state()
        before.selected = 1
        before.nowDate = LocalDate("2025-03-02")
        before.nowTime = LocalTime("23:00")
        #expect(Reducer.reduce(before, .char("x")).1.isEmpty && Reducer.reduce(before, .char("x")).0.pending == nil)
    }

    @Test("a no-show can be taken back the same day, after confirmation, and not the day after")
    func undoNoShow() {
        var s = state()
        s.rows[1].trip.status = .noShow
        s.selected = 1
        s.nowDate = Self.day
        var effects: [Effect]
        (s, effects) = Reducer.reduce(s, .char("u"))
        #expect(effects.isEmpty && s.pending == Confirmation(.undoNoShow, tripID: 2, version: 3))
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(effects == [.undoNoShow(tripID: 2, version: 3)])
        s.nowDate = LocalDate("2025-03-04")
        (s, effects) = Reducer.reduce(s, .char("u"))
        #expect(effects.isEmpty && s.pending == nil)
    }

    @Test("a confirmation acts on the version seen when the question opened, even if the board reloaded meanwhile")
    func versionAtPrompt() {
        var s = state()
        var effects: [Effect]
        (s, _) = Reducer.reduce(s, .char("c"))
        var changed = s.rows
        changed[0].version = 4 // someone reassigned it from the CLI; the board reloads
        s.reload(changed)
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(effects == [.cancel(tripID: 1, version: 3)])
        // Assigning, likewise: the version when the candidates screen opened.
        s = state()
        (s, _) = Reducer.reduce(s, .enter)
        s.candidates = ["MIS-SCA"].map { Candidate(association: $0, total: 1, terms: [], emptyDistance: .zero) }
        changed = s.rows
        changed[0].version = 7
        s.reload(changed)
        (s, effects) = Reducer.reduce(s, .char("1"))
        #expect(effects == [.assign(tripID: 1, association: "MIS-SCA", version: 3, engineChoice: true)])
    }

    @Test("changing day loads it; quitting quits")
    func days() {
        let (next, effects) = Reducer.reduce(state(), .char("]"))
        #expect(next.date == LocalDate("2025-03-04") && effects == [.loadDay(LocalDate("2025-03-04")!)])
        #expect(Reducer.reduce(state(), .left).1 == [.loadDay(LocalDate("2025-03-02")!)])
        #expect(Reducer.reduce(state(), .char("q")).1 == [.quit])
        #expect(Reducer.reduce(state(), .char("d")).1 == [.dispatchDay(Self.day)])
    }

    @Test("assigning: the candidates screen, accepting the first or the chosen one with the version seen")
    func assign() {
        var (s, effects) = Reducer.reduce(state(), .enter)
        #expect(s.screen == .assign(tripID: 1) && effects == [.explain(tripID: 1)])
        s.candidates = ["MIS-SCA", "PA-SCA"].map { Candidate(association: $0, total: 1, terms: [], emptyDistance: .zero) }
        (s, effects) = Reducer.reduce(s, .char("1"))
        #expect(effects == [.assign(tripID: 1, association: "MIS-SCA", version: 3, engineChoice: true)] && s.screen == .board)
        (s, _) = Reducer.reduce(s, .enter)
        s.candidates = ["MIS-SCA", "PA-SCA"].map { Candidate(association: $0, total: 1, terms: [], emptyDistance: .zero) }
        (s, _) = Reducer.reduce(s, .down)
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects == [.assign(tripID: 1, association: "PA-SCA", version: 3, engineChoice: false)])
        // A trip already carried out is not reassigned.
        var done = state()
        done.selected = 3
        (done, effects) = Reducer.reduce(done, .enter)
        #expect(effects.isEmpty && done.message.contains("effettuato"))
    }

    @Test("cancelling asks for confirmation")
    func cancel() {
        var (s, effects) = Reducer.reduce(state(), .char("c"))
        #expect(effects.isEmpty && s.pending == Confirmation(.cancel, tripID: 1, version: 3) && s.message.contains("s/n"))
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(effects == [.cancel(tripID: 1, version: 3)])
        (s, _) = Reducer.reduce(state(), .char("c"))
        (s, effects) = Reducer.reduce(s, .char("n"))
        #expect(effects.isEmpty && s.pending == nil)
    }

    @Test("the layout fills the terminal exactly, at 80×24 and 200×50, with accents intact")
    func layout() {
        var s = state()
        s.message = "Servizio 1 assegnato a MIS-SCA."
        for (width, height) in [(80, 24), (200, 50)] {
            let lines = Layout.render(s, width: width, height: height)
            #expect(lines.count == height)
            #expect(lines.allSatisfy { $0.reduce(0) { $0 + $1.text.count } <= width })
            let text = lines.map { $0.map(\.text).joined() }
            #expect(text[0].hasPrefix("Centrale · lun 03/03/2025 · 4 servizi · 1 in attesa · 1 non assegn."), "\(text[0])")
            #expect(text[2].contains("08:00") && text[2].contains("in attesa") && text[2].contains("BANNA1"))
            #expect(text[height - 2] == "Servizio 1 assegnato a MIS-SCA.")
            #expect(text[height - 1].hasPrefix("Invio:assegna"))
        }
        let selected = Layout.render(s, width: 80, height: 24)[2]
        #expect(selected.allSatisfy { $0.style == .selected })
        s.screen = .help
        #expect(Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }.contains { $0.contains("PagSu PagGiù") })
    }

    @Test("a reload keeps the same trip highlighted")
    func reload() {
        var s = state()
        s.selected = 2
        var rows = s.rows
        rows.insert(Self.row(9, "07:00", .pending), at: 0)
        s.reload(rows)
        #expect(s.selectedRow?.trip.id == 3)
    }

    @Test("the plans screen: g loads the accepted plans, p proposes, a accepts the chosen association's proposal and A all, each after a yes")
    func plansScreen() {
        var s = state()
        var effects: [Effect]
        (s, effects) = Reducer.reduce(s, .char("g"))
        #expect(s.screen == .plans && effects == [.loadPlans(Self.day)])
        (s, effects) = Reducer.reduce(s, .char("a"))
        #expect(s.screen == .plans && effects.isEmpty && s.pending == nil && s.message.contains("Nessuna proposta"))
        (s, effects) = Reducer.reduce(s, .char("p"))
        #expect(effects == [.proposePlans(Self.day)])
        func plan(_ association: String, _ plate: String) -> DayPlan {
            let stop = PlannedStop(tripID: 2, kind: .pickup, time: LocalTime("09:02")!, label: "Via di Casa 1")
            let drop = PlannedStop(tripID: 2, kind: .dropoff, time: LocalTime("09:25")!, label: "AOU Careggi")
            return DayPlan(association: association, date: Self.day,
                           vehicles: [VehicleSchedule(plate: plate, departure: LocalTime("08:50")!, arrival: LocalTime("09:40")!,
                                                      stops: [stop, drop], distance: Distance(metres: 20_000),
                                                      soloDistance: Distance(metres: 20_000), saving: .zero)],
                           solo: [], seed: 1)
        }
        s.plans = ["MIS-SCA", "PA-CAL", "PA-SES", "AUS-FIE", "CRI-CAM", "MIS-FIE", "PA-LAS", "MIS-CAL", "PA-SIG", "MIS-VAG", "PA-PRA", "AUS-SES"]
            .enumerated().map { PlanOnScreen(plan: plan($0.element, "AB\($0.offset)23CD"), proposal: true) }
        var text = Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("12 proposte non ancora accettate") && text.contains("AB023CD") && text.contains("09:02 ↑2 09:25 ↓2"))
        #expect(text.contains("a accetta questa") && text.contains("A accetta tutte"))
        // The list scrolls: the last association is reached and shown.
        #expect(!text.contains("AUS-SES"))
        for _ in 0..<11 { (s, _) = Reducer.reduce(s, .down) }
        text = Layout.render(s, width: 80, height: 24).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("▶ AUS-SES") && text.contains("(12 di 12)"))
        // a asks about the chosen association only; no is nothing.
        (s, effects) = Reducer.reduce(s, .char("a"))
        #expect(effects.isEmpty && s.message.contains("Accettare i giri di AUS-SES"))
        (s, effects) = Reducer.reduce(s, .char("n"))
        #expect(effects.isEmpty && s.screen == .plans)
        (s, _) = Reducer.reduce(s, .char("a"))
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(effects == [.acceptPlans(Self.day, associations: ["AUS-SES"])])
        // A asks about all of them, naming how many.
        (s, _) = Reducer.reduce(s, .char("A"))
        #expect(s.message.contains("tutte le 12 associazioni proposte"))
        (s, effects) = Reducer.reduce(s, .char("s"))
        #expect(effects == [.acceptPlans(Self.day, associations: s.plans.map(\.plan.association))])
        (s, _) = Reducer.reduce(s, .escape)
        #expect(s.screen == .board)
    }
}
