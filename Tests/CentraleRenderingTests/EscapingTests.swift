import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleReport
import CentraleTariffs
import Foundation
import Testing

/// Hostile free text in every free-text field (reasons, notes, names, labels, flags, vehicles,
/// codes) must come out inert in every format: entities in HTML, escaped pipes and line breaks in
/// Markdown, quoted and neutralised cells in CSV, valid JSON that decodes to the same value.
@Suite("Free text is escaped in every format")
struct EscapingTests {
    /// `<`, `|`, `"`, `;`, a line break, and a formula at the start of the cell.
    static let hostile = ["=HYPERLINK(\"http://x.example\",\"<script>|click|\"); a\nb", "+1", "-1", "@x <img>|\"q\";\r\nz", "+1+cmd|' /C calc'!A0", "-2-x"]

    /// The statement with a hostile value (one per field, rotating) in every free-text field.
    static func hostileStatement() throws -> MonthlyStatement {
        var s = try Fixture.statement()
        var next = 0
        func h() -> String { defer { next += 1 }; return hostile[next % hostile.count] }
        s.associationName = h(); s.association = h()
        s.indirect.basis = h()
        for i in s.entries.indices {
            s.entries[i].beneficiary = h(); s.entries[i].vehicle = h()
            if s.entries[i].flag != nil { s.entries[i].flag = h(); s.entries[i].review = h() }
            for j in s.entries[i].reimbursement.lines.indices { s.entries[i].reimbursement.lines[j].basis = h() }
        }
        for i in s.adjustments.indices { s.adjustments[i].reason = h() }
        return s
    }

    static func hostileReport() throws -> MonitoringReport {
        var r = try Fixture.report()
        var next = 0
        func h() -> String { defer { next += 1 }; return hostile[next % hostile.count] }
        r.projection.method = h()
        for i in r.associations.indices { r.associations[i].code = hostile[i % hostile.count]; r.associations[i].name = h() }
        for i in r.comuni.indices { r.comuni[i].name = hostile[i % hostile.count]; r.comuni[i].istatCode = h() }
        for i in r.destinations.indices { r.destinations[i].label = h(); r.destinations[i].key = h() }
        for i in r.unassignableReasons.indices { r.unassignableReasons[i].label = h(); r.unassignableReasons[i].key = h() }
        for i in r.purposes.indices { r.purposes[i].key = h() }
        for i in r.anomalies.indices { r.anomalies[i].association = h(); r.anomalies[i].flag = h(); r.anomalies[i].date = h() }
        return r
    }

    // MARK: HTML

    @Test("HTML: every hostile value comes out as entities, in the page and in the charts")
    func html() throws {
        let pages = [try StatementRenderer.render(Self.hostileStatement(), format: .html)]
            + (try Language.allCases.map { try ReportRenderer.render(Self.hostileReport(), format: .html, language: $0) })
        for page in pages {
            for raw in ["<script>", "<img>", "\"http", "\"q\"", "' /C"] { #expect(!page.contains(raw), "\(raw) unescaped") }
            #expect(page.contains("=HYPERLINK(&quot;http://x.example&quot;,&quot;&lt;script&gt;|click|&quot;); a\nb"))
            #expect(page.contains("@x &lt;img&gt;|&quot;q&quot;;\r\nz"))
            #expect(page.contains("+1+cmd|&#39; /C calc&#39;!A0"))
        }
        // The charts' labels (association codes, comune names) are escaped inside the SVG too.
        let report = try ReportRenderer.render(Self.hostileReport(), format: .html)
        let svgs = report.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        #expect(svgs.count == 3)
        #expect(svgs.contains { $0.contains("=HYPERLINK(&quot;http://x.example&quot;,&quot;&lt;script&gt;") })
    }

    // MARK: Markdown

    /// Table rows keep their column count (every `|` in a value escaped) and stay on one line.
    func checkMarkdown(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        func pipes(_ line: Substring) -> Int {
            var count = 0, escaped = false
            for c in line {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true } else if c == "|" { count += 1 }
            }
            return count
        }
        var header: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            #expect(line.hasSuffix("|"), "a row broken by a line break: \(line)", sourceLocation: sourceLocation)
            if let header { #expect(pipes(line) == header, "row with a wrong number of cells: \(line)", sourceLocation: sourceLocation) } else { header = pipes(line) }
        }
        for raw in ["<script>", "<img>", "\r"] { #expect(!text.contains(raw), "\(raw) unescaped", sourceLocation: sourceLocation) }
        #expect(text.contains("=HYPERLINK(\"http://x.example\",\"\\<script\\>\\|click\\|\"); a<br>b"), sourceLocation: sourceLocation)
    }

    @Test("Markdown: pipes, markup and line breaks escaped in every table and list")
    func markdown() throws {
        checkMarkdown(try StatementRenderer.render(Self.hostileStatement(), format: .md))
        var other = try Self.hostileStatement()
        other.association = Self.hostile[0]
        checkMarkdown(StatementRenderer.summary([try Self.hostileStatement(), other], format: .md))
        for language in Language.allCases { checkMarkdown(try ReportRenderer.render(Self.hostileReport(), format: .md, language: language)) }
    }

    // MARK: CSV

    /// Every record has the header's cells; formula-like cells are neutralised; the hostile
    /// values come back, neutralised, when the file is read.
    func checkCSV(_ text: String, allValues: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let records = try CSVReader(fileName: "out.csv", allowComments: false).read(text)
        let width = records.first?.fields.count ?? 0
        var values = Set<String>()
        for record in records {
            #expect(record.fields.count == width, "line \(record.line): \(record.fields)", sourceLocation: sourceLocation)
            for field in record.fields {
                values.insert(field)
                if let first = field.first, "=+-@".contains(first) {
                    #expect(field == "-" || Double(field.replacingOccurrences(of: ",", with: ".")) != nil, "a formula left live: \(field)", sourceLocation: sourceLocation)
                }
            }
        }
        guard allValues else { return }
        #expect(values.contains("'=HYPERLINK(\"http://x.example\",\"<script>|click|\"); a\nb"), sourceLocation: sourceLocation)
        #expect(values.contains { $0.hasPrefix("'@x <img>|\"q\";") }, sourceLocation: sourceLocation)
        #expect(values.contains("'+1+cmd|' /C calc'!A0"), sourceLocation: sourceLocation)
        #expect(values.contains("'-2-x"), sourceLocation: sourceLocation)
    }

    @Test("CSV: quoted, inner quotes doubled, formulas neutralised, one record per row, in both dialects", arguments: CSVDialect.allCases)
    func csv(dialect: CSVDialect) throws {
        try checkCSV(try StatementRenderer.render(Self.hostileStatement(), format: .csv, dialect: dialect))
        var other = try Self.hostileStatement()
        other.association = Self.hostile[0]
        let summary = StatementRenderer.summary([try Self.hostileStatement(), other], format: .csv, dialect: dialect)
        try checkCSV(summary, allValues: false)
        #expect(try CSVReader(fileName: "out.csv", allowComments: false).read(summary)[2].fields[0] == "'" + Self.hostile[0])
        try checkCSV(try ReportRenderer.render(Self.hostileReport(), format: .csv, dialect: dialect))
        let (_, trips) = try Fixture.dispatch()
        let hostileTrips = trips.enumerated().map { index, trip in
            var trip = trip
            trip.pickup.label = Self.hostile[index % Self.hostile.count]; trip.destination.label = Self.hostile[(index + 3) % Self.hostile.count]
            trip.beneficiary = Self.hostile[(index + 4) % Self.hostile.count]
            return trip
        }
        try checkCSV(try TripListRenderer.render(hostileTrips, format: .csv, empty: "", dialect: dialect))
    }

    @Test("CSV: a plain number stays a number, even where free text could be")
    func numbersStayNumbers() {
        let writer = CSVWriter(separator: ",")
        #expect(writer.row(["+1", "-1", "-12.50", "@x", "=1+1", "-"]) == "+1,-1,-12.50,'@x,'=1+1,-")
    }

    // MARK: JSON

    @Test("JSON: valid, and decodes to the same hostile values")
    func json() throws {
        let statement = try Self.hostileStatement()
        let text = try StatementRenderer.render(statement, format: .json)
        #expect(try JSONText.decoder.decode(MonthlyStatement.self, from: Data(text.utf8)) == statement)
        let report = try Self.hostileReport()
        for language in Language.allCases {
            let text = try ReportRenderer.render(report, format: .json, language: language)
            #expect(try JSONText.decoder.decode(MonitoringReport.self, from: Data(text.utf8)) == report)
        }
        let summary = StatementRenderer.summary([statement], format: .json)
        let object = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any]
        #expect((object?["associations"] as? [[String: Any]])?.first?["association"] as? String == statement.association)
    }
}
