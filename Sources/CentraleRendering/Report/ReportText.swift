import CentraleFormats
import CentraleDomain
import CentraleReport

/// The formats of the monitoring report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html, md, csv, json
}

/// Renders the monitoring table's monthly report.
public enum ReportRenderer {
    /// - Parameters:
    ///   - language: the words, numbers and dates of Markdown and HTML (JSON is machine-neutral).
    ///   - dialect: the CSV's form (Italian Excel by default, or RFC 4180).
    ///   - status: whether the report is final or provisional: the footer of Markdown and HTML,
    ///     with the month (none when nil).
    public static func render(_ report: MonitoringReport, format: ReportFormat, language: Language = .it, dialect: CSVDialect = .excel,
                              status: MonthDocumentStatus? = nil) throws -> String {
        let labels = ReportLabels(language: language)
        let month = YearMonth(report.month).map(language.month) ?? report.month
        let footer = status.map { DocumentStatusText.footer(month: month, $0, language) }
        switch format {
        case .json: return try JSONText.string(report)
        case .csv: return ReportText.csv(report, dialect)
        case .md: return ReportText.markdown(report, labels) + (footer.map { "\n\n---\n\n_\(Markdown.escape($0))_" } ?? "")
        case .html: return try ReportHTML.page(report, labels, footer: footer)
        }
    }
}

/// A figure of the report, typed, so that each output writes it in its own form.
enum FigureValue {
    case count(Int)
    case cents(Int?)
    case metres(Int)
    case basisPoints(Int?)

    /// For people, in the language: `1.234,56`, `1.235`, `98,4 %`; `-` when unknown.
    func text(_ n: Language) -> String {
        switch self {
        case .count(let value): ScaledNumber.text(value, scale: 0, digits: 0, form: n.numberForm)
        case .cents(let cents): cents.map { n.euros(Money(cents: $0)) } ?? "-"
        case .metres(let metres): Distance(metres: metres).wholeKilometresText(n.numberForm)
        case .basisPoints(let bp): bp.map { n.percent($0) } ?? "-"
        }
    }

    /// For a CSV cell: a plain number in the dialect's form (percentages with two decimals and
    /// no `%`); empty when unknown.
    func cell(_ d: CSVDialect) -> String {
        switch self {
        case .count(let value): String(value)
        case .cents(let cents): cents.map { d.euros(Money(cents: $0)) } ?? ""
        case .metres(let metres): Distance(metres: metres).wholeKilometresText(d.numberForm)
        case .basisPoints(let bp): bp.map { BasisPoints.percentText($0, form: d.numberForm) } ?? ""
        }
    }
}

/// The report as Markdown and CSV (the same figures as the JSON and the HTML).
enum ReportText {
    /// The headline rows: label and value per figure.
    static func headline(_ f: Figures) -> [(ReportLabel, FigureValue)] {
        [(.requested, .count(f.requested)), (.assigned, .count(f.assigned)), (.done, .count(f.done)), (.noShow, .count(f.noShow)),
         (.cancelled, .count(f.cancelled)), (.unassignable, .count(f.unassignable)), (.km, .metres(f.loggedMetres)),
         (.kmEstimated, .metres(f.estimatedMetres)), (.euros, .cents(f.reimbursedCents)), (.costTrip, .cents(f.costPerTripCents)),
         (.costKm, .cents(f.costPerKmCents)), (.active, .count(f.activeBeneficiaries)), (.new, .count(f.newBeneficiaries)),
         (.onTime, .basisPoints(f.onTimeBasisPoints)), (.flagged, .count(f.flagged))]
    }

    /// Trips per 1,000 inhabitants (hundredths), with two decimals.
    static func per1000(_ hundredths: Int, _ form: NumberForm, digits: Int = 2) -> String {
        ScaledNumber.text(hundredths, scale: 2, digits: digits, form: form)
    }

    /// An anomaly's difference, written from its figures: `+62 % (31,0 km registrati, 19,1 km stimati)`.
    static func anomaly(_ a: MonitoringReport.Anomaly, _ l: ReportLabels) -> String {
        guard a.estimatedMetres > 0 else { return a.flag }
        let n = l.language
        let percent = Int((Double(a.loggedMetres - a.estimatedMetres) / Double(a.estimatedMetres) * 100).rounded())
        return "\(percent >= 0 ? "+" : "")\(percent)\(n == .it ? " %" : "%") (\(n.km(Distance(metres: a.loggedMetres))) \(l[.kmLogged]), "
            + "\(n.km(Distance(metres: a.estimatedMetres))) \(l[.kmEstimatedShort]))"
    }

    /// Markdown: names, labels and flags that come from the data are escaped for their cell.
    static func markdown(_ r: MonitoringReport, _ l: ReportLabels) -> String {
        let e = Markdown.escape, n = l.language
        let month = YearMonth(r.month).map(n.month) ?? r.month
        var lines = ["# \(l[.title]) — \(month)", "", "_\(l[.for])_ · \(l[.privacy])", "",
                     "| \(l[.figure]) | \(l[.month]) | \(l[.ytd]) | \(l[.lastYear]) |", "| --- | ---: | ---: | ---: |"]
        let last = r.sameMonthLastYear.map(headline), ytd = headline(r.yearToDate)
        for (index, row) in headline(r.current).enumerated() {
            lines.append("| \(l[row.0]) | \(row.1.text(n)) | \(ytd[index].1.text(n)) | \(last?[index].1.text(n) ?? "-") |")
        }
        lines += ["", "\(l[.projection]) (\(e(l.method(r.projection.method)))): \(FigureValue.count(r.projection.trips).text(n)) \(l[.trips].lowercased()), "
                  + "\(FigureValue.metres(r.projection.loggedMetres).text(n)) km, \(FigureValue.cents(r.projection.reimbursedCents).text(n)) €", "",
                  "## \(l[.associations])", "", "| \(l[.association]) | \(l[.trips]) | \(l[.share]) | \(l[.convention]) | € |", "| --- | ---: | ---: | ---: | ---: |"]
        for a in r.associations {
            lines.append("| \(e(a.code)) | \(a.trips) | \(n.percent(a.shareBasisPoints, digits: 2)) | \(n.percent(a.conventionBasisPoints, digits: 2)) | \(FigureValue.cents(a.reimbursedCents).text(n)) |")
        }
        lines += ["", "## \(l[.equity])", "", "| \(l[.comune]) | \(l[.population]) | \(l[.trips]) | \(l[.per1000]) |", "| --- | ---: | ---: | ---: |"]
        for c in r.comuni {
            lines.append("| \(e(c.name)) | \(FigureValue.count(c.population).text(n)) | \(c.trips) | \(per1000(c.per1000Hundredths, n.numberForm)) |")
        }
        lines += ["", "## \(l[.purposes])", ""] + r.purposes.map { "- \(e(l.purpose(key: $0.key))): \($0.trips)" }
        lines += ["", "## \(l[.destinations])", ""] + r.destinations.map { "- \(e($0.label)): \($0.trips)" }
        lines += ["", "## \(l[.reasons])", ""] + (r.unassignableReasons.isEmpty ? [l[.none]] : r.unassignableReasons.map { "- \(e($0.label)): \($0.trips)" })
        lines += ["", "## \(l[.shared])", "", sharedRides(r.sharedRides, l)]
        lines += ["", "## \(l[.people])", "", "| | \(l[.month]) | \(l[.ytd]) |", "| --- | ---: | ---: |"]
            + peopleRows(r.people).map { "| \(l[$0.0]) | \($0.1) | \($0.2) |" }
            + ["", "- \(l[.expiring]): \(r.people.expiringNextMonth)", "- \(l[.noTrip60]): \(r.people.withoutTrip60Days)"]
        lines += ["", "## \(l[.anomalies]) (\(r.anomalies.count))", ""]
        lines += r.anomalies.isEmpty ? [l[.none]] : ["| \(l[.trip]) | \(l[.date]) | \(l[.association]) | \(l[.difference]) |", "| ---: | --- | --- | --- |"]
            + r.anomalies.map { "| \($0.trip) | \(e(n.date(iso: $0.date))) | \(e($0.association)) | \(e(anomaly($0, l))) |" }
        return lines.joined(separator: "\n")
    }

    /// Activations, suspensions and closings: the month's and the year's counts.
    static func peopleRows(_ p: PeopleFigures) -> [(ReportLabel, Int, Int)] {
        [(.activations, p.activationsMonth, p.activationsYearToDate), (.suspensions, p.suspensionsMonth, p.suspensionsYearToDate),
         (.closings, p.closingsMonth, p.closingsYearToDate)]
    }

    /// The shared-ride plans in one sentence.
    static func sharedRides(_ s: SharedRides, _ l: ReportLabels) -> String {
        guard s.plans > 0 else { return l[.sharedNone] }
        let n = l.language
        func km(_ metres: Int) -> String { FigureValue.metres(metres).text(n) }
        return "\(s.plans) \(l[.sharedPlans]), \(s.plannedTrips) \(l[.sharedTrips]); \(km(s.plannedMetres)) \(l[.sharedKm]) "
            + "\(km(s.baselineMetres)) \(l[.sharedAlone]): \(l[.sharedSaving]) \(km(s.baselineMetres - s.plannedMetres)) km, "
            + "\(FigureValue.cents(s.savingCents).text(n)) €"
    }

    /// CSV: one `section,key,period,value` row per figure, so that anyone can recompute them;
    /// every value is a number in the dialect's form (km whole, euros with two decimals,
    /// percentages with two decimals and no `%`).
    static func csv(_ r: MonitoringReport, _ d: CSVDialect) -> String {
        var rows = [d.italian ? ["sezione", "chiave", "periodo", "valore"] : ["section", "key", "period", "value"]]
        func line(_ section: String, _ key: String, _ period: some StringProtocol, _ value: FigureValue) {
            rows.append([section, key, String(period), value.cell(d)])
        }
        func add(_ section: String, _ f: Figures) {
            for (key, value) in headline(f) { line(section, key.rawValue, f.period, value) }
        }
        add("month", r.current)
        add("year_to_date", r.yearToDate)
        if let last = r.sameMonthLastYear { add("same_month_last_year", last) }
        for f in r.trend { add("trend", f) }
        line("projection", "trips", r.month.prefix(4), .count(r.projection.trips))
        line("projection", "km", r.month.prefix(4), .metres(r.projection.loggedMetres))
        line("projection", "euros", r.month.prefix(4), .cents(r.projection.reimbursedCents))
        for a in r.associations {
            line("association_trips", a.code, r.month, .count(a.trips))
            line("association_share", a.code, r.month, .basisPoints(a.shareBasisPoints))
            line("association_convention_share", a.code, r.month, .basisPoints(a.conventionBasisPoints))
            line("association_euros", a.code, r.month, .cents(a.reimbursedCents))
        }
        for c in r.comuni {
            line("comune_trips", c.istatCode, r.month, .count(c.trips))
            rows.append(["comune_per_1000", c.istatCode, r.month, per1000(c.per1000Hundredths, d.numberForm, digits: 2)])
        }
        for p in r.purposes { line("purpose", p.key, r.month, .count(p.trips)) }
        for x in r.destinations { line("destination", x.key, r.month, .count(x.trips)) }
        for u in r.unassignableReasons { line("unassignable_reason", u.key, r.month, .count(u.trips)) }
        let shared = r.sharedRides
        line("shared_rides", "plans", r.month, .count(shared.plans))
        line("shared_rides", "trips", r.month, .count(shared.plannedTrips))
        line("shared_rides", "km_planned", r.month, .metres(shared.plannedMetres))
        line("shared_rides", "km_alone", r.month, .metres(shared.baselineMetres))
        line("shared_rides", "euros_saved", r.month, .cents(shared.savingCents))
        for (key, month, year) in peopleRows(r.people) {
            line("people", key.rawValue, r.month, .count(month))
            line("people", key.rawValue, "\(r.month.prefix(4))-01..\(r.month)", .count(year))
        }
        line("people", "authorisations_expiring_next_month", r.month, .count(r.people.expiringNextMonth))
        line("people", "active_without_trip_60_days", r.month, .count(r.people.withoutTrip60Days))
        for a in r.anomalies { rows.append(["anomaly", String(a.trip), d.date(iso: a.date), anomaly(a, ReportLabels(language: d.italian ? .it : .en))]) }
        return CSVWriter(dialect: d).document(rows)
    }
}
