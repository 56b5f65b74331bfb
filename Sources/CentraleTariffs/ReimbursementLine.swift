import CentraleDomain

/// The kind of a reimbursable cost item, as the convention names it.
public enum CostItem: String, CaseIterable, Sendable, Codable {
    /// Km actually driven × the rate (capped at the vehicle class's reference cost).
    case km
    /// Pro-rata insurance of vehicle and volunteers, per trip.
    case insurance
    /// A trip in a wheelchair vehicle.
    case wheelchair
    /// A trip on a stretcher.
    case stretcher
    /// A trip with an escort.
    case escort
    /// Escort waiting beyond the free minutes, per started hour.
    case waiting
    /// A no-show.
    case noShow = "no_show"
    /// A cancellation on the spot.
    case cancelledOnSpot = "cancelled_on_spot"
    /// A cancellation less than 24 hours before.
    case cancelledLate = "cancelled_late"
    /// Indirect costs pro rata (on a month's statement, not on a trip).
    case indirect
}

/// One line of a reimbursement: what is paid, how it is computed, how much.
public struct ReimbursementLine: Hashable, Sendable, Codable {
    /// The cost item.
    public var item: CostItem
    /// How the amount is computed, e.g. `23.4 km × 0.52 €/km (cap wheelchair)`.
    public var basis: String
    /// The amount, rounded to the cent.
    public var amount: Money

    /// Creates a line.
    public init(item: CostItem, basis: String, amount: Money) {
        self.item = item
        self.basis = basis
        self.amount = amount
    }
}

/// The reimbursement of one logged trip: its lines and their sum.
public struct TripReimbursement: Hashable, Sendable, Codable {
    /// The trip.
    public var tripID: Int64
    /// The tariff version used (the one in force on the trip's date).
    public var tariffID: String
    /// The lines, in a fixed order.
    public var lines: [ReimbursementLine]

    /// Creates a reimbursement.
    public init(tripID: Int64, tariffID: String, lines: [ReimbursementLine]) {
        self.tripID = tripID
        self.tariffID = tariffID
        self.lines = lines
    }

    /// The total: the sum of the lines.
    public var total: Money { lines.reduce(.zero) { $0 + $1.amount } }
}
