import CentraleDomain

/// One trip as the monitoring report counts it: no personal data, only codes and figures.
public struct TripFact: Hashable, Sendable {
    public var id: Int64
    public var date: LocalDate
    public var status: TripStatus
    /// Why a trip is unassignable or cancelled.
    public var reason: String?
    public var purpose: TripPurpose
    public var leg: TripLeg
    /// The destination's place code, or its comune when it is an address.
    public var destination: String
    /// The comune of the beneficiary's end of the trip (equity is measured on it).
    public var serviceComune: String
    public var beneficiary: String
    public var association: String?
    /// Logged distance and the convention's estimate for it, in metres, when logged.
    public var driven: Int?
    public var estimated: Int?
    /// The km-review flag, when flagged.
    public var flag: String?
    /// Planned time (appointment, or ready time for a return) and logged times, minutes of the day.
    public var appointment: Int
    public var pickedUp: Int?
    public var droppedOff: Int?

    /// Creates a fact.
    public init(id: Int64, date: LocalDate, status: TripStatus, reason: String? = nil, purpose: TripPurpose, leg: TripLeg,
                destination: String, serviceComune: String, beneficiary: String, association: String? = nil,
                driven: Int? = nil, estimated: Int? = nil, flag: String? = nil, appointment: Int, pickedUp: Int? = nil, droppedOff: Int? = nil) {
        self.id = id
        self.date = date
        self.status = status
        self.reason = reason
        self.purpose = purpose
        self.leg = leg
        self.destination = destination
        self.serviceComune = serviceComune
        self.beneficiary = beneficiary
        self.association = association
        self.driven = driven
        self.estimated = estimated
        self.flag = flag
        self.appointment = appointment
        self.pickedUp = pickedUp
        self.droppedOff = droppedOff
    }
}

/// Everything the report is computed from.
public struct ReportInput: Sendable {
    /// The month reported.
    public var month: YearMonth
    /// Trips one by one (the store gives this year's, to the end of the month; months not given
    /// here may come as `monthTotals`).
    public var facts: [TripFact]
    /// Beneficiaries (codes and dates only).
    public var beneficiaries: [Beneficiary]
    /// The zone's comuni.
    public var comuni: [Comune]
    /// The associations (code, name, convention share).
    public var associations: [Association]
    /// Euros reimbursed per month (the sum of the month's statements), for the months known.
    public var reimbursed: [YearMonth: Money]
    /// Place names by code, for the destinations table.
    public var placeNames: [String: String]
    /// Months given as totals rather than trips (the months before the reported one: frozen with
    /// a closed month's report, or aggregated by the store).
    public var monthTotals: [YearMonth: MonthTotals]
    /// Beneficiaries served from January of the previous year to its same month (distinct).
    public var lastYearToDateBeneficiaries: Int?
    /// Beneficiaries served from January to the month (distinct), when months of this year
    /// come as totals.
    public var yearToDateBeneficiaries: Int?
    /// The month's accepted shared-ride plans.
    public var sharedRides: SharedRides
    /// Each beneficiary's last trip carried out or still planned (not cancelled or
    /// unassignable) in the `withoutTripDays` days up to the month's end, for "active without a
    /// trip for 60 days" (a person missing here had none in those days).
    public var lastTrips: [String: LocalDate] = [:]
    /// How many days without a trip make an active person count as "without a trip".
    public static let withoutTripDays = 60

    /// Creates an input.
    public init(month: YearMonth, facts: [TripFact], beneficiaries: [Beneficiary], comuni: [Comune], associations: [Association],
                reimbursed: [YearMonth: Money], placeNames: [String: String], monthTotals: [YearMonth: MonthTotals] = [:],
                lastYearToDateBeneficiaries: Int? = nil, yearToDateBeneficiaries: Int? = nil, sharedRides: SharedRides = SharedRides()) {
        self.yearToDateBeneficiaries = yearToDateBeneficiaries
        self.sharedRides = sharedRides
        self.monthTotals = monthTotals
        self.lastYearToDateBeneficiaries = lastYearToDateBeneficiaries
        self.month = month
        self.facts = facts
        self.beneficiaries = beneficiaries
        self.comuni = comuni
        self.associations = associations
        self.reimbursed = reimbursed
        self.placeNames = placeNames
    }
}

/// A month's trip counts and km, already totalled (for months reported only in totals).
public struct MonthTotals: Hashable, Sendable, Codable {
    public var requested = 0, assigned = 0, done = 0, noShow = 0, cancelled = 0, unassignable = 0
    public var logged = 0, loggedMetres = 0, estimatedMetres = 0, flagged = 0
    /// Distinct beneficiaries served in the month.
    public var beneficiaries = 0
    /// Carried-out trips with times, and those on time (same rule as for trips).
    public var timed = 0, onTime = 0

    /// Empty totals.
    public init() {}
}
