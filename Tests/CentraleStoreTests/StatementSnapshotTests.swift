import CentraleDomain
import CentraleTariffs
import Foundation
import Testing
@testable import CentraleStore

@Suite("Frozen statements: an explicit, versioned shape")
struct StatementSnapshotTests {
    /// A statement frozen before the shape was made explicit (version 0: MonthlyStatement's own
    /// Codable encoding, camelCase keys, no version), cut from a closed month of the demo, with
    /// a flagged trip and an adjustment added in the same shape.
    static let legacy = #"""
    {"adjustments":[{"amount":-1234,"originalMonth":"2025-07","reason":"late log (2025-07 closed)","tripID":123}],"association":"AUS-SIG","associationName":"Auser Signa","entries":[{"beneficiary":"B4L77Y","date":"2025-08-02","driven":44400,"outcome":"done","reimbursement":{"lines":[{"amount":2930,"basis":"44.4 km × 0.66 €/km","item":"km"},{"amount":240,"basis":"per trip","item":"insurance"}],"tariffID":"2014-01","tripID":22888},"tripID":22888,"vehicle":"LC115BW"},{"beneficiary":"B4L77Y","date":"2025-08-02","driven":47200,"estimated":20100,"flag":"logged 96.0 km, estimated 20.1 km","outcome":"done","paid":20100,"reimbursement":{"lines":[{"amount":2926,"basis":"47.2 km × 0.62 €/km (capped at the standard reference cost)","item":"km"},{"amount":240,"basis":"per trip","item":"insurance"}],"tariffID":"2014-01","tripID":22889},"review":"not reviewed","tripID":22889,"vehicle":"XJ626VK"}],"indirect":{"amount":11523,"basis":"10.00% of 1152.27 € direct items","item":"indirect"},"month":"2025-08"}
    """#

    @Test("a snapshot in the old shape is read, field by field")
    func readsVersionZero() throws {
        let statement = try StatementSnapshot.statement(fromJSON: Self.legacy)
        #expect(statement.association == "AUS-SIG" && statement.associationName == "Auser Signa" && statement.month == YearMonth(year: 2025, month: 8))
        #expect(statement.entries.map(\.tripID) == [22888, 22889])
        let plain = statement.entries[0], flagged = statement.entries[1]
        #expect(plain.driven == Distance(metres: 44_400) && plain.outcome == .done && plain.vehicle == "LC115BW" && plain.flag == nil)
        #expect(plain.reimbursement.tariffID == "2014-01" && plain.reimbursement.lines.map(\.amount.cents) == [2930, 240])
        #expect(plain.reimbursement.lines.map(\.item) == [.km, .insurance])
        #expect(flagged.flag == "logged 96.0 km, estimated 20.1 km" && flagged.estimated == Distance(metres: 20_100)
                && flagged.paid == Distance(metres: 20_100) && flagged.review == "not reviewed")
        #expect(statement.indirect.amount.cents == 11_523 && statement.indirect.item == .indirect)
        #expect(statement.adjustments == [AdjustmentLine(tripID: 123, originalMonth: YearMonth(year: 2025, month: 7)!, amount: Money(cents: -1234),
                                                         reason: "late log (2025-07 closed)")])
        #expect(statement.total.cents == 2930 + 240 + 2926 + 240 + 11_523 - 1234)
    }

    @Test("today's shape is versioned, snake_case, in cents and metres, and reads back to the same statement")
    func versionOneRoundTrip() throws {
        let statement = try StatementSnapshot.statement(fromJSON: Self.legacy)
        let json = try StatementSnapshot(statement).json()
        #expect(json.hasPrefix(#"{"adjustments":[{"amount_cents":-1234,"original_month":"2025-07","#))
        #expect(json.contains(#""version":1"#) && json.contains(#""driven_m":47200"#) && json.contains(#""km_flag":"logged 96.0 km"#)
                && json.contains(#""association_name":"Auser Signa""#) && !json.contains("associationName"))
        #expect(try StatementSnapshot.statement(fromJSON: json) == statement)
        // The same statement gives the same text (its checksum is stable).
        #expect(try StatementSnapshot(statement).json() == json)
    }

    @Test("a damaged snapshot or an unknown version is an error, not a default")
    func refusesUnknownValues() throws {
        let statement = try StatementSnapshot.statement(fromJSON: Self.legacy)
        let json = try StatementSnapshot(statement).json()
        #expect(throws: StoreError.self) { try StatementSnapshot.statement(fromJSON: json.replacingOccurrences(of: #""item":"insurance""#, with: #""item":"fuel""#)) }
        #expect(throws: StoreError.self) { try StatementSnapshot.statement(fromJSON: json.replacingOccurrences(of: #""outcome":"done""#, with: #""outcome":"maybe""#)) }
        #expect(throws: StoreError.self) { try StatementSnapshot.statement(fromJSON: json.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)) }
        #expect(throws: (any Error).self) { try StatementSnapshot.statement(fromJSON: "{\"version\":1}") }
    }
}
