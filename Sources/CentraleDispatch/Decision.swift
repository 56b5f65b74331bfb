import CentraleDomain

/// One term of a candidate's score: the quantity measured and the points it adds.
public struct TermScore: Hashable, Sendable, Codable {
    /// Which goal.
    public var term: ScoreTerm
    /// The measured quantity: km for `emptyKm`; for `share`, the relative deviation from the
    /// convention share of the projected month, midway through taking the beneficiary's
    /// remaining trips (0.1 = 10% over); 1 or 0 for `continuity`.
    public var measure: Double
    /// Weighted points (lower is better).
    public var points: Double
}

/// An association that may take a trip, with its score (lower is better).
public struct Candidate: Hashable, Sendable, Codable {
    /// The association's code.
    public var association: String
    /// The total points.
    public var total: Double
    /// The points of each term.
    public var terms: [TermScore]
    /// The empty drive from its base to the pickup.
    public var emptyDistance: Distance

    /// Creates a candidate.
    public init(association: String, total: Double, terms: [TermScore], emptyDistance: Distance) {
        self.association = association
        self.total = total
        self.terms = terms
        self.emptyDistance = emptyDistance
    }
}

/// An association that may not take a trip, and the first hard rule it breaks.
public struct Exclusion: Hashable, Sendable, Codable {
    /// The association's code.
    public var association: String
    /// The rule broken.
    public var rule: HardRule
}

/// What the engine decided for one trip, with the reasons.
public struct Decision: Hashable, Sendable {
    /// The trip.
    public var tripID: Int64
    /// The eligible associations, best first; the first is the one chosen.
    public var candidates: [Candidate]
    /// The associations excluded, with the rule each breaks.
    public var exclusions: [Exclusion]
    /// For an unassignable trip: the rule that blocked it and why, in words.
    public var blocked: (rule: HardRule, reason: BlockReason)?

    /// The association chosen, if any.
    public var association: String? { candidates.first?.association }

    public static func == (lhs: Decision, rhs: Decision) -> Bool {
        lhs.tripID == rhs.tripID && lhs.candidates == rhs.candidates && lhs.exclusions == rhs.exclusions
            && lhs.blocked?.rule == rhs.blocked?.rule && lhs.blocked?.reason == rhs.blocked?.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tripID)
        hasher.combine(candidates)
    }
}

/// The engine's plan for a day: a decision per trip, in the order they were made.
public struct DispatchPlan: Sendable, Hashable {
    /// The day.
    public var date: LocalDate
    /// The decisions.
    public var decisions: [Decision]

    /// The decision for a trip.
    public func decision(for trip: Int64) -> Decision? { decisions.first { $0.tripID == trip } }

    /// Trips assigned by this plan.
    public var assignedCount: Int { decisions.filter { $0.association != nil }.count }
    /// Trips no association can take.
    public var unassignableCount: Int { decisions.filter { $0.association == nil }.count }
}
