import CentraleDomain
import CentraleFormats
import Foundation

/// Reads an association's list of volunteers (CSV, English or Italian headers), and the fields
/// of `volunteer add` / `update`. Pure: the caller reads the file and gives today's date.
public struct VolunteerImport: Sendable {
    /// The association the volunteers serve with.
    public let association: String
    /// Today: a year of birth after it is refused.
    public let today: LocalDate

    public init(association: String, today: LocalDate) {
        self.association = association
        self.today = today
    }

    /// The columns, in the template's order.
    public static let columns = ["code", "licence", "licence_expiry", "birth_year", "insurance_policy", "insured_until", "qualifications", "shifts"]
    /// The columns a file must have.
    public static let required = ["code", "birth_year"]
    /// Italian (and other) header names, folded, to the canonical column.
    public static let aliases: [String: String] = [
        "codice": "code", "codice volontario": "code", "codice_volontario": "code", "pseudonimo": "code",
        "patente": "licence", "categoria patente": "licence", "categoria_patente": "licence", "license": "licence",
        "scadenza patente": "licence_expiry", "scadenza_patente": "licence_expiry", "licence expiry": "licence_expiry",
        "anno nascita": "birth_year", "anno_nascita": "birth_year", "anno di nascita": "birth_year", "birth year": "birth_year",
        "polizza": "insurance_policy", "assicurazione": "insurance_policy", "insurance": "insurance_policy",
        "assicurato fino al": "insured_until", "assicurato_fino_al": "insured_until", "scadenza polizza": "insured_until",
        "scadenza_polizza": "insured_until", "scadenza assicurazione": "insured_until",
        "qualifiche": "qualifications", "abilitazioni": "qualifications", "turni": "shifts", "disponibilita": "shifts", "disponibilità": "shifts",
    ]

    /// The columns' Italian names, as an Italian run's messages name a column the file does not
    /// have (one the file has is named as its header writes it).
    public static let italianNames: [String: String] = [
        "code": "codice", "licence": "patente", "licence_expiry": "scadenza_patente", "birth_year": "anno_nascita",
        "insurance_policy": "polizza", "insured_until": "scadenza_polizza", "qualifications": "qualifiche", "shifts": "turni",
    ]

    /// The header and an example row (Italian day names and qualifications are accepted too).
    public static let template = columns.joined(separator: ";") + "\n"
        + "V001;B;2031-05-31;1962;UNIPOL-123456;2026-12-31;wheelchair+escort;mon-fri 07:00-13:00, sat 08:00-12:00\n"

    /// Reads a whole file: every row checked, every problem listed at once.
    /// - Throws: `FieldErrors` (`FILE:LINE: field: what is wrong`) if any row is wrong, or the
    ///   header's `FieldError`.
    public func read(_ data: Data, fileName: String) throws -> [Volunteer] {
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
        let table = try CSVTable(text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, fileName: fileName,
                                 required: Self.required, aliases: Self.aliases, known: Self.columns, italianNames: Self.italianNames)
        var errors: [FieldError] = []
        var result: [Volunteer] = []
        var seen: [String: Int] = [:]
        for row in table.rows where !row.fields.allSatisfy({ $0.trimmingCharacters(in: " \t").isEmpty }) {
            let location = table.location(of: row)
            var rowErrors: [FieldError] = []
            func field<T>(_ name: String, _ parse: (String) throws -> T) -> T? {
                do { return try parse(table.value(name, in: row)) } catch let error as VolunteerFieldProblem {
                    rowErrors.append(FieldError(location, named: table.fieldName(name), error.message))
                    return nil
                } catch {
                    rowErrors.append(FieldError(location, named: table.fieldName(name), Verbatim("\(error)")))
                    return nil
                }
            }
            let code = field("code", Self.code)
            let licence = field("licence", Self.licence)
            let licenceExpiry = field("licence_expiry", Self.optionalDate)
            let birthYear = field("birth_year") { try Self.birthYear($0, today: today) }
            let policy = table.value("insurance_policy", in: row)
            let insuredUntil = field("insured_until", Self.optionalDate)
            let qualifications = field("qualifications", Self.qualifications)
            let shifts = field("shifts", Self.shifts)
            if let code, let first = seen[code] {
                rowErrors.append(FieldError(location, named: table.fieldName("code"), IntakeMessage.duplicateVolunteer(code: code, firstLine: first)))
            }
            if let licence, !licence.isEmpty, licenceExpiry == nil, rowErrors.isEmpty {
                rowErrors.append(FieldError(location, named: table.fieldName("licence_expiry"), IntakeMessage.licenceNeedsExpiry))
            }
            if rowErrors.isEmpty, let code, let licence, let licenceExpiry, let birthYear, let insuredUntil, let qualifications, let shifts {
                seen[code] = row.line
                result.append(Volunteer(association: association, code: code, licenceCategory: licence, licenceExpiry: licenceExpiry,
                                        birthYear: birthYear, insurancePolicy: policy, insuredUntil: insuredUntil,
                                        qualifications: qualifications, shifts: shifts))
            }
            errors += rowErrors
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        if result.isEmpty {
            throw FieldErrors([FieldError(SourceLocation(file: fileName, line: 2), field: "", IntakeMessage.noVolunteers)])
        }
        return result
    }

    // MARK: The fields, shared with `volunteer add` and `update`

    /// A pseudonymous code: letters, digits, `-` and `/`, up to 20 characters: the form a trip
    /// log's driver column and `confirm --driver` accept, so that every registered code can drive.
    public static func code(_ text: String) throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty, code.count <= 20, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") }) else {
            throw VolunteerFieldProblem(.notAVolunteerCode(text: text))
        }
        return code
    }

    /// A licence category (`B`, `BE`, `C1`, …), or empty for a volunteer who does not drive.
    public static func licence(_ text: String) throws -> String {
        let category = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard category.isEmpty || VolunteerRules.drivingCategories.contains(category) || ["AM", "A1", "A2", "A"].contains(category) else {
            throw VolunteerFieldProblem(.notALicenceCategory(text: text))
        }
        return category
    }

    /// A date, YYYY-MM-DD or dd/mm/yyyy, or nothing.
    public static func optionalDate(_ text: String) throws -> LocalDate? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let date = LocalDate(text) else { throw VolunteerFieldProblem(.notAVolunteerDate(text: text)) }
        return date
    }

    /// A year of birth, four digits, not after today's year and not before 1900.
    public static func birthYear(_ text: String, today: LocalDate) throws -> Int {
        guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (1900...today.year).contains(year) else {
            throw VolunteerFieldProblem(.notABirthYear(text: text))
        }
        return year
    }

    /// Qualifications: wheelchair, stretcher, escort (Italian: carrozzina, barella, accompagnamento),
    /// separated by `+`, `,`, `|` or spaces.
    public static func qualifications(_ text: String) throws -> Needs {
        var result: Needs = []
        let words: [String: Needs] = ["wheelchair": .wheelchair, "carrozzina": .wheelchair, "sedia a rotelle": .wheelchair,
                                      "stretcher": .stretcher, "barella": .stretcher,
                                      "escort": .escort, "accompagnamento": .escort, "accompagnatore": .escort, "scorta": .escort]
        for word in text.lowercased().split(whereSeparator: { " +,|;".contains($0) }) where !word.isEmpty && word != "-" {
            guard let need = words[String(word)] else {
                throw VolunteerFieldProblem(.notAQualification(word: String(word)))
            }
            result.insert(need)
        }
        return result
    }

    /// A weekly pattern of shifts, e.g. `mon-fri 07:00-13:00, sat 08:00-12:00` (or `lun-ven …`).
    public static func shifts(_ text: String) throws -> ShiftPattern {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "-" { return ShiftPattern([]) }
        guard let pattern = ShiftPattern(parsing: text) else {
            throw VolunteerFieldProblem(.notAShiftPattern(text: text))
        }
        return pattern
    }
}

/// A field of a volunteer that cannot be read: what is wrong and what is expected, in each language.
public struct VolunteerFieldProblem: Error, CustomStringConvertible, Sendable {
    public var message: IntakeMessage
    public init(_ message: IntakeMessage) { self.message = message }
    /// The message in English (for logs and test failures).
    public var description: String { message.english }
}
