import CentraleDomain

/// The day sheet (*foglio di servizio*) as Markdown or as an HTML page made for print: one
/// section per vehicle, its stops in order, then the trips not yet confirmed. Every value is
/// escaped for its format.
public enum DaySheetRenderer {
    /// The formats of the sheet.
    public enum Format: String, CaseIterable, Sendable { case md, html }

    public static func render(_ sheet: DaySheet, format: Format) -> String {
        switch format {
        case .md: markdown(sheet)
        case .html: html(sheet)
        }
    }

    static let headers = ["TIME", "", "TRIP", "WHO", "WHERE", "NEEDS", "PHONE", "NOTES"]

    static func cells(_ stop: DaySheet.Stop) -> [String] {
        [stop.time.description, stop.kind == .pickup ? "pick up" : "drop off", String(stop.trip), stop.beneficiary, stop.address,
         stop.needs.description, stop.phone.isEmpty ? "-" : stop.phone, stop.notes.isEmpty ? "-" : stop.notes]
    }

    static func title(_ sheet: DaySheet) -> String {
        "Day sheet: \(sheet.associationName) (\(sheet.association)), \(sheet.date)"
    }

    static func markdown(_ sheet: DaySheet) -> String {
        var lines = ["# \(Markdown.escape(title(sheet)))", ""]
        if sheet.fromPlan { lines += ["Routes from the accepted shared-ride plan.", ""] }
        func table(_ stops: [DaySheet.Stop]) {
            lines.append("| " + headers.map { $0.isEmpty ? "STOP" : $0 }.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: " --- |", count: headers.count))
            for stop in stops { lines.append("| " + cells(stop).map(Markdown.escape).joined(separator: " | ") + " |") }
            lines.append("")
        }
        if sheet.routes.isEmpty { lines += ["No trips confirmed on a vehicle.", ""] }
        for route in sheet.routes {
            lines += ["## Vehicle \(Markdown.escape(route.plate))"
                      + (route.drivers.isEmpty ? "" : ", driver \(route.drivers.map(Markdown.escape).joined(separator: ", "))"), ""]
            table(route.stops)
        }
        if !sheet.unconfirmed.isEmpty {
            lines += ["## Not yet confirmed", "", "Confirm each with `centrale confirm TRIP --vehicle V --driver D`.", ""]
            table(sheet.unconfirmed)
        }
        return lines.joined(separator: "\n")
    }

    static func html(_ sheet: DaySheet) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title(sheet)))</title>
            <style>
            body { font-family: sans-serif; font-size: 11pt; margin: 1.5cm; }
            h1 { font-size: 15pt; } h2 { font-size: 13pt; margin-top: 1.2em; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #444; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eee; } section { page-break-after: always; } section:last-child { page-break-after: auto; }
            @media print { body { margin: 0; } }
            </style></head><body>

            """
        func table(_ stops: [DaySheet.Stop]) -> String {
            var t = "<table><thead><tr>" + headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for stop in stops { t += "<tr>" + cells(stop).map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n" }
            return t + "</tbody></table>\n"
        }
        if sheet.routes.isEmpty { out += "<h1>\(HTML.escape(title(sheet)))</h1>\n<p>No trips confirmed on a vehicle.</p>\n" }
        for route in sheet.routes {
            out += "<section><h1>\(HTML.escape(title(sheet)))</h1>\n"
            if sheet.fromPlan { out += "<p>Routes from the accepted shared-ride plan.</p>\n" }
            out += "<h2>Vehicle \(HTML.escape(route.plate))"
                + (route.drivers.isEmpty ? "" : ", driver \(HTML.escape(route.drivers.joined(separator: ", ")))") + "</h2>\n"
            out += table(route.stops) + "</section>\n"
        }
        if !sheet.unconfirmed.isEmpty {
            out += "<section><h2>Not yet confirmed</h2>\n" + table(sheet.unconfirmed) + "</section>\n"
        }
        return out + "</body></html>\n"
    }
}
