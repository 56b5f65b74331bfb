import Testing
@testable import CentraleFormats

@Suite("CSV reader")
struct CSVReaderTests {
    let reader = CSVReader(fileName: "f.csv")

    @Test("comma file with quotes, doubled quotes and a line break inside quotes")
    func quotedFields() throws {
        let records = try reader.read("a,b,c\n1,\"x, y\",\"he said \"\"hi\"\"\"\n2,\"two\nlines\",z\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "he said \"hi\""], ["2", "two\nlines", "z"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("semicolons, CRLF, BOM, comments and blank lines")
    func italianSpreadsheet() throws {
        let text = "\u{FEFF}km;note\r\n# a comment\r\n23,4;\"ok; fine\"\r\n\r\n5;x\r\n"
        let records = try reader.read(text)
        #expect(records.map(\.fields) == [["km", "note"], ["23,4", "ok; fine"], ["5", "x"]])
        #expect(records.map(\.line) == [1, 3, 5])
    }

    @Test("an unterminated quote names the line where it opened")
    func unterminatedQuote() {
        #expect(throws: FieldError(SourceLocation(file: "f.csv", line: 2), field: "column 2",
                                   "a quoted field is never closed; add the closing quote (\")")) {
            try reader.read("a,b\n1,\"open\n3,4\n")
        }
    }

    @Test("a stray quote in an unquoted field is an error, not silently kept")
    func strayQuote() {
        #expect(throws: FieldError.self) { try reader.read("a,b\n1,x\"y\n") }
    }

    @Test("a last line without a newline is read")
    func noFinalNewline() throws {
        #expect(try reader.read("a\n1").map(\.fields) == [["a"], ["1"]])
    }
}

@Suite("Decimal text")
struct DecimalTextTests {
    @Test(arguments: [("0.55", 6, 550_000), ("0,55", 2, 55), ("1_000", 0, 1000), ("12", 2, 1200),
                      ("-1.5", 2, -150), ("0.550", 2, 55), (".5", 1, 5)])
    func parses(text: String, decimals: Int, expected: Int) {
        #expect(DecimalText.scaled(text, decimals: decimals) == expected)
    }

    @Test(arguments: ["", "abc", "1.2.3", "0.555", "1e3", "--1"])
    func rejects(text: String) {
        #expect(DecimalText.scaled(text, decimals: 2) == nil)
    }
}
