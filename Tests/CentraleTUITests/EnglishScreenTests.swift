import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation
import Testing
@testable import CentraleTUI

/// The screen in English (`--lang en`, `CENTRALE_LANG=en`): every screen's words come from the
/// catalogue in English, none of the Italian ones is left, and everything still fits 80 columns.
@Suite("Dispatcher screen in English")
struct EnglishScreenTests {
    /// Words of the Italian catalogue that must not appear on an English screen.
    static let italianWords = [
        "servizi", "Servizio", "Invio", "Esc quadro", "Beneficiario", "Stato:", "s/n", "in attesa", "Bisogni", "Autorizzazione",
        "Scheda", "Nuova richiesta", "Nuovo beneficiario", "Giri", "giri", "Cerca", "cerca", "aiuto", "esci", "assegna", "Assegna",
        "annulla", "Annulla", "effettuato", "assente", "Escluse", "Prossimi", "Storia", "nessun", "Nessun", "PagSu", "quadro",
        "Promemoria", "CONFERMA", "SALITA", "BISOGNI", "STATO", "TELEFONO", "OGGI", "QUOTA", "Ora appuntamento", "Motivo", "Ritorno",
        "Ripeti", "Fino al", "proposta", "accettat", "mezz", "risparmio", "invece di", "Calcolo", "da confermare", "da assegnare",
        "obbligatorio", "Cognome", "Codice fiscale", "Segnalato", "Autorizzato", "Lasciare", "Lasciato", "scegli", "indietro", "chiudi",
        "sospendi", "altri tasti", "Trovati", "scade", "rinnovarla", "casa", "visita", "dialisi", "carrozzina",
    ]

    /// The Italian words of the catalogue found in `text`: the list above, and every fixed label
    /// whose Italian differs from its English (long enough not to be a code).
    static func italianLeft(_ text: String) -> [String] {
        let labels = ScreenLabel.allCases.filter { $0.italian != $0.english && $0.italian.count >= 8 }.map(\.italian)
        return (italianWords + labels).filter { text.contains($0) }
    }

    static let day = ScreenTests.day

    func english() -> TUIState {
        var s = ScreenTests().state()
        s.language = .en
        return s
    }

    func lines(_ s: TUIState, width: Int = 80, height: Int = 24) -> [String] {
        Layout.render(s, width: width, height: height).map { $0.map(\.text).joined() }
    }

    /// The screen fits `width`, its keys line too (before any clipping), and no Italian is left.
    func check(_ s: TUIState, width: Int = 80, height: Int = 24) -> String {
        let screen = lines(s, width: width, height: height)
        #expect(screen.count == height)
        #expect(screen.allSatisfy { $0.count <= width }, "\(screen)")
        let keys = Layout.keysLine(s, width: width)
        #expect(keys.count <= width, "the keys line fits: \(keys)")
        #expect(screen.last == keys)
        let text = screen.joined(separator: "\n")
        #expect(Self.italianLeft(text).isEmpty, "Italian left: \(Self.italianLeft(text))\n\(text)")
        return text
    }

    func press(_ s: inout TUIState, _ key: Key, times: Int = 1) {
        for _ in 0..<times { s = Reducer.reduce(s, key).0 }
    }

    static func plan(_ association: String, _ plate: String) -> DayPlan {
        let stop = PlannedStop(tripID: 2, kind: .pickup, time: LocalTime("09:02")!, label: "Via di Casa 1")
        let drop = PlannedStop(tripID: 2, kind: .dropoff, time: LocalTime("09:25")!, label: "AOU Careggi")
        return DayPlan(association: association, date: day,
                       vehicles: [VehicleSchedule(plate: plate, departure: LocalTime("08:50")!, arrival: LocalTime("09:40")!,
                                                  stops: [stop, drop], distance: Distance(metres: 20_000),
                                                  soloDistance: Distance(metres: 20_000), saving: .zero)],
                       solo: [], seed: 1)
    }

    @Test("the board: title, column headers, statuses and needs in English, the keys line fits at 80, 100 and 200 columns",
          arguments: [80, 100, 200])
    func board(width: Int) {
        let s = english()
        let text = check(s, width: width, height: 24)
        let screen = lines(s, width: width)
        #expect(screen[0].hasPrefix("Centrale · Mon 2025-03-03 · 4 trips · 1 pending · 1 unassignable"), "\(screen[0])")
        let header = screen[1]
        for title in ["TIME", "STATUS", "BENEF.", "NEEDS", "FROM → TO", "ASSOC."] { #expect(header.contains(title), "\(header)") }
        // Each header starts where its column's data starts.
        let assigned = screen.first { $0.contains("MIS-SCA") }!
        for (title, value) in [("STATUS", "assigned"), ("BENEF.", "BBRUN2"), ("NEEDS", "wchr"), ("ASSOC.", "MIS-SCA")] {
            #expect(header.range(of: title)?.lowerBound.utf16Offset(in: header) == assigned.range(of: value)?.lowerBound.utf16Offset(in: assigned),
                    "\(width): \(title)")
        }
        #expect(text.contains("08:00 pending") && text.contains("unassign.") && text.contains("done"))
        let keys = screen.last!
        #expect(keys.hasPrefix("Enter:assign") && keys.hasSuffix("?:help q:quit"), "\(keys)")
        if width >= 200 { #expect(keys.contains("d:auto-assign") && keys.contains("g:rides") && keys.contains("r:reload")) }
    }

    @Test("the board's search line, filters, empty day, approximate position and warnings, in English")
    func boardDetails() {
        var s = english()
        press(&s, .char("/"))
        for c in "sig" { press(&s, .char(c)) }
        var text = check(s)
        #expect(text.contains("Search: sig▏  (Enter to confirm, Esc to cancel)"), "\(text)")
        #expect(lines(s, width: 200)[0].contains(" · filter: search: sig"), "\(lines(s, width: 200)[0])")
        press(&s, .escape)
        press(&s, .char("f"))
        _ = check(s)
        #expect(lines(s, width: 200)[0].contains(" · filter: status: pending"), "\(lines(s, width: 200)[0])")
        // No trip with the filters, and none on the day.
        s.search = "nobody"
        #expect(check(s).contains("No trips with these filters."))
        var empty = TUIState(date: Self.day, operatorName: "giulia")
        empty.language = .en
        #expect(check(empty).contains("No trips on this day."))
        // An approximate position and a warning, explained when highlighted.
        var rows = english().rows
        rows[1].trip.pickup.approximate = true
        rows[1].warning = .plannedDriverUnavailable(driver: "V010")
        var warned = english()
        warned.reload(rows)
        warned.selected = 1
        text = check(warned)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("≈ approximate position") && text.contains("! 2: volunteer V010 of the accepted plan"), "\(text)")
        #expect(words.contains("plan the rides again (g)"), "\(text)")
        #expect(lines(warned)[0].contains("1 (!)"), "abbreviated at 80 columns: \(lines(warned)[0])")
        #expect(lines(warned, width: 200)[0].contains("1 to review (!)"))
        #expect(Labels.warning(.noCrew(needs: [.wheelchair]), .en)
                == "no crew of the association on duty at that time with a driver qualified for wheelchair: ask the association for a crew, or reassign it to another (Enter)")
    }

    @Test("the help is English, wraps at 80 columns and scrolls")
    func help() {
        var s = english()
        press(&s, .char("?"))
        let text = check(s, height: 60)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("Help") && words.contains("previous and next day") && words.contains("Esc asks to confirm if you wrote something"))
        #expect(words.contains("audit log") && text.contains("↑↓ PgUp PgDn scroll  other keys: board"))
        _ = check(s)
        press(&s, .down, times: 20)
        #expect(check(s).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ").contains("audit log"))
    }

    @Test("the request form: English labels, prefilled home and visit, errors and messages, leaving asks y/n")
    func requestForm() {
        var s = english()
        press(&s, .char("n"))
        #expect(s.form?.value(.from) == "home" && s.form?.value(.purpose) == "visit" && s.form?.value(.date) == "2025-03-03")
        var text = check(s)
        for label in ["New request", "Beneficiary (search)", "Date", "Appointment time", "From (home/place/addr)", "To (place or address)",
                      "Return (empty: none)", "Purpose", "Repeat (mon,wed,fri)", "Until"] {
            #expect(text.contains(label), "\(label): \(text)")
        }
        #expect(text.contains("Tab/↓ next field  ↑ previous  Enter on the last field: register  Esc leave"))
        #expect(RequestFormState.Field.allCases.allSatisfy { $0.name(.en).count <= 22 && $0.name(.it).count <= 22 }, "the labels' column")
        // People found as the beneficiary is typed.
        s.form?.matches = [PersonMatch(code: "BXK2P4", name: "Bellè Niccolò", status: Labels.personStatus(.active, .en), needs: [.wheelchair],
                                       authorisation: ScreenMessage.authorisedUntil(nil).text(.en))]
        text = check(s)
        #expect(text.contains("Found (Enter/Tab takes the first") && text.contains("BXK2P4") && text.contains("wchr"), "\(text)")
        s.form?.matches = []
        // Sent empty: the fields marked, in English.
        press(&s, .tab, times: 8)
        #expect(s.form?.focus == .until)
        let (sent, effects) = Reducer.reduce(s, .enter)
        s = sent
        #expect(effects.isEmpty)
        #expect(s.message == "Correct the fields marked: Beneficiary (search), Appointment time, To (place or address).", "\(s.message)")
        #expect(s.form?.errors[.beneficiary] == "required" && s.form?.errors[.time] == "time HH:MM")
        text = check(s)
        #expect(text.contains("✗ required") && text.contains("✗ time HH:MM"))
        var form = RequestFormState(date: Self.day, language: .en)
        form.values[.purpose] = "trip"
        form.values[.repeatDays] = "mon"
        #expect(form.localErrors(.en)[.purpose]?.hasPrefix("dialysis, rehabilitation, therapy, day_centre, visit") == true)
        #expect(form.localErrors(.en)[.until] == "Repeat and Until go together")
        // Something written: Esc asks, y/n; n keeps writing, y leaves.
        press(&s, .char("2"))
        #expect(s.form?.value(.until) == "2" && s.form?.isWritten == true)
        press(&s, .escape)
        #expect(s.pending != nil && s.message == "Leave the request? What you wrote is lost. y/n", "\(s.message)")
        _ = check(s)
        press(&s, .char("n"))
        #expect(s.screen == .newRequest && s.message == "Back to the form.")
        press(&s, .escape)
        press(&s, .char("y"))
        #expect(s.screen == .board && s.form == nil && s.message == "Dropped: nothing was recorded.")
        // Nothing written: Esc leaves at once.
        press(&s, .char("n"))
        press(&s, .escape)
        #expect(s.screen == .board && s.message == "Request dropped.")
    }

    @Test("the nuovo beneficiario form: English labels within their column, errors and the question in English")
    func personForm() {
        var s = english()
        s.nowDate = Self.day
        press(&s, .char("b"))
        #expect(s.personForm?.value(.valido_dal) == "2025-03-03")
        var text = check(s)
        for label in ["New beneficiary (first call from the PUA)", "Surname", "First name", "Tax code", "Date of birth", "Phone",
                      "Address", "Referred by", "Referral date", "Purposes", "Needs", "Authorised from", "Authorised until"] {
            #expect(text.contains(label), "\(label): \(text)")
        }
        #expect(PersonFormState.Field.allCases.allSatisfy { $0.name(.en).count <= 24 && $0.name(.it).count <= 24 }, "the labels' column")
        press(&s, .tab, times: PersonFormState.Field.allCases.count - 1)
        press(&s, .enter)
        #expect(s.personForm?.errors[.cognome] == "required" && s.message == "Correct the fields marked.", "\(s.message)")
        text = check(s)
        #expect(text.contains("✗ required"))
        var form = PersonFormState(today: Self.day, language: .en)
        form.values[.codice_fiscale] = "BLLNCL40A01D612B"
        #expect(form.localErrors(.en)[.codice_fiscale] == "wrong check character")
        form.values[.codice_fiscale] = "BLLNCL"
        #expect(form.localErrors(.en)[.codice_fiscale] == "16 characters")
        // Something written: leaving asks first.
        press(&s, .char("x"))
        press(&s, .escape)
        #expect(s.message == "Leave the new beneficiary? What you wrote is lost. y/n", "\(s.message)")
        // s (sì) is a yes in English too.
        press(&s, .char("s"))
        #expect(s.screen == .board && s.personForm == nil)
    }

    /// The card of a person whose authorisation expired, with a trip in each status a card lists.
    func card() -> TUIState {
        var s = TUIState(date: ItalianFirstTests.monday, operatorName: "giulia")
        s.language = .en
        s.nowDate = ItalianFirstTests.monday
        s.screen = .card("BANNA1")
        var trips: [TripRequest] = []
        let statuses: [(Int64, TripStatus)] = [(41, .pending), (42, .assigned), (43, .unassignable)]
        for (id, status) in statuses {
            var trip = ScreenTests.row(id, "07:30", status).trip
            trip.date = ItalianFirstTests.monday
            trips.append(trip)
        }
        s.card = PersonCard(code: "BANNA1", name: "Anna Rossi", status: .authorisationExpired, expiredOn: LocalDate("2026-11-30"), needs: [.wheelchair],
                            authorisation: Authorisation(purposes: [.dialysis, .visit], needs: [.wheelchair], validFrom: LocalDate("2026-01-01")!,
                                                         validUntil: LocalDate("2026-11-30")!),
                            nextTrips: trips,
                            history: [StatusChange(status: .active, from: LocalDate("2026-01-01")!, reason: ""),
                                      StatusChange(status: .suspended, from: LocalDate("2026-03-10")!, to: LocalDate("2026-03-20")!, reason: "hospital stay")])
        return s
    }

    @Test("the card: its labels, status, authorisation, trips and history in English; suspending and closing prompts")
    func cardScreen() {
        var s = card()
        // The authorisation's line is long: read at 120 columns (at 80 it is cut, as in Italian).
        var text = check(s, width: 120, height: 30)
        #expect(text.contains("Card BANNA1 · Anna Rossi"), "\(text)")
        #expect(text.contains("Status: authorisation expired on 2026-11-30: renew it") && text.contains("Needs: wheelchair"), "\(text)")
        #expect(text.contains("Authorisation: dialysis,visit, needs wheelchair, from 2026-01-01 to 2026-11-30 (expired)"), "\(text)")
        #expect(text.contains("Next trips") && text.contains("42 Mon 2026-12-07 07:30") && text.contains("History"), "\(text)")
        #expect(text.contains("2026-03-10–2026-03-20 suspended: hospital stay"), "\(text)")
        #expect(text.contains("z suspend  h close  other keys: board"))
        press(&s, .char("z"))
        #expect(s.message.hasPrefix("Suspend BANNA1: FROM TO REASON, Enter to confirm"), "\(s.message)")
        text = check(s)
        #expect(text.contains("Suspend (FROM TO REASON): ") && text.contains("Enter confirm  Esc cancel  Ctrl-U clear"))
        press(&s, .escape)
        #expect(s.cardInput == nil && s.message == "Dropped: nothing changed.")
        press(&s, .char("h"))
        #expect(s.message.hasPrefix("Close BANNA1: LAST-DAY REASON [NOTE] (") && s.message.contains("moved"), "\(s.message)")
        text = check(s)
        #expect(text.contains("Close (LAST-DAY REASON [NOTE]): "))
        // No card yet, and none at all.
        var loading = card()
        loading.card = nil
        #expect(check(loading).contains("Loading the card…"))
        var bare = card()
        bare.card?.nextTrips = []
        #expect(check(bare).contains("  none"))
    }

    @Test("the plans screen: titles, each association's line, the questions y/n and their answers, in English")
    func plansScreen() {
        var s = english()
        press(&s, .char("g"))
        var text = check(s)
        #expect(text.contains("Accepted shared rides of Mon 2025-03-03") && text.contains("No accepted rides for this day: p proposes them."), "\(text)")
        #expect(text.contains("↑↓ association  p propose the day's rides  Esc board"))
        press(&s, .char("a"))
        #expect(s.message == "No proposal to accept here: p proposes the day's rides.")
        press(&s, .char("A"))
        #expect(s.message == "No proposal to accept: p proposes the day's rides.")
        let (planning, effects) = Reducer.reduce(s, .char("p"))
        #expect(planning.message == "Planning the rides…" && effects == [.proposePlans(Self.day)])
        s.plans = [PlanOnScreen(plan: Self.plan("MIS-SCA", "AB123CD"), proposal: true), PlanOnScreen(plan: Self.plan("PA-SCA", "CD456EF"), proposal: true)]
        _ = check(s)
        // An association's line is long: read whole at 120 columns.
        text = check(s, width: 120, height: 30)
        #expect(text.contains("Shared rides of Mon 2025-03-03: 2 proposals not accepted yet") && text.contains("(1 of 2)"), "\(text)")
        #expect(text.contains("MIS-SCA: 1 trip, 1 vehicle, 20.0 km instead of 20.0 (saving ") && text.contains("proposed"), "\(text)")
        #expect(text.contains("AB123CD") && text.contains("09:02 ↑2 09:25 ↓2"))
        #expect(text.contains("↑↓ association  a accept this one  A accept all  p plan again  Esc board"))
        // a asks about the chosen association; y accepts it, in English as in Italian.
        press(&s, .char("a"))
        #expect(s.message.hasPrefix("Accept the rides of MIS-SCA: 1 trip on 1 vehicle, 20.0 km") && s.message.hasSuffix("? y/n"), "\(s.message)")
        _ = check(s)
        var accepted: [Effect]
        (s, accepted) = Reducer.reduce(s, .char("y"))
        #expect(accepted == [.acceptPlans(Self.day, associations: ["MIS-SCA"])])
        press(&s, .char("A"))
        #expect(s.message == "Accept the rides of all the 2 associations proposed (2 trips)? y/n", "\(s.message)")
        (s, accepted) = Reducer.reduce(s, .char("s"))
        #expect(accepted == [.acceptPlans(Self.day, associations: ["MIS-SCA", "PA-SCA"])])
        press(&s, .char("a"))
        press(&s, .char("n"))
        #expect(s.message == "Dropped: nothing changed.")
        s.plans[1].stale = true
        s.plans[1].proposal = false
        s.planSelected = 1
        _ = check(s)
        text = check(s, width: 200, height: 30)
        #expect(text.contains("  accepted  to redo: the assigned trips changed"), "\(text)")
        #expect(ScreenMessage.plansProposed(associations: 2, saved: Distance(metres: 3_200)).text(.en)
                == "Proposal: 2 associations, saving 3.2 km. a accepts the chosen one, A all of them (they ask to confirm).")
        #expect(ScreenMessage.plansAccepted(["MIS-SCA"]).text(.en) == "Rides of MIS-SCA accepted.")
    }

    @Test("the candidates screen: title, header, continuity, exclusions, the reason nobody can take it, in English")
    func candidates() throws {
        var s = english()
        press(&s, .enter)
        #expect(s.screen == .assign(tripID: 1))
        var text = check(s)
        #expect(text.contains("Assign trip 1: 08:00 BANNA1 (wheelchair) Via di Casa 1, Scandicci → AOU Careggi"), "\(text)")
        #expect(text.contains("Now: no association") && text.contains("Ranking the candidates…"), "\(text)")
        #expect(text.contains("↑↓ choose  Enter assign the choice  1 the first  Esc back"))
        s.candidates = ["MIS-SCA", "PA-SCA"].map { Candidate(association: $0, total: 1, terms: [], emptyDistance: .zero) }
        let excluded = try JSONDecoder().decode(Exclusion.self, from: Data(#"{"association": "AUS-SES", "rule": "coverage"}"#.utf8))
        s.exclusions = [excluded]
        text = check(s)
        #expect(text.contains("ASSOCIATION   SCORE   EMPTY KM  SHARE    CONTINUITY") && text.contains("same"), "\(text)")
        #expect(text.contains("Excluded (does not serve the comune): AUS-SES"), "\(text)")
        // The header's columns start where the candidates' do.
        let screen = lines(s)
        let header = screen.first { $0.contains("ASSOCIATION") }!, first = screen.first { $0.contains(" 1 MIS-SCA") }!
        #expect(header.range(of: "ASSOCIATION")?.lowerBound.utf16Offset(in: header) == first.range(of: "MIS-SCA")?.lowerBound.utf16Offset(in: first))
        s.candidates = []
        s.blockedReason = BlockReason.noneServes(comune: "048041").english(comuneName: { _ in "Scandicci" })
        #expect(check(s).contains("Unassignable: no association serves"), "\(lines(s))")
        #expect(ScreenMessage.ruleBroken(association: "MIS-SCA", rule: .declined).text(.en)
                == "MIS-SCA declined the trip. A forced assignment, with its reason, is made outside this screen.")
        #expect(ScreenMessage.ruleBroken(association: "MIS-SCA", rule: .declined).text(.it)
                == "MIS-SCA: ha rifiutato la corsa. Un'assegnazione forzata, con il motivo, si fa fuori da questo schermo.")
    }

    @Test("the associations and the call list, in English, fit 80 columns")
    func lists() {
        var s = english()
        s.screen = .associations
        s.associationLoads = [AssociationLoad(code: "MIS-SCA", today: 3, capacity: 8, monthShare: 1_250, conventionShare: 1_200)]
        var text = check(s)
        #expect(text.contains("TODAY / CAPACITY") && text.contains("MONTH'S SHARE") && text.contains("CONVENTION"), "\(text)")
        #expect(text.contains("12.50%") && text.contains("12.00%") && text.contains("↑↓ PgUp PgDn scroll"), "\(text)")
        s.screen = .calls(LocalDate("2025-03-04")!)
        #expect(check(s).contains("No trips to do on that day."))
        s.calls = (0..<30).map { i in
            CallRow(trip: Int64(100 + i), time: LocalTime(hour: 7 + i % 10, minute: 30)!, beneficiary: "B\(i)XYZ", name: "Persona \(i)",
                    phone: "+39 055 123456\(i % 10)", association: i % 4 == 3 ? nil : "MIS-SCA", confirmation: i % 2 == 0 ? "FP123AB/V017" : nil,
                    later: i == 0 ? [LocalTime("11:45")!] : [])
        }
        text = check(s)
        let screen = lines(s)
        #expect(screen[1].hasPrefix("Reminders Tue 2025-03-04: 31 trips, 15 to confirm") && screen[1].hasSuffix("(1–18 of 30)"), "\(screen[1])")
        #expect(screen[2].hasPrefix("PICKUP") && screen[2].contains("NAME") && screen[2].contains("PHONE") && screen[2].hasSuffix("CONFIRMED"))
        #expect(text.contains("07:30 ret.11:45") && text.contains("to confirm") && text.contains("to assign"), "\(text)")
    }

    @Test("questions end in y/n in English and s/n in Italian; s and y are both a yes, in either language")
    func answers() {
        for language in Language.allCases {
            for yes in ["s", "y", "S", "Y"] {
                var s = ScreenTests().state()
                s.language = language
                press(&s, .char("c"))
                #expect(s.message.hasSuffix(language == .it ? "? s/n" : "? y/n"), "\(s.message)")
                let (_, effects) = Reducer.reduce(s, .char(Character(yes)))
                #expect(effects == [.cancel(tripID: 1, version: 3)], "\(language) \(yes)")
            }
        }
        var s = english()
        press(&s, .char("c"))
        #expect(s.message == "Cancel trip 1 at 08:00 (BANNA1)? y/n")
        press(&s, .char("n"))
        #expect(s.message == "Dropped: nothing changed.")
        s.selected = 1
        s.nowDate = Self.day
        s.nowTime = LocalTime("09:00")
        press(&s, .char("x"))
        #expect(s.message == "Mark BBRUN2 as a no-show, trip 2 at 09:30? y/n", "\(s.message)")
        press(&s, .escape)
        s.selected = 0
        press(&s, .char("x"))
        #expect(s.message == "Only an assigned trip can be marked as a no-show.")
        press(&s, .char("u"))
        #expect(s.message == "Only a no-show can be taken back (key u).")
        s.selected = 3
        press(&s, .enter)
        #expect(s.message == "Trip 4 is done: it can no longer be assigned.", "\(s.message)")
        press(&s, .char("r"))
        #expect(s.message == "Board reloaded.")
    }

    @Test("every screen's keys line fits 80 columns, in both languages")
    func keysFit() {
        var screens: [TUIState] = []
        for language in Language.allCases {
            var s = ScreenTests().state()
            s.language = language
            for screen: Screen in [.board, .assign(tripID: 1), .help, .newRequest, .associations, .plans, .newPerson, .card("BANNA1"), .calls(Self.day)] {
                s.screen = screen
                screens.append(s)
            }
            s.screen = .card("BANNA1")
            s.cardInput = .suspend("")
            screens.append(s)
            s.screen = .plans
            s.plans = [PlanOnScreen(plan: Self.plan("MIS-SCA", "AB123CD"), proposal: true)]
            screens.append(s)
        }
        for s in screens {
            let keys = Layout.keysLine(s, width: 80)
            #expect(keys.count <= 80, "\(s.language) \(s.screen): \(keys)")
            #expect(s.language == .it || Self.italianLeft(keys).isEmpty, "\(keys)")
        }
    }

    @Test("the screen's remedies and refusals in English name keys of the screen, never a command")
    func remedies() {
        let remedies: [Remedy] = [.replan(date: "2025-03-03", association: "MIS-SCA"), .closeBeneficiary("BANNA1"), .renewAuthorisation(beneficiary: "BANNA1")]
        for remedy in remedies {
            let english = RemedyHint.render(.en)(remedy), italian = RemedyHint.render(.it)(remedy)
            #expect(english != italian && italian == RemedyHint.text(remedy))
            #expect(!english.contains("centrale ") && !english.contains("`") && !english.contains("--"))
        }
        #expect(RemedyHint.render(.en)(.replan(date: "2025-03-03", association: "MIS-SCA")) == "p plans the rides again")
        #expect(ScreenMessage.changedMeanwhile(trip: 7).text(.en).hasPrefix("Trip 7 was changed from another workstation meanwhile"))
        #expect(ScreenMessage.requestRegistered([41, 42]).text(.en) == "Request registered: 2 trips (41…42), pending.")
        #expect(ScreenMessage.requestRegistered([41, 42]).text(.it) == "Richiesta registrata: 2 servizi (41…42), in attesa.")
        #expect(ScreenMessage.assigned(trip: 3, association: "MIS-SCA").text(.it) == "Servizio 3 assegnato a MIS-SCA.")
    }
}
