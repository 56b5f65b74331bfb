import CentraleFormats
import Foundation

/// JSON for scripts and diffs: pretty, with sorted keys and unescaped slashes, so the same value
/// always gives the same bytes.
public enum JSONText {
    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension JSONText {
    /// One line of JSON, with sorted keys and unescaped slashes: for files that hold one value.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
