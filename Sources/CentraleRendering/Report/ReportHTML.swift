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
        var people: [PeopleRow], expiring: String, noTrip60: String
        var anomalyCount: String, hasAnomalies: Bool, anomalies: [Anomaly]
        var hasFooter: Bool, footer: String
    }

    struct Card { var value: String, label: String }
    struct HeadlineRow { var label: String, month: String, ytd: String, last: String }
    struct CountList { var hasItems: Bool, items: [CountRow] }
    /// Counts are text in the page's language: `1.820` in Italian.
    struct CountRow { var label: String, trips: String }
    struct PeopleRow { var label: String, month: String, ytd: String }
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
            CountList(hasItems: !items.isEmpty, items: items.map { CountRow(label: label($0), trips: n.count($0.trips)) })
        }
        let page = Page(
            lang: n.rawValue, month: YearMonth(r.month).map(n.month) ?? r.month, l: l.all, tripsLower: l[.trips].lowercased(), cards: cards,
            projectionMethod: l.method(r.projection.method), projectionTrips: FigureValue.count(r.projection.trips).text(n),
            projectionKm: FigureValue.metres(r.projection.loggedMetres).text(n), projectionEuros: FigureValue.cents(r.projection.reimbursedCents).text(n),
            trendChart: trend(r.trend, l),
            associationsChart: bars(r.associations.map { a -> BarRow in
                let share = n.percent(a.shareBasisPoints, digits: 2)
                return BarRow(label: Self.shortName(a.name.isEmpty ? a.code : a.name), value: a.shareBasisPoints, target: a.conventionBasisPoints, text: share,
                              tip: l.shareTip(name: a.name.isEmpty ? a.code : a.name, share: share, convention: n.percent(a.conventionBasisPoints, digits: 2)))
            }, unit: .share, title: l[.associations], l),
            comuniChart: bars(r.comuni.map { c -> BarRow in
                let per1000 = ReportText.per1000(c.per1000Hundredths, n.numberForm, digits: 2)
                return BarRow(label: c.name, value: c.per1000Hundredths, target: nil, text: per1000,
                              tip: l.per1000Tip(name: c.name, trips: c.trips, tripsText: FigureValue.count(c.trips).text(n), per1000: per1000))
            }, unit: .per1000, title: l[.equity], l),
            headline: headline,
            purposes: counts(r.purposes) { l.purpose(key: $0.key) }, destinations: counts(r.destinations) { $0.label },
            reasons: counts(r.unassignableReasons) { l.reason(key: $0.key, comuni: r.comuni) },
            sharedRides: ReportText.sharedRides(r.sharedRides, l),
            people: ReportText.peopleRows(r.people).map { PeopleRow(label: l[$0.0], month: n.count($0.1), ytd: n.count($0.2)) },
            expiring: n.count(r.people.expiringNextMonth), noTrip60: n.count(r.people.withoutTrip60Days),
            anomalyCount: n.count(r.anomalies.count), hasAnomalies: !r.anomalies.isEmpty,
            anomalies: r.anomalies.map { Anomaly(trip: $0.trip, date: n.date(iso: $0.date), association: $0.association, flag: ReportText.anomaly($0, l)) },
            hasFooter: footer != nil, footer: footer ?? "")
        return try Templates.render(page, template: "report")
    }

    // MARK: Charts
    //
    // The SVGs are 720 units wide: on an A4 page (18.2 cm between the margins) a unit prints at
    // about 0.95 CSS px, so their 13-unit text prints at about 9 pt. Every text inside is escaped;
    // the geometry depends on the figures only (no clock), so the same report gives the same page.

    /// The colours of the series: the trips' bars, the euros' line, the bars of the breakdowns and
    /// the convention's marker; gridlines, axes and text (the page's).
    static let tripsColour = "#8fbcd4", eurosColour = "#c0392b", barColour = "#2a6f97", markerColour = "#c0392b"
    static let gridColour = "#dde3e8", axisColour = "#42505e", textColour = "#1d2733"
    /// The charts' text size, in the SVG's units.
    static let fontSize = 13

    /// Whether a month of the trend has data: a trip requested or money reimbursed. A month before
    /// the service started (or not begun yet) has neither, and the chart leaves it blank: no bar,
    /// no value, no point on the line (which breaks there).
    static func hasData(_ f: Figures) -> Bool { f.requested > 0 || f.reimbursedCents != 0 }

    /// The months' trips as bars on the left axis (trips) and their reimbursements as a line on
    /// the right axis (euros), both from 0 on the same gridlines; months on the x axis by their
    /// short name (`gen 25`); a legend naming each series; a tooltip per month
    /// (`marzo 2025: 3.032 servizi richiesti, 68.380,95 € rimborsati`).
    /// A month without data is left blank, and the line is drawn only across consecutive months
    /// with data (a month alone is a dot).
    static func trend(_ months: [Figures], _ l: ReportLabels) -> String {
        let e = HTML.escape, n = l.language
        let width = 720.0, height = 316.0, left = 58.0, right = 82.0, top = 34.0, base = 228.0
        let plotWidth = width - left - right, plotHeight = base - top
        let slot = plotWidth / Double(max(months.count, 1))
        let filled = months.map { hasData($0) }
        // One set of gridlines for both axes: the euros' scale has as many steps as the trips'.
        let trips = Scale(maximum: months.map(\.requested).max() ?? 0)
        let euros = Scale(maximum: months.map { wholeEurosUp($0.reimbursedCents) }.max() ?? 0, steps: trips.steps)
        func centre(_ index: Int) -> Double { left + (Double(index) + 0.5) * slot }
        func name(_ f: Figures) -> String { YearMonth(f.period).map(n.month) ?? f.period }
        func number(_ value: Int) -> String { FigureValue.count(value).text(n) }

        var body = ""
        for (index, value) in trips.ticks.enumerated() {
            let y = base - plotHeight * trips.fraction(value)
            body += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(left + plotWidth))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"\(gridColour)\"/>"
            body += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(e(number(value)))</text>"
            if index < euros.ticks.count {
                body += "<text x=\"\(fmt(left + plotWidth + 6))\" y=\"\(fmt(y + 4))\">\(e(number(euros.ticks[index]))) €</text>"
            }
        }
        body += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(top - 14))\" text-anchor=\"end\" font-weight=\"600\">\(e(l[.axisTrips]))</text>"
        body += "<text x=\"\(fmt(left + plotWidth + 6))\" y=\"\(fmt(top - 14))\" font-weight=\"600\">€</text>"

        var segments: [[String]] = [[]], dots = "", tips: [String] = []
        for (index, month) in months.enumerated() {
            let x = centre(index)
            // The month's short name, and under it the year at the first month and at each January.
            let period = YearMonth(month.period)
            let short = period.map(n.shortMonth) ?? month.period
            body += "<text x=\"\(fmt(x))\" y=\"\(fmt(base + 18))\" text-anchor=\"middle\">\(e(String(short.split(separator: " ").first ?? "")))</text>"
            if let period, index == 0 || period.month == 1 {
                body += "<text x=\"\(fmt(x))\" y=\"\(fmt(base + 34))\" text-anchor=\"middle\">\(period.year)</text>"
            }
            guard filled[index] else {
                if !segments[segments.count - 1].isEmpty { segments.append([]) }
                continue
            }
            let tip = l.trendTip(month: name(month), trips: month.requested, tripsText: number(month.requested),
                                 euros: FigureValue.cents(month.reimbursedCents).text(n))
            tips.append(tip)
            let barTop = base - plotHeight * trips.fraction(month.requested)
            let lineY = base - plotHeight * Double(max(month.reimbursedCents, 0)) / Double(euros.top * 100)
            body += "<g><title>\(e(tip))</title><rect class=\"bar\" x=\"\(fmt(x - slot * 0.3))\" y=\"\(fmt(barTop))\" width=\"\(fmt(slot * 0.6))\" "
            body += "height=\"\(fmt(base - barTop))\" fill=\"\(tripsColour)\"/>"
            body += "<text class=\"value\" x=\"\(fmt(x))\" y=\"\(fmt(barTop - 5))\" text-anchor=\"middle\">\(e(number(month.requested)))</text></g>"
            segments[segments.count - 1].append("\(fmt(x)),\(fmt(lineY))")
            dots += "<circle class=\"dot\" cx=\"\(fmt(x))\" cy=\"\(fmt(lineY))\" r=\"3.5\" fill=\"\(eurosColour)\"><title>\(e(tip))</title></circle>"
        }
        body += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(left))\" y1=\"\(fmt(top))\" y2=\"\(fmt(base))\" stroke=\"\(axisColour)\"/>"
        body += "<line x1=\"\(fmt(left + plotWidth))\" x2=\"\(fmt(left + plotWidth))\" y1=\"\(fmt(top))\" y2=\"\(fmt(base))\" stroke=\"\(axisColour)\"/>"
        body += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(left + plotWidth))\" y1=\"\(fmt(base))\" y2=\"\(fmt(base))\" stroke=\"\(axisColour)\"/>"
        // The line, one piece per run of months with data; a month alone has only its dot.
        for segment in segments where segment.count > 1 {
            body += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"\(eurosColour)\" stroke-width=\"2.5\"/>"
        }
        body += dots

        let legend = base + 58, lineX = left + 300
        body += "<rect x=\"\(fmt(left))\" y=\"\(fmt(legend - 10))\" width=\"14\" height=\"10\" fill=\"\(tripsColour)\"/>"
        body += "<text x=\"\(fmt(left + 20))\" y=\"\(fmt(legend))\">\(e(l[.legendTrips]))</text>"
        body += "<line x1=\"\(fmt(lineX))\" x2=\"\(fmt(lineX + 22))\" y1=\"\(fmt(legend - 4))\" y2=\"\(fmt(legend - 4))\" stroke=\"\(eurosColour)\" stroke-width=\"2.5\"/>"
        body += "<circle cx=\"\(fmt(lineX + 11))\" cy=\"\(fmt(legend - 4))\" r=\"3.5\" fill=\"\(eurosColour)\"/>"
        body += "<text x=\"\(fmt(lineX + 30))\" y=\"\(fmt(legend))\">\(e(l[.legendEuros]))</text>"
        let blank = filled.filter { !$0 }.count
        if blank > 0 { body += "<text x=\"\(fmt(left))\" y=\"\(fmt(legend + 20))\" fill=\"\(axisColour)\">\(e(l[.legendNoData]))</text>" }

        var summary = l.trendSummary(from: months.first.map(name) ?? "", to: months.last.map(name) ?? "", withoutData: blank)
        if !tips.isEmpty { summary += ". " + tips.joined(separator: "; ") }
        return svgOpen(width: width, height: height, summary: summary) + body + "</svg>"
    }

    /// What a breakdown's bars measure: an association's share of the month's trips (its target
    /// the convention share), or a comune's trips per 1,000 inhabitants. Both in hundredths.
    enum BarUnit {
        case share, per1000

        /// What a bar is, in the legend.
        var legend: ReportLabel {
            switch self {
            case .share: .legendShare
            case .per1000: .legendPer1000
            }
        }

        /// The axis's title: the unit.
        var axis: ReportLabel {
            switch self {
            case .share: .axisShare
            case .per1000: .axisPer1000
            }
        }

        /// A tick of the axis: `2 %`, `2%`; `5`, `2,5`.
        func tick(_ hundredths: Int, digits: Int, _ n: Language) -> String {
            switch self {
            case .share: n.percent(hundredths, digits: digits)
            case .per1000: ReportText.per1000(hundredths, n.numberForm, digits: digits)
            }
        }
    }

    /// A row of a breakdown: its label, its value and optional target (hundredths, one scale),
    /// its value as text beside the bar, and its tooltip.
    /// A name short enough for a chart's label column (the full name is in the row's tooltip):
    /// whole words from its end (where associations say their place) and from its start, an
    /// ellipsis between them: `Croce Rossa … di Campi Bisenzio`.
    static func shortName(_ name: String, limit: Int = 34) -> String {
        guard name.count > limit else { return name }
        let words = name.split(separator: " ").map(String.init)
        var head: [String] = [], tail: [String] = []
        func length(_ head: [String], _ tail: [String]) -> Int { (head + ["…"] + tail).joined(separator: " ").count }
        var front = 0, back = words.count - 1
        while front <= back {
            if tail.count <= head.count, length(head, [words[back]] + tail) <= limit { tail.insert(words[back], at: 0); back -= 1 }
            else if length(head + [words[front]], tail) <= limit { head.append(words[front]); front += 1 }
            else if length(head, [words[back]] + tail) <= limit { tail.insert(words[back], at: 0); back -= 1 }
            else { break }
        }
        if head.isEmpty && tail.isEmpty { return String(name.prefix(limit - 1)) + "…" }
        return (head + ["…"] + tail).joined(separator: " ")
    }

    struct BarRow {
        var label: String, value: Int, target: Int?, text: String, tip: String
    }

    /// Horizontal bars on an axis of `unit` with round ticks, the target of each row (the
    /// convention share) as a marker, and a legend naming the bars and, when there are any, the markers.
    static func bars(_ rows: [BarRow], unit: BarUnit, title: String, _ l: ReportLabels) -> String {
        let e = HTML.escape, n = l.language
        let width = 720.0, labelWidth = 250.0, valueWidth = 70.0, rowHeight = 20.0, top = 30.0
        let plotWidth = width - labelWidth - valueWidth, plotBottom = top + Double(rows.count) * rowHeight
        let height = plotBottom + 46
        let scale = Scale(maximum: rows.map { max($0.value, $0.target ?? 0) }.max() ?? 0)
        func x(_ value: Int) -> Double { labelWidth + plotWidth * scale.fraction(value) }

        var body = "<rect x=\"0\" y=\"6\" width=\"14\" height=\"10\" fill=\"\(barColour)\"/><text x=\"20\" y=\"16\">\(e(l[unit.legend]))</text>"
        if rows.contains(where: { $0.target != nil }) {
            body += "<line x1=\"371\" x2=\"371\" y1=\"3\" y2=\"19\" stroke=\"\(markerColour)\" stroke-width=\"2\"/>"
            body += "<text x=\"380\" y=\"16\">\(e(l[.legendConvention]))</text>"
        }
        for value in scale.ticks {
            let gx = x(value)
            body += "<line x1=\"\(fmt(gx))\" x2=\"\(fmt(gx))\" y1=\"\(fmt(top))\" y2=\"\(fmt(plotBottom + 4))\" stroke=\"\(gridColour)\"/>"
            body += "<text x=\"\(fmt(gx))\" y=\"\(fmt(plotBottom + 18))\" text-anchor=\"middle\">\(e(unit.tick(value, digits: scale.hundredthsDigits, n)))</text>"
        }
        body += "<line x1=\"\(fmt(labelWidth))\" x2=\"\(fmt(labelWidth + plotWidth))\" y1=\"\(fmt(plotBottom))\" y2=\"\(fmt(plotBottom))\" stroke=\"\(axisColour)\"/>"
        body += "<text x=\"\(fmt(labelWidth + plotWidth / 2))\" y=\"\(fmt(plotBottom + 38))\" text-anchor=\"middle\" font-weight=\"600\">\(e(l[unit.axis]))</text>"
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight, end = x(row.value)
            body += "<g><title>\(e(row.tip))</title><text x=\"0\" y=\"\(fmt(y + 14))\">\(e(row.label))</text>"
            body += "<rect class=\"bar\" x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(end - labelWidth))\" height=\"14\" fill=\"\(barColour)\"/>"
            var textX = end
            if let target = row.target {
                let tx = x(target)
                body += "<line class=\"marker\" x1=\"\(fmt(tx))\" x2=\"\(fmt(tx))\" y1=\"\(fmt(y + 1))\" y2=\"\(fmt(y + 19))\" stroke=\"\(markerColour)\" stroke-width=\"2\"/>"
                textX = max(end, tx)
            }
            body += "<text x=\"\(fmt(textX + 6))\" y=\"\(fmt(y + 14))\">\(e(row.text))</text></g>"
        }
        var summary = title
        if !rows.isEmpty { summary += ". " + rows.map(\.tip).joined(separator: "; ") }
        return svgOpen(width: width, height: height, summary: summary) + body + "</svg>"
    }

    /// A chart's opening: its size, `role="img"` with the summary as its accessible name and as
    /// its `<title>` (the tooltip of the chart as a whole), and the text size of everything in it.
    static func svgOpen(width: Double, height: Double, summary: String) -> String {
        let text = HTML.escape(summary)
        return "<svg viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-label=\"\(text)\" font-size=\"\(fontSize)\" "
            + "fill=\"\(textColour)\"><title>\(text)</title>"
    }

    /// Whole euros, rounded up, of an amount in cents (0 for none or less).
    static func wholeEurosUp(_ cents: Int) -> Int { cents > 0 ? cents / 100 + (cents % 100 > 0 ? 1 : 0) : 0 }

    /// An axis from 0 in round steps (1, 2 or 5 × 10^k), with at least one step, so that an empty
    /// chart has an axis too.
    struct Scale {
        let step: Int, steps: Int
        var top: Int { step * steps }
        /// The gridlines' values, 0 to the top.
        var ticks: [Int] { (0...steps).map { $0 * step } }
        /// The decimals a tick needs on a scale of hundredths: 0 for `5`, 1 for `0,5`, 2 for `0,05`.
        var hundredthsDigits: Int { step % 100 == 0 ? 0 : step % 10 == 0 ? 1 : 2 }

        /// At most `about` steps up to `maximum`, the step as small as that allows.
        init(maximum: Int, about count: Int = 4) {
            let high = max(maximum, 0)
            let unit = Self.niceStep(atLeast: Self.divideUp(high, max(count, 1)))
            self.step = unit
            self.steps = max(Self.divideUp(high, unit), 1)
        }

        /// Exactly `steps` steps reaching at least `maximum`: a second axis on the first one's gridlines.
        init(maximum: Int, steps count: Int) {
            self.steps = max(count, 1)
            self.step = Self.niceStep(atLeast: Self.divideUp(max(maximum, 0), max(count, 1)))
        }

        /// Where a value falls: 0 on the axis, 1 at the top (negatives on the axis).
        func fraction(_ value: Int) -> Double { Double(max(value, 0)) / Double(top) }

        /// The smallest of 1, 2, 5 × 10^k that is at least `value` (and at least 1).
        static func niceStep(atLeast value: Int) -> Int {
            let target = max(value, 1)
            var magnitude = 1
            while magnitude <= target / 10 { magnitude *= 10 }
            for factor in [1, 2, 5] where factor * magnitude >= target { return factor * magnitude }
            return 10 * magnitude
        }

        /// `a / b` rounded up, for `a >= 0` and `b > 0`.
        static func divideUp(_ a: Int, _ b: Int) -> Int { a / b + (a % b > 0 ? 1 : 0) }
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
