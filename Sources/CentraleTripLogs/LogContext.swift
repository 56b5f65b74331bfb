import CentraleDomain
import CentraleFormats

/// What the validator needs to know about the trips a file refers to.
public struct LogContext: Sendable {
    /// The association submitting, with its fleet and base.
    public var association: Association
    /// The trips the file names that exist, with the association each is assigned to.
    public var trips: [Int64: (trip: TripRequest, assignedTo: String?)]
    /// Logs already recorded for those trips.
    public var recorded: [Int64: TripLog]
    /// The convention's km tolerance.
    public var tolerance: KmTolerance
    /// How road distances are estimated.
    public var estimator: RoadDistanceEstimator
    /// Today in Europe/Rome: a trip after today cannot have taken place yet (nil: no check).
    public var today: LocalDate?
    /// For trips in an accepted shared-ride plan, their share of the planned route's km: what
    /// a carried-out trip is expected to be logged with, instead of the solo estimate.
    public var plannedShares: [Int64: Distance]
    /// The odometer ranges already recorded for the association's vehicles on the days the
    /// file covers (a file's ranges must not overlap them).
    public var storedRanges: [VehicleDay: [OdometerRange]]
    /// For trips on a route of an accepted plan, the route and the positions of their pickup
    /// and drop-off on it: such trips may overlap, in the route's order.
    public var routes: [Int64: RoutePosition]
    /// The association's registered volunteers by code, when it registered any (nil: drivers
    /// are not checked). A row whose driver is unregistered, has no valid licence or insurance
    /// that day, or is not qualified for the trip's needs is flagged (`CheckedLog.driverFlag`).
    public var volunteers: [String: Volunteer]? = nil

    /// Creates a context.
    public init(association: Association, trips: [Int64: (trip: TripRequest, assignedTo: String?)], recorded: [Int64: TripLog],
                tolerance: KmTolerance, estimator: RoadDistanceEstimator, today: LocalDate? = nil,
                plannedShares: [Int64: Distance] = [:], storedRanges: [VehicleDay: [OdometerRange]] = [:],
                routes: [Int64: RoutePosition] = [:]) {
        self.storedRanges = storedRanges
        self.routes = routes
        self.today = today
        self.plannedShares = plannedShares
        self.association = association
        self.trips = trips
        self.recorded = recorded
        self.tolerance = tolerance
        self.estimator = estimator
    }
}

/// When logged km differ enough from the estimate to need a look: beyond a percentage of the
/// estimate, and beyond an absolute allowance (short trips vary a lot in percent).
public struct KmTolerance: Hashable, Sendable {
    /// Percent of the estimate.
    public var percent: Int
    /// Absolute allowance.
    public var minimum: Distance

    /// Creates a tolerance.
    public init(percent: Int, minimum: Distance) {
        self.percent = percent
        self.minimum = minimum
    }
}

/// A logged distance that differs from the estimate beyond the tolerance: flagged for review,
/// never rejected.
public struct KmFlag: Hashable, Sendable, CustomStringConvertible, Message {
    /// Logged km minus estimated km.
    public var difference: Distance
    /// The estimate.
    public var estimated: Distance

    /// `+62% (31.0 km logged, 19.1 km estimated)`.
    public var description: String { english }

    /// The difference in percent of the estimate, rounded.
    var percent: Int {
        estimated.metres > 0 ? Int((Double(difference.metres) / Double(estimated.metres) * 100).rounded()) : 0
    }

    /// The km logged.
    var logged: Distance { Distance(metres: estimated.metres + difference.metres) }

    /// `+62% (31.0 km logged, 19.1 km estimated)`.
    public var english: String { "\(percent >= 0 ? "+" : "")\(percent)% (\(logged) logged, \(estimated) estimated)" }

    /// `+62 % (31,0 km registrati, 19,1 km stimati)`, `+6.837 % (1.234,5 km registrati, 17,8 km stimati)`:
    /// thousands grouped, as Italians write them.
    public var italian: String {
        "\(percent >= 0 ? "+" : "")\(LogProblem.number(percent)) % (\(LogProblem.km(logged)) registrati, \(LogProblem.km(estimated)) stimati)"
    }
}

/// A valid log ready to store, with its reconciliation.
public struct CheckedLog: Hashable, Sendable {
    /// The log.
    public var log: TripLog
    /// The distance the convention counts for the trip (base → pickup → destination → base,
    /// or base → pickup → base when the beneficiary did not travel).
    public var estimated: Distance
    /// Set when the logged km are beyond the tolerance.
    public var flag: KmFlag?
    /// Where the row came from.
    public var line: Int
    /// Set when the driver is not registered, or not allowed to drive the trip that day.
    public var driverProblem: LogProblem? = nil

    /// `driverProblem` in English: what the log's table keeps.
    public var driverFlag: String? { driverProblem?.english }
}

/// The result of checking a file: everything new, what was already recorded, and every problem.
public struct LogBatch: Sendable {
    /// New logs to store (only when there are no problems).
    public var fresh: [CheckedLog] = []
    /// Trips whose identical log was already recorded.
    public var alreadyRecorded: [Int64] = []
    /// Every problem found, in line order.
    public var problems: [FieldError] = []
}

/// One vehicle on one day.
public struct VehicleDay: Hashable, Sendable {
    /// The plate, normalised.
    public var plate: String
    /// The day.
    public var date: LocalDate

    /// Creates a key.
    public init(plate: String, date: LocalDate) {
        self.plate = plate
        self.date = date
    }
}

/// The odometer readings of a recorded log, and where it came from.
public struct OdometerRange: Hashable, Sendable {
    /// The trip.
    public var tripID: Int64
    /// Odometer at the start.
    public var start: Distance
    /// Odometer at the end.
    public var end: Distance
    /// The file and line it was submitted in (`march.csv:4`), when known.
    public var origin: String?

    /// Creates a range.
    public init(tripID: Int64, start: Distance, end: Distance, origin: String? = nil) {
        self.tripID = tripID
        self.start = start
        self.end = end
        self.origin = origin
    }
}

/// Where a trip is on a route of an accepted plan.
public struct RoutePosition: Hashable, Sendable {
    /// The route (one vehicle of one plan).
    public var route: String
    /// The position of the trip's pickup on the route (1-based).
    public var pickup: Int
    /// The position of its drop-off.
    public var dropoff: Int

    /// Creates a position.
    public init(route: String, pickup: Int, dropoff: Int) {
        self.route = route
        self.pickup = pickup
        self.dropoff = dropoff
    }
}
