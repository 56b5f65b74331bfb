import CentraleDomain

/// Generates the logs an association would submit for its trips: the vehicle and driver used,
/// km close to the convention's estimate (a few anomalies far from it), odometer readings
/// that run on from trip to trip, times, some no-shows and cancellations on the spot.
public struct TripLogGenerator: Sendable {
    /// The association, with its fleet and base.
    public let association: Association
    /// How road distances are estimated.
    public let estimator: RoadDistanceEstimator
    /// The seed.
    public let seed: UInt64

    /// Creates a generator.
    public init(association: Association, estimator: RoadDistanceEstimator, seed: UInt64) {
        self.association = association
        self.estimator = estimator
        self.seed = seed
    }

    /// Whether this association writes odometer readings (else km only).
    var usesOdometers: Bool { association.code.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 3 != 0 }

    /// The logs of `trips` (the association's, in date order), and the odometers after them.
    public func logs(for trips: [TripRequest], odometers: inout [String: Distance]) -> [SyntheticLog] {
        var rng = SeededRandom(seed: seed ^ UInt64(truncatingIfNeeded: association.code.hashValueStable))
        let drivers = (1...max(4, association.dailyCapacity / 2)).map { "V\(association.code.prefix(3))\($0 < 10 ? "0" : "")\($0)" }
        return trips.map { trip in
            let roll = rng.unit()
            let outcome: TripOutcome = roll < 0.03 ? .noShow : roll < 0.04 ? .cancelledOnSpot : .done
            let suitable = association.vehicles.filter { $0.active && $0.canCarry(trip.needs) }
            let vehicle = (suitable.isEmpty ? association.vehicles : suitable)[Int(rng.next() % UInt64(max(1, suitable.isEmpty ? association.vehicles.count : suitable.count)))]
            let path = outcome == .done ? [association.base, trip.pickup.location, trip.destination.location, association.base]
                                        : [association.base, trip.pickup.location, association.base]
            let estimate = estimator.roadDistance(along: path)
            var factor = 1 + rng.normal(deviation: 0.05)
            if rng.chance(0.004) { factor = 1.6 + rng.unit() * 0.6 } // an anomaly: a detour, or a typo
            let driven = Distance(metres: max(500, Int((Double(estimate.metres) * factor / 100).rounded()) * 100))
            var odometerPair: (Distance, Distance)?
            if usesOdometers {
                let start = odometers[vehicle.plate] ?? Distance(metres: 40_000_000 + Int(rng.next() % 110_000) * 1000)
                odometerPair = (start, start + driven)
                odometers[vehicle.plate] = start + driven + Distance(metres: Int(rng.next() % 8) * 1000)
            }
            let ride = max(5, Int(Double(estimator.roadDistance(trip.pickup.location, trip.destination.location).metres) / 500)) // ~30 km/h
            let lateness = Int(rng.normal(mean: 0, deviation: 6))
            let pickupMinutes = trip.leg == .outbound ? trip.appointment.minutes - ride - 10 + lateness : trip.appointment.minutes + abs(lateness)
            let pickup = LocalTime(minutes: min(max(pickupMinutes, 0), 1380))!
            let dropoff = outcome == .done ? LocalTime(minutes: min(pickup.minutes + ride, 1439))! : nil
            let waiting = trip.needs.contains(.escort) && outcome == .done && rng.chance(0.3) ? 40 + Int(rng.next() % 110) : 0
            let notes = outcome == .noShow ? "beneficiario non presente" : outcome == .cancelledOnSpot ? "annullato all'arrivo" : (factor > 1.5 ? "deviazione per lavori" : "")
            return SyntheticLog(trip: trip, vehicle: vehicle.plate, driver: drivers[Int(rng.next() % UInt64(drivers.count))],
                                odometers: odometerPair, driven: driven, pickup: pickup, dropoff: dropoff, waiting: waiting,
                                outcome: outcome, notes: notes)
        }
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is not).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
