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
    /// - Parameter crews: the vehicle (when known) and driver of the trips whose crew is known
    ///   (confirmed); the log names them (else a vehicle fit for the trip and one of the drivers).
    public func logs(for trips: [TripRequest], odometers: inout [String: Distance],
                     crews: [Int64: (vehicle: String?, driver: String)] = [:]) -> [SyntheticLog] {
        var rng = SeededRandom(seed: seed ^ UInt64(truncatingIfNeeded: association.code.hashValueStable))
        let drivers = (1...max(4, association.dailyCapacity / 2)).map { "V\(association.code.prefix(3))\($0 < 10 ? "0" : "")\($0)" }
        return trips.map { trip in
            let roll = rng.unit()
            let outcome: TripOutcome = roll < 0.03 ? .noShow : roll < 0.04 ? .cancelledOnSpot : .done
            let suitable = association.vehicles.filter { $0.active && $0.canCarry(trip.needs) }
            let drawn = (suitable.isEmpty ? association.vehicles : suitable)[Int(rng.next() % UInt64(max(1, suitable.isEmpty ? association.vehicles.count : suitable.count)))]
            let vehicle = crews[trip.id]?.vehicle.flatMap { plate in association.vehicles.first { $0.plate == plate } } ?? drawn
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
            let driver = drivers[Int(rng.next() % UInt64(drivers.count))]
            return SyntheticLog(trip: trip, vehicle: vehicle.plate, driver: crews[trip.id]?.driver ?? driver,
                                odometers: odometerPair, driven: driven, pickup: pickup, dropoff: dropoff, waiting: waiting,
                                outcome: outcome, notes: notes)
        }
    }
}

/// One vehicle's route of an accepted plan, as its crew drives it: the trips in the order of
/// their pickups, each with its share of the route's km and its planned times.
public struct DrivenRoute: Sendable {
    /// One trip on the route.
    public struct Leg: Sendable {
        public var trip: TripRequest
        public var share: Distance
        public var pickup: LocalTime
        public var dropoff: LocalTime

        public init(trip: TripRequest, share: Distance, pickup: LocalTime, dropoff: LocalTime) {
            self.trip = trip
            self.share = share
            self.pickup = pickup
            self.dropoff = dropoff
        }
    }

    public var plate: String
    public var driver: String
    public var legs: [Leg]

    public init(plate: String, driver: String, legs: [Leg]) {
        self.plate = plate
        self.driver = driver
        self.legs = legs
    }
}

extension TripLogGenerator {
    /// The logs of trips driven on routes of accepted plans: each names its route's vehicle and
    /// driver, logs about its share of the route's km (within a few %), at about the planned
    /// times; the odometer runs on along the route, each trip's share after the one before, so
    /// that the readings add up to the route. A few people are not there (no-shows: the share
    /// was driven all the same).
    public func logs(along routes: [DrivenRoute], odometers: inout [String: Distance]) -> [SyntheticLog] {
        var rng = SeededRandom(seed: seed ^ 0x726F_7574_6573 ^ UInt64(truncatingIfNeeded: association.code.hashValueStable))
        var result: [SyntheticLog] = []
        for route in routes {
            for leg in route.legs {
                let outcome: TripOutcome = rng.chance(0.02) ? .noShow : .done
                let driven = Distance(metres: max(500, Int((Double(leg.share.metres) * (1 + rng.normal(deviation: 0.03)) / 100).rounded()) * 100))
                var pair: (Distance, Distance)?
                if usesOdometers {
                    let start = odometers[route.plate] ?? Distance(metres: 40_000_000 + Int(rng.next() % 110_000) * 1000)
                    pair = (start, start + driven)
                    odometers[route.plate] = start + driven
                }
                let pickup = LocalTime(minutes: min(max(leg.pickup.minutes + Int(rng.next() % 7) - 3, 0), 1380))!
                let dropoff = outcome == .done ? LocalTime(minutes: min(max(leg.dropoff.minutes + Int(rng.next() % 7) - 3, pickup.minutes + 1), 1439))! : nil
                result.append(SyntheticLog(trip: leg.trip, vehicle: route.plate, driver: route.driver, odometers: pair, driven: driven,
                                           pickup: pickup, dropoff: dropoff, waiting: 0, outcome: outcome,
                                           notes: outcome == .noShow ? "beneficiario non presente" : ""))
            }
            // Back to base and on to the next route: a few km the logs do not count.
            if let end = odometers[route.plate] { odometers[route.plate] = end + Distance(metres: Int(rng.next() % 8) * 1000) }
        }
        return result
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
