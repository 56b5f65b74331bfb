import CentraleDomain
import CentraleFormats

/// Reads typed values out of one TOML table, collecting errors with the key's line, and
/// reporting keys that nothing read (usually typos).
struct TOMLReader {
    let fileName: String
    let table: TOMLTable
    /// The table's dotted name for messages, e.g. `tariff[1]` or `service`.
    let path: String
    private(set) var used: Set<String> = []

    /// Marks a key as read (for keys decoded by hand).
    mutating func markUsed(_ key: String) { used.insert(key) }
    var errors: [FieldError] = []

    init(fileName: String, table: TOMLTable, path: String) {
        self.fileName = fileName
        self.table = table
        self.path = path
    }

    private func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func fail(_ key: String, _ message: RegistryProblem, line: Int? = nil) {
        errors.append(FieldError(SourceLocation(file: fileName, line: line ?? table[key]?.line ?? table.line),
                                 field: qualified(key), message))
    }

    private mutating func entry(_ key: String, required: Bool) -> TOMLEntry? {
        used.insert(key)
        guard let entry = table[key] else {
            if required { fail(key, .missingKey(key: key, table: path), line: table.line) }
            return nil
        }
        return entry
    }

    mutating func string(_ key: String) -> String {
        guard let entry = entry(key, required: true) else { return "" }
        guard case .string(let value) = entry.value else { fail(key, .expected(.string, found: .init(entry.value))); return "" }
        return value
    }

    mutating func bool(_ key: String) -> Bool {
        guard let entry = entry(key, required: true) else { return false }
        guard case .bool(let value) = entry.value else { fail(key, .expected(.boolean, found: .init(entry.value))); return false }
        return value
    }

    /// A decimal number scaled by 10^decimals, within `range` (in scaled units).
    mutating func scaled(_ key: String, decimals: Int, range: ClosedRange<Int>, unit: RegistryProblem.Unit) -> Int {
        guard let entry = entry(key, required: true) else { return 0 }
        return scaled(entry: entry, key: key, decimals: decimals, range: range, unit: unit)
    }

    mutating func scaled(entry: TOMLEntry, key: String, decimals: Int, range: ClosedRange<Int>, unit: RegistryProblem.Unit) -> Int {
        guard case .number(let text) = entry.value else {
            fail(key, .expected(.number(unit), found: .init(entry.value))); return 0
        }
        guard let value = DecimalText.scaled(text, decimals: decimals) else {
            fail(key, .tooManyDecimals(text: text, decimals: decimals, unit: unit)); return 0
        }
        guard range.contains(value) else {
            fail(key, .outOfRange(text: text, unit: unit, lowest: show(range.lowerBound, decimals), highest: show(range.upperBound, decimals)))
            return 0
        }
        return value
    }

    mutating func int(_ key: String, _ range: ClosedRange<Int>, unit: RegistryProblem.Unit) -> Int {
        scaled(key, decimals: 0, range: range, unit: unit)
    }

    mutating func money(_ key: String) -> Money {
        Money(cents: scaled(key, decimals: 2, range: 0...100_000_000, unit: .euros))
    }

    mutating func rate(_ key: String) -> PerKmRate {
        PerKmRate(microEurosPerKm: scaled(key, decimals: 6, range: 0...100_000_000, unit: .eurosPerKm))
    }

    mutating func date(_ key: String, required: Bool) -> LocalDate? {
        guard let entry = entry(key, required: required) else { return nil }
        guard case .date(let text) = entry.value else { fail(key, .expected(.date, found: .init(entry.value))); return nil }
        guard let date = LocalDate(text) else { fail(key, .notACalendarDate(text: text)); return nil }
        return date
    }

    /// A sub-table (from `[a.b]` or an inline `{ … }`).
    mutating func table(_ key: String) -> TOMLReader? {
        guard let entry = entry(key, required: true) else { return nil }
        guard case .table(let sub) = entry.value else { fail(key, .expected(.table, found: .init(entry.value))); return nil }
        return TOMLReader(fileName: fileName, table: sub, path: qualified(key))
    }

    /// Reports keys present in the table that were never read.
    mutating func rejectUnknownKeys() {
        for key in table.keys where !used.contains(key) {
            fail(key, .unknownKey(known: used.sorted()))
        }
    }

    private func show(_ value: Int, _ decimals: Int) -> String {
        guard decimals > 0 else { return String(value) }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        var fraction = String(value % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(value / scale).\(fraction)"
    }
}
