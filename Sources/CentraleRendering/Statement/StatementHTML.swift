import CentraleFormats
import CentraleDomain
import CentraleTariffs

/// A statement as one self-contained HTML page (inline CSS, printable on A4), from the
/// `statement` template: this builds its values, the template escapes them.
enum StatementHTML {
    struct Page {
        var lang: String, l: Words
        var hasStatus: Bool, status: String, isFinal: Bool
        var month: String, association: String, associationName: String
        var tripsText: String, km: String, flaggedText: String, total: String, indirectBasis: String
        var totals: [Total]
        var hasAdjustments: Bool, adjustments: [Adjustment]
        var hasFlagged: Bool, flagged: [Flagged]
        var trips: [Trip]
    }

    /// The page's words, from the typed catalogue (`StatementLabels`).
    struct Words {
        var title: String, totalCapital: String, totalsByItem: String, item: String, indirectCosts: String
        var adjustmentsTitle: String, trip: String, month: String, reason: String
        var flaggedTitle: String, flaggedNote: String, date: String, vehicle: String
        var kmLogged: String, kmEstimated: String, kmPaid: String, review: String, flag: String
        var tripsTitle: String, beneficiary: String, outcome: String, lines: String

        init(_ l: StatementLabels) {
            title = l.title; totalCapital = l.total.capitalizedFirst; totalsByItem = l.totalsByItem; item = l.item
            indirectCosts = l.indirectCosts; adjustmentsTitle = l.adjustmentsTitle; trip = l.trip; month = l.month; reason = l.reason
            flaggedTitle = l.flaggedTitle; flaggedNote = l.flaggedNoteHTML; date = l.date; vehicle = l.vehicle
            kmLogged = l.kmLogged; kmEstimated = l.kmEstimated; kmPaid = l.kmPaid; review = l.review; flag = l.flag
            tripsTitle = l.tripsTitle; beneficiary = l.beneficiary; outcome = l.outcome; lines = l.lines
        }
    }

    struct Total { var item: String, amount: String }
    struct Adjustment { var trip: Int64, month: String, reason: String, amount: String }
    struct Flagged { var trip: Int64, date: String, vehicle: String, logged: String, estimated: String, paid: String, review: String, flag: String }
    struct Trip { var id: Int64, date: String, beneficiary: String, outcome: String, flagged: Bool, lines: [Line], total: String }
    struct Line { var isFirst: Bool, item: String, basis: String, amount: String }

    static func page(_ s: MonthlyStatement, language n: Language, status: MonthDocumentStatus? = nil) throws -> String {
        let l = StatementLabels.of(n)
        var totals = s.totalsByItem.map { Total(item: l.itemName($0.item), amount: n.euros($0.amount)) }
        if !s.adjustments.isEmpty { totals.append(Total(item: l.adjustments, amount: n.euros(s.adjusted))) }
        let page = Page(
            lang: n.rawValue, l: Words(l),
            hasStatus: status != nil, status: status.map { DocumentStatusText.line($0, n) } ?? "",
            isFinal: { if case .final? = status { true } else { false } }(),
            month: n.month(s.month), association: s.association, associationName: s.associationName,
            tripsText: l.trips(s.entries.count).capitalizedFirst, km: n.km(s.driven), flaggedText: l.flaggedForReview(s.flagged.count),
            total: n.euros(s.total), indirectBasis: s.indirect.basisWords.text(n), totals: totals,
            hasAdjustments: !s.adjustments.isEmpty,
            adjustments: s.adjustments.map { Adjustment(trip: $0.tripID, month: n.month($0.originalMonth), reason: l.adjustmentReason($0.reason), amount: n.euros($0.amount)) },
            hasFlagged: !s.flagged.isEmpty,
            flagged: s.flagged.map {
                Flagged(trip: $0.tripID, date: n.date($0.date), vehicle: $0.vehicle, logged: n.km($0.driven),
                        estimated: $0.estimated.map(n.km) ?? "-", paid: n.km($0.paid ?? $0.driven),
                        review: l.reviewText($0.review) ?? "-", flag: l.flagText(driven: $0.driven, estimated: $0.estimated, stored: $0.flag, language: n))
            },
            trips: s.entries.map { entry in
                Trip(id: entry.tripID, date: n.date(entry.date), beneficiary: entry.beneficiary, outcome: l.outcomeName(entry.outcome),
                     flagged: entry.flag != nil,
                     lines: entry.reimbursement.lines.enumerated().map {
                         Line(isFirst: $0.offset == 0, item: l.itemName($0.element.item), basis: $0.element.basisWords.text(n), amount: n.euros($0.element.amount))
                     },
                     total: n.euros(entry.reimbursement.total))
            })
        return try Templates.render(page, template: "statement")
    }
}
