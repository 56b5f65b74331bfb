import CentraleFormats
import CentraleDomain
import CentraleReport

/// The formats of the monitoring report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html, md, csv, json
}

/// Renders the monitoring table's monthly report.
public enum ReportRenderer {
    public static func render(_ report: MonitoringReport, format: ReportFormat, language: Language = .it) throws -> String {
        let labels = ReportLabels(language: language)
        switch format {
        case .json: return try JSONText.string(report)
        case .csv: return ReportText.csv(report)
        case .md: return ReportText.markdown(report, labels)
        case .html: return try ReportHTML.page(report, labels)
        }
    }
}

/// The report as Markdown and CSV (the same figures as the JSON and the HTML).
enum ReportText {
    static func euros(_ cents: Int?) -> String { cents.map { Money(cents: $0).description } ?? "-" }
    static func km(_ metres: Int) -> String { String((metres + 500) / 1000) }
    static func percent(_ basisPoints: Int?) -> String { basisPoints.map { "\($0 / 100).\(String(100 + $0 % 100).dropFirst())%" } ?? "-" }

    /// The headline rows: label key and value per figure.
    static func headline(_ f: Figures) -> [(String, String)] {
        [("requested", String(f.requested)), ("assigned", String(f.assigned)), ("done", String(f.done)), ("noShow", String(f.noShow)),
         ("cancelled", String(f.cancelled)), ("unassignable", String(f.unassignable)), ("km", km(f.loggedMetres)),
         ("kmEstimated", km(f.estimatedMetres)), ("euros", euros(f.reimbursedCents)), ("costTrip", euros(f.costPerTripCents)),
         ("costKm", euros(f.costPerKmCents)), ("active", String(f.activeBeneficiaries)), ("new", String(f.newBeneficiaries)),
         ("onTime", percent(f.onTimeBasisPoints)), ("flagged", String(f.flagged))]
    }

    /// Markdown: names, labels and flags that come from the data are escaped for their cell.
    static func markdown(_ r: MonitoringReport, _ l: ReportLabels) -> String {
        let e = Markdown.escape
        var lines = ["# \(l["title"]) — \(r.month)", "", "_\(l["for"])_ · \(l["privacy"])", "",
                     "| \(l["figure"]) | \(l["month"]) | \(l["ytd"]) | \(l["lastYear"]) |", "| --- | ---: | ---: | ---: |"]
        let last = r.sameMonthLastYear.map(headline)
        for (index, row) in headline(r.current).enumerated() {
            lines.append("| \(l[row.0]) | \(row.1) | \(headline(r.yearToDate)[index].1) | \(last?[index].1 ?? "-") |")
        }
        lines += ["", "\(l["projection"]) (\(e(r.projection.method))): \(r.projection.trips) \(l["trips"].lowercased()), "
                  + "\(km(r.projection.loggedMetres)) km, \(euros(r.projection.reimbursedCents)) €", "",
                  "## \(l["associations"])", "", "| \(l["association"]) | \(l["trips"]) | \(l["share"]) | \(l["convention"]) | € |", "| --- | ---: | ---: | ---: | ---: |"]
        for a in r.associations { lines.append("| \(e(a.code)) | \(a.trips) | \(percent(a.shareBasisPoints)) | \(percent(a.conventionBasisPoints)) | \(euros(a.reimbursedCents)) |") }
        lines += ["", "## \(l["equity"])", "", "| \(l["comune"]) | \(l["population"]) | \(l["trips"]) | \(l["per1000"]) |", "| --- | ---: | ---: | ---: |"]
        for c in r.comuni { lines.append("| \(e(c.name)) | \(c.population) | \(c.trips) | \(Money(cents: c.per1000Hundredths)) |") }
        lines += ["", "## \(l["purposes"])", ""] + r.purposes.map { "- \(e(l["purpose." + $0.key])): \($0.trips)" }
        lines += ["", "## \(l["destinations"])", ""] + r.destinations.map { "- \(e($0.label)): \($0.trips)" }
        lines += ["", "## \(l["reasons"])", ""] + (r.unassignableReasons.isEmpty ? [l["none"]] : r.unassignableReasons.map { "- \(e($0.label)): \($0.trips)" })
        lines += ["", "## \(l["shared"])", "", sharedRides(r.sharedRides, l)]
        lines += ["", "## \(l["people"])", "", "| | \(l["month"]) | \(l["ytd"]) |", "| --- | ---: | ---: |"]
            + peopleRows(r.people).map { "| \(l[$0.0]) | \($0.1) | \($0.2) |" }
            + ["", "- \(l["expiring"]): \(r.people.expiringNextMonth)", "- \(l["noTrip60"]): \(r.people.withoutTrip60Days)"]
        lines += ["", "## \(l["anomalies"]) (\(r.anomalies.count))", ""]
        lines += r.anomalies.isEmpty ? [l["none"]] : ["| \(l["trip"]) | \(l["date"]) | \(l["association"]) | \(l["difference"]) |", "| ---: | --- | --- | --- |"]
            + r.anomalies.map { "| \($0.trip) | \(e($0.date)) | \(e($0.association)) | \(e($0.flag)) |" }
        return lines.joined(separator: "\n")
    }

    /// Activations, suspensions and closings: the month's and the year's counts.
    static func peopleRows(_ p: PeopleFigures) -> [(String, Int, Int)] {
        [("activations", p.activationsMonth, p.activationsYearToDate), ("suspensions", p.suspensionsMonth, p.suspensionsYearToDate),
         ("closings", p.closingsMonth, p.closingsYearToDate)]
    }

    /// The shared-ride plans in one sentence.
    static func sharedRides(_ s: SharedRides, _ l: ReportLabels) -> String {
        guard s.plans > 0 else { return l["sharedNone"] }
        return "\(s.plans) \(l["sharedPlans"]), \(s.plannedTrips) \(l["sharedTrips"]); \(km(s.plannedMetres)) \(l["sharedKm"]) "
            + "\(km(s.baselineMetres)) \(l["sharedAlone"]): \(l["sharedSaving"]) \(km(s.baselineMetres - s.plannedMetres)) km, \(euros(s.savingCents)) €"
    }

    /// CSV: one `section,key,period,value` row per figure, so that anyone can recompute them.
    static func csv(_ r: MonitoringReport) -> String {
        let writer = CSVWriter(separator: ",")
        var rows = ["section,key,period,value"]
        func line(_ cells: Any...) -> String { writer.row(cells.map { "\($0)" }) }
        func add(_ section: String, _ f: Figures) {
            for (key, value) in headline(f) { rows.append(line(section, key, f.period, value)) }
        }
        add("month", r.current)
        add("year_to_date", r.yearToDate)
        if let last = r.sameMonthLastYear { add("same_month_last_year", last) }
        for f in r.trend { add("trend", f) }
        rows.append(line("projection", "trips", r.month.prefix(4), r.projection.trips))
        rows.append(line("projection", "km", r.month.prefix(4), km(r.projection.loggedMetres)))
        rows.append(line("projection", "euros", r.month.prefix(4), euros(r.projection.reimbursedCents)))
        for a in r.associations {
            rows.append(line("association_trips", a.code, r.month, a.trips))
            rows.append(line("association_share", a.code, r.month, percent(a.shareBasisPoints)))
            rows.append(line("association_convention_share", a.code, r.month, percent(a.conventionBasisPoints)))
            rows.append(line("association_euros", a.code, r.month, euros(a.reimbursedCents)))
        }
        for c in r.comuni {
            rows.append(line("comune_trips", c.istatCode, r.month, c.trips))
            rows.append(line("comune_per_1000", c.istatCode, r.month, Money(cents: c.per1000Hundredths)))
        }
        for p in r.purposes { rows.append(line("purpose", p.key, r.month, p.trips)) }
        for d in r.destinations { rows.append(line("destination", d.key, r.month, d.trips)) }
        for u in r.unassignableReasons { rows.append(line("unassignable_reason", u.key, r.month, u.trips)) }
        let shared = r.sharedRides
        rows.append(line("shared_rides", "plans", r.month, shared.plans))
        rows.append(line("shared_rides", "trips", r.month, shared.plannedTrips))
        rows.append(line("shared_rides", "km_planned", r.month, km(shared.plannedMetres)))
        rows.append(line("shared_rides", "km_alone", r.month, km(shared.baselineMetres)))
        rows.append(line("shared_rides", "euros_saved", r.month, euros(shared.savingCents)))
        for (key, month, year) in peopleRows(r.people) {
            rows.append(line("people", key, r.month, month))
            rows.append(line("people", key, "\(r.month.prefix(4))-01..\(r.month)", year))
        }
        rows.append(line("people", "authorisations_expiring_next_month", r.month, r.people.expiringNextMonth))
        rows.append(line("people", "active_without_trip_60_days", r.month, r.people.withoutTrip60Days))
        for a in r.anomalies { rows.append(line("anomaly", a.trip, a.date, a.flag)) }
        return rows.joined(separator: "\n")
    }
}
