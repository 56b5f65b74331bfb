import CentraleFormats
import Foundation

/// Reads trip-log files (CSV or JSON) into rows, as people really produce them.
///
/// CSV: comma or semicolon separators, quoted fields, CRLF, a UTF-8 byte-order mark, headers
/// in Italian or English (see `LogColumn.aliases`). JSON: an array of objects with the same
/// keys, or `{"logs": [...]}`; numbers may be numbers or strings.
public enum LogParser {
    /// Parses a file's text; `fileName` is used in messages. JSON is recognised by a leading
    /// `[` or `{`.
    /// - Throws: `FieldErrors` for a malformed file or header (rows are checked later).
    public static func parse(_ text: String, fileName: String) throws -> [LogRow] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let first = body.first { !$0.isWhitespace }
        return first == "[" || first == "{" ? try parseJSON(body, fileName: fileName) : try parseCSV(body, fileName: fileName)
    }

    static func parseCSV(_ text: String, fileName: String) throws -> [LogRow] {
        let records: [CSVRecord]
        do { records = try CSVReader(fileName: fileName).read(text) } catch let error as FieldError { throw FieldErrors([error]) }
        guard let header = records.first else {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "", "the file is empty; "
                                          + "start with a header line (`centrale log template` prints one)")])
        }
        var columns: [LogColumn?] = []
        var errors: [FieldError] = []
        var seen: [LogColumn: String] = [:]
        for name in header.fields {
            let column = LogColumn.byAlias[LogColumn.fold(name)]
            if let column, let earlier = seen[column] {
                errors.append(FieldError(SourceLocation(file: fileName, line: header.line), field: name,
                                         "names the same column as '\(earlier)'; keep one"))
            }
            if let column { seen[column] = name }
            columns.append(column)
        }
        errors += missingColumns(Set(seen.keys), location: SourceLocation(file: fileName, line: header.line))
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return records.dropFirst().map { record in
            var values: [LogColumn: String] = [:]
            for (index, column) in columns.enumerated() {
                if let column { values[column] = index < record.fields.count ? record.fields[index] : "" }
            }
            return LogRow(location: SourceLocation(file: fileName, line: record.line), values: values)
        }
    }

    static func parseJSON(_ text: String, fileName: String) throws -> [LogRow] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "",
                                          "is not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] ?? error)); "
                                          + "expected an array of objects like {\"trip\": 123, \"vehicle\": \"FP123AB\", …}")])
        }
        let items: [Any]
        if let array = object as? [Any] { items = array }
        else if let wrapper = object as? [String: Any], let array = wrapper["logs"] as? [Any] { items = array }
        else {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "",
                                          "expected an array of trip logs, or an object with a \"logs\" array")])
        }
        let lines = objectLines(text)
        var rows: [LogRow] = []
        var errors: [FieldError] = []
        for (index, item) in items.enumerated() {
            let location = SourceLocation(file: fileName, line: index < lines.count ? lines[index] : 1)
            guard let fields = item as? [String: Any] else {
                errors.append(FieldError(location, field: "", "log \(index + 1) is not an object {…}"))
                continue
            }
            var values: [LogColumn: String] = [:]
            for (key, value) in fields {
                guard let column = LogColumn.byAlias[LogColumn.fold(key)] else {
                    errors.append(FieldError(location, field: key, "unknown field; expected: \(LogColumn.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                values[column] = jsonText(value)
            }
            errors += missingColumns(Set(values.keys), location: location)
            rows.append(LogRow(location: location, values: values))
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return rows
    }

    /// The columns every file must have.
    static func missingColumns(_ present: Set<LogColumn>, location: SourceLocation) -> [FieldError] {
        var errors: [FieldError] = []
        for column in [LogColumn.trip, .vehicle, .driver, .outcome] where !present.contains(column) {
            errors.append(FieldError(location, field: column.rawValue, "missing; every log needs trip, vehicle, driver and outcome"))
        }
        if !present.contains(.km) && !(present.contains(.odometerStart) && present.contains(.odometerEnd)) {
            errors.append(FieldError(location, field: "km", "missing; give km, or odometer_start and odometer_end"))
        }
        return errors
    }

    /// A JSON value as the text a CSV cell would hold.
    static func jsonText(_ value: Any) -> String {
        switch value {
        case is NSNull: return ""
        case let number as NSNumber: return number.stringValue
        case let string as String: return string
        default: return "\(value)"
        }
    }

    /// The line on which each element of the top-level array starts.
    static func objectLines(_ text: String) -> [Int] {
        let elementDepth = text.first { !$0.isWhitespace } == "[" ? 1 : 2
        var lines: [Int] = []
        var line = 1, depth = 0, inString = false, escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                if scalar == "\n" { line += 1 }
                continue
            }
            switch scalar {
            case "\n": line += 1
            case "\"": inString = true
            case "{":
                if depth == elementDepth { lines.append(line) }
                depth += 1
            case "[": depth += 1
            case "}", "]": depth -= 1
            default: break
            }
        }
        return lines
    }
}
