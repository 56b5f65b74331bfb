import CentraleAPI
import CentraleDomain
import CentraleFormats
import CentraleStore

/// `centrale log amend`, locally or on the server: the request checked, then applied.
extension Office {
    /// Metres from km typed by a person, by the same rules as a file's cells: `23,4`, `23.4` and
    /// `1.234,5` are clear; `1,234` or `1.234` could be either, and are refused with both
    /// readings, unless one of them is beyond `limitKm`.
    public static func metres(_ text: String, option: String, limitKm: Int = 2_000_000) throws -> Int? {
        let separators = text.filter { $0 == "." || $0 == "," }
        if !separators.isEmpty && DecimalText.evidence(text) == nil {
            let plain = text.filter { $0 != "." && $0 != "," }
            let asDecimal = DecimalText.scaled(text, decimals: 3), asThousands = DecimalText.scaled(plain, decimals: 3)
            let limit = limitKm * 1000
            if let asDecimal, asDecimal <= limit, (asThousands ?? Int.max) > limit { return asDecimal }
            if let asThousands, asThousands <= limit, (asDecimal ?? Int.max) > limit { return asThousands }
            throw StoreError.refused(.log(.ambiguousKm(option: option, text: text)))
        }
        if let mark = DecimalText.evidence(text) { return DecimalText.scaled(text, decimals: 3, mark: mark) }
        return DecimalText.scaled(text, decimals: 3)
    }

    /// Refuses a request whose values cannot be right, before anything is read: the km and
    /// odometers range-checked before any arithmetic, times, minutes, the outcome.
    public static func check(_ request: AmendmentRequest) throws {
        let given: [Any?] = [request.km, request.odometerStart, request.odometerEnd, request.pickup, request.dropoff, request.waiting,
                             request.outcome, request.vehicle, request.driver, request.notes]
        guard given.contains(where: { $0 != nil }) else {
            throw StoreError.refused(.log(.nothingToAmend))
        }
        if (request.odometerStart == nil) != (request.odometerEnd == nil) { throw StoreError.refused(.log(.odometerPair)) }
        if request.km != nil && request.odometerStart != nil {
            throw StoreError.refused(.log(.kmAndOdometer))
        }
        for (name, value, limit) in [("--km", request.km, 2_000), ("--odometer-start", request.odometerStart, 2_000_000),
                                     ("--odometer-end", request.odometerEnd, 2_000_000)] {
            guard let value else { continue }
            guard let metres = try metres(value, option: name, limitKm: limit) else {
                throw StoreError.refused(.log(.notKm(option: name, text: value.escapingControlCharacters)))
            }
            guard (0...limit * 1000).contains(metres) else {
                throw StoreError.refused(.log(.kmOutOfRange(option: name, text: value.escapingControlCharacters, limit: limit)))
            }
        }
        if let start = try request.odometerStart.flatMap({ try metres($0, option: "--odometer-start") }),
           let end = try request.odometerEnd.flatMap({ try metres($0, option: "--odometer-end") }), end <= start {
            throw StoreError.refused(.log(.odometerOrder))
        }
        for (name, value) in [("--pickup", request.pickup), ("--dropoff", request.dropoff)] {
            if let value, LocalTime(value) == nil { throw StoreError.refused(.log(.notTime(option: name, text: value.escapingControlCharacters))) }
        }
        if let waiting = request.waiting, !(0...720).contains(waiting) {
            throw StoreError.refused(.log(.waitingOutOfRange(waiting)))
        }
        if let outcome = request.outcome, TripOutcome(rawValue: outcome) == nil { throw StoreError.refused(.log(.unknownOutcome)) }
    }

    /// Amends the trip's log; with a scope, another association's trip reads as a missing one.
    public func amendLog(trip: Int64, _ request: AmendmentRequest, actor: Actor) throws -> ActionReply {
        try Self.check(request)
        _ = try self.trip(trip)  // a missing trip, or (with a scope) another association's, said the same way
        // check() has range-checked every value: the parses cannot fail and the subtraction cannot overflow.
        func metres(_ text: String, limit: Int = 2_000_000) -> Distance { Distance(metres: (try? Self.metres(text, option: "", limitKm: limit)) ?? 0) }
        let checked = try store.amendLog(trip: trip, change: { log in
            if let km = request.km { log.driven = metres(km, limit: 2_000); log.odometerStart = nil; log.odometerEnd = nil }
            if let start = request.odometerStart, let end = request.odometerEnd {
                log.odometerStart = metres(start); log.odometerEnd = metres(end)
                log.driven = metres(end) - metres(start)
            }
            if let pickup = request.pickup.flatMap(LocalTime.init) { log.pickedUpAt = pickup }
            if let dropoff = request.dropoff.flatMap(LocalTime.init) { log.droppedOffAt = dropoff }
            if let waiting = request.waiting { log.waitingMinutes = waiting }
            if let outcome = request.outcome.flatMap(TripOutcome.init(rawValue:)) {
                log.outcome = outcome
                // Nobody was dropped off on a trip that did not take place (unless a time is given, which the checks refuse).
                if outcome != .done && request.dropoff == nil { log.droppedOffAt = nil }
            }
            if let vehicle = request.vehicle { log.vehiclePlate = vehicle.uppercased() }
            if let driver = request.driver { log.driverCode = driver }
            if let notes = request.notes { log.notes = notes }
        }, actor: Actor(actor.name, reason: request.reason))
        let association = checked.log.association
        return ActionReply(trip: trip, association: association,
                           message: OfficeMessage.logAmended(trip: trip, driven: checked.log.driven, estimated: checked.estimated,
                                                             flag: checked.flag, driver: checked.driverProblem).text(language))
    }
}
