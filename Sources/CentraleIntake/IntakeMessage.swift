import CentraleDomain
import CentraleFormats

/// The messages of the intake: why a request, a beneficiary's fields or a volunteer's fields
/// are refused, with their typed values, in each language. `italian` and `english` are
/// exhaustive switches, so a message missing in either language does not compile.
///
/// Dates are `dd/mm/yyyy` in Italian and `YYYY-MM-DD` in English (where the English said so),
/// times `HH:MM`; purposes and needs go by their Italian names in Italian (`ItalianNames.swift`).
public enum IntakeMessage: Message, Hashable {
    // MARK: A request

    /// A recurring request that runs past the convention's limit.
    case recurrenceTooLong(until: LocalDate, first: LocalDate, maximumDays: Int)
    /// No beneficiary has the code.
    case unknownBeneficiary(code: String)
    /// The last day of a recurring request is before its first day.
    case untilBeforeFirstDay(until: LocalDate, first: LocalDate)
    /// No day of the period falls on the chosen weekdays.
    case noDayOnWeekdays(first: LocalDate, until: LocalDate)
    /// The return is not after the appointment.
    case returnNotAfterAppointment(back: LocalTime, appointment: LocalTime)
    /// The destination is the pickup.
    case destinationIsPickup
    /// No registered place matches what was typed.
    case noPlaceMatches(query: String)
    /// Several places match what was typed (`codes`: the first few).
    case ambiguousPlace(query: String, count: Int, codes: [String])
    /// A place or an address holds a control character.
    case placeControlCharacter
    /// The beneficiary has no home address on record.
    case noHomeAddress(beneficiary: String)
    /// An address without a label or with invalid coordinates.
    case addressNeedsLabelAndCoordinates
    /// The beneficiary is not active yet on some of the days.
    case notActiveYet(beneficiary: String, dates: [LocalDate], activeFrom: LocalDate)
    /// The beneficiary is suspended on some of the days.
    case suspended(beneficiary: String, dates: [LocalDate], from: LocalDate, to: LocalDate, reason: String)
    /// The beneficiary's record is closed on some of the days.
    case closed(beneficiary: String, closedOn: LocalDate, dates: [LocalDate])
    /// No authorisation covers some of the days (`periods`: the authorisations there are).
    case noAuthorisation(beneficiary: String, dates: [LocalDate], periods: [Period])
    /// The authorisation does not allow the purpose.
    case purposeNotAuthorised(purpose: TripPurpose, beneficiary: String, authorised: Set<TripPurpose>)
    /// The authorisation does not allow the needs.
    case needsNotAuthorised(needs: Needs, beneficiary: String, authorised: Needs)
    /// The request overlaps another trip of the same person.
    case overlap(Overlap)

    // MARK: A beneficiary (a PUA list, `beneficiary add` / `update`)

    /// A PUA list with no header.
    case emptyBeneficiaryFile(required: [String])
    /// A required column is missing from the header.
    case missingColumn(required: [String])
    /// The same codice fiscale on two rows.
    case duplicateCodiceFiscale(code: String, firstLine: Int)
    /// A required field is empty.
    case missing(Wanted)
    /// Not a date (`dd/mm/yyyy`).
    case notADate(text: String)
    /// The codice fiscale is wrong, or says another birth date.
    case codiceFiscale(CodiceFiscaleProblem)
    /// A birth date after today.
    case birthInFuture(LocalDate)
    /// Not a comune of the registry (`exampleName`/`exampleCode`: a comune of the zone to show).
    case unknownComune(text: String, exampleName: String, exampleCode: String?)
    /// Not a referrer.
    case unknownReferrer(text: String)
    /// Not a need.
    case unknownNeed(word: String)
    /// Not a purpose.
    case unknownPurpose(word: String)
    /// The authorisation ends before it starts.
    case authorisationEndsBeforeStart(until: LocalDate, from: LocalDate)
    /// Latitude and longitude that are not coordinates.
    case notCoordinates(latitude: String, longitude: String)
    /// Not a phone number.
    case notAPhone(String)

    // MARK: A volunteer (an association's list, `volunteer add` / `update`)

    /// The same volunteer code on two rows.
    case duplicateVolunteer(code: String, firstLine: Int)
    /// A licence without its expiry date.
    case licenceNeedsExpiry
    /// A list with no volunteer.
    case noVolunteers
    /// Not a volunteer code.
    case notAVolunteerCode(text: String)
    /// Not a licence category.
    case notALicenceCategory(text: String)
    /// Not a date (`YYYY-MM-DD` or `dd/mm/yyyy`).
    case notAVolunteerDate(text: String)
    /// Not a year of birth.
    case notABirthYear(text: String)
    /// Not a qualification.
    case notAQualification(word: String)
    /// Not a weekly pattern of shifts.
    case notAShiftPattern(text: String)

    /// A required field of a beneficiary, as the message asks for it.
    public enum Wanted: Hashable, Sendable {
        case surname, name, codiceFiscale, comune, address, referrer, date, purposes

        var italian: String {
            switch self {
            case .surname: "il cognome"
            case .name: "il nome"
            case .codiceFiscale: "il codice fiscale di 16 caratteri"
            case .comune: "il comune di residenza (nome o codice ISTAT)"
            case .address: "la via e il numero civico, es. Via Roma 12"
            case .referrer: "chi ha segnalato: PUA, servizi sociali, case manager, dimissione ospedaliera, medico di famiglia"
            case .date: "una data come gg/mm/aaaa"
            case .purposes: "i motivi autorizzati, es. dialisi|visita"
            }
        }

        var english: String {
            switch self {
            case .surname: "the surname"
            case .name: "the name"
            case .codiceFiscale: "the 16-character codice fiscale"
            case .comune: "the comune of residence (name or ISTAT code)"
            case .address: "the street and number, e.g. Via Roma 12"
            case .referrer: "who referred: PUA, servizi sociali, case manager, dimissione ospedaliera, medico di famiglia"
            case .date: "a date as dd/mm/yyyy"
            case .purposes: "the purposes allowed, e.g. dialisi|visita"
            }
        }
    }

    /// The validity of an authorisation.
    public struct Period: Hashable, Sendable {
        public var from: LocalDate
        public var until: LocalDate
        public init(from: LocalDate, until: LocalDate) {
            self.from = from
            self.until = until
        }
    }

    /// A trip already booked that a request overlaps, and the two busy spans (minutes of the day).
    public struct Overlap: Hashable, Sendable {
        /// The person's code.
        public var beneficiary: String
        /// The booked trip.
        public var trip: Int64
        public var date: LocalDate
        public var appointment: LocalTime
        /// Where it starts and ends (place code, else label).
        public var from: String
        public var to: String
        /// Its return booked the same day: when the person is ready, and the trip (0 when unknown).
        public var returnReady: Int?
        public var returnTrip: Int64
        /// When the booked outing keeps the person busy.
        public var busyFrom: Int
        public var busyUntil: Int
        /// When the request would keep the person busy.
        public var wantedFrom: Int
        public var wantedUntil: Int

        public init(beneficiary: String, trip: Int64, date: LocalDate, appointment: LocalTime, from: String, to: String,
                    returnReady: Int?, returnTrip: Int64, busyFrom: Int, busyUntil: Int, wantedFrom: Int, wantedUntil: Int) {
            self.beneficiary = beneficiary
            self.trip = trip
            self.date = date
            self.appointment = appointment
            self.from = from
            self.to = to
            self.returnReady = returnReady
            self.returnTrip = returnTrip
            self.busyFrom = busyFrom
            self.busyUntil = busyUntil
            self.wantedFrom = wantedFrom
            self.wantedUntil = wantedUntil
        }

        var italian: String {
            let clock = RequestIntake.clock
            var text = "il beneficiario \(beneficiary) ha già il servizio \(trip) del \(date.italianText) alle \(appointment) (\(from) → \(to)"
            if let returnReady { text += ", ritorno alle \(clock(returnReady)) come servizio \(returnTrip)" }
            text += "), impegnato dalle \(clock(busyFrom)) alle \(clock(busyUntil)), "
            text += "che si sovrappone a questa richiesta (\(clock(wantedFrom))–\(clock(wantedUntil))); "
            text += "cambia l'orario, o annulla prima quel servizio (request cancel \(trip))"
            return text
        }

        var english: String {
            let clock = RequestIntake.clock
            var text = "\(beneficiary) already has trip \(trip) on \(date) at \(appointment) (\(from) → \(to)"
            if let returnReady { text += ", return at \(clock(returnReady)) as trip \(returnTrip)" }
            text += "), busy \(clock(busyFrom))–\(clock(busyUntil)), "
            text += "which overlaps this request (\(clock(wantedFrom))–\(clock(wantedUntil))); "
            text += "change the time, or cancel that trip first (request cancel \(trip))"
            return text
        }
    }

    public var italian: String {
        switch self {
        case let .recurrenceTooLong(until, first, maximumDays):
            "il \(until.italianText) è più di \(maximumDays) giorni dopo il primo giorno (\(first.italianText)); una richiesta ricorrente "
                + "può durare al massimo \(maximumDays) giorni (convention.toml [service] max_recurrence_days): inserisci il periodo "
                + "successivo come nuova richiesta"
        case .unknownBeneficiary(let code): "nessun beneficiario con il codice '\(code)'; controlla il codice"
        case let .untilBeforeFirstDay(until, first): "il \(until.italianText) è prima del primo giorno (\(first.italianText))"
        case let .noDayOnWeekdays(first, until):
            "nessun giorno tra il \(first.italianText) e il \(until.italianText) cade nei giorni della settimana scelti"
        case let .returnNotAfterAppointment(back, appointment):
            "il ritorno alle \(back) non è dopo l'appuntamento delle \(appointment)"
        case .destinationIsPickup: "la destinazione coincide con il luogo di partenza"
        case .noPlaceMatches(let query):
            "nessun luogo corrisponde a '\(query)'; indica un codice come OSP-CAREGGI, un nome, 'casa', "
                + "o un indirizzo come 'Via Roma 1, Signa@43.781,11.098'"
        case let .ambiguousPlace(query, count, codes):
            "'\(query)' corrisponde a \(count) luoghi: \(codes.joined(separator: ", ")); indica il codice"
        case .placeControlCharacter:
            "contiene un carattere di controllo (come ESC); scrivi il luogo o l'indirizzo come testo semplice"
        case .noHomeAddress(let code): "il beneficiario \(code) non ha un indirizzo di casa registrato"
        case .addressNeedsLabelAndCoordinates:
            "un indirizzo richiede una descrizione e coordinate valide, es. 'Via Roma 1, Signa@43.781,11.098'"
        case let .notActiveYet(code, dates, activeFrom):
            "il beneficiario \(code) non è ancora attivo \(Self.italianDays(dates)) (attivo dal \(activeFrom.italianText))"
        case let .suspended(code, dates, from, to, reason):
            "il beneficiario \(code) è sospeso \(Self.italianDays(dates)) (sospensione dal \(from.italianText) al \(to.italianText): \(reason))"
        case let .closed(code, closedOn, dates):
            "il beneficiario \(code) non può viaggiare \(Self.italianDays(dates)): la sua scheda è chiusa dopo il \(closedOn.italianText); "
                + "dopo la chiusura serve una nuova segnalazione"
        case let .noAuthorisation(code, dates, periods):
            "il beneficiario \(code) non ha un'autorizzazione \(Self.italianDays(dates)) (autorizzazioni: \(Self.italianPeriods(periods)))"
        case let .purposeNotAuthorised(purpose, code, authorised):
            "il motivo \(purpose.italianName) non è tra quelli autorizzati per \(code) (motivi autorizzati: \(Self.italianPurposes(authorised)))"
        case let .needsNotAuthorised(needs, code, authorised):
            "l'autorizzazione di \(code) non copre i bisogni \(Self.italianNeeds(needs)) (bisogni autorizzati: \(Self.italianNeeds(authorised)))"
        case .overlap(let overlap): overlap.italian

        case .emptyBeneficiaryFile(let required):
            "il file è vuoto; serve una riga d'intestazione con: \(required.joined(separator: ", "))"
        case .missingColumn(let required): "colonna mancante; l'intestazione deve contenere: \(required.joined(separator: ", "))"
        case let .duplicateCodiceFiscale(code, firstLine): "\(code) è già alla riga \(firstLine); tieni una sola riga per persona"
        case .missing(let wanted): "manca; indica \(wanted.italian)"
        case .notADate(let text): "'\(text)' non è una data; scrivila come gg/mm/aaaa (es. 05/03/2025)"
        case .codiceFiscale(let problem): problem.italian
        case .birthInFuture(let birth): "il \(birth.italianText) è nel futuro; controlla la data di nascita"
        case let .unknownComune(text, exampleName, exampleCode):
            "'\(text)' non è un comune del registro; indica il nome o il codice ISTAT, es. "
                + (exampleCode.map { "\(exampleName) o \($0)" } ?? exampleName)
        case .unknownReferrer(let text):
            "'\(text)' non è un segnalante; scrivi PUA, servizi sociali, case manager, dimissione ospedaliera o medico di famiglia"
        case .unknownNeed(let word):
            "'\(word)' non è un bisogno; scrivi carrozzina, barella, accompagnatore (o familiare), separati da , o |"
        case .unknownPurpose(let word):
            "'\(word)' non è un motivo; scrivi dialisi, riabilitazione, terapia, visita, centro_diurno, ricovero o sociale, separati da , o |"
        case let .authorisationEndsBeforeStart(until, from):
            "l'autorizzazione termina il \(until.italianText), prima di iniziare il \(from.italianText); controlla il periodo"
        case let .notCoordinates(latitude, longitude):
            "'\(latitude)', '\(longitude)' non sono coordinate; scrivi ad esempio 43.755 e 11.189"
        case .notAPhone(let phone):
            "'\(phone)' non è un numero di telefono; scrivi le cifre, es. 055 123456 o +39 333 1234567"

        case let .duplicateVolunteer(code, firstLine): "\(code) è già alla riga \(firstLine); una sola riga per volontario"
        case .licenceNeedsExpiry: "una patente richiede la sua data di scadenza, es. 2031-05-31"
        case .noVolunteers: "nessun volontario nel file; una riga per volontario dopo l'intestazione"
        case .notAVolunteerCode(let text):
            "'\(text)' non è un codice: usa fino a 20 lettere, cifre, - o / (es. V001); mai il nome della persona"
        case .notALicenceCategory(let text):
            "'\(text)' non è una categoria di patente; usa una tra B, B96, BE, C1, C1E, C, CE, D1, D1E, D, DE (vuoto se non guida)"
        case .notAVolunteerDate(let text): "'\(text)' non è una data; scrivi AAAA-MM-GG o gg/mm/aaaa"
        case .notABirthYear(let text): "'\(text)' non è un anno di nascita; scrivi quattro cifre, es. 1962"
        case .notAQualification(let word):
            "'\(word)' non è una qualifica; usa carrozzina, barella o accompagnamento (wheelchair, stretcher, escort)"
        case .notAShiftPattern(let text):
            "'\(text)' non è un calendario di turni; scrivi GIORNO[-GIORNO] HH:MM-HH:MM, separati da virgole, "
                + "es. lun-ven 07:00-13:00, sab 08:00-12:00 (giorni anche in inglese: mon tue wed thu fri sat sun)"
        }
    }

    public var english: String {
        switch self {
        case let .recurrenceTooLong(until, first, maximumDays):
            "\(until) is more than \(maximumDays) days after the first day \(first); a recurring request may run at most \(maximumDays) days "
                + "(convention.toml [service] max_recurrence_days): enter a later period as a new request"
        case .unknownBeneficiary(let code): "no beneficiary with code '\(code)'; check the code"
        case let .untilBeforeFirstDay(until, first): "\(until) is before the first day \(first)"
        case let .noDayOnWeekdays(first, until): "no day between \(first) and \(until) falls on the chosen weekdays"
        case let .returnNotAfterAppointment(back, appointment): "the return at \(back) is not after the appointment at \(appointment)"
        case .destinationIsPickup: "the destination is the same as the pickup"
        case .noPlaceMatches(let query):
            "no place matches '\(query)'; give a code such as OSP-CAREGGI, a name, 'home', or an address as 'Via Roma 1, Signa@43.781,11.098'"
        case let .ambiguousPlace(query, count, codes): "'\(query)' matches \(count) places: \(codes.joined(separator: ", ")); give the code"
        case .placeControlCharacter: "holds a control character (such as ESC); type the place or the address as plain text"
        case .noHomeAddress(let code): "\(code) has no home address on record"
        case .addressNeedsLabelAndCoordinates: "an address needs a label and valid coordinates, e.g. 'Via Roma 1, Signa@43.781,11.098'"
        case let .notActiveYet(code, dates, activeFrom): "\(code) is not active yet on \(Self.englishDays(dates)) (active from \(activeFrom))"
        case let .suspended(code, dates, from, to, reason): "\(code) is suspended on \(Self.englishDays(dates)) (\(from)–\(to): \(reason))"
        case let .closed(code, closedOn, dates):
            "\(code) is closed after \(closedOn) and cannot travel on \(Self.englishDays(dates)); a closed person needs a new referral"
        case let .noAuthorisation(code, dates, periods):
            "\(code) has no authorisation on \(Self.englishDays(dates)) (authorised \(Self.englishPeriods(periods)))"
        case let .purposeNotAuthorised(purpose, code, authorised):
            "\(purpose.rawValue) is not a purpose \(code) is authorised for (authorised: \(Self.englishPurposes(authorised)))"
        case let .needsNotAuthorised(needs, code, authorised):
            "\(needs) is not in \(code)'s authorisation (authorised needs: \(authorised))"
        case .overlap(let overlap): overlap.english

        case .emptyBeneficiaryFile(let required): "the file is empty; expected a header with: \(required.joined(separator: ", "))"
        case .missingColumn(let required): "missing column; the header must name: \(required.joined(separator: ", "))"
        case let .duplicateCodiceFiscale(code, firstLine): "\(code) is already on line \(firstLine); keep one row per person"
        case .missing(let wanted): "missing; give \(wanted.english)"
        case .notADate(let text): "'\(text)' is not a date; write it as dd/mm/yyyy (e.g. 05/03/2025)"
        case .codiceFiscale(let problem): problem.english
        case .birthInFuture(let birth): "\(birth.italianText) is in the future; check the birth date"
        case let .unknownComune(text, exampleName, exampleCode):
            "'\(text)' is not a comune of the registry; give its name or ISTAT code, e.g. "
                + (exampleCode.map { "\(exampleName) or \($0)" } ?? exampleName)
        case .unknownReferrer(let text):
            "'\(text)' is not a referrer; write PUA, servizi sociali, case manager, dimissione ospedaliera or medico di famiglia"
        case .unknownNeed(let word):
            "'\(word)' is not a need; write carrozzina, barella, accompagnatore (or familiare), separated by , or |"
        case .unknownPurpose(let word):
            "'\(word)' is not a purpose; write dialisi, riabilitazione, terapia, visita, centro_diurno, ricovero or sociale, separated by , or |"
        case let .authorisationEndsBeforeStart(until, from):
            "the authorisation ends on \(until.italianText) before it starts on \(from.italianText); check the period"
        case let .notCoordinates(latitude, longitude): "'\(latitude)', '\(longitude)' are not coordinates; write e.g. 43.755 and 11.189"
        case .notAPhone(let phone): "'\(phone)' is not a phone number; write digits, e.g. 055 123456 or +39 333 1234567"

        case let .duplicateVolunteer(code, firstLine): "\(code) is already on line \(firstLine); give each volunteer one line"
        case .licenceNeedsExpiry: "a licence needs its expiry date, e.g. 2031-05-31"
        case .noVolunteers: "no volunteers in the file; one line per volunteer after the header"
        case .notAVolunteerCode(let text):
            "'\(text)' is not a code: use up to 20 letters, digits, - or / (e.g. V001); never the person's name"
        case .notALicenceCategory(let text):
            "'\(text)' is not a licence category; use one of B, B96, BE, C1, C1E, C, CE, D1, D1E, D, DE (empty if they do not drive)"
        case .notAVolunteerDate(let text): "'\(text)' is not a date; write YYYY-MM-DD or dd/mm/yyyy"
        case .notABirthYear(let text): "'\(text)' is not a year of birth; write four digits, e.g. 1962"
        case .notAQualification(let word):
            "'\(word)' is not a qualification; use wheelchair, stretcher or escort (carrozzina, barella, accompagnamento)"
        case .notAShiftPattern(let text):
            "'\(text)' is not a pattern of shifts; write DAY[-DAY] HH:MM-HH:MM, comma-separated, "
                + "e.g. mon-fri 07:00-13:00, sat 08:00-12:00 (Italian days: lun mar mer gio ven sab dom)"
        }
    }

    /// Up to three days listed, else how many and the first and last: `on 2025-03-10, 2025-03-12`,
    /// `4 of the days (2025-03-10 … 2025-03-19)` (after "on").
    static func englishDays(_ dates: [LocalDate]) -> String {
        dates.count <= 3 ? dates.map(\.description).joined(separator: ", ")
                         : "\(dates.count) of the days (\(dates[0]) … \(dates[dates.count - 1]))"
    }

    /// The same in Italian, with its preposition: `il 10/03/2025`, `il 10/03/2025 e il 12/03/2025`,
    /// `in 4 dei giorni (dal 10/03/2025 al 19/03/2025)`.
    static func italianDays(_ dates: [LocalDate]) -> String {
        let days = dates.map { "il \($0.italianText)" }
        switch dates.count {
        case 0: return ""
        case 1...3: return days.count == 1 ? days[0] : days.dropLast().joined(separator: ", ") + " e " + days[days.count - 1]
        default: return "in \(dates.count) dei giorni (dal \(dates[0].italianText) al \(dates[dates.count - 1].italianText))"
        }
    }

    /// Periods as `2025-02-01–2026-01-31, …`.
    static func englishPeriods(_ periods: [Period]) -> String {
        periods.map { "\($0.from)–\($0.until)" }.joined(separator: ", ")
    }

    /// Periods as `dal 01/02/2025 al 31/01/2026, …`.
    static func italianPeriods(_ periods: [Period]) -> String {
        periods.map { "dal \($0.from.italianText) al \($0.until.italianText)" }.joined(separator: ", ")
    }

    /// Purposes by their codes in the domain's order, joined by `,` (`dialysis,visit`), or `none`.
    static func englishPurposes(_ purposes: Set<TripPurpose>) -> String {
        let codes = TripPurpose.allCases.filter { purposes.contains($0) }.map(\.rawValue)
        return codes.isEmpty ? "none" : codes.joined(separator: ",")
    }

    /// Purposes by their Italian names in the domain's order (`dialisi, visita`), or `nessuno`.
    static func italianPurposes(_ purposes: Set<TripPurpose>) -> String {
        let names = TripPurpose.allCases.filter { purposes.contains($0) }.map(\.italianName)
        return names.isEmpty ? "nessuno" : names.joined(separator: ", ")
    }

    /// Needs by their Italian names (`carrozzina, barella`), or `nessuno`.
    static func italianNeeds(_ needs: Needs) -> String {
        let names = needs.italianNames
        return names.isEmpty ? "nessuno" : names.joined(separator: ", ")
    }
}
