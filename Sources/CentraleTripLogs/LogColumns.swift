import Foundation
import CentraleDomain
import CentraleFormats

/// The columns of a trip-log file, with the other names people give them (Italian or English,
/// with spaces, underscores or dashes).
public enum LogColumn: String, CaseIterable, Sendable {
    case trip, date, vehicle, driver, odometerStart = "odometer_start", odometerEnd = "odometer_end", km
    case pickupTime = "pickup_time", dropoffTime = "dropoff_time", waitingMinutes = "waiting_minutes", outcome, notes

    /// Accepted header names, already folded (lower case, `_` for spaces and dashes).
    public var aliases: [String] {
        switch self {
        case .trip: ["trip", "trip_id", "id", "viaggio", "id_viaggio", "servizio", "n_servizio", "codice_servizio"]
        case .date: ["date", "data", "giorno"]
        case .vehicle: ["vehicle", "plate", "targa", "mezzo", "veicolo"]
        case .driver: ["driver", "driver_code", "autista", "codice_autista", "volontario"]
        case .odometerStart: ["odometer_start", "km_start", "km_inizio", "km_partenza", "contachilometri_inizio"]
        case .odometerEnd: ["odometer_end", "km_end", "km_fine", "km_arrivo", "contachilometri_fine"]
        case .km: ["km", "km_driven", "distance_km", "km_percorsi", "chilometri", "km_totali"]
        case .pickupTime: ["pickup_time", "pickup", "picked_up_at", "ora_presa", "ora_partenza", "ora_prelievo"]
        case .dropoffTime: ["dropoff_time", "dropoff", "dropped_off_at", "ora_arrivo", "ora_consegna"]
        case .waitingMinutes: ["waiting_minutes", "waiting", "attesa", "minuti_attesa", "attesa_minuti"]
        case .outcome: ["outcome", "esito", "result"]
        case .notes: ["notes", "note", "annotazioni"]
        }
    }

    /// The column's Italian name, as the Italian messages name it (one of its aliases).
    public var italianName: String {
        switch self {
        case .trip: "viaggio"
        case .date: "data"
        case .vehicle: "targa"
        case .driver: "autista"
        case .odometerStart: "km_inizio"
        case .odometerEnd: "km_fine"
        case .km: "km"
        case .pickupTime: "ora_presa"
        case .dropoffTime: "ora_arrivo"
        case .waitingMinutes: "attesa"
        case .outcome: "esito"
        case .notes: "note"
        }
    }

    /// How messages name the column where no file names it: `km_fine` in Italian,
    /// `odometer_end` in English (`LogRow.name` gives the file's own header instead).
    public var fieldName: FieldName { FieldName(rawValue, it: italianName, en: rawValue) }

    /// Folds a header as written (`Km Inizio`, `ora-presa`) to the form aliases use.
    public static func fold(_ header: String) -> String {
        var folded = ""
        for scalar in TextFolding.fold(header).unicodeScalars {
            switch scalar {
            case " ", "-", ".", "/": folded += "_"
            default: folded.unicodeScalars.append(scalar)
            }
        }
        while folded.contains("__") { folded = folded.replacingOccurrences(of: "__", with: "_") }
        return folded.trimmingCharacters(in: "_")
    }

    /// Columns that describe the trip rather than log it, as `centrale trips` exports them and
    /// offices keep them beside the log: read past (the trip's own record holds them), not refused.
    public static let descriptive: Set<String> = [
        "time", "ora", "ora_appuntamento", "appointment", "leg", "tratta", "andata_ritorno", "beneficiary", "beneficiario",
        "needs", "bisogni", "destination", "destinazione", "purpose", "motivo", "status", "stato", "association", "associazione",
        "comune", "address", "indirizzo", "from", "to", "partenza", "arrivo", "service_outcome", "esito_servizio",
    ]

    /// Hashed and compared by case, not by name (as a `String`-backed enum otherwise is): a
    /// row's cells are looked up by column a dozen times per row.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public static func == (a: LogColumn, b: LogColumn) -> Bool { a.ordinal == b.ordinal }

    /// The column's place in `allCases`.
    var ordinal: Int {
        switch self {
        case .trip: 0
        case .date: 1
        case .vehicle: 2
        case .driver: 3
        case .odometerStart: 4
        case .odometerEnd: 5
        case .km: 6
        case .pickupTime: 7
        case .dropoffTime: 8
        case .waitingMinutes: 9
        case .outcome: 10
        case .notes: 11
        }
    }

    /// The map from every accepted header name to its column.
    public static let byAlias: [String: LogColumn] = {
        var map: [String: LogColumn] = [:]
        for column in allCases { for alias in column.aliases { map[alias] = column } }
        return map
    }()
}
