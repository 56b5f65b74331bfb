import CentraleDomain

/// What the engine needs to know of a trip to assign it.
public struct DispatchTrip: Hashable, Sendable {
    /// The trip id.
    public var id: Int64
    /// The beneficiary's code (for continuity of care).
    public var beneficiary: String
    /// The appointment (or ready) time, for ordering.
    public var appointment: LocalTime
    /// The comune the trip is served in (`TripRequest.serviceComune(zone:)`).
    public var serviceComune: String
    /// Where the vehicle must go first.
    public var pickup: Coordinate
    /// What the beneficiary needs on board.
    public var needs: Needs
    /// The trip's day, when known (an association that has left the convention by then cannot take it).
    public var date: LocalDate?
    /// The associations that declined the trip: the engine does not offer it to them again.
    public var declinedBy: Set<String> = []
    /// The time the trip keeps a crew busy (`VolunteerRules.window`), when known: checked against
    /// the crews of the associations that register volunteers (the `crew` rule).
    public var busyFrom: LocalTime?, busyUntil: LocalTime?

    /// Creates a dispatch trip.
    public init(id: Int64, beneficiary: String, appointment: LocalTime, serviceComune: String, pickup: Coordinate, needs: Needs,
                date: LocalDate? = nil) {
        self.id = id
        self.beneficiary = beneficiary
        self.appointment = appointment
        self.serviceComune = serviceComune
        self.pickup = pickup
        self.needs = needs
        self.date = date
    }

    /// The dispatch view of a trip; `zone` holds the ISTAT codes of the zone's comuni.
    public init(_ trip: TripRequest, zone: Set<String>, declinedBy: Set<String> = [], busy: (start: LocalTime, end: LocalTime)? = nil) {
        self.init(id: trip.id, beneficiary: trip.beneficiary, appointment: trip.appointment, serviceComune: trip.serviceComune(zone: zone),
                  pickup: trip.pickup.location, needs: trip.needs, date: trip.date)
        self.declinedBy = declinedBy
        busyFrom = busy?.start
        busyUntil = busy?.end
    }
}
