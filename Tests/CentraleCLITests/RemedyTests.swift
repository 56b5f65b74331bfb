import CentraleOffice
import CentraleFormats
import CentraleIntake
import CentraleStore
import CentraleTariffs
import CentraleDomain
import CentraleTUI
import Testing
@testable import centrale

/// One example of every remedy.
let everyRemedy: [Remedy] = [
    .logTemplate, .findTrip(association: nil), .findTrip(association: "MIS-SCA"), .amendLog(trip: 7, km: false),
    .amendLog(trip: 7, km: true), .submitLog, .findFlaggedTrip, .reviewFlags(month: "2025-03"), .addTariff, .loadRegistry,
    .createDatabase, .chooseDatabase, .upgradeDatabase, .replan(date: "2025-03-03", association: "MIS-SCA"),
    .resumeSuspension(beneficiary: "B4A5H5"), .cancelTrips([7, 8]), .changeActivation(beneficiary: "B4A5H5"),
    .bookAfterSuspension(beneficiary: "B4A5H5"), .renewAuthorisation(beneficiary: "B4A5H5"), .extendPurposes(beneficiary: "B4A5H5"),
    .assessNeeds(beneficiary: "B4A5H5"), .closeBeneficiary("B4A5H5"), .addLate,
]

@Suite("Remedies: the core names an action, each edge renders it")
struct RemedyTests {
    @Test("the command line renders a remedy as the command to type, after the problem, in each language")
    func commandLine() {
        #expect(Centrale.errorText(StoreError.refused(.trip(.inClosedMonth(LocalDate("2025-03-20")!)), remedy: .addLate), .en)
                == "error: 2025-03-20 is in 2025-03, which is closed; a trip added to a closed month needs --late --reason \"…\" "
                + "(the month stays closed; its log is paid as an adjustment in the current month)")
        #expect(Centrale.errorText(StoreError.refused(.trip(.inClosedMonth(LocalDate("2025-03-20")!)), remedy: .addLate))
                == "errore: il 20/03/2025 cade a marzo 2025, che è un mese chiuso; un servizio aggiunto a un mese chiuso richiede --late "
                + "--reason \"…\" (il mese resta chiuso; il suo registro è pagato come conguaglio nel mese corrente)")
        #expect(Centrale.errorText(StoreError.noDatabase(path: "x.sqlite"), .en)
                == "error: no database at x.sqlite; create one with `centrale init` (or give the right path with --db or CENTRALE_DB).")
        #expect(Centrale.errorText(StoreError.noDatabase(path: "x.sqlite"))
                == "errore: nessuna base dati in x.sqlite; creane una con `centrale init` (o indica il percorso giusto con --db o CENTRALE_DB).")
        let file = FieldError(CentraleFormats.SourceLocation(file: "f.csv", line: 6), field: "trip", Verbatim("no trip 99"), remedy: .findTrip(association: "MIS"))
        #expect(Centrale.errorText(FieldErrors([file]), .en)
                == "error: f.csv:6: trip: no trip 99; check the id in `centrale trips --association MIS`\n1 problem found; nothing was written.")
        #expect(Centrale.errorText(FieldErrors([file, file]))
                == "errore: f.csv:6: trip: no trip 99; controlla il numero in `centrale trips --association MIS`\n".repeated(2)
                + "2 problemi trovati; non è stato scritto nulla.")
        #expect(Centrale.errorText(StatementError.unknownVehicle("ZZ999ZZ", trip: 7), .en)
                .hasSuffix("; to correct a recorded log use `centrale log amend 7 --reason …`"))
        for remedy in everyRemedy {
            for language in Language.allCases {
                let text = RemedyCommand.text(remedy, language)
                #expect(["centrale ", "`", "beneficiary ", "--"].contains { text.contains($0) }, "\(remedy): \(text)")
            }
            #expect(RemedyCommand.text(remedy, .it) != RemedyCommand.text(remedy, .en))
        }
        let refusal = IntakeRefusal(problems: [IntakeProblem("date", .noAuthorisation(beneficiary: "B4A5H5", dates: [LocalDate("2026-03-02")!], periods: []),
                                                             remedy: .renewAuthorisation(beneficiary: "B4A5H5"))])
        #expect(Centrale.errorText(refusal, .en).hasPrefix("error: date: B4A5H5 has no authorisation on 2026-03-02"))
        #expect(Centrale.errorText(refusal, .en).hasSuffix("; renew it with `beneficiary update B4A5H5 --valid-from … --valid-until …`"))
        #expect(Centrale.errorText(refusal).hasSuffix("; rinnovala con `beneficiary update B4A5H5 --valid-from … --valid-until …`"))
    }

    @Test("the screen and the core's own text name no command of the command line")
    func wordsOnly() {
        for remedy in everyRemedy {
            for text in [RemedyHint.text(remedy), remedy.english, remedy.italian] {
                #expect(!text.contains("centrale ") && !text.contains("`") && !text.contains("--"), "\(remedy): \(text)")
            }
        }
        let outdated = StoreError.refused(.trip(.planOutdated(association: "MIS-SCA", date: LocalDate("2025-03-03")!, added: [7], removed: [])),
                                          remedy: .replan(date: "2025-03-03", association: "MIS-SCA"))
        #expect(RemedyHint.message(outdated).hasSuffix("; p ricalcola la proposta dei giri"))
        #expect(RemedyHint.message(outdated).hasPrefix("i servizi assegnati a MIS-SCA il 03/03/2025 sono cambiati"))
    }
}

extension String {
    func repeated(_ times: Int) -> String { String(repeating: self, count: times) }
}
