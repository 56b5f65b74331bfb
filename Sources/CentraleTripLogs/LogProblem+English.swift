import CentraleDomain
import CentraleFormats

/// The trip-log problems in English.
extension LogProblem {
    public var english: String {
        switch self {
        case let .fileTooLarge(bytes, limit):
            "the file has \(bytes / 1_000_000) MB (\(bytes) bytes), more than the \(limit / 1_000_000) MB (\(limit) bytes) a submission may have; "
                + "split it (one file per month)"
        case let .tooManyRows(count, limit):
            "the file has \(count) rows, more than the \(limit) a submission may have; split it (one file per month)"
        case .emptyFile: "the file is empty"
        case .controlCharacterInHeader: "a column name holds a control character; write the names as plain text"
        case .unknownColumn:
            "unknown column; expected: \(Self.englishColumns)"
                + " (or their Italian names: viaggio, targa, autista, km_inizio, km_fine, ora_presa, ora_arrivo, attesa, esito, note)"
        case .repeatedColumn(let earlier): "names the same column as '\(earlier)'; keep one"
        case .invalidJSON(let detail):
            "is not valid JSON (\(detail)); expected an array of objects like {\"trip\": 123, \"vehicle\": \"FP123AB\", …}"
        case .repeatedKey: "is given twice in the same object; keep one"
        case .notAnArrayOfLogs: "expected an array of trip logs, or an object with a \"logs\" array"
        case .notAnObject(let number): "log \(number) is not an object {…}"
        case .unknownField: "unknown field; expected: \(Self.englishColumns)"
        case .missingColumn: "missing; every log needs trip, vehicle, driver and outcome"
        case .missingKm: "missing; give km, or odometer_start and odometer_end"

        case let .controlCharacter(scalar, value): "contains the control character \(String(scalar)) (in '\(value)'); remove it"
        case let .ambiguousDecimalMark(raw, first, second):
            "'\(raw)' reads as \(DecimalText.plain(first, decimals: 3)) km or as \(DecimalText.plain(second, decimals: 3)) km; "
                + "this file writes decimals both with '.' and with ',': use one decimal mark throughout the file, and no thousands separators"
        case let .implausibleKm(raw, quantity, limit): "'\(raw)' is beyond any plausible value for \(quantity.english) (0 to \(limit) km)"
        case let .notKm(raw, limit, mark, namesMark):
            "'\(raw)' is not a number of km between 0 and \(limit) (e.g. \(mark == .comma ? "23,4" : "23.4")"
                + (namesMark ? "; this file's decimal mark is '\(mark.rawValue)')" : ")")
        case let .negativeKm(raw, quantity, limit): "'\(raw)' is negative; give \(quantity.english) between 0 and \(limit) km"
        case .notATime(let raw): "'\(raw)' is not a time; write HH:MM, e.g. 08:15"
        case .notMinutes(let raw): "'\(raw)' is not a number of minutes between 0 and 720"
        case .emptyOutcome: "is empty; write done, no_show, cancelled_on_spot or cancelled_late"
        case .notAnOutcome(let raw):
            "'\(raw)' is not an outcome; write done, no_show, cancelled_on_spot or cancelled_late "
                + "(effettuato, assente, annullato, annullato_tardi)"

        case .empty: "is empty"
        case .extraFields(let values):
            "the line has \(values.count) field\(values.count == 1 ? "" : "s") more than the header "
                + "(\(Self.quoted(values))); "
                + "a value that contains the separator (e.g. a comma in the notes) must be in double quotes"
        case .notATripID(let raw): "'\(raw)' is not a trip id (a whole number)"
        case let .tripRepeated(trip, line): "trip \(trip) is already on line \(line) of this file; keep one row per trip"
        case let .noSuchTrip(trip, association): "no trip \(trip) assigned to \(association)"
        case .cancelledTrip(let trip): "trip \(trip) was cancelled before it took place; do not log it"
        case let .futureTrip(trip, date, today): "trip \(trip) is on \(date), after today (\(today)); log it once it has taken place"
        case let .wrongDate(raw, trip, date): "\(raw) is not the day of trip \(trip) (\(date))"
        case .notADate(let raw): "'\(raw)' is not a date; write 2026-10-05 or 05/10/2026"
        case .emptyVehicle: "is empty; give the plate of the vehicle used"
        case let .notAPlate(raw, maximumLength):
            "'\(raw)' is not a plate; write letters, digits, '-' or '/', at most \(maximumLength) characters"
        case let .notInFleet(plate, association, fleet):
            "'\(plate)' is not in \(association)'s fleet; use one of \(fleet.joined(separator: ", "))"
        case .emptyDriver: "is empty; give the driver's volunteer code"
        case let .notAVolunteerCode(raw, maximumLength):
            "'\(raw)' is not a volunteer code; write letters, digits, '-' or '/', at most \(maximumLength) characters (a code, not a name)"
        case .noWheelchairPlace(let plate): "\(plate) has no wheelchair place, and the beneficiary travels in a wheelchair"
        case .noStretcher(let plate): "\(plate) carries no stretcher, and the beneficiary travels on one"
        case let .odometerEndNotAfterStart(end, start): "\(end) is not after odometer_start \(start)"
        case let .kmMismatch(km, odometer): "\(km) does not match the odometer readings (\(odometer)); correct one of them"
        case .tripTooLong: "more than 2,000 km for one trip; check the readings"
        case .oneOdometerReading: "give both odometer readings, or neither and km"
        case .emptyKm(let carriedOut):
            carriedOut ? "is empty, and the trip was carried out (done); give the km driven, or odometer_start and odometer_end"
                       : "is empty; give the km driven, or odometer_start and odometer_end"
        case .zeroKm: "0 km for a trip carried out (done); give the km driven"
        case .emptyPickupTime: "is empty; a trip carried out needs the pickup time (HH:MM)"
        case .emptyDropoffTime: "is empty; a trip carried out needs the drop-off time (HH:MM)"
        case let .dropoffBeforePickup(dropoff, pickup): "\(dropoff) is before the pickup at \(pickup)"
        case let .dropoffWithoutPassenger(dropoff, outcome):
            "\(dropoff) given, but the outcome is \(outcome.rawValue): nobody was dropped off; leave it empty"
        case .noReason(let outcome):
            "is empty, and the outcome is \(outcome.rawValue): say why in the notes (e.g. 'beneficiario non in casa')"
        case let .alreadyLogged(trip, differences):
            "trip \(trip) is already logged with other values (\(differences.map(\.english).joined(separator: "; ")))"
        case let .overlapsLine(plate, start, end, line, trip, otherStart, otherEnd, date, why):
            "\(plate)'s \(start.kilometresExact)–\(end.kilometresExact) km overlaps line \(line) (trip \(trip), "
                + "\(otherStart.kilometresExact)–\(otherEnd.kilometresExact) km) on \(date); \(why.english)"
        case let .overlapsRecorded(plate, start, end, trip, origin, otherStart, otherEnd, date, why):
            "\(plate)'s \(start.kilometresExact)–\(end.kilometresExact) km overlaps trip \(trip) already recorded"
                + (origin.map { ", from \($0)" } ?? "")
                + " (\(otherStart.kilometresExact)–\(otherEnd.kilometresExact) km) on \(date); \(why.english)"

        case let .driverNotRegistered(driver, association): "driver \(driver) is not registered with \(association)"
        case .credentials(let problems): problems.map(\.english).joined(separator: "; ")
        }
    }
}
