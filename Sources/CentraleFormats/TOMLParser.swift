/// A parser for the subset of TOML that Centrale's configuration uses.
///
/// Supported: comments, `[table]` and `[a.b]` headers, `[[array.of.tables]]`, bare, quoted
/// and dotted keys, basic and literal strings, integers and decimals (kept as exact text),
/// booleans, local dates, arrays (over several lines) and inline tables. Not supported
/// (reported as errors, never silently misread): multi-line strings, times, date-times.
public struct TOMLParser {
    private let fileName: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var root = TOMLTable(line: 1)
    private var current: [String] = []
    private var explicitTables: Set<[String]> = []

    private init(text: String, fileName: String) {
        var s = Array(text.unicodeScalars)
        if s.first == "\u{FEFF}" { s.removeFirst() }
        self.scalars = s
        self.fileName = fileName
    }

    /// Parses `text`; `fileName` appears in error messages.
    /// - Throws: `FieldError` with the line and what was expected.
    public static func parse(_ text: String, fileName: String) throws -> TOMLTable {
        var parser = TOMLParser(text: text, fileName: fileName)
        try parser.parseDocument()
        return parser.root
    }

    // MARK: Document

    private mutating func parseDocument() throws {
        while true {
            skipBlankAndComments()
            guard let c = peek() else { return }
            if c == "[" {
                try parseHeader()
            } else {
                try parseKeyValue(into: current)
            }
            try expectEndOfLine()
        }
    }

    private mutating func parseHeader() throws {
        let headerLine = line
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        skipSpaces()
        let path = try parseKeyPath()
        skipSpaces()
        guard peek() == "]" else { throw error(.unclosedTableHeader) }
        advance()
        if isArray {
            guard peek() == "]" else { throw error(.unclosedArrayHeader) }
            advance()
            let file = fileName
            try withTable(path.dropLast(), create: true) { table in
                let key = path.last!
                var items: [TOMLValue] = []
                if let existing = table[key] {
                    guard case .array(let values) = existing.value, values.allSatisfy({ if case .table = $0 { true } else { false } }) else {
                        throw FieldError(SourceLocation(file: file, line: headerLine), field: path.joined(separator: "."),
                                         FormatProblem.alreadyAValue(line: existing.line))
                    }
                    items = values
                }
                items.append(.table(TOMLTable(line: headerLine)))
                table.replace(key, TOMLEntry(value: .array(items), line: table[key]?.line ?? headerLine))
            }
        } else {
            guard explicitTables.insert(path).inserted else {
                throw error(.tableDefinedTwice(path: path.joined(separator: ".")), line: headerLine)
            }
            try withTable(path[...], create: true, headerLine: headerLine) { _ in }
        }
        current = path
    }

    private mutating func parseKeyValue(into tablePath: [String]) throws {
        let keyLine = line
        let path = try parseKeyPath()
        skipSpaces()
        guard peek() == "=" else { throw error(.expectedEquals(key: path.joined(separator: "."))) }
        advance()
        skipSpaces()
        let value = try parseValue()
        let full = tablePath + path
        let file = fileName
        try withTable(full.dropLast(), create: true) { table in
            guard table.set(full.last!, TOMLEntry(value: value, line: keyLine)) else {
                throw FieldError(SourceLocation(file: file, line: keyLine), field: full.joined(separator: "."),
                                 FormatProblem.keySetTwice(firstLine: table[full.last!]!.line))
            }
        }
    }

    /// Runs `body` on the table at `path`, creating intermediate tables when asked. A path
    /// segment naming an array of tables refers to its last element.
    private mutating func withTable(_ path: ArraySlice<String>, create: Bool, headerLine: Int? = nil,
                                    _ body: (inout TOMLTable) throws -> Void) throws {
        let lineForNew = headerLine ?? line
        func descend(_ table: inout TOMLTable, _ rest: ArraySlice<String>) throws {
            guard let key = rest.first else { try body(&table); return }
            switch table[key]?.value {
            case nil:
                var child = TOMLTable(line: lineForNew)
                try descend(&child, rest.dropFirst())
                table.replace(key, TOMLEntry(value: .table(child), line: lineForNew))
            case .table(var child)?:
                try descend(&child, rest.dropFirst())
                table.replace(key, TOMLEntry(value: .table(child), line: table[key]!.line))
            case .array(var items)? where items.last.map({ if case .table = $0 { true } else { false } }) ?? false:
                guard case .table(var child) = items.removeLast() else { return }
                try descend(&child, rest.dropFirst())
                items.append(.table(child))
                table.replace(key, TOMLEntry(value: .array(items), line: table[key]!.line))
            case let other?:
                throw FieldError(SourceLocation(file: fileName, line: lineForNew), field: key,
                                 FormatProblem.notATable(kind: other.kind, line: table[key]!.line))
            }
        }
        try descend(&root, path)
    }

    // MARK: Keys

    private mutating func parseKeyPath() throws -> [String] {
        var path: [String] = []
        while true {
            skipSpaces()
            path.append(try parseKey())
            skipSpaces()
            if peek() == "." { advance() } else { return path }
        }
    }

    private mutating func parseKey() throws -> String {
        guard let c = peek() else { throw error(.expectedKey) }
        if c == "\"" { return try parseBasicString() }
        if c == "'" { return try parseLiteralString() }
        var key = ""
        while let c = peek(), c.properties.isAlphabetic && c.isASCII || ("0"..."9").contains(c) || c == "_" || c == "-" {
            key.unicodeScalars.append(c); advance()
        }
        guard !key.isEmpty else { throw error(.badKeyCharacter(Character(c))) }
        return key
    }

    // MARK: Values

    private mutating func parseValue() throws -> TOMLValue {
        guard let c = peek(), c != "\n", c != "\r", c != "#" else { throw error(.expectedValue) }
        switch c {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" { throw error(.multilineString) }
            return .string(try parseBasicString())
        case "'": return .string(try parseLiteralString())
        case "[": return try parseArray()
        case "{": return try parseInlineTable()
        default: return try parseAtom()
        }
    }

    private mutating func parseAtom() throws -> TOMLValue {
        var token = ""
        while let c = peek(), c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || "_+-.:".unicodeScalars.contains(c) {
            token.unicodeScalars.append(c); advance()
        }
        if token == "true" { return .bool(true) }
        if token == "false" { return .bool(false) }
        if isDate(token) { return .date(token) }
        if isNumber(token) { return .number(token) }
        if token.isEmpty, let c = peek() { throw error(.unexpectedCharacter(Character(c))) }
        throw error(.notAValue(token))
    }

    private func isDate(_ t: String) -> Bool {
        let u = Array(t.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        return u.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
    }

    private func isNumber(_ t: String) -> Bool {
        var s = Substring(t)
        if s.first == "+" || s.first == "-" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.first != "_" && p.last != "_" && p.allSatisfy { $0 == "_" || ($0.isASCII && $0.isNumber) } }
    }

    private mutating func parseArray() throws -> TOMLValue {
        let openLine = line
        advance()
        var items: [TOMLValue] = []
        while true {
            skipBlankAndComments()
            guard let c = peek() else { throw error(.unclosedArray(openLine: openLine), line: openLine) }
            if c == "]" { advance(); return .array(items) }
            items.append(try parseValue())
            skipBlankAndComments()
            if peek() == nil { throw error(.unclosedArray(openLine: openLine), line: openLine) }
            if peek() == "," { advance() } else if peek() != "]" {
                throw error(.expectedArraySeparator(openLine: openLine))
            }
        }
    }

    private mutating func parseInlineTable() throws -> TOMLValue {
        advance()
        var table = TOMLTable(line: line)
        skipSpaces()
        if peek() == "}" { advance(); return .table(table) }
        while true {
            skipSpaces()
            let keyLine = line
            let key = try parseKey()
            skipSpaces()
            guard peek() == "=" else { throw error(.expectedEqualsInInlineTable(key: key)) }
            advance(); skipSpaces()
            let value = try parseValue()
            guard table.set(key, TOMLEntry(value: value, line: keyLine)) else { throw error(.keySetTwiceInInlineTable(key: key)) }
            skipSpaces()
            if peek() == "," { advance(); continue }
            if peek() == "}" { advance(); return .table(table) }
            throw error(.expectedInlineTableSeparator)
        }
    }

    private mutating func parseBasicString() throws -> String {
        let openLine = line
        advance()
        var result = ""
        while let c = peek() {
            advance()
            switch c {
            case "\"": return result
            case "\n", "\r": throw error(.stringNotClosedOnLine, line: openLine)
            case "\\":
                guard let e = peek() else { break }
                advance()
                switch e {
                case "n": result += "\n"
                case "t": result += "\t"
                case "\"": result += "\""
                case "\\": result += "\\"
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let h = peek() { hex.unicodeScalars.append(h); advance() } }
                    guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { throw error(.badUnicodeEscape(hex: hex)) }
                    result.unicodeScalars.append(s)
                default: throw error(.unknownEscape(Character(e)))
                }
            default: result.unicodeScalars.append(c)
            }
        }
        throw error(.stringNotClosed, line: openLine)
    }

    private mutating func parseLiteralString() throws -> String {
        let openLine = line
        advance()
        var result = ""
        while let c = peek() {
            advance()
            if c == "'" { return result }
            if c == "\n" || c == "\r" { break }
            result.unicodeScalars.append(c)
        }
        throw error(.literalStringNotClosed, line: openLine)
    }

    // MARK: Scanning

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1 }
        index += 1
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" { advance() }
    }

    private mutating func skipComment() {
        if peek() == "#" { while let c = peek(), c != "\n" { advance() } }
    }

    private mutating func skipBlankAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\n" { advance() }
            else if c == "#" { skipComment() }
            else { return }
        }
    }

    private mutating func expectEndOfLine() throws {
        skipSpaces()
        skipComment()
        if peek() == "\r" { advance() }
        guard let c = peek() else { return }
        if c == "," { throw error(.commaAfterValue) }
        guard c == "\n" else { throw error(.unexpectedAfterValue(Character(c))) }
        advance()
    }

    private func error(_ message: FormatProblem, line: Int? = nil) -> FieldError {
        FieldError(SourceLocation(file: fileName, line: line ?? self.line), field: "", message)
    }
}
