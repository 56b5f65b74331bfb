import CentraleOffice
import CentraleFormats
import CentraleIntake
import CentraleStore
import CentraleTariffs
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
    @Test("the command line renders a remedy as the command to type, after the problem")
    func commandLine() {
        #expect(Centrale.errorText(StoreError.refused("trip 7 already has a log", remedy: .amendLog(trip: 7, km: false)))
                == "error: trip 7 already has a log; to correct a recorded log use `centrale log amend 7 --reason …`")
        #expect(Centrale.errorText(StoreError.refused("2025-03-20 is in 2025-03, which is closed", remedy: .addLate))
                == "error: 2025-03-20 is in 2025-03, which is closed; a trip added to a closed month needs --late --reason \"…\" "
                + "(the month stays closed; its log is paid as an adjustment in the current month)")
        #expect(Centrale.errorText(StoreError.noDatabase(path: "x.sqlite"))
                == "error: no database at x.sqlite; create one with `centrale init` (or give the right path with --db or CENTRALE_DB).")
        let file = FieldError(SourceLocation(file: "f.csv", line: 6), field: "trip", "no trip 99", remedy: .findTrip(association: "MIS"))
        #expect(Centrale.errorText(FieldErrors([file]))
                == "error: f.csv:6: trip: no trip 99; check the id in `centrale trips --association MIS`\n1 problem found; nothing was written.")
        #expect(Centrale.errorText(StatementError.unknownVehicle("ZZ999ZZ", trip: 7)).hasSuffix("; to correct a recorded log use `centrale log amend 7 --reason …`"))
        for remedy in everyRemedy {
            let text = RemedyCommand.text(remedy)
            #expect(["centrale ", "`", "beneficiary ", "--"].contains { text.contains($0) }, "\(remedy): \(text)")
        }
        let refusal = IntakeRefusal(problems: [IntakeProblem("date", "B4A5H5 has no authorisation on 2026-03-02", remedy: .renewAuthorisation(beneficiary: "B4A5H5"))])
        #expect(Centrale.errorText(refusal)
                == "error: date: B4A5H5 has no authorisation on 2026-03-02; renew it with `beneficiary update B4A5H5 --valid-from … --valid-until …`")
    }

    @Test("the screen and the core's own text name no command of the command line")
    func wordsOnly() {
        for remedy in everyRemedy {
            for text in [RemedyHint.text(remedy), remedy.words] {
                #expect(!text.contains("centrale ") && !text.contains("`") && !text.contains("--"), "\(remedy): \(text)")
            }
        }
        #expect(RemedyHint.message(StoreError.refused("the trips changed", remedy: .replan(date: "2025-03-03", association: "MIS-SCA")))
                == "the trips changed; p ricalcola la proposta dei giri")
    }
}
