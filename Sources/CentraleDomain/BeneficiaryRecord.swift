import Foundation

/// Where a beneficiary is in their life with the service: referred → active → suspended → closed.
public enum BeneficiaryStatus: String, CaseIterable, Sendable, Codable {
    /// Referred, not yet active (before the activation day).
    case referred
    /// May be transported.
    case active
    /// Temporarily not transported (e.g. a hospital stay), from one day to another.
    case suspended
    /// No longer served.
    case closed
}

/// Why a beneficiary's service is closed.
public enum ClosingReason: String, CaseIterable, Sendable, Codable {
    /// The care plan ended.
    case ended
    /// Moved out of the zone.
    case moved
    /// Died.
    case deceased
    /// No longer meets the conditions of the service.
    case noLongerEligible = "no_longer_eligible"
    /// Refused the service.
    case refused
}

/// A period in which a beneficiary is not transported, with its reason.
public struct Suspension: Hashable, Sendable, Codable {
    /// The first day suspended.
    public var from: LocalDate
    /// The last day suspended.
    public var to: LocalDate
    /// Why (e.g. "hospital stay").
    public var reason: String

    /// Creates a suspension.
    public init(from: LocalDate, to: LocalDate, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// What the service is authorised to do for a person, and for how long.
public struct Authorisation: Hashable, Sendable, Codable {
    /// The purposes trips may have.
    public var purposes: Set<TripPurpose>
    /// The needs on board the person may have (wheelchair, stretcher, escort).
    public var needs: Needs
    /// Whether a companion (a family member) may travel with them.
    public var companionAllowed: Bool
    /// The first day of validity.
    public var validFrom: LocalDate
    /// The last day of validity.
    public var validUntil: LocalDate

    /// Creates an authorisation.
    public init(purposes: Set<TripPurpose>, needs: Needs, companionAllowed: Bool = false, validFrom: LocalDate, validUntil: LocalDate) {
        self.purposes = purposes
        self.needs = needs
        self.companionAllowed = companionAllowed
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// The purposes in a fixed order, joined by `,`.
    public var purposesText: String {
        TripPurpose.allCases.filter { purposes.contains($0) }.map(\.rawValue).joined(separator: ",")
    }

    /// Parses a list of purposes (`dialysis,visit` or `dialysis|visit`); nil on an unknown word.
    public static func purposes(parsing text: some StringProtocol) -> Set<TripPurpose>? {
        var result: Set<TripPurpose> = []
        for word in text.split(whereSeparator: { " ,|;+".contains($0) }) where !word.isEmpty {
            guard let purpose = TripPurpose(rawValue: word.lowercased()) else { return nil }
            result.insert(purpose)
        }
        return result
    }
}

/// Who referred a person, as the referral records it.
public struct ReferralRecord: Hashable, Sendable, Codable {
    /// The kind of referrer.
    public var by: Referral
    /// The referrer's name (the social worker, the doctor…).
    public var referrerName: String
    /// The referrer's role.
    public var referrerRole: String
    /// The day of the referral.
    public var date: LocalDate
    /// The reference of the UVM assessment or of the care plan (PAI).
    public var paiReference: String

    /// Creates a referral.
    public init(by: Referral, referrerName: String = "", referrerRole: String = "", date: LocalDate, paiReference: String = "") {
        self.by = by
        self.referrerName = referrerName
        self.referrerRole = referrerRole
        self.date = date
        self.paiReference = paiReference
    }
}

/// The personal record of a beneficiary: who they are and where they live. Kept apart from
/// the pseudonymous code; erased for good when the law asks.
public struct PersonalRecord: Hashable, Sendable, Codable {
    public var surname: String
    public var name: String
    /// The *codice fiscale*, upper case (format and check character verified on entry).
    public var codiceFiscale: String
    public var birthDate: LocalDate
    /// Phone numbers, the first being the main one.
    public var phones: [String]
    /// Home address: street, house number and comune (ISTAT code).
    public var street: String
    public var houseNumber: String
    public var comune: String
    /// Where home is.
    public var position: Coordinate
    /// Whether `position` is only the comune's centre (coordinates not given yet).
    public var positionApproximate: Bool
    /// A contact person (caregiver) and their phone.
    public var caregiver: String
    public var caregiverPhone: String
    /// Notes for the driver ("third floor, no lift").
    public var driverNotes: String

    /// Creates a personal record.
    public init(surname: String, name: String, codiceFiscale: String, birthDate: LocalDate, phones: [String] = [],
                street: String, houseNumber: String = "", comune: String, position: Coordinate, positionApproximate: Bool = false,
                caregiver: String = "", caregiverPhone: String = "", driverNotes: String = "") {
        self.surname = surname
        self.name = name
        self.codiceFiscale = codiceFiscale
        self.birthDate = birthDate
        self.phones = phones
        self.street = street
        self.houseNumber = houseNumber
        self.comune = comune
        self.position = position
        self.positionApproximate = positionApproximate
        self.caregiver = caregiver
        self.caregiverPhone = caregiverPhone
        self.driverNotes = driverNotes
    }

    /// "Surname Name".
    public var fullName: String { "\(surname) \(name)" }

    /// The address as a driver reads it: "Via Roma 1, Signa".
    public func address(comuneName: String) -> String {
        let street = houseNumber.isEmpty ? self.street : "\(self.street) \(houseNumber)"
        return "\(street), \(comuneName)"
    }

    /// The names of the fields that differ from `other` (never their values: the audit trail
    /// records these names only).
    public func changedFields(from other: PersonalRecord) -> [String] {
        var fields: [String] = []
        if surname != other.surname { fields.append("surname") }
        if name != other.name { fields.append("name") }
        if codiceFiscale != other.codiceFiscale { fields.append("codice_fiscale") }
        if birthDate != other.birthDate { fields.append("birth_date") }
        if phones != other.phones { fields.append("phones") }
        if street != other.street { fields.append("street") }
        if houseNumber != other.houseNumber { fields.append("house_number") }
        if comune != other.comune { fields.append("comune") }
        if position != other.position || positionApproximate != other.positionApproximate { fields.append("position") }
        if caregiver != other.caregiver { fields.append("caregiver") }
        if caregiverPhone != other.caregiverPhone { fields.append("caregiver_phone") }
        if driverNotes != other.driverNotes { fields.append("driver_notes") }
        return fields
    }

    /// The text `find` searches: surname, name, codice fiscale and phones, folded (lower case,
    /// no accents), separated by `|`.
    public var searchKey: String {
        ([surname, name, "\(surname) \(name)", "\(name) \(surname)", codiceFiscale] + phones + phones.map(Self.digits))
            .map(TextFolding.fold).joined(separator: "|")
    }

    /// The digits of a phone number.
    public static func digits(_ phone: String) -> String { String(phone.filter(\.isNumber)) }
}

/// One entry of a beneficiary's status history.
public struct StatusChange: Hashable, Sendable, Codable {
    public var status: BeneficiaryStatus
    /// The first day of the new status.
    public var from: LocalDate
    /// The last day, for a suspension.
    public var to: LocalDate?
    /// Why.
    public var reason: String
    /// For a closing, its kind.
    public var closingReason: ClosingReason?
    /// Who recorded it, and when (ISO 8601 UTC).
    public var actor: String
    public var at: String

    /// Creates a history entry.
    public init(status: BeneficiaryStatus, from: LocalDate, to: LocalDate? = nil, reason: String, closingReason: ClosingReason? = nil,
                actor: String = "", at: String = "") {
        self.status = status
        self.from = from
        self.to = to
        self.reason = reason
        self.closingReason = closingReason
        self.actor = actor
        self.at = at
    }
}

/// Case- and accent-insensitive text for lookups ("Bellè" → "belle", "Niccolò" → "niccolo").
public enum TextFolding {
    /// Lower-cased, without diacritics (Foundation's folding), apostrophes kept.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}

/// What is wrong with a codice fiscale, in each language (the intake wraps it in its message
/// catalogue, `IntakeMessage.codiceFiscale`).
public enum CodiceFiscaleProblem: Hashable, Sendable {
    /// Not 16 characters.
    case wrongLength(code: String, count: Int)
    /// A character that the code's pattern does not allow at its 1-based `position`.
    case characterNotAllowed(code: String, position: Int, character: Character)
    /// The last character is not the check character of the first 15.
    case wrongCheckCharacter(code: String, found: Character, expected: Character)
    /// The birth date the code encodes (day, month, the year's last two digits) is not `birth`.
    case birthDateMismatch(code: String, day: Int, month: Int, yearDigits: Int, birth: LocalDate)

    /// The problem in Italian.
    public var italian: String {
        switch self {
        case let .wrongLength(code, count):
            "'\(code)' ha \(count == 1 ? "1 carattere" : "\(count) caratteri"); un codice fiscale ne ha 16 (es. RSSMRA80A01H501U)"
        case let .characterNotAllowed(code, position, character):
            "'\(code)' non è un codice fiscale: il carattere \(position) ('\(character)') non è ammesso in quella posizione "
                + "(6 lettere, anno, lettera del mese, giorno, codice del comune, lettera di controllo: es. RSSMRA80A01H501U)"
        case let .wrongCheckCharacter(code, found, expected):
            "'\(code)': il carattere di controllo '\(found)' è sbagliato (dovrebbe essere '\(expected)'); controlla che il codice non abbia errori di battitura"
        case let .birthDateMismatch(code, day, month, yearDigits, birth):
            "il codice fiscale \(code) è di una persona nata il \(Self.two(day))/\(Self.two(month))/..\(Self.two(yearDigits)), "
                + "non il \(birth.italianText); controlla la data di nascita o il codice"
        }
    }

    /// The problem in English.
    public var english: String {
        switch self {
        case let .wrongLength(code, count):
            "'\(code)' has \(count) characters; a codice fiscale has 16 (e.g. RSSMRA80A01H501U)"
        case let .characterNotAllowed(code, position, character):
            "'\(code)' is not a codice fiscale: character \(position) ('\(character)') is not allowed there "
                + "(6 letters, year, month letter, day, comune code, check letter: e.g. RSSMRA80A01H501U)"
        case let .wrongCheckCharacter(code, found, expected):
            "'\(code)': wrong check character '\(found)' (expected '\(expected)'); check the code for a typo"
        case let .birthDateMismatch(code, day, month, yearDigits, birth):
            "the codice fiscale \(code) is of someone born on \(String(format: "%02d/%02d/..%02d", day, month, yearDigits)), "
                + "not on \(String(format: "%02d/%02d/%04d", birth.day, birth.month, birth.year)); check the birth date or the code"
        }
    }

    /// Two digits at least: `05`, `12`.
    private static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}

/// The Italian tax code of a person (*codice fiscale*): 16 characters whose last is a check
/// character computed from the first 15.
public enum CodiceFiscale {
    /// What is wrong with `code` (upper-cased, spaces removed), or nil when it is valid.
    public static func problem(_ code: String) -> CodiceFiscaleProblem? {
        let chars = Array(code.uppercased())
        guard chars.count == 16 else { return .wrongLength(code: code, count: chars.count) }
        let letter: (Character) -> Bool = { $0.isASCII && $0.isLetter }
        let digitLike: (Character) -> Bool = { ($0.isASCII && $0.isNumber) || "LMNPQRSTUV".contains($0) }
        let pattern: [(Character) -> Bool] = Array(repeating: letter, count: 6) + [digitLike, digitLike, { "ABCDEHLMPRST".contains($0) },
                                              digitLike, digitLike, letter, digitLike, digitLike, digitLike, letter]
        for (index, check) in pattern.enumerated() where !check(chars[index]) {
            return .characterNotAllowed(code: code, position: index + 1, character: chars[index])
        }
        let expected = checkCharacter(String(chars[0..<15]))
        if chars[15] != expected { return .wrongCheckCharacter(code: code, found: chars[15], expected: expected) }
        return nil
    }

    /// What the birth date encoded in a valid `code` (year, month letter, day; +40 for women;
    /// omocodia letters read as digits) says against `birth`, or nil when they agree.
    public static func birthDateProblem(_ code: String, birth: LocalDate) -> CodiceFiscaleProblem? {
        let chars = Array(code.uppercased())
        guard chars.count == 16 else { return nil }
        func digit(_ c: Character) -> Int? { c.wholeNumberValue ?? "LMNPQRSTUV".firstIndex(of: c).map { "LMNPQRSTUV".distance(from: "LMNPQRSTUV".startIndex, to: $0) } }
        guard let y1 = digit(chars[6]), let y2 = digit(chars[7]), let month = Array("ABCDEHLMPRST").firstIndex(of: chars[8]),
              let d1 = digit(chars[9]), let d2 = digit(chars[10]) else { return nil }
        let year = y1 * 10 + y2, day = (d1 * 10 + d2) % 40
        guard year == birth.year % 100, month + 1 == birth.month, day == birth.day else {
            return .birthDateMismatch(code: code, day: day, month: month + 1, yearDigits: year, birth: birth)
        }
        return nil
    }

    /// Whether `code` is a valid codice fiscale.
    public static func isValid(_ code: String) -> Bool { problem(code) == nil }

    /// The check character of the first 15 characters.
    public static func checkCharacter(_ first15: String) -> Character {
        let odd: [Int] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        var sum = 0
        for (index, char) in first15.uppercased().enumerated() {
            let value: Int
            if let digit = char.wholeNumberValue, char.isASCII { value = digit } else { value = Int(char.asciiValue ?? 65) - 65 }
            sum += index % 2 == 0 ? odd[max(0, min(25, value))] : value
        }
        return Character(UnicodeScalar(UInt8(65 + sum % 26)))
    }

    /// A valid codice fiscale for a person (surname and name consonants, birth date, sex, the
    /// cadastral code of the birthplace), for tests and synthetic data.
    public static func make(surname: String, name: String, birthDate: LocalDate, female: Bool, birthplace: String = "D612") -> String {
        func letters(_ text: String) -> [Character] {
            TextFolding.fold(text).uppercased().filter { $0.isASCII && $0.isLetter }
        }
        func part(_ text: String, isName: Bool) -> String {
            let all = letters(text)
            var consonants = all.filter { !"AEIOU".contains($0) }
            let vowels = all.filter { "AEIOU".contains($0) }
            if isName && consonants.count > 3 { consonants = [consonants[0], consonants[2], consonants[3]] }
            return String((consonants + vowels + ["X", "X", "X"]).prefix(3))
        }
        let months = Array("ABCDEHLMPRST")
        let year = String(format: "%02d", birthDate.year % 100)
        let day = String(format: "%02d", birthDate.day + (female ? 40 : 0))
        let first15 = part(surname, isName: false) + part(name, isName: true) + year + String(months[birthDate.month - 1]) + day + birthplace
        return first15 + String(checkCharacter(first15))
    }
}

/// A person as a PUA list or `beneficiary add` gives them.
public struct BeneficiaryEntry: Hashable, Sendable {
    /// Who they are and where they live.
    public var personal: PersonalRecord
    public var referral: ReferralRecord
    public var authorisation: Authorisation

    public init(personal: PersonalRecord, referral: ReferralRecord, authorisation: Authorisation) {
        self.personal = personal
        self.referral = referral
        self.authorisation = authorisation
    }
}
