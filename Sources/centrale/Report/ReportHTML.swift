import CentraleDomain
import CentraleReport

/// The report as one self-contained HTML page: inline CSS and SVG charts, no network; readable
/// on a phone and printable on A4.
enum ReportHTML {
    static func page(_ r: MonitoringReport, _ l: ReportLabels) -> String {
        let e = StatementHTML.escape
        let f = r.current
        let cards = [("requested", String(f.requested)), ("done", String(f.done)), ("km", ReportText.km(f.loggedMetres)),
                     ("euros", ReportText.euros(f.reimbursedCents)), ("costTrip", ReportText.euros(f.costPerTripCents)),
                     ("costKm", ReportText.euros(f.costPerKmCents)), ("active", String(f.activeBeneficiaries)), ("new", String(f.newBeneficiaries)),
                     ("unassignable", String(f.unassignable)), ("onTime", ReportText.percent(f.onTimeBasisPoints))]
            .map { "<div class=card><div class=v>\($0.1)</div><div class=k>\(e(l[$0.0]))</div></div>" }.joined()
        var table = "<tr><th>\(e(l["figure"]))</th><th class=n>\(e(l["month"]))</th><th class=n>\(e(l["ytd"]))</th><th class=n>\(e(l["lastYear"]))</th></tr>"
        let last = r.sameMonthLastYear.map(ReportText.headline)
        for (index, row) in ReportText.headline(f).enumerated() {
            table += "<tr><td>\(e(l[row.0]))</td><td class=n>\(row.1)</td><td class=n>\(ReportText.headline(r.yearToDate)[index].1)</td><td class=n>\(last?[index].1 ?? "-")</td></tr>"
        }
        let associations = bars(r.associations.map { ($0.code, Double($0.shareBasisPoints) / 100, Double($0.conventionBasisPoints) / 100) }, unit: "%")
        let comuni = bars(r.comuni.map { ($0.name, Double($0.per1000Hundredths) / 100, nil) }, unit: "")
        let list = { (items: [MonitoringReport.Count], label: (MonitoringReport.Count) -> String) -> String in
            items.isEmpty ? "<p>\(e(l["none"]))</p>" : "<table>" + items.map { "<tr><td>\(e(label($0)))</td><td class=n>\($0.trips)</td></tr>" }.joined() + "</table>"
        }
        let anomalies = r.anomalies.isEmpty ? "<p>\(e(l["none"]))</p>"
            : "<table><tr><th class=n>\(e(l["trip"]))</th><th>\(e(l["date"]))</th><th>\(e(l["association"]))</th><th>\(e(l["difference"]))</th></tr>"
              + r.anomalies.map { "<tr><td class=n>\($0.trip)</td><td>\($0.date)</td><td>\(e($0.association))</td><td>\(e($0.flag))</td></tr>" }.joined() + "</table>"
        let people = "<table><tr><th></th><th class=n>\(e(l["month"]))</th><th class=n>\(e(l["ytd"]))</th></tr>"
            + ReportText.peopleRows(r.people).map { "<tr><td>\(e(l[$0.0]))</td><td class=n>\($0.1)</td><td class=n>\($0.2)</td></tr>" }.joined()
            + "<tr><td>\(e(l["expiring"]))</td><td class=n>\(r.people.expiringNextMonth)</td><td></td></tr>"
            + "<tr><td>\(e(l["noTrip60"]))</td><td class=n>\(r.people.withoutTrip60Days)</td><td></td></tr></table>"
        return """
            <!doctype html>
            <html lang="\(l.english ? "en" : "it")"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(l["title"])) \(r.month)</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60em;padding:1em;color:#1d2733}h1{font-size:1.45em;margin:.2em 0}
            h2{font-size:1.15em;margin-top:1.6em;border-bottom:2px solid #2a6f97;padding-bottom:.2em}.sub{color:#5a6775}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5em,1fr));gap:.6em;margin:1em 0}
            .card{background:#eef5f9;border-radius:.5em;padding:.6em}.v{font-size:1.35em;font-weight:700}.k{font-size:.85em;color:#42505e}
            table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{padding:.25em .45em;border-bottom:1px solid #dde3e8;text-align:left}
            .n{text-align:right;font-variant-numeric:tabular-nums}svg{width:100%;height:auto}.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}
            @media (max-width:40em){.cols{grid-template-columns:1fr}}@media print{body{max-width:none}@page{size:A4;margin:1.4cm}h2{break-after:avoid}}
            </style></head><body>
            <h1>\(e(l["title"])) — \(r.month)</h1><p class=sub>\(e(l["for"])) · \(e(l["privacy"]))</p>
            <div class=cards>\(cards)</div>
            <p>\(e(l["projection"])) (\(r.projection.method)): <b>\(r.projection.trips)</b> \(e(l["trips"].lowercased())),
            <b>\(ReportText.km(r.projection.loggedMetres))</b> km, <b>\(ReportText.euros(r.projection.reimbursedCents)) €</b></p>
            <h2>\(e(l["trend"]))</h2>\(trend(r.trend))
            <table>\(table)</table>
            <h2>\(e(l["associations"]))</h2>\(associations)
            <h2>\(e(l["equity"]))</h2>\(comuni)
            <div class=cols><div><h2>\(e(l["purposes"]))</h2>\(list(r.purposes) { l["purpose." + $0.key] })</div>
            <div><h2>\(e(l["destinations"]))</h2>\(list(r.destinations) { $0.label })</div></div>
            <h2>\(e(l["reasons"]))</h2>\(list(r.unassignableReasons) { $0.label })
            <h2>\(e(l["shared"]))</h2><p>\(e(ReportText.sharedRides(r.sharedRides, l)))</p>
            <h2>\(e(l["people"]))</h2>\(people)
            <h2>\(e(l["anomalies"])) (\(r.anomalies.count))</h2>\(anomalies)
            </body></html>
            """
    }

    /// Twelve bars of trips with the reimbursements as a line, each on its own scale.
    static func trend(_ months: [Figures]) -> String {
        let width = 720.0, height = 220.0, left = 10.0, bottom = 28.0, slot = (width - 2 * left) / Double(max(months.count, 1))
        let maxTrips = Double(max(months.map(\.requested).max() ?? 1, 1)), maxEuros = Double(max(months.map(\.reimbursedCents).max() ?? 1, 1))
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=img aria-label=\"trend\">"
        var points: [String] = []
        for (index, month) in months.enumerated() {
            let x = left + Double(index) * slot
            let h = (height - bottom - 20) * Double(month.requested) / maxTrips
            svg += "<rect x=\"\(fmt(x + slot * 0.15))\" y=\"\(fmt(height - bottom - h))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(h))\" fill=\"#8fbcd4\"><title>\(month.period): \(month.requested)</title></rect>"
            svg += "<text x=\"\(fmt(x + slot / 2))\" y=\"\(fmt(height - 10))\" font-size=\"11\" text-anchor=\"middle\">\(month.period.suffix(5))</text>"
            svg += "<text x=\"\(fmt(x + slot / 2))\" y=\"\(fmt(height - bottom - h - 4))\" font-size=\"10\" text-anchor=\"middle\">\(month.requested)</text>"
            guard month.requested > 0 else { continue } // no data that month: no point on the line
            let y = height - bottom - (height - bottom - 20) * Double(month.reimbursedCents) / maxEuros
            points.append("\(fmt(x + slot / 2)),\(fmt(y))")
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2.5\"/>"
        return svg + "</svg>"
    }

    /// Horizontal bars with an optional target marker (the convention share).
    static func bars(_ rows: [(String, Double, Double?)], unit: String) -> String {
        let rowHeight = 20.0, labelWidth = 150.0, width = 720.0
        let maxValue = max(rows.map { max($0.1, $0.2 ?? 0) }.max() ?? 1, 0.0001)
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(Double(rows.count) * rowHeight + 6))\" role=img>"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 3
            let w = (width - labelWidth - 70) * row.1 / maxValue
            svg += "<text x=\"0\" y=\"\(fmt(y + 13))\" font-size=\"12\">\(StatementHTML.escape(row.0))</text>"
            svg += "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 2))\" width=\"\(fmt(w))\" height=\"14\" fill=\"#2a6f97\"/>"
            if let target = row.2 {
                let tx = labelWidth + (width - labelWidth - 70) * target / maxValue
                svg += "<line x1=\"\(fmt(tx))\" x2=\"\(fmt(tx))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y + 18))\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
            }
            svg += "<text x=\"\(fmt(labelWidth + w + 6))\" y=\"\(fmt(y + 13))\" font-size=\"11\">\(String(format: "%.2f", row.1))\(unit)</text>"
        }
        return svg + "</svg>"
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
