/// Why a trip already assigned or planned may no longer be served as arranged, once
/// availability changed: the dispatcher sees it flagged on the day's board.
public enum AvailabilityWarning: Hashable, Sendable {
    /// The accepted plan puts it on a vehicle that is off the road that day.
    case plannedVehicleOff(plate: String)
    /// The accepted plan's driver for it cannot drive it that day (absent, licence or
    /// insurance expired, or no longer qualified for its needs).
    case plannedDriverUnavailable(driver: String)
    /// Its association's confirmation was withdrawn (a volunteer absent, a vehicle off the
    /// road, a qualification lost): the association must confirm it again.
    case confirmationWithdrawn
    /// No crew of its association on duty that day covers its time with a driver qualified
    /// for its needs.
    case noCrew(needs: Needs)
}
