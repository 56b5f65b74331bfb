import CentraleDomain
import CentraleFormats
import CentraleRegistry
import Foundation
import Testing
@testable import CentraleIntake

@Suite("PUA lists")
struct BeneficiaryImportTests {
    static let registry = try! Registry.embedded()
    let reader = BeneficiaryImport(comuni: Self.registry.comuni, today: LocalDate("2025-11-20")!)

    static let header = "Cognome;Nome;Codice Fiscale;Data di nascita;Telefono;Indirizzo;Comune;Segnalato da;Referente;Data segnalazione;"
        + "Riferimento PAI;Bisogni;Motivi;Valido dal;Valido al"
    static let rossi = "Rossi;Mario;RSSMRA80A01H501U;01/01/1980;055 1;Via Verdi 3;Signa;Servizi Sociali;A. B.;10/01/2025;PAI-1;;visita|terapia;01/02/2025;31/12/2025"

    @Test("a PUA export: Italian headers in any case and with accents, ;, BOM, CRLF, dd/mm/yyyy, Windows-1252")
    func dialects() throws {
        let bellè = "Bellè;Niccolò;BLLNCL40A01D612A;01/01/1940;055 123456|333 1234567;Via Roma 12;048041;PUA;;15/01/2025;;carrozzina, accompagnatore;dialisi,visita;01/02/2025;31/01/2026"
        let text = "\u{FEFF}" + Self.header.uppercased().replacingOccurrences(of: "DATA DI NASCITA", with: "Data di Nascità") + "\r\n" + Self.rossi + "\r\n" + bellè + "\r\n"
        let utf8 = try reader.read(Data(text.utf8), fileName: "pua.csv")
        #expect(utf8.map(\.line) == [2, 3])
        let niccolo = utf8[1].entry
        #expect(niccolo.personal.surname == "Bellè" && niccolo.personal.name == "Niccolò")
        #expect(niccolo.personal.street == "Via Roma" && niccolo.personal.houseNumber == "12" && niccolo.personal.comune == "048041")
        #expect(niccolo.personal.phones == ["055 123456", "333 1234567"] && niccolo.personal.positionApproximate)
        #expect(niccolo.authorisation.needs == [.wheelchair, .escort] && niccolo.authorisation.purposes == [.dialysis, .visit])
        #expect(niccolo.authorisation.validUntil == LocalDate("2026-01-31")!)
        #expect(utf8[0].entry.referral.by == .socialServices && reader.findComune("signa")?.istatCode == utf8[0].entry.personal.comune)
        let cp1252 = try #require(text.replacingOccurrences(of: "\u{FEFF}", with: "").data(using: .windowsCP1252))
        #expect(String(data: cp1252, encoding: .utf8) == nil)
        #expect(try reader.read(cp1252, fileName: "pua.csv").map(\.entry) == utf8.map(\.entry))
    }

    @Test("every bad row is named by line and field, and nothing is returned", arguments: [
        ("RSSMRA80A01H501U", "RSSMRA80A01H501X", "codice_fiscale", "wrong check character"),
        (";Signa;", ";Atlantide;", "comune", "not a comune"),
        ("01/02/2025;31/12/2025", "01/02/2025;31/12/2024", "valido_al", "before it starts"),
        ("01/01/1980", "01/01/2030", "data_nascita", "in the future"),
        ("visita|terapia", "visita|spesa", "motivi", "'spesa' is not a purpose"),
    ])
    func badRows(change: (String, String, String, String)) throws {
        let bad = Self.rossi.replacingOccurrences(of: change.0, with: change.1)
        let text = Self.header + "\n" + bad + "\n"
        let error = try #require(throws: FieldErrors.self) { try reader.read(Data(text.utf8), fileName: "pua.csv") }
        #expect(error.errors.count == 1)
        #expect(error.errors[0].description.hasPrefix("pua.csv:2: \(change.2): "), "\(error)")
        #expect(error.errors[0].message.english.contains(change.3), "\(error)")
    }

    @Test("a codice fiscale repeated in the file is refused on its second line")
    func repeated() throws {
        let text = Self.header + "\n" + Self.rossi + "\n" + Self.rossi.replacingOccurrences(of: "Mario", with: "Mariolino") + "\n"
        let error = try #require(throws: FieldErrors.self) { try reader.read(Data(text.utf8), fileName: "pua.csv") }
        #expect(error.description == "pua.csv:3: codice_fiscale: RSSMRA80A01H501U is already on line 2; keep one row per person")
    }

    @Test("a missing column is named on the header line")
    func missingColumn() throws {
        let text = Self.header.replacingOccurrences(of: ";Motivi", with: "") + "\n"
        let error = try #require(throws: FieldErrors.self) { try reader.read(Data(text.utf8), fileName: "pua.csv") }
        #expect(error.errors.first?.description.hasPrefix("pua.csv:1: motivi: missing column") == true)
    }

    @Test("the template reads back as one valid person")
    func template() throws {
        let rows = try reader.read(Data(BeneficiaryImport.template.utf8), fileName: "template.csv")
        #expect(rows.count == 1 && rows[0].entry.personal.codiceFiscale == "BLLNCL40A01D612A")
    }
}
