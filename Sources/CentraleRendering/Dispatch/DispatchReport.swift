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
    /// The words' language.
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
        let l = language, w = DispatchWords.self
        var lines = [w.summary(date: plan.date, decisions: plan.decisions.count, assigned: plan.assignedCount,
                               unassignable: plan.unassignableCount, stored: stored).text(l)]
        if plan.decisions.isEmpty { return lines[0] + " " + w.nothingPending.text(l) }
        // A stop without a place code (the beneficiary's home, an address) by its comune's name.
        let comuneNames = Dictionary(registry.comuni.map { ($0.istatCode, $0.name) }, uniquingKeysWith: { first, _ in first })
        func stop(_ place: Stop) -> String { place.placeCode ?? comuneNames[place.comune] ?? place.comune }
        var table = TextTable(l == .it ? ["SERVIZIO", "ORA", "BENEF.", "BISOGNI", "DA", "A", "ASSOCIAZIONE", "PUNTI", "KM A VUOTO"]
                                       : ["TRIP", "TIME", "BENEF.", "NEEDS", "FROM", "TO", "ASSOCIATION", "SCORE", "EMPTY KM"], rightAligned: [0, 7, 8])
        for decision in plan.decisions.sorted(by: { ($0.tripID) < ($1.tripID) }) {
            guard let trip = trips[decision.tripID], let chosen = decision.candidates.first else { continue }
            table.add([String(trip.id), trip.appointment.description, trip.beneficiary,
                       l == .it ? (trip.needs.isEmpty ? "-" : trip.needs.italianNames.joined(separator: "+")) : trip.needs.description,
                       stop(trip.pickup), stop(trip.destination),
                       chosen.association, Self.decimal(chosen.total, l), Self.decimal(chosen.emptyDistance.kilometres, l)])
        }
        lines.append(table.rendered)
        let blocked = plan.decisions.filter { $0.blocked != nil }
        if !blocked.isEmpty {
            lines.append("\n" + w.unassignable.text(l))
            for decision in blocked {
                let trip = trips[decision.tripID]!
                lines.append("  \(trip.id) \(trip.appointment) \(trip.beneficiary): \(l == .it ? decision.blocked!.reason.italian : decision.blocked!.reason.english)")
            }
        }
        if !stale.isEmpty {
            lines.append("\n" + w.stale(stale).text(l))
        }
        lines.append("\n" + w.explainHint.text(l))
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
                                 blockedRule: $0.blocked?.rule.rawValue, reason: $0.blocked?.reason.english)
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
                           chosen: decision.association, blocked: decision.blocked?.reason.english, candidates: decision.candidates, excluded: excluded)
    }

    public func explanationText(_ id: Int64) -> String {
        let e = explanation(id)
        let comune = registry.comuni.first { $0.istatCode == e.serviceComune }?.name ?? e.serviceComune
        let l = language, w = DispatchWords.self, decision = plan.decision(for: id)!
        let trip = trips[id]!
        let needs = l == .it ? (trip.needs.isEmpty ? "-" : trip.needs.italianNames.joined(separator: "+")) : e.needs
        var lines = [w.trip(id, date: trip.date, beneficiary: e.beneficiary, comune: comune, istat: e.serviceComune, needs: needs).text(l)]
        lines.append(e.chosen.map { w.chosen($0).text(l) }
                     ?? w.blocked(decision.blocked.map { l == .it ? $0.reason.italian : $0.reason.english } ?? "-").text(l))
        if !e.candidates.isEmpty {
            var table = TextTable(l == .it ? ["POS.", "ASSOCIAZIONE", "TOTALE", "KM A VUOTO", "PUNTI", "SCARTO QUOTA", "PUNTI", "CONTINUITÀ", "PUNTI"]
                                           : ["RANK", "ASSOCIATION", "TOTAL", "EMPTY KM", "PTS", "SHARE DEV", "PTS", "CONTINUITY", "PTS"],
                                  rightAligned: [0, 2, 3, 4, 5, 6, 7, 8])
            for (rank, candidate) in e.candidates.enumerated() {
                let term = Dictionary(uniqueKeysWithValues: candidate.terms.map { ($0.term, $0) })
                let continuity = term[.continuity]!.measure > 0 ? (l == .it ? "altra" : "other") : (l == .it ? "stessa/nessuna" : "same/none")
                table.add([String(rank + 1), candidate.association, Self.decimal(candidate.total, l),
                           Self.decimal(term[.emptyKm]!.measure, l), Self.decimal(term[.emptyKm]!.points, l),
                           Self.shareDeviation(term[.share]!.measure, l), Self.decimal(term[.share]!.points, l),
                           continuity, Self.decimal(term[.continuity]!.points, l)])
            }
            lines.append(table.rendered)
        }
        for rule in HardRule.allCases {
            if let codes = e.excluded[rule.rawValue] {
                lines.append(w.excluded(rule, codes).text(l))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A number with one decimal, with the language's decimal mark; never `-0,0` (a value that
    /// rounds to zero has no sign).
    static func decimal(_ value: Double, _ language: Language) -> String {
        var text = String(format: "%.1f", value)
        if text == "-0.0" { text = "0.0" }
        return language == .it ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share deviation (a fraction: -0.92 is 92 % under the share) as a whole signed percentage:
    /// `-92 %`, `+3 %`, and `0 %` for anything that rounds to zero (never `-0 %` or `+0 %`).
    static func shareDeviation(_ fraction: Double, _ language: Language) -> String {
        var text = String(format: "%+.0f", fraction * 100)
        if text == "-0" || text == "+0" { text = "0" }
        return text + (language == .it ? " %" : "%")
    }
}

/// The words of a dispatch's text, in each language.
enum DispatchWords: Message {
    case summary(date: LocalDate, decisions: Int, assigned: Int, unassignable: Int, stored: Bool)
    case nothingPending
    case unassignable
    case stale([Int64])
    case explainHint
    case trip(Int64, date: LocalDate, beneficiary: String, comune: String, istat: String, needs: String)
    case chosen(String)
    case blocked(String)
    case excluded(HardRule, [String])

    var italian: String {
        switch self {
        case let .summary(date, decisions, assigned, unassignable, stored):
            "Smistamento del \(date.italianText): \(decisions) \(decisions == 1 ? "servizio" : "servizi") da decidere, "
                + "\(assigned) \(assigned == 1 ? "assegnato" : "assegnati"), \(unassignable) non \(unassignable == 1 ? "assegnabile" : "assegnabili")"
                + (stored ? "." : " (prova: non è stato registrato nulla).")
        case .nothingPending: "Nessun servizio in attesa."
        case .unassignable: "Non assegnabili:"
        case .stale(let ids):
            "Modificati da altri nel frattempo, lasciati come sono: \(ids.map(String.init).joined(separator: ", ")). Esegui di nuovo lo smistamento."
        case .explainHint: "Con --explain SERVIZIO vedi perché un servizio è andato dove è andato."
        case let .trip(id, date, beneficiary, comune, istat, needs):
            "Servizio \(id) del \(date.italianText), beneficiario \(beneficiary), servito a \(comune) (\(istat)), bisogni \(needs)"
        case .chosen(let association): "Scelta: \(association) (punteggio più basso; a parità il viaggio a vuoto più breve, poi il codice)"
        case .blocked(let reason): "Non assegnabile: \(reason)"
        case let .excluded(rule, codes):
            codes.count == 1 ? "Esclusa, \(rule.italianSummary): \(codes[0])"
                             : "Escluse, \(rule.italianPluralSummary): \(codes.joined(separator: ", "))"
        }
    }

    var english: String {
        switch self {
        case let .summary(date, decisions, assigned, unassignable, stored):
            "Dispatch \(date): \(decisions) trip\(decisions == 1 ? "" : "s") to decide, \(assigned) assigned, \(unassignable) unassignable"
                + (stored ? "." : " (dry run: nothing stored).")
        case .nothingPending: "Nothing pending."
        case .unassignable: "Unassignable:"
        case .stale(let ids): "Changed by someone else meanwhile, left as they are: \(ids.map(String.init).joined(separator: ", ")). Run dispatch again."
        case .explainHint: "Use --explain TRIP to see why a trip went where it did."
        case let .trip(id, date, beneficiary, comune, istat, needs):
            "Trip \(id) on \(date), beneficiary \(beneficiary), served in \(comune) (\(istat)), needs \(needs)"
        case .chosen(let association): "Chosen: \(association) (lowest score; ties go to the shorter empty drive, then the code)"
        case .blocked(let reason): "Unassignable: \(reason)"
        case let .excluded(rule, codes): "Excluded, \(rule.summary): \(codes.joined(separator: ", "))"
        }
    }
}
