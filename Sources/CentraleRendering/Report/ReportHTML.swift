import CentraleFormats
import CentraleDomain
import CentraleReport
import Foundation

/// The report as one self-contained HTML page: inline CSS and SVG charts, no network; readable
/// on a phone and printable on A4. The page is the `report` template; the charts' geometry is
/// computed here, with every text inside them escaped.
enum ReportHTML {
    struct Page {
        var lang: String, month: String, l: [String: String], tripsLower: String
        var cards: [Card]
        var projectionMethod: String, projectionTrips: String, projectionKm: String, projectionEuros: String
        var trendChart: String, associationsChart: String, comuniChart: String
        var headline: [HeadlineRow]
        var purposes: CountList, destinations: CountList, reasons: CountList
        var sharedRides: String
        var people: [PeopleRow], expiring: Int, noTrip60: Int
        var anomalyCount: Int, hasAnomalies: Bool, anomalies: [Anomaly]
        var hasFooter: Bool, footer: String
    }

    struct Card { var value: String, label: String }
    struct HeadlineRow { var label: String, month: String, ytd: String, last: String }
    struct CountList { var hasItems: Bool, items: [CountRow] }
    struct CountRow { var label: String, trips: Int }
    struct PeopleRow { var label: String, month: Int, ytd: Int }
    struct Anomaly { var trip: Int64, date: String, association: String, flag: String }

    static func page(_ r: MonitoringReport, _ l: ReportLabels, footer: String? = nil) throws -> String {
        let f = r.current, n = l.language
        let cards = [(ReportLabel.requested, FigureValue.count(f.requested)), (.done, .count(f.done)), (.km, .metres(f.loggedMetres)),
                     (.euros, .cents(f.reimbursedCents)), (.costTrip, .cents(f.costPerTripCents)),
                     (.costKm, .cents(f.costPerKmCents)), (.active, .count(f.activeBeneficiaries)), (.new, .count(f.newBeneficiaries)),
                     (.unassignable, .count(f.unassignable)), (.onTime, .basisPoints(f.onTimeBasisPoints))]
            .map { Card(value: $0.1.text(n), label: l[$0.0]) }
        let ytd = ReportText.headline(r.yearToDate), last = r.sameMonthLastYear.map(ReportText.headline)
        let headline = ReportText.headline(f).enumerated().map { index, row in
            HeadlineRow(label: l[row.0], month: row.1.text(n), ytd: ytd[index].1.text(n), last: last?[index].1.text(n) ?? "-")
        }
        let counts = { (items: [MonitoringReport.Count], label: (MonitoringReport.Count) -> String) in
            CountList(hasItems: !items.isEmpty, items: items.map { CountRow(label: label($0), trips: $0.trips) })
        }
        let page = Page(
            lang: n.rawValue, month: YearMonth(r.month).map(n.month) ?? r.month, l: l.all, tripsLower: l[.trips].lowercased(), cards: cards,
            projectionMethod: l.method(r.projection.method), projectionTrips: FigureValue.count(r.projection.trips).text(n),
            projectionKm: FigureValue.metres(r.projection.loggedMetres).text(n), projectionEuros: FigureValue.cents(r.projection.reimbursedCents).text(n),
            trendChart: trend(r.trend),
            associationsChart: bars(r.associations.map {
                ($0.code, Double($0.shareBasisPoints), Double($0.conventionBasisPoints), n.percent($0.shareBasisPoints, digits: 2))
            }),
            comuniChart: bars(r.comuni.map { ($0.name, Double($0.per1000Hundredths), nil, ReportText.per1000($0.per1000Hundredths, n.numberForm, digits: 2)) }),
            headline: headline,
            purposes: counts(r.purposes) { l.purpose(key: $0.key) }, destinations: counts(r.destinations) { $0.label },
            reasons: counts(r.unassignableReasons) { $0.label },
            sharedRides: ReportText.sharedRides(r.sharedRides, l),
            people: ReportText.peopleRows(r.people).map { PeopleRow(label: l[$0.0], month: $0.1, ytd: $0.2) },
            expiring: r.people.expiringNextMonth, noTrip60: r.people.withoutTrip60Days,
            anomalyCount: r.anomalies.count, hasAnomalies: !r.anomalies.isEmpty,
            anomalies: r.anomalies.map { Anomaly(trip: $0.trip, date: n.date(iso: $0.date), association: $0.association, flag: ReportText.anomaly($0, l)) },
            hasFooter: footer != nil, footer: footer ?? "")
        return try Templates.render(page, template: "report")
    }

    /// Twelve bars of trips with the reimbursements as a line, each on its own scale.
    static func trend(_ months: [Figures]) -> String {
        let e = HTML.escape
        let width = 720.0, height = 220.0, left = 10.0, bottom = 28.0, slot = (width - 2 * left) / Double(max(months.count, 1))
        let maxTrips = Double(max(months.map(\.requested).max() ?? 1, 1)), maxEuros = Double(max(months.map(\.reimbursedCents).max() ?? 1, 1))
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=img aria-label=\"trend\">"
        var points: [String] = []
        for (index, month) in months.enumerated() {
            let x = left + Double(index) * slot
            let h = (height - bottom - 20) * Double(month.requested) / maxTrips
            svg += "<rect x=\"\(fmt(x + slot * 0.15))\" y=\"\(fmt(height - bottom - h))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(h))\" fill=\"#8fbcd4\"><title>\(e(month.period)): \(month.requested)</title></rect>"
            svg += "<text x=\"\(fmt(x + slot / 2))\" y=\"\(fmt(height - 10))\" font-size=\"11\" text-anchor=\"middle\">\(e(String(month.period.suffix(5))))</text>"
            svg += "<text x=\"\(fmt(x + slot / 2))\" y=\"\(fmt(height - bottom - h - 4))\" font-size=\"10\" text-anchor=\"middle\">\(month.requested)</text>"
            guard month.requested > 0 else { continue } // no data that month: no point on the line
            let y = height - bottom - (height - bottom - 20) * Double(month.reimbursedCents) / maxEuros
            points.append("\(fmt(x + slot / 2)),\(fmt(y))")
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2.5\"/>"
        return svg + "</svg>"
    }

    /// Horizontal bars with an optional target marker (the convention share).
    /// Each row: its label, its value and target on one scale, and its value as text.
    static func bars(_ rows: [(String, Double, Double?, String)]) -> String {
        let rowHeight = 20.0, labelWidth = 150.0, width = 720.0
        let maxValue = max(rows.map { max($0.1, $0.2 ?? 0) }.max() ?? 1, 0.0001)
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(Double(rows.count) * rowHeight + 6))\" role=img>"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 3
            let w = (width - labelWidth - 70) * row.1 / maxValue
            svg += "<text x=\"0\" y=\"\(fmt(y + 13))\" font-size=\"12\">\(HTML.escape(row.0))</text>"
            svg += "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 2))\" width=\"\(fmt(w))\" height=\"14\" fill=\"#2a6f97\"/>"
            if let target = row.2 {
                let tx = labelWidth + (width - labelWidth - 70) * target / maxValue
                svg += "<line x1=\"\(fmt(tx))\" x2=\"\(fmt(tx))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y + 18))\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
            }
            svg += "<text x=\"\(fmt(labelWidth + w + 6))\" y=\"\(fmt(y + 13))\" font-size=\"11\">\(HTML.escape(row.3))</text>"
        }
        return svg + "</svg>"
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
