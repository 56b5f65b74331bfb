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
        public var reimbursement: TripReimbursement

        /// Creates an entry.
        public init(tripID: Int64, date: LocalDate, beneficiary: String, outcome: TripOutcome, vehicle: String, driven: Distance,
                    flag: String?, reimbursement: TripReimbursement) {
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

    /// The sum of every trip's lines.
    public var direct: Money { entries.reduce(.zero) { $0 + $1.reimbursement.total } }
    /// The grand total: direct items and indirect costs.
    public var total: Money { direct + indirect.amount }
    /// Km logged.
    public var driven: Distance { entries.reduce(.zero) { $0 + $1.driven } }
    /// The trips flagged for km review (they are included in the totals, and listed apart).
    public var flagged: [Entry] { entries.filter { $0.flag != nil } }

    /// Totals by cost item, in the items' order, indirect included.
    public var totalsByItem: [(item: CostItem, amount: Money)] {
        var totals: [CostItem: Money] = [:]
        for entry in entries { for line in entry.reimbursement.lines { totals[line.item, default: .zero] += line.amount } }
        totals[.indirect] = indirect.amount
        return CostItem.allCases.compactMap { item in totals[item].map { (item, $0) } }
    }

    /// Builds a statement; the entries' reimbursements are already computed.
    public init(association: String, associationName: String, month: YearMonth, entries: [Entry], engine: TariffEngine) throws {
        self.association = association
        self.associationName = associationName
        self.month = month
        self.entries = entries.sorted { ($0.date, $0.tripID) < ($1.date, $1.tripID) }
        let direct = entries.reduce(Money.zero) { $0 + $1.reimbursement.total }
        self.indirect = try engine.indirectLine(direct: direct, month: month)
    }
}
