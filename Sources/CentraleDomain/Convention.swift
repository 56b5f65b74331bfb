/// The single convention (*convenzione unica*): the service's rules and its reimbursable
/// cost items, as read from `data/convention.toml`.
///
/// It is data, not code: changing a rate or a rule means editing the file and running
/// `centrale init` again, which stores the new version.
public struct Convention: Hashable, Sendable {
    /// The convention's title.
    public var name: String
    /// The zone it covers.
    public var zone: String
    /// The service's time zone (Europe/Rome): the edges use it to decide what "today" is.
    public var timeZone: String
    /// Road length / straight-line length, for estimated distances.
    public var roadCircuity: Double
    /// Service rules (ride time, pickup window, neighbour rule, km tolerance).
    public var rules: ServiceRules
    /// Weights of the dispatch engine's soft goals.
    public var dispatchWeights: DispatchWeights
    /// How shared-ride plans are built.
    public var planning: PlanningRules
    /// Tariff versions, ordered by `validFrom`, not overlapping.
    public var tariffs: [TariffVersion]

    /// Creates a convention; `tariffs` are sorted by start date.
    public init(name: String, zone: String, timeZone: String, roadCircuity: Double, rules: ServiceRules,
                dispatchWeights: DispatchWeights, planning: PlanningRules = PlanningRules(), tariffs: [TariffVersion]) {
        self.name = name
        self.zone = zone
        self.timeZone = timeZone
        self.roadCircuity = roadCircuity
        self.rules = rules
        self.dispatchWeights = dispatchWeights
        self.planning = planning
        self.tariffs = tariffs.sorted { $0.validFrom < $1.validFrom }
    }

    /// The estimator of road distances this convention prescribes.
    public var distanceEstimator: RoadDistanceEstimator { RoadDistanceEstimator(circuity: roadCircuity) }

    /// The tariff version in force on `date`, or nil if none covers it.
    public func tariff(on date: LocalDate) -> TariffVersion? {
        tariffs.last { $0.validFrom <= date && ($0.validUntil.map { date <= $0 } ?? true) }
    }
}

/// The convention's service rules.
public struct ServiceRules: Hashable, Sendable {
    /// The longest a beneficiary may stay on board, in minutes.
    public var maxRideMinutes: Int
    /// How early before the appointment a pickup may be planned, in minutes.
    public var pickupWindowMinutes: Int
    /// Whether an association may take trips starting in a comune bordering one it serves.
    public var neighbourComuniAllowed: Bool
    /// Logged km that differ from the estimate by more than this percentage (and by more
    /// than `kmToleranceMinimum`) are flagged for review.
    public var kmTolerancePercent: Int
    /// The smallest difference ever flagged (short trips vary a lot in percent).
    public var kmToleranceMinimum: Distance
    /// How far ahead a recurring request may run, in days from its first day.
    public var maxRecurrenceDays: Int
    /// How long a closed beneficiary's personal record is kept before it may be erased, in
    /// days from the closing day.
    public var retentionDays: Int = 3650

    /// Creates the rules.
    public init(maxRideMinutes: Int, pickupWindowMinutes: Int, neighbourComuniAllowed: Bool, kmTolerancePercent: Int,
                kmToleranceMinimum: Distance = .kilometres(2), maxRecurrenceDays: Int = 366, retentionDays: Int = 3650) {
        self.retentionDays = retentionDays
        self.maxRideMinutes = maxRideMinutes
        self.pickupWindowMinutes = pickupWindowMinutes
        self.neighbourComuniAllowed = neighbourComuniAllowed
        self.kmTolerancePercent = kmTolerancePercent
        self.kmToleranceMinimum = kmToleranceMinimum
        self.maxRecurrenceDays = maxRecurrenceDays
    }
}

/// Weights of the dispatch engine's soft goals (dimensionless; higher matters more).
public struct DispatchWeights: Hashable, Sendable {
    /// Weight of the empty drive from the association's base to the pickup.
    public var emptyKm: Double
    /// Weight of keeping each association near its convention share.
    public var share: Double
    /// Weight of keeping the same association for a beneficiary's recurring trips.
    public var continuity: Double
    /// The fraction of the continuity weight that applies at the start of a month (0...1):
    /// low values let the engine move a recurring beneficiary at a month's start when the
    /// convention shares call for it; 1 never favours moving.
    public var continuityAcrossMonths: Double

    /// Creates the weights.
    public init(emptyKm: Double, share: Double, continuity: Double, continuityAcrossMonths: Double = 1) {
        self.emptyKm = emptyKm
        self.share = share
        self.continuity = continuity
        self.continuityAcrossMonths = continuityAcrossMonths
    }
}

/// One version of the convention's reimbursable cost items, valid from a date.
public struct TariffVersion: Hashable, Sendable {
    /// The version's name, e.g. `2024-01`, printed on every statement line.
    public var id: String
    /// The first day it applies to.
    public var validFrom: LocalDate
    /// The last day it applies to (nil: until the next version).
    public var validUntil: LocalDate?
    /// Rate per km actually driven.
    public var kmRate: PerKmRate
    /// The reference cost per km (ACI tables) by vehicle class: the km rate is capped at it.
    public var kmCap: [VehicleClass: PerKmRate]
    /// Pro-rata insurance of vehicle and volunteers, per trip.
    public var insurancePerTrip: Money
    /// Extra item for a trip in a wheelchair vehicle.
    public var wheelchairItem: Money
    /// Extra item for a trip on a stretcher.
    public var stretcherItem: Money
    /// Extra item for a trip with an escort.
    public var escortItem: Money
    /// Escort waiting minutes that are not paid.
    public var escortWaitingFreeMinutes: Int
    /// Waiting beyond the free minutes, per started hour.
    public var escortWaitingPerHour: Money
    /// What a no-show costs (km are paid as driven).
    public var noShowItem: Money
    /// What a cancellation on the spot costs (km are paid as driven).
    public var cancelledOnSpotItem: Money
    /// What a late cancellation (less than 24 hours before) costs (km are paid as driven).
    public var cancelledLateItem: Money
    /// Indirect costs as a share of the direct items, in basis points (800 = 8%).
    public var indirectBasisPoints: Int
    /// The most indirect costs paid to one association in one month.
    public var indirectCapPerMonth: Money

    /// Creates a tariff version.
    public init(id: String, validFrom: LocalDate, validUntil: LocalDate? = nil, kmRate: PerKmRate,
                kmCap: [VehicleClass: PerKmRate], insurancePerTrip: Money, wheelchairItem: Money,
                stretcherItem: Money, escortItem: Money, escortWaitingFreeMinutes: Int,
                escortWaitingPerHour: Money, noShowItem: Money, cancelledOnSpotItem: Money,
                indirectBasisPoints: Int, indirectCapPerMonth: Money, cancelledLateItem: Money = .zero) {
        self.id = id
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.kmRate = kmRate
        self.kmCap = kmCap
        self.insurancePerTrip = insurancePerTrip
        self.wheelchairItem = wheelchairItem
        self.stretcherItem = stretcherItem
        self.escortItem = escortItem
        self.escortWaitingFreeMinutes = escortWaitingFreeMinutes
        self.escortWaitingPerHour = escortWaitingPerHour
        self.noShowItem = noShowItem
        self.cancelledOnSpotItem = cancelledOnSpotItem
        self.cancelledLateItem = cancelledLateItem
        self.indirectBasisPoints = indirectBasisPoints
        self.indirectCapPerMonth = indirectCapPerMonth
    }
}

/// How shared-ride plans are built: the vehicles' day and the times the estimates use.
/// The passengers' limits (maximum ride, pickup window) are in `ServiceRules`.
public struct PlanningRules: Hashable, Sendable {
    /// Average road speed used to turn estimated distances into travel times.
    public var averageSpeedKmh: Int
    /// Minutes to board or alight a seated passenger.
    public var boardingMinutes: Int
    /// Minutes to board or alight a wheelchair user (ramp or lift).
    public var wheelchairBoardingMinutes: Int
    /// When vehicles may leave their base.
    public var shiftStart: LocalTime
    /// When vehicles must be back at their base.
    public var shiftEnd: LocalTime
    /// Minutes of a crew's shift a trip takes on average, there and back to the base: an
    /// association that registers volunteers can take at most its crews' minutes divided by
    /// this a day (its declared capacity stays the cap).
    public var minutesPerTrip: Int

    /// Creates planning rules.
    public init(averageSpeedKmh: Int = 40, boardingMinutes: Int = 3, wheelchairBoardingMinutes: Int = 8,
                shiftStart: LocalTime = LocalTime(hour: 6, minute: 0)!, shiftEnd: LocalTime = LocalTime(hour: 20, minute: 0)!,
                minutesPerTrip: Int = 45) {
        self.averageSpeedKmh = averageSpeedKmh
        self.boardingMinutes = boardingMinutes
        self.wheelchairBoardingMinutes = wheelchairBoardingMinutes
        self.shiftStart = shiftStart
        self.shiftEnd = shiftEnd
        self.minutesPerTrip = minutesPerTrip
    }
}
