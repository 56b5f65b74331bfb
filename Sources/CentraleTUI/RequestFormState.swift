import CentraleDomain

/// The new-request form: its fields as typed, the one being edited, and messages beside them.
public struct RequestFormState: Hashable, Sendable {
    /// The form's fields, in order.
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case beneficiary, date, time, from, to, returnAt, purpose, repeatDays, until

        /// The label shown beside the field.
        public var label: String {
            switch self {
            case .beneficiary: "Beneficiario (cerca)"
            case .date: "Data"
            case .time: "Ora appuntamento"
            case .from: "Da (casa/luogo/ind.)"
            case .to: "A (luogo o indirizzo)"
            case .returnAt: "Ritorno (vuoto: no)"
            case .purpose: "Motivo"
            case .repeatDays: "Ripeti (lun,mer,ven)"
            case .until: "Fino al"
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
    /// The focused field holds a value given beforehand: the first character typed replaces it.
    public var replaceOnType = false
    /// What the form had when it opened, to tell whether anything was written since.
    private var initial: [Field: String] = [:]

    /// An empty form for a day.
    public init(date: LocalDate) {
        values = [.date: date.description, .from: "casa", .purpose: Labels.purpose(.visit)]
        initial = values
    }

    /// Whether anything was written in the form since it opened.
    public var isWritten: Bool { Field.allCases.contains { value($0) != (initial[$0] ?? "") } }

    /// The purpose written in the field, in Italian or English, in any case.
    public var purpose: TripPurpose? { Labels.purpose(parsing: value(.purpose)) }

    public func value(_ field: Field) -> String { values[field] ?? "" }

    /// The checks that need no data: dates, times, weekdays, purpose, required fields.
    public func localErrors() -> [Field: String] {
        var errors: [Field: String] = [:]
        if value(.beneficiary).isEmpty { errors[.beneficiary] = "obbligatorio" }
        if LocalDate(value(.date)) == nil { errors[.date] = "data AAAA-MM-GG o GG/MM/AAAA" }
        if LocalTime(value(.time)) == nil { errors[.time] = "ora HH:MM" }
        if value(.to).isEmpty { errors[.to] = "obbligatorio" }
        if !value(.returnAt).isEmpty && LocalTime(value(.returnAt)) == nil { errors[.returnAt] = "ora HH:MM o vuoto" }
        if purpose == nil {
            errors[.purpose] = TripPurpose.allCases.map(Labels.purpose).joined(separator: ", ")
        }
        if value(.repeatDays).isEmpty != value(.until).isEmpty { errors[.until] = "Ripeti e Fino al vanno insieme" }
        if !value(.until).isEmpty && LocalDate(value(.until)) == nil { errors[.until] = "data AAAA-MM-GG" }
        return errors
    }
}
