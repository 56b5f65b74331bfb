import CentraleDomain

/// Compares logged kilometres with the distance the convention counts for a trip.
public enum KmReconciliation {
    /// The convention's count: from the association's base to the pickup, to the destination,
    /// and back to the base; when the beneficiary did not travel, to the pickup and back.
    public static func estimate(_ trip: TripRequest, base: Coordinate, outcome: TripOutcome, estimator: RoadDistanceEstimator) -> Distance {
        outcome == .done
            ? estimator.roadDistance(along: [base, trip.pickup.location, trip.destination.location, base])
            : estimator.roadDistance(along: [base, trip.pickup.location, base])
    }

    /// The flag for a logged distance, or nil when within the tolerance.
    public static func flag(driven: Distance, estimated: Distance, tolerance: KmTolerance) -> KmFlag? {
        let allowed = max(estimated.metres * tolerance.percent / 100, tolerance.minimum.metres)
        let difference = driven.metres - estimated.metres
        return abs(difference) > allowed ? KmFlag(difference: Distance(metres: difference), estimated: estimated) : nil
    }
}
