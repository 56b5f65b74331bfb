import CentraleDomain
import CentraleFormats

/// What is wrong in a registry file (`comuni.csv`, `places.csv`, `associations.csv`,
/// `vehicles.csv`, `convention.toml`), with its typed values, in each language. `italian` and
/// `english` are exhaustive switches, so a message missing in either language does not compile.
/// Keys, columns and values to type stay as the files spell them.
public enum RegistryProblem: Message, Hashable {
    // MARK: convention.toml

    /// A required key is missing from a table (`table`: its dotted name, empty for the top).
    case missingKey(key: String, table: String)
    /// A value of the wrong type.
    case expected(Expectation, found: ValueKind)
    /// A number with more decimals than allowed.
    case tooManyDecimals(text: String, decimals: Int, unit: Unit)
    /// A number out of its range (`lowest`, `highest`: as they are written in the file).
    case outOfRange(text: String, unit: Unit, lowest: String, highest: String)
    /// A date that is not in the calendar.
    case notACalendarDate(text: String)
    /// A key that nothing reads (`known`: the keys of the table).
    case unknownKey(known: [String])
    /// A time zone other than Europe/Rome.
    case timeZoneNotSupported(String)
    /// Not a time `HH:MM`.
    case notATime(text: String)
    /// `shift_end` not after `shift_start`.
    case shiftEndNotAfterStart(start: LocalTime)
    /// No `[[tariff]]` section.
    case tariffMissing
    /// A tariff that ends before it starts.
    case validUntilBeforeFrom(until: LocalDate, from: LocalDate)
    /// Two tariff versions valid on the same days.
    case tariffsOverlap(String, String)
    /// Two tariff versions with the same id.
    case duplicateTariffID(String)

    // MARK: The CSV files

    /// A required cell is empty.
    case emptyCell
    /// Not a whole number in the range.
    case notAWholeNumber(text: String, lowest: Int, highest: Int)
    /// Not a decimal number with at most `decimals` decimals in the range.
    case notADecimal(text: String, decimals: Int)
    /// Not true or false.
    case notABoolean(text: String)
    /// Not a latitude.
    case notALatitude(text: String)
    /// Not a longitude.
    case notALongitude(text: String)
    /// Not one of an enumeration's values.
    case notOneOf(text: String, choices: [String])
    /// An ISTAT code not in comuni.csv.
    case unknownIstatCode(String)
    /// A code already used on an earlier line.
    case duplicateCode(String, firstLine: Int)
    /// Not a plate.
    case notAPlate(String)
    /// An association code not in associations.csv.
    case unknownAssociation(String)
    /// A vehicle with no seat, wheelchair place or stretcher.
    case vehicleCarriesNobody
    /// Not a six-digit ISTAT code.
    case notAnIstatCode(String)
    /// A neighbour not listed in comuni.csv.
    case unknownNeighbour(String)
    /// No comune in the zone.
    case noComuneInZone
    /// An association that serves no comune.
    case servesNothing
    /// A comune served that is not in the zone.
    case servedComuneNotInZone(String)
    /// The associations' shares do not add up to 100 % (`total` in basis points).
    case sharesNotWhole(total: Int)

    // MARK: The folder

    /// A registry file is missing (`files`: the files a folder holds).
    case fileNotFound(files: [String])
    /// An association without vehicles.
    case associationWithoutVehicle(String)

    /// What a key's value should have been.
    public enum Expectation: Hashable, Sendable {
        /// A string in quotes.
        case string
        /// `true` or `false`.
        case boolean
        /// A number in a unit.
        case number(Unit)
        /// A date `YYYY-MM-DD` without quotes.
        case date
        /// A table `{ … }`.
        case table
        /// `[[tariff]]` sections.
        case tariffSections

        func italian(found: ValueKind) -> String {
            switch self {
            case .string: "serve una stringa tra virgolette, non \(found.italian)"
            case .boolean: "serve true o false, non \(found.italian)"
            case .number(let unit): "serve un numero (\(unit.italian)), non \(found.italian)"
            case .date: "serve una data AAAA-MM-GG (senza virgolette), non \(found.italian)"
            case .table: "serve una tabella { … }, non \(found.italian)"
            case .tariffSections: "servono sezioni [[tariff]], non \(found.italian)"
            }
        }

        func english(found: ValueKind) -> String {
            switch self {
            case .string: "expected a string in quotes, found \(found.english)"
            case .boolean: "expected true or false, found \(found.english)"
            case .number(let unit): "expected a number (\(unit.english)), found \(found.english)"
            case .date: "expected a date YYYY-MM-DD (no quotes), found \(found.english)"
            case .table: "expected a table { … }, found \(found.english)"
            case .tariffSections: "expected [[tariff]] sections, found \(found.english)"
            }
        }
    }

    /// The type of a TOML value, as messages name it.
    public enum ValueKind: Hashable, Sendable {
        case string, number, boolean, date, array, table

        /// The kind of `value`.
        public init(_ value: TOMLValue) {
            switch value {
            case .string: self = .string
            case .number: self = .number
            case .bool: self = .boolean
            case .date: self = .date
            case .array: self = .array
            case .table: self = .table
            }
        }

        var italian: String {
            switch self {
            case .string: "una stringa"
            case .number: "un numero"
            case .boolean: "un booleano"
            case .date: "una data"
            case .array: "un array"
            case .table: "una tabella"
            }
        }

        /// As `TOMLValue.typeName` says it.
        var english: String {
            switch self {
            case .string: "a string"
            case .number: "a number"
            case .boolean: "a boolean"
            case .date: "a date"
            case .array: "an array"
            case .table: "a table"
            }
        }
    }

    /// The unit of a number of convention.toml.
    public enum Unit: Hashable, Sendable {
        case minutes, days, percent, km, kmPerHour, euros, eurosPerKm, factor, weight, fraction

        var italian: String {
            switch self {
            case .minutes: "minuti"
            case .days: "giorni"
            case .percent: "percentuale"
            case .km: "km"
            case .kmPerHour: "km/h"
            case .euros: "euro"
            case .eurosPerKm: "euro per km"
            case .factor: "un fattore"
            case .weight: "un peso"
            case .fraction: "una frazione da 0 a 1"
            }
        }

        var english: String {
            switch self {
            case .minutes: "minutes"
            case .days: "days"
            case .percent: "percent"
            case .km: "km"
            case .kmPerHour: "km/h"
            case .euros: "euros"
            case .eurosPerKm: "euros per km"
            case .factor: "a factor"
            case .weight: "a weight"
            case .fraction: "a fraction from 0 to 1"
            }
        }
    }

    public var italian: String {
        switch self {
        case let .missingKey(key, table): "manca; aggiungi `\(key) = …` a [\(table)]"
        case let .expected(expectation, found): expectation.italian(found: found)
        case let .tooManyDecimals(text, decimals, unit):
            "'\(text)' ha più di \(decimals) decimali; scrivilo (\(unit.italian)) con al massimo \(decimals) decimali"
        case let .outOfRange(text, unit, lowest, highest):
            "\(text) è fuori dall'intervallo; serve un valore (\(unit.italian)) tra \(lowest) e \(highest)"
        case .notACalendarDate(let text): "'\(text)' non è una data del calendario"
        case .unknownKey(let known): "chiave sconosciuta; quelle ammesse sono: \(known.joined(separator: ", "))"
        case .timeZoneNotSupported(let zone): "'\(zone)' non è supportato; Centrale lavora nel fuso orario Europe/Rome"
        case .notATime(let text): "'\(text)' non è un orario; scrivilo come \"HH:MM\""
        case .shiftEndNotAfterStart(let start): "deve essere dopo shift_start (\(start)); i turni dei mezzi finiscono in giornata"
        case .tariffMissing: "manca; aggiungi almeno una sezione [[tariff]] con le voci di costo"
        case let .validUntilBeforeFrom(until, from): "il \(until.italianText) è prima di valid_from (\(from.italianText))"
        case let .tariffsOverlap(a, b):
            "le versioni '\(a)' e '\(b)' si sovrappongono; dai a ciascuna il proprio valid_from e chiudi la precedente prima che inizi la successiva"
        case .duplicateTariffID(let id): "due versioni hanno l'id '\(id)'; ogni id deve essere unico"

        case .emptyCell: "è vuoto; compilalo"
        case let .notAWholeNumber(text, lowest, highest): "'\(text)' non è un numero intero tra \(lowest) e \(highest)"
        case let .notADecimal(text, decimals): "'\(text)' non è un numero con al massimo \(decimals) decimali nell'intervallo ammesso"
        case .notABoolean(let text): "'\(text)' non è true o false"
        case .notALatitude(let text): "'\(text)' non è una latitudine in gradi (-90...90, es. 43.7696)"
        case .notALongitude(let text): "'\(text)' non è una longitudine in gradi (-180...180, es. 11.2558)"
        case let .notOneOf(text, choices): "'\(text)' non è tra i valori ammessi: \(choices.joined(separator: ", "))"
        case .unknownIstatCode(let code): "'\(code)' non è un codice ISTAT elencato in comuni.csv"
        case let .duplicateCode(code, firstLine): "'\(code)' è già usato alla riga \(firstLine); i codici devono essere unici"
        case .notAPlate(let plate): "'\(plate)' non è una targa (solo lettere e cifre, es. FP123AB)"
        case .unknownAssociation(let code): "'\(code)' non è un codice elencato in associations.csv"
        case .vehicleCarriesNobody: "il mezzo non trasporta nessuno; indica posti a sedere, un posto carrozzina o una barella"
        case .notAnIstatCode(let code): "'\(code)' non è un codice ISTAT di sei cifre (es. 048041)"
        case .unknownNeighbour(let code): "'\(code)' non è un codice ISTAT elencato in questo file"
        case .noComuneInZone: "nessun comune è nella zona; segna i comuni della zona con in_zone = true"
        case .servesNothing: "è vuoto; elenca i codici ISTAT dei comuni serviti, separati da spazi"
        case .servedComuneNotInZone(let code): "'\(code)' non è il codice ISTAT di un comune della zona (in_zone = true in comuni.csv)"
        case .sharesNotWhole(let total):
            "le quote sommano al \(BasisPoints.percentText(total, digits: 2, form: .italian))%, non al 100%; correggile perché sommino a 100"

        case .fileNotFound(let files): "file non trovato; una cartella del registro contiene \(files.joined(separator: ", "))"
        case .associationWithoutVehicle(let code): "\(code) non ha nessun mezzo; aggiungi almeno una riga per l'associazione"
        }
    }

    public var english: String {
        switch self {
        case let .missingKey(key, table): "is missing; add `\(key) = …` to [\(table)]"
        case let .expected(expectation, found): expectation.english(found: found)
        case let .tooManyDecimals(text, decimals, unit):
            "'\(text)' has more than \(decimals) decimals; write it as \(unit.english) with at most \(decimals) decimals"
        case let .outOfRange(text, unit, lowest, highest):
            "\(text) is out of range; expected \(unit.english) between \(lowest) and \(highest)"
        case .notACalendarDate(let text): "'\(text)' is not a calendar date"
        case .unknownKey(let known): "unknown key; expected one of: \(known.joined(separator: ", "))"
        case .timeZoneNotSupported(let zone): "'\(zone)' is not supported; Centrale works in Europe/Rome"
        case .notATime(let text): "'\(text)' is not a time; write it as \"HH:MM\""
        case .shiftEndNotAfterStart(let start): "must be after shift_start (\(start)); vehicles' shifts end the same day"
        case .tariffMissing: "is missing; add at least one [[tariff]] section with the cost items"
        case let .validUntilBeforeFrom(until, from): "\(until) is before valid_from \(from)"
        case let .tariffsOverlap(a, b):
            "versions '\(a)' and '\(b)' overlap; give each its own valid_from and end the earlier one before the later starts"
        case .duplicateTariffID(let id): "two versions have the id '\(id)'; ids must be unique"

        case .emptyCell: "is empty; fill it in"
        case let .notAWholeNumber(text, lowest, highest): "'\(text)' is not a whole number between \(lowest) and \(highest)"
        case let .notADecimal(text, decimals): "'\(text)' is not a number with at most \(decimals) decimals in the allowed range"
        case .notABoolean(let text): "'\(text)' is not true or false"
        case .notALatitude(let text): "'\(text)' is not a latitude in degrees (-90...90, e.g. 43.7696)"
        case .notALongitude(let text): "'\(text)' is not a longitude in degrees (-180...180, e.g. 11.2558)"
        case let .notOneOf(text, choices): "'\(text)' is not one of: \(choices.joined(separator: ", "))"
        case .unknownIstatCode(let code): "'\(code)' is not an ISTAT code listed in comuni.csv"
        case let .duplicateCode(code, firstLine): "'\(code)' is already used on line \(firstLine); codes must be unique"
        case .notAPlate(let plate): "'\(plate)' is not a plate (letters and digits only, e.g. FP123AB)"
        case .unknownAssociation(let code): "'\(code)' is not a code listed in associations.csv"
        case .vehicleCarriesNobody: "the vehicle carries nobody; give it seats, a wheelchair place or a stretcher"
        case .notAnIstatCode(let code): "'\(code)' is not a six-digit ISTAT code (e.g. 048041)"
        case .unknownNeighbour(let code): "'\(code)' is not an ISTAT code listed in this file"
        case .noComuneInZone: "no comune is in the zone; mark the zone's comuni with in_zone = true"
        case .servesNothing: "is empty; list the ISTAT codes of the comuni served, separated by spaces"
        case .servedComuneNotInZone(let code): "'\(code)' is not the ISTAT code of a comune in the zone (in_zone = true in comuni.csv)"
        case .sharesNotWhole(let total):
            "the shares add up to \(Money(cents: total))%, not 100%; adjust them so that they add up to 100"

        case .fileNotFound(let files): "file not found; a registry folder holds \(files.joined(separator: ", "))"
        case .associationWithoutVehicle(let code): "\(code) has no vehicle; add at least one row for it"
        }
    }
}
