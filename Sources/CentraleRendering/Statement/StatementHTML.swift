import CentraleDomain
import CentraleTariffs

/// A statement as one self-contained HTML page (inline CSS, printable on A4), from the
/// `statement` template: this builds its values, the template escapes them.
enum StatementHTML {
    struct Page {
        var month: String, association: String, associationName: String
        var tripCount: Int, km: String, flaggedCount: Int, total: String, indirectBasis: String
        var totals: [Total]
        var hasAdjustments: Bool, adjustments: [Adjustment]
        var hasFlagged: Bool, flagged: [Flagged]
        var trips: [Trip]
    }

    struct Total { var item: String, amount: String }
    struct Adjustment { var trip: Int64, month: String, reason: String, amount: String }
    struct Flagged { var trip: Int64, date: String, vehicle: String, logged: String, estimated: String, paid: String, review: String, flag: String }
    struct Trip { var id: Int64, date: String, beneficiary: String, outcome: String, flagged: Bool, lines: [Line], total: String }
    struct Line { var isFirst: Bool, item: String, basis: String, amount: String }

    static func page(_ s: MonthlyStatement, language: Language) throws -> String {
        var totals = s.totalsByItem.map { Total(item: $0.item.rawValue, amount: $0.amount.description) }
        if !s.adjustments.isEmpty { totals.append(Total(item: "adjustments", amount: s.adjusted.description)) }
        let page = Page(
            month: s.month.description, association: s.association, associationName: s.associationName,
            tripCount: s.entries.count, km: s.driven.description, flaggedCount: s.flagged.count, total: s.total.description,
            indirectBasis: s.indirect.basis, totals: totals,
            hasAdjustments: !s.adjustments.isEmpty,
            adjustments: s.adjustments.map { Adjustment(trip: $0.tripID, month: $0.originalMonth.description, reason: $0.reason, amount: $0.amount.description) },
            hasFlagged: !s.flagged.isEmpty,
            flagged: s.flagged.map {
                Flagged(trip: $0.tripID, date: $0.date.description, vehicle: $0.vehicle, logged: $0.driven.kilometresText,
                        estimated: $0.estimated?.kilometresText ?? "-", paid: ($0.paid ?? $0.driven).kilometresText,
                        review: $0.review ?? "-", flag: $0.flag ?? "")
            },
            trips: s.entries.map { entry in
                Trip(id: entry.tripID, date: entry.date.description, beneficiary: entry.beneficiary, outcome: entry.outcome.rawValue,
                     flagged: entry.flag != nil,
                     lines: entry.reimbursement.lines.enumerated().map {
                         Line(isFirst: $0.offset == 0, item: $0.element.item.rawValue, basis: $0.element.basis, amount: $0.element.amount.description)
                     },
                     total: entry.reimbursement.total.description)
            })
        return try Templates.render(page, template: "statement")
    }
}
