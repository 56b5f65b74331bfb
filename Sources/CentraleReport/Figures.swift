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

}

/// Figures being accumulated over one month's trips, then combined into periods.
struct Tally {
    var figures = Figures(period: "")
    var beneficiaries: Set<String> = []
    /// For a month given as totals: its distinct beneficiaries (no set of codes).
    var beneficiaryCount: Int?
    var timed = 0, onTime = 0

    init() {}

    /// A tally from a month's totals.
    init(_ totals: MonthTotals) {
        figures.requested = totals.requested; figures.assigned = totals.assigned; figures.done = totals.done
        figures.noShow = totals.noShow; figures.cancelled = totals.cancelled; figures.unassignable = totals.unassignable
        figures.logged = totals.logged; figures.loggedMetres = totals.loggedMetres; figures.estimatedMetres = totals.estimatedMetres
        figures.flagged = totals.flagged
        beneficiaryCount = totals.beneficiaries
        timed = totals.timed; onTime = totals.onTime
    }

    mutating func add(_ fact: TripFact) {
        figures.requested += 1
        if fact.association != nil && fact.status != .unassignable && fact.status != .pending { figures.assigned += 1 }
        switch fact.status {
        case .done: figures.done += 1
        case .noShow: figures.noShow += 1
        case .cancelled: figures.cancelled += 1
        case .unassignable: figures.unassignable += 1
        case .pending, .assigned: break
        }
        if let driven = fact.driven {
            figures.logged += 1
            figures.loggedMetres += driven
            figures.estimatedMetres += fact.estimated ?? 0
        }
        if fact.flag != nil { figures.flagged += 1 }
        if fact.status != .cancelled && fact.status != .unassignable { beneficiaries.insert(fact.beneficiary) }
        if fact.status == .done {
            if fact.leg == .outbound, let dropped = fact.droppedOff {
                timed += 1; if dropped <= fact.appointment { onTime += 1 }
            } else if fact.leg == .return, let picked = fact.pickedUp {
                timed += 1; if picked <= fact.appointment + 15 { onTime += 1 }
            }
        }
    }

    /// The figures of a period made of these months' tallies.
    /// `distinct` gives the period's distinct beneficiaries when some months are totals only.
    static func figures(_ tallies: [Tally], period: String, months: [YearMonth], input: ReportInput, distinct: Int? = nil) -> Figures {
        var f = Figures(period: period)
        var beneficiaries: Set<String> = []
        var timed = 0, onTime = 0
        for t in tallies {
            f.requested += t.figures.requested; f.assigned += t.figures.assigned; f.done += t.figures.done
            f.noShow += t.figures.noShow; f.cancelled += t.figures.cancelled; f.unassignable += t.figures.unassignable
            f.logged += t.figures.logged; f.loggedMetres += t.figures.loggedMetres; f.estimatedMetres += t.figures.estimatedMetres
            f.flagged += t.figures.flagged
            beneficiaries.formUnion(t.beneficiaries)
            timed += t.timed; onTime += t.onTime
        }
        let totalsOnly = tallies.compactMap(\.beneficiaryCount)
        f.activeBeneficiaries = totalsOnly.isEmpty ? beneficiaries.count
            : (tallies.count == 1 ? totalsOnly[0] : distinct ?? beneficiaries.count + totalsOnly.reduce(0, +))
        let monthSet = Set(months)
        f.newBeneficiaries = input.beneficiaries.filter { monthSet.contains($0.activatedOn.yearMonth) }.count
        f.reimbursedCents = months.reduce(0) { $0 + (input.reimbursed[$1]?.cents ?? 0) }
        f.onTimeBasisPoints = timed > 0 ? onTime * 10_000 / timed : nil
        return f
    }
}
