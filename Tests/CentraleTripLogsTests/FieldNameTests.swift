import CentraleDomain
import CentraleFormats
import Testing
@testable import CentraleTripLogs

/// Issue 16: a problem names its field as the user's file names it (the header found in the
/// file), else by the field's name in the reader's language; the key stays the code's and the API's.
@Suite("Trip logs: fields named as the file names them")
struct FieldNameTests {
    func problems(_ text: String, file: String = "registro.csv") throws -> [FieldError] {
        LogValidator(context: World.context()).check(try LogParser.parse(text, fileName: file)).problems
    }

    @Test("an Italian header names the field with the file's own words, in either language")
    func italianHeaders() throws {
        let found = try problems("Viaggio;Data;Targa;Autista;Km inizio;Km fine;Ora presa;Ora arrivo;Esito;Note\n"
                                 + "1;;ZZ999ZZ;V017;45233,4;45210,0;08:05;08:40;effettuato;\n")
        #expect(found.map { $0.rendered(.it, \.italian) } == [
            "registro.csv:2: Targa: 'ZZ999ZZ' non è tra i mezzi di MIS; usa uno di questi: FP123AB, GV456CD",
            "registro.csv:2: Km fine: 45.210,0 km non è maggiore di km_inizio 45.233,4 km",
        ])
        #expect(found.map(\.description) == [
            "registro.csv:2: Targa: 'ZZ999ZZ' is not in MIS's fleet; use one of FP123AB, GV456CD",
            "registro.csv:2: Km fine: 45210.0 km is not after odometer_start 45233.4 km",
        ])
        #expect(found.map(\.field) == ["vehicle", "odometer_end"])
        #expect(!found.map { $0.rendered(.it, \.italian) }.joined().contains("vehicle"))
    }

    @Test("an English header is named as written too")
    func englishHeaders() throws {
        let found = try problems("trip,plate,driver,km,pickup_time,dropoff_time,outcome\n1,FP123AB,,18.2,08:05,08:40,done\n")
        #expect(found.map { $0.rendered(.it, \.italian) } == ["registro.csv:2: driver: è vuoto; indica il codice volontario dell'autista"])
        #expect(found.map(\.description) == ["registro.csv:2: driver: is empty; give the driver's volunteer code"])
        let plate = try problems("trip,plate,driver,km,pickup_time,dropoff_time,outcome\n1,ZZ999ZZ,V017,18.2,08:05,08:40,done\n")
        #expect(plate.map(\.description).first?.hasPrefix("registro.csv:2: plate: 'ZZ999ZZ' is not in MIS's fleet") == true, "\(plate)")
    }

    @Test("a column the file does not have is named in the reader's language")
    func missingColumn() throws {
        let errors = try #require(throws: FieldErrors.self) {
            try LogParser.parse("viaggio;targa;km;esito\n1;FP123AB;3;effettuato\n", fileName: "registro.csv")
        }
        #expect(errors.errors.map { $0.rendered(.it, \.italian) } == [
            "registro.csv:1: autista: manca; ogni registro deve avere viaggio (trip), targa (vehicle), autista (driver) ed esito (outcome)",
        ])
        #expect(errors.errors.map(\.description) == ["registro.csv:1: driver: missing; every log needs trip, vehicle, driver and outcome"])
    }

    @Test("a JSON log names the field by its key as written")
    func jsonKeys() throws {
        let found = try problems("[{\"viaggio\": 1, \"Targa\": \"ZZ999ZZ\", \"autista\": \"V017\", \"km\": 18.2, \"ora_presa\": \"08:05\", "
                                 + "\"ora_arrivo\": \"08:40\", \"esito\": \"effettuato\"}]", file: "registro.json")
        #expect(found.map(\.description) == ["registro.json:1: Targa: 'ZZ999ZZ' is not in MIS's fleet; use one of FP123AB, GV456CD"])
    }

    @Test("an overlap is named by the file's header of the odometer's start")
    func overlap() throws {
        let found = try problems("""
            viaggio;targa;autista;km_partenza;km_arrivo;ora_presa;ora_arrivo;esito
            1;GV456CD;V017;45210,0;45226,1;08:05;08:40;effettuato
            5;GV456CD;V017;45220,0;45240,0;09:05;09:40;effettuato

            """)
        #expect(found.count == 1 && found[0].rendered(.it, \.italian).hasPrefix("registro.csv:3: km_partenza: le letture 45.220–45.240 km"), "\(found)")
    }

    @Test("a log that is no line of a file (an amendment) is named by what it is, its fields in the reader's language")
    func amendment() throws {
        let row = LogRow(location: CentraleFormats.SourceLocation(file: "amendment of trip 1", line: 1), values: [
            .trip: "1", .vehicle: "FP123AB", .driver: "V017", .km: "4.1", .pickupTime: "08:05", .outcome: "no_show", .notes: "",
        ], place: .amendment(trip: 1))
        let found = LogValidator(context: World.context()).check([row]).problems
        #expect(found.map { $0.rendered(.it, \.italian) } == [
            "rettifica del servizio 1, campo note: è vuoto, e l'esito è assente: scrivi il motivo nelle note (per esempio 'beneficiario non in casa')",
        ])
        #expect(found.map(\.description) == [
            "amendment of trip 1, field notes: is empty, and the outcome is no_show: say why in the notes (e.g. 'beneficiario non in casa')",
        ])
    }

    @Test("a field's name: the header when known (trimmed), else the language's")
    func names() {
        let name = LogColumn.odometerEnd.fieldName
        #expect(name.key == "odometer_end" && name.text(.it) == "km_fine" && name.text(.en) == "odometer_end")
        #expect(name.written(" Km Fine ").text(.it) == "Km Fine" && name.written(" Km Fine ").text(.en) == "Km Fine")
        #expect(name.written("  ").text(.it) == "km_fine")
        #expect(FieldName.column(3).text(.it) == "colonna 3" && FieldName.column(3).text(.en) == "column 3")
    }
}
