import CentraleDomain
import CentraleFormats

/// The paths of the API and of the page, in one place for the server, the client and the tests.
public enum APIPath {
    public static let base = "/api/v1"
    public static let health = "/health"
    public static let openAPI = "/openapi.yaml"
}

/// The result of one submitted trip-log file, as the server answers `POST /api/v1/logs` and as
/// `centrale log submit` prints it, remote or local: the same value gives the same lines.
public struct SubmissionReport: Codable, Sendable, Equatable {
    /// The file's name, as the submitter gave it.
    public var file: String
    /// Whether the file was accepted (all or nothing).
    public var accepted: Bool
    public var newLogs: Int
    public var alreadyRecorded: Int
    /// New logs flagged for km review.
    public var flagged: Int
    /// Logs flagged for their driver: the trip and why.
    public var driverFlags: [DriverFlagItem]
    /// The problems of a rejected file, the first `maximumProblemsShown` of them, each as one line.
    public var problems: [Problem]
    /// How many problems there were in all.
    public var problemCount: Int
    /// The text's encoding: `utf-8`, or `windows-1252` for a file that was not UTF-8.
    public var encoding: String
    /// The file was refused before it was read (too large).
    public var refusedBeforeReading: Bool

    public static let maximumProblemsShown = 50

    public struct DriverFlagItem: Codable, Sendable, Equatable {
        public var trip: Int64
        public var reason: String
        public init(trip: Int64, reason: String) { self.trip = trip; self.reason = reason }
    }

    /// One problem: where, which field, and the whole line as the CLI prints it (after `error: `).
    public struct Problem: Codable, Sendable, Equatable {
        public var line: Int?
        public var field: String?
        public var text: String
        public init(line: Int?, field: String?, text: String) { self.line = line; self.field = field; self.text = text }
    }

    public init(file: String, accepted: Bool, newLogs: Int = 0, alreadyRecorded: Int = 0, flagged: Int = 0, driverFlags: [DriverFlagItem] = [],
                problems: [Problem] = [], problemCount: Int = 0, encoding: String = "utf-8", refusedBeforeReading: Bool = false) {
        self.file = file
        self.accepted = accepted
        self.newLogs = newLogs
        self.alreadyRecorded = alreadyRecorded
        self.flagged = flagged
        self.driverFlags = driverFlags
        self.problems = problems
        self.problemCount = problemCount
        self.encoding = encoding
        self.refusedBeforeReading = refusedBeforeReading
    }

    /// What `log submit` prints for the file, in `language`: lines for standard output and for standard error.
    public func output(_ language: Language) -> (out: [String], err: [String]) {
        let it = language == .it, error = ErrorWords(language).error
        if refusedBeforeReading {
            return ([], problems.map { "\(error) \($0.text)" } + [summary(language)])
        }
        if accepted {
            return ([summary(language)] + driverFlags.map { it ? "  servizio \($0.trip): \($0.reason)" : "  trip \($0.trip): \($0.reason)" }, [])
        }
        var err = problems.map { "\(error) \($0.text)" }
        if problemCount > problems.count {
            let more = problemCount - problems.count
            err.append(it ? "… e altri \(more) \(more == 1 ? "problema" : "problemi") (sono mostrati i primi \(problems.count))"
                          : "… and \(more) more problems (the first \(problems.count) are shown)")
        }
        err.append(summary(language))
        return ([], err)
    }

    /// The result's summary line, in `language` (the page shows it above the problems).
    public func summary(_ language: Language) -> String {
        let name = file.escapingControlCharacters
        switch language {
        case .it:
            if accepted {
                return "\(name): \(newLogs) \(newLogs == 1 ? "nuovo" : "nuovi"), \(alreadyRecorded) già \(alreadyRecorded == 1 ? "registrato" : "registrati")"
                    + (flagged > 0 ? ", \(flagged) da rivedere per i km" : "")
                    + (driverFlags.isEmpty ? "" : ", \(driverFlags.count) con l'autista da verificare")
                    + (encoding == "windows-1252" ? " (letto come Windows-1252: il file non è UTF-8)" : "") + "."
            }
            if refusedBeforeReading { return "\(name): rifiutato prima della lettura, non è stato scritto nulla." }
            return "\(name): rifiutato (\(problemCount) \(problemCount == 1 ? "problema" : "problemi")), non è stato scritto nulla."
        case .en:
            if accepted {
                return "\(name): \(newLogs) new, \(alreadyRecorded) already recorded"
                    + (flagged > 0 ? ", \(flagged) flagged for km review" : "")
                    + (driverFlags.isEmpty ? "" : ", \(driverFlags.count) flagged for the driver")
                    + (encoding == "windows-1252" ? " (read as Windows-1252: the file is not UTF-8)" : "") + "."
            }
            if refusedBeforeReading { return "\(name): rejected before reading, nothing written." }
            return "\(name): rejected (\(problemCount) problem\(problemCount == 1 ? "" : "s")), nothing written."
        }
    }
}

/// `POST /api/v1/trips/{id}/confirmation`.
public struct ConfirmationRequest: Codable, Sendable, Equatable {
    public var vehicle: String
    public var driver: String
    public init(vehicle: String, driver: String) { self.vehicle = vehicle; self.driver = driver }
}

/// `POST /api/v1/trips/{id}/decline`.
public struct DeclineRequest: Codable, Sendable, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// The answer to a confirmation or a decline: what was done, and the line the CLI prints.
public struct ActionReply: Codable, Sendable, Equatable {
    public var trip: Int64
    public var association: String
    public var vehicle: String?
    public var driver: String?
    /// The sentence `centrale confirm` or `decline` prints.
    public var message: String
    public init(trip: Int64, association: String, vehicle: String? = nil, driver: String? = nil, message: String) {
        self.trip = trip
        self.association = association
        self.vehicle = vehicle
        self.driver = driver
        self.message = message
    }
}

/// Every refusal's body: the message, as the CLI would print it after `error: `.
public struct ErrorReply: Codable, Sendable, Equatable {
    public var error: String
    public init(error: String) { self.error = error }
}

/// `GET /api/v1/whoami`: what the presented token is.
public struct WhoAmI: Codable, Sendable, Equatable {
    public var token: Int64
    public var role: TokenRole
    public var association: String?
    public var owner: String
    public init(token: Int64, role: TokenRole, association: String?, owner: String) {
        self.token = token
        self.role = role
        self.association = association
        self.owner = owner
    }
}

/// `POST /api/v1/trips/{id}/log-amendment` (`centrale log amend`): the values to change, as
/// typed (km as `23,4` or `23.4`), and why.
public struct AmendmentRequest: Codable, Sendable, Equatable {
    public var reason: String
    public var km: String?
    public var odometerStart: String?
    public var odometerEnd: String?
    public var pickup: String?
    public var dropoff: String?
    public var waiting: Int?
    public var outcome: String?
    public var vehicle: String?
    public var driver: String?
    public var notes: String?

    public init(reason: String, km: String? = nil, odometerStart: String? = nil, odometerEnd: String? = nil, pickup: String? = nil,
                dropoff: String? = nil, waiting: Int? = nil, outcome: String? = nil, vehicle: String? = nil, driver: String? = nil,
                notes: String? = nil) {
        self.reason = reason
        self.km = km
        self.odometerStart = odometerStart
        self.odometerEnd = odometerEnd
        self.pickup = pickup
        self.dropoff = dropoff
        self.waiting = waiting
        self.outcome = outcome
        self.vehicle = vehicle
        self.driver = driver
        self.notes = notes
    }
}
