import CentraleDomain
import CentraleTariffs

/// A statement as one self-contained HTML page (inline CSS, printable on A4).
enum StatementHTML {
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func page(_ s: MonthlyStatement) -> String {
        var rows = ""
        for (item, amount) in s.totalsByItem { rows += "<tr><td>\(item.rawValue)</td><td class=n>\(amount)</td></tr>\n" }
        if !s.adjustments.isEmpty { rows += "<tr><td>adjustments</td><td class=n>\(s.adjusted)</td></tr>\n" }
        var trips = ""
        for entry in s.entries {
            let lines = entry.reimbursement.lines.map { "\(escape($0.item.rawValue)): \(escape($0.basis)) = \($0.amount)" }.joined(separator: "<br>")
            trips += "<tr\(entry.flag == nil ? "" : " class=flag")><td class=n>\(entry.tripID)</td><td>\(entry.date)</td><td>\(escape(entry.beneficiary))</td>"
                + "<td>\(entry.outcome.rawValue)</td><td>\(lines)</td><td class=n>\(entry.reimbursement.total)</td></tr>\n"
        }
        var flagged = ""
        for entry in s.flagged {
            flagged += "<tr><td class=n>\(entry.tripID)</td><td>\(entry.date)</td><td>\(escape(entry.vehicle))</td>"
                + "<td class=n>\(entry.driven.kilometresText)</td><td class=n>\(entry.estimated?.kilometresText ?? "-")</td>"
                + "<td class=n>\((entry.paid ?? entry.driven).kilometresText)</td><td>\(escape(entry.review ?? "-"))</td><td>\(escape(entry.flag ?? ""))</td></tr>\n"
        }
        var adjustments = ""
        for a in s.adjustments {
            adjustments += "<tr><td class=n>\(a.tripID)</td><td>\(a.originalMonth)</td><td>\(escape(a.reason))</td><td class=n>\(a.amount)</td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Rendiconto \(s.month) — \(escape(s.associationName))</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.4em}table{border-collapse:collapse;margin:1em 0;width:100%}
            td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.flag{background:#fff4d6}.total{font-size:1.3em;font-weight:bold}@media print{body{margin:0}@page{size:A4;margin:1.5cm}}
            </style></head><body>
            <h1>Rendiconto \(s.month) — \(escape(s.associationName)) (\(s.association))</h1>
            <p>Trips logged: \(s.entries.count) · km: \(s.driven) · flagged for km review: \(s.flagged.count)</p>
            <p class=total>Total: \(s.total) €</p>
            <h2>Totals by item</h2><table><tr><th>item</th><th class=n>€</th></tr>
            \(rows)</table>
            <p>Indirect costs: \(escape(s.indirect.basis)).</p>
            \(s.adjustments.isEmpty ? "" : "<h2>Adjustments for trips of closed months</h2><table><tr><th>trip</th><th>month</th><th>reason</th><th class=n>€</th></tr>\n\(adjustments)</table>")
            \(flagged.isEmpty ? "" : "<h2>Trips flagged for km review</h2><p>Included in the totals at the km paid: the estimate, capped at the logged km, until reviewed.</p><table><tr><th>trip</th><th>date</th><th>vehicle</th><th class=n>km logged</th><th class=n>km estimated</th><th class=n>km paid</th><th>review</th><th>flag</th></tr>\n\(flagged)</table>")
            <h2>Trips</h2><table><tr><th>trip</th><th>date</th><th>beneficiary</th><th>outcome</th><th>lines</th><th class=n>€</th></tr>
            \(trips)</table>
            </body></html>
            """
    }
}
