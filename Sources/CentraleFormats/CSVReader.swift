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
        let separator = detectSeparator(in: body).asciiValue ?? UInt8(ascii: ",")
        // Read on the UTF-8 bytes: every byte that matters (quotes, separators, line ends, `#`)
        // is ASCII, and bytes of multi-byte characters never equal one.
        var utf8 = String(body)
        return try utf8.withUTF8 { try read(bytes: $0, separator: separator) }
    }

    private func read(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) throws -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var line = 1, recordLine = 1, quoteLine = 0
        var inQuotes = false, wasQuoted = false, atRecordStart = true
        var i = 0
        let n = bytes.count

        func endField() {
            fields.append(field.isEmpty ? "" : String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        /// The field being read, named by the header's cell above it when the header is read.
        func column() -> FieldName {
            let index = fields.count
            let header = !records.isEmpty && index < records[0].fields.count ? records[0].fields[index] : nil
            return FieldName.column(index + 1, header: header)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []; wasQuoted = false; atRecordStart = true
        }

        while i < n {
            let byte = bytes[i]
            i += 1
            if atRecordStart {
                recordLine = line
                atRecordStart = false
                if allowComments && byte == UInt8(ascii: "#") && fields.isEmpty {
                    // Skip to the end of the line.
                    while i < n && bytes[i] != lf && bytes[i] != cr { i += 1 }
                    if i < n {
                        if bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                        i += 1
                        line += 1
                    }
                    atRecordStart = true
                    continue
                }
            }
            if inQuotes {
                if byte == quote {
                    if i < n && bytes[i] == quote { field.append(quote); i += 1 } else { inQuotes = false }
                } else if byte == cr {
                    if i < n && bytes[i] == lf { i += 1 }
                    line += 1
                    field.append(lf)
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                if field.allSatisfy({ $0 == space }) && !wasQuoted {
                    field.removeAll(keepingCapacity: true); inQuotes = true; wasQuoted = true; quoteLine = line
                } else {
                    throw FieldError(SourceLocation(file: fileName, line: line), named: column(),
                                     FormatProblem.quoteInUnquotedField)
                }
            case cr, lf:
                if byte == cr && i < n && bytes[i] == lf { i += 1 }
                endRecord()
                line += 1
            case separator:
                endField(); wasQuoted = false
            default:
                if wasQuoted {
                    if byte != space && byte != tab {
                        throw FieldError(SourceLocation(file: fileName, line: line), named: column(),
                                         FormatProblem.textAfterClosingQuote)
                    }
                } else { field.append(byte) }
            }
        }
        if inQuotes {
            throw FieldError(SourceLocation(file: fileName, line: quoteLine), named: column(),
                             FormatProblem.unclosedQuote)
        }
        if !atRecordStart || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
