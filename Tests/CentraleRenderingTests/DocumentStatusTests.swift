import CentraleDomain
import CentraleFormats
@testable import CentraleRendering
import Foundation
import Testing

/// Statements and reports say whether they are final or provisional (issue 16): the statement
/// under its title, the report in a footer with its month, repeated on every printed page.
@Suite("Final and provisional documents")
struct DocumentStatusTests {
    // 2025-04-01 08:12 UTC is 10:12 in Rome (summer time).
    static let closed = MonthDocumentStatus.final(closedAt: Date(timeIntervalSince1970: 1_743_495_120), closedBy: "giulia",
                                                  checksum: "77e3b10cfbe50476aa00ff")
    // 2025-03-20 20:05 UTC is 21:05 in Rome (winter time).
    static let open = MonthDocumentStatus.provisional(generatedAt: Date(timeIntervalSince1970: 1_742_501_100), databaseHead: "332f9c1c9b3bf2e0beef")

    @Test func aClosedStatementSaysDefinitivoWithWhenWhoAndChecksum() throws {
        let statement = try Fixture.statement()
        let md = try StatementRenderer.render(statement, format: .md, status: Self.closed)
        #expect(md.contains("\n_Definitivo (chiuso il 01/04/2025 alle 10:12 da giulia, checksum 77e3b10cfbe50476)_\n"), "\(md.prefix(300))")
        let en = try StatementRenderer.render(statement, format: .md, language: .en, status: Self.closed)
        #expect(en.contains("\n_Final (closed on 2025-04-01 at 10:12 by giulia, checksum 77e3b10cfbe50476)_\n"))
        let html = try StatementRenderer.render(statement, format: .html, status: Self.closed)
        #expect(html.contains(#"<p class="status final">Definitivo (chiuso il 01/04/2025 alle 10:12 da giulia"#), "\(html.prefix(1200))")
        #expect(!(try StatementRenderer.render(statement, format: .md)).contains("Definitivo"), "no status given, none written")
    }

    @Test func theCentresSummaryHasATitleTheStatusAndTheKm() throws {
        let md = StatementRenderer.summary([try Fixture.statement()], format: .md, status: Self.closed)
        #expect(md.hasPrefix("# Rendiconti di marzo 2025 — tutte le associazioni\n\n_Definitivo (chiuso il 01/04/2025 alle 10:12 da giulia"), "\(md.prefix(300))")
        #expect(md.contains("| **totale** | 6 | 95,3 |"), "\(md)")
    }

    @Test func anOpenStatementSaysProvvisorio() throws {
        let md = try StatementRenderer.render(try Fixture.statement(), format: .md, status: Self.open)
        #expect(md.contains("_Provvisorio: il mese non è chiuso e i dati possono cambiare; generato il 20/03/2025 alle 21:05; "
                            + "base dati all'ultima voce dello storico 332f9c1c9b3bf2e0_"), "\(md.prefix(300))")
    }

    @Test func theReportHasAFooterOnEveryPrintedPage() throws {
        let report = try Fixture.report()
        let html = try ReportRenderer.render(report, format: .html, status: Self.closed)
        #expect(html.contains("<footer>Rapporto di marzo 2025 · Definitivo (chiuso il 01/04/2025 alle 10:12 da giulia, checksum 77e3b10cfbe50476)</footer>"))
        #expect(html.contains("footer{position:fixed;bottom:0") && html.contains("table,svg,.cards,.cols>div{break-inside:avoid}"),
                "the footer repeats on every page; no table, chart or card is split")
        let md = try ReportRenderer.render(report, format: .md, language: .en, status: Self.open)
        #expect(md.hasSuffix("\n---\n\n_Report of 2025-03 · Provisional: the month is not closed and its figures may change; "
                             + "generated on 2025-03-20 at 21:05; database at audit entry 332f9c1c9b3bf2e0_"), "\(md.suffix(300))")
        #expect(!(try ReportRenderer.render(report, format: .csv, status: Self.closed)).contains("Definitivo"), "CSV stays data only")
    }
}
