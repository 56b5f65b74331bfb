import CentraleDomain
import CentraleFormats

/// Every rule by which the store refuses a change, with the values it names: the store's part of
/// the message catalogue. `italian` and `english` are exhaustive switches, here and in each area's
/// enum, so a refusal cannot be missing in either language.
///
/// One case per area, each its own catalogue in `StoreRefusal+Area.swift`, so that a call site
/// reads `.refused(.trip(.cannotConfirm(id, status)))`.
public enum StoreRefusal: Message, Equatable {
    /// The database file itself: its access, its kind, a stored value that is not valid.
    case database(DatabaseRefusal)
    /// Loading the registry: associations, comuni, the convention and its tariffs.
    case registry(RegistryRefusal)
    /// A change to a trip: assigning, cancelling, confirming, declining, a no-show, a plan.
    case trip(TripRefusal)
    /// A trip log: amending it, reviewing its km.
    case log(LogRefusal)
    /// Closing a month, and computing its statements.
    case month(MonthRefusal)
    /// A beneficiary's record and status: registering, suspending, closing, erasing.
    case beneficiary(BeneficiaryRefusal)
    /// Volunteers and vehicles.
    case crew(CrewRefusal)
    /// The server's access tokens.
    case token(TokenRefusal)
    /// What the operator typed: free text kept by the audit trail, options, the environment, a file.
    case input(InputRefusal)
    /// The demo and the benchmarks.
    case demo(DemoRefusal)

    public var italian: String {
        switch self {
        case .database(let refusal): refusal.italian
        case .registry(let refusal): refusal.italian
        case .trip(let refusal): refusal.italian
        case .log(let refusal): refusal.italian
        case .month(let refusal): refusal.italian
        case .beneficiary(let refusal): refusal.italian
        case .crew(let refusal): refusal.italian
        case .token(let refusal): refusal.italian
        case .input(let refusal): refusal.italian
        case .demo(let refusal): refusal.italian
        }
    }

    public var english: String {
        switch self {
        case .database(let refusal): refusal.english
        case .registry(let refusal): refusal.english
        case .trip(let refusal): refusal.english
        case .log(let refusal): refusal.english
        case .month(let refusal): refusal.english
        case .beneficiary(let refusal): refusal.english
        case .crew(let refusal): refusal.english
        case .token(let refusal): refusal.english
        case .input(let refusal): refusal.english
        case .demo(let refusal): refusal.english
        }
    }
}

/// A free text the operator types that the audit trail keeps for good (a reason, a note, the
/// operator's name), named in the refusals that check it.
public enum FreeText: Sendable, Hashable {
    /// A note (`--note`, the notes of a log).
    case note
    /// The reason of a change (`--reason`).
    case reason
    /// The operator's name (`--operator`, `CENTRALE_OPERATOR`).
    case operatorName

    /// With its article, as a message starts: `il motivo`.
    var italian: String {
        switch self {
        case .note: "la nota"
        case .reason: "il motivo"
        case .operatorName: "il nome dell'operatore"
        }
    }

    /// With its article, as a message starts: `the reason`.
    var english: String {
        switch self {
        case .note: "the note"
        case .reason: "the reason"
        case .operatorName: "the operator's name"
        }
    }
}

/// How the store's messages write values for Italian readers: dates `dd/mm/yyyy`, months by
/// name, decimal commas. (The edges' `Language` helpers live in CentraleRendering, which the
/// store does not see.) English messages keep ISO dates and decimal points.
enum StoreItalian {
    /// `03/02/2025`.
    static func date(_ date: LocalDate) -> String { date.italianText }
    /// A date held as ISO text, as `dd/mm/yyyy`; text that is no date as it is.
    static func date(iso text: String) -> String { LocalDate(text)?.italianText ?? text }
    /// `febbraio 2025`.
    static func month(_ month: YearMonth) -> String { month.italianText }
    /// A month held as text (`2025-02`), by name; text that is no month as it is.
    static func month(iso text: String) -> String {
        guard let month = YearMonth(text) else { return text }
        return Self.month(month)
    }
    /// Kilometres with one decimal, without the unit: `12,5`.
    static func km(_ distance: Distance) -> String { distance.kilometresText(.italian) }
    /// A whole number with `.` between thousands: `2.000.000`.
    static func number(_ value: Int) -> String { ScaledNumber.text(value, scale: 0, digits: 0, form: .italian) }
    /// Words joined as Italian lists them: `a, b e c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.joined() }
        return items.dropLast().joined(separator: ", ") + " e " + last
    }
    /// The needs by their Italian names (`carrozzina e accompagnatore`), or `nessuno`.
    static func needs(_ needs: Needs) -> String {
        let names = needs.italianNames
        return names.isEmpty ? "nessuno" : list(names)
    }
    /// Trip ids joined by `, `.
    static func ids(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ", ") }
}
