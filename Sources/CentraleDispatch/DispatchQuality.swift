import CentraleDomain

/// How well a set of assignments meets the convention's goals over calendar months.
public struct DispatchQuality: Sendable, Hashable, Codable {
    /// One assignment, as the measures need it.
    public struct Sample: Hashable, Sendable {
        public var date: LocalDate
        public var association: String
        public var beneficiary: String
        /// Whether the trip belongs to a recurring series.
        public var recurring: Bool
        public init(date: LocalDate, association: String, beneficiary: String, recurring: Bool) {
            self.date = date
            self.association = association
            self.beneficiary = beneficiary
            self.recurring = recurring
        }
    }

    /// The largest relative deviation of an association's monthly share of trips from its
    /// convention share, over all months and associations (0.08 = 8%).
    public var maxShareDeviation: Double
    /// The association and month where it happens.
    public var worstAssociation: String
    public var worstMonth: String
    /// The share of recurring trips made, within each beneficiary's month, by that
    /// beneficiary's most frequent association (0.97 = 97%).
    public var continuity: Double

    /// Measures `samples` against the convention shares (basis points by association code).
    public init(samples: [Sample], shares: [String: Int]) {
        var perMonth: [YearMonth: [String: Int]] = [:]
        var recurring: [String: [String: Int]] = [:] // "beneficiary|month" → association → trips
        for sample in samples {
            perMonth[sample.date.yearMonth, default: [:]][sample.association, default: 0] += 1
            if sample.recurring {
                recurring["\(sample.beneficiary)|\(sample.date.yearMonth)", default: [:]][sample.association, default: 0] += 1
            }
        }
        var worst = (0.0, "-", "-")
        for month in perMonth.keys.sorted() {
            let counts = perMonth[month]!
            let total = Double(counts.values.reduce(0, +))
            for code in shares.keys.sorted() where shares[code]! > 0 {
                let actual = Double(counts[code] ?? 0) / total
                let deviation = abs(actual / (Double(shares[code]!) / 10_000) - 1)
                if deviation > worst.0 { worst = (deviation, code, month.description) }
            }
        }
        let kept = recurring.values.reduce(0) { $0 + ($1.values.max() ?? 0) }
        let all = recurring.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        maxShareDeviation = worst.0
        worstAssociation = worst.1
        worstMonth = worst.2
        continuity = all == 0 ? 1 : Double(kept) / Double(all)
    }
}
