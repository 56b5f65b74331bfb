/// One weekly shift of a volunteer: a weekday (ISO, 1 = Monday … 7 = Sunday) and a time range.
public struct Shift: Hashable, Sendable, Codable, CustomStringConvertible {
    public var weekday: Int
    public var start: LocalTime
    public var end: LocalTime

    public init?(weekday: Int, start: LocalTime, end: LocalTime) {
        guard (1...7).contains(weekday), start < end else { return nil }
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    /// The weekday names accepted in a pattern (English and Italian), index + 1 = ISO weekday.
    static let dayNames: [[String]] = [["mon", "lun"], ["tue", "mar"], ["wed", "mer"], ["thu", "gio"], ["fri", "ven"], ["sat", "sab"], ["sun", "dom"]]

    /// `mon 07:00-13:00`.
    public var description: String { "\(Self.dayNames[weekday - 1][0]) \(start)-\(end)" }
}

/// A volunteer's weekly availability: a list of shifts, written `mon 07:00-13:00, wed 14:00-20:00`
/// (Italian day names too: `lun`, `mar`, `mer`, `gio`, `ven`, `sab`, `dom`; `mon-fri 08:00-12:00`
/// for a range of days).
public struct ShiftPattern: Hashable, Sendable, Codable, CustomStringConvertible {
    public var shifts: [Shift]

    public init(_ shifts: [Shift]) { self.shifts = shifts.sorted { ($0.weekday, $0.start) < ($1.weekday, $1.start) } }

    /// Parses a pattern; nil when a piece is not `DAY[-DAY] HH:MM-HH:MM` with the end after the start.
    public init?(parsing text: some StringProtocol) {
        var shifts: [Shift] = []
        for piece in text.split(whereSeparator: { ",;|".contains($0) }) {
            let words = piece.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2 else { return nil }
            let days = words[0].lowercased().split(separator: "-").map(String.init)
            let times = words[1].split(separator: "-")
            guard (1...2).contains(days.count), times.count == 2, let start = LocalTime(times[0]), let end = LocalTime(times[1]) else { return nil }
            guard let first = Shift.dayNames.firstIndex(where: { $0.contains(days[0]) }),
                  let last = Shift.dayNames.firstIndex(where: { $0.contains(days.last!) }), first <= last else { return nil }
            for day in first...last {
                guard let shift = Shift(weekday: day + 1, start: start, end: end) else { return nil }
                shifts.append(shift)
            }
        }
        self.init(shifts)
    }

    /// Whether one shift covers the whole range `from`–`to` on `date`.
    public func covers(_ date: LocalDate, from: LocalTime, to: LocalTime) -> Bool {
        shifts.contains { $0.weekday == date.isoWeekday && $0.start <= from && to <= $0.end }
    }

    /// The shifts as written in a pattern, consecutive days with the same hours as a range
    /// (`mon-fri 07:00-13:00, sat 08:00-12:00`), or `-` for none.
    public var description: String { text(language: 0) }

    /// The shifts with the Italian day names (`lun-ven 07:00-13:00, sab 08:00-12:00`), or `-` for none.
    public var italianText: String { text(language: 1) }

    /// The shifts with the day names of `Shift.dayNames` at index `language` (0 English, 1 Italian).
    private func text(language: Int) -> String {
        guard !shifts.isEmpty else { return "-" }
        var pieces: [(first: Int, last: Int, start: LocalTime, end: LocalTime)] = []
        for shift in shifts {
            if let index = pieces.lastIndex(where: { $0.start == shift.start && $0.end == shift.end }), pieces[index].last == shift.weekday - 1,
               index == pieces.count - 1 || !pieces[(index + 1)...].contains(where: { $0.first == shift.weekday }) {
                pieces[index].last = shift.weekday
            } else {
                pieces.append((shift.weekday, shift.weekday, shift.start, shift.end))
            }
        }
        return pieces.sorted { ($0.first, $0.start) < ($1.first, $1.start) }.map { piece in
            let days = Shift.dayNames[piece.first - 1][language] + (piece.last > piece.first ? "-" + Shift.dayNames[piece.last - 1][language] : "")
            return "\(days) \(piece.start)-\(piece.end)"
        }.joined(separator: ", ")
    }
}

/// A period a volunteer (or a vehicle) is not available, both days included.
public struct Absence: Hashable, Sendable, Codable {
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String

    public init(from: LocalDate, to: LocalDate, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Whether the period includes `date`.
    public func includes(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

/// A volunteer of an association, known to the centre only by a pseudonymous code (the
/// association keeps the names).
public struct Volunteer: Hashable, Sendable, Codable {
    /// The association the volunteer serves with.
    public var association: String
    /// The pseudonymous code, unique within the association.
    public var code: String
    /// The driving licence category (`B`, `BE`, `C1`, …), empty for a volunteer who does not drive.
    public var licenceCategory: String
    /// The day the licence expires.
    public var licenceExpiry: LocalDate?
    /// The year of birth (a driver must be at least `VolunteerRules.minimumDriverAge`).
    public var birthYear: Int
    /// The insurance policy under art. 18 of the Codice del Terzo Settore.
    public var insurancePolicy: String
    /// The last day the insurance covers.
    public var insuredUntil: LocalDate?
    /// What the volunteer is trained for: wheelchair, stretcher, escort.
    public var qualifications: Needs
    /// The weekly shifts.
    public var shifts: ShiftPattern
    /// The periods away.
    public var absences: [Absence]

    public init(association: String, code: String, licenceCategory: String, licenceExpiry: LocalDate?, birthYear: Int,
                insurancePolicy: String, insuredUntil: LocalDate?, qualifications: Needs, shifts: ShiftPattern, absences: [Absence] = []) {
        self.association = association
        self.code = code
        self.licenceCategory = licenceCategory
        self.licenceExpiry = licenceExpiry
        self.birthYear = birthYear
        self.insurancePolicy = insurancePolicy
        self.insuredUntil = insuredUntil
        self.qualifications = qualifications
        self.shifts = shifts
        self.absences = absences
    }
}

/// The kinds of vehicle document that expire.
public enum VehicleDocumentKind: String, CaseIterable, Sendable, Codable {
    /// The periodic inspection (*revisione*).
    case inspection
    /// The motor insurance (RC auto).
    case insurance
}

/// The rules a driver, a vehicle and a trip must meet for a confirmation. Pure.
public enum VolunteerRules {
    /// The youngest a driver may be, in years (counted from the year of birth).
    public static let minimumDriverAge = 21
    /// Licence categories that allow driving a car or a minivan.
    public static let drivingCategories: Set<String> = ["B", "B96", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"]
    /// Minutes allowed at each end of a trip for boarding and alighting, beyond the road time.
    public static let boardingMinutes = 10

    /// The time a trip keeps its vehicle and driver busy: an outbound leg from the road time
    /// before its appointment to the appointment; a return leg from its ready time for the road
    /// time. `averageSpeedKmh` turns the estimated distance into minutes.
    public static func window(of trip: TripRequest, estimated: Distance, averageSpeedKmh: Int) -> (start: LocalTime, end: LocalTime) {
        let speed = max(1, averageSpeedKmh)
        let road = (estimated.metres * 60 + speed * 1000 - 1) / (speed * 1000) + boardingMinutes
        let t = trip.appointment.minutes
        let (start, end) = trip.leg == .outbound ? (t - road, t) : (t, t + road)
        return (LocalTime(minutes: max(0, start))!, LocalTime(minutes: min(1439, end))!)
    }

    /// What stops `volunteer` from driving `trip` on its date within `window`: one problem each,
    /// empty when the volunteer may drive it.
    public static func driverProblems(_ volunteer: Volunteer, trip: TripRequest, window: (start: LocalTime, end: LocalTime)) -> [CredentialProblem] {
        var problems = credentialProblems(volunteer, on: trip.date, needs: trip.needs)
        let date = trip.date
        let who = volunteer.code
        if let absence = volunteer.absences.first(where: { $0.includes(date) }) {
            problems.append(.absent(driver: who, from: absence.from, to: absence.to, reason: absence.reason))
        } else if !volunteer.shifts.covers(date, from: window.start, to: window.end) {
            problems.append(.noShift(driver: who, from: window.start, to: window.end, on: date, shifts: volunteer.shifts))
        }
        return problems
    }

    /// What stops `volunteer` from driving a trip with `needs` on `date`, availability aside:
    /// licence, age, insurance, qualifications (what a trip log is checked against).
    public static func credentialProblems(_ volunteer: Volunteer, on date: LocalDate, needs: Needs) -> [CredentialProblem] {
        var problems: [CredentialProblem] = []
        let who = volunteer.code
        if !drivingCategories.contains(volunteer.licenceCategory) {
            problems.append(volunteer.licenceCategory.isEmpty ? .noLicence(driver: who)
                            : .licenceCategory(driver: who, category: volunteer.licenceCategory))
        }
        if let expiry = volunteer.licenceExpiry, expiry < date {
            problems.append(.licenceExpired(driver: who, on: expiry))
        } else if volunteer.licenceExpiry == nil {
            problems.append(.noLicenceExpiry(driver: who))
        }
        if date.year - volunteer.birthYear < minimumDriverAge {
            problems.append(.underAge(driver: who, minimumAge: minimumDriverAge, birthYear: volunteer.birthYear))
        }
        if let until = volunteer.insuredUntil, until < date {
            problems.append(.insuranceEnded(driver: who, policy: volunteer.insurancePolicy, on: until))
        } else if volunteer.insuredUntil == nil || volunteer.insurancePolicy.isEmpty {
            problems.append(.noInsurance(driver: who))
        }
        let missing = Needs(rawValue: needs.rawValue & ~volunteer.qualifications.rawValue)
        if !missing.isEmpty {
            problems.append(.notQualified(driver: who, missing: missing, needs: needs))
        }
        return problems
    }

    /// Whether two time windows overlap.
    public static func overlap(_ a: (start: LocalTime, end: LocalTime), _ b: (start: LocalTime, end: LocalTime)) -> Bool {
        a.start < b.end && b.start < a.end
    }
}
