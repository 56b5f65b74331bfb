import CentraleFormats
import Foundation

/// JSON for scripts and diffs: pretty, with snake_case keys (`trip_id`, `no_show`), sorted, and
/// unescaped slashes, so the same value always gives the same bytes.
public enum JSONText {
    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
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

extension JSONText {
    /// A decoder for what `string` writes: snake_case keys back to the Swift names
    /// (`trip_id` → `tripID`, `same_month_last_year` → `sameMonthLastYear`).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            let key = path.last!.stringValue
            let words = key.split(separator: "_")
            guard words.count > 1 else { return path.last! }
            let name = String(words[0]) + words.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return SnakeKey(stringValue: name)
        }
        return decoder
    }

    private struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
