import CentraleDomain
import CentraleFormats
import CentraleIntake

/// The new-request form: its fields as typed, the one being edited, and messages beside them.
public struct RequestFormState: Hashable, Sendable {
    /// The form's fields, in order.
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case beneficiary, date, time, from, to, returnAt, purpose, repeatDays, until

        /// The label shown beside the field.
        public var label: String { name(.it) }

        /// The field's label in `language`.
        public func name(_ language: Language) -> String {
            switch (language, self) {
            case (.it, .beneficiary): return "Beneficiario (cerca)"
            case (.it, .date): return "Data"
            case (.it, .time): return "Ora appuntamento"
            case (.it, .from): return "Da (casa/luogo/ind.)"
            case (.it, .to): return "A (luogo o indirizzo)"
            case (.it, .returnAt): return "Ritorno (vuoto: no)"
            case (.it, .purpose): return "Motivo"
            case (.it, .repeatDays): return "Ripeti (lun,mer,ven)"
            case (.it, .until): return "Fino al"
            case (.en, .beneficiary): return "Beneficiary (search)"
            case (.en, .date): return "Date"
            case (.en, .time): return "Appointment time"
            // At most 22 characters: the form's column.
            case (.en, .from): return "From (home/place/addr)"
            case (.en, .to): return "To (place or address)"
            case (.en, .returnAt): return "Return (empty: none)"
            case (.en, .purpose): return "Purpose"
            case (.en, .repeatDays): return "Repeat (mon,wed,fri)"
            case (.en, .until): return "Until"
            }
        }
    }

    public var values: [Field: String]
    public var focus: Field = .beneficiary
    /// A problem beside a field (refused by the checks) or a confirmation (a lookup's result).
    public var errors: [Field: String] = [:]
    public var hints: [Field: String] = [:]
    /// The people found as the beneficiary is typed (the first is taken on leaving the field).
    public var matches: [PersonMatch] = []
    /// The fields that still hold the value given beforehand, untouched: the first character
    /// typed into one replaces it (then typing appends); a backspace or Ctrl-U edits it as any other.
    public var prefilled: Set<Field> = []
    /// What the form had when it opened, to tell whether anything was written since.
    private var initial: [Field: String] = [:]

    /// An empty form for a day (the day written as the screen's language writes dates).
    public init(date: LocalDate, language: Language = .it) {
        values = [.date: Labels.date(date, language), .from: ScreenLabel.home.text(language), .purpose: Labels.purposeName(.visit, language)]
        initial = values
        prefilled = Set(values.keys)
    }

    /// Whether the focused field still holds its prefilled value (the first character typed replaces it).
    public var replaceOnType: Bool { prefilled.contains(focus) }

    /// A key that writes into the focused field: a character (replacing an untouched prefilled
    /// value), a backspace, or Ctrl-U (clears). The field's problem and hint go: it changed.
    public mutating func edit(_ key: Key) {
        guard FieldEditing.edit(key, focus, values: &values, prefilled: &prefilled) else { return }
        errors[focus] = nil
        hints[focus] = nil
    }

    /// Whether anything was written in the form since it opened.
    public var isWritten: Bool { Field.allCases.contains { value($0) != (initial[$0] ?? "") } }

    /// The purpose written in the field, in Italian or English, in any case.
    public var purpose: TripPurpose? { Labels.purpose(parsing: value(.purpose)) }

    public func value(_ field: Field) -> String { values[field] ?? "" }

    /// The checks that need no data: dates, times, weekdays, purpose, required fields, said in `language`.
    public func localErrors(_ language: Language = .it) -> [Field: String] {
        var errors: [Field: String] = [:]
        if value(.beneficiary).isEmpty { errors[.beneficiary] = ScreenLabel.mandatory.text(language) }
        if LocalDate(value(.date)) == nil { errors[.date] = ScreenLabel.dateFormat.text(language) }
        if LocalTime(value(.time)) == nil { errors[.time] = ScreenLabel.timeFormat.text(language) }
        if value(.to).isEmpty { errors[.to] = ScreenLabel.mandatory.text(language) }
        if !value(.returnAt).isEmpty && LocalTime(value(.returnAt)) == nil { errors[.returnAt] = ScreenLabel.timeOrEmpty.text(language) }
        if purpose == nil { errors[.purpose] = Labels.purposeList(language) }
        if value(.repeatDays).isEmpty != value(.until).isEmpty { errors[.until] = ScreenLabel.repeatGoesWithUntil.text(language) }
        if !value(.until).isEmpty && LocalDate(value(.until)) == nil { errors[.until] = ScreenLabel.dateFormat.text(language) }
        return errors
    }

    /// The checks before the form is sent: `localErrors()`, and Da and A against the registry's places.
    public func sendingErrors(places: PlaceBook, _ language: Language) -> [Field: String] {
        var errors = localErrors(language)
        for field in [Field.from, .to] where errors[field] == nil && !value(field).isEmpty {
            if case .refused(let problem) = places.check(value(field), language) { errors[field] = problem }
        }
        return errors
    }
}

/// The registry's places and comuni, for checking the new-request form's Da and A as the
/// dispatcher leaves them, with the intake's own rules (`RequestIntake.findPlace`, an address
/// `street, comune` placed at the comune's centre).
public struct PlaceBook: Hashable, Sendable {
    public var places: [Place]
    public var comuni: [Comune]

    public init(places: [Place] = [], comuni: [Comune] = []) {
        self.places = places
        self.comuni = comuni
    }

    /// What a Da or A field's text is.
    public enum Check: Hashable, Sendable {
        /// Found: what it is (the place's name, the beneficiary's home…).
        case found(String)
        /// Not usable: why, in the screen's language.
        case refused(String)
    }

    /// Checks `text` as the intake will read it: `casa`, an address with coordinates, a
    /// registered place (code, name or a unique part of it), an address `street, comune`.
    public func check(_ text: String, _ language: Language) -> Check {
        let intake = RequestIntake(places: places, comuni: comuni)
        switch StopSpec(parsing: text) {
        case .home:
            return .found(ScreenMessage.placeHome.text(language))
        case let .address(label, location):
            guard location.isValid, !label.isEmpty else { return .refused(IntakeMessage.addressNeedsLabelAndCoordinates.text(language)) }
            return .found(ScreenMessage.placeAddress.text(language))
        case .place(let query):
            switch intake.findPlace(query) {
            case .success(let place): return .found(place.name)
            case .failure(let problem):
                if intake.approximateAddress(query) != nil { return .found(ScreenMessage.placeApproximate.text(language)) }
                return .refused(problem.text(language, RemedyHint.render(language)))
            }
        }
    }
}
