/// A value in a TOML document, with numbers kept as their exact text.
public enum TOMLValue: Hashable, Sendable {
    /// A string.
    case string(String)
    /// An integer or a decimal number, as written (e.g. `0.55`, `1_000`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A local date `YYYY-MM-DD`, as written.
    case date(String)
    /// An array of values.
    case array([TOMLValue])
    /// A table (only inside arrays of tables).
    case table(TOMLTable)

    /// The value's type, for error messages (`found \(entry.value.kind)`).
    public var kind: TOMLKind {
        switch self {
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .date: .date
        case .array: .array
        case .table: .table
        }
    }

    /// A short name of the value's type in English, for error messages.
    public var typeName: String { kind.english }
}

/// The type of a TOML value, named in each language (`a string`, `una stringa`).
public enum TOMLKind: String, Hashable, Sendable, Message {
    case string, number, bool, date, array, table

    /// With its article: `una stringa`, `un numero`.
    public var italian: String {
        switch self {
        case .string: "una stringa"
        case .number: "un numero"
        case .bool: "un booleano"
        case .date: "una data"
        case .array: "un array"
        case .table: "una tabella"
        }
    }

    /// With its article: `a string`, `an array`.
    public var english: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .date: "a date"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A key's value and the line it was written on.
public struct TOMLEntry: Hashable, Sendable {
    /// The value.
    public var value: TOMLValue
    /// The 1-based line of the key.
    public var line: Int
}

/// A TOML table: keys in the order written, each with its value and line.
public struct TOMLTable: Hashable, Sendable {
    /// The line of the table's header (`[name]`), or 1 for the root.
    public var line: Int
    /// The keys in the order they were written.
    public private(set) var keys: [String] = []
    /// The entries by key.
    public private(set) var entries: [String: TOMLEntry] = [:]

    /// Creates an empty table whose header is on `line`.
    public init(line: Int) { self.line = line }

    /// The entry for `key`, if present.
    public subscript(key: String) -> TOMLEntry? { entries[key] }

    /// Sets a key; returns false if it was already set.
    mutating func set(_ key: String, _ entry: TOMLEntry) -> Bool {
        guard entries[key] == nil else { return false }
        keys.append(key)
        entries[key] = entry
        return true
    }

    /// Replaces the value of an existing or new key.
    mutating func replace(_ key: String, _ entry: TOMLEntry) {
        if entries[key] == nil { keys.append(key) }
        entries[key] = entry
    }
}
