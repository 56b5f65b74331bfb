import CentraleDomain
import Testing
@testable import CentraleTUI

@Suite("Dispatcher screen: beneficiaries (without a terminal)")
struct PeopleScreenTests {
    func state() -> TUIState {
        var s = TUIState(date: ScreenTests.day, operatorName: "giulia")
        s.reload([ScreenTests.row(1, "08:00", .pending), ScreenTests.row(2, "09:30", .assigned, beneficiary: "BBRUN2", association: "MIS-SCA")])
        return s
    }

    func type(_ s: inout TUIState, _ text: String) -> [Effect] {
        var effects: [Effect] = []
        for c in text { let (next, e) = Reducer.reduce(s, .char(c)); s = next; effects += e }
        return effects
    }

    func text(_ s: TUIState) -> [String] { Layout.render(s, width: 100, height: 30).map { $0.map(\.text).joined() } }

    @Test("the person is found as one types; leaving the field takes the first found, with status, needs and authorisation shown")
    func findAsYouType() {
        var s = state()
        (s, _) = Reducer.reduce(s, .char("n"))
        #expect(type(&s, "b") == [])
        let effects = type(&s, "e")
        #expect(effects == [.findPeople("be")])
        s.form?.matches = [PersonMatch(code: "BXK2P4", name: "Bellè Niccolò", status: "attivo", needs: [.wheelchair], authorisation: "dialisi,visita fino al 31/12/2025"),
                           PersonMatch(code: "BQ9R7T", name: "Bellini Anna", status: "sospeso", needs: [], authorisation: "visita fino al 30/06/2025")]
        let screen = text(s)
        #expect(screen.contains { $0.contains("BXK2P4") && $0.contains("Bellè Niccolò") && $0.contains("attivo") && $0.contains("carr")
                                 && $0.contains("dialisi,visita fino al 31/12/2025") })
        #expect(screen.contains { $0.contains("BQ9R7T") && $0.contains("sospeso") })
        var leave: [Effect]
        (s, leave) = Reducer.reduce(s, .tab)
        #expect(s.form?.value(.beneficiary) == "BXK2P4" && s.form?.matches == [] && leave == [.lookup(.beneficiary, "BXK2P4")])
        // A code typed in full is kept even when others match too.
        var t = state()
        (t, _) = Reducer.reduce(t, .char("n"))
        _ = type(&t, "BQ9R7T")
        t.form?.matches = s.form?.matches ?? []
        t.form?.matches = [PersonMatch(code: "BXK2P4", name: "x", status: "attivo", needs: [], authorisation: ""),
                           PersonMatch(code: "BQ9R7T", name: "y", status: "attivo", needs: [], authorisation: "")]
        (t, _) = Reducer.reduce(t, .enter)
        #expect(t.form?.value(.beneficiary) == "BQ9R7T")
        // Backspacing under two characters clears the list.
        var u = state()
        (u, _) = Reducer.reduce(u, .char("n"))
        _ = type(&u, "be")
        u.form?.matches = [PersonMatch(code: "B1", name: "x", status: "attivo", needs: [], authorisation: "")]
        (u, _) = Reducer.reduce(u, .backspace)
        #expect(u.form?.matches == [])
    }

    @Test("the nuovo beneficiario form checks what it can, then asks to register with the import's fields")
    func newPerson() {
        var s = state()
        s.nowDate = LocalDate("2025-03-01")
        (s, _) = Reducer.reduce(s, .char("b"))
        #expect(s.screen == .newPerson && s.personForm?.value(.valido_dal) == "01/03/2025")
        #expect(text(s).contains { $0.contains("Nuovo beneficiario") })
        var effects: [Effect] = []
        for _ in PersonFormState.Field.allCases.dropLast() { (s, _) = Reducer.reduce(s, .tab) }
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects.isEmpty && s.personForm?.errors[.cognome] == "obbligatorio" && s.message.contains("Correggi"))
        var form = PersonFormState(today: LocalDate("2025-03-01")!)
        form.values = [.cognome: "Bellè", .nome: "Niccolò", .codice_fiscale: "BLLNCL40A01D612B", .data_nascita: "01/01/1940", .indirizzo: "Via Roma 12",
                       .comune: "Scandicci", .segnalato_da: "PUA", .data_segnalazione: "2025-02-20", .motivi: "dialisi", .valido_dal: "2025-03-01",
                       .valido_al: "2025-12-31"]
        #expect(form.localErrors() == [.codice_fiscale: "carattere di controllo sbagliato"])
        form.values[.codice_fiscale] = "BLLNCL40A01D612A"
        form.focus = .valido_al
        s.personForm = form
        (s, effects) = Reducer.reduce(s, .enter)
        guard case .registerPerson(let fields)? = effects.first else { Issue.record("no registration: \(effects)"); return }
        #expect(fields["cognome"] == "Bellè" && fields["codice_fiscale"] == "BLLNCL40A01D612A" && fields["motivi"] == "dialisi")
        (s, _) = Reducer.reduce(s, .escape)
        #expect(s.screen == .newPerson && s.message.contains("s/n"), "a filled form is not dropped without asking")
        (s, _) = Reducer.reduce(s, .char("s"))
        #expect(s.screen == .board && s.personForm == nil)
    }

    @Test("the card shows status, authorisation and its expiry, next trips; suspends and closes with a reason")
    func card() {
        var s = state()
        s.nowDate = LocalDate("2025-12-10")
        var effects: [Effect]
        (s, effects) = Reducer.reduce(s, .char("p"))
        #expect(s.screen == .card("BANNA1") && effects == [.loadCard("BANNA1")])
        var trip = ScreenTests.row(41, "07:30", .pending).trip
        trip.date = LocalDate("2025-12-12")!
        trip.destination.placeCode = "DIA-CAREGGI"
        s.card = PersonCard(code: "BANNA1", name: "Test Anna", status: .active, needs: [.wheelchair],
                            authorisation: Authorisation(purposes: [.dialysis], needs: [.wheelchair], validFrom: LocalDate("2025-01-01")!,
                                                         validUntil: LocalDate("2025-12-31")!),
                            nextTrips: [trip], history: [StatusChange(status: .active, from: LocalDate("2025-01-01")!, reason: "")])
        let screen = text(s)
        #expect(screen.contains { $0.contains("Stato: attivo") && $0.contains("Bisogni: carrozzina") })
        #expect(screen.contains { $0.contains("dialisi, bisogni carrozzina, dal 01/01/2025 al 31/12/2025") && $0.contains("scade tra 21 giorni") })
        #expect(screen.contains { $0.contains("41 ven 12/12/2025 07:30 Via di Casa 1, Scandicci → DIA-CAREGGI in attesa") }, "\(screen)")
        #expect(screen.contains { $0.contains("01/01/2025 attivo") })
        (s, _) = Reducer.reduce(s, .char("z"))
        #expect(s.cardInput == .suspend(""))
        _ = type(&s, "12/12/2025 2025-12-20 ricovero a Careggi")
        #expect(text(s).contains { $0.contains("Sospendi") && $0.contains("ricovero a Careggi") })
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects == [.suspendPerson(code: "BANNA1", from: LocalDate("2025-12-12")!, to: LocalDate("2025-12-20")!, reason: "ricovero a Careggi")])
        // Closing: the reason by its Italian name (in the feminine too) or its code; anything else is refused, listing the Italian names.
        (s, _) = Reducer.reduce(s, .char("h"))
        #expect(s.message.contains("concluso, trasferito, deceduto, non più avente diritto, rinuncia") && !s.message.contains("moved"))
        _ = type(&s, "31/12/2025 traslocata")
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects.isEmpty && s.message.contains("non più avente diritto") && !s.message.contains("no_longer_eligible"))
        for _ in 0..<"traslocata".count { (s, _) = Reducer.reduce(s, .backspace) }
        _ = type(&s, "trasferita a Bologna")
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects == [.closePerson(code: "BANNA1", on: LocalDate("2025-12-31")!, reason: .moved, note: "a Bologna")])
        (s, _) = Reducer.reduce(s, .char("h"))
        _ = type(&s, "2025-12-31 Non più avente diritto")
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects == [.closePerson(code: "BANNA1", on: LocalDate("2025-12-31")!, reason: .noLongerEligible, note: nil)])
        (s, _) = Reducer.reduce(s, .char("h"))
        _ = type(&s, "2025-12-31 moved a Bologna")
        (s, effects) = Reducer.reduce(s, .enter)
        #expect(effects == [.closePerson(code: "BANNA1", on: LocalDate("2025-12-31")!, reason: .moved, note: "a Bologna")], "the code is taken too")
        (s, _) = Reducer.reduce(s, .char("q"))
        #expect(s.screen == .board)
    }
}
