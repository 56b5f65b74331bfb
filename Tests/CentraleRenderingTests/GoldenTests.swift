import CentraleDomain
import CentraleFormats
import CentralePlanning
import CentraleRendering
import Testing

/// Every renderer in every format (and, for the report, every language) against its golden file.
@Suite("Renderers against their golden files")
struct GoldenTests {
    @Test("a statement as Markdown, JSON and HTML in Italian (the default) and English", arguments: [StatementFormat.md, .json, .html])
    func statement(format: StatementFormat) throws {
        Golden.check(try StatementRenderer.render(Fixture.statement(), format: format), "statement.\(format.rawValue)")
        if format != .json {
            Golden.check(try StatementRenderer.render(Fixture.statement(), format: format, language: .en), "statement-en.\(format.rawValue)")
        }
    }

    @Test("a statement as CSV for Italian Excel (the default) and RFC 4180")
    func statementCSV() throws {
        Golden.check(try StatementRenderer.render(Fixture.statement(), format: .csv), "statement.csv")
        Golden.check(try StatementRenderer.render(Fixture.statement(), format: .csv, dialect: .rfc4180), "statement-rfc4180.csv")
    }

    @Test("the month's summary of every association's statement", arguments: [StatementFormat.md, .csv, .json])
    func summary(format: StatementFormat) throws {
        let statements = [try Fixture.statement(), try Fixture.adjustmentsOnly()]
        Golden.check(StatementRenderer.summary(statements, format: format), "statement-summary.\(format.rawValue)")
        if format == .md { Golden.check(StatementRenderer.summary(statements, format: format, language: .en), "statement-summary-en.md") }
        if format == .csv { Golden.check(StatementRenderer.summary(statements, format: format, dialect: .rfc4180), "statement-summary-rfc4180.csv") }
    }

    @Test("the monitoring report in every format and language",
          arguments: ReportFormat.allCases.flatMap { format in Language.allCases.map { (format, $0) } })
    func report(format: ReportFormat, language: Language) throws {
        // The CSV's form is its dialect, whatever the language: Italian Excel by default, RFC 4180 for programs.
        let dialect: CSVDialect = language == .it ? .excel : .rfc4180
        Golden.check(try ReportRenderer.render(Fixture.report(), format: format, language: language, dialect: dialect),
                     "report-\(language.rawValue).\(format.rawValue)")
    }

    @Test("a day's shared-ride plans as text and JSON")
    func plan() throws {
        let plans = try Fixture.plans()
        Golden.check(PlanText(plans: plans, trips: Fixture.planTrips(plans), accepted: false, language: .en).text, "plan.txt")
        Golden.check(PlanText(plans: plans, trips: Fixture.planTrips(plans), accepted: false).text, "plan-it.txt")
        Golden.check(PlanText(plans: plans + plans.map { var p = $0; p.association = "PA-SIG"; return p }, trips: [], accepted: true, language: .en).text,
                     "plan-accepted.txt")
        Golden.check(PlanText(plans: [], trips: [], accepted: false, language: .en).text, "plan-empty.txt")
        Golden.check(try JSONText.string(plans), "plan.json")
    }

    @Test("a dispatch as text and JSON, and a trip's explanation")
    func dispatch() throws {
        let (report, _) = try Fixture.dispatch()
        Golden.check(report.text(stored: true, stale: []), "dispatch.txt")
        Golden.check(report.text(stored: false, stale: [2]), "dispatch-dry-run.txt")
        Golden.check(try JSONText.string(report.summary(stored: true, stale: [])), "dispatch.json")
        Golden.check(report.explanationText(1), "dispatch-explain-1.txt")
        Golden.check(report.explanationText(3), "dispatch-explain-3.txt")
        Golden.check(report.explanationText(4), "dispatch-explain-4.txt")
        Golden.check(try JSONText.string(report.explanation(1)), "dispatch-explain-1.json")
        let (italian, _) = try Fixture.dispatch(language: .it)
        Golden.check(italian.text(stored: false, stale: [2]), "dispatch-dry-run-it.txt")
        Golden.check(italian.explanationText(1), "dispatch-explain-1-it.txt")
        Golden.check(italian.explanationText(3), "dispatch-explain-3-it.txt")
    }

    @Test("an association's trips as a table, CSV and JSON", arguments: ListFormat.allCases)
    func trips(format: ListFormat) throws {
        let (_, trips) = try Fixture.dispatch()
        // Two trips with an outcome; the others have none yet.
        let outcomes: [Int64: ServiceOutcome] = [trips[0].id: .cancelledLate, trips[1].id: .notServed]
        Golden.check(try TripListRenderer.render(trips, format: format, empty: "No trips.", outcomes: outcomes), "trips.\(format.rawValue)")
        if format != .json {
            Golden.check(try TripListRenderer.render(trips, format: format, empty: "No trips.", language: .en, dialect: .rfc4180, outcomes: outcomes),
                         "trips-en.\(format.rawValue)")
        }
        #expect(try TripListRenderer.render([], format: .table, empty: "No trips.") == "No trips.")
    }

    @Test("a text table aligns its columns, numbers to the right, without trailing spaces")
    func textTable() {
        var table = TextTable(["TRIP", "NAME", "KM"], rightAligned: [0, 2])
        table.add(["7", "Bellè Niccolò", "12.5"])
        table.add(["1234", "Rossi", "3.0"])
        table.add(["56", "", ""])
        Golden.check(table.rendered, "table.txt")
    }
}
