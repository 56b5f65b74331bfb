import CentraleDomain
import CentraleFormats
import Testing
@testable import CentraleSynth

@Suite("Synthetic trip-log files")
struct LogFileTests {
    @Test("a note with quotes, commas and semicolons reads back as written, in every CSV dialect")
    func notesQuoted() throws {
        let home = Stop(label: "Via Roma 1, Scandicci", comune: "048041", location: Coordinate(latitude: 43.75, longitude: 11.19))
        let trip = TripRequest(id: 7, beneficiary: "BAAAA1", date: LocalDate("2025-03-03")!, pickup: home, destination: home,
                               appointment: LocalTime("08:00")!, needs: [], purpose: .visit)
        let log = SyntheticLog(trip: trip, vehicle: "FP123AB", driver: "V017", odometers: nil, driven: Distance(metres: 12_300),
                               pickup: nil, dropoff: nil, waiting: 0, outcome: .done, notes: "\"urgente\", disse; poi \"\"ok\"")
        for dialect in [LogDialect.englishCSV, .italianSpreadsheet, .italianQuoted] {
            let records = try CSVReader(fileName: "f.csv", allowComments: false).read(LogFileWriter.text([log], dialect: dialect))
            #expect(records.count == 2)
            #expect(records.last?.fields.last == log.notes, "\(dialect)")
        }
    }
}
