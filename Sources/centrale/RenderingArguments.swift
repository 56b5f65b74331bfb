import ArgumentParser
import CentraleFormats
import CentraleRendering

/// The renderers' formats and languages as option values (`--format md`, `--lang en`).
extension StatementFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

/// The help of `--dialect`.
let dialectHelp = ArgumentHelp("The CSV's form: excel (Italian Excel: ';', decimal comma, dd/mm/yyyy, BOM, CRLF, Italian headers) "
                               + "or rfc4180 (',', decimal point, ISO dates, no BOM, LF, English headers).", valueName: "excel|rfc4180")

extension AppContext {
    /// Prints a rendered text: as it is when it ends with its own line ending (a CSV document),
    /// else with a line break.
    func printDocument(_ text: String) {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}
