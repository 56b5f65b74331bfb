import CentraleDomain

/// A synthetic association's volunteers for a year, as it would register them: the drivers
/// its trip logs name (`TripLogGenerator`'s codes), a morning crew for every vehicle from
/// Monday to Saturday (06:00-13:00, or 07:00-15:00 on the vehicles without an afternoon
/// crew), an afternoon crew for about half of them on weekdays, a few spare drivers; holidays
/// in summer and some sick days; and each vehicle's inspection days.
public struct VolunteerRoster: Sendable {
    /// The association, with its fleet.
    public let association: Association
    /// The year.
    public let year: Int
    /// The seed.
    public let seed: UInt64

    /// Creates a roster generator.
    public init(association: Association, year: Int, seed: UInt64) {
        self.association = association
        self.year = year
        self.seed = seed
    }

    /// A period a vehicle is off the road.
    public struct Downtime: Hashable, Sendable {
        public var plate: String
        public var from: LocalDate
        public var to: LocalDate
        public var reason: String
    }

    /// The volunteers, with their absences in the year.
    public func volunteers() -> [Volunteer] {
        var rng = SeededRandom(seed: seed ^ 0x766F6C75 ^ UInt64(truncatingIfNeeded: association.code.hashValueStable))
        let vehicles = association.vehicles.filter(\.active)
        let wheelchairVehicles = vehicles.filter { $0.wheelchairPlaces > 0 }.count
        let afternoon = (vehicles.count + 1) / 2
        // Shifts: one morning crew per vehicle, afternoons for half of them. The vehicles that
        // hand over at 13:00 keep early mornings; the others run 07:00-15:00, so that a trip
        // around the hand-over (a 13:30 appointment) still has a crew. Two spare drivers.
        var shifts: [String] = (0..<vehicles.count).map { $0 < afternoon ? "lun-sab 06:00-13:00" : "lun-sab 07:00-15:00" }
        shifts += Array(repeating: "lun-ven 13:00-20:00", count: afternoon)
        shifts += ["lun-ven 10:00-16:00", "mar 08:00-12:00, gio 08:00-12:00"]
        // As many codes as the trip logs name, at least one per shift.
        let count = max(shifts.count, max(4, association.dailyCapacity / 2))
        while shifts.count < count { shifts.append(rng.chance(0.5) ? "lun 06:00-12:00, mer 06:00-12:00, ven 06:00-12:00"
                                                          : "mar 06:00-12:00, gio 06:00-12:00, sab 06:00-12:00") }
        return (1...count).map { number in
            let code = "V\(association.code.prefix(3))\(number < 10 ? "0" : "")\(number)"
            // Those driving the wheelchair vehicles in the morning and in the afternoon, and a
            // good share of the others, are trained for wheelchairs; everyone escorts.
            let index = number - 1
            let onWheelchairVehicle = index < wheelchairVehicles || (index >= vehicles.count && index < vehicles.count + min(afternoon, wheelchairVehicles))
            var qualifications: Needs = .escort
            if onWheelchairVehicle || rng.chance(0.4) { qualifications.insert(.wheelchair) }
            if rng.chance(0.2) { qualifications.insert(.stretcher) }
            var absences: [Absence] = []
            // Two summer weeks, and now and then a few days off sick.
            let holiday = LocalDate(year: year, month: 7, day: 1)!.adding(days: Int(rng.next() % 50))
            absences.append(Absence(from: holiday, to: holiday.adding(days: 13), reason: "ferie"))
            if rng.chance(0.35) {
                let sick = LocalDate(year: year, month: 1, day: 1)!.adding(days: Int(rng.next() % 330))
                absences.append(Absence(from: sick, to: sick.adding(days: 2 + Int(rng.next() % 3)), reason: "malattia"))
            }
            absences.sort { $0.from < $1.from }
            // Licences and policies valid beyond the year, a few expiring in it.
            let licenceYear = rng.chance(0.08) ? year : year + 1 + Int(rng.next() % 9)
            let licence = LocalDate(year: licenceYear, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
            let expiring = licenceYear == year ? max(licence, LocalDate(year: year, month: 12, day: 1)!) : licence
            return Volunteer(association: association.code, code: code, licenceCategory: rng.chance(0.1) ? "BE" : "B",
                             licenceExpiry: expiring, birthYear: year - 25 - Int(rng.next() % 50),
                             insurancePolicy: "RC-\(association.code)-\(year)", insuredUntil: LocalDate(year: year + 1, month: 12, day: 31)!,
                             qualifications: qualifications, shifts: ShiftPattern(parsing: shifts[index])!, absences: absences)
        }
    }

    /// The vehicles' inspection days in the year: about half of them, three days each, on weekdays.
    public func downtime() -> [Downtime] {
        var rng = SeededRandom(seed: seed ^ 0x6675726C ^ UInt64(truncatingIfNeeded: association.code.hashValueStable))
        return association.vehicles.filter(\.active).compactMap { vehicle in
            guard rng.chance(0.5) else { return nil }
            var from = LocalDate(year: year, month: 1, day: 1)!.adding(days: 10 + Int(rng.next() % 330))
            while from.isoWeekday > 3 { from = from.adding(days: 1) }  // Monday to Wednesday, so three weekdays
            return Downtime(plate: vehicle.plate, from: from, to: from.adding(days: 2), reason: "revisione")
        }
    }
}
