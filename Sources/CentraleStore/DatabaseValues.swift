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
