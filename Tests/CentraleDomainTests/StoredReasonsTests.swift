import CentraleDomain
import Testing

/// The reasons the program writes are stored as fixed texts and shown in words.
@Suite struct StoredReasonsTests {
    @Test func blockReasonsRoundTripThroughTheStore() {
        let all: [BlockReason] = [
            .noneServes(comune: "048017"), .allDeclined(comune: "048017", declined: ["MIS-FIR", "PA-SCA"]),
            .noCrew(comune: "048017", needs: [.wheelchair, .escort], off: ["AUS-FIE"]),
            .noVehicle(comune: "048017", needs: [], checked: []), .full(comune: "048017", full: ["CRI-FIR"], noCrew: []),
        ]
        for reason in all {
            #expect(BlockReason(stored: reason.stored) == reason)
            #expect(TripStatusReason(stored: reason.stored) == .blocked(reason))
        }
        #expect(BlockReason(stored: "block|no_crew|048017|x|A") == nil)
        #expect(BlockReason(stored: "no association serves comune 048017") == nil)
    }

    @Test func blockReasonsNameTheComuneInTheirLanguage() {
        let reason = TripStatusReason(stored: BlockReason.noCrew(comune: "048017", needs: [.wheelchair], off: ["AUS-FIE"]).stored)
        let italian = reason.italian { $0 == "048017" ? "Firenze" : $0 }
        #expect(italian.contains("comune Firenze") && italian.contains("carrozzina") && !italian.contains("block|"))
        #expect(reason.english { _ in "Firenze" }.hasPrefix("no association serving comune Firenze has a crew"))
    }

    @Test func tripReasonsOfTheProgramAreShownInItalian() {
        #expect(TripStatusReason(stored: "declined by MIS-FIR: nessun mezzo").italian() == "rifiutato da MIS-FIR: nessun mezzo")
        #expect(TripStatusReason(stored: "the beneficiary was not there").italian() == "il beneficiario non era presente")
        let left = TripStatusReason.associationLeft(association: "PA-SCA", on: LocalDate(year: 2026, month: 3, day: 1)!)
        #expect(TripStatusReason(stored: left.stored) == left)
        #expect(left.italian() == "PA-SCA ha lasciato la convenzione il 01/03/2026")
        // What a person typed stays as typed, in both languages.
        #expect(TripStatusReason(stored: "declined by the family: ok") == .text("declined by the family: ok"))
        #expect(TripStatusReason(stored: "ha chiamato la figlia").italian() == "ha chiamato la figlia")
    }

    @Test func historyReasonsAreShownInItalian() {
        let until = LocalDate(year: 2027, month: 6, day: 30)!
        #expect(StatusChangeReason(stored: StatusChangeReason.referred(by: .socialServices).stored).italian == "segnalato da servizi sociali")
        #expect(StatusChangeReason(stored: "authorised until 2027-06-30") == .authorised(until: until))
        #expect(StatusChangeReason(stored: "authorised until 2027-06-30").italian == "autorizzato fino al 30/06/2027")
        #expect(StatusChangeReason(stored: "suspension ended early").italian == "sospensione terminata in anticipo")
        #expect(StatusChangeReason(stored: "ricovero (withdrawn)").italian == "ricovero (ritirata)")
        #expect(StatusChangeReason(stored: "referred by nobody") == .text("referred by nobody"))
    }

    @Test("a suspension withdrawn before it began is said as such, not as a one-day active entry")
    func withdrawnSuspension() {
        let day = LocalDate(year: 2026, month: 12, day: 14)!
        let withdrawn = StatusChange(status: .active, from: day, to: day, reason: "ricovero (withdrawn)")
        #expect(withdrawn.withdrawnSuspension?.from == day)
        #expect(withdrawn.withdrawnSuspension?.reason == .text("ricovero"))
        #expect(withdrawn.withdrawnText(italian: true) == "sospensione dal 14/12/2026 ritirata: ricovero")
        #expect(withdrawn.withdrawnText(italian: false) == "suspension from 2026-12-14 withdrawn: ricovero")
        #expect(StatusChange(status: .suspended, from: day, to: day, reason: "ricovero").withdrawnText(italian: true) == nil)
    }

    @Test("a cancellation at the door has one Italian name everywhere")
    func cancelledAtTheDoor() {
        #expect(TripOutcome.cancelledOnSpot.italianName == "annullato alla porta")
        #expect(TripOutcome.cancelledOnSpot.italianName == ServiceOutcome.cancelledAtDoor.italianName)
        #expect(TripStatusReason.cancelledOnSpot.italian() == "annullato alla porta")
        #expect(TripStatusReason(stored: TripStatusReason.cancelledOnSpot.stored) == .cancelledOnSpot)
    }

    @Test func adjustmentReasonsAreShownInItalian() {
        let october = YearMonth(year: 2026, month: 10)!
        #expect(AdjustmentReason(stored: AdjustmentReason.lateLog(closed: october).stored) == .lateLog(closed: october))
        #expect(AdjustmentReason(stored: "late log (2026-10 closed)").italian == "registro arrivato dopo la chiusura di ottobre 2026")
        #expect(AdjustmentReason(stored: "km review: ricevute").italian == "revisione dei km: ricevute")
        #expect(AdjustmentReason(stored: "amendment: errore di battitura").italian == "rettifica: errore di battitura")
        #expect(AdjustmentReason(stored: "late log (2026-13 closed)") == .text("late log (2026-13 closed)"))
    }
}
