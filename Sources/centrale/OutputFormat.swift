import ArgumentParser
import CentraleDomain
import CentraleRendering
import Foundation

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Encodes a value as pretty JSON with sorted keys (stable output for scripts and diffs).
func jsonString<T: Encodable>(_ value: T) throws -> String { try JSONText.string(value) }

/// Dates, times and purposes as option values (`2025-03-03` or `03/03/2025`, `07:30`, `dialysis`).
extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension LocalTime: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension TripPurpose: ExpressibleByArgument {}
