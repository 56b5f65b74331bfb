import ArgumentParser
import CentraleRendering
import Foundation

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Encodes a value as pretty JSON with sorted keys (stable output for scripts and diffs).
func jsonString<T: Encodable>(_ value: T) throws -> String { try JSONText.string(value) }
