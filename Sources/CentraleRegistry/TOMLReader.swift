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

    mutating func fail(_ key: String, _ message: String, line: Int? = nil) {
        errors.append(FieldError(SourceLocation(file: fileName, line: line ?? table[key]?.line ?? table.line),
                                 field: qualified(key), message))
    }

    private mutating func entry(_ key: String, required: Bool) -> TOMLEntry? {
        used.insert(key)
        guard let entry = table[key] else {
            if required { fail(key, "is missing; add `\(key) = …` to [\(path)]", line: table.line) }
            return nil
        }
        return entry
    }

    mutating func string(_ key: String) -> String {
        guard let entry = entry(key, required: true) else { return "" }
        guard case .string(let value) = entry.value else { fail(key, "expected a string in quotes, found \(entry.value.typeName)"); return "" }
        return value
    }

    mutating func bool(_ key: String) -> Bool {
        guard let entry = entry(key, required: true) else { return false }
        guard case .bool(let value) = entry.value else { fail(key, "expected true or false, found \(entry.value.typeName)"); return false }
        return value
    }

    /// A decimal number scaled by 10^decimals, within `range` (in scaled units).
    mutating func scaled(_ key: String, decimals: Int, range: ClosedRange<Int>, unit: String) -> Int {
        guard let entry = entry(key, required: true) else { return 0 }
        return scaled(entry: entry, key: key, decimals: decimals, range: range, unit: unit)
    }

    mutating func scaled(entry: TOMLEntry, key: String, decimals: Int, range: ClosedRange<Int>, unit: String) -> Int {
        guard case .number(let text) = entry.value else {
            fail(key, "expected a number (\(unit)), found \(entry.value.typeName)"); return 0
        }
        guard let value = DecimalText.scaled(text, decimals: decimals) else {
            fail(key, "'\(text)' has more than \(decimals) decimals; write it as \(unit) with at most \(decimals) decimals"); return 0
        }
        guard range.contains(value) else {
            fail(key, "\(text) is out of range; expected \(unit) between \(show(range.lowerBound, decimals)) and \(show(range.upperBound, decimals))")
            return 0
        }
        return value
    }

    mutating func int(_ key: String, _ range: ClosedRange<Int>, unit: String) -> Int {
        scaled(key, decimals: 0, range: range, unit: unit)
    }

    mutating func money(_ key: String) -> Money {
        Money(cents: scaled(key, decimals: 2, range: 0...100_000_000, unit: "euros"))
    }

    mutating func rate(_ key: String) -> PerKmRate {
        PerKmRate(microEurosPerKm: scaled(key, decimals: 6, range: 0...100_000_000, unit: "euros per km"))
    }

    mutating func date(_ key: String, required: Bool) -> LocalDate? {
        guard let entry = entry(key, required: required) else { return nil }
        guard case .date(let text) = entry.value else { fail(key, "expected a date YYYY-MM-DD (no quotes), found \(entry.value.typeName)"); return nil }
        guard let date = LocalDate(text) else { fail(key, "'\(text)' is not a calendar date"); return nil }
        return date
    }

    /// A sub-table (from `[a.b]` or an inline `{ … }`).
    mutating func table(_ key: String) -> TOMLReader? {
        guard let entry = entry(key, required: true) else { return nil }
        guard case .table(let sub) = entry.value else { fail(key, "expected a table { … }, found \(entry.value.typeName)"); return nil }
        return TOMLReader(fileName: fileName, table: sub, path: qualified(key))
    }

    /// Reports keys present in the table that were never read.
    mutating func rejectUnknownKeys() {
        for key in table.keys where !used.contains(key) {
            fail(key, "unknown key; expected one of: \(used.sorted().joined(separator: ", "))")
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
