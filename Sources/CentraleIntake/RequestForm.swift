import CentraleDomain

/// Where a trip starts or ends, as a dispatcher gives it.
public enum StopSpec: Hashable, Sendable {
    /// The beneficiary's home.
    case home
    /// A registered place, by code or (part of) its name.
    case place(String)
    /// An address with coordinates; the comune is the one whose centre is nearest.
    case address(label: String, location: Coordinate)

    /// Parses `home`, `ADDRESS@LAT,LON`, or a place code or name.
    public init(parsing text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed.lowercased() == "home" || trimmed.lowercased() == "casa" { self = .home; return }
        if let at = trimmed.lastIndex(of: "@") {
            let coordinates = trimmed[trimmed.index(after: at)...].split(separator: ",")
            if coordinates.count == 2, let lat = Double(coordinates[0].trimmingSpaces), let lon = Double(coordinates[1].trimmingSpaces) {
                self = .address(label: String(trimmed[..<at]).trimmingSpaces, location: Coordinate(latitude: lat, longitude: lon))
                return
            }
        }
        self = .place(trimmed)
    }
}

/// Repeating a request on some weekdays until a date (e.g. dialysis Mon/Wed/Fri).
public struct Recurrence: Hashable, Sendable {
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    public var weekdays: Set<Int>
    /// The last day (included).
    public var until: LocalDate

    /// Creates a recurrence.
    public init(weekdays: Set<Int>, until: LocalDate) {
        self.weekdays = weekdays
        self.until = until
    }

    /// Parses weekday names (`mon,wed,fri`, Italian `lun,mer,ven` too); nil on an unknown name.
    public static func weekdays(parsing text: String) -> Set<Int>? {
        let names: [String: Int] = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
                                    "lun": 1, "mar": 2, "mer": 3, "gio": 4, "ven": 5, "sab": 6, "dom": 7]
        var result: Set<Int> = []
        for word in text.lowercased().split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }) {
            guard let day = names[String(word.prefix(3))] else { return nil }
            result.insert(day)
        }
        return result.isEmpty ? nil : result
    }

    /// The dates from `first` to `until` that fall on the weekdays.
    public func dates(from first: LocalDate) -> [LocalDate] {
        guard first <= until else { return [] }
        return (first.daysSinceEpoch...until.daysSinceEpoch).map(LocalDate.init(daysSinceEpoch:)).filter { weekdays.contains($0.isoWeekday) }
    }
}

/// A request as a dispatcher enters it: one trip, or a recurring series, with or without return.
public struct RequestForm: Hashable, Sendable {
    /// The beneficiary's code.
    public var beneficiary: String
    /// The (first) day.
    public var date: LocalDate
    /// For a recurring request, the weekdays and the last day.
    public var recurrence: Recurrence?
    /// The appointment time at the destination.
    public var appointment: LocalTime
    /// When the beneficiary is ready to come back, if a return leg is wanted.
    public var returnAt: LocalTime?
    /// Where to pick up and where to go.
    public var from: StopSpec
    public var to: StopSpec
    /// Why.
    public var purpose: TripPurpose
    /// Needs on board, if different from the beneficiary's record.
    public var needs: Needs?

    /// Creates a form.
    public init(beneficiary: String, date: LocalDate, recurrence: Recurrence? = nil, appointment: LocalTime,
                returnAt: LocalTime? = nil, from: StopSpec, to: StopSpec, purpose: TripPurpose, needs: Needs? = nil) {
        self.beneficiary = beneficiary
        self.date = date
        self.recurrence = recurrence
        self.appointment = appointment
        self.returnAt = returnAt
        self.from = from
        self.to = to
        self.purpose = purpose
        self.needs = needs
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
