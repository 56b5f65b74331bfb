import CentraleDomain
import CentraleFormats
import CentraleIntake
import Foundation
import Testing

@Suite("Volunteer codes")
struct VolunteerCodeTests {
    @Test("a volunteer's code takes the form a log's driver column accepts: letters, digits, - and /")
    func codes() throws {
        #expect(try VolunteerImport.code(" vmis-01/a ") == "VMIS-01/A")
        // `_` would register a code no log or confirmation could name.
        for bad in ["V_01", "", "Mario Rossi", String(repeating: "V", count: 21), "VÈ01"] {
            #expect(throws: (any Error).self, "\(bad)") { try VolunteerImport.code(bad) }
        }
    }

    @Test("a volunteer file's problems name each column as its header does, a missing one in the reader's language")
    func fieldNames() throws {
        let reader = VolunteerImport(association: "MIS", today: LocalDate("2026-01-01")!)
        let bad = try #require(throws: FieldErrors.self) {
            try reader.read(Data("Codice;Patente;Anno nascita\nV1;Z;1960\n".utf8), fileName: "v.csv")
        }
        #expect(bad.errors.map(\.field) == ["licence"])
        #expect(bad.errors.map { $0.rendered(.it, \.italian) }.first?.hasPrefix("v.csv:2: Patente: 'Z' non è una categoria di patente") == true, "\(bad)")
        #expect(bad.errors.map(\.description).first?.hasPrefix("v.csv:2: Patente: 'Z' is not a licence category") == true, "\(bad)")
        let missing = try #require(throws: FieldError.self) {
            try reader.read(Data("codice;patente\nV1;B\n".utf8), fileName: "v.csv")
        }
        #expect(missing.rendered(.it, \.italian) == "v.csv:1: anno_nascita: colonna mancante; l'intestazione deve avere: codice, anno_nascita")
        #expect(missing.description == "v.csv:1: birth_year: missing column; the header must name: code, birth_year")
    }
}
