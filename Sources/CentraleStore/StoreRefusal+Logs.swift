import CentraleDomain
import CentraleFormats

/// The refusals about a trip log once it is recorded: amending it (`centrale log amend`, and
/// the values of such a request), confirming with codes, reviewing its flagged km.
public enum LogRefusal: Message, Equatable {
    // Amending.
    /// An amendment without a reason.
    case amendmentNeedsReason
    /// The trip has no log to amend.
    case noLogToAmend(Int64)
    /// The amendment changes nothing.
    case nothingToChange(Int64)
    /// An amendment request with no value to change.
    case nothingToAmend
    /// Only one of `--odometer-start` and `--odometer-end`.
    case odometerPair
    /// Both `--km` and the odometers.
    case kmAndOdometer
    /// A km value (of `option`) that reads two ways: a decimal mark or a thousands separator.
    /// `text` as typed (it is escaped where shown).
    case ambiguousKm(option: String, text: String)
    /// A km value that is no number of km (`text` already escaped).
    case notKm(option: String, text: String)
    /// A km value beyond `0...limit` km (`text` already escaped).
    case kmOutOfRange(option: String, text: String, limit: Int)
    /// The odometer's end not after its start.
    case odometerOrder
    /// A time that is no `HH:MM` (`text` already escaped).
    case notTime(option: String, text: String)
    /// Waiting minutes beyond 0...720.
    case waitingOutOfRange(Int)
    /// An outcome that is none of the four a log may hold.
    case unknownOutcome
    /// A vehicle or driver code that is not one (`text` already escaped and cut).
    case notACode(CodeField, String)

    // Reviewing km.
    /// A km review without a reason.
    case reviewNeedsReason
    /// The trip has no log.
    case noLog(Int64)
    /// The trip's km are not flagged: there is nothing to review.
    case notFlagged(Int64)
    /// A review paying more km than were logged.
    case reviewAboveLogged(km: Distance, logged: Distance)

    /// A code a log or a confirmation names.
    public enum CodeField: Sendable, Hashable {
        case vehicle, driver
    }

    public var italian: String {
        switch self {
        case .amendmentNeedsReason:
            "una rettifica richiede un motivo (--reason)"
        case .noLogToAmend(let id):
            "il servizio \(id) non ha un registro da rettificare"
        case .nothingToChange(let id):
            "nulla da cambiare: il registro del servizio \(id) ha già questi valori"
        case .nothingToAmend:
            "indica almeno un valore da cambiare: --km, --odometer-start e --odometer-end, --pickup, --dropoff, "
                + "--waiting, --outcome, --vehicle, --driver o --notes"
        case .odometerPair:
            "indica --odometer-start e --odometer-end insieme"
        case .kmAndOdometer:
            "indica --km, oppure --odometer-start e --odometer-end (i km sono la loro differenza), non entrambi"
        case let .ambiguousKm(option, text):
            "\(option): '\(text.escapingControlCharacters)' si può leggere come \(text.replacingOccurrences(of: ".", with: ",")) km "
                + "o come \(Self.digits(text)) km (con il separatore delle migliaia); scrivi \(Self.digits(text)) "
                + "oppure \(text.replacingOccurrences(of: ".", with: ","))0"
        case let .notKm(option, text):
            "\(option): '\(text)' non è un numero di km (es. 23,4), o va oltre ogni valore plausibile"
        case let .kmOutOfRange(option, text, limit):
            "\(option): '\(text)' è fuori intervallo; indica km tra 0 e \(StoreItalian.number(limit))"
        case .odometerOrder:
            "--odometer-end deve essere maggiore di --odometer-start"
        case let .notTime(option, text):
            "\(option): '\(text)' non è un orario; scrivi HH:MM"
        case .waitingOutOfRange(let minutes):
            "--waiting: \(minutes) non è un numero di minuti tra 0 e 720"
        case .unknownOutcome:
            "--outcome deve essere done (effettuato), no_show (assente), cancelled_on_spot (annullato alla porta) "
                + "o cancelled_late (annullato tardi)"
        case let .notACode(field, text):
            "\(field == .vehicle ? "il mezzo" : "l'autista") '\(text)' non è un codice: lettere e cifre (e - o /), al massimo 20"
        case .reviewNeedsReason:
            "la revisione dei km richiede un motivo (--reason \"…\")"
        case .noLog(let id):
            "il servizio \(id) non ha un registro"
        case .notFlagged(let id):
            "il servizio \(id) non è segnalato per la revisione dei km (i suoi km sono entro la tolleranza); è pagato come registrato"
        case let .reviewAboveLogged(km, logged):
            "--km \(StoreItalian.km(km)) supera i \(StoreItalian.km(logged)) km registrati: una revisione paga al massimo i km registrati"
        }
    }

    public var english: String {
        switch self {
        case .amendmentNeedsReason:
            "an amendment needs a reason (--reason)"
        case .noLogToAmend(let id):
            "trip \(id) has no log to amend"
        case .nothingToChange(let id):
            "nothing to change: the log of trip \(id) already has these values"
        case .nothingToAmend:
            "give at least one value to change: --km, --odometer-start and --odometer-end, --pickup, --dropoff, "
                + "--waiting, --outcome, --vehicle, --driver or --notes"
        case .odometerPair:
            "give --odometer-start and --odometer-end together"
        case .kmAndOdometer:
            "give --km, or --odometer-start and --odometer-end (the km are their difference), not both"
        case let .ambiguousKm(option, text):
            "\(option): '\(text.escapingControlCharacters)' reads as \(text.replacingOccurrences(of: ",", with: ".")) km "
                + "or as \(Self.digits(text)) km (a thousands separator); write \(Self.digits(text)) or \(text.replacingOccurrences(of: ".", with: ","))0"
        case let .notKm(option, text):
            "\(option): '\(text)' is not a number of km (e.g. 23.4), or is beyond any plausible value"
        case let .kmOutOfRange(option, text, limit):
            "\(option): '\(text)' is out of range; give km between 0 and \(limit)"
        case .odometerOrder:
            "--odometer-end must be after --odometer-start"
        case let .notTime(option, text):
            "\(option): '\(text)' is not a time; write HH:MM"
        case .waitingOutOfRange(let minutes):
            "--waiting: \(minutes) is not a number of minutes between 0 and 720"
        case .unknownOutcome:
            "--outcome must be done, no_show, cancelled_on_spot or cancelled_late"
        case let .notACode(field, text):
            "\(field == .vehicle ? "vehicle" : "driver") '\(text)' is not a code: letters and digits (and - or /), at most 20"
        case .reviewNeedsReason:
            "a km review needs a reason (--reason \"…\")"
        case .noLog(let id):
            "trip \(id) has no log"
        case .notFlagged(let id):
            "trip \(id) is not flagged for km review (its km are within the tolerance); it is paid as logged"
        case let .reviewAboveLogged(km, logged):
            "--km \(km.kilometresText) is more than the \(logged) logged: a review pays at most the logged km"
        }
    }

    /// The km typed without its separators: the reading as a thousands separator.
    private static func digits(_ text: String) -> String { text.filter { $0 != "." && $0 != "," } }
}
