import CentraleIntake
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
}
