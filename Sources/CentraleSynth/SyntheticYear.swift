import CentraleDomain

/// A synthetic year of the service: the beneficiaries and every trip they asked for.
public struct SyntheticYear: Sendable {
    /// The calendar year.
    public var year: Int
    /// The beneficiaries with their (invented) personal data.
    public var beneficiaries: [(Beneficiary, BeneficiaryPersonalData)]
    /// The requests, each as its legs (outbound, then return if any), in date order.
    public var requests: [[TripRequest]]

    /// The number of trips (legs).
    public var tripCount: Int { requests.reduce(0) { $0 + $1.count } }
}

/// How many beneficiaries follow each programme in the synthetic year.
///
/// The defaults are calibrated on the service's own figures (about 300 people activated,
/// 42,500 trips and 1,000,000 km a year): `centrale demo` prints its totals against them.
public struct ProgrammeMix: Sendable, Hashable {
    /// People on dialysis: three sessions a week, both ways, all year round.
    public var dialysis: Int
    /// People attending a day centre on weekdays.
    public var dayCentre: Int
    /// People following rehabilitation cycles.
    public var rehabilitation: Int
    /// People following radiotherapy or chemotherapy cycles at a hospital.
    public var therapy: Int
    /// People with occasional visits.
    public var visits: Int

    /// Creates a mix.
    public init(dialysis: Int, dayCentre: Int, rehabilitation: Int, therapy: Int, visits: Int) {
        self.dialysis = dialysis
        self.dayCentre = dayCentre
        self.rehabilitation = rehabilitation
        self.therapy = therapy
        self.visits = visits
    }

    /// The calibrated mix for a zone of about 217,000 inhabitants: about 420 people in the
    /// year, of whom about 300 are activated during it (most occasional users are new each year,
    /// most people on dialysis carry over).
    public static let calibrated = ProgrammeMix(dialysis: 84, dayCentre: 30, rehabilitation: 50, therapy: 56, visits: 200)

    /// Everyone.
    public var total: Int { dialysis + dayCentre + rehabilitation + therapy + visits }

    /// The same mix with `percent`% of the people in each programme (rounded, at least one):
    /// a smaller year with the same patterns, for tests.
    public func scaled(percent: Int) -> ProgrammeMix {
        func scale(_ count: Int) -> Int { max(1, (count * percent + 50) / 100) }
        return ProgrammeMix(dialysis: scale(dialysis), dayCentre: scale(dayCentre), rehabilitation: scale(rehabilitation),
                            therapy: scale(therapy), visits: scale(visits))
    }
}
