import CentraleDomain
import CentraleFormats

/// How an association writes its trip-log files: the demo gives each association one style,
/// as their office software would.
public enum LogDialect: CaseIterable, Sendable {
    /// English headers, commas, ISO dates, decimal points, LF.
    case englishCSV
    /// Italian headers, semicolons, dd/mm/yyyy, decimal commas, CRLF and a byte-order mark
    /// (a spreadsheet saved as "CSV UTF-8" in Italian).
    case italianSpreadsheet
    /// Italian headers, commas, decimal commas in quotes.
    case italianQuoted
    /// A JSON array.
    case json

    /// The file extension.
    public var fileExtension: String { self == .json ? "json" : "csv" }
}

/// One synthetic trip log, before it is written in a dialect.
public struct SyntheticLog: Sendable, Hashable {
    public var trip: TripRequest
    public var vehicle: String
    public var driver: String
    public var odometers: (start: Distance, end: Distance)?
    public var driven: Distance
    public var pickup: LocalTime?
    public var dropoff: LocalTime?
    public var waiting: Int
    public var outcome: TripOutcome
    public var notes: String

    public static func == (a: SyntheticLog, b: SyntheticLog) -> Bool { a.trip.id == b.trip.id && a.driven == b.driven }
    public func hash(into hasher: inout Hasher) { hasher.combine(trip.id) }
}

/// Writes synthetic logs as the text of a file in a dialect.
public enum LogFileWriter {
    /// The file's text.
    public static func text(_ logs: [SyntheticLog], dialect: LogDialect) -> String {
        switch dialect {
        case .json: return json(logs)
        case .englishCSV:
            let header = "trip,date,vehicle,driver,odometer_start,odometer_end,km,pickup_time,dropoff_time,waiting_minutes,outcome,notes"
            return ([header] + logs.map { row($0, separator: ",", date: $0.trip.date.description, decimal: ".", quoteDecimals: false,
                                             outcome: $0.outcome.rawValue) }).joined(separator: "\n") + "\n"
        case .italianSpreadsheet:
            let header = "Viaggio;Data;Targa;Autista;Km inizio;Km fine;Km;Ora presa;Ora arrivo;Attesa;Esito;Note"
            return "\u{FEFF}" + ([header] + logs.map { row($0, separator: ";", date: italian($0.trip.date), decimal: ",", quoteDecimals: false,
                                                          outcome: $0.outcome.italianName) }).joined(separator: "\r\n") + "\r\n"
        case .italianQuoted:
            let header = "viaggio,data,targa,autista,km_inizio,km_fine,km_percorsi,ora_presa,ora_arrivo,attesa,esito,note"
            return ([header] + logs.map { row($0, separator: ",", date: italian($0.trip.date), decimal: ",", quoteDecimals: true,
                                             outcome: $0.outcome.italianName) }).joined(separator: "\n") + "\n"
        }
    }

    static func italian(_ date: LocalDate) -> String {
        date.italianText
    }

    static func km(_ distance: Distance, decimal: String) -> String {
        distance.kilometresText(decimal == "," ? .italianCell : .machine)
    }

    static func row(_ log: SyntheticLog, separator: String, date: String, decimal: String, quoteDecimals: Bool, outcome: String) -> String {
        func number(_ d: Distance?) -> String {
            guard let d else { return "" }
            let text = km(d, decimal: decimal)
            return quoteDecimals || (decimal == "," && separator == ",") ? "\"\(text)\"" : text
        }
        // Free text as CSVWriter writes it: quoted when needed with inner quotes doubled (splitting on
        // quotes dropped the empty pieces, so a note starting or ending with one lost it), and neutralised.
        let notes = CSVWriter(separator: Character(separator)).field(log.notes)
        return [String(log.trip.id), date, log.vehicle, log.driver, number(log.odometers?.start), number(log.odometers?.end),
                log.odometers == nil ? number(log.driven) : "", log.pickup?.description ?? "", log.dropoff?.description ?? "",
                String(log.waiting), outcome, notes].joined(separator: separator)
    }

    static func json(_ logs: [SyntheticLog]) -> String {
        let items = logs.map { log -> String in
            var fields = ["\"trip\": \(log.trip.id)", "\"date\": \"\(log.trip.date)\"", "\"vehicle\": \"\(log.vehicle)\"", "\"driver\": \"\(log.driver)\""]
            if let odometers = log.odometers {
                fields += ["\"odometer_start\": \(km(odometers.start, decimal: "."))", "\"odometer_end\": \(km(odometers.end, decimal: "."))"]
            } else {
                fields.append("\"km\": \(km(log.driven, decimal: "."))")
            }
            if let pickup = log.pickup { fields.append("\"pickup_time\": \"\(pickup)\"") }
            if let dropoff = log.dropoff { fields.append("\"dropoff_time\": \"\(dropoff)\"") }
            fields += ["\"waiting_minutes\": \(log.waiting)", "\"outcome\": \"\(log.outcome.rawValue)\""]
            if !log.notes.isEmpty { fields.append("\"notes\": \"\(log.notes)\"") }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
