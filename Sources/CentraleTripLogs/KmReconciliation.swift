import CentraleDomain
import CentraleFormats

/// Compares logged kilometres with the distance the convention counts for a trip.
public enum KmReconciliation {
    /// The convention's count: from the association's base to the pickup, to the destination,
    /// and back to the base; when the beneficiary did not travel, to the pickup and back.
    public static func estimate(_ trip: TripRequest, base: Coordinate, outcome: TripOutcome, estimator: RoadDistanceEstimator) -> Distance {
        outcome == .done
            ? estimator.roadDistance(along: [base, trip.pickup.location, trip.destination.location, base])
            : estimator.roadDistance(along: [base, trip.pickup.location, base])
    }

    /// The flag for a logged distance, or nil when within the tolerance. Implausible km (see
    /// `isImplausible`) are always flagged, whatever the tolerance.
    public static func flag(driven: Distance, estimated: Distance, tolerance: KmTolerance) -> KmFlag? {
        let allowed = max(estimated.metres * tolerance.percent / 100, tolerance.minimum.metres)
        let difference = driven.metres - estimated.metres
        return abs(difference) > allowed || isImplausible(driven: driven, estimated: estimated)
            ? KmFlag(difference: Distance(metres: difference), estimated: estimated) : nil
    }

    /// Whether logged km are implausible: more than three times the estimate and more than
    /// 20 km above it. Such km are accepted only as flagged, and paid only once reviewed.
    public static func isImplausible(driven: Distance, estimated: Distance) -> Bool {
        driven.metres > 3 * estimated.metres && driven.metres > estimated.metres + 20_000
    }

    /// The km paid for a logged trip. A trip within the tolerance is paid as logged. A flagged
    /// trip is paid, until it is reviewed, at the estimate capped at the logged km (only
    /// documented km are reimbursed, Codice del Terzo Settore art. 56); once reviewed, as the
    /// review decided.
    public static func payable(driven: Distance, estimated: Distance, flagged: Bool, review: KmReview?) -> Distance {
        guard flagged else { return driven }
        switch review {
        case nil, .useEstimate?: return min(estimated, driven)
        case .accept?: return driven
        case .km(let km)?: return min(km, driven)
        }
    }
}

/// The decision of a review of a flagged trip's km.
public enum KmReview: Hashable, Sendable {
    /// The logged km are right: pay them.
    case accept
    /// Pay the estimate (capped at the logged km).
    case useEstimate
    /// Pay these km (at most the logged km).
    case km(Distance)

    /// The stored name of the decision: `accept`, `estimate` or `km`.
    public var name: String {
        switch self {
        case .accept: "accept"
        case .useEstimate: "estimate"
        case .km: "km"
        }
    }

    /// A decision from its stored name and km.
    public init?(name: String, km: Distance?) {
        switch name {
        case "accept": self = .accept
        case "estimate": self = .useEstimate
        case "km": guard let km else { return nil }; self = .km(km)
        default: return nil
        }
    }

    /// The decision a stored `label` names; nil for any other text.
    public init?(label: String) {
        switch label {
        case "accepted": self = .accept
        case "estimate paid": self = .useEstimate
        default:
            guard label.hasSuffix(" km paid"), let metres = DecimalText.scaled(label.dropLast(" km paid".count), decimals: 3) else { return nil }
            self = .km(Distance(metres: metres))
        }
    }

    /// `accepted`, `estimate paid`, `12.0 km paid`.
    public var label: String {
        switch self {
        case .accept: "accepted"
        case .useEstimate: "estimate paid"
        case .km(let km): "\(km) paid"
        }
    }
}

extension KmReview: Message {
    /// `accettati`, `pagata la stima`, `12,0 km pagati`.
    public var italian: String {
        switch self {
        case .accept: "accettati"
        case .useEstimate: "pagata la stima"
        case .km(let km): "\(LogProblem.km(km)) pagati"
        }
    }

    /// `label`: `accepted`, `estimate paid`, `12.0 km paid`.
    public var english: String { label }
}
