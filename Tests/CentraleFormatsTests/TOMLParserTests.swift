import Testing
@testable import CentraleFormats

@Suite("TOML parser")
struct TOMLParserTests {
    @Test("tables, arrays of tables, inline tables, dotted keys and value types")
    func document() throws {
        let text = """
        # comment
        title = "Convenzione \\"unica\\"" # trailing comment
        [service]
        max = 60
        rate = 0.55
        on = true
        since = 2024-01-01
        list = [1, 2,
          3]  # over lines
        [[tariff]]
        id = 'a'
        cap = { standard = 0.52, wheelchair = 0.62 }
        [[tariff]]
        id = "b"
        nested.key = "x"
        """
        let root = try TOMLParser.parse(text, fileName: "c.toml")
        #expect(root["title"]?.value == .string("Convenzione \"unica\""))
        guard case .table(let service)? = root["service"]?.value else { Issue.record("no [service]"); return }
        #expect(service["max"] == TOMLEntry(value: .number("60"), line: 4))
        #expect(service["rate"]?.value == .number("0.55"))
        #expect(service["on"]?.value == .bool(true))
        #expect(service["since"]?.value == .date("2024-01-01"))
        #expect(service["list"]?.value == .array([.number("1"), .number("2"), .number("3")]))
        guard case .array(let tariffs)? = root["tariff"]?.value, tariffs.count == 2,
              case .table(let first) = tariffs[0], case .table(let second) = tariffs[1] else {
            Issue.record("expected two [[tariff]] tables"); return
        }
        #expect(first["id"]?.value == .string("a"))
        guard case .table(let cap)? = first["cap"]?.value else { Issue.record("no cap"); return }
        #expect(cap["wheelchair"]?.value == .number("0.62"))
        guard case .table(let nested)? = second["nested"]?.value else { Issue.record("no nested"); return }
        #expect(nested["key"] == TOMLEntry(value: .string("x"), line: 15))
    }

    @Test("errors carry the line", arguments: [
        ("a = 1\nb = \n", 2), ("a = 1\na = 2\n", 2), ("[s]\nx = 1\n[s]\n", 3), ("x = abc\n", 1),
        ("x = \"open\n", 1), ("x = [1, 2\n", 1), ("x = 1 y = 2\n", 1), ("\n\n[t\n", 3),
    ])
    func errorLine(text: String, line: Int) {
        do {
            _ = try TOMLParser.parse(text, fileName: "c.toml")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch let error as FieldError {
            #expect(error.location == SourceLocation(file: "c.toml", line: line), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
