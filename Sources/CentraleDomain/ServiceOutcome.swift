/// What became of a trip, in the seven outcomes paratransit systems record (the monitoring
/// table's *esiti*): from the trip's status, its log, the centre's cancellation and the
/// associations' declines. A trip still to come, or carried out but not yet logged, has none.
public enum ServiceOutcome: String, CaseIterable, Sendable, Codable {
    /// Carried out.
    case done
    /// The beneficiary was not there.
    case noShow = "no_show"
    /// Cancelled 24 hours or more before the trip.
    case cancelledInAdvance = "cancelled_in_advance"
    /// Cancelled less than 24 hours before the trip.
    case cancelledLate = "cancelled_late"
    /// Cancelled at the door, the vehicle already there.
    case cancelledAtDoor = "cancelled_at_door"
    /// Declined by an association and taken by no other.
    case declined
    /// Its day passed and nobody served it (no association could take it, or it stayed in the queue).
    case notServed = "not_served"

    /// A cancellation made less than this many minutes before the trip is late (24 hours).
    public static let lateCancellationMinutes = 24 * 60

    /// A centre cancellation, classified by how long before the trip it was made.
    /// - Parameter minutesBefore: from the cancellation to the trip's start (negative when after it).
    public static func cancellation(minutesBefore: Int) -> ServiceOutcome {
        minutesBefore < lateCancellationMinutes ? .cancelledLate : .cancelledInAdvance
    }

    /// The outcome of a trip, or nil while it is still to come or awaits its log.
    /// - Parameters:
    ///   - log: the outcome its association logged, if any (it decides over the status).
    ///   - cancellation: how the centre's cancellation was classified when it was made
    ///     (`cancelledInAdvance` or `cancelledLate`), for a cancelled trip without a log.
    ///   - declined: whether an association declined it.
    ///   - today: the current day in Rome; a trip of an earlier day that nobody holds was not served.
    public static func of(_ trip: TripRequest, log: TripOutcome?, cancellation: ServiceOutcome?, declined: Bool,
                          today: LocalDate) -> ServiceOutcome? {
        switch log {
        case .done: return .done
        case .noShow: return .noShow
        case .cancelledLate: return .cancelledLate
        case .cancelledOnSpot: return .cancelledAtDoor
        case nil: break
        }
        switch trip.status {
        case .done: return .done
        case .noShow: return .noShow
        // A cancellation recorded before outcomes were classified counts as made in advance.
        case .cancelled: return cancellation ?? .cancelledInAdvance
        case .pending, .unassignable: return trip.date < today ? (declined ? .declined : .notServed) : nil
        case .assigned: return nil
        }
    }
}

extension TripRequest {
    /// The minutes before an outbound appointment at which its pickup may start: the trip's
    /// start for a no-show and for classifying a cancellation.
    public static let outboundLeadMinutes = 60

    /// When a trip starts, in minutes of its day: an hour before an outbound appointment (the
    /// earliest pickup), the ready time of a return.
    public static func startMinute(appointment: Int, leg: TripLeg, leadMinutes: Int = outboundLeadMinutes) -> Int {
        leg == .return ? appointment : max(0, appointment - leadMinutes)
    }

    /// When this trip starts, in minutes of its day (`startMinute(appointment:leg:)`).
    public func startMinute(leadMinutes: Int = outboundLeadMinutes) -> Int {
        Self.startMinute(appointment: appointment.minutes, leg: leg, leadMinutes: leadMinutes)
    }
}
