import CentraleDispatch
import CentraleDomain
import CentraleFormats
@testable import CentraleRendering
import CentraleReport
import CentraleTariffs
import Testing

/// The tester's findings on the Italian outputs: thousands grouped in every km, € and count for
/// people (never in a CSV cell), no `-0 %`, plurals and agreement, the glossary's words
/// (*conguaglio* for an adjustment, *da rivedere* for a flag not reviewed, *annullato alla porta*).
@Suite("Italian wording: numbers, plurals and the glossary's words")
struct ItalianWordingTests {
    @Test("a km flag groups the thousands of its percentage and km in Italian; English stays the machine form")
    func flagGroupsThousands() {
        let driven = Distance(metres: 1_234_500), estimated = Distance(metres: 17_800)
        #expect(StatementRenderer.kmFlag(driven: driven, estimated: estimated, stored: "x", language: .it)
                == "+6.835 % (1.234,5 km registrati, 17,8 km stimati)")
        #expect(StatementRenderer.kmFlag(driven: driven, estimated: estimated, stored: "x", language: .en)
                == "+6835% (1234.5 km logged, 17.8 km estimated)")
        #expect(Language.it.count(1001) == "1.001" && Language.en.count(1001) == "1001")
        #expect(Language.it.signedPercent(-45) == "-45 %" && Language.it.signedPercent(0) == "0 %" && Language.en.signedPercent(6837) == "+6837%")
    }

    @Test("the month's summary groups its counts in Markdown, not in CSV cells")
    func summaryCounts() throws {
        var big = try Fixture.statement()
        big.entries = Array(repeating: big.entries[0], count: 1234)
        let markdown = StatementRenderer.summary([big], format: .md)
        #expect(markdown.contains("| \(big.association) | 1.234 |"), "\(markdown)")
        #expect(markdown.contains("| **totale** | 1.234 |"), "\(markdown)")
        let csv = StatementRenderer.summary([big], format: .csv)
        #expect(csv.contains(";1234;") && !csv.contains("1.234;"), "\(csv)")
        #expect(csv.hasPrefix("\u{FEFF}associazione;servizi;km;diretti_eur;indiretti_eur;totale_eur;da_rivedere"))
    }

    @Test("the report groups its counts in Markdown and HTML; its CSV keeps plain numbers")
    func reportCounts() throws {
        var report = try Fixture.report()
        report.purposes[0].trips = 1820
        report.comuni[0].trips = 1001
        report.associations[0].trips = 1500
        report.sharedRides.plans = 12
        report.sharedRides.plannedTrips = 3482
        report.people.expiringNextMonth = 1200
        let markdown = try ReportRenderer.render(report, format: .md)
        #expect(markdown.contains(": 1.820\n"), "\(markdown)")
        #expect(markdown.contains("| \(report.comuni[0].name) | \(Language.it.count(report.comuni[0].population)) | 1.001 |"), "\(markdown)")
        #expect(markdown.contains("| \(report.associations[0].code) | 1.500 |"), "\(markdown)")
        #expect(markdown.contains("3.482 servizi sui giri"), "\(markdown)")
        #expect(markdown.contains("Autorizzazioni in scadenza il mese prossimo: 1.200"), "\(markdown)")
        #expect(markdown.contains("| Km da rivedere |") && !markdown.contains("da verificare"))
        let html = try ReportRenderer.render(report, format: .html)
        #expect(html.contains(">1.820</td>") && html.contains(">1.200</td>") && !html.contains(">1820<"), "counts in the page's tables")
        let csv = try ReportRenderer.render(report, format: .csv)
        #expect(csv.contains(";1820\r\n") && !csv.contains("1.820"), "a CSV cell is a number without grouping")
        #expect(csv.contains(";km da rivedere;"))
        // English: the machine form, as before.
        let english = try ReportRenderer.render(report, format: .md, language: .en)
        #expect(english.contains(": 1820\n") && english.contains("3482 "), "\(english)")
    }

    @Test("a statement says conguaglio for an adjustment, da rivedere for a flag not reviewed")
    func statementWords() throws {
        let markdown = try StatementRenderer.render(Fixture.statement(), format: .md)
        #expect(markdown.contains("## Conguagli per servizi di mesi chiusi"), "\(markdown)")
        #expect(markdown.contains("| conguagli | "), "\(markdown)")
        #expect(!markdown.contains("Rettifiche") && !markdown.contains("| rettifiche |"))
        #expect(markdown.contains("da rivedere") && !markdown.contains("da verificare"), "\(markdown)")
        let html = try StatementRenderer.render(Fixture.statement(), format: .html)
        #expect(html.contains("<h2>Conguagli per servizi di mesi chiusi</h2>") && !html.contains("Rettifiche"))
        let csv = try StatementRenderer.render(Fixture.statement(), format: .csv)
        #expect(csv.contains(";conguaglio;") && !csv.contains(";rettifica;"), "\(csv)")
        #expect(StatementLabels.italian.itemName(.cancelledOnSpot) == "annullato alla porta")
        #expect(StatementLabels.italian.outcomeName(.cancelledOnSpot) == ServiceOutcome.cancelledAtDoor.italianName)
        #expect(StatementLabels.english.adjustment == "adjustment" && StatementLabels.english.adjustmentsTitle == "Adjustments for trips of closed months")
    }

    @Test("dispatch --explain: no -0 %, and an exclusion agrees with the number of associations")
    func dispatchExplain() {
        #expect(DispatchReport.shareDeviation(-0.003, .it) == "0 %")
        #expect(DispatchReport.shareDeviation(0.004, .en) == "0%")
        #expect(DispatchReport.shareDeviation(-0.92, .it) == "-92 %")
        #expect(DispatchReport.shareDeviation(0.031, .en) == "+3%")
        #expect(DispatchReport.decimal(-0.04, .it) == "0,0")
        #expect(DispatchReport.decimal(-1.26, .it) == "-1,3")
        #expect(DispatchWords.excluded(.capacity, ["AUS-SCA"]).italian
                == "Esclusa, \(HardRule.capacity.italianSummary): AUS-SCA")
        #expect(DispatchWords.excluded(.coverage, ["AUS-FIE", "AUS-LAS"]).italian
                == "Escluse, non servono il comune del servizio: AUS-FIE, AUS-LAS")
        #expect(DispatchWords.excluded(.coverage, ["AUS-FIE"]).english == "Excluded, does not serve the trip's comune: AUS-FIE")
    }

    @Test("a day sheet names one driver autista, several autisti")
    func sheetDrivers() {
        let stop = DaySheet.Stop(time: LocalTime("08:00")!, kind: .pickup, trip: 1, beneficiary: "B1", address: "Via Roma 1", needs: [],
                                 notes: "", phone: "")
        let sheet = DaySheet(association: "MIS-SCA", associationName: "Misericordia di Scandicci", date: LocalDate("2025-03-03")!, fromPlan: false,
                             routes: [DaySheet.Route(plate: "BL583LJ", drivers: ["VMIS01", "VMIS08"], stops: [stop]),
                                      DaySheet.Route(plate: "FP123AB", drivers: ["VMIS02"], stops: [stop])],
                             unconfirmed: [])
        let italian = DaySheetRenderer.render(sheet, format: .md)
        #expect(italian.contains("## Mezzo BL583LJ, autisti VMIS01, VMIS08\n"), "\(italian)")
        #expect(italian.contains("## Mezzo FP123AB, autista VMIS02\n"), "\(italian)")
        let html = DaySheetRenderer.render(sheet, format: .html, language: .en)
        #expect(html.contains("<h2>Vehicle BL583LJ, drivers VMIS01, VMIS08</h2>") && html.contains("<h2>Vehicle FP123AB, driver VMIS02</h2>"))
    }
}
