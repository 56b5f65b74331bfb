import CentraleDomain
import CentraleTariffs
import Foundation

/// A closed month's statement as it is stored in `statement_snapshot.json`: an explicit,
/// versioned shape with snake_case keys, amounts in cents, distances in metres and ISO dates.
/// `MonthlyStatement` may change; what was frozen may not. A new shape gets a new version,
/// and every earlier version stays readable:
/// - version 0 (no `version` key): the months closed before the shape was made explicit, when
///   the snapshot was `MonthlyStatement`'s own Codable encoding (camelCase keys);
/// - version 1: this shape.
struct StatementSnapshot: Codable, Equatable {
    /// The shape written today.
    static let currentVersion = 1

    struct Line: Codable, Equatable {
        var item: String
        var basis: String
        var amountCents: Int
    }

    struct Entry: Codable, Equatable {
        var trip: Int64
        var date: String
        var beneficiary: String
        var outcome: String
        var vehicle: String
        var drivenM: Int
        var kmFlag: String?
        var estimatedM: Int?
        var paidM: Int?
        var review: String?
        var tariff: String
        var lines: [Line]
    }

    struct Adjustment: Codable, Equatable {
        var trip: Int64
        var originalMonth: String
        var amountCents: Int
        var reason: String
    }

    var version: Int
    var association: String
    var associationName: String
    var month: String
    var entries: [Entry]
    var indirect: Line
    var adjustments: [Adjustment]

    /// The snapshot of a statement, in the current shape.
    init(_ statement: MonthlyStatement) {
        func line(_ line: ReimbursementLine) -> Line { Line(item: line.item.rawValue, basis: line.basis, amountCents: line.amount.cents) }
        version = Self.currentVersion
        association = statement.association
        associationName = statement.associationName
        month = statement.month.description
        entries = statement.entries.map { entry in
            Entry(trip: entry.tripID, date: entry.date.description, beneficiary: entry.beneficiary, outcome: entry.outcome.rawValue,
                  vehicle: entry.vehicle, drivenM: entry.driven.metres, kmFlag: entry.flag, estimatedM: entry.estimated?.metres,
                  paidM: entry.paid?.metres, review: entry.review, tariff: entry.reimbursement.tariffID, lines: entry.reimbursement.lines.map(line))
        }
        indirect = line(statement.indirect)
        adjustments = statement.adjustments.map {
            Adjustment(trip: $0.tripID, originalMonth: $0.originalMonth.description, amountCents: $0.amount.cents, reason: $0.reason)
        }
    }

    /// The stored text: sorted keys, so that the checksum of a statement is stable.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored statement in any shape ever written.
    static func statement(fromJSON json: String) throws -> MonthlyStatement {
        struct Version: Decodable { var version: Int? }
        let data = Data(json.utf8)
        switch try JSONDecoder().decode(Version.self, from: data).version {
        case nil:
            return try JSONDecoder().decode(MonthlyStatement.self, from: data)
        case 1:
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(StatementSnapshot.self, from: data).statement()
        case let version?:
            throw StoreError.refused(.database(.unknownSnapshotVersion(version)))
        }
    }

    /// The statement this snapshot holds; a value no statement can hold (an unknown cost item,
    /// outcome or date) is an error, not a default.
    func statement() throws -> MonthlyStatement {
        func bad(_ what: DatabaseRefusal.SnapshotField, _ value: String) -> StoreError {
            StoreError.refused(.database(.damagedSnapshot(association: association, month: month, what, value: value)))
        }
        func line(_ line: Line) throws -> ReimbursementLine {
            guard let item = CostItem(rawValue: line.item) else { throw bad(.costItem, line.item) }
            return ReimbursementLine(item: item, basis: line.basis, amount: Money(cents: line.amountCents))
        }
        guard let yearMonth = YearMonth(month) else { throw bad(.month, month) }
        let entries = try entries.map { entry in
            guard let date = LocalDate(entry.date) else { throw bad(.date, entry.date) }
            guard let outcome = TripOutcome(rawValue: entry.outcome) else { throw bad(.outcome, entry.outcome) }
            return MonthlyStatement.Entry(
                tripID: entry.trip, date: date, beneficiary: entry.beneficiary, outcome: outcome, vehicle: entry.vehicle,
                driven: Distance(metres: entry.drivenM), flag: entry.kmFlag,
                reimbursement: TripReimbursement(tripID: entry.trip, tariffID: entry.tariff, lines: try entry.lines.map(line)),
                estimated: entry.estimatedM.map(Distance.init(metres:)), paid: entry.paidM.map(Distance.init(metres:)), review: entry.review)
        }
        let adjustments = try adjustments.map { adjustment in
            guard let original = YearMonth(adjustment.originalMonth) else { throw bad(.month, adjustment.originalMonth) }
            return AdjustmentLine(tripID: adjustment.trip, originalMonth: original, amount: Money(cents: adjustment.amountCents),
                                  reason: adjustment.reason)
        }
        return MonthlyStatement(association: association, associationName: associationName, month: yearMonth, entries: entries,
                                indirect: try line(indirect), adjustments: adjustments)
    }
}
