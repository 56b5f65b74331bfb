import CentraleDomain
import CentraleFormats

/// A reason a request is refused, with what to do about it.
public struct IntakeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field concerned (`beneficiary`, `date`, `from`, `to`, `return`, `repeat`…).
    public var field: String
    /// What is wrong and what is expected.
    public var message: String
    /// What to do about it, rendered by each edge for its interface (after `; `).
    public var remedy: Remedy?

    /// Creates a problem.
    public init(_ field: String, _ message: String, remedy: Remedy? = nil) {
        self.field = field
        self.message = message
        self.remedy = remedy
    }

    /// The message and the remedy rendered by `render`.
    public func text(_ render: (Remedy) -> String) -> String { remedy.map { "\(message); \(render($0))" } ?? message }

    /// `field: message; remedy`, the remedy rendered by `render`.
    public func rendered(_ render: (Remedy) -> String) -> String { "\(field): \(text(render))" }

    /// `field: message; remedy`, the remedy in words.
    public var description: String { rendered(\.words) }
}

/// All the problems of a refused request.
public struct IntakeRefusal: Error, Sendable, CustomStringConvertible {
    /// The problems, each naming its field.
    public var problems: [IntakeProblem]
    /// Creates a refusal.
    public init(problems: [IntakeProblem]) { self.problems = problems }
    /// One line per problem, remedies rendered by `render`.
    public func rendered(_ render: (Remedy) -> String) -> String { problems.map { $0.rendered(render) }.joined(separator: "\n") }
    /// One line per problem.
    public var description: String { rendered(\.words) }
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
            throw IntakeRefusal(problems: [IntakeProblem("until", "\(recurrence.until) is more than \(maxRecurrenceDays) days after the first day "
                                                         + "\(form.date); a recurring request may run at most \(maxRecurrenceDays) days "
                                                         + "(convention.toml [service] max_recurrence_days): enter a later period as a new request")])
        }
        guard let beneficiary else {
            throw IntakeRefusal(problems: [IntakeProblem("beneficiary", "no beneficiary with code '\(form.beneficiary)'; check the code")])
        }
        let dates = form.recurrence.map { $0.dates(from: form.date) } ?? [form.date]
        if let recurrence = form.recurrence {
            if recurrence.until < form.date {
                problems.append(IntakeProblem("until", "\(recurrence.until) is before the first day \(form.date)"))
            } else if dates.isEmpty {
                problems.append(IntakeProblem("repeat", "no day between \(form.date) and \(recurrence.until) falls on the chosen weekdays"))
            }
        }
        problems += statusProblems(beneficiary, dates: dates)
        let needs = form.needs ?? beneficiary.needs
        problems += authorisationProblems(beneficiary, dates: dates, purpose: form.purpose, needs: needs)
        if let back = form.returnAt, back <= form.appointment {
            problems.append(IntakeProblem("return", "the return at \(back) is not after the appointment at \(form.appointment)"))
        }
        var pickup = resolve(form.from, field: "from", beneficiary: beneficiary, home: home, problems: &problems)
        var destination = resolve(form.to, field: "to", beneficiary: beneficiary, home: home, problems: &problems)
        if homeApproximate {
            if form.from == .home { pickup?.approximate = true }
            if form.to == .home { destination?.approximate = true }
        }
        if let pickup, let destination, pickup.location == destination.location {
            problems.append(IntakeProblem("to", "the destination is the same as the pickup"))
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
        case 0: return .failure(IntakeProblem("place", "no place matches '\(query)'; give a code such as OSP-CAREGGI, a name, "
                                              + "'home', or an address as 'Via Roma 1, Signa@43.781,11.098'"))
        default: return .failure(IntakeProblem("place", "'\(query)' matches \(matches.count) places: "
                                               + "\(matches.prefix(6).map(\.code).joined(separator: ", ")); give the code"))
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
            problems.append(IntakeProblem(field, "holds a control character (such as ESC); type the place or the address as plain text"))
            return nil
        }
        switch spec {
        case .home:
            guard let home else { problems.append(IntakeProblem(field, "\(beneficiary.code) has no home address on record")); return nil }
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
                problems.append(IntakeProblem(field, "an address needs a label and valid coordinates, e.g. 'Via Roma 1, Signa@43.781,11.098'"))
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
            problems.append(IntakeProblem("date", "\(person.code) is not active yet on \(describe(referred)) (active from \(person.activatedOn))",
                                          remedy: .changeActivation(beneficiary: person.code)))
        }
        let suspended = dates.filter { person.status(on: $0) == .suspended }
        if !suspended.isEmpty, let suspension = person.suspension(on: suspended[0]) {
            problems.append(IntakeProblem("date", "\(person.code) is suspended on \(describe(suspended)) (\(suspension.from)–\(suspension.to): "
                                          + "\(suspension.reason))", remedy: .bookAfterSuspension(beneficiary: person.code)))
        }
        let closed = dates.filter { person.status(on: $0) == .closed }
        if !closed.isEmpty {
            problems.append(IntakeProblem("date", "\(person.code) is closed after \(person.closedOn!) and cannot travel on \(describe(closed)); "
                                          + "a closed person needs a new referral"))
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
            let periods = person.authorisations.map { "\($0.validFrom)–\($0.validUntil)" }.joined(separator: ", ")
            problems.append(IntakeProblem("date", "\(person.code) has no authorisation on \(describe(uncovered)) (authorised \(periods))",
                                          remedy: .renewAuthorisation(beneficiary: person.code)))
        }
        let authorisations = Set(active.compactMap { person.authorisation(on: $0) })
        if let refused = authorisations.first(where: { !$0.purposes.contains(purpose) }) {
            problems.append(IntakeProblem("purpose", "\(purpose.rawValue) is not a purpose \(person.code) is authorised for "
                                          + "(authorised: \(refused.purposesText.isEmpty ? "none" : refused.purposesText))",
                                          remedy: .extendPurposes(beneficiary: person.code)))
        }
        if let refused = authorisations.first(where: { !$0.needs.isSuperset(of: needs) }) {
            problems.append(IntakeProblem("needs", "\(needs) is not in \(person.code)'s authorisation (authorised needs: \(refused.needs))",
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
                let what = "trip \(trip.id) on \(trip.date) at \(trip.appointment) (\(trip.pickup.placeCode ?? trip.pickup.label) → "
                    + "\(trip.destination.placeCode ?? trip.destination.label)"
                    + (other.back.map { ", return at \(Self.clock($0.ready)) as trip \($0.id ?? 0)" } ?? "") + ")"
                return [IntakeProblem("time", "\(form.beneficiary) already has \(what), busy \(Self.clock(other.start))–\(Self.clock(otherEnd)), "
                                      + "which overlaps this request (\(Self.clock(wanted.start))–\(Self.clock(wantedEnd))); "
                                      + "change the time, or cancel that trip first (request cancel \(trip.id))")]
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

    private func describe(_ dates: [LocalDate]) -> String {
        dates.count <= 3 ? dates.map(\.description).joined(separator: ", ")
                         : "\(dates.count) of the days (\(dates[0]) … \(dates[dates.count - 1]))"
    }

    /// Lower-cased, without accents, for lookups.
    static func fold(_ text: String) -> String { TextFolding.fold(text) }
}
