/// The life of a trip: `pending → assigned → done / noShow / cancelled / unassignable`.
public enum TripStatus: String, CaseIterable, Sendable, Codable {
    /// Accepted, waiting for an association.
    case pending
    /// An association has it.
    case assigned
    /// Carried out and logged.
    case done
    /// The beneficiary was not there when the volunteers arrived.
    case noShow = "no_show"
    /// Cancelled, before the trip or on the spot.
    case cancelled
    /// No association can take it under the convention's rules (the reason is kept).
    case unassignable

    /// Whether a trip in this status can move to `next`.
    public func canMove(to next: TripStatus) -> Bool {
        switch (self, next) {
        case (.pending, .assigned), (.pending, .unassignable), (.pending, .cancelled): return true
        case (.unassignable, .assigned), (.unassignable, .pending), (.unassignable, .cancelled): return true
        case (.assigned, .done), (.assigned, .noShow), (.assigned, .cancelled), (.assigned, .pending): return true
        case (.assigned, .assigned): return true // reassignment
        default: return false
        }
    }

    /// The statuses in which a trip is held by its association: assigned, carried out or a
    /// no-show. They count towards the association's share of the month, its day's capacity
    /// and its plans. The one list: the store builds its SQL from it.
    public static let heldByAssociation: [TripStatus] = [.assigned, .done, .noShow]

    /// The statuses of a trip still to come, which a cancellation or a suspension can stop.
    public static let stillToCome: [TripStatus] = [.pending, .assigned, .unassignable]

    /// The statuses the dispatch engine decides (the engine's own earlier assignments too, on
    /// request).
    public static let undecided: [TripStatus] = [.pending, .unassignable]

    /// Whether a trip in this status is held by its association.
    public var isHeldByAssociation: Bool { Self.heldByAssociation.contains(self) }
}

/// Why a trip is made.
public enum TripPurpose: String, CaseIterable, Sendable, Codable {
    /// Dialysis sessions.
    case dialysis
    /// Rehabilitation and physiotherapy cycles.
    case rehabilitation
    /// Radiotherapy, chemotherapy and other hospital therapy cycles.
    case therapy
    /// Attendance at a day centre.
    case dayCentre = "day_centre"
    /// Specialist visits, tests, outpatient care.
    case visit
    /// Hospital admission or discharge.
    case hospital
    /// Social needs: offices, shopping, social activities.
    case social
}

/// Which leg of a request a trip is.
public enum TripLeg: String, CaseIterable, Sendable, Codable {
    /// From the beneficiary to the destination.
    case outbound
    /// Back home.
    case `return`
}

/// One end of a trip: where to pick up or drop off.
public struct Stop: Hashable, Sendable, Codable {
    /// The place code when the stop is a registered place.
    public var placeCode: String?
    /// What the driver reads: the place name or the street address.
    public var label: String
    /// ISTAT code of the comune.
    public var comune: String
    /// Where it is.
    public var location: Coordinate
    /// Whether `location` is only the comune's centre (an address given without coordinates):
    /// shown as *posizione approssimativa* and left out of km checks.
    public var approximate: Bool

    /// Creates a stop.
    public init(placeCode: String? = nil, label: String, comune: String, location: Coordinate, approximate: Bool = false) {
        self.placeCode = placeCode
        self.label = label
        self.comune = comune
        self.location = location
        self.approximate = approximate
    }

    enum CodingKeys: String, CodingKey { case placeCode, label, comune, location, approximate }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(placeCode: try c.decodeIfPresent(String.self, forKey: .placeCode), label: try c.decode(String.self, forKey: .label),
                  comune: try c.decode(String.self, forKey: .comune), location: try c.decode(Coordinate.self, forKey: .location),
                  approximate: try c.decodeIfPresent(Bool.self, forKey: .approximate) ?? false)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(placeCode, forKey: .placeCode)
        try c.encode(label, forKey: .label)
        try c.encode(comune, forKey: .comune)
        try c.encode(location, forKey: .location)
        if approximate { try c.encode(true, forKey: .approximate) }
    }
}

/// One trip (one leg) to carry out: a beneficiary from a pickup to a destination on a date.
///
/// A request with a return produces two trips, the return one linked to the outbound one by
/// `pairedTripID`; a recurring request produces trips sharing a `seriesID`.
public struct TripRequest: Hashable, Sendable, Codable, Identifiable {
    /// The trip id, assigned by the store (0 before insertion).
    public var id: Int64
    /// The beneficiary's pseudonymous code.
    public var beneficiary: String
    /// The day of the trip.
    public var date: LocalDate
    /// Where to pick up.
    public var pickup: Stop
    /// Where to drop off.
    public var destination: Stop
    /// For an outbound leg, the appointment time at the destination; for a return leg, the
    /// time the beneficiary is ready to be picked up.
    public var appointment: LocalTime
    /// Which leg this is.
    public var leg: TripLeg
    /// The other leg of the same request, if any.
    public var pairedTripID: Int64?
    /// The recurring series the trip belongs to, if any.
    public var seriesID: String?
    /// What the beneficiary needs on this trip.
    public var needs: Needs
    /// Why the trip is made.
    public var purpose: TripPurpose
    /// Where it is in its life.
    public var status: TripStatus
    /// Why the trip is unassignable or cancelled, when it is.
    public var statusReason: String?

    /// Whether either end's position is only approximate (a comune's centre).
    public var isApproximate: Bool { pickup.approximate || destination.approximate }

    /// Creates a trip.
    public init(id: Int64 = 0, beneficiary: String, date: LocalDate, pickup: Stop, destination: Stop,
                appointment: LocalTime, leg: TripLeg = .outbound, pairedTripID: Int64? = nil,
                seriesID: String? = nil, needs: Needs, purpose: TripPurpose,
                status: TripStatus = .pending, statusReason: String? = nil) {
        self.id = id
        self.beneficiary = beneficiary
        self.date = date
        self.pickup = pickup
        self.destination = destination
        self.appointment = appointment
        self.leg = leg
        self.pairedTripID = pairedTripID
        self.seriesID = seriesID
        self.needs = needs
        self.purpose = purpose
        self.status = status
        self.statusReason = statusReason
    }
}

extension TripRequest {
    /// The comune a trip is served in, given the ISTAT codes of the zone's comuni: the pickup's,
    /// or for a trip that starts outside the zone (a return from a Florence hospital) the
    /// destination's, the beneficiary's home. Coverage rules and equity figures use it.
    public static func serviceComune(pickup: String, destination: String, zone: Set<String>) -> String {
        zone.contains(pickup) || !zone.contains(destination) ? pickup : destination
    }

    /// This trip's service comune (see `serviceComune(pickup:destination:zone:)`).
    public func serviceComune(zone: Set<String>) -> String {
        Self.serviceComune(pickup: pickup.comune, destination: destination.comune, zone: zone)
    }
}
