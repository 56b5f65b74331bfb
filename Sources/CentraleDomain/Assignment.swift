/// How an assignment was made.
public enum AssignmentMethod: String, CaseIterable, Sendable, Codable {
    /// Chosen by the dispatch engine.
    case engine
    /// Chosen by a dispatcher, within the convention's rules.
    case manual
    /// Chosen by a dispatcher against a hard rule, with a recorded reason.
    case forced
}

/// Which association carries out a trip.
public struct Assignment: Hashable, Sendable, Codable {
    /// The trip.
    public var tripID: Int64
    /// The association's code.
    public var association: String
    /// The vehicle, if already chosen.
    public var vehiclePlate: String?
    /// How the assignment was made.
    public var method: AssignmentMethod
    /// The engine's score or the dispatcher's reason, for the record.
    public var note: String?

    /// Creates an assignment.
    public init(tripID: Int64, association: String, vehiclePlate: String? = nil,
                method: AssignmentMethod, note: String? = nil) {
        self.tripID = tripID
        self.association = association
        self.vehiclePlate = vehiclePlate
        self.method = method
        self.note = note
    }
}
