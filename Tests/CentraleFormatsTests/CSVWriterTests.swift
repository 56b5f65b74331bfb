import Testing
@testable import CentraleFormats

@Suite("Writing CSV safely")
struct CSVWriterTests {
    @Test("formula-like free text is neutralised; plain numbers, negative ones included, stay numbers")
    func neutralising() {
        let writer = CSVWriter(separator: ",")
        #expect(writer.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(writer.field("+39 333") == "'+39 333")
        #expect(writer.field("-cmd") == "'-cmd")
        #expect(writer.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(writer.field("\tx") == "'\tx")
        #expect(writer.field("-12.50") == "-12.50")
        #expect(writer.field("+3") == "+3")
        #expect(writer.field("-") == "-")
        #expect(writer.field("--1") == "'--1")
        #expect(writer.field("Careggi") == "Careggi")
    }

    @Test("cells with separators, quotes or newlines are quoted, inner quotes doubled")
    func quoting() {
        let comma = CSVWriter(separator: ",")
        #expect(comma.row(["a,b", "say \"hi\"", "two\nlines", "x;y", "plain"]) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"x;y\",plain")
        let semicolon = CSVWriter(separator: ";")
        #expect(semicolon.row(["23,4", "a;b", "a,b"]) == "23,4;\"a;b\";\"a,b\"")  // a number stays a number
    }

    @Test("what the writer writes, the reader reads back unchanged (but for the neutralising quote)")
    func roundTrip() throws {
        let values = ["a,b", "say \"hi\"", "two\nlines", "=1+1", "-5", "x"]
        let text = "h1,h2,h3,h4,h5,h6\n" + CSVWriter(separator: ",").row(values) + "\n"
        let records = try CSVReader(fileName: "t.csv").read(text)
        #expect(records[1].fields == ["a,b", "say \"hi\"", "two\nlines", "'=1+1", "-5", "x"])
    }
}

@Suite("Reading text as offices save it")
struct TextDecodingTests {
    @Test("UTF-8 stays UTF-8; other bytes are read as Windows-1252, accents and the euro sign included")
    func windows1252() {
        let utf8 = TextDecoding.text(from: Array("Niccolò €".utf8))
        #expect(utf8.text == "Niccolò €" && utf8.encoding == .utf8)
        let cp1252 = TextDecoding.text(from: [0x4E, 0x69, 0x63, 0x63, 0x6F, 0x6C, 0xF2, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94])
        #expect(cp1252.text == "Niccolò € “q”" && cp1252.encoding == .windows1252)
        // An undefined byte stays a C1 control, which the log checks refuse.
        #expect(TextDecoding.text(from: [0x41, 0x81]).text.unicodeScalars.last?.value == 0x81)
    }

    @Test("a document for Italian Excel: BOM, ';', CRLF, decimal-comma numbers unquoted, text with ';' quoted")
    func excelDocument() {
        let writer = CSVWriter(dialect: .excel)
        let text = writer.document([["voce", "importo_eur"], ["km; extra", "-1234,56"], ["=1+1", "12,5"]])
        #expect(text == "\u{FEFF}voce;importo_eur\r\n\"km; extra\";-1234,56\r\n'=1+1;12,5\r\n")
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("a document in RFC 4180 form: ',', LF, no BOM; a number with a comma would be quoted there")
    func rfcDocument() {
        let writer = CSVWriter(dialect: .rfc4180)
        #expect(writer.document([["item", "amount_eur"], ["km", "-1234.56"]]) == "item,amount_eur\nkm,-1234.56\n")
        #expect(writer.field("12,5") == "\"12,5\"")
        #expect(CSVWriter(separator: ";").field("12,5") == "12,5")
        #expect(CSVWriter(separator: ";").field("a,b") == "\"a,b\"")
    }

    @Test("Italian Excel holds no bare LF: a line break inside a cell is written CRLF and quoted; a cell with CRLF is quoted in any dialect")
    func excelLineBreaks() {
        let excel = CSVWriter(dialect: .excel)
        #expect(excel.document([["a\nb", "c\rd", "e\r\nf"], ["x", "y", "z"]]) == "\u{FEFF}\"a\r\nb\";\"c\r\nd\";\"e\r\nf\"\r\nx;y;z\r\n")
        #expect(CSVWriter(dialect: .rfc4180).document([["a\nb", "c"]]) == "\"a\nb\",c\n")
        // CRLF is one Character in Swift, equal to neither "\n" nor "\r": still a line break to quote.
        #expect(CSVWriter(separator: ",").field("e\r\nf") == "\"e\r\nf\"")
    }
}
