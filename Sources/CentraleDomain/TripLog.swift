/// How a trip ended, as the association reports it.
public enum TripOutcome: String, CaseIterable, Sendable, Codable {
    /// Carried out.
    case done
    /// The beneficiary was not there.
    case noShow = "no_show"
    /// Cancelled at the door (on the spot), after the vehicle had left.
    case cancelledOnSpot = "cancelled_on_spot"
    /// Cancelled by the person less than 24 hours before the trip: the crew was already
    /// committed (the vehicle may or may not have left; km are paid as driven).
    case cancelledLate = "cancelled_late"

    /// Whether it needs a reason (every outcome but done does: the log's notes).
    public var needsReason: Bool { self != .done }
}

/// What an association reports of a trip it carried out: the basis of reimbursement.
public struct TripLog: Hashable, Sendable, Codable {
    /// The trip.
    public var tripID: Int64
    /// The association that carried it out.
    public var association: String
    /// The vehicle used.
    public var vehiclePlate: String
    /// The driver's code (a volunteer id, not a name).
    public var driverCode: String
    /// Odometer at the start, in metres, when reported.
    public var odometerStart: Distance?
    /// Odometer at the end, in metres, when reported.
    public var odometerEnd: Distance?
    /// Distance actually driven for the trip, as the convention counts it.
    public var driven: Distance
    /// When the beneficiary was picked up.
    public var pickedUpAt: LocalTime?
    /// When the beneficiary was dropped off.
    public var droppedOffAt: LocalTime?
    /// Minutes the escort waited.
    public var waitingMinutes: Int
    /// How it ended.
    public var outcome: TripOutcome
    /// Free notes.
    public var notes: String

    /// Creates a trip log.
    public init(tripID: Int64, association: String, vehiclePlate: String, driverCode: String,
                odometerStart: Distance? = nil, odometerEnd: Distance? = nil, driven: Distance,
                pickedUpAt: LocalTime? = nil, droppedOffAt: LocalTime? = nil,
                waitingMinutes: Int = 0, outcome: TripOutcome, notes: String = "") {
        self.tripID = tripID
        self.association = association
        self.vehiclePlate = vehiclePlate
        self.driverCode = driverCode
        self.odometerStart = odometerStart
        self.odometerEnd = odometerEnd
        self.driven = driven
        self.pickedUpAt = pickedUpAt
        self.droppedOffAt = droppedOffAt
        self.waitingMinutes = waitingMinutes
        self.outcome = outcome
        self.notes = notes
    }
}
