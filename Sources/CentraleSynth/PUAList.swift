import CentraleDomain

/// The synthetic year's people as a PUA office would export them (the file `beneficiary
/// import` reads), and the suspensions and closings of their year. Pure and seeded.
public struct PUAList: Sendable {
    /// One row per person, in the order of `SyntheticYear.beneficiaries`.
    public var csv: String
    /// Hospital stays: each person suspended, with the period and reason.
    public var suspensions: [(code: String, suspension: Suspension)]
    /// Closings: each closed person's last day and why.
    public var closings: [(code: String, on: LocalDate, reason: ClosingReason)]

    /// The header, as the offices write it (Italian, `;`).
    public static let header = "Cognome;Nome;Codice fiscale;Data di nascita;Telefono;Indirizzo;Comune;Segnalato da;Referente;"
        + "Data segnalazione;Riferimento PAI;Bisogni;Motivi;Valido dal;Valido al;Latitudine;Longitudine"

    /// Builds the list of a synthetic year over the registry's comuni.
    public init(year: SyntheticYear, comuni: [Comune], seed: UInt64) {
        var rng = SeededRandom(seed: seed ^ 0x5055_4131)
        let names = Dictionary(comuni.map { ($0.istatCode, $0.name) }, uniquingKeysWith: { a, _ in a })
        var purposes: [String: Set<TripPurpose>] = [:]
        var tripDays: [String: [LocalDate]] = [:]
        for legs in year.requests {
            purposes[legs[0].beneficiary, default: []].insert(legs[0].purpose)
            tripDays[legs[0].beneficiary, default: []].append(legs[0].date)
        }
        let first = LocalDate(year: year.year, month: 1, day: 1)!, last = LocalDate(year: year.year, month: 12, day: 31)!
        var rows = [Self.header]
        var seen: Set<String> = []
        var suspensions: [(String, Suspension)] = []
        var closings: [(String, LocalDate, ClosingReason)] = []
        let referrers: [Referral: (String, String)] = [
            .pua: ("PUA", "operatore PUA"), .socialServices: ("servizi sociali", "assistente sociale"), .caseManager: ("case manager", "infermiere di famiglia"),
            .hospitalDischarge: ("dimissione ospedaliera", "reparto"), .familyDoctor: ("medico di famiglia", "MMG"),
        ]
        for (index, (person, personal)) in year.beneficiaries.enumerated() {
            let parts = personal.name.split(separator: " ")
            let name = String(parts.first ?? ""), surname = parts.dropFirst().joined(separator: " ")
            let female = "aeAE".contains(name.last ?? "o")
            var birth = LocalDate(year: year.year - 65 - Int(rng.unit() * 30), month: 1 + Int(rng.unit() * 12), day: 1 + Int(rng.unit() * 28))!
            var cf = CodiceFiscale.make(surname: surname, name: name, birthDate: birth, female: female)
            while !seen.insert(cf).inserted {
                birth = birth.adding(days: 1)
                cf = CodiceFiscale.make(surname: surname, name: name, birthDate: birth, female: female)
            }
            let comuneName = names[person.comune] ?? person.comune
            let street = personal.address.hasSuffix(", \(comuneName)") ? String(personal.address.dropLast(comuneName.count + 2)) : personal.address
            let referred = person.activatedOn.adding(days: -7 - Int(rng.unit() * 30))
            let (referrer, role) = referrers[person.referredBy] ?? ("PUA", "")
            let needs = person.needs.italianNames
            let allowed = purposes[person.code] ?? [.visit]
            let until = person.closedOn ?? last.adding(days: 1 + Int(rng.unit() * 180))
            let reference = "PAI-\(referred.year)-" + String(String(index + 1 + 10_000).suffix(4))
            rows.append([surname, name, cf, Self.date(birth), personal.phone, street, comuneName, referrer, role, Self.date(referred), reference,
                         needs.joined(separator: ","), TripPurpose.allCases.filter { allowed.contains($0) }.map(Self.italian).joined(separator: "|"),
                         Self.date(person.activatedOn), Self.date(until), String(personal.home.latitude), String(personal.home.longitude)]
                .joined(separator: ";"))
            if let closed = person.closedOn {
                closings.append((person.code, closed, rng.weighted([(ClosingReason.ended, 0.4), (.deceased, 0.25), (.moved, 0.15),
                                                                      (.noLongerEligible, 0.1), (.refused, 0.1)])))
            }
            // About one in sixteen people with trips spends a while in hospital.
            if let days = tripDays[person.code], days.count >= 6, rng.chance(0.06) {
                let start = days[Int(rng.unit() * Double(days.count - 3))]
                let end = min(start.adding(days: 3 + Int(rng.unit() * 8)), person.closedOn ?? last)
                if start >= first && end >= start { suspensions.append((person.code, Suspension(from: start, to: end, reason: "ricovero ospedaliero"))) }
            }
        }
        csv = rows.joined(separator: "\r\n") + "\r\n"
        self.suspensions = suspensions
        self.closings = closings
    }

    static func date(_ day: LocalDate) -> String {
        let d = day.day < 10 ? "0\(day.day)" : "\(day.day)", m = day.month < 10 ? "0\(day.month)" : "\(day.month)"
        return "\(d)/\(m)/\(day.year)"
    }

    /// A purpose as the office's export writes it (`centro_diurno`).
    static func italian(_ purpose: TripPurpose) -> String { purpose.italianName.replacingOccurrences(of: " ", with: "_") }
}
