import CentraleDomain
import CentraleFormats
@testable import CentraleRendering
import CentraleReport
import Foundation
import Testing

/// The report's charts as a municipal official reads them (issue 16): axes with units and round
/// ticks in the language's numbers, months by their short name, a legend naming each series and
/// the convention marker, months without data left blank (the line broken there), tooltips and an
/// accessible summary; and the CSV's keys in the dialect's language.
@Suite("The report's charts and CSV keys")
struct ReportChartTests {
    static var italian: ReportLabels { ReportLabels(language: .it) }
    static var english: ReportLabels { ReportLabels(language: .en) }

    /// Twelve months from April 2024, each with the figures of the fixture's last month, except
    /// the `blank` ones (by index), which have no data.
    static func months(blank: Set<Int>) throws -> [Figures] {
        let full = try Fixture.report().trend[11]
        var month = YearMonth(year: 2024, month: 4)!
        var months: [Figures] = []
        for index in 0..<12 {
            var figures = blank.contains(index) ? Figures(period: month.description) : full
            figures.period = month.description
            months.append(figures)
            month = month.next
        }
        return months
    }

    static func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The number of points of each polyline, in order.
    static func polylines(_ svg: String) -> [Int] {
        svg.components(separatedBy: "<polyline points=\"").dropFirst().map { rest in
            rest.prefix { character in character != "\"" }.split(separator: " ").count
        }
    }

    /// The page's charts, each from `<svg` to `</svg>`.
    static func charts(_ page: String) -> [String] {
        page.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] }
    }

    @Test("a month without data has no bar and no value, and the line breaks there into two pieces")
    func gapInTheMiddle() throws {
        let svg = ReportHTML.trend(try Self.months(blank: [5]), Self.italian)
        #expect(Self.count(svg, "class=\"bar\"") == 11)
        #expect(Self.count(svg, "class=\"value\"") == 11)
        #expect(Self.count(svg, "class=\"dot\"") == 11)
        #expect(Self.polylines(svg) == [5, 6], "April–August, then October–March")
        // September 2024 keeps its place on the axis, and nothing else.
        #expect(svg.contains(">set</text>"))
        #expect(!svg.contains("<title>settembre 2024"))
        #expect(svg.contains("mesi senza dati: lasciati vuoti"))
        #expect(svg.contains("1 mese senza dati"))
    }

    @Test("months before the service started are blank; a month alone is a dot, not a line")
    func blankMonths() throws {
        let fixture = ReportHTML.trend(try Fixture.report().trend, Self.italian)
        #expect(Self.count(fixture, "class=\"bar\"") == 3)
        #expect(Self.polylines(fixture) == [3])
        #expect(fixture.contains("9 mesi senza dati"))
        #expect(!fixture.contains(">0</text></g>"), "no 0 over a blank month")

        let alone = ReportHTML.trend(try Self.months(blank: Set(0..<12).subtracting([3, 7])), Self.italian)
        #expect(Self.polylines(alone).isEmpty)
        #expect(Self.count(alone, "class=\"dot\"") == 2)
        #expect(Self.count(alone, "class=\"bar\"") == 2)

        let full = ReportHTML.trend(try Self.months(blank: []), Self.italian)
        #expect(Self.polylines(full) == [12])
        #expect(!full.contains("senza dati"))
    }

    @Test("the trend's axes in Italian: servizi and € with round ticks in Italian numbers, months by short name")
    func italianAxes() throws {
        let svg = ReportHTML.trend(try Fixture.report().trend, Self.italian)
        for tick in [">0</text>", ">1.000</text>", ">4.000</text>", ">0 €</text>", ">20.000 €</text>", ">80.000 €</text>"] {
            #expect(svg.contains(tick), "\(tick)")
        }
        #expect(!svg.contains(">5.000</text>") && !svg.contains(">100.000 €</text>"), "four steps, no more")
        #expect(svg.contains(">servizi</text>") && svg.contains(">€</text>"))
        for month in ["apr", "dic", "gen", "feb", "mar"] { #expect(svg.contains(">\(month)</text>"), "\(month)") }
        // The year under the first month and under January only.
        #expect(svg.contains(">2024</text>") && svg.contains(">2025</text>") && svg.components(separatedBy: ">2025</text>").count == 2)
        #expect(!svg.contains(">24-04<") && !svg.contains(">2025-01<"), "no ISO month on the axis")
        #expect(svg.contains("<title>marzo 2025: 3.032 servizi richiesti, 68.380,95 € rimborsati</title>"))
        #expect(svg.contains("servizi richiesti (scala a sinistra)") && svg.contains("rimborsi (€, scala a destra)"))
    }

    @Test("the trend in English: English words and months, machine numbers")
    func englishAxes() throws {
        let svg = ReportHTML.trend(try Fixture.report().trend, Self.english)
        #expect(svg.contains(">Jan</text>") && svg.contains(">Dec</text>") && !svg.contains(">gen<"))
        #expect(svg.contains(">80000 €</text>") && svg.contains(">4000</text>"))
        #expect(svg.contains(">trips</text>"))
        #expect(svg.contains("trips requested (left scale)") && svg.contains("reimbursements (€, right scale)"))
        #expect(svg.contains("months without data: left blank") && svg.contains("9 months without data"))
        #expect(svg.contains("<title>2025-03: 3032 trips requested, 68380.95 € reimbursed</title>"))
        #expect(!svg.contains("servizi") && !svg.contains("rimborsi"))
    }

    @Test("the breakdowns: an axis with its unit and round ticks; the legend explains the convention marker")
    func bars() throws {
        let page = try ReportRenderer.render(Fixture.report(), format: .html)
        let charts = Self.charts(page)
        try #require(charts.count == 3)
        let associations = charts[1], comuni = charts[2]
        #expect(associations.contains(">quota prevista dalla convenzione</text>"))
        #expect(associations.contains(">% dei servizi assegnati nel mese</text>"))
        #expect(associations.contains(">0 %</text>") && associations.contains(">5 %</text>") && associations.contains(">10 %</text>"))
        #expect(Self.count(associations, "class=\"marker\"") == 26)
        #expect(associations.contains("<title>Auser Calenzano: quota 1,29 %, convenzione 1,27 %</title>"))
        // Names, not codes: the codes are for the CSV.
        #expect(associations.contains(">Auser Calenzano</text>") && !associations.contains("AUS-CAL"))
        // No marker, so no marker in the legend; the axis in trips per 1,000 inhabitants.
        #expect(!comuni.contains("convenzione") && !comuni.contains("class=\"marker\""))
        #expect(comuni.contains(">servizi per 1.000 abitanti</text>") && comuni.contains(">20</text>"))
        #expect(comuni.contains("<title>Calenzano: 179 servizi, 9,98 per 1.000 abitanti</title>"))

        let english = Self.charts(try ReportRenderer.render(Fixture.report(), format: .html, language: .en))
        try #require(english.count == 3)
        #expect(english[1].contains(">share set by the convention</text>") && english[1].contains(">5%</text>"))
        #expect(english[2].contains(">trips per 1,000 inhabitants</text>"))
        #expect(english[1].contains("<title>Auser Calenzano: share 1.29%, convention 1.27%</title>"))
    }

    @Test("every chart is an image with a summary, its text readable on A4, and the page the same every time")
    func accessible() throws {
        let page = try ReportRenderer.render(Fixture.report(), format: .html)
        for chart in Self.charts(page) {
            #expect(chart.hasPrefix("<svg viewBox=\"0 0 720 "))
            #expect(chart.contains(" role=\"img\" aria-label=\""))
            #expect(chart.contains(" font-size=\"13\" "), "text of 13 units: about 9 pt on an A4 page")
            #expect(chart.firstMatch(of: /font-size="([0-9]|1[0-2])"/) == nil, "no smaller text")
            #expect(chart.contains("\"><title>"), "a summary as the chart's title")
        }
        #expect(page.contains("aria-label=\"Ultimi 12 mesi: servizi (barre) e rimborsi (linea), da aprile 2024 a marzo 2025; 9 mesi senza dati. "))
        #expect(page.contains("table,svg,.cards,.cols>div{break-inside:avoid}"))
        #expect(page == (try ReportRenderer.render(Fixture.report(), format: .html)))
    }

    @Test("round steps: 1, 2 or 5 × 10^k, at most four of them; a second axis on the same gridlines")
    func niceScale() {
        #expect(ReportHTML.Scale.niceStep(atLeast: 763) == 1000)
        #expect(ReportHTML.Scale.niceStep(atLeast: 11) == 20)
        #expect(ReportHTML.Scale.niceStep(atLeast: 26) == 50)
        #expect(ReportHTML.Scale.niceStep(atLeast: 7) == 10)
        #expect(ReportHTML.Scale.niceStep(atLeast: 0) == 1)
        let trips = ReportHTML.Scale(maximum: 3049)
        #expect((trips.step, trips.steps, trips.ticks) == (1000, 4, [0, 1000, 2000, 3000, 4000]))
        let euros = ReportHTML.Scale(maximum: 70285, steps: trips.steps)
        #expect((euros.step, euros.top) == (20000, 80000))
        let empty = ReportHTML.Scale(maximum: 0)
        #expect((empty.step, empty.steps) == (1, 1))
        #expect(ReportHTML.Scale(maximum: 894).ticks == [0, 500, 1000])
    }

    @Test("the CSV's keys: Italian for Italian Excel, the English machine keys for RFC 4180")
    func csvKeys() throws {
        let excel = try ReportRenderer.render(Fixture.report(), format: .csv)
        #expect(excel.hasPrefix("\u{FEFF}sezione;chiave;periodo;valore\r\nmese;servizi richiesti;2025-03;3032\r\n"))
        #expect(excel.contains("\r\nmese;assenze;2025-03;83\r\n"))
        #expect(excel.contains("\r\nda inizio anno;assenze;2025-01..2025-03;"))
        #expect(excel.contains("\r\nmotivo;dialisi;2025-03;1530\r\n"))
        #expect(excel.contains("\r\nbeneficiari;attivazioni;2025-03;17\r\n"))
        #expect(excel.contains("\r\nanomalia km;6122;01/03/2025;"))
        for english in ["month;", "noShow", "year_to_date", "dialysis", "shared_rides", "people;"] {
            #expect(!excel.contains(english), "\(english) in the Italian CSV")
        }
        let rfc = try ReportRenderer.render(Fixture.report(), format: .csv, language: .en, dialect: .rfc4180)
        #expect(rfc.hasPrefix("section,key,period,value\nmonth,requested,2025-03,3032\n"))
        #expect(rfc.contains("\nmonth,noShow,2025-03,83\n") && rfc.contains("\npurpose,dialysis,2025-03,1530\n"))
        #expect(rfc.contains("\npeople,activations,2025-03,17\n") && rfc.contains("\nanomaly,6122,2025-03-01,"))
        #expect(!rfc.contains("servizi") && !rfc.contains("mese"))
    }
}

@Suite struct ChartLabelTests {
    @Test("long association names keep their start and their place, whole words")
    func shortNames() {
        #expect(ReportHTML.shortName("Auser Calenzano") == "Auser Calenzano")
        let short = ReportHTML.shortName("Croce Rossa Italiana - Comitato di Campi Bisenzio")
        #expect(short.count <= 34 && short.hasPrefix("Croce") && short.hasSuffix("Campi Bisenzio") && short.contains("…"), "\(short)")
        #expect(ReportHTML.shortName(String(repeating: "x", count: 50)).count == 34)
    }
}
