import CentraleDomain
import CentraleFormats

/// Every problem a trip-log file can have, with the values it names: the trip logs' part of the
/// message catalogue. `italian` and `english` are exhaustive switches, so a problem cannot be
/// missing in either language. The Italian writes km with a decimal comma, dates `dd/mm/yyyy`
/// and columns by their Italian names; a cell is quoted as the user wrote it.
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

    /// What a km cell holds, as the messages name it.
    public enum Quantity: Hashable, Sendable {
        /// An odometer reading.
        case odometerReading
        /// The km of one trip.
        case tripKm

        var italian: String { self == .odometerReading ? "una lettura del contachilometri" : "i km di un servizio" }
        var english: String { self == .odometerReading ? "an odometer reading" : "the km of one trip" }
    }

    /// How a row differs from the trip's recorded log.
    public enum Difference: Hashable, Sendable {
        case km(recorded: Distance, here: Distance)
        case vehicle(recorded: String, here: String)
        case outcome(recorded: TripOutcome, here: TripOutcome)
        case times
        case driver
        case waiting(recorded: Int, here: Int)
        case odometer
        case notes

        var italian: String {
            switch self {
            case let .km(recorded, here): "km: registrati \(LogProblem.km(recorded)), qui \(LogProblem.km(here))"
            case let .vehicle(recorded, here): "mezzo: registrato \(recorded), qui \(here)"
            case let .outcome(recorded, here): "esito: registrato \(recorded.italianName), qui \(here.italianName)"
            case .times: "gli orari sono diversi"
            case .driver: "l'autista è diverso"
            case let .waiting(recorded, here): "attesa: registrati \(recorded) minuti, qui \(here)"
            case .odometer: "il contachilometri è diverso"
            case .notes: "le note sono diverse"
            }
        }

        var english: String {
            switch self {
            case let .km(recorded, here): "km \(recorded) recorded, \(here) here"
            case let .vehicle(recorded, here): "vehicle \(recorded) recorded, \(here) here"
            case let .outcome(recorded, here): "outcome \(recorded.rawValue) recorded, \(here.rawValue) here"
            case .times: "times differ"
            case .driver: "driver differs"
            case let .waiting(recorded, here): "waiting \(recorded) recorded, \(here) here"
            case .odometer: "odometer differs"
            case .notes: "notes differ"
            }
        }
    }

    /// Why two odometer ranges of one vehicle and day cannot both stand.
    public enum Overlap: Hashable, Sendable {
        /// The trips are not on one route of an accepted plan.
        case twoTripsAtOnce
        /// The trips share a route of the accepted plan, but of another vehicle (`routeVehicle`, when known).
        case otherVehicle(routeVehicle: String?, vehicle: String)
        /// The trips share a route, but the readings do not follow its order (`first` is picked up first).
        case outOfOrder(first: Int64)

        var italian: String {
            switch self {
            case .twoTripsAtOnce:
                "un mezzo non può fare due servizi contemporaneamente (salvo che siano nello stesso giro di un piano accettato); "
                    + "correggi le letture del contachilometri"
            case let .otherVehicle(routeVehicle, vehicle):
                "i servizi sono nello stesso giro del piano accettato, ma " + (routeVehicle.map { "sul mezzo \($0)" } ?? "su un altro mezzo")
                    + ", non su \(vehicle): un mezzo non può fare due servizi contemporaneamente; correggi il mezzo o le letture"
            case .outOfOrder(let first):
                "i servizi sono nello stesso giro del piano accettato, ma le letture non ne seguono l'ordine "
                    + "(il servizio \(first) viene preso per primo); correggi le letture"
            }
        }

        var english: String {
            switch self {
            case .twoTripsAtOnce:
                "one vehicle cannot drive two trips at once (unless they share a route of an accepted plan); correct the readings"
            case let .otherVehicle(routeVehicle, vehicle):
                "the trips share a route of the accepted plan, but on \(routeVehicle ?? "another vehicle"), "
                    + "not \(vehicle): one vehicle cannot drive two trips at once; correct the vehicle or the readings"
            case .outOfOrder(let first):
                "the trips share a route of the accepted plan, but the readings do not follow its order "
                    + "(trip \(first) is picked up first); correct the readings"
            }
        }
    }

    public var italian: String {
        switch self {
        case let .fileTooLarge(bytes, limit):
            "il file è di \(bytes / 1_000_000) MB (\(Self.number(bytes)) byte), oltre i \(limit / 1_000_000) MB (\(Self.number(limit)) byte) "
                + "ammessi per un invio; dividilo (un file per mese)"
        case let .tooManyRows(count, limit):
            "il file ha \(Self.number(count)) righe, più delle \(Self.number(limit)) ammesse per un invio; dividilo (un file per mese)"
        case .emptyFile: "il file è vuoto"
        case .controlCharacterInHeader: "un nome di colonna contiene un carattere di controllo; scrivi i nomi come testo semplice"
        case .unknownColumn:
            "colonna sconosciuta; le colonne sono: \(Self.italianColumns) (o i nomi inglesi: \(Self.englishColumns))"
        case .repeatedColumn(let earlier): "indica la stessa colonna di '\(earlier)'; tienine una"
        case .invalidJSON(let detail):
            "non è un JSON valido (\(detail)); serve un array di oggetti come {\"trip\": 123, \"vehicle\": \"FP123AB\", …}"
        case .repeatedKey: "compare due volte nello stesso oggetto; tienine una"
        case .notAnArrayOfLogs: "serve un array di registri dei servizi, o un oggetto con un array \"logs\""
        case .notAnObject(let number): "il registro \(number) non è un oggetto {…}"
        case .unknownField: "campo sconosciuto; i campi sono: \(Self.italianColumns) (o i nomi inglesi: \(Self.englishColumns))"
        case .missingColumn: "manca; ogni registro deve avere viaggio (trip), targa (vehicle), autista (driver) ed esito (outcome)"
        case .missingKm: "manca; indica i km, oppure km_inizio e km_fine (odometer_start e odometer_end)"

        case let .controlCharacter(scalar, value): "contiene il carattere di controllo \(String(scalar)) (in '\(value)'); toglilo"
        case let .ambiguousDecimalMark(raw, first, second):
            "'\(raw)' si legge \(Self.exact(first)) km oppure \(Self.exact(second)) km; questo file scrive i decimali sia con il punto "
                + "sia con la virgola: usa un solo separatore decimale in tutto il file, e nessun separatore delle migliaia"
        case let .implausibleKm(raw, quantity, limit):
            "'\(raw)' è oltre ogni valore plausibile per \(quantity.italian) (da 0 a \(Self.number(limit)) km)"
        case let .notKm(raw, limit, mark, namesMark):
            "'\(raw)' non è un numero di km tra 0 e \(Self.number(limit)) (per esempio \(mark == .comma ? "23,4" : "23.4")"
                + (namesMark ? "; in questo file il separatore decimale è \(mark == .comma ? "la virgola" : "il punto"))" : ")")
        case let .negativeKm(raw, quantity, limit):
            "'\(raw)' è negativo; indica \(quantity.italian) tra 0 e \(Self.number(limit)) km"
        case .notATime(let raw): "'\(raw)' non è un orario; scrivi HH:MM, per esempio 08:15"
        case .notMinutes(let raw): "'\(raw)' non è un numero di minuti tra 0 e 720"
        case .emptyOutcome: "è vuoto; scrivi effettuato, assente, annullato o annullato_tardi"
        case .notAnOutcome(let raw):
            "'\(raw)' non è un esito; scrivi effettuato, assente, annullato o annullato_tardi "
                + "(oppure done, no_show, cancelled_on_spot, cancelled_late)"

        case .empty: "è vuoto"
        case .extraFields(let values):
            "la riga ha \(values.count) \(values.count == 1 ? "campo" : "campi") in più rispetto all'intestazione "
                + "(\(Self.quoted(values))); un valore che contiene il separatore "
                + "(per esempio una virgola nelle note) va scritto tra virgolette doppie"
        case .notATripID(let raw): "'\(raw)' non è un numero di servizio (un numero intero)"
        case let .tripRepeated(trip, line): "il servizio \(trip) è già alla riga \(line) di questo file; tieni una sola riga per servizio"
        case let .noSuchTrip(trip, association): "nessun servizio \(trip) assegnato a \(association)"
        case .cancelledTrip(let trip): "il servizio \(trip) è stato annullato prima di essere svolto; non va registrato"
        case let .futureTrip(trip, date, today):
            "il servizio \(trip) è del \(date.italianText), dopo oggi (\(today.italianText)); registralo dopo che è stato svolto"
        case let .wrongDate(raw, trip, date): "\(raw) non è il giorno del servizio \(trip) (\(date.italianText))"
        case .notADate(let raw): "'\(raw)' non è una data; scrivi 05/10/2026 o 2026-10-05"
        case .emptyVehicle: "è vuoto; indica la targa del mezzo usato"
        case let .notAPlate(raw, maximumLength):
            "'\(raw)' non è una targa; scrivi lettere, cifre, '-' o '/', al massimo \(maximumLength) caratteri"
        case let .notInFleet(plate, association, fleet):
            "'\(plate)' non è tra i mezzi di \(association); usa uno di questi: \(fleet.joined(separator: ", "))"
        case .emptyDriver: "è vuoto; indica il codice volontario dell'autista"
        case let .notAVolunteerCode(raw, maximumLength):
            "'\(raw)' non è un codice volontario; scrivi lettere, cifre, '-' o '/', al massimo \(maximumLength) caratteri "
                + "(il codice, non il nome)"
        case .noWheelchairPlace(let plate): "il mezzo \(plate) non ha un posto per carrozzina, e il beneficiario viaggia in carrozzina"
        case .noStretcher(let plate): "il mezzo \(plate) non ha la barella, e il beneficiario viaggia in barella"
        case let .odometerEndNotAfterStart(end, start): "\(Self.km(end)) non è maggiore di km_inizio \(Self.km(start))"
        case let .kmMismatch(km, odometer):
            "\(Self.km(km)) non corrisponde alle letture del contachilometri (\(Self.km(odometer))); correggi uno dei due valori"
        case .tripTooLong: "più di 2.000 km per un solo servizio; controlla le letture del contachilometri"
        case .oneOdometerReading: "indica entrambe le letture del contachilometri (km_inizio e km_fine), oppure nessuna delle due e i km"
        case .emptyKm(let carriedOut):
            carriedOut ? "è vuoto, e il servizio è stato effettuato; indica i km percorsi, oppure km_inizio e km_fine"
                       : "è vuoto; indica i km percorsi, oppure km_inizio e km_fine"
        case .zeroKm: "0 km per un servizio effettuato; indica i km percorsi"
        case .emptyPickupTime: "è vuoto; un servizio effettuato richiede l'ora di presa (HH:MM)"
        case .emptyDropoffTime: "è vuoto; un servizio effettuato richiede l'ora di arrivo (HH:MM)"
        case let .dropoffBeforePickup(dropoff, pickup): "\(dropoff) è prima della presa alle \(pickup)"
        case let .dropoffWithoutPassenger(dropoff, outcome):
            "c'è l'ora di arrivo \(dropoff), ma l'esito è \(outcome.italianName): nessuno è stato accompagnato; lasciala vuota"
        case .noReason(let outcome):
            "è vuoto, e l'esito è \(outcome.italianName): scrivi il motivo nelle note (per esempio 'beneficiario non in casa')"
        case let .alreadyLogged(trip, differences):
            "il servizio \(trip) è già registrato con altri valori (\(differences.map(\.italian).joined(separator: "; ")))"
        case let .overlapsLine(plate, start, end, line, trip, otherStart, otherEnd, date, why):
            "le letture \(Self.exact(start))–\(Self.exact(end)) km del mezzo \(plate) si sovrappongono alla riga \(line) "
                + "(servizio \(trip), \(Self.exact(otherStart))–\(Self.exact(otherEnd)) km) del \(date.italianText); \(why.italian)"
        case let .overlapsRecorded(plate, start, end, trip, origin, otherStart, otherEnd, date, why):
            "le letture \(Self.exact(start))–\(Self.exact(end)) km del mezzo \(plate) si sovrappongono al servizio \(trip) già registrato"
                + (origin.map { " da \($0)" } ?? "")
                + " (\(Self.exact(otherStart))–\(Self.exact(otherEnd)) km) del \(date.italianText); \(why.italian)"

        case let .driverNotRegistered(driver, association): "l'autista \(driver) non è tra i volontari registrati di \(association)"
        case .credentials(let problems): problems.map(\.italian).joined(separator: "; ")
        }
    }

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

    // MARK: How the Italian writes values

    /// The columns by their English names, as the files and the code name them.
    static var englishColumns: String { LogColumn.allCases.map(\.rawValue).joined(separator: ", ") }
    /// The columns by their Italian names.
    static var italianColumns: String { LogColumn.allCases.map(\.italianName).joined(separator: ", ") }

    /// Values in single quotes, joined by `, `: `'a', 'b'`.
    static func quoted(_ values: [String]) -> String { values.map { "'" + $0 + "'" }.joined(separator: ", ") }

    /// A whole number with `.` between thousands: `2.000.000`.
    static func number(_ value: Int) -> String { ScaledNumber.text(value, scale: 0, digits: 0, form: .italian) }

    /// A distance with one decimal and a decimal comma, as a spreadsheet cell holds it: `45210,1 km`.
    static func km(_ distance: Distance) -> String { distance.kilometresText(.italianCell) + " km" }

    /// Metres as km to the metre, with a decimal comma and without trailing zeros: `45210,05`.
    static func exact(_ metres: Int) -> String {
        String(DecimalText.plain(metres, decimals: 3).map { $0 == "." ? "," : $0 })
    }

    /// A distance to the metre, with a decimal comma: `45210,05`.
    static func exact(_ distance: Distance) -> String { exact(distance.metres) }
}
