import CentraleDomain
import CentraleFormats
import CentraleTariffs

/// The formats of a statement.
public enum StatementFormat: String, Sendable, CaseIterable {
    case md, csv, json, html
}

/// Renders an association's monthly statement (*rendiconto*), and the month's summary of every
/// association's, as Markdown, CSV, JSON or HTML.
public enum StatementRenderer {
    /// A flagged trip's flag as the statement writes it in `language` (`+113 % (7,3 km registrati, 3,4 km stimati)`),
    /// the stored text when the estimate is unknown: for every list of flagged trips.
    public static func kmFlag(driven: Distance, estimated: Distance?, stored: String?, language: Language) -> String {
        StatementLabels.of(language).flagText(driven: driven, estimated: estimated, stored: stored, language: language)
    }

    /// - Parameters:
    ///   - language: the words, numbers and dates of Markdown and HTML (JSON is machine-neutral).
    ///   - dialect: the CSV's form (Italian Excel by default, or RFC 4180).
    ///   - status: whether the statement is final or provisional: a line under the title of
    ///     Markdown and HTML (none when nil).
    public static func render(_ s: MonthlyStatement, format: StatementFormat, language: Language = .it, dialect: CSVDialect = .excel,
                              status: MonthDocumentStatus? = nil) throws -> String {
        switch format {
        case .json: return try JSONText.string(s)
        case .csv: return csv(s, dialect)
        case .html: return try StatementHTML.page(s, language: language, status: status)
        case .md: return markdown(s, language, status: status)
        }
    }

    /// One row per association; HTML is for one association's statement and gives Markdown here.
    /// The centre's summary of a month's statements (`statement --all`); Markdown and HTML under a
    /// title naming the month, with the status line when given, and the total of the km too.
    public static func summary(_ statements: [MonthlyStatement], format: StatementFormat, language: Language = .it, dialect: CSVDialect = .excel,
                               status: MonthDocumentStatus? = nil) -> String {
        let total = statements.reduce(Money.zero) { $0 + $1.total }
        let trips = statements.reduce(0) { $0 + $1.entries.count }
        let driven = Distance(metres: statements.reduce(0) { $0 + $1.driven.metres })
        switch format {
        case .json:
            struct Row: Encodable { var association: String, trips: Int, km: String, direct_eur: String, indirect_eur: String, total_eur: String, flagged: Int }
            struct Summary: Encodable { var month: String, total_eur: String, associations: [Row] }
            let summary = Summary(month: statements.first?.month.description ?? "", total_eur: total.description, associations: statements.map {
                Row(association: $0.association, trips: $0.entries.count, km: $0.driven.kilometresText, direct_eur: $0.direct.description,
                    indirect_eur: $0.indirect.amount.description, total_eur: $0.total.description, flagged: $0.flagged.count)
            })
            return (try? JSONText.string(summary)) ?? "{}"
        case .csv:
            let d = dialect
            let header = d.italian ? ["associazione", "servizi", "km", "diretti_eur", "indiretti_eur", "totale_eur", "da_rivedere"]
                                   : ["association", "trips", "km", "direct_eur", "indirect_eur", "total_eur", "flagged"]
            return CSVWriter(dialect: d).document([header] + statements.map {
                [$0.association, String($0.entries.count), d.km($0.driven), d.euros($0.direct),
                 d.euros($0.indirect.amount), d.euros($0.total), String($0.flagged.count)]
            } + [[d.italian ? "TOTALE" : "TOTAL", String(trips), d.km(driven), "", "", d.euros(total), ""]])
        case .md, .html:
            let e = Markdown.escape, l = StatementLabels.of(language), n = language
            var head: [String] = []
            if let month = statements.first?.month {
                head = ["# \(l.summaryTitle(n.month(month)))", ""]
                if let status { head += ["_\(e(DocumentStatusText.line(status, n)))_", ""] }
            }
            return (head + ["| \(l.association) | \(l.tripsTitle.lowercased()) | km | \(l.direct) € | \(l.indirect) € | \(l.total) € | \(l.flagged) |",
                     "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
                    + statements.map {
                        "| \(e($0.association)) | \(n.count($0.entries.count)) | \(n.km($0.driven)) | \(n.euros($0.direct)) | \(n.euros($0.indirect.amount)) "
                            + "| \(n.euros($0.total)) | \(n.count($0.flagged.count)) |"
                    }
                    + ["| **\(l.total)** | \(n.count(trips)) | \(n.km(driven)) | | | **\(n.euros(total))** | |"]).joined(separator: "\n")
        }
    }

    /// CSV: one row per reimbursement line. A flagged trip shows the km logged, the km paid, its
    /// flag and its review, as the other formats do. Amounts and km are numbers in the dialect's
    /// form; the item and the outcome are words for Italian Excel (`assenza`), codes in RFC 4180
    /// (`no_show`).
    static func csv(_ s: MonthlyStatement, _ d: CSVDialect) -> String {
        let l = StatementLabels.of(d.italian ? .it : .en)
        let header = d.italian
            ? ["servizio", "data", "beneficiario", "esito", "mezzo", "km", "km_pagati", "segnalazione_km", "revisione_km", "tariffa", "voce", "base", "importo_eur"]
            : ["trip", "date", "beneficiary", "outcome", "vehicle", "km", "km_paid", "km_flag", "km_review", "tariff", "item", "basis", "amount_eur"]
        var rows = [header]
        for entry in s.entries {
            let flag = entry.flag == nil ? "" : l.flagText(driven: entry.driven, estimated: entry.estimated, stored: entry.flag, language: d.italian ? .it : .en)
            for line in entry.reimbursement.lines {
                rows.append([String(entry.tripID), d.date(entry.date), entry.beneficiary, l.outcomeName(entry.outcome), entry.vehicle,
                             d.km(entry.driven), d.km(entry.paid ?? entry.driven), flag,
                             entry.flag == nil ? "" : (l.reviewText(entry.review) ?? l.notReviewed), entry.reimbursement.tariffID, l.itemName(line.item),
                             line.basisWords.text(d.italian ? .it : .en), d.euros(line.amount)])
            }
        }
        rows.append(["", "", "", "", "", "", "", "", "", "", l.itemName(.indirect), s.indirect.basisWords.text(d.italian ? .it : .en), d.euros(s.indirect.amount)])
        for adjustment in s.adjustments {
            rows.append([String(adjustment.tripID), "", "", "", "", "", "", "", "", "", l.adjustment,
                         "\(l.adjustmentReason(adjustment.reason)) (\(l.adjustmentOf(d.italian ? Language.it.month(adjustment.originalMonth) : adjustment.originalMonth.description)))", d.euros(adjustment.amount)])
        }
        return CSVWriter(dialect: d).document(rows)
    }

    /// Markdown: free text (names, reasons, flags, reviews, vehicles) is escaped for its table cell.
    static func markdown(_ s: MonthlyStatement, _ n: Language, status: MonthDocumentStatus? = nil) -> String {
        let e = Markdown.escape, l = StatementLabels.of(n)
        var lines = ["# \(l.title) \(n.month(s.month)) — \(e(s.associationName)) (\(e(s.association)))", ""]
        if let status { lines += ["_\(e(DocumentStatusText.line(status, n)))_", ""] }
        lines += ["\(l.trips(s.entries.count).capitalizedFirst) · km: \(n.km(s.driven)) · \(l.total): **\(n.euros(s.total)) €**", "",
                     "## \(l.totalsByItem)", "", "| \(l.item) | \(l.amount) € |", "| --- | ---: |"]
        for (item, amount) in s.totalsByItem { lines.append("| \(l.itemName(item)) | \(n.euros(amount)) |") }
        if !s.adjustments.isEmpty { lines.append("| \(l.adjustments) | \(n.euros(s.adjusted)) |") }
        lines.append("| **\(l.total)** | **\(n.euros(s.total))** |")
        lines += ["", "\(l.indirectCosts): \(e(s.indirect.basisWords.text(n))).", ""]
        if !s.adjustments.isEmpty {
            lines += ["## \(l.adjustmentsTitle)", "", "| \(l.trip) | \(l.month) | \(l.reason) | \(l.amount) € |", "| ---: | --- | --- | ---: |"]
            for adjustment in s.adjustments {
                lines.append("| \(adjustment.tripID) | \(n.month(adjustment.originalMonth)) | \(e(l.adjustmentReason(adjustment.reason))) | \(n.euros(adjustment.amount)) |")
            }
            lines.append("")
        }
        if !s.flagged.isEmpty {
            lines += ["## \(l.flaggedTitle)", "", l.flaggedNote, "",
                      "| \(l.trip) | \(l.date) | \(l.vehicle) | \(l.kmLogged) | \(l.kmEstimated) | \(l.kmPaid) | \(l.review) | \(l.flag) |",
                      "| ---: | --- | --- | ---: | ---: | ---: | --- | --- |"]
            for entry in s.flagged {
                let flag = l.flagText(driven: entry.driven, estimated: entry.estimated, stored: entry.flag, language: n)
                lines.append("| \(entry.tripID) | \(n.date(entry.date)) | \(e(entry.vehicle)) | \(n.km(entry.driven)) | "
                             + "\(entry.estimated.map(n.km) ?? "-") | \(n.km(entry.paid ?? entry.driven)) | \(e(l.reviewText(entry.review) ?? "-")) | \(e(flag)) |")
            }
            lines.append("")
        }
        lines += ["## \(l.tripsTitle)", "", "| \(l.trip) | \(l.date) | \(l.beneficiary) | \(l.outcome) | \(l.lines) | \(l.total) € |",
                  "| ---: | --- | --- | --- | --- | ---: |"]
        for entry in s.entries {
            let detail = entry.reimbursement.lines.map { "\(l.itemName($0.item)): \(e($0.basisWords.text(n))) = \(n.euros($0.amount))" }.joined(separator: "; ")
            lines.append("| \(entry.tripID) | \(n.date(entry.date)) | \(e(entry.beneficiary)) | \(l.outcomeName(entry.outcome)) | \(detail) | \(n.euros(entry.reimbursement.total)) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
