import CentralePlanning
import Testing

@Suite("Best known costs of benchmark instances")
struct BestKnownCostsTests {
    @Test("the cost is the column after instance, in any CSV dialect; an empty cost is skipped")
    func reads() throws {
        let comma = try BestKnownCosts.read(text: "instance,obj_rf_logged,lower_bound\na2-16,294.2480,294.2480\na2-20,,\n", fileName: "bks.csv")
        #expect(comma == ["a2-16": 294.248])
        let semicolon = try BestKnownCosts.read(text: "\u{FEFF}# best known\r\nname;Instance;best\r\nx;\"a3-18\";300.4832\r\n", fileName: "bks.csv")
        #expect(semicolon == ["a3-18": 300.4832])
    }

    @Test("a cost that is not a number, or no instance column, is an error naming the line")
    func refuses() {
        #expect(throws: (any Error).self) { try BestKnownCosts.read(text: "name,cost\na,1\n", fileName: "bks.csv") }
        do {
            _ = try BestKnownCosts.read(text: "instance,cost\na2-16,294.2480\na2-20,n/a\n", fileName: "bks.csv")
            Issue.record("accepted a cost that is not a number")
        } catch {
            #expect("\(error)" == "bks.csv:3: cost: 'n/a' is not a number")
        }
    }
}
