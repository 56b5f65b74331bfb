import CentraleDomain
import CentraleFormats

/// Every problem a trip-log file can have, with the values it names: the trip logs' part of the
/// message catalogue. `italian` and `english` are exhaustive switches, so a problem cannot be
/// missing in either language. The Italian writes km as Italians do (`1.234,5`), dates `dd/mm/yyyy`
/// and columns by their Italian names; a cell is quoted as the user wrote it.
///
/// The cases are here, with how the Italian writes values; the parts of some problems (what a
/// km cell holds, how a row differs from its recorded log, why two readings overlap) in
/// `LogProblem+Parts.swift`; the texts in `LogProblem+Italian.swift` and `LogProblem+English.swift`.
public enum LogProblem: Message, Hashable {
    // MARK: The file (LogParser)

    /// A file over the size a submission may have (`limit` bytes).
    case fileTooLarge(bytes: Int, limit: Int)
    /// A file with more rows than a submission may have.
    case tooManyRows(count: Int, limit: Int)
    /// A CSV file without even a header.
    case emptyFile
    /// A header cell holding a control character.
    case controlCharacterInHeader
    /// A CSV column that is none of `LogColumn`'s names.
    case unknownColumn
    /// A CSV column naming the same column as `earlier`.
    case repeatedColumn(earlier: String)
    /// A JSON file that does not parse (`detail`: the parser's words).
    case invalidJSON(detail: String)
    /// A JSON key given twice in one object.
    case repeatedKey
    /// A JSON file that is neither an array nor `{"logs": [...]}`.
    case notAnArrayOfLogs
    /// The `number`th (1-based) element of a JSON array is not an object.
    case notAnObject(number: Int)
    /// A JSON key that is none of `LogColumn`'s names.
    case unknownField
    /// One of trip, vehicle, driver, outcome missing from the header or object.
    case missingColumn
    /// Neither km nor both odometer readings in the header or object.
    case missingKm

    // MARK: A row's cells (RowCheck)

    /// A cell (`value`) holding a control character.
    case controlCharacter(Unicode.Scalar, value: String)
    /// A km cell read two ways in a file that writes decimals both ways (`first`, `second` in
    /// metres, the reading with the cell's last separator as decimal mark first).
    case ambiguousDecimalMark(raw: String, first: Int, second: Int)
    /// A km cell beyond any plausible value.
    case implausibleKm(raw: String, quantity: Quantity, limit: Int)
    /// A km cell that is not a number; `namesMark` when the message says the file's decimal mark.
    case notKm(raw: String, limit: Int, mark: DecimalMark, namesMark: Bool)
    /// A negative km cell.
    case negativeKm(raw: String, quantity: Quantity, limit: Int)
    /// A time cell that is not a time.
    case notATime(String)
    /// A waiting cell that is not 0 to 720 minutes.
    case notMinutes(String)
    /// An empty outcome.
    case emptyOutcome
    /// An outcome cell that is no outcome.
    case notAnOutcome(String)

    // MARK: A row against the trips (LogValidator)

    /// A cell that is empty (the field says which).
    case empty
    /// A row with fields beyond the header's columns.
    case extraFields([String])
    /// A trip cell that is not a whole number.
    case notATripID(String)
    /// A trip already on `line` of the same file.
    case tripRepeated(trip: Int64, line: Int)
    /// A trip that does not exist or is not the association's.
    case noSuchTrip(trip: Int64, association: String)
    /// A trip cancelled before it took place.
    case cancelledTrip(Int64)
    /// A trip after today.
    case futureTrip(trip: Int64, date: LocalDate, today: LocalDate)
    /// A date cell that is not the trip's day.
    case wrongDate(raw: String, trip: Int64, date: LocalDate)
    /// A date cell that is not a date.
    case notADate(String)
    /// An empty vehicle cell.
    case emptyVehicle
    /// A vehicle cell that is not a plate.
    case notAPlate(String, maximumLength: Int)
    /// A plate not in the association's fleet.
    case notInFleet(plate: String, association: String, fleet: [String])
    /// An empty driver cell.
    case emptyDriver
    /// A driver cell that is not a volunteer code.
    case notAVolunteerCode(String, maximumLength: Int)
    /// A wheelchair trip carried out with a vehicle without a wheelchair place.
    case noWheelchairPlace(plate: String)
    /// A stretcher trip carried out with a vehicle without a stretcher.
    case noStretcher(plate: String)
    /// The odometer at the end not after the one at the start.
    case odometerEndNotAfterStart(end: Distance, start: Distance)
    /// The km cell against the odometer readings.
    case kmMismatch(km: Distance, odometer: Distance)
    /// More than 2,000 km between the odometer readings.
    case tripTooLong
    /// One odometer reading only.
    case oneOdometerReading
    /// No km and no odometer readings (for a trip carried out, when `carriedOut`).
    case emptyKm(carriedOut: Bool)
    /// 0 km for a trip carried out.
    case zeroKm
    /// No pickup time for a trip carried out.
    case emptyPickupTime
    /// No drop-off time for a trip carried out.
    case emptyDropoffTime
    /// A drop-off before the pickup.
    case dropoffBeforePickup(dropoff: LocalTime, pickup: LocalTime)
    /// A drop-off time for an outcome where nobody travelled.
    case dropoffWithoutPassenger(dropoff: LocalTime, outcome: TripOutcome)
    /// No notes for an outcome that needs a reason.
    case noReason(outcome: TripOutcome)
    /// A trip already logged with other values.
    case alreadyLogged(trip: Int64, differences: [Difference])
    /// A vehicle's odometer range overlapping another row's of the same file and day.
    case overlapsLine(plate: String, start: Distance, end: Distance, line: Int, trip: Int64, otherStart: Distance, otherEnd: Distance,
                      date: LocalDate, why: Overlap)
    /// A vehicle's odometer range overlapping a recorded log's of the same day (`origin`: its file and line).
    case overlapsRecorded(plate: String, start: Distance, end: Distance, trip: Int64, origin: String?, otherStart: Distance,
                          otherEnd: Distance, date: LocalDate, why: Overlap)

    // MARK: A log's driver (flagged, not refused)

    /// The driver is not among the association's registered volunteers.
    case driverNotRegistered(driver: String, association: String)
    /// What stops the registered driver from driving the trip that day.
    case credentials([CredentialProblem])

    // MARK: How the Italian writes values

    /// The columns by their English names, as the files and the code name them.
    static var englishColumns: String { LogColumn.allCases.map(\.rawValue).joined(separator: ", ") }
    /// The columns by their Italian names.
    static var italianColumns: String { LogColumn.allCases.map(\.italianName).joined(separator: ", ") }

    /// Values in single quotes, joined by `, `: `'a', 'b'`.
    static func quoted(_ values: [String]) -> String { values.map { "'" + $0 + "'" }.joined(separator: ", ") }

    /// A whole number with `.` between thousands: `2.000.000`.
    static func number(_ value: Int) -> String { ScaledNumber.text(value, scale: 0, digits: 0, form: .italian) }

    /// A distance with one decimal, as Italians write it (a decimal comma, `.` between
    /// thousands), with its unit: `45.210,1 km`.
    static func km(_ distance: Distance) -> String { distance.kilometresText(.italian) + " km" }

    /// Metres as km to the metre, as Italians write them, without trailing zeros: `45.210,05`.
    static func exact(_ metres: Int) -> String {
        let magnitude = metres.magnitude
        // The whole km (a magnitude / 1000 always fits an Int), then the metres as a fraction.
        let whole = ScaledNumber.text(Int(magnitude / 1000), scale: 0, digits: 0, form: .italian)
        let fraction = DecimalText.plain(Int(magnitude % 1000), decimals: 3).drop(while: { $0 != "." })  // "" or ".05"
        return (metres < 0 ? "-" : "") + whole + String(fraction.map { $0 == "." ? "," : $0 })
    }

    /// A distance to the metre, as Italians write it: `45.210,05`.
    static func exact(_ distance: Distance) -> String { exact(distance.metres) }
}
