/// A vehicle with its driver for a stretch of a day: what the planner plans as one vehicle,
/// from its base and back within `start`–`end`.
public struct CrewShift: Hashable, Sendable, Codable {
    /// The vehicle.
    public var plate: String
    /// The volunteer driving it (nil when the association registers no volunteers and the
    /// convention's declared day applies).
    public var driver: String?
    /// When the crew may leave the base.
    public var start: LocalTime
    /// When it must be back.
    public var end: LocalTime
    /// What the driver is qualified for (wheelchair, stretcher, escort).
    public var qualifications: Needs

    public init(plate: String, driver: String?, start: LocalTime, end: LocalTime, qualifications: Needs) {
        self.plate = plate
        self.driver = driver
        self.start = start
        self.end = end
        self.qualifications = qualifications
    }

    /// The shift's length in minutes.
    public var minutes: Int { end.minutes - start.minutes }

    /// Whether this crew may carry a trip with `needs` that keeps it busy from `from` to `to`:
    /// its driver is qualified for the needs and its stretch covers the time.
    public func covers(_ needs: Needs, from: LocalTime, to: LocalTime) -> Bool {
        qualifications.isSuperset(of: needs) && start <= from && to <= end
    }
}

/// An association's means for one day: which vehicles run, when, and with whom, and how
/// many trips it can take. Built from its volunteers' shifts and absences and the vehicles
/// in service; an association that registers no volunteers keeps the convention's declared
/// day (every vehicle in service from `PlanningRules.shiftStart` to `shiftEnd`, the declared
/// daily capacity). Pure.
public struct DayCrews: Hashable, Sendable {
    /// Where the day's means come from.
    public enum Source: String, Hashable, Sendable, Codable {
        /// The association registers no volunteers: the convention's declared day.
        case declared
        /// Its volunteers' shifts and absences and its vehicles in service.
        case volunteers
    }

    /// The association.
    public var association: String
    /// The day.
    public var date: LocalDate
    /// Where the means come from.
    public var source: Source
    /// The vehicles with their drivers, by start time then plate.
    public var crews: [CrewShift]
    /// The trips the association can take that day: its declared daily capacity, lowered to
    /// what its crews' time allows (`PlanningRules.minutesPerTrip` a trip).
    public var capacity: Int
    /// Drivers available that day for whom no vehicle was free (codes).
    public var withoutVehicle: [String]

    /// The means of `association` on `date`, given its registered `volunteers` (all of them:
    /// those absent or without valid credentials that day are left out here) and the plates
    /// off the road that day.
    public static func of(_ association: Association, volunteers: [Volunteer], offTheRoad: Set<String>,
                          on date: LocalDate, planning: PlanningRules) -> DayCrews {
        let vehicles = association.vehicles.filter { $0.active && !offTheRoad.contains($0.plate) }
            .sorted { $0.plate < $1.plate }
        guard !volunteers.isEmpty else {
            let crews = vehicles.map {
                CrewShift(plate: $0.plate, driver: nil, start: planning.shiftStart, end: planning.shiftEnd,
                          qualifications: [.wheelchair, .stretcher, .escort])
            }
            return DayCrews(association: association.code, date: date, source: .declared, crews: crews,
                            capacity: vehicles.isEmpty ? 0 : association.dailyCapacity, withoutVehicle: [])
        }
        // The drivers' shifts of the day: wheelchair-qualified drivers first (so that the
        // wheelchair vehicles go to drivers who may use their places), then by start, longest
        // first at equal start, so that a vehicle goes to whoever can use it longest. A driver's
        // shifts that overlap or follow one another are one stretch.
        var shifts: [(driver: Volunteer, start: LocalTime, end: LocalTime)] = []
        for volunteer in volunteers where Self.mayDrive(volunteer, on: date) {
            var stretches: [(start: LocalTime, end: LocalTime)] = []
            for shift in volunteer.shifts.shifts.filter({ $0.weekday == date.isoWeekday }).sorted(by: { $0.start < $1.start }) {
                if let last = stretches.last, shift.start <= last.end {
                    stretches[stretches.count - 1].end = max(last.end, shift.end)
                } else {
                    stretches.append((shift.start, shift.end))
                }
            }
            shifts += stretches.map { (volunteer, $0.start, $0.end) }
        }
        func rank(_ s: (driver: Volunteer, start: LocalTime, end: LocalTime)) -> Int { s.driver.qualifications.contains(.wheelchair) ? 0 : 1 }
        shifts.sort { (rank($0), $0.start, $1.end, $0.driver.code) < (rank($1), $1.start, $0.end, $1.driver.code) }
        // Each vehicle's booked stretches; a driver takes the first vehicle free for the
        // whole shift, preferring one whose wheelchair places the driver is qualified for
        // (and leaving those to qualified drivers otherwise).
        var booked: [String: [(start: LocalTime, end: LocalTime)]] = [:]
        var crews: [CrewShift] = []
        var withoutVehicle: [String] = []
        for shift in shifts {
            let wheelchair = shift.driver.qualifications.contains(.wheelchair)
            let free = vehicles.filter { vehicle in
                !(booked[vehicle.plate] ?? []).contains { VolunteerRules.overlap(($0.start, $0.end), (shift.start, shift.end)) }
            }
            let preferred = free.first { (($0.wheelchairPlaces > 0) == wheelchair) } ?? free.first
            guard let vehicle = preferred else {
                if !withoutVehicle.contains(shift.driver.code) { withoutVehicle.append(shift.driver.code) }
                continue
            }
            booked[vehicle.plate, default: []].append((shift.start, shift.end))
            crews.append(CrewShift(plate: vehicle.plate, driver: shift.driver.code, start: shift.start, end: shift.end,
                                   qualifications: shift.driver.qualifications))
        }
        crews.sort { ($0.start, $0.plate) < ($1.start, $1.plate) }
        let perTrip = max(1, planning.minutesPerTrip)
        let fromCrews = crews.reduce(0) { $0 + $1.minutes / perTrip }
        return DayCrews(association: association.code, date: date, source: .volunteers, crews: crews,
                        capacity: min(association.dailyCapacity, fromCrews), withoutVehicle: withoutVehicle.sorted())
    }

    /// Whether `volunteer` may drive on `date` at all: licence, age, insurance, not absent
    /// (qualifications are per trip).
    public static func mayDrive(_ volunteer: Volunteer, on date: LocalDate) -> Bool {
        VolunteerRules.credentialProblems(volunteer, on: date, needs: []).isEmpty
            && !volunteer.absences.contains { $0.includes(date) }
    }

    /// The crews whose driver may carry a trip with `needs`, and whose shift covers `window`.
    public func crews(for needs: Needs, covering window: (start: LocalTime, end: LocalTime)) -> [CrewShift] {
        crews.filter { $0.covers(needs, from: window.start, to: window.end) }
    }

    /// The crews when they come from registered volunteers; nil for the declared day (every
    /// vehicle all day), which dispatch and the planner treat as no crews given.
    public var registeredCrews: [CrewShift]? { source == .volunteers ? crews : nil }
}
