import CentraleDomain
import CentraleFormats

/// How a reimbursement line's amount was reached, in each language: the statement's *voci*.
///
/// A line stores its English text (`ReimbursementLine.basis`), the form every statement and
/// frozen snapshot has always held; `init(stored:)` reads it back, so a closed month's statement
/// shows the same words in Italian without its snapshot changing by a byte.
public enum ReimbursementBasis: Message, Hashable {
    /// `2.3 km × 0.66 €/km`, with the vehicle class whose reference cost capped the rate.
    case km(km: String, rate: String, cappedBy: String?)
    /// A fixed item per trip (insurance, wheelchair, stretcher, escort).
    case perTrip
    /// The escort's waiting beyond the free minutes, by the hour.
    case waiting(minutes: Int, beyond: Int, free: Int, hours: Int, perHour: String)
    case noShow
    case cancelledOnSpot
    case cancelledLate
    /// The month's indirect costs: a percentage of the direct items, maybe capped.
    case indirect(percent: String, direct: String, cap: String?)
    /// A stored text this program does not recognise (shown as it is).
    case other(String)

    public var english: String {
        switch self {
        case let .km(km, rate, capped): "\(km) km × \(rate) €/km" + (capped.map { " (capped at the \($0) reference cost)" } ?? "")
        case .perTrip: "per trip"
        case let .waiting(minutes, beyond, free, hours, perHour): "\(minutes) min, \(beyond) beyond \(free): \(hours) h × \(perHour) €"
        case .noShow: "beneficiary not there"
        case .cancelledOnSpot: "cancelled on arrival"
        case .cancelledLate: "cancelled less than 24 h before"
        case let .indirect(percent, direct, cap): "\(percent)% of \(direct) € direct items" + (cap.map { ", capped at \($0) €" } ?? "")
        case .other(let text): text
        }
    }

    public var italian: String {
        switch self {
        case let .km(km, rate, capped):
            "\(Self.comma(km)) km × \(Self.comma(rate)) €/km"
                + (capped.map { " (al massimo il costo di riferimento dei mezzi \(Self.className($0)))" } ?? "")
        case .perTrip: "a servizio"
        case let .waiting(minutes, beyond, free, hours, perHour):
            "\(minutes) min, \(beyond) oltre i \(free): \(hours) h × \(Self.euros(perHour)) €"
        case .noShow: "beneficiario assente"
        case .cancelledOnSpot: "annullato all'arrivo"
        case .cancelledLate: "annullato meno di 24 h prima"
        case let .indirect(percent, direct, cap):
            "\(Self.comma(percent)) % di \(Self.euros(direct)) € di voci dirette" + (cap.map { ", al massimo \(Self.euros($0)) €" } ?? "")
        case .other(let text): text
        }
    }

    /// The basis a stored English text says.
    public init(stored text: String) {
        switch text {
        case "per trip": self = .perTrip; return
        case "beneficiary not there": self = .noShow; return
        case "cancelled on arrival": self = .cancelledOnSpot; return
        case "cancelled less than 24 h before": self = .cancelledLate; return
        default: break
        }
        if let match = text.wholeMatch(of: /([0-9.]+) km × ([0-9.]+) €\/km(?: \(capped at the ([a-z_]+) reference cost\))?/) {
            self = .km(km: String(match.1), rate: String(match.2), cappedBy: match.3.map(String.init))
        } else if let match = text.wholeMatch(of: /([0-9]+) min, ([0-9]+) beyond ([0-9]+): ([0-9]+) h × ([0-9.]+) €/),
                  let minutes = Int(match.1), let beyond = Int(match.2), let free = Int(match.3), let hours = Int(match.4) {
            self = .waiting(minutes: minutes, beyond: beyond, free: free, hours: hours, perHour: String(match.5))
        } else if let match = text.wholeMatch(of: /([0-9.]+)% of (-?[0-9.]+) € direct items(?:, capped at ([0-9.]+) €)?/) {
            self = .indirect(percent: String(match.1), direct: String(match.2), cap: match.3.map(String.init))
        } else {
            self = .other(text)
        }
    }

    /// A machine decimal as Italians write it: a decimal comma and `.` between thousands
    /// (`0.66` → `0,66`, `1234.5` → `1.234,5`); text that is no such decimal with its point as a comma.
    static func comma(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, wholeText.count <= 18, let whole = Int(wholeText), whole >= 0,
              wholeText.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return text.replacingOccurrences(of: ".", with: ",")
        }
        let grouped = ScaledNumber.text(whole, scale: 0, digits: 0, form: .italian)
        let fraction: String = parts.count == 2 ? "," + String(parts[1]) : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// Euros written `1234.56`, in the Italian form `1.234,56`.
    private static func euros(_ text: String) -> String {
        DecimalText.scaled(text, decimals: 2).map { Money(cents: $0).text(.italian) } ?? text
    }

    private static func className(_ raw: String) -> String {
        switch VehicleClass(rawValue: raw) {
        case .standard: "ordinari"
        case .wheelchair: "attrezzati per carrozzina"
        case .stretcher: "con barella"
        case nil: raw
        }
    }
}

extension ReimbursementLine {
    /// The line's basis, read from its stored text.
    public var basisWords: ReimbursementBasis { ReimbursementBasis(stored: basis) }
}
