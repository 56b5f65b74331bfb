import CentraleFormats
import Foundation

/// Reads trip-log files (CSV or JSON) into rows, as people really produce them.
///
/// CSV: comma or semicolon separators, quoted fields, CRLF, a UTF-8 byte-order mark, headers
/// in Italian or English (see `LogColumn.aliases`). JSON: an array of objects with the same
/// keys, or `{"logs": [...]}`; numbers may be numbers or strings.
public enum LogParser {
    /// The largest file accepted, in bytes (50 MB).
    public static let maximumBytes = 50_000_000
    /// The most rows a file may have.
    public static let maximumRows = 500_000

    /// Parses a file's text; `fileName` is used in messages. JSON is recognised by a leading
    /// `[` or `{`. Each file's decimal mark is decided from its numeric cells (see
    /// `decideDecimalMarks`).
    /// - Throws: `FieldErrors` for a malformed file or header, a file over 50 MB or with more
    ///   than 500,000 rows (rows are checked later).
    public static func parse(_ text: String, fileName: String) throws -> [LogRow] {
        try parse(text, fileName: fileName, maximumRows: maximumRows)
    }

    /// `parse` with another row limit (for tests).
    static func parse(_ text: String, fileName: String, maximumRows: Int) throws -> [LogRow] {
        if text.utf8.count > Self.maximumBytes { throw FieldErrors([tooLarge(bytes: text.utf8.count, fileName: fileName)]) }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let first = body.first { !$0.isWhitespace }
        return first == "[" || first == "{" ? try parseJSON(body, fileName: fileName, maximumRows: maximumRows)
                                            : try parseCSV(body, fileName: fileName, maximumRows: maximumRows)
    }

    /// The problem of a file over `maximumBytes`.
    public static func tooLarge(bytes: Int, fileName: String) -> FieldError {
        FieldError(SourceLocation(file: fileName, line: 1), field: "",
                   LogProblem.fileTooLarge(bytes: bytes, limit: maximumBytes))
    }

    static func tooManyRows(_ count: Int, limit: Int, fileName: String) -> FieldErrors {
        FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "",
                                LogProblem.tooManyRows(count: count, limit: limit))])
    }

    /// Headers (or JSON keys) that say a file was written in Italian, where numbers have a
    /// decimal comma unless the file shows otherwise.
    static let italianNames: Set<String> = [
        "viaggio", "id_viaggio", "servizio", "n_servizio", "codice_servizio", "data", "giorno", "targa", "mezzo", "veicolo", "autista",
        "codice_autista", "volontario", "km_inizio", "km_partenza", "contachilometri_inizio", "km_fine", "km_arrivo",
        "contachilometri_fine", "km_percorsi", "chilometri", "km_totali", "ora_presa", "ora_partenza", "ora_prelievo", "ora_arrivo",
        "ora_consegna", "attesa", "minuti_attesa", "attesa_minuti", "esito", "note", "annotazioni",
    ]

    /// Decides the decimal mark of a file's rows from the evidence of their numeric cells (km,
    /// odometer_start, odometer_end; JSON numbers excluded): a `,` or `.` followed by other than
    /// exactly three digits, or the last of two different separators, is a decimal mark.
    /// Evidence for one mark only decides; none leaves `fallback`; evidence for both marks
    /// makes the file mixed (cells whose reading depends on the mark are then refused).
    static func decideDecimalMarks(_ rows: inout [LogRow], fallback: DecimalMark) {
        var points = 0, commas = 0
        for row in rows {
            for column in [LogColumn.km, .odometerStart, .odometerEnd] where !row.jsonNumbers.contains(column) {
                guard let value = row.raw(column), value.utf8.contains(where: { $0 == 0x2C || $0 == 0x2E }) else { continue }
                switch DecimalText.evidence(value) {
                case .point: points += 1
                case .comma: commas += 1
                case nil: break
                }
            }
        }
        let mark: DecimalMark = points > 0 && commas == 0 ? .point : commas > 0 && points == 0 ? .comma : fallback
        let mixed = points > 0 && commas > 0
        for index in rows.indices {
            rows[index].decimalMark = mark
            rows[index].mixedDecimalMarks = mixed
        }
    }

    static func parseCSV(_ text: String, fileName: String, maximumRows: Int = maximumRows) throws -> [LogRow] {
        let records: [CSVRecord]
        do { records = try CSVReader(fileName: fileName).read(text) } catch let error as FieldError { throw FieldErrors([error]) }
        guard let header = records.first else {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "", LogProblem.emptyFile, remedy: .logTemplate)])
        }
        var columns: [LogColumn?] = []
        var errors: [FieldError] = []
        var seen: [LogColumn: String] = [:]
        let headerLocation = SourceLocation(file: fileName, line: header.line)
        for name in header.fields {
            let column = LogColumn.byAlias[LogColumn.fold(name)]
            if name.forbiddenControlCharacter != nil {
                errors.append(FieldError(headerLocation, field: name, LogProblem.controlCharacterInHeader))
            } else if column == nil && !name.allSatisfy(\.isWhitespace) && !LogColumn.descriptive.contains(LogColumn.fold(name)) {
                // A column we do not know would be dropped with what it holds: refused, as in JSON.
                errors.append(FieldError(headerLocation, field: name, LogProblem.unknownColumn))
            }
            if let column, let earlier = seen[column] {
                errors.append(FieldError(SourceLocation(file: fileName, line: header.line), field: name,
                                         LogProblem.repeatedColumn(earlier: earlier)))
            }
            if let column { seen[column] = name }
            columns.append(column)
        }
        errors += missingColumns(Set(seen.keys), location: SourceLocation(file: fileName, line: header.line))
        guard errors.isEmpty else { throw FieldErrors(errors) }
        guard records.count - 1 <= maximumRows else { throw tooManyRows(records.count - 1, limit: maximumRows, fileName: fileName) }
        let italian = header.fields.contains { italianNames.contains(LogColumn.fold($0)) }
        let separator = CSVReader(fileName: fileName).detectSeparator(in: Substring(text))
        let unnamed = header.fields.map { $0.allSatisfy(\.isWhitespace) }
        // Each column's header as written: what the problems of its cells call it.
        var written = [String?](repeating: nil, count: LogRow.cellCount)
        for (index, column) in columns.enumerated() { if let column { written[column.ordinal] = header.fields[index] } }
        let headers = written
        // Spreadsheets save rows emptied by hand as separators only (`;;;;`): they are not rows.
        var rows = records.dropFirst().filter { record in record.fields.contains { !$0.allSatisfy(\.isWhitespace) } }.map { record in
            var cells = [String?](repeating: nil, count: LogRow.cellCount)
            var extra: [String] = []
            for (index, column) in columns.enumerated() {
                if let column { cells[column.ordinal] = index < record.fields.count ? record.fields[index] : "" }
                // A value under a column without a name would be lost: it counts as a field too many.
                else if unnamed[index], index < record.fields.count, !record.fields[index].allSatisfy(\.isWhitespace) {
                    extra.append(record.fields[index])
                }
            }
            if record.fields.count > columns.count { extra += record.fields[columns.count...] }
            return LogRow(location: SourceLocation(file: fileName, line: record.line), cells: cells, headers: headers, extraFields: extra)
        }
        decideDecimalMarks(&rows, fallback: separator == ";" || italian ? .comma : .point)
        return rows
    }

    static func parseJSON(_ text: String, fileName: String, maximumRows: Int = maximumRows) throws -> [LogRow] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let detail = "\((error as NSError).userInfo["NSDebugDescription"] ?? error)"
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "", LogProblem.invalidJSON(detail: detail))])
        }
        // JSONSerialization keeps the last of two equal keys: a log giving a key twice is refused instead.
        let repeated = repeatedKeys(text)
        if !repeated.isEmpty {
            throw FieldErrors(repeated.prefix(50).map { FieldError(SourceLocation(file: fileName, line: $0.line), field: $0.key,
                                                                   LogProblem.repeatedKey) })
        }
        let items: [Any]
        if let array = object as? [Any] { items = array }
        else if let wrapper = object as? [String: Any], let array = wrapper["logs"] as? [Any] { items = array }
        else {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "",
                                          LogProblem.notAnArrayOfLogs)])
        }
        guard items.count <= maximumRows else { throw tooManyRows(items.count, limit: maximumRows, fileName: fileName) }
        let lines = objectLines(text)
        var rows: [LogRow] = []
        var italian = false
        var errors: [FieldError] = []
        for (index, item) in items.enumerated() {
            let location = SourceLocation(file: fileName, line: index < lines.count ? lines[index] : 1)
            guard let fields = item as? [String: Any] else {
                errors.append(FieldError(location, field: "", LogProblem.notAnObject(number: index + 1)))
                continue
            }
            var values: [LogColumn: String] = [:]
            var keys: [LogColumn: String] = [:]
            var numbers: Set<LogColumn> = []
            for (key, value) in fields {
                let folded = LogColumn.fold(key)
                guard let column = LogColumn.byAlias[folded] else {
                    if LogColumn.descriptive.contains(folded) { continue } // what the trip list exports beside the log
                    errors.append(FieldError(location, field: key, LogProblem.unknownField))
                    continue
                }
                if italianNames.contains(folded) { italian = true }
                if value is NSNumber && !(value is String) { numbers.insert(column) }
                values[column] = jsonText(value)
                keys[column] = key
            }
            errors += missingColumns(Set(values.keys), location: location)
            rows.append(LogRow(location: location, values: values, jsonNumbers: numbers, headers: keys))
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        decideDecimalMarks(&rows, fallback: italian ? .comma : .point)
        return rows
    }

    /// The columns every file must have (a missing one named in the reader's language).
    static func missingColumns(_ present: Set<LogColumn>, location: SourceLocation) -> [FieldError] {
        var errors: [FieldError] = []
        for column in [LogColumn.trip, .vehicle, .driver, .outcome] where !present.contains(column) {
            errors.append(FieldError(location, named: column.fieldName, LogProblem.missingColumn))
        }
        if !present.contains(.km) && !(present.contains(.odometerStart) && present.contains(.odometerEnd)) {
            errors.append(FieldError(location, named: LogColumn.km.fieldName, LogProblem.missingKm))
        }
        return errors
    }

    /// A JSON value as the text a CSV cell would hold.
    static func jsonText(_ value: Any) -> String {
        switch value {
        case is NSNull: return ""
        case let number as NSNumber:
            // A JSON boolean is an NSNumber too: keep it a word, so that `"km": true` is refused, never 1 km.
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let string as String: return string
        default: return "\(value)"
        }
    }

    /// The keys given twice in one JSON object, with their lines (the text is valid JSON).
    static func repeatedKeys(_ text: String) -> [(key: String, line: Int)] {
        struct Level { var isObject: Bool; var keys: Set<String> = []; var expectingKey = false }
        var stack: [Level] = []
        var repeated: [(key: String, line: Int)] = []
        var line = 1
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\n": line += 1
            case "{": stack.append(Level(isObject: true, expectingKey: true))
            case "[": stack.append(Level(isObject: false))
            case "}", "]": _ = stack.popLast()
            case ",": if stack.last?.isObject == true { stack[stack.count - 1].expectingKey = true }
            case "\"":
                var string = "", escaped = false
                while let next = scalars.popFirst() {
                    if escaped { string.unicodeScalars.append(next); escaped = false; continue }
                    if next == "\\" { escaped = true; continue }
                    if next == "\"" { break }
                    if next == "\n" { line += 1 }
                    string.unicodeScalars.append(next)
                }
                if stack.last?.isObject == true, stack[stack.count - 1].expectingKey {
                    stack[stack.count - 1].expectingKey = false
                    let key = LogColumn.fold(string)
                    if !stack[stack.count - 1].keys.insert(key).inserted { repeated.append((string, line)) }
                }
            default: break
            }
        }
        return repeated
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
