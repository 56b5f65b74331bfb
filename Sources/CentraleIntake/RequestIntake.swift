import CentraleDomain

/// A reason a request is refused, with what to do about it.
public struct IntakeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field concerned (`beneficiary`, `date`, `from`, `to`, `return`, `repeat`…).
    public var field: String
    /// What is wrong and what is expected.
    public var message: String

    /// Creates a problem.
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}

/// All the problems of a refused request.
public struct IntakeRefusal: Error, Sendable, CustomStringConvertible {
    /// The problems, each naming its field.
    public var problems: [IntakeProblem]
    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
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
    public func trips(for form: RequestForm, beneficiary: Beneficiary?, home: (address: String, location: Coordinate)?) throws -> [[TripRequest]] {
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
        let inactive = dates.filter { !beneficiary.isActive(on: $0) }
        if !inactive.isEmpty {
            let record = "activated on \(beneficiary.activatedOn)" + (beneficiary.closedOn.map { ", closed on \($0)" } ?? "")
            problems.append(IntakeProblem("date", "\(beneficiary.code) is not active on \(describe(inactive)) (\(record)); "
                                          + "change the dates or update the beneficiary's record"))
        }
        if let back = form.returnAt, back <= form.appointment {
            problems.append(IntakeProblem("return", "the return at \(back) is not after the appointment at \(form.appointment)"))
        }
        let pickup = resolve(form.from, field: "from", beneficiary: beneficiary, home: home, problems: &problems)
        let destination = resolve(form.to, field: "to", beneficiary: beneficiary, home: home, problems: &problems)
        if let pickup, let destination, pickup.location == destination.location {
            problems.append(IntakeProblem("to", "the destination is the same as the pickup"))
        }
        guard problems.isEmpty, let pickup, let destination else { throw IntakeRefusal(problems: problems) }

        let needs = form.needs ?? beneficiary.needs
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
        switch spec {
        case .home:
            guard let home else { problems.append(IntakeProblem(field, "\(beneficiary.code) has no home address on record")); return nil }
            return Stop(label: home.address, comune: beneficiary.comune, location: home.location)
        case .place(let query):
            switch findPlace(query) {
            case .success(let place):
                return Stop(placeCode: place.code, label: place.name, comune: place.comune, location: place.location)
            case .failure(var problem):
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

    private func describe(_ dates: [LocalDate]) -> String {
        dates.count <= 3 ? dates.map(\.description).joined(separator: ", ")
                         : "\(dates.count) of the days (\(dates[0]) … \(dates[dates.count - 1]))"
    }

    /// Lower-cased, without accents, for lookups.
    static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "à", "á": "a"
            case "è", "é": "e"
            case "ì", "í": "i"
            case "ò", "ó": "o"
            case "ù", "ú": "u"
            default: Character(scalar)
            }
        })
    }
}
