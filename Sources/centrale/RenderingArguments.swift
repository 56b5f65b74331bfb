import ArgumentParser
import CentraleRendering

/// The renderers' formats and languages as option values (`--format md`, `--lang en`).
extension StatementFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
