import CentraleDomain
import GRDB

// How the domain's values are stored, in one place (GRDB's `DatabaseValueConvertible`). A stored
// value that is not one of them (an unknown status, a malformed date) makes `row.decode` throw
// instead of falling back to a default.

extension TripStatus: DatabaseValueConvertible {}
extension TripOutcome: DatabaseValueConvertible {}
extension TripPurpose: DatabaseValueConvertible {}
extension TripLeg: DatabaseValueConvertible {}
extension AssignmentMethod: DatabaseValueConvertible {}
extension Needs: DatabaseValueConvertible {}
extension PlaceKind: DatabaseValueConvertible {}
extension Referral: DatabaseValueConvertible {}
extension BeneficiaryStatus: DatabaseValueConvertible {}
extension ClosingReason: DatabaseValueConvertible {}
extension AssociationKind: DatabaseValueConvertible {}

/// A date as ISO text, `2025-03-14`.
extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap { LocalDate($0) }
    }
}

/// A time of day as minutes after midnight.
extension LocalTime: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { minutes.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalTime? {
        Int.fromDatabaseValue(dbValue).flatMap { LocalTime(minutes: $0) }
    }
}

/// A distance as whole metres.
extension Distance: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { metres.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Distance? {
        Int.fromDatabaseValue(dbValue).map { Distance(metres: $0) }
    }
}

/// An amount as whole cents.
extension Money: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { cents.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Money? {
        Int.fromDatabaseValue(dbValue).map { Money(cents: $0) }
    }
}

/// Where each column of a query's rows is, by name: read once from a query's first row, then
/// reused for every row. Decoding by name is what keeps a decoder right when a query's columns
/// change; GRDB's own lookup by name scans the columns for each value, which a year of rows
/// cannot afford.
struct ColumnLayout {
    private var indexes: [String: Int] = [:]

    /// The layout of `row`'s columns (the leftmost of two columns with one name wins, as in GRDB).
    init(_ row: Row) {
        for (index, name) in row.columnNames.enumerated() where indexes[name] == nil { indexes[name] = index }
    }

    /// The layout kept in `slot`, read from `row` the first time: for loops over a query's rows.
    static func of(_ row: Row, keptIn slot: inout ColumnLayout?) -> ColumnLayout {
        if let layout = slot { return layout }
        let layout = ColumnLayout(row)
        slot = layout
        return layout
    }

    /// The value of column `name`; throws when the column is missing or its value is not valid.
    func decode<Value: DatabaseValueConvertible>(_ row: Row, _ name: String, as type: Value.Type = Value.self) throws -> Value {
        guard let index = indexes[name] else { throw StoreError.refused(.database(.missingColumn(name))) }
        return try row.decode(atIndex: index)
    }

    /// The value of column `name`, read straight from SQLite for the types that allow it
    /// (numbers and text).
    func decode<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ row: Row, _ name: String,
                                                                              as type: Value.Type = Value.self) throws -> Value {
        guard let index = indexes[name] else { throw StoreError.refused(.database(.missingColumn(name))) }
        return try row.decode(atIndex: index)
    }
}

extension Array where Element == Row {
    /// Each row decoded by `decode`, with one column layout for all of them.
    func decoded<T>(_ decode: (Row, ColumnLayout) throws -> T) throws -> [T] {
        guard let first else { return [] }
        let layout = ColumnLayout(first)
        return try map { try decode($0, layout) }
    }
}

/// A month as ISO text, `2025-03`.
extension YearMonth: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> YearMonth? {
        String.fromDatabaseValue(dbValue).flatMap { YearMonth($0) }
    }
}
