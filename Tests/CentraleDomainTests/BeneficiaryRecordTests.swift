import CentraleDomain
import Testing

@Suite("Beneficiary records")
struct BeneficiaryRecordTests {
    @Test("a codice fiscale is checked for its format and its check character")
    func codiceFiscale() {
        #expect(CodiceFiscale.isValid("RSSMRA80A01H501U"))
        #expect(CodiceFiscale.isValid("RSSMRA85T10A562S"))
        #expect(CodiceFiscale.problem("RSSMRA80A01H501X")?.english.contains("wrong check character 'X' (expected 'U')") == true)
        #expect(CodiceFiscale.problem("RSSMRA80A01H501")?.english.contains("15 characters") == true)
        #expect(CodiceFiscale.problem("RSSMRA80Z01H501U")?.english.contains("character 9") == true)
        #expect(CodiceFiscale.problem("1SSMRA80A01H501U") != nil)
        // Omocodia: digits replaced by letters are allowed, with their own check character.
        let omocode = "RSSMRA80A01H50M" + String(CodiceFiscale.checkCharacter("RSSMRA80A01H50M"))
        #expect(CodiceFiscale.isValid(omocode))
        let made = CodiceFiscale.make(surname: "Bellè", name: "Niccolò", birthDate: LocalDate("1940-01-01")!, female: false)
        #expect(made.hasPrefix("BLLNCL40A01") && CodiceFiscale.isValid(made))
        #expect(CodiceFiscale.make(surname: "Rossi", name: "Maria", birthDate: LocalDate("1950-03-05")!, female: true).hasPrefix("RSSMRA50C45"))
    }

    @Test("effective status: an active person whose authorisation ended is shown expired, a gap before a renewal not authorised")
    func effectiveStatus() {
        var person = Beneficiary(code: "B1", comune: "048041", needs: [], activatedOn: LocalDate("2025-03-01")!, referredBy: .pua)
        #expect(person.effectiveStatus(on: LocalDate("2030-01-01")!) == .active, "no authorisation recorded: the activation alone limits")
        person.authorisations = [Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate("2025-03-01")!, validUntil: LocalDate("2025-06-30")!)]
        #expect(person.status(on: LocalDate("2025-07-01")!) == .active)
        #expect(person.effectiveStatus(on: LocalDate("2025-06-30")!) == .active)
        #expect(person.effectiveStatus(on: LocalDate("2025-07-01")!) == .authorisationExpired)
        #expect(person.authorisationExpiry(on: LocalDate("2025-07-01")!) == LocalDate("2025-06-30")!)
        #expect(person.effectiveStatus(on: LocalDate("2025-02-01")!) == .referred)
        person.suspensions = [Suspension(from: LocalDate("2025-07-05")!, to: LocalDate("2025-07-10")!, reason: "ricovero")]
        #expect(person.effectiveStatus(on: LocalDate("2025-07-06")!) == .suspended)
        person.authorisations.append(Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate("2025-09-01")!, validUntil: LocalDate("2026-08-31")!))
        #expect(person.effectiveStatus(on: LocalDate("2025-07-20")!) == .notAuthorised)
        #expect(person.authorisationExpiry(on: LocalDate("2025-07-20")!) == nil)
        #expect(person.effectiveStatus(on: LocalDate("2025-09-01")!) == .active)
        person.closedOn = LocalDate("2025-12-31")!
        #expect(person.effectiveStatus(on: LocalDate("2026-01-01")!) == .closed)
    }

    @Test("an authorisation recorded over an earlier one's period replaces it from its first day; a disjoint renewal replaces nothing")
    func shortenedAuthorisation() {
        var person = Beneficiary(code: "B1", comune: "048041", needs: [], activatedOn: LocalDate("2025-01-01")!, referredBy: .pua)
        let year = Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate("2025-01-01")!, validUntil: LocalDate("2025-12-31")!)
        let renewal = Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate("2026-01-01")!, validUntil: LocalDate("2026-12-31")!)
        var shortened = year
        shortened.validUntil = LocalDate("2025-06-30")!
        person.authorisations = [year, renewal]
        #expect(person.authorisation(on: LocalDate("2025-09-01")!) == year && person.authorisation(on: LocalDate("2026-09-01")!) == renewal)
        person.authorisations = [year, shortened]
        #expect(person.authorisation(on: LocalDate("2025-06-30")!) == shortened)
        #expect(person.authorisation(on: LocalDate("2025-07-01")!) == nil)
        #expect(person.authorisationExpiry(on: LocalDate("2025-08-01")!) == LocalDate("2025-06-30")!)
        person.authorisations = [year, renewal, shortened]
        #expect(person.authorisation(on: LocalDate("2025-09-01")!) == nil && person.authorisation(on: LocalDate("2026-09-01")!) == renewal)
    }

    @Test("status: referred before activation, suspended within a suspension, closed after the closing day")
    func status() {
        var person = Beneficiary(code: "B1", comune: "048041", needs: [], activatedOn: LocalDate("2025-03-01")!, closedOn: LocalDate("2025-06-30")!,
                                 referredBy: .familyDoctor)
        person.suspensions = [Suspension(from: LocalDate("2025-04-10")!, to: LocalDate("2025-04-20")!, reason: "hospital stay")]
        #expect(person.status(on: LocalDate("2025-02-28")!) == .referred)
        #expect(person.status(on: LocalDate("2025-04-09")!) == .active)
        #expect(person.status(on: LocalDate("2025-04-10")!) == .suspended)
        #expect(person.status(on: LocalDate("2025-04-20")!) == .suspended)
        #expect(person.status(on: LocalDate("2025-04-21")!) == .active)
        #expect(person.status(on: LocalDate("2025-06-30")!) == .active)
        #expect(person.status(on: LocalDate("2025-07-01")!) == .closed)
        #expect(!person.isActive(on: LocalDate("2025-04-15")!))
    }

    @Test("the later authorisation covering a day is the one in force")
    func authorisations() {
        var person = Beneficiary(code: "B1", comune: "048041", needs: [], activatedOn: LocalDate("2025-01-01")!, referredBy: .pua)
        person.authorisations = [
            Authorisation(purposes: [.visit], needs: [], validFrom: LocalDate("2025-01-01")!, validUntil: LocalDate("2025-06-30")!),
            Authorisation(purposes: [.dialysis], needs: [.wheelchair], validFrom: LocalDate("2025-06-01")!, validUntil: LocalDate("2025-12-31")!),
        ]
        #expect(person.authorisation(on: LocalDate("2025-03-01")!)?.purposes == [.visit])
        #expect(person.authorisation(on: LocalDate("2025-06-15")!)?.purposes == [.dialysis])
        #expect(person.authorisation(on: LocalDate("2026-01-01")!) == nil)
    }

    @Test("personal changes are named by field, and the search key folds case and accents")
    func personal() {
        let a = PersonalRecord(surname: "Bellè", name: "Niccolò", codiceFiscale: "BLLNCL40A01D612A", birthDate: LocalDate("1940-01-01")!,
                               phones: ["055 123456"], street: "Via Roma", houseNumber: "12", comune: "048041",
                               position: Coordinate(latitude: 43.7, longitude: 11.2))
        var b = a
        b.phones = ["333 1"]
        b.driverNotes = "terzo piano"
        #expect(b.changedFields(from: a) == ["phones", "driver_notes"])
        #expect(a.searchKey.contains("belle") && a.searchKey.contains("niccolo") && a.searchKey.contains("055123456"))
        #expect(TextFolding.fold("NICCOLÒ Bellè") == "niccolo belle")
        #expect(a.address(comuneName: "Scandicci") == "Via Roma 12, Scandicci")
    }
}
