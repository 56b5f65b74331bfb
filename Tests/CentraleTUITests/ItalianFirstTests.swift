import CentraleDomain
import CentraleFormats
import Testing
@testable import CentraleTUI

/// Issue 16, "Italian first": what the dispatcher reads is Italian by default — dates
/// `dd/mm/yyyy` with the Italian weekday, statuses and reasons by their Italian names — and
/// English (ISO dates) when the screen's language is English; prompts clear with Ctrl-U; a
/// prefilled value is replaced by the first character typed; an unknown place is flagged.
@Suite("Dispatcher screen: Italian first (issue 16)")
struct ItalianFirstTests {
    /// A Monday.
    static let monday = LocalDate("2026-12-07")!

    static let places = PlaceBook(
        places: [Place(code: "OSP-CAREGGI", name: "AOU Careggi", kind: .hospital, comune: "048017",
                       location: Coordinate(latitude: 43.8, longitude: 11.24), address: "Largo Brambilla 3")],
        comuni: [Comune(istatCode: "048041", name: "Scandicci", population: 50_000, centroid: Coordinate(latitude: 43.75, longitude: 11.19))])

    func lines(_ s: TUIState) -> [String] { Layout.render(s, width: 120, height: 30).map { $0.map(\.text).joined() } }

    func type(_ s: inout TUIState, _ text: String) {
        for c in text { s = Reducer.reduce(s, .char(c)).0 }
    }

    func press(_ s: inout TUIState, _ key: Key, times: Int = 1) {
        for _ in 0..<times { s = Reducer.reduce(s, key).0 }
    }

    /// The board of the Monday with one assigned trip at 09:30.
    func board() -> TUIState {
        var s = TUIState(date: Self.monday, operatorName: "giulia")
        var row = ScreenTests.row(2, "09:30", .assigned, association: "MIS-SCA")
        row.trip.date = Self.monday
        s.reload([row])
        return s
    }

    /// The card of a person whose authorisation expired, with a trip in each status a card lists.
    func card() -> TUIState {
        var s = TUIState(date: Self.monday, operatorName: "giulia")
        s.nowDate = Self.monday
        s.screen = .card("BANNA1")
        let statuses: [(Int64, TripStatus)] = [(41, .pending), (42, .assigned), (43, .unassignable)]
        var trips: [TripRequest] = []
        for (id, status) in statuses {
            var trip = ScreenTests.row(id, "07:30", status).trip
            trip.date = Self.monday
            trips.append(trip)
        }
        s.card = PersonCard(code: "BANNA1", name: "Anna Rossi", status: .authorisationExpired, expiredOn: LocalDate("2026-11-30"), needs: [.wheelchair],
                            authorisation: Authorisation(purposes: [.dialysis, .visit], needs: [.wheelchair], validFrom: LocalDate("2026-01-01")!,
                                                         validUntil: LocalDate("2026-11-30")!),
                            nextTrips: trips,
                            history: [StatusChange(status: .active, from: LocalDate("2026-01-01")!, reason: ""),
                                      StatusChange(status: .suspended, from: LocalDate("2026-03-10")!, to: LocalDate("2026-03-20")!, reason: "ricovero")])
        return s
    }

    // MARK: 1. Dates

    @Test("the title bar and the plans screen say the day as lun 07/12/2026; in English Mon 2026-12-07")
    func titleAndPlansDates() {
        var s = board()
        #expect(lines(s)[0].hasPrefix("Centrale · lun 07/12/2026 · 1 servizio ·"), "\(lines(s)[0])")
        #expect(!lines(s)[0].contains("2026-12-07"))
        s = Reducer.reduce(s, .char("g")).0
        #expect(s.screen == .plans && lines(s)[1] == "Giri condivisi accettati del lun 07/12/2026", "\(lines(s)[1])")
        s.language = .en
        #expect(lines(s)[1] == "Accepted shared rides of Mon 2026-12-07")
        s.screen = .board
        #expect(lines(s)[0].hasPrefix("Centrale · Mon 2026-12-07 · "), "\(lines(s)[0])")
        #expect(Labels.day(LocalDate("2026-12-13")!, .it) == "dom 13/12/2026" && Labels.date(Self.monday, .it) == "07/12/2026")
    }

    @Test("the person card's dates are dd/mm/yyyy: expiry, authorisation, next trips with their weekday, history")
    func cardDates() {
        var s = card()
        let text = lines(s).joined(separator: "\n")
        #expect(text.contains("Stato: autorizz. scaduta il 30/11/2026: rinnovarla"), "\(text)")
        #expect(text.contains("Autorizzazione: dialisi,visita, bisogni carrozzina, dal 01/01/2026 al 30/11/2026 (scaduta)"), "\(text)")
        #expect(text.contains("42 lun 07/12/2026 07:30 Via di Casa 1, Scandicci → OSP-CAREGGI assegnato"), "\(text)")
        #expect(text.contains("01/01/2026 attivo") && text.contains("10/03/2026–20/03/2026 sospeso: ricovero"), "\(text)")
        #expect(!text.contains("2026-"), "no ISO date left: \(text)")
        s.language = .en
        let english = lines(s).joined(separator: "\n")
        #expect(english.contains("authorisation expired on 2026-11-30: renew it") && english.contains("42 Mon 2026-12-07 07:30"), "\(english)")
    }

    @Test("a no-show too early and an undo on another day say the trip's day as 07/12/2026")
    func noShowDates() {
        var s = board()
        s.nowDate = Self.monday
        s.nowTime = LocalTime("08:00")
        s = Reducer.reduce(s, .char("x")).0
        #expect(s.pending == nil && s.message == "Servizio 2 del 07/12/2026 09:30: assenza segnabile dalle 08:30 di quel giorno.", "\(s.message)")
        var english = s
        english.language = .en
        english = Reducer.reduce(english, .char("x")).0
        #expect(english.message == "Trip 2 of 2026-12-07 09:30: a no-show can be marked from 08:30 that day.", "\(english.message)")
        s.rows[0].trip.status = .noShow
        s.nowDate = Self.monday.adding(days: 1)
        s = Reducer.reduce(s, .char("u")).0
        #expect(s.pending == nil && s.message == "L'assenza del servizio 2 si annulla solo il giorno stesso (07/12/2026).", "\(s.message)")
    }

    @Test("the suspension, closing and registration messages say their days as dd/mm/yyyy")
    func messageDates() {
        #expect(ScreenMessage.suspended(code: "BANNA1", from: Self.monday, to: LocalDate("2026-12-20")!, cancelled: 1).text(.it)
                == "BANNA1 sospeso dal 07/12/2026 al 20/12/2026: 1 servizio annullato.")
        #expect(ScreenMessage.suspended(code: "BANNA1", from: Self.monday, to: LocalDate("2026-12-20")!, cancelled: 2).text(.en)
                == "BANNA1 suspended from 2026-12-07 to 2026-12-20: 2 trips cancelled.")
        #expect(ScreenMessage.registered(code: "B1", from: LocalDate("2025-03-01")!, until: LocalDate("2025-12-31")!).text(.it)
                == "Registrato B1: attivo dal 01/03/2025 al 31/12/2025.")
        #expect(ScreenMessage.authorisedUntil(Authorisation(purposes: [.visit], needs: [], validFrom: Self.monday, validUntil: LocalDate("2026-12-31")!))
                .text(.it) == "visita fino al 31/12/2026")
        let hint = ScreenMessage.beneficiaryHint(comune: "Scandicci", status: .active, needs: [], activeFrom: LocalDate("2026-01-01")!, closedOn: nil,
                                                 authorisation: nil, hasAuthorisations: true, day: Self.monday).text(.it)
        #expect(hint == "Scandicci, attivo, nessuno, attivo dal 01/01/2026; nessuna autorizzazione il 07/12/2026")
    }

    // MARK: 2. Trip statuses

    @Test("trip statuses go by their Italian names, on the card as on the board; English names in English")
    func statuses() {
        #expect(TripStatus.allCases.map { Labels.statusName($0, .it) }
                == ["in attesa", "assegnato", "effettuato", "assente", "annullato", "non assegnabile"])
        #expect(TripStatus.allCases.allSatisfy { Labels.statusName($0, .it) != $0.rawValue })
        #expect(TripStatus.allCases.map { Labels.statusName($0, .en) } == ["pending", "assigned", "done", "no-show", "cancelled", "unassignable"])
        var s = card()
        let trips = lines(s).filter { $0.contains(" → OSP-CAREGGI ") }
        #expect(trips.count == 3)
        #expect(trips[0].hasSuffix("in attesa") && trips[1].hasSuffix("assegnato") && trips[2].hasSuffix("non assegnabile"), "\(trips)")
        #expect(!trips.contains { $0.contains("pending") || $0.contains("assigned") || $0.contains("unassignable") })
        s.language = .en
        #expect(lines(s).contains { $0.hasPrefix("  42 ") && $0.hasSuffix(" assigned") })
        // The board, and the message of a trip that can no longer be assigned.
        var done = board()
        done.rows[0].trip.status = .done
        done = Reducer.reduce(done, .enter).0
        #expect(done.message == "Il servizio 2 è effettuato: non si assegna più.")
    }

    // MARK: 3. No English word

    @Test("closing says trasferito, not moved; the dispatch says Assegnazione automatica; the close prompt lists the Italian reasons")
    func noEnglishWords() {
        #expect(ScreenMessage.closed(code: "BANNA1", on: Self.monday, reason: .moved, cancelled: 3).text(.it)
                == "BANNA1 chiuso il 07/12/2026 (trasferito): 3 servizi annullati.")
        #expect(ScreenMessage.closed(code: "BANNA1", on: Self.monday, reason: .moved, cancelled: 3).text(.en)
                == "BANNA1 closed on 2026-12-07 (moved): 3 trips cancelled.")
        #expect(ScreenMessage.cardHistory(StatusChange(status: .closed, from: Self.monday, reason: "a Bologna", closingReason: .moved)).text(.it)
                == "07/12/2026 chiuso (trasferito): a Bologna")
        #expect(ScreenMessage.dispatched(assigned: 5, unassignable: 1, stale: 0).text(.it) == "Assegnazione automatica: 5 assegnati, 1 non assegnabile.")
        #expect(ScreenMessage.dispatched(assigned: 1, unassignable: 0, stale: 2).text(.it)
                == "Assegnazione automatica: 1 assegnato, 0 non assegnabili, 2 cambiati nel frattempo e lasciati.")
        #expect(ScreenMessage.dispatched(assigned: 5, unassignable: 1, stale: 0).text(.en) == "Dispatch: 5 assigned, 1 unassignable.")
        #expect(!Layout.keysLine(board(), width: 200).lowercased().contains("dispatch"), "\(Layout.keysLine(board(), width: 200))")
        var s = card()
        s = Reducer.reduce(s, .char("h")).0
        #expect(s.message == "Chiudi BANNA1: ULTIMO-GIORNO MOTIVO [NOTA] (concluso, trasferito, deceduto, non più avente diritto, rinuncia)", "\(s.message)")
        #expect(Labels.closingReason(parsing: ["Deceduta", "in", "ospedale"])?.reason == .deceased)
        #expect(Labels.closingReason(parsing: ["non", "piu", "avente", "diritto"])?.words == 4)
        #expect(Labels.closingReason(parsing: ["no_longer_eligible"])?.reason == .noLongerEligible)
        #expect(Labels.closingReason(parsing: ["partita"])?.reason == nil)
    }

    @Test("a suspension typed end first says so, with both days; the h prompt asks for the last day")
    func suspensionBackwards() {
        var s = card()
        press(&s, .char("z"))
        type(&s, "20/12/2026 15/12/2026 ricovero")
        let (after, effects) = Reducer.reduce(s, .enter)
        #expect(effects.isEmpty)
        #expect(after.message == "La sospensione finirebbe il 15/12/2026, prima di cominciare il 20/12/2026: scrivi prima il primo giorno, poi l'ultimo")
        #expect(ScreenLabel.closeInput.text(.it).contains("ULTIMO-GIORNO") && !ScreenLabel.closeInput.text(.it).contains("IL MOTIVO"))
    }

    @Test("Esc on a new-person form with only its prefilled values leaves without asking; after typing it asks")
    func escapeUntouchedPersonForm() {
        var s = board()
        s.nowDate = Self.monday
        press(&s, .char("b"))
        press(&s, .escape)
        #expect(s.personForm == nil && s.pending == nil)
        press(&s, .char("b"))
        type(&s, "Rossi")
        press(&s, .escape)
        #expect(s.pending != nil && s.personForm != nil)
    }

    // MARK: 4. Ctrl-U in every prompt

    @Test("Ctrl-U clears the z and h prompts of the card and the search line, as it does a form field")
    func clearPrompts() {
        var s = card()
        press(&s, .char("z"))
        type(&s, "07/12/2026 20/12")
        #expect(s.cardInput == .suspend("07/12/2026 20/12"))
        press(&s, .clearField)
        #expect(s.cardInput == .suspend("") && s.screen == .card("BANNA1"))
        type(&s, "07/12/2026 20/12/2026 ricovero")
        let (_, effects) = Reducer.reduce(s, .enter)
        #expect(effects == [.suspendPerson(code: "BANNA1", from: Self.monday, to: LocalDate("2026-12-20")!, reason: "ricovero")])
        press(&s, .escape)
        press(&s, .char("h"))
        type(&s, "31/12/2026 deceduto")
        press(&s, .clearField)
        #expect(s.cardInput == .close(""))
        var b = board()
        press(&b, .char("/"))
        type(&b, "sig")
        #expect(b.search == "sig")
        press(&b, .clearField)
        #expect(b.search == "" && b.searching)
    }

    // MARK: 5. Prefilled values

    @Test("a prefilled field of the nuovo beneficiario form is replaced by the first character typed, then typing appends")
    func prefilledPersonForm() {
        var s = board()
        s.nowDate = Self.monday
        press(&s, .char("b"))
        #expect(s.personForm?.value(.segnalato_da) == "PUA" && s.personForm?.value(.data_segnalazione) == "07/12/2026")
        #expect(s.personForm?.prefilled == Set([PersonFormState.Field.segnalato_da, .data_segnalazione, .valido_dal]))
        press(&s, .tab, times: 7)
        #expect(s.personForm?.focus == .segnalato_da)
        type(&s, "nessuno")
        #expect(s.personForm?.value(.segnalato_da) == "nessuno", "not PUAnessuno")
        // Written by the dispatcher: coming back to it, typing appends.
        press(&s, .tab)
        press(&s, .up)
        type(&s, " altro")
        #expect(s.personForm?.value(.segnalato_da) == "nessuno altro")
        // A backspace on an untouched prefilled value deletes one character; then typing appends.
        press(&s, .tab)
        press(&s, .backspace)
        #expect(s.personForm?.value(.data_segnalazione) == "07/12/202")
        type(&s, "5")
        #expect(s.personForm?.value(.data_segnalazione) == "07/12/2025")
        // Ctrl-U on one clears it; then typing appends.
        press(&s, .tab, times: 3)
        #expect(s.personForm?.focus == .valido_dal)
        press(&s, .clearField)
        type(&s, "01/01/2027")
        #expect(s.personForm?.value(.valido_dal) == "01/01/2027" && s.personForm?.prefilled.isEmpty == true)
    }

    @Test("the request form's prefilled date, origin and purpose are replaced by the first character typed; the date in the screen's language")
    func prefilledRequestForm() {
        var s = board()
        s.places = Self.places
        press(&s, .char("n"))
        #expect(s.form?.value(.date) == "07/12/2026" && s.form?.prefilled == Set([RequestFormState.Field.date, .from, .purpose]))
        press(&s, .tab, times: 3)
        #expect(s.form?.focus == .from && s.form?.replaceOnType == true)
        type(&s, "OSP-CAREGGI")
        #expect(s.form?.value(.from) == "OSP-CAREGGI" && s.form?.replaceOnType == false)
        press(&s, .tab)
        press(&s, .up)
        type(&s, "X")
        #expect(s.form?.value(.from) == "OSP-CAREGGIX", "typed by the dispatcher: it appends")
        #expect(RequestFormState(date: Self.monday, language: .en).value(.date) == "2026-12-07")
        #expect(PersonFormState(today: Self.monday, language: .en).value(.valido_dal) == "2026-12-07")
    }

    // MARK: 6. An unknown place

    @Test("an unknown destination is flagged beside A, with an Italian message naming the field, and the request is not sent")
    func unknownDestination() {
        var s = board()
        s.places = Self.places
        press(&s, .char("n"))
        type(&s, "BANNA1")
        press(&s, .tab, times: 2)
        type(&s, "09:00")
        press(&s, .tab)
        var effects: [Effect]
        (s, effects) = Reducer.reduce(s, .tab)
        #expect(s.form?.focus == .to && s.form?.hints[.from] == "casa del beneficiario" && effects.isEmpty)
        type(&s, "NOWHERE")
        (s, effects) = Reducer.reduce(s, .tab)
        #expect(effects.isEmpty, "checked on the screen, not left to the submission")
        #expect(s.form?.errors[.to]?.hasPrefix("nessun luogo corrisponde a 'NOWHERE'") == true, "\(String(describing: s.form?.errors))")
        #expect(s.message.hasPrefix("A (luogo o indirizzo): nessun luogo corrisponde a 'NOWHERE'"), "\(s.message)")
        #expect(lines(s).contains { $0.hasPrefix("A (luogo o indirizzo)") && $0.contains("✗ nessun luogo corrisponde") })
        // Sending is refused while A is unknown, naming the field.
        press(&s, .tab, times: 3)
        #expect(s.form?.focus == .until)
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects.isEmpty && s.form?.errors[.to] != nil && s.message == "Correggi i campi segnati: A (luogo o indirizzo).", "\(s.message)")
        // A registered place (by part of its name) is taken, and the request goes.
        press(&s, .up, times: 4)
        #expect(s.form?.focus == .to)
        press(&s, .clearField)
        type(&s, "careggi")
        press(&s, .tab)
        #expect(s.form?.errors[.to] == nil && s.form?.hints[.to] == "AOU Careggi")
        press(&s, .tab, times: 3)
        (s, effects) = Reducer.reduce(s, .enter)
        guard case .submitRequest(let sent)? = effects.first else { Issue.record("not sent: \(effects), \(s.message)"); return }
        #expect(sent.value(.to) == "careggi" && sent.value(.date) == "07/12/2026")
    }

    @Test("the places' check reads A and Da as the intake does: casa, an address with coordinates or in a comune, a place; English in English")
    func placeCheck() {
        #expect(Self.places.check("casa", .it) == .found("casa del beneficiario"))
        #expect(Self.places.check("Via Roma 1@43.75,11.19", .it) == .found("indirizzo con coordinate"))
        #expect(Self.places.check("Via Roma 1, Scandicci", .it) == .found("indirizzo senza coordinate: posizione al centro del comune"))
        #expect(Self.places.check("osp-careggi", .it) == .found("AOU Careggi"))
        guard case .refused(let english) = Self.places.check("NOWHERE", .en) else { Issue.record("NOWHERE found"); return }
        #expect(english.hasPrefix("no place matches 'NOWHERE'"))
        #expect(ScreenMessage.fieldProblem(.to, english).text(.en).hasPrefix("To (place or address): no place matches"))
    }
}
