import CentraleDomain
import CentraleFormats
import Foundation

/// One row of a PUA list, read and checked.
public struct ImportedBeneficiary: Hashable, Sendable {
    /// The line of the file it comes from.
    public var line: Int
    public var entry: BeneficiaryEntry
}

/// Reads the list of people a PUA or a comune's office exports (CSV, Italian headers), and
/// the fields of `beneficiary add` / `update`. Pure: the caller reads the file and gives
/// today's date and the registry's comuni.
public struct BeneficiaryImport: Sendable {
    /// The comuni of the registry (a `comune` is a name or an ISTAT code).
    public let comuni: [Comune]
    /// Today: a birth date after it is refused.
    public let today: LocalDate

    public init(comuni: [Comune], today: LocalDate) {
        self.comuni = comuni
        self.today = today
    }

    /// The columns of the file, in the template's order.
    public static let columns = ["cognome", "nome", "codice_fiscale", "data_nascita", "telefono", "indirizzo", "comune", "segnalato_da",
                                 "referente", "ruolo_referente", "data_segnalazione", "riferimento_pai", "bisogni", "motivi",
                                 "valido_dal", "valido_al", "caregiver", "telefono_caregiver", "note_autista"]
    /// The columns a file must have.
    public static let required = ["cognome", "nome", "codice_fiscale", "data_nascita", "indirizzo", "comune", "segnalato_da",
                                  "data_segnalazione", "motivi", "valido_dal", "valido_al"]

    /// The header and an example row (`beneficiary template`), as Italian Excel saves a CSV: `;`
    /// between cells, `dd/mm/yyyy` dates, CRLF after every line.
    public static let template = columns.joined(separator: ";") + "\r\n"
        + "Bellè;Niccolò;BLLNCL40A01D612A;01/01/1940;055 123456|333 1234567;Via Roma 12;Scandicci;PUA;Maria Rossi;assistente sociale;"
        + "15/01/2025;PAI-2025-0042;carrozzina,accompagnatore;dialisi|visita;01/02/2025;31/01/2026;Giulia Bellè;333 7654321;terzo piano senza ascensore\r\n"

    /// Other header names offices write, folded, to the canonical column.
    static let aliases: [String: String] = [
        "codice fiscale": "codice_fiscale", "cf": "codice_fiscale", "codicefiscale": "codice_fiscale",
        "data nascita": "data_nascita", "data di nascita": "data_nascita", "nato il": "data_nascita",
        "telefoni": "telefono", "cellulare": "telefono", "recapito": "telefono",
        "indirizzo residenza": "indirizzo", "via": "indirizzo", "segnalato da": "segnalato_da", "segnalante": "segnalato_da", "inviante": "segnalato_da",
        "ruolo": "ruolo_referente", "ruolo referente": "ruolo_referente", "data segnalazione": "data_segnalazione",
        "riferimento pai": "riferimento_pai", "pai": "riferimento_pai", "uvm": "riferimento_pai", "rif pai": "riferimento_pai",
        "necessita": "bisogni", "ausili": "bisogni", "motivo": "motivi", "finalita": "motivi",
        "valido dal": "valido_dal", "dal": "valido_dal", "valido al": "valido_al", "al": "valido_al",
        "telefono caregiver": "telefono_caregiver", "familiare": "caregiver", "note": "note_autista", "note autista": "note_autista",
        "numero civico": "civico", "n civico": "civico", "lat": "latitudine", "lon": "longitudine",
    ]

    /// Decodes a file's bytes: UTF-8, else Windows-1252 (as older office programs save).
    public static func decode(_ data: Data) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }

    /// Reads a whole file: every row checked, every problem listed at once.
    /// - Throws: `FieldErrors` (`FILE:LINE: field: what is wrong`) if any row is wrong.
    public func read(_ data: Data, fileName: String) throws -> [ImportedBeneficiary] {
        let records = try CSVReader(fileName: fileName).read(Self.decode(data))
        guard let header = records.first else {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 1), field: "", IntakeMessage.emptyBeneficiaryFile(required: Self.required))])
        }
        let names = header.fields.map { raw -> String in
            let key = TextFolding.fold(raw.trimmingCharacters(in: " \t\u{FEFF}")).replacingOccurrences(of: "_", with: " ")
                .replacingOccurrences(of: ".", with: " ").split(separator: " ").joined(separator: " ")
            return Self.aliases[key] ?? key.replacingOccurrences(of: " ", with: "_")
        }
        let missing = Self.required.filter { !names.contains($0) }
        if !missing.isEmpty {
            throw FieldErrors(missing.map { FieldError(SourceLocation(file: fileName, line: header.line), field: $0,
                                                       IntakeMessage.missingColumn(required: Self.required)) })
        }
        var errors: [FieldError] = []
        var result: [ImportedBeneficiary] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            var fields: [String: String] = [:]
            for (index, name) in names.enumerated() where index < record.fields.count {
                fields[name] = record.fields[index].trimmingCharacters(in: " \t")
            }
            if fields.values.allSatisfy(\.isEmpty) { continue }
            let location = SourceLocation(file: fileName, line: record.line)
            switch entry(fields) {
            case .success(let entry):
                if let first = seen[entry.personal.codiceFiscale] {
                    errors.append(FieldError(location, field: "codice_fiscale",
                                             IntakeMessage.duplicateCodiceFiscale(code: entry.personal.codiceFiscale, firstLine: first)))
                } else {
                    seen[entry.personal.codiceFiscale] = record.line
                    result.append(ImportedBeneficiary(line: record.line, entry: entry))
                }
            case .failure(let problems):
                errors += problems.problems.map { FieldError(location, field: $0.field, $0.message) }
            }
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        return result
    }

    /// Checks one person's fields (file columns, or `add` flags under the same names).
    public func entry(_ fields: [String: String]) -> Result<BeneficiaryEntry, IntakeRefusal> {
        var problems: [IntakeProblem] = []
        func value(_ name: String) -> String { fields[name] ?? "" }
        func required(_ name: String, _ what: IntakeMessage.Wanted) -> String? {
            let v = value(name)
            if v.isEmpty { problems.append(IntakeProblem(name, .missing(what))); return nil }
            return v
        }
        func date(_ name: String, required isRequired: Bool = true) -> LocalDate? {
            let text = value(name)
            if text.isEmpty {
                if isRequired { problems.append(IntakeProblem(name, .missing(.date))) }
                return nil
            }
            guard let day = Self.parseDate(text) else {
                problems.append(IntakeProblem(name, .notADate(text: text)))
                return nil
            }
            return day
        }
        let surname = required("cognome", .surname)
        let name = required("nome", .name)
        var cf: String?
        if let raw = required("codice_fiscale", .codiceFiscale) {
            let code = raw.uppercased().filter { !$0.isWhitespace }
            if let problem = CodiceFiscale.problem(code) { problems.append(IntakeProblem("codice_fiscale", .codiceFiscale(problem))) } else { cf = code }
        }
        let birth = date("data_nascita")
        if let birth, birth > today {
            problems.append(IntakeProblem("data_nascita", .birthInFuture(birth)))
        } else if let birth, let cf, let problem = CodiceFiscale.birthDateProblem(cf, birth: birth) {
            problems.append(IntakeProblem("data_nascita", .codiceFiscale(problem)))
        }
        var comune: Comune?
        if let text = required("comune", .comune) {
            comune = findComune(text)
            if comune == nil {
                let example = comuni.first(where: \.inZone)
                problems.append(IntakeProblem("comune", .unknownComune(text: text, exampleName: example?.name ?? "Scandicci",
                                                                       exampleCode: example?.istatCode)))
            }
        }
        let address = required("indirizzo", .address)
        var referral: Referral?
        if let text = required("segnalato_da", .referrer) {
            referral = Self.referral(text)
            if referral == nil {
                problems.append(IntakeProblem("segnalato_da", .unknownReferrer(text: text)))
            }
        }
        let referredOn = date("data_segnalazione")
        var needs = Needs(), companion = false
        for word in Self.words(value("bisogni")) {
            switch word {
            case "carrozzina", "sedia a rotelle", "wheelchair": needs.insert(.wheelchair)
            case "barella", "stretcher": needs.insert(.stretcher)
            case "accompagnatore", "escort": needs.insert(.escort)
            case "familiare", "accompagnamento familiare", "companion": companion = true
            case "nessuno", "-": break
            default:
                problems.append(IntakeProblem("bisogni", .unknownNeed(word: word)))
            }
        }
        var purposes: Set<TripPurpose> = []
        let purposeWords = Self.words(value("motivi"))
        if purposeWords.isEmpty { problems.append(IntakeProblem("motivi", .missing(.purposes))) }
        for word in purposeWords {
            if let purpose = Self.purpose(word) { purposes.insert(purpose) } else {
                problems.append(IntakeProblem("motivi", .unknownPurpose(word: word)))
            }
        }
        let from = date("valido_dal"), until = date("valido_al")
        if let from, let until, until < from {
            problems.append(IntakeProblem("valido_al", .authorisationEndsBeforeStart(until: until, from: from)))
        }
        var position = comune?.centroid, approximate = true
        let lat = value("latitudine"), lon = value("longitudine")
        if !lat.isEmpty || !lon.isEmpty {
            if let la = Double(lat.replacingOccurrences(of: ",", with: ".")), let lo = Double(lon.replacingOccurrences(of: ",", with: ".")),
               Coordinate(latitude: la, longitude: lo).isValid {
                position = Coordinate(latitude: la, longitude: lo); approximate = false
            } else {
                problems.append(IntakeProblem("latitudine", .notCoordinates(latitude: lat, longitude: lon)))
            }
        }
        // A phone is digits, spaces and + ( ) . - (at least 4 digits), as many as given, separated by | or /.
        for field in ["telefono", "telefono_caregiver"] {
            for phone in value(field).split(whereSeparator: { $0 == "|" || $0 == "/" }).map({ String($0).trimmingCharacters(in: .whitespaces) }) where !phone.isEmpty {
                let digits = phone.filter { $0.isASCII && $0.isNumber }.count
                if digits < 4 || !phone.allSatisfy({ ($0.isASCII && $0.isNumber) || " +().-".contains($0) }) {
                    problems.append(IntakeProblem(field, .notAPhone(phone)))
                }
            }
        }
        guard problems.isEmpty, let surname, let name, let cf, let birth, let comune, let address, let referral, let referredOn,
              let from, let until, let position else {
            return .failure(IntakeRefusal(problems: problems))
        }
        var street = address, number = value("civico")
        if number.isEmpty, let last = address.split(separator: " ").last, last.first?.isNumber == true, address.contains(" ") {
            number = String(last)
            street = String(address.dropLast(last.count)).trimmingCharacters(in: " ,")
        }
        let phones = value("telefono").split(whereSeparator: { $0 == "|" || $0 == "/" }).map { String($0).trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty }
        let personal = PersonalRecord(surname: surname, name: name, codiceFiscale: cf, birthDate: birth, phones: phones, street: street,
                                      houseNumber: number, comune: comune.istatCode, position: position, positionApproximate: approximate,
                                      caregiver: value("caregiver"), caregiverPhone: value("telefono_caregiver"), driverNotes: value("note_autista"))
        return .success(BeneficiaryEntry(
            personal: personal,
            referral: ReferralRecord(by: referral, referrerName: value("referente"), referrerRole: value("ruolo_referente"),
                                     date: referredOn, paiReference: value("riferimento_pai")),
            authorisation: Authorisation(purposes: purposes, needs: needs, companionAllowed: companion, validFrom: from, validUntil: until)))
    }

    /// The comune named `text` (name or ISTAT code, case and accents ignored).
    public func findComune(_ text: String) -> Comune? {
        let key = TextFolding.fold(text.trimmingCharacters(in: " "))
        return comuni.first { $0.istatCode == key } ?? comuni.first { TextFolding.fold($0.name) == key }
    }

    /// `dd/mm/yyyy` (also `dd-mm-yyyy`, `dd.mm.yyyy`) or `yyyy-mm-dd`.
    public static func parseDate(_ text: String) -> LocalDate? {
        if let iso = LocalDate(text) { return iso }
        let parts = text.split(whereSeparator: { "/-.".contains($0) })
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// A date as dd/mm/yyyy.
    public static func format(_ day: LocalDate) -> String {
        day.italianText
    }

    /// The words of a list separated by `,` or `|` (folded).
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == ";" }).map { TextFolding.fold(String($0)).trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty }
    }

    /// A referrer as offices write it.
    public static func referral(_ text: String) -> Referral? {
        let key = TextFolding.fold(text).replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: " ")
        if let exact = Referral(rawValue: key.replacingOccurrences(of: " ", with: "_")) { return exact }
        switch key {
        case "pua", "punto unico di accesso": return .pua
        case "servizi sociali", "servizio sociale", "assistente sociale", "comune", "social services": return .socialServices
        case "case manager", "infermiere di famiglia": return .caseManager
        case "dimissione ospedaliera", "dimissione", "ospedale", "hospital discharge": return .hospitalDischarge
        case "medico di famiglia", "mmg", "medico curante", "family doctor": return .familyDoctor
        default: return nil
        }
    }

    /// A purpose as offices write it (Italian or the English code).
    public static func purpose(_ word: String) -> TripPurpose? { TripPurpose(italianOrCode: word) }
}
