import CentraleDomain
import CentraleFormats

/// A reason a request is refused, with what to do about it.
public struct IntakeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field concerned (`beneficiary`, `date`, `from`, `to`, `return`, `repeat`…).
    public var field: String
    /// What is wrong and what is expected, in each language.
    public var message: IntakeMessage
    /// What to do about it, rendered by each edge for its interface (after `; `).
    public var remedy: Remedy?

    /// Creates a problem.
    public init(_ field: String, _ message: IntakeMessage, remedy: Remedy? = nil) {
        self.field = field
        self.message = message
        self.remedy = remedy
    }

    /// The message in `language` and the remedy rendered by `render`.
    public func text(_ language: Language, _ render: (Remedy) -> String) -> String {
        let message = message.text(language)
        return remedy.map { "\(message); \(render($0))" } ?? message
    }

    /// `field: message; remedy`, in `language`, the remedy rendered by `render`.
    public func rendered(_ language: Language, _ render: (Remedy) -> String) -> String { "\(field): \(text(language, render))" }

    /// `field: message; remedy`, in English, the remedy in words.
    public var description: String { rendered(.en, \.english) }
}

/// All the problems of a refused request.
public struct IntakeRefusal: Error, Sendable, CustomStringConvertible {
    /// The problems, each naming its field.
    public var problems: [IntakeProblem]
    /// Creates a refusal.
    public init(problems: [IntakeProblem]) { self.problems = problems }
    /// One line per problem in `language`, remedies rendered by `render`.
    public func rendered(_ language: Language, _ render: (Remedy) -> String) -> String {
        problems.map { $0.rendered(language, render) }.joined(separator: "\n")
    }
    /// One line per problem, in English.
    public var description: String { rendered(.en, \.english) }
}

/// Turns a dispatcher's request form into trips, checked against the beneficiary's record
/// and the registry. Pure: the caller provides the records it needs.
public struct RequestIntake: Sendable {
    /// The registered places.
    public let places: [Place]
    /// The comuni (to name the comune of an address).
    public let comuni: [Comune]
    /// How far ahead a recurring request may run (`[service] max_recurrence_days`).
    public let maxRecurrenceDays: Int

    /// How road distances are estimated (`[geography] road_circuity`).
    public let estimator: RoadDistanceEstimator
    /// The speed and boarding times that turn a distance into minutes (`[planning]`).
    public let planning: PlanningRules

    /// Creates an intake over a registry's places and comuni.
    public init(places: [Place], comuni: [Comune], maxRecurrenceDays: Int = 366,
                estimator: RoadDistanceEstimator = RoadDistanceEstimator(circuity: 1.3), planning: PlanningRules = PlanningRules()) {
        self.places = places
        self.comuni = comuni
        self.maxRecurrenceDays = maxRecurrenceDays
        self.estimator = estimator
        self.planning = planning
    }

    /// Creates an intake with a convention's limits, distances and speeds.
    public init(places: [Place], comuni: [Comune], convention: Convention) {
        self.init(places: places, comuni: comuni, maxRecurrenceDays: convention.rules.maxRecurrenceDays,
                  estimator: convention.distanceEstimator, planning: convention.planning)
    }

    /// The trips of a request, each request's legs together (outbound, then return).
    ///
    /// - Parameters:
    ///   - beneficiary: the beneficiary's record, nil if the code is unknown.
    ///   - home: the beneficiary's home address and location.
    /// - Throws: `IntakeRefusal` listing every problem (e.g. not active on a date).
    ///   - homeApproximate: whether the home's position is only its comune's centre.
    ///   - existing: the person's trips already booked on the request's days (any status;
    ///     cancelled ones are ignored), to refuse overlapping trips.
    public func trips(for form: RequestForm, beneficiary: Beneficiary?, home: (address: String, location: Coordinate)?,
                      homeApproximate: Bool = false, existing: [TripRequest] = []) throws -> [[TripRequest]] {
        var problems: [IntakeProblem] = []
        if let recurrence = form.recurrence, recurrence.until.daysSinceEpoch - form.date.daysSinceEpoch > maxRecurrenceDays {
            // Checked before the dates are listed: a typo such as 9999-12-31 must not make millions of trips.
            throw IntakeRefusal(problems: [IntakeProblem("until", .recurrenceTooLong(until: recurrence.until, first: form.date,
                                                                                     maximumDays: maxRecurrenceDays))])
        }
        guard let beneficiary else {
            throw IntakeRefusal(problems: [IntakeProblem("beneficiary", .unknownBeneficiary(code: form.beneficiary))])
        }
        let dates = form.recurrence.map { $0.dates(from: form.date) } ?? [form.date]
        if let recurrence = form.recurrence {
            if recurrence.until < form.date {
                problems.append(IntakeProblem("until", .untilBeforeFirstDay(until: recurrence.until, first: form.date)))
            } else if dates.isEmpty {
                problems.append(IntakeProblem("repeat", .noDayOnWeekdays(first: form.date, until: recurrence.until)))
            }
        }
        problems += statusProblems(beneficiary, dates: dates)
        let needs = form.needs ?? beneficiary.needs
        problems += authorisationProblems(beneficiary, dates: dates, purpose: form.purpose, needs: needs)
        if let back = form.returnAt, back <= form.appointment {
            problems.append(IntakeProblem("return", .returnNotAfterAppointment(back: back, appointment: form.appointment)))
        }
        var pickup = resolve(form.from, field: "from", beneficiary: beneficiary, home: home, problems: &problems)
        var destination = resolve(form.to, field: "to", beneficiary: beneficiary, home: home, problems: &problems)
        if homeApproximate {
            if form.from == .home { pickup?.approximate = true }
            if form.to == .home { destination?.approximate = true }
        }
        if let pickup, let destination, pickup.location == destination.location {
            problems.append(IntakeProblem("to", .destinationIsPickup))
        }
        if let pickup, let destination {
            problems += overlapProblems(form: form, dates: dates, pickup: pickup, destination: destination, needs: needs, existing: existing)
        }
        guard problems.isEmpty, let pickup, let destination else { throw IntakeRefusal(problems: problems) }

        // The store makes it unique (it adds the series' first trip id).
        let series = form.recurrence == nil ? nil : "REQ-\(beneficiary.code)-\(form.date)-\(form.appointment.description.filter { $0 != ":" })"
        return dates.map { date in
            var legs = [TripRequest(beneficiary: beneficiary.code, date: date, pickup: pickup, destination: destination,
                                    appointment: form.appointment, leg: .outbound, seriesID: series, needs: needs, purpose: form.purpose)]
            if let back = form.returnAt {
                legs.append(TripRequest(beneficiary: beneficiary.code, date: date, pickup: destination, destination: pickup,
                                        appointment: back, leg: .return, seriesID: series, needs: needs, purpose: form.purpose))
            }
            return legs
        }
    }

    /// The place a dispatcher means: by code, by exact name, or by a unique part of the name
    /// (case and accents ignored).
    public func findPlace(_ query: String) -> Result<Place, IntakeProblem> {
        let key = Self.fold(query)
        if let byCode = places.first(where: { Self.fold($0.code) == key }) { return .success(byCode) }
        if let byName = places.first(where: { Self.fold($0.name) == key }) { return .success(byName) }
        let matches = places.filter { Self.fold($0.name).contains(key) || Self.fold($0.code).contains(key) }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(IntakeProblem("place", .noPlaceMatches(query: query)))
        default: return .failure(IntakeProblem("place", .ambiguousPlace(query: query, count: matches.count, codes: matches.prefix(6).map(\.code))))
        }
    }

    private func resolve(_ spec: StopSpec, field: String, beneficiary: Beneficiary, home: (address: String, location: Coordinate)?,
                         problems: inout [IntakeProblem]) -> Stop? {
        let typed: String
        switch spec {
        case .home: typed = ""
        case .place(let query): typed = query
        case .address(let label, _): typed = label
        }
        // The cells' rule (`forbiddenControlCharacter`), and no tab either: a place is one line of text.
        if typed.forbiddenControlCharacter != nil || typed.contains("\t") {
            problems.append(IntakeProblem(field, .placeControlCharacter))
            return nil
        }
        switch spec {
        case .home:
            guard let home else { problems.append(IntakeProblem(field, .noHomeAddress(beneficiary: beneficiary.code))); return nil }
            return Stop(label: home.address, comune: beneficiary.comune, location: home.location)
        case .place(let query):
            switch findPlace(query) {
            case .success(let place):
                return Stop(placeCode: place.code, label: place.name, comune: place.comune, location: place.location)
            case .failure(var problem):
                if let stop = approximateAddress(query) { return stop }
                problem.field = field
                problems.append(problem)
                return nil
            }
        case let .address(label, location):
            guard location.isValid, !label.isEmpty else {
                problems.append(IntakeProblem(field, .addressNeedsLabelAndCoordinates))
                return nil
            }
            let estimator = RoadDistanceEstimator(circuity: 1)
            guard let comune = comuni.min(by: { estimator.roadDistance($0.centroid, location) < estimator.roadDistance($1.centroid, location) }) else {
                return nil
            }
            return Stop(label: label, comune: comune.istatCode, location: location)
        }
    }

    /// An address outside the registry given as `street, comune` without coordinates: its
    /// position is the comune's centre, marked approximate, until coordinates are given.
    public func approximateAddress(_ text: String) -> Stop? {
        guard let comma = text.lastIndex(of: ",") else { return nil }
        let street = String(text[..<comma]).trimmingSpaces, comuneName = String(text[text.index(after: comma)...]).trimmingSpaces
        guard !street.isEmpty, street.contains(where: \.isLetter) else { return nil }
        let key = Self.fold(comuneName)
        guard let comune = comuni.first(where: { Self.fold($0.name) == key || $0.istatCode == key }) else { return nil }
        return Stop(label: "\(street), \(comune.name)", comune: comune.istatCode, location: comune.centroid, approximate: true)
    }

    /// Why the person may not travel on some of the days: not yet active, suspended, closed.
    func statusProblems(_ person: Beneficiary, dates: [LocalDate]) -> [IntakeProblem] {
        var problems: [IntakeProblem] = []
        let referred = dates.filter { person.status(on: $0) == .referred }
        if !referred.isEmpty {
            problems.append(IntakeProblem("date", .notActiveYet(beneficiary: person.code, dates: referred, activeFrom: person.activatedOn),
                                          remedy: .changeActivation(beneficiary: person.code)))
        }
        let suspended = dates.filter { person.status(on: $0) == .suspended }
        if !suspended.isEmpty, let suspension = person.suspension(on: suspended[0]) {
            problems.append(IntakeProblem("date", .suspended(beneficiary: person.code, dates: suspended, from: suspension.from, to: suspension.to,
                                                             reason: suspension.reason),
                                          remedy: .bookAfterSuspension(beneficiary: person.code)))
        }
        let closed = dates.filter { person.status(on: $0) == .closed }
        if !closed.isEmpty {
            problems.append(IntakeProblem("date", .closed(beneficiary: person.code, closedOn: person.closedOn!, dates: closed)))
        }
        return problems
    }

    /// Why the authorisation does not cover the request: no authorisation on some days, a
    /// purpose or needs it does not allow. A record without authorisations has no such limits.
    func authorisationProblems(_ person: Beneficiary, dates: [LocalDate], purpose: TripPurpose, needs: Needs) -> [IntakeProblem] {
        guard !person.authorisations.isEmpty else { return [] }
        var problems: [IntakeProblem] = []
        let active = dates.filter { person.status(on: $0) == .active }
        let uncovered = active.filter { person.authorisation(on: $0) == nil }
        if !uncovered.isEmpty {
            let periods = person.authorisations.map { IntakeMessage.Period(from: $0.validFrom, until: $0.validUntil) }
            problems.append(IntakeProblem("date", .noAuthorisation(beneficiary: person.code, dates: uncovered, periods: periods),
                                          remedy: .renewAuthorisation(beneficiary: person.code)))
        }
        let authorisations = Set(active.compactMap { person.authorisation(on: $0) })
        if let refused = authorisations.first(where: { !$0.purposes.contains(purpose) }) {
            problems.append(IntakeProblem("purpose", .purposeNotAuthorised(purpose: purpose, beneficiary: person.code, authorised: refused.purposes),
                                          remedy: .extendPurposes(beneficiary: person.code)))
        }
        if let refused = authorisations.first(where: { !$0.needs.isSuperset(of: needs) }) {
            problems.append(IntakeProblem("needs", .needsNotAuthorised(needs: needs, beneficiary: person.code, authorised: refused.needs),
                                          remedy: .assessNeeds(beneficiary: person.code)))
        }
        return problems
    }

    /// The least time a person taken to an appointment stays there when no return is booked
    /// (nor any later trip from that place): a dialysis session or a day at the day centre
    /// takes hours; anything else at least half an hour.
    public static func minimumStayMinutes(_ purpose: TripPurpose) -> Int {
        switch purpose {
        case .dialysis, .dayCentre: 180
        default: 30
        }
    }

    /// Minutes on board from one point to another: the estimated road distance at the
    /// convention's planning speed, plus boarding and alighting (longer with a wheelchair).
    func rideMinutes(_ a: Coordinate, _ b: Coordinate, needs: Needs) -> Int {
        let metres = estimator.roadDistance(a, b).metres
        let metresPerMinute = max(1, planning.averageSpeedKmh) * 1000 / 60
        let boarding = needs.contains(.wheelchair) ? planning.wheelchairBoardingMinutes : planning.boardingMinutes
        return (metres + metresPerMinute - 1) / metresPerMinute + 2 * boarding
    }

    /// One outing of a person on a day: the ride to a place by an appointment, the stay there,
    /// and the ride back when booked; or a return ride on its own.
    struct Outing {
        var id: Int64?
        var pickup: Stop, destination: Stop
        var purpose: TripPurpose
        /// When the person is picked up (outbound: the appointment less the ride).
        var start: Int
        /// The appointment (outbound) or the ready time (a return on its own).
        var appointment: Int
        var leg: TripLeg
        /// The paired return's ready time and ride, when booked the same day.
        var back: (id: Int64?, ready: Int, ride: Int)?
        var ride: Int

        /// When the person is free again, given the pickups of the day's other outings (a
        /// later ride from this outing's destination ends the stay there).
        func end(laterPickups: [(stop: Stop, start: Int)]) -> Int {
            if let back { return back.ready + back.ride }
            if leg == .return { return appointment + ride }
            let leaving = laterPickups.filter { RequestIntake.sameSpot($0.stop, destination) && $0.start >= appointment }.map(\.start).min()
            return leaving ?? appointment + RequestIntake.minimumStayMinutes(purpose)
        }
    }

    /// Whether two stops are the same place (the same registered place, or within 150 m).
    static func sameSpot(_ a: Stop, _ b: Stop) -> Bool {
        if let x = a.placeCode, let y = b.placeCode { return x == y }
        return RoadDistanceEstimator.greatCircleMetres(a.location, b.location) < 150
    }

    /// The outings of a person's trips on one day (cancelled ones left out).
    func outings(_ trips: [TripRequest]) -> [Outing] {
        let byID = Dictionary(trips.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return trips.compactMap { trip in
            let ride = rideMinutes(trip.pickup.location, trip.destination.location, needs: trip.needs)
            if trip.leg == .return {
                // A return paired with an outbound of the same day belongs to the outbound's outing.
                if let other = trip.pairedTripID.flatMap({ byID[$0] }), other.date == trip.date { return nil }
                return Outing(id: trip.id, pickup: trip.pickup, destination: trip.destination, purpose: trip.purpose, start: trip.appointment.minutes,
                              appointment: trip.appointment.minutes, leg: .return, back: nil, ride: ride)
            }
            let back = trip.pairedTripID.flatMap { byID[$0] }.flatMap { $0.date == trip.date ? $0 : nil }
            return Outing(id: trip.id, pickup: trip.pickup, destination: trip.destination, purpose: trip.purpose,
                          start: trip.appointment.minutes - ride, appointment: trip.appointment.minutes, leg: .outbound,
                          back: back.map { ($0.id, $0.appointment.minutes, rideMinutes($0.pickup.location, $0.destination.location, needs: $0.needs)) },
                          ride: ride)
        }
    }

    /// Refuses a request whose time overlaps another trip of the same person on the same day.
    /// Each outing lasts from its pickup (the appointment less the ride: the estimated
    /// distance at the planning speed, with boarding) to the drop-off of its return; without a
    /// return booked, to the next ride from the same place, else the appointment plus the
    /// least stay for its purpose (`minimumStayMinutes`).
    func overlapProblems(form: RequestForm, dates: [LocalDate], pickup: Stop, destination: Stop, needs: Needs, existing: [TripRequest]) -> [IntakeProblem] {
        let live = existing.filter { $0.status != .cancelled && $0.beneficiary == form.beneficiary }
        guard !live.isEmpty else { return [] }
        let ride = rideMinutes(pickup.location, destination.location, needs: needs)
        let wanted = Outing(id: nil, pickup: pickup, destination: destination, purpose: form.purpose, start: form.appointment.minutes - ride,
                            appointment: form.appointment.minutes, leg: .outbound,
                            back: form.returnAt.map { (nil, $0.minutes, rideMinutes(destination.location, pickup.location, needs: needs)) }, ride: ride)
        let byDay = Dictionary(grouping: live, by: \.date)
        for date in dates {
            guard let trips = byDay[date] else { continue }
            let others = outings(trips)
            let pickups = (others + [wanted]).flatMap { o -> [(stop: Stop, start: Int)] in
                [(o.pickup, o.start)] + (o.back.map { [(o.destination, $0.ready)] } ?? [])
            }
            let wantedEnd = wanted.end(laterPickups: pickups)
            for other in others.sorted(by: { $0.start < $1.start }) {
                let otherEnd = other.end(laterPickups: pickups)
                guard other.start < wantedEnd && wanted.start < otherEnd else { continue }
                let trip = trips.first { $0.id == other.id }!
                let overlap = IntakeMessage.Overlap(
                    beneficiary: form.beneficiary, trip: trip.id, date: trip.date, appointment: trip.appointment,
                    from: trip.pickup.placeCode ?? trip.pickup.label, to: trip.destination.placeCode ?? trip.destination.label,
                    returnReady: other.back?.ready, returnTrip: other.back?.id ?? 0,
                    busyFrom: other.start, busyUntil: otherEnd, wantedFrom: wanted.start, wantedUntil: wantedEnd)
                return [IntakeProblem("time", .overlap(overlap))]
            }
        }
        return []
    }

    /// Minutes of the day as HH:MM (clamped to the day).
    static func clock(_ minutes: Int) -> String {
        let m = min(max(minutes, 0), 24 * 60 - 1)
        let (h, mm) = (m / 60, m % 60)
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (mm < 10 ? "0\(mm)" : "\(mm)")
    }

    /// Lower-cased, without accents, for lookups.
    static func fold(_ text: String) -> String { TextFolding.fold(text) }
}
