import ArgumentParser
import CentraleFormats
import CentraleRendering

/// The renderers' formats and languages as option values (`--format md`, `--lang en`).
extension StatementFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

/// The help of `--dialect` (computed: in the run's language).
var dialectHelp: ArgumentHelp {
    ArgumentHelp(localized(it: "La forma del CSV: excel (Excel in italiano: ';', virgola decimale, gg/mm/aaaa, BOM, CRLF, intestazioni in italiano) "
                               + "o rfc4180 (',', punto decimale, date ISO, senza BOM, LF, intestazioni in inglese).",
                           en: "The CSV's form: excel (Italian Excel: ';', decimal comma, dd/mm/yyyy, BOM, CRLF, Italian headers) "
                               + "or rfc4180 (',', decimal point, ISO dates, no BOM, LF, English headers)."), valueName: "excel|rfc4180")
}

extension AppContext {
    /// Prints a rendered text: as it is when it ends with its own line ending (a CSV document:
    /// an Excel one's last line keeps its CRLF, with no LF after it), else with a line break.
    func printDocument(_ text: String) {
        print(text, terminator: text.endsWithLineBreak ? "" : "\n")
    }
}

extension String {
    /// Whether the text ends with a line ending, LF or CRLF. (`hasSuffix("\n")` is false after
    /// a CRLF: Swift compares characters, and CRLF is one character.)
    var endsWithLineBreak: Bool { utf8.last == UInt8(ascii: "\n") }
}
