import CentraleDomain

/// The headline figures of a period (a month, or the year to date).
public struct Figures: Hashable, Sendable, Codable {
    /// The period's label: `2025-10`, or `2025-01..2025-10`.
    public var period: String
    /// Trips requested (every trip of the period, whatever became of it).
    public var requested = 0
    /// Trips that got an association.
    public var assigned = 0
    public var done = 0
    public var noShow = 0
    public var cancelled = 0
    /// Trips no association could take (unmet demand).
    public var unassignable = 0
    /// Km as logged, and as the convention estimates them for the same trips, in metres.
    public var loggedMetres = 0
    public var estimatedMetres = 0
    /// Euros reimbursed (the sum of the period's statements), in cents.
    public var reimbursedCents = 0
    /// Trips with a log (carried out, no-show or cancelled on the spot).
    public var logged = 0
    /// Beneficiaries with at least one trip, and beneficiaries activated in the period.
    public var activeBeneficiaries = 0
    public var newBeneficiaries = 0
    /// Logged trips flagged for km review.
    public var flagged = 0
    /// Trips carried out on time, in basis points of those with times (outbound: dropped off by
    /// the appointment; return: picked up within 15 minutes of the ready time); nil without data.
    public var onTimeBasisPoints: Int?

    /// Cost per logged trip, in cents (nil without trips).
    public var costPerTripCents: Int? { logged > 0 ? Int((Double(reimbursedCents) / Double(logged)).rounded()) : nil }
    /// Cost per logged km, in cents (nil without km).
    public var costPerKmCents: Int? { loggedMetres > 0 ? Int((Double(reimbursedCents) * 1000 / Double(loggedMetres)).rounded()) : nil }

    /// Empty figures for a period.
    public init(period: String) { self.period = period }

    /// The figures of `facts` (already restricted to the period).
    init(period: String, facts: [TripFact], months: [YearMonth], input: ReportInput) {
        self.period = period
        var beneficiaries: Set<String> = []
        var timed = 0, onTime = 0
        for fact in facts {
            requested += 1
            if fact.association != nil && fact.status != .unassignable && fact.status != .pending { assigned += 1 }
            switch fact.status {
            case .done: done += 1
            case .noShow: noShow += 1
            case .cancelled: cancelled += 1
            case .unassignable: unassignable += 1
            case .pending, .assigned: break
            }
            if let driven = fact.driven {
                logged += 1
                loggedMetres += driven
                estimatedMetres += fact.estimated ?? 0
            }
            if fact.flag != nil { flagged += 1 }
            if fact.status != .cancelled && fact.status != .unassignable { beneficiaries.insert(fact.beneficiary) }
            if fact.status == .done {
                if fact.leg == .outbound, let dropped = fact.droppedOff {
                    timed += 1; if dropped <= fact.appointment { onTime += 1 }
                } else if fact.leg == .return, let picked = fact.pickedUp {
                    timed += 1; if picked <= fact.appointment + 15 { onTime += 1 }
                }
            }
        }
        activeBeneficiaries = beneficiaries.count
        let monthSet = Set(months)
        newBeneficiaries = input.beneficiaries.filter { monthSet.contains($0.activatedOn.yearMonth) }.count
        reimbursedCents = months.reduce(0) { $0 + (input.reimbursed[$1]?.cents ?? 0) }
        onTimeBasisPoints = timed > 0 ? onTime * 10_000 / timed : nil
    }
}
