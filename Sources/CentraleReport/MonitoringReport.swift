import CentraleDomain

/// The monitoring table's monthly report: the service's indicators for a month and the year
/// to date, with a year-on-year comparison, a projection of the year and the breakdowns the
/// table discusses. Beneficiaries appear only as counts.
public struct MonitoringReport: Hashable, Sendable, Codable {
    /// A count with its label (a reason, a purpose, a destination).
    public struct Count: Hashable, Sendable, Codable {
        public var key: String
        public var label: String
        public var trips: Int
    }

    /// Trips per comune of residence, and per 1,000 inhabitants (equity).
    public struct ComuneRow: Hashable, Sendable, Codable {
        public var istatCode: String
        public var name: String
        public var population: Int
        public var trips: Int
        /// Trips per 1,000 inhabitants, with two decimals, as hundredths.
        public var per1000Hundredths: Int
    }

    /// An association's work against its convention share.
    public struct AssociationRow: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        public var trips: Int
        /// Its share of the month's assigned trips and its convention share, in basis points.
        public var shareBasisPoints: Int
        public var conventionBasisPoints: Int
        public var reimbursedCents: Int?
    }

    /// A logged trip whose km were flagged for review.
    public struct Anomaly: Hashable, Sendable, Codable {
        public var trip: Int64
        public var date: String
        public var association: String
        public var loggedMetres: Int
        public var estimatedMetres: Int
        public var flag: String
    }

    /// The year's totals projected from the year to date.
    public struct Projection: Hashable, Sendable, Codable {
        public var trips: Int
        public var loggedMetres: Int
        public var reimbursedCents: Int
        /// How: `seasonal` (scaled on last year's remaining months) or `linear`.
        public var method: String
    }

    public var month: String
    public var current: Figures
    public var yearToDate: Figures
    public var sameMonthLastYear: Figures?
    public var yearToDateLastYear: Figures?
    public var projection: Projection
    /// The twelve months ending with the month, oldest first.
    public var trend: [Figures]
    public var unassignableReasons: [Count]
    public var comuni: [ComuneRow]
    public var associations: [AssociationRow]
    public var purposes: [Count]
    public var destinations: [Count]
    public var anomalies: [Anomaly]
    /// The month's accepted shared-ride plans.
    public var sharedRides: SharedRides
    /// Beneficiaries' comings and goings, as counts.
    public var people: PeopleFigures = PeopleFigures()
}

/// Beneficiaries' lifecycle in a month and the year to date: counts only, never names.
public struct PeopleFigures: Hashable, Sendable, Codable {
    /// People whose service started (activation day) in the month, and in the year to date.
    public var activationsMonth = 0, activationsYearToDate = 0
    /// Suspensions that started in the month, and in the year to date.
    public var suspensionsMonth = 0, suspensionsYearToDate = 0
    /// People whose service closed (last day) in the month, and in the year to date.
    public var closingsMonth = 0, closingsYearToDate = 0
    /// People active at the month's end whose authorisation expires in the next month.
    public var expiringNextMonth = 0
    /// People active at the month's end without a trip for 60 days or more.
    public var withoutTrip60Days = 0

    public init() {}
}

/// What the accepted shared-ride plans of a period add up to (estimated km).
public struct SharedRides: Hashable, Sendable, Codable {
    /// Association-days with an accepted plan.
    public var plans = 0
    /// Trips on the plans' vehicle routes (not those left to drive alone).
    public var plannedTrips = 0
    /// Estimated metres of the plans, and of driving each of their trips alone.
    public var plannedMetres = 0, baselineMetres = 0
    /// The km reimbursement the plans save, in cents.
    public var savingCents = 0

    /// Creates totals.
    public init(plans: Int = 0, plannedTrips: Int = 0, plannedMetres: Int = 0, baselineMetres: Int = 0, savingCents: Int = 0) {
        self.plans = plans
        self.plannedTrips = plannedTrips
        self.plannedMetres = plannedMetres
        self.baselineMetres = baselineMetres
        self.savingCents = savingCents
    }
}
