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

    @Test("an unterminated quote names the line where it opened, and the column by its header")
    func unterminatedQuote() throws {
        #expect(throws: FieldError(SourceLocation(file: "f.csv", line: 2), named: FieldName.column(2, header: "b"),
                                   FormatProblem.unclosedQuote)) {
            try reader.read("a,b\n1,\"open\n3,4\n")
        }
        let error = try #require(throws: FieldError.self) { try reader.read("trip; Note \n1;\"open\n") }
        #expect(error.field == "column 2" && error.description.hasPrefix("f.csv:2: Note: a quoted field is never closed"), "\(error)")
        // In the header itself there is no header to name it by: the column's number, in the reader's language.
        let header = try #require(throws: FieldError.self) { try reader.read("a,\"b\n") }
        #expect(header.rendered(.it, \.italian).hasPrefix("f.csv:1: colonna 2: "), "\(header)")
        #expect(header.description.hasPrefix("f.csv:1: column 2: "), "\(header)")
    }

    @Test("a stray quote in an unquoted field is an error, not silently kept")
    func strayQuote() {
        #expect(throws: FieldError.self) { try reader.read("a,b\n1,x\"y\n") }
    }

    @Test("multi-byte characters, CR-only line ends, a CR inside quotes and spaces after a closing quote")
    func bytes() throws {
        let records = try reader.read("città;perché\r\"sì; è\r\nqui\"  ;€ 5\r# commento ☕\rü;\"\"\n")
        #expect(records.map(\.fields) == [["città", "perché"], ["sì; è\nqui", "€ 5"], ["ü", ""]])
        #expect(records.map(\.line) == [1, 2, 5])
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

@Suite("SHA-256")
struct SHA256Tests {
    @Test("known vectors (FIPS 180-4 examples)")
    func vectors() {
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct SourceLocationTests {
    @Test("a location names its line, or only the file when the problem is the file as a whole")
    func wholeFile() {
        #expect(SourceLocation(file: "logs.csv", line: 3).description == "logs.csv:3")
        #expect(SourceLocation(file: "/nonexistent", line: 0).description == "/nonexistent")
    }
}
