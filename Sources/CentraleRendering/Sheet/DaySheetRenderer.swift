import CentraleFormats
import CentraleDomain

/// The day sheet (*foglio di servizio*) as Markdown or as an HTML page made for print: one
/// section per vehicle, its stops in order, then the trips not yet confirmed. Every value is
/// escaped for its format.
public enum DaySheetRenderer {
    /// The formats of the sheet.
    public enum Format: String, CaseIterable, Sendable { case md, html }

    /// - Parameter language: the sheet's words, dates and needs (Italian by default: the
    ///   volunteers carry it).
    public static func render(_ sheet: DaySheet, format: Format, language: Language = .it) -> String {
        let words = SheetWords.of(language)
        switch format {
        case .md: return markdown(sheet, words, language)
        case .html: return html(sheet, words, language)
        }
    }

    static func cells(_ stop: DaySheet.Stop, _ w: SheetWords) -> [String] {
        [stop.time.description, stop.kind == .pickup ? w.pickUp : w.dropOff, String(stop.trip), stop.beneficiary, stop.address,
         w.needs(stop.needs), stop.phone.isEmpty ? "-" : stop.phone, stop.notes.isEmpty ? "-" : stop.notes]
    }

    static func title(_ sheet: DaySheet, _ w: SheetWords, _ language: Language) -> String {
        "\(w.title): \(sheet.associationName) (\(sheet.association)), \(language.date(sheet.date))"
    }

    static func vehicleHeading(_ route: DaySheet.Route, _ w: SheetWords, escape: (String) -> String) -> String {
        "\(w.vehicle) \(escape(route.plate))"
            + (route.drivers.isEmpty ? "" : ", \(route.drivers.count == 1 ? w.driver : w.drivers) \(route.drivers.map(escape).joined(separator: ", "))")
    }

    static func markdown(_ sheet: DaySheet, _ w: SheetWords, _ language: Language) -> String {
        var lines = ["# \(Markdown.escape(title(sheet, w, language)))", ""]
        if sheet.fromPlan { lines += [w.fromPlan, ""] }
        func table(_ stops: [DaySheet.Stop]) {
            lines.append("| " + w.headers.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: " --- |", count: w.headers.count))
            for stop in stops { lines.append("| " + cells(stop, w).map(Markdown.escape).joined(separator: " | ") + " |") }
            lines.append("")
        }
        if sheet.routes.isEmpty { lines += [w.noRoutes, ""] }
        for route in sheet.routes {
            lines += ["## " + vehicleHeading(route, w, escape: Markdown.escape), ""]
            table(route.stops)
        }
        if !sheet.unconfirmed.isEmpty {
            lines += ["## \(w.unconfirmed)", "", w.confirmHint, ""]
            table(sheet.unconfirmed)
        }
        return lines.joined(separator: "\n")
    }

    static func html(_ sheet: DaySheet, _ w: SheetWords, _ language: Language) -> String {
        let title = title(sheet, w, language)
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
            <style>
            body { font-family: sans-serif; font-size: 11pt; margin: 1.5cm; }
            h1 { font-size: 15pt; } h2 { font-size: 13pt; margin-top: 1.2em; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #444; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eee; } section { page-break-after: always; } section:last-child { page-break-after: auto; }
            @media print { body { margin: 0; } }
            </style></head><body>

            """
        func table(_ stops: [DaySheet.Stop]) -> String {
            var t = "<table><thead><tr>" + w.headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for stop in stops { t += "<tr>" + cells(stop, w).map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n" }
            return t + "</tbody></table>\n"
        }
        if sheet.routes.isEmpty { out += "<h1>\(HTML.escape(title))</h1>\n<p>\(HTML.escape(w.noRoutes))</p>\n" }
        for route in sheet.routes {
            out += "<section><h1>\(HTML.escape(title))</h1>\n"
            if sheet.fromPlan { out += "<p>\(HTML.escape(w.fromPlan))</p>\n" }
            out += "<h2>\(vehicleHeading(route, w, escape: HTML.escape))</h2>\n"
            out += table(route.stops) + "</section>\n"
        }
        if !sheet.unconfirmed.isEmpty {
            out += "<section><h2>\(HTML.escape(w.unconfirmed))</h2>\n" + table(sheet.unconfirmed) + "</section>\n"
        }
        return out + "</body></html>\n"
    }
}

/// The day sheet's words in each language: a field per word, so that neither language can miss one.
struct SheetWords: Sendable {
    var title, fromPlan, noRoutes, vehicle, driver, drivers, unconfirmed, confirmHint, pickUp, dropOff: String
    var headers: [String]
    var needs: @Sendable (Needs) -> String

    static func of(_ language: Language) -> SheetWords { language == .it ? italian : english }

    static let italian = SheetWords(
        title: "Foglio di servizio", fromPlan: "Giri dal piano dei giri condivisi accettato.", noRoutes: "Nessun servizio confermato su un mezzo.",
        vehicle: "Mezzo", driver: "autista", drivers: "autisti", unconfirmed: "Da confermare",
        confirmHint: "Conferma ciascuno con `centrale confirm SERVIZIO --vehicle TARGA --driver CODICE`.",
        pickUp: "salita", dropOff: "discesa", headers: ["ORA", "FERMATA", "SERVIZIO", "CHI", "DOVE", "BISOGNI", "TELEFONO", "NOTE"],
        needs: TripWords.italian.needs)

    static let english = SheetWords(
        title: "Day sheet", fromPlan: "Routes from the accepted shared-ride plan.", noRoutes: "No trips confirmed on a vehicle.",
        vehicle: "Vehicle", driver: "driver", drivers: "drivers", unconfirmed: "Not yet confirmed",
        confirmHint: "Confirm each with `centrale confirm TRIP --vehicle V --driver D`.",
        pickUp: "pick up", dropOff: "drop off", headers: ["TIME", "STOP", "TRIP", "WHO", "WHERE", "NEEDS", "PHONE", "NOTES"],
        needs: TripWords.english.needs)
}
