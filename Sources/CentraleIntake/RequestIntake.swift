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

    /// Creates an intake over a registry's places and comuni.
    public init(places: [Place], comuni: [Comune], maxRecurrenceDays: Int = 366) {
        self.places = places
        self.comuni = comuni
        self.maxRecurrenceDays = maxRecurrenceDays
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
            problems += overlapProblems(form: form, dates: dates, pickup: pickup, destination: destination, existing: existing)
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

    /// The minutes a person is busy with a trip or a request: from the pickup before an
    /// outbound appointment to the drop-off after the return's ready time.
    static func busy(appointment: Int, returnAt: Int?, leg: TripLeg, travel: Int) -> ClosedRange<Int> {
        switch (leg, returnAt) {
        case (.outbound, let back?): return (appointment - travel)...(back + travel)
        case (.outbound, nil): return (appointment - travel)...appointment
        case (.return, _): return appointment...(appointment + travel)
        }
    }

    /// Minutes of travel between two points: the straight line × 1.3 at 40 km/h, at least 10.
    static func travelMinutes(_ a: Coordinate, _ b: Coordinate) -> Int {
        max(10, Int((RoadDistanceEstimator.greatCircleMetres(a, b) * 1.3 / 40_000 * 60).rounded(.up)))
    }

    /// Refuses a request that overlaps in time another trip of the same person on the same day.
    func overlapProblems(form: RequestForm, dates: [LocalDate], pickup: Stop, destination: Stop, existing: [TripRequest]) -> [IntakeProblem] {
        let live = existing.filter { $0.status != .cancelled && $0.beneficiary == form.beneficiary }
        guard !live.isEmpty else { return [] }
        let byID = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let wanted = Self.busy(appointment: form.appointment.minutes, returnAt: form.returnAt?.minutes, leg: .outbound,
                               travel: Self.travelMinutes(pickup.location, destination.location))
        let days = Set(dates)
        for trip in live where days.contains(trip.date) {
            // A return paired with an outbound of the same day is covered by the outbound's span.
            if trip.leg == .return, let other = trip.pairedTripID.flatMap({ byID[$0] }), other.date == trip.date { continue }
            let paired = trip.leg == .outbound ? trip.pairedTripID.flatMap { byID[$0] } : nil
            let back = paired?.date == trip.date ? paired : nil
            let span = Self.busy(appointment: trip.appointment.minutes, returnAt: back?.appointment.minutes, leg: trip.leg,
                                 travel: Self.travelMinutes(trip.pickup.location, trip.destination.location))
            if span.lowerBound < wanted.upperBound && wanted.lowerBound < span.upperBound {
                let what = "trip \(trip.id) on \(trip.date) at \(trip.appointment) (\(trip.pickup.placeCode ?? trip.pickup.label) → "
                    + "\(trip.destination.placeCode ?? trip.destination.label)" + (back.map { ", return at \($0.appointment) as trip \($0.id)" } ?? "") + ")"
                return [IntakeProblem("time", "\(form.beneficiary) already has \(what), which overlaps this request; "
                                      + "change the time, or cancel that trip first (request cancel \(trip.id))")]
            }
        }
        return []
    }

    private func describe(_ dates: [LocalDate]) -> String {
        dates.count <= 3 ? dates.map(\.description).joined(separator: ", ")
                         : "\(dates.count) of the days (\(dates[0]) … \(dates[dates.count - 1]))"
    }

    /// Lower-cased, without accents, for lookups.
    static func fold(_ text: String) -> String { TextFolding.fold(text) }
}
