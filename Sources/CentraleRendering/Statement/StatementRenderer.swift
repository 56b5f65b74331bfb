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
    public static func render(_ s: MonthlyStatement, format: StatementFormat, language: Language = .it) throws -> String {
        switch format {
        case .json: return try JSONText.string(s)
        case .csv: return csv(s)
        case .html: return try StatementHTML.page(s, language: language)
        case .md: return markdown(s)
        }
    }

    /// One row per association; HTML is for one association's statement and gives Markdown here.
    public static func summary(_ statements: [MonthlyStatement], format: StatementFormat, language: Language = .it) -> String {
        let total = statements.reduce(Money.zero) { $0 + $1.total }
        let trips = statements.reduce(0) { $0 + $1.entries.count }
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
            let writer = CSVWriter(separator: ",")
            return ([writer.row(["association", "trips", "km", "direct_eur", "indirect_eur", "total_eur", "flagged"])] + statements.map {
                writer.row([$0.association, String($0.entries.count), $0.driven.kilometresText, $0.direct.description,
                            $0.indirect.amount.description, $0.total.description, String($0.flagged.count)])
            } + [writer.row(["TOTAL", String(trips), "", "", "", total.description, ""])]).joined(separator: "\n")
        case .md, .html:
            let e = Markdown.escape
            return (["| association | trips | km | direct € | indirect € | total € | flagged |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
                    + statements.map { "| \(e($0.association)) | \($0.entries.count) | \($0.driven.kilometresText) | \($0.direct) | \($0.indirect.amount) | \($0.total) | \($0.flagged.count) |" }
                    + ["| **total** | \(trips) | | | | **\(total)** | |"]).joined(separator: "\n")
        }
    }

    /// CSV: one row per reimbursement line. A flagged trip shows the km logged, the km paid, its
    /// flag and its review, as the other formats do.
    static func csv(_ s: MonthlyStatement) -> String {
        let writer = CSVWriter(separator: ",")
        var lines = [writer.row(["trip", "date", "beneficiary", "outcome", "vehicle", "km", "km_paid", "km_flag", "km_review", "tariff", "item", "basis", "amount_eur"])]
        for entry in s.entries {
            for line in entry.reimbursement.lines {
                lines.append(writer.row([String(entry.tripID), entry.date.description, entry.beneficiary, entry.outcome.rawValue, entry.vehicle,
                                         entry.driven.kilometresText, (entry.paid ?? entry.driven).kilometresText, entry.flag ?? "",
                                         entry.flag == nil ? "" : (entry.review ?? "not reviewed"), entry.reimbursement.tariffID, line.item.rawValue,
                                         line.basis, line.amount.description]))
            }
        }
        lines.append(writer.row(["", "", "", "", "", "", "", "", "", "", "indirect", s.indirect.basis, s.indirect.amount.description]))
        for adjustment in s.adjustments {
            lines.append(writer.row([String(adjustment.tripID), "", "", "", "", "", "", "", "", "", "adjustment",
                                     "\(adjustment.reason) (trip of \(adjustment.originalMonth))", adjustment.amount.description]))
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown: free text (names, reasons, flags, reviews, vehicles) is escaped for its table cell.
    static func markdown(_ s: MonthlyStatement) -> String {
        let e = Markdown.escape
        var lines = ["# Rendiconto \(s.month) — \(e(s.associationName)) (\(e(s.association)))", "",
                     "Trips logged: \(s.entries.count) · km: \(s.driven) · total: **\(s.total) €**", "",
                     "## Totals by item", "", "| item | amount € |", "| --- | ---: |"]
        for (item, amount) in s.totalsByItem { lines.append("| \(item.rawValue) | \(amount) |") }
        if !s.adjustments.isEmpty { lines.append("| adjustments | \(s.adjusted) |") }
        lines.append("| **total** | **\(s.total)** |")
        lines += ["", "Indirect costs: \(e(s.indirect.basis)).", ""]
        if !s.adjustments.isEmpty {
            lines += ["## Adjustments for trips of closed months", "", "| trip | month | reason | amount € |", "| ---: | --- | --- | ---: |"]
            for adjustment in s.adjustments {
                lines.append("| \(adjustment.tripID) | \(adjustment.originalMonth) | \(e(adjustment.reason)) | \(adjustment.amount) |")
            }
            lines.append("")
        }
        if !s.flagged.isEmpty {
            lines += ["## Trips flagged for km review (included above at the km paid)", "",
                      "Until reviewed (`centrale log review`), a flagged trip is paid at the estimate, capped at the logged km.", "",
                      "| trip | date | vehicle | km logged | km estimated | km paid | review | flag |",
                      "| ---: | --- | --- | ---: | ---: | ---: | --- | --- |"]
            for entry in s.flagged {
                lines.append("| \(entry.tripID) | \(entry.date) | \(e(entry.vehicle)) | \(entry.driven.kilometresText) | "
                             + "\(entry.estimated?.kilometresText ?? "-") | \((entry.paid ?? entry.driven).kilometresText) | \(e(entry.review ?? "-")) | \(e(entry.flag ?? "")) |")
            }
            lines.append("")
        }
        lines += ["## Trips", "", "| trip | date | beneficiary | outcome | lines | total € |", "| ---: | --- | --- | --- | --- | ---: |"]
        for entry in s.entries {
            let detail = entry.reimbursement.lines.map { "\($0.item.rawValue): \(e($0.basis)) = \($0.amount)" }.joined(separator: "; ")
            lines.append("| \(entry.tripID) | \(entry.date) | \(e(entry.beneficiary)) | \(entry.outcome.rawValue) | \(detail) | \(entry.reimbursement.total) |")
        }
        return lines.joined(separator: "\n")
    }
}
