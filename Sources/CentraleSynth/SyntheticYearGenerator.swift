import CentraleDomain

/// Generates a deterministic synthetic year of the service from a seed.
///
/// Patterns: dialysis three days a week both ways (also on holidays), day centres Monday to
/// Friday with a two-week August closure, rehabilitation cycles of 10–20 sessions, one-off
/// visits peaking early in the week and dipping in August; nothing on public holidays except
/// dialysis. Each programme's beneficiaries are spread over the comuni in proportion to their
/// population (largest remainders), homes scattered around each comune's centre.
public struct SyntheticYearGenerator: Sendable {
    /// The comuni (only those in the zone have residents).
    public let comuni: [Comune]
    /// The destinations.
    public let places: [Place]
    /// The calendar year to generate.
    public let year: Int
    /// The seed: the same seed gives the same year.
    public let seed: UInt64
    /// How many people per programme.
    public let mix: ProgrammeMix

    /// Creates a generator.
    public init(comuni: [Comune], places: [Place], year: Int, seed: UInt64, mix: ProgrammeMix = .calibrated) {
        self.comuni = comuni
        self.places = places
        self.year = year
        self.seed = seed
        self.mix = mix
    }

    /// Generates the year; `progress` is called after each programme with a short message.
    public func generate(progress: (_ programme: String, _ beneficiaries: Int, _ tripsSoFar: Int) -> Void = { _, _, _ in }) -> SyntheticYear {
        var rng = SeededRandom(seed: seed)
        var context = Context(comuni: comuni.filter(\.inZone), places: places, year: year)
        var people: [(Beneficiary, BeneficiaryPersonalData)] = []
        var requests: [[TripRequest]] = []
        let programmes: [(Programme, Int)] = [(.dialysis, mix.dialysis), (.dayCentre, mix.dayCentre),
                                              (.rehabilitation, mix.rehabilitation), (.therapy, mix.therapy),
                                              (.visits, mix.visits)]
        for (programme, count) in programmes {
            for comune in context.allocate(count, rng: &rng) {
                let person = context.makePerson(for: programme, in: comune, rng: &rng)
                people.append(person)
                requests += context.requests(for: programme, person: person.0, home: person.1, rng: &rng)
            }
            progress(programme.rawValue, count, requests.reduce(0) { $0 + $1.count })
        }
        requests.sort { a, b in
            (a[0].date, a[0].appointment, a[0].beneficiary) < (b[0].date, b[0].appointment, b[0].beneficiary)
        }
        return SyntheticYear(year: year, beneficiaries: people.sorted { $0.0.code < $1.0.code }, requests: requests)
    }
}

/// The programmes a synthetic beneficiary follows.
enum Programme: String {
    case dialysis, dayCentre = "day centre", rehabilitation, therapy, visits
}
