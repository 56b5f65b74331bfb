import CentraleDomain

/// The state shared while generating one year: places by kind, holidays, codes in use.
struct Context {
    let zone: [Comune]
    let places: [Place]
    let year: Int
    let first: LocalDate
    let last: LocalDate
    let holidays: Set<LocalDate>
    let estimator = RoadDistanceEstimator(circuity: 1)
    var usedCodes: Set<String> = []

    init(comuni: [Comune], places: [Place], year: Int) {
        self.zone = comuni
        self.places = places
        self.year = year
        self.first = LocalDate(year: year, month: 1, day: 1)!
        self.last = LocalDate(year: year, month: 12, day: 31)!
        self.holidays = ItalianCalendar.holidays(year)
    }

    func places(_ kind: PlaceKind) -> [Place] { places.filter { $0.kind == kind } }

    func nearest(_ kind: PlaceKind, to point: Coordinate) -> Place? {
        places(kind).min { estimator.roadDistance($0.location, point) < estimator.roadDistance($1.location, point) }
    }

    /// The registered place with `code` (the demo relies on the built-in registry's codes).
    func place(_ code: String) -> Place {
        guard let found = places.first(where: { $0.code == code }) else { preconditionFailure("place \(code) missing from the registry") }
        return found
    }

    func stop(_ place: Place) -> Stop {
        Stop(placeCode: place.code, label: place.name, comune: place.comune, location: place.location)
    }

    // MARK: People

    /// `count` comuni of residence in proportion to population (largest remainders, ties to
    /// the larger comune), in a seeded random order.
    func allocate(_ count: Int, rng: inout SeededRandom) -> [Comune] {
        let population = Double(zone.reduce(0) { $0 + $1.population })
        let quotas = zone.map { Double(count) * Double($0.population) / population }
        var seats = quotas.map { Int($0) }
        let order = zone.indices.sorted { (quotas[$0] - Double(seats[$0]), zone[$0].population) > (quotas[$1] - Double(seats[$1]), zone[$1].population) }
        for index in order.prefix(count - seats.reduce(0, +)) { seats[index] += 1 }
        var result = zone.indices.flatMap { Array(repeating: zone[$0], count: seats[$0]) }
        result.shuffle(using: &rng)
        return result
    }

    mutating func makePerson(for programme: Programme, in comune: Comune, rng: inout SeededRandom) -> (Beneficiary, BeneficiaryPersonalData) {
        let code = newCode(&rng)
        var needs: Needs = []
        let (wheelchair, escort, stretcher): (Double, Double, Double) = switch programme {
        case .dialysis: (0.22, 0.15, 0.02)
        case .dayCentre: (0.35, 0.10, 0)
        case .rehabilitation: (0.30, 0.12, 0.02)
        case .therapy: (0.10, 0.30, 0.03)
        case .visits: (0.15, 0.25, 0.05)
        }
        if rng.chance(stretcher) { needs.insert(.stretcher) } else if rng.chance(wheelchair) { needs.insert(.wheelchair) }
        if rng.chance(escort) { needs.insert(.escort) }
        // Some were already active before the year began; the others are activated during it.
        let recurring = programme == .dialysis || programme == .dayCentre
        let carriedOver = rng.chance(recurring ? 0.75 : 0.1)
        let activated = carriedOver
            ? first.adding(days: -1 - Int(rng.unit() * 700))
            : first.adding(days: Int(rng.unit() * 320))
        let closeChance: Double = recurring ? 0.12 : 0.1
        let closed: LocalDate? = rng.chance(closeChance)
            ? LocalDate(daysSinceEpoch: activated.daysSinceEpoch + 30 + Int(rng.unit() * Double(max(31, last.daysSinceEpoch - activated.daysSinceEpoch - 30))))
            : nil
        let referral = rng.weighted([(Referral.pua, 0.45), (.socialServices, 0.35), (.caseManager, 0.20)])
        let home = Coordinate(latitude: comune.centroid.latitude + rng.normal(deviation: 0.008),
                              longitude: comune.centroid.longitude + rng.normal(deviation: 0.011))
        let name = "\(Names.given[Int(rng.unit() * Double(Names.given.count))]) \(Names.family[Int(rng.unit() * Double(Names.family.count))])"
        let address = "\(Names.streets[Int(rng.unit() * Double(Names.streets.count))]) \(1 + Int(rng.unit() * 180)), \(comune.name)"
        let phone = "+39 3\(Int(rng.unit() * 90) + 10) \(1_000_000 + Int(rng.unit() * 8_999_999))"
        let person = Beneficiary(code: code, comune: comune.istatCode, needs: needs, activatedOn: activated,
                                 closedOn: closed.map { min($0, last) }, referredBy: referral)
        return (person, BeneficiaryPersonalData(code: code, name: name, phone: phone, address: address, home: home))
    }

    /// A new pseudonymous code: `B` and five characters without look-alikes (no 0/O, 1/I).
    mutating func newCode(_ rng: inout SeededRandom) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        while true {
            let code = "B" + String((0..<5).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if usedCodes.insert(code).inserted { return code }
        }
    }

    // MARK: Trips

    func activeDays(_ person: Beneficiary) -> [LocalDate] {
        let start = max(person.activatedOn, first), end = min(person.closedOn ?? last, last)
        guard start <= end else { return [] }
        return (start.daysSinceEpoch...end.daysSinceEpoch).map { LocalDate(daysSinceEpoch: $0) }
    }

    func homeStop(_ person: Beneficiary, _ personal: BeneficiaryPersonalData) -> Stop {
        Stop(label: personal.address, comune: person.comune, location: personal.home)
    }

    /// Outbound and return legs of one request.
    func roundTrip(_ person: Beneficiary, home: Stop, to place: Place, on date: LocalDate, at time: Int, back: Int?,
                   purpose: TripPurpose, series: String?) -> [TripRequest] {
        let outbound = TripRequest(beneficiary: person.code, date: date, pickup: home, destination: stop(place),
                                   appointment: LocalTime(minutes: time)!, leg: .outbound, seriesID: series,
                                   needs: person.needs, purpose: purpose)
        guard let back else { return [outbound] }
        let inbound = TripRequest(beneficiary: person.code, date: date, pickup: stop(place), destination: home,
                                  appointment: LocalTime(minutes: min(back, 20 * 60))!, leg: .return, seriesID: series,
                                  needs: person.needs, purpose: purpose)
        return [outbound, inbound]
    }

    func requests(for programme: Programme, person: Beneficiary, home personal: BeneficiaryPersonalData,
                  rng: inout SeededRandom) -> [[TripRequest]] {
        let home = homeStop(person, personal)
        let days = activeDays(person)
        switch programme {
        case .dialysis: return dialysis(person, home, days, &rng)
        case .dayCentre: return dayCentre(person, home, days, &rng)
        case .rehabilitation: return rehabilitation(person, home, days, &rng)
        case .therapy: return therapy(person, home, days, &rng)
        case .visits: return visits(person, home, days, &rng)
        }
    }
}
