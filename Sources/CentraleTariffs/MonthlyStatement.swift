import CentraleDomain

/// An association's monthly statement (*rendiconto*): every logged trip with its lines, the
/// totals by cost item, the indirect costs, the flagged trips apart, and the grand total.
public struct MonthlyStatement: Hashable, Sendable, Codable {
    /// One logged trip of the month, as the statement needs it.
    public struct Entry: Hashable, Sendable, Codable {
        public var tripID: Int64
        public var date: LocalDate
        public var beneficiary: String
        public var outcome: TripOutcome
        public var vehicle: String
        public var driven: Distance
        /// The km-review flag, when the logged km are far from the estimate.
        public var flag: String?
        /// The reimbursement, on the km paid (`paid` for a flagged trip, else the km logged).
        public var reimbursement: TripReimbursement
        /// For a flagged trip: the convention's estimate, the km paid and the review's state
        /// (`not reviewed`: the estimate capped at the logged km is paid until someone reviews it).
        public var estimated: Distance?
        public var paid: Distance?
        public var review: String?

        /// Creates an entry.
        public init(tripID: Int64, date: LocalDate, beneficiary: String, outcome: TripOutcome, vehicle: String, driven: Distance,
                    flag: String?, reimbursement: TripReimbursement, estimated: Distance? = nil, paid: Distance? = nil, review: String? = nil) {
            self.estimated = estimated
            self.paid = paid
            self.review = review
            self.tripID = tripID
            self.date = date
            self.beneficiary = beneficiary
            self.outcome = outcome
            self.vehicle = vehicle
            self.driven = driven
            self.flag = flag
            self.reimbursement = reimbursement
        }
    }

    /// The association's code and name.
    public var association: String
    public var associationName: String
    /// The month.
    public var month: YearMonth
    /// The trips, by date then id.
    public var entries: [Entry]
    /// The indirect costs line.
    public var indirect: ReimbursementLine
    /// Corrections for trips of closed months (late logs, amendments), paid in this month.
    public var adjustments: [AdjustmentLine]

    /// The sum of every trip's lines.
    public var direct: Money { entries.reduce(.zero) { $0 + $1.reimbursement.total } }
    /// The sum of the adjustments.
    public var adjusted: Money { adjustments.reduce(.zero) { $0 + $1.amount } }
    /// The grand total: direct items, indirect costs and adjustments.
    public var total: Money { direct + indirect.amount + adjusted }
    /// Km logged.
    public var driven: Distance { entries.reduce(.zero) { $0 + $1.driven } }
    /// The trips flagged for km review (included in the totals at the km paid, and listed apart).
    public var flagged: [Entry] { entries.filter { $0.flag != nil } }

    /// Totals by cost item, in the items' order, indirect included.
    public var totalsByItem: [(item: CostItem, amount: Money)] {
        var totals: [CostItem: Money] = [:]
        for entry in entries { for line in entry.reimbursement.lines { totals[line.item, default: .zero] += line.amount } }
        totals[.indirect] = indirect.amount
        return CostItem.allCases.compactMap { item in totals[item].map { (item, $0) } }
    }

    /// Builds a statement; the entries' reimbursements are already computed.
    public init(association: String, associationName: String, month: YearMonth, entries: [Entry], adjustments: [AdjustmentLine] = [],
                engine: TariffEngine) throws {
        self.association = association
        self.associationName = associationName
        self.month = month
        self.adjustments = adjustments
        self.entries = entries.sorted { ($0.date, $0.tripID) < ($1.date, $1.tripID) }
        let direct = entries.reduce(Money.zero) { $0 + $1.reimbursement.total }
        self.indirect = try engine.indirectLine(direct: direct, month: month)
    }
}

extension MonthlyStatement {
    /// A statement as it was stored: its indirect costs as they were computed then.
    public init(association: String, associationName: String, month: YearMonth, entries: [Entry], indirect: ReimbursementLine,
                adjustments: [AdjustmentLine]) {
        self.association = association
        self.associationName = associationName
        self.month = month
        self.entries = entries
        self.indirect = indirect
        self.adjustments = adjustments
    }
}

/// A correction paid in an open month for a trip of a closed month: a log submitted after the
/// month was closed, or an amendment of one of its logs.
public struct AdjustmentLine: Hashable, Sendable, Codable {
    /// The trip it refers to.
    public var tripID: Int64
    /// The closed month the trip belongs to.
    public var originalMonth: YearMonth
    /// What is added (or, if negative, taken back).
    public var amount: Money
    /// Why: "late log" or the amendment's reason.
    public var reason: String

    /// Creates an adjustment line.
    public init(tripID: Int64, originalMonth: YearMonth, amount: Money, reason: String) {
        self.tripID = tripID
        self.originalMonth = originalMonth
        self.amount = amount
        self.reason = reason
    }
}
