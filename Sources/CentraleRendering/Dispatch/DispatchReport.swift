import CentraleFormats
import CentraleDispatch
import CentraleDomain
import CentraleRegistry
import Foundation

/// Renders a dispatch plan as text or JSON.
public struct DispatchReport: Sendable {
    public let plan: DispatchPlan
    /// The trips the plan decided (and the one explained).
    public let tripList: [TripRequest]
    public let registry: Registry
    /// The words' language (English only for now).
    public let language: Language

    public init(plan: DispatchPlan, trips: [TripRequest], registry: Registry, language: Language = .it) {
        self.plan = plan
        self.tripList = trips
        self.registry = registry
        self.language = language
    }

    private var trips: [Int64: TripRequest] { Dictionary(uniqueKeysWithValues: tripList.map { ($0.id, $0) }) }

    public func text(stored: Bool, stale: [Int64]) -> String {
        let trips = self.trips
        var lines = ["Dispatch \(plan.date): \(plan.decisions.count) trip\(plan.decisions.count == 1 ? "" : "s") to decide, "
                     + "\(plan.assignedCount) assigned, \(plan.unassignableCount) unassignable"
                     + (stored ? "." : " (dry run: nothing stored).")]
        if plan.decisions.isEmpty { return lines[0] + " Nothing pending." }
        var table = TextTable(["TRIP", "TIME", "BENEF.", "NEEDS", "FROM", "TO", "ASSOCIATION", "SCORE", "EMPTY KM"], rightAligned: [0, 7, 8])
        for decision in plan.decisions.sorted(by: { ($0.tripID) < ($1.tripID) }) {
            guard let trip = trips[decision.tripID], let chosen = decision.candidates.first else { continue }
            table.add([String(trip.id), trip.appointment.description, trip.beneficiary, trip.needs.description,
                       trip.pickup.placeCode ?? trip.pickup.comune, trip.destination.placeCode ?? trip.destination.comune,
                       chosen.association, String(format: "%.1f", chosen.total), String(format: "%.1f", chosen.emptyDistance.kilometres)])
        }
        lines.append(table.rendered)
        let blocked = plan.decisions.filter { $0.blocked != nil }
        if !blocked.isEmpty {
            lines.append("\nUnassignable:")
            for decision in blocked {
                let trip = trips[decision.tripID]!
                lines.append("  \(trip.id) \(trip.appointment) \(trip.beneficiary): \(decision.blocked!.reason)")
            }
        }
        if !stale.isEmpty {
            lines.append("\nChanged by someone else meanwhile, left as they are: \(stale.map(String.init).joined(separator: ", ")). Run dispatch again.")
        }
        lines.append("\nUse --explain TRIP to see why a trip went where it did.")
        return lines.joined(separator: "\n")
    }

    public struct Summary: Encodable, Sendable {
        public var date: String, stored: Bool, assigned: Int, unassignable: Int, stale: [Int64]
        public var decisions: [DecisionJSON]
    }

    public struct DecisionJSON: Encodable, Sendable {
        public var trip: Int64, association: String?, score: Double?, blockedRule: String?, reason: String?
        enum CodingKeys: String, CodingKey { case trip, association, score, reason, blockedRule = "blocked_rule" }
    }

    public func summary(stored: Bool, stale: [Int64]) -> Summary {
        Summary(date: plan.date.description, stored: stored, assigned: plan.assignedCount, unassignable: plan.unassignableCount,
                stale: stale, decisions: plan.decisions.sorted { $0.tripID < $1.tripID }.map {
                    DecisionJSON(trip: $0.tripID, association: $0.association, score: $0.candidates.first.map { ($0.total * 100).rounded() / 100 },
                                 blockedRule: $0.blocked?.rule.rawValue, reason: $0.blocked?.reason)
                })
    }

    public struct Explanation: Encodable, Sendable {
        public var trip: Int64, date: String, beneficiary: String, serviceComune: String, needs: String
        public var chosen: String?, blocked: String?
        public var candidates: [Candidate]
        public var excluded: [String: [String]]
        enum CodingKeys: String, CodingKey { case trip, date, beneficiary, needs, chosen, blocked, candidates, excluded, serviceComune = "service_comune" }
    }

    public func explanation(_ id: Int64) -> Explanation {
        let decision = plan.decision(for: id)!
        let trip = trips[id]!
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        var excluded: [String: [String]] = [:]
        for exclusion in decision.exclusions { excluded[exclusion.rule.rawValue, default: []].append(exclusion.association) }
        return Explanation(trip: id, date: trip.date.description, beneficiary: trip.beneficiary,
                           serviceComune: DispatchTrip(trip, zone: zone).serviceComune, needs: trip.needs.description,
                           chosen: decision.association, blocked: decision.blocked?.reason, candidates: decision.candidates, excluded: excluded)
    }

    public func explanationText(_ id: Int64) -> String {
        let e = explanation(id)
        let comune = registry.comuni.first { $0.istatCode == e.serviceComune }?.name ?? e.serviceComune
        var lines = ["Trip \(id) on \(e.date), beneficiary \(e.beneficiary), served in \(comune) (\(e.serviceComune)), needs \(e.needs)"]
        lines.append(e.chosen.map { "Chosen: \($0) (lowest score; ties go to the shorter empty drive, then the code)" }
                     ?? "Unassignable: \(e.blocked ?? "-")")
        if !e.candidates.isEmpty {
            var table = TextTable(["RANK", "ASSOCIATION", "TOTAL", "EMPTY KM", "pts", "SHARE DEV", "pts", "CONTINUITY", "pts"],
                                  rightAligned: [0, 2, 3, 4, 5, 6, 7, 8])
            for (rank, candidate) in e.candidates.enumerated() {
                let term = Dictionary(uniqueKeysWithValues: candidate.terms.map { ($0.term, $0) })
                table.add([String(rank + 1), candidate.association, String(format: "%.1f", candidate.total),
                           String(format: "%.1f", term[.emptyKm]!.measure), String(format: "%.1f", term[.emptyKm]!.points),
                           String(format: "%+.0f%%", term[.share]!.measure * 100), String(format: "%.1f", term[.share]!.points),
                           term[.continuity]!.measure > 0 ? "other" : "same/none", String(format: "%.1f", term[.continuity]!.points)])
            }
            lines.append(table.rendered)
        }
        for rule in HardRule.allCases {
            if let codes = e.excluded[rule.rawValue] {
                lines.append("Excluded, \(rule.summary): \(codes.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
