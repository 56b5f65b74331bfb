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
    static func headline(_ f: Figures) -> [(ReportLabel, FigureValue)] { ReportFigure.allCases.map { ($0.label, $0.value(f)) } }

    /// Trips per 1,000 inhabitants (hundredths), with two decimals.
    static func per1000(_ hundredths: Int, _ form: NumberForm, digits: Int = 2) -> String {
        ScaledNumber.text(hundredths, scale: 2, digits: digits, form: form)
    }

    /// An anomaly's difference, written from its figures: `+62 % (31,0 km registrati, 19,1 km stimati)`.
    static func anomaly(_ a: MonitoringReport.Anomaly, _ l: ReportLabels) -> String {
        guard a.estimatedMetres > 0 else { return a.flag }
        let n = l.language
        let percent = Int((Double(a.loggedMetres - a.estimatedMetres) / Double(a.estimatedMetres) * 100).rounded())
        return "\(n.signedPercent(percent)) (\(n.km(Distance(metres: a.loggedMetres))) \(l[.kmLogged]), "
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
            lines.append("| \(e(a.code)) | \(n.count(a.trips)) | \(n.percent(a.shareBasisPoints, digits: 2)) | \(n.percent(a.conventionBasisPoints, digits: 2)) | \(FigureValue.cents(a.reimbursedCents).text(n)) |")
        }
        lines += ["", "## \(l[.equity])", "", "| \(l[.comune]) | \(l[.population]) | \(l[.trips]) | \(l[.per1000]) |", "| --- | ---: | ---: | ---: |"]
        for c in r.comuni {
            lines.append("| \(e(c.name)) | \(n.count(c.population)) | \(n.count(c.trips)) | \(per1000(c.per1000Hundredths, n.numberForm)) |")
        }
        lines += ["", "## \(l[.purposes])", ""] + r.purposes.map { "- \(e(l.purpose(key: $0.key))): \(n.count($0.trips))" }
        lines += ["", "## \(l[.destinations])", ""] + r.destinations.map { "- \(e($0.label)): \(n.count($0.trips))" }
        lines += ["", "## \(l[.reasons])", ""]
            + (r.unassignableReasons.isEmpty ? [l[.none]] : r.unassignableReasons.map { "- \(e(l.reason(key: $0.key, comuni: r.comuni))): \(n.count($0.trips))" })
        lines += ["", "## \(l[.shared])", "", sharedRides(r.sharedRides, l)]
        lines += ["", "## \(l[.people])", "", "| | \(l[.month]) | \(l[.ytd]) |", "| --- | ---: | ---: |"]
            + peopleRows(r.people).map { "| \(l[$0.0]) | \(n.count($0.1)) | \(n.count($0.2)) |" }
            + ["", "- \(l[.expiring]): \(n.count(r.people.expiringNextMonth))", "- \(l[.noTrip60]): \(n.count(r.people.withoutTrip60Days))"]
        lines += ["", "## \(l[.anomalies]) (\(n.count(r.anomalies.count)))", ""]
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
        return "\(n.count(s.plans)) \(l[.sharedPlans]), \(n.count(s.plannedTrips)) \(l[.sharedTrips]); \(km(s.plannedMetres)) \(l[.sharedKm]) "
            + "\(km(s.baselineMetres)) \(l[.sharedAlone]): \(l[.sharedSaving]) \(km(s.baselineMetres - s.plannedMetres)) km, "
            + "\(FigureValue.cents(s.savingCents).text(n)) €"
    }

    /// CSV: one `section,key,period,value` row per figure, so that anyone can recompute them;
    /// every value is a number in the dialect's form (km whole, euros with two decimals,
    /// percentages with two decimals and no `%`). Like every CSV here, its words follow the
    /// dialect: Italian Excel has Italian headers, sections and keys (`mese;assenze;…`), and
    /// Italian purposes; RFC 4180, for programs, the English machine keys (`month,noShow,…`).
    /// Codes from the data (associations, ISTAT codes, places, reasons) are the same in both.
    static func csv(_ r: MonitoringReport, _ d: CSVDialect) -> String {
        let italian = d.italian
        var rows = [italian ? ["sezione", "chiave", "periodo", "valore"] : ["section", "key", "period", "value"]]
        func word(_ w: ReportCSVWord) -> String { italian ? w.italian : w.rawValue }
        func line(_ section: ReportCSVWord, _ key: String, _ period: some StringProtocol, _ value: FigureValue) {
            rows.append([word(section), key, String(period), value.cell(d)])
        }
        func add(_ section: ReportCSVWord, _ f: Figures) {
            for figure in ReportFigure.allCases { line(section, italian ? figure.italianKey : figure.rawValue, f.period, figure.value(f)) }
        }
        add(.month, r.current)
        add(.yearToDate, r.yearToDate)
        if let last = r.sameMonthLastYear { add(.sameMonthLastYear, last) }
        for f in r.trend { add(.trend, f) }
        line(.projection, word(.trips), r.month.prefix(4), .count(r.projection.trips))
        line(.projection, word(.km), r.month.prefix(4), .metres(r.projection.loggedMetres))
        line(.projection, word(.euros), r.month.prefix(4), .cents(r.projection.reimbursedCents))
        for a in r.associations {
            line(.associationTrips, a.code, r.month, .count(a.trips))
            line(.associationShare, a.code, r.month, .basisPoints(a.shareBasisPoints))
            line(.associationConventionShare, a.code, r.month, .basisPoints(a.conventionBasisPoints))
            line(.associationEuros, a.code, r.month, .cents(a.reimbursedCents))
        }
        for c in r.comuni {
            line(.comuneTrips, c.istatCode, r.month, .count(c.trips))
            rows.append([word(.comunePer1000), c.istatCode, r.month, per1000(c.per1000Hundredths, d.numberForm, digits: 2)])
        }
        for p in r.purposes {
            line(.purpose, italian ? (TripPurpose(rawValue: p.key)?.italianName ?? p.key) : p.key, r.month, .count(p.trips))
        }
        for x in r.destinations { line(.destination, x.key, r.month, .count(x.trips)) }
        for u in r.unassignableReasons { line(.unassignableReason, u.key, r.month, .count(u.trips)) }
        let shared = r.sharedRides
        line(.sharedRides, word(.plans), r.month, .count(shared.plans))
        line(.sharedRides, word(.trips), r.month, .count(shared.plannedTrips))
        line(.sharedRides, word(.kmPlanned), r.month, .metres(shared.plannedMetres))
        line(.sharedRides, word(.kmAlone), r.month, .metres(shared.baselineMetres))
        line(.sharedRides, word(.eurosSaved), r.month, .cents(shared.savingCents))
        let people = r.people, ytd = "\(r.month.prefix(4))-01..\(r.month)"
        let comings: [(ReportCSVWord, Int, Int)] = [(.activations, people.activationsMonth, people.activationsYearToDate),
                                                    (.suspensions, people.suspensionsMonth, people.suspensionsYearToDate),
                                                    (.closings, people.closingsMonth, people.closingsYearToDate)]
        for (key, month, year) in comings {
            line(.people, word(key), r.month, .count(month))
            line(.people, word(key), ytd, .count(year))
        }
        line(.people, word(.expiringNextMonth), r.month, .count(people.expiringNextMonth))
        line(.people, word(.withoutTrip60Days), r.month, .count(people.withoutTrip60Days))
        let labels = ReportLabels(language: italian ? .it : .en)
        for a in r.anomalies { rows.append([word(.anomaly), String(a.trip), d.date(iso: a.date), anomaly(a, labels)]) }
        return CSVWriter(dialect: d).document(rows)
    }
}

/// A headline figure of a period, in the order every output lists them: its label for people,
/// its key in the Italian Excel CSV, and its value. The raw value is its key in the RFC 4180 CSV
/// (a machine key, which programs read: it does not change).
enum ReportFigure: String, CaseIterable {
    case requested, assigned, done, noShow, cancelled, unassignable, km, kmEstimated, euros, costTrip, costKm, active, new, onTime, flagged

    var label: ReportLabel {
        switch self {
        case .requested: .requested
        case .assigned: .assigned
        case .done: .done
        case .noShow: .noShow
        case .cancelled: .cancelled
        case .unassignable: .unassignable
        case .km: .km
        case .kmEstimated: .kmEstimated
        case .euros: .euros
        case .costTrip: .costTrip
        case .costKm: .costKm
        case .active: .active
        case .new: .new
        case .onTime: .onTime
        case .flagged: .flagged
        }
    }

    /// Its key in the Italian Excel CSV: the report's label in lower case (the glossary's words:
    /// `assenze` for no-shows), euros with their unit as the labels have it, no `%` (a cell of
    /// the CSV never has one).
    var italianKey: String {
        switch self {
        case .requested: "servizi richiesti"
        case .assigned: "assegnati"
        case .done: "effettuati"
        case .noShow: "assenze"
        case .cancelled: "annullati"
        case .unassignable: "non assegnabili"
        case .km: "km percorsi"
        case .kmEstimated: "km stimati"
        case .euros: "rimborsato (€)"
        case .costTrip: "costo per servizio (€)"
        case .costKm: "costo per km (€)"
        case .active: "beneficiari serviti"
        case .new: "nuove attivazioni"
        case .onTime: "puntualità"
        case .flagged: "km da rivedere"
        }
    }

    func value(_ f: Figures) -> FigureValue {
        switch self {
        case .requested: .count(f.requested)
        case .assigned: .count(f.assigned)
        case .done: .count(f.done)
        case .noShow: .count(f.noShow)
        case .cancelled: .count(f.cancelled)
        case .unassignable: .count(f.unassignable)
        case .km: .metres(f.loggedMetres)
        case .kmEstimated: .metres(f.estimatedMetres)
        case .euros: .cents(f.reimbursedCents)
        case .costTrip: .cents(f.costPerTripCents)
        case .costKm: .cents(f.costPerKmCents)
        case .active: .count(f.activeBeneficiaries)
        case .new: .count(f.newBeneficiaries)
        case .onTime: .basisPoints(f.onTimeBasisPoints)
        case .flagged: .count(f.flagged)
        }
    }
}

/// The report CSV's sections and its own keys: the raw value is the RFC 4180 machine word (kept
/// as programs read it), `italian` the Italian Excel one.
enum ReportCSVWord: String, CaseIterable {
    // Sections.
    case month, yearToDate = "year_to_date", sameMonthLastYear = "same_month_last_year", trend, projection
    case associationTrips = "association_trips", associationShare = "association_share"
    case associationConventionShare = "association_convention_share", associationEuros = "association_euros"
    case comuneTrips = "comune_trips", comunePer1000 = "comune_per_1000"
    case purpose, destination, unassignableReason = "unassignable_reason", sharedRides = "shared_rides", people, anomaly
    // Keys of the projection, the shared rides and the people.
    case trips, km, euros, plans, kmPlanned = "km_planned", kmAlone = "km_alone", eurosSaved = "euros_saved"
    case activations, suspensions, closings
    case expiringNextMonth = "authorisations_expiring_next_month", withoutTrip60Days = "active_without_trip_60_days"

    var italian: String {
        switch self {
        case .month: "mese"
        case .yearToDate: "da inizio anno"
        case .sameMonthLastYear: "stesso mese anno prima"
        case .trend: "ultimi 12 mesi"
        case .projection: "proiezione anno"
        case .associationTrips: "servizi associazione"
        case .associationShare: "quota associazione"
        case .associationConventionShare: "quota convenzione"
        case .associationEuros: "rimborsato associazione (€)"
        case .comuneTrips: "servizi comune"
        case .comunePer1000: "servizi per 1.000 abitanti"
        case .purpose: "motivo"
        case .destination: "destinazione"
        case .unassignableReason: "motivo non assegnabile"
        case .sharedRides: "giri condivisi"
        case .people: "beneficiari"
        case .anomaly: "anomalia km"
        case .trips: "servizi"
        case .km: "km"
        case .euros: "rimborsato (€)"
        case .plans: "giornate pianificate"
        case .kmPlanned: "km pianificati"
        case .kmAlone: "km da soli"
        case .eurosSaved: "risparmio (€)"
        case .activations: "attivazioni"
        case .suspensions: "sospensioni"
        case .closings: "chiusure"
        case .expiringNextMonth: "autorizzazioni in scadenza il mese prossimo"
        case .withoutTrip60Days: "attivi senza servizi da 60 giorni"
        }
    }
}
