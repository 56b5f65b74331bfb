import CentraleDomain
import CentraleFormats
@testable import CentraleRendering
import Foundation
import Testing

/// The Italian side of every output: Italian words (no phrase of the English catalogue),
/// Italian numbers and dates, correct plurals; JSON machine-neutral in both languages.
@Suite("Italian outputs")
struct ItalianTests {
    /// The English catalogue's phrases (labels of more than one word), which no Italian output may contain.
    static var englishPhrases: [String] {
        let statement = Mirror(reflecting: StatementLabels.english).children.compactMap { $0.value as? String }
        let report = ReportLabel.allCases.filter { $0.english != $0.italian }.map(\.english)
        return (statement + report + ["(linear)", "km logged", "km estimated", "Trips logged", "not reviewed"]).filter { $0.contains(" ") }
    }

    static func italianOutputs() throws -> [(String, String)] {
        let statement = try Fixture.statement(), report = try Fixture.report()
        let (_, trips) = try Fixture.dispatch()
        return [("statement.md", try StatementRenderer.render(statement, format: .md)),
                ("statement.html", try StatementRenderer.render(statement, format: .html)),
                ("statement.csv", try StatementRenderer.render(statement, format: .csv)),
                ("summary.md", StatementRenderer.summary([statement], format: .md)),
                ("report.md", try ReportRenderer.render(report, format: .md)),
                ("report.html", try ReportRenderer.render(report, format: .html)),
                ("report.csv", try ReportRenderer.render(report, format: .csv)),
                ("trips.table", try TripListRenderer.render(trips, format: .table, empty: "")),
                ("trips.csv", try TripListRenderer.render(trips, format: .csv, empty: ""))]
    }

    @Test("no Italian output contains a phrase of the English catalogue")
    func noEnglish() throws {
        let phrases = Self.englishPhrases
        #expect(phrases.count > 40)
        for (name, text) in try Self.italianOutputs() {
            for phrase in phrases where text.contains(phrase) {
                Issue.record("\(name) contains the English \"\(phrase)\"")
            }
        }
    }

    @Test("Italian numbers and dates; no decimal point in an amount, no ISO date")
    func italianNumbers() throws {
        let markdown = try StatementRenderer.render(Fixture.statement(), format: .md)
        #expect(markdown.hasPrefix("# Rendiconto marzo 2025 — "))
        #expect(markdown.contains(" € "), "the title line's total")
        let amounts = markdown.matches(of: /\| (-?[0-9.]+,[0-9]{2}) \|/).count
        #expect(amounts > 5)
        #expect(markdown.firstMatch(of: /\| -?[0-9]+\.[0-9]{2} \|/) == nil, "an amount with a decimal point")
        #expect(markdown.firstMatch(of: /\| 20[0-9]{2}-[0-9]{2}-[0-9]{2} \|/) == nil, "an ISO date in a cell")
        #expect(markdown.firstMatch(of: /\| [0-9]{2}\/[0-9]{2}\/20[0-9]{2} \|/) != nil)
        let report = try ReportRenderer.render(Fixture.report(), format: .md)
        #expect(report.firstMatch(of: /\| [0-9]+,[0-9] % \|/) != nil, "a share as 12,3 %")
        #expect(report.contains("(lineare)") || report.contains("(stagionale)"))
    }

    @Test("plurals: 1 servizio, 2 servizi")
    func plurals() {
        let it = StatementLabels.italian, en = StatementLabels.english
        #expect(it.trips(1) == "1 servizio registrato")
        #expect(it.trips(2) == "2 servizi registrati")
        #expect(it.trips(0) == "0 servizi registrati")
        #expect(it.flaggedForReview(1) == "1 servizio con km da rivedere")
        #expect(en.trips(1) == "1 trip logged")
        #expect(en.trips(3) == "3 trips logged")
    }

    @Test("JSON is the same in both languages and machine-neutral")
    func json() throws {
        let italian = try StatementRenderer.render(Fixture.statement(), format: .json, language: .it)
        #expect(italian == (try StatementRenderer.render(Fixture.statement(), format: .json, language: .en)))
        #expect(italian.firstMatch(of: /"20[0-9]{2}-[0-9]{2}-[0-9]{2}"/) != nil)
        #expect(!italian.contains("/2025"))
        let report = try ReportRenderer.render(Fixture.report(), format: .json, language: .it)
        #expect(report == (try ReportRenderer.render(Fixture.report(), format: .json, language: .en)))
    }

    @Test("the Italian Excel CSV: BOM, ';', CRLF, Italian headers, decimal-comma numbers unquoted; RFC 4180 the machine form")
    func csvDialects() throws {
        let excel = try StatementRenderer.render(Fixture.statement(), format: .csv)
        #expect(excel.hasPrefix("\u{FEFF}servizio;data;beneficiario;esito;"))
        #expect(excel.hasSuffix("\r\n"))
        #expect(!excel.unicodeScalars.split(separator: "\n").contains { !$0.isEmpty && $0.last != "\r" }, "every line ends with CRLF")
        #expect(excel.firstMatch(of: /;[0-9]+,[0-9]{2}\r\n/) != nil, "an amount with a decimal comma, unquoted, at the end of a row")
        #expect(excel.firstMatch(of: /;"[0-9]+,[0-9]+"/) == nil, "a quoted number")
        let rfc = try StatementRenderer.render(Fixture.statement(), format: .csv, dialect: .rfc4180)
        #expect(rfc.hasPrefix("trip,date,beneficiary,outcome,"))
        #expect(!rfc.contains("\r") && !rfc.hasPrefix("\u{FEFF}"))
        #expect(rfc.firstMatch(of: /,[0-9]+\.[0-9]{2}\n/) != nil)
        let report = try ReportRenderer.render(Fixture.report(), format: .csv)
        #expect(report.hasPrefix("\u{FEFF}sezione;chiave;periodo;valore\r\n"))
        #expect(!report.unicodeScalars.split(separator: "\n").contains { String($0).contains("%") && !String($0).hasPrefix("anomalia km;") },
                "a percentage with its sign outside the anomalies' text")
    }
}
