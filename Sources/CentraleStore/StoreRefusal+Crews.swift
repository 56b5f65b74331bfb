import CentraleDomain
import CentraleFormats

/// The refusals about an association's volunteers and vehicles.
public enum CrewRefusal: Message, Equatable {
    /// The volunteer is already registered with the association (add, not update).
    case volunteerExists(String, association: String)
    /// A volunteer's option (`--shifts`, `CODE`…) that does not parse, with the problem in each
    /// language as `VolunteerFieldProblem.message` (an `IntakeMessage`, of a module the store does
    /// not see) words it.
    case field(option: String, italian: String, english: String)
    /// A licence category without its expiry.
    case licenceNeedsExpiry
    /// A volunteer added without a year of birth.
    case birthYearNeeded
    /// A vehicle's time off the road that ends before it starts.
    case offRoadEndsBeforeStart(from: LocalDate, to: LocalDate)

    public var italian: String {
        switch self {
        case let .volunteerExists(code, association):
            "il volontario \(code) è già registrato con \(association); modificalo con `centrale volunteer update`"
        case let .field(option, italian, _):
            "\(option): \(italian)"
        case .licenceNeedsExpiry:
            "per la patente serve la data di scadenza: indica --licence-expiry"
        case .birthYearNeeded:
            "serve --birth-year (un autista deve avere almeno 21 anni)"
        case let .offRoadEndsBeforeStart(from, to):
            "--to (\(StoreItalian.date(to))) è prima di --from (\(StoreItalian.date(from))); indica l'ultimo giorno di fermo del mezzo"
        }
    }

    public var english: String {
        switch self {
        case let .volunteerExists(code, association):
            "volunteer \(code) is already registered with \(association); change them with `centrale volunteer update`"
        case let .field(option, _, english):
            "\(option): \(english)"
        case .licenceNeedsExpiry:
            "a licence needs its expiry: give --licence-expiry"
        case .birthYearNeeded:
            "--birth-year is needed (a driver must be at least 21)"
        case let .offRoadEndsBeforeStart(from, to):
            "--to (\(to)) is before --from (\(from)); give the last day off the road"
        }
    }
}
