/// One record of a CSV file with the line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// The 1-based line where the record starts (a quoted field may span lines).
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]
}

/// A CSV reader for files as people really produce them (RFC 4180 and its dialects).
///
/// Handles comma or semicolon separators (detected from the header line), quoted fields
/// with doubled quotes, line breaks inside quotes, CRLF/LF/CR line ends, a UTF-8
/// byte-order mark, blank lines, and `#` comment lines when `allowComments` is set. An
/// unterminated quote is an error naming the line where the quote opened.
public struct CSVReader: Sendable {
    /// The file name used in error messages.
    public var fileName: String
    /// Whether lines starting with `#` (outside quotes) are skipped.
    public var allowComments: Bool

    /// Creates a reader; `fileName` appears in error messages.
    public init(fileName: String, allowComments: Bool = true) {
        self.fileName = fileName
        self.allowComments = allowComments
    }

    /// Detects the separator from the first non-comment line: `;` if it has more semicolons
    /// than commas outside quotes, else `,`.
    public func detectSeparator(in text: Substring) -> Character {
        var commas = 0, semicolons = 0, inQuotes = false, inComment = false, atLineStart = true
        for c in text {
            if atLineStart && allowComments && c == "#" { inComment = true }
            atLineStart = !inQuotes && (c == "\n" || c == "\r" || c == "\r\n")
            if inComment { if atLineStart { inComment = false }; continue }
            if c == "\"" { inQuotes.toggle() }
            else if !inQuotes && (c == "\n" || c == "\r") { if commas + semicolons > 0 { break } }
            else if !inQuotes && c == "," { commas += 1 }
            else if !inQuotes && c == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Reads all records of `text`.
    /// - Throws: `FieldError` for an unterminated quote or a stray quote inside a field.
    public func read(_ text: String) throws -> [CSVRecord] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = detectSeparator(in: body)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1, quoteLine = 0
        var inQuotes = false, wasQuoted = false, atRecordStart = true, skipping = false
        var iterator = body.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []; field = ""; wasQuoted = false; atRecordStart = true
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if skipping {
                if scalar == "\n" || scalar == "\r" {
                    if scalar == "\r" { let n = iterator.next(); if n != "\n" { pending = n } }
                    line += 1; skipping = false; atRecordStart = true
                }
                continue
            }
            if atRecordStart {
                recordLine = line
                atRecordStart = false
                if allowComments && scalar == "#" && fields.isEmpty { skipping = true; continue }
            }
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") }
                    else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    else if scalar == "\r" {
                        let n = iterator.next(); if n != "\n" { pending = n }
                        line += 1; field.unicodeScalars.append("\n"); continue
                    }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                if field.allSatisfy({ $0 == " " }) && !wasQuoted {
                    field = ""; inQuotes = true; wasQuoted = true; quoteLine = line
                } else {
                    throw FieldError(SourceLocation(file: fileName, line: line), field: "column \(fields.count + 1)",
                                     "a quote inside an unquoted field; put the whole field in quotes and double the inner quotes (\"\")")
                }
            case "\r", "\n":
                if scalar == "\r" { let n = iterator.next(); if n != "\n" { pending = n } }
                endRecord()
                line += 1
            default:
                if Character(scalar) == separator { fields.append(field); field = ""; wasQuoted = false }
                else if wasQuoted {
                    if scalar != " " && scalar != "\t" {
                        throw FieldError(SourceLocation(file: fileName, line: line), field: "column \(fields.count + 1)",
                                         "text after the closing quote; put the whole field in quotes")
                    }
                } else { field.unicodeScalars.append(scalar) }
            }
        }
        if inQuotes {
            throw FieldError(SourceLocation(file: fileName, line: quoteLine), field: "column \(fields.count + 1)",
                             "a quoted field is never closed; add the closing quote (\")")
        }
        if !atRecordStart || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
