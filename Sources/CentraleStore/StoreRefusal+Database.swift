import CentraleFormats

/// The refusals about the database file itself: what it is, whether it may be written, and a
/// stored value no program of ours writes (a damaged file or a hand edit).
public enum DatabaseRefusal: Message, Equatable {
    /// A writing command on a database file that is read-only.
    case readOnly(path: String)
    /// A SQLite file with tables but no migration of ours.
    case notCentrale(path: String)
    /// A query read by a column name it does not select: a bug, never the user's doing.
    case missingColumn(String)
    /// A stored value (quoted as it is) that its column cannot hold.
    case invalidValue(String, column: String)
    /// A volunteer's stored shifts that do not parse.
    case damagedShifts(volunteer: String, shifts: String)
    /// A token's stored role that is no role.
    case damagedTokenRole(token: Int64, role: String)
    /// A stored authorisation's purposes that do not parse.
    case damagedPurposes(String)
    /// A trip's stored date that is no date.
    case damagedTripDate(trip: Int64, date: String)
    /// A frozen statement in a shape newer than this program.
    case unknownSnapshotVersion(Int)
    /// A frozen statement holding a value no statement can hold.
    case damagedSnapshot(association: String, month: String, SnapshotField, value: String)

    /// What a frozen statement holds that may be damaged.
    public enum SnapshotField: Sendable, Hashable {
        case costItem, month, date, outcome

        var italian: String {
            switch self {
            case .costItem: "voce di costo"
            case .month: "mese"
            case .date: "data"
            case .outcome: "esito"
            }
        }

        var english: String {
            switch self {
            case .costItem: "the cost item"
            case .month: "the month"
            case .date: "the date"
            case .outcome: "the outcome"
            }
        }
    }

    public var italian: String {
        switch self {
        case .readOnly(let path):
            "la base dati \(path) è di sola lettura e questo comando la modifica. I comandi che leggono soltanto (status, report, "
                + "statement, trips, log flags, request list) la usano così com'è."
        case .notCentrale(let path):
            "\(path) è una base dati SQLite, ma non di Centrale; non è stato scritto nulla"
        case .missingColumn(let name):
            "errore interno: la query non ha la colonna \(name)"
        case let .invalidValue(value, column):
            "la base dati contiene \(value) nella colonna \(column), che non è un valore ammesso (file danneggiato o modificato a mano)"
        case let .damagedShifts(volunteer, shifts):
            "il volontario \(volunteer) ha in archivio i turni '\(shifts)', che non sono validi; la base dati è danneggiata"
        case let .damagedTokenRole(token, role):
            "il codice di accesso \(token) ha in archivio il ruolo '\(role)', che non esiste; la base dati è danneggiata"
        case .damagedPurposes(let text):
            "un'autorizzazione in archivio indica i motivi '\(text)', che non sono validi; la base dati è danneggiata"
        case let .damagedTripDate(trip, date):
            "il servizio \(trip) ha in archivio la data '\(date)', che non è una data; la base dati è danneggiata"
        case .unknownSnapshotVersion(let version):
            "un rendiconto congelato ha la versione di formato \(version), che questo programma non conosce; usa una versione più recente di Centrale"
        case let .damagedSnapshot(association, month, field, value):
            "il rendiconto congelato di \(association) per \(StoreItalian.month(iso: month)) ha un valore non valido come \(field.italian): "
                + "'\(value)'; la copia congelata è danneggiata"
        }
    }

    public var english: String {
        switch self {
        case .readOnly(let path):
            "the database \(path) is read-only; this command writes to it. Reading commands (status, report, "
                + "statement, trips, log flags, request list) work on it as it is."
        case .notCentrale(let path):
            "\(path) is a SQLite database, but not a Centrale one; nothing was written"
        case .missingColumn(let name):
            "internal: the query has no column \(name)"
        case let .invalidValue(value, column):
            "the database holds \(value) in column \(column), which is not a valid value (a damaged file or a hand edit)"
        case let .damagedShifts(volunteer, shifts):
            "volunteer \(volunteer) has the stored shifts '\(shifts)', which are not valid; the database is damaged"
        case let .damagedTokenRole(token, role):
            "token \(token) has the stored role '\(role)'; the database is damaged"
        case .damagedPurposes(let text):
            "a stored authorisation lists the purposes '\(text)', which are not valid; the database is damaged"
        case let .damagedTripDate(trip, date):
            "trip \(trip) has the date '\(date)', which is not a date; the database is damaged"
        case .unknownSnapshotVersion(let version):
            "a frozen statement has shape version \(version), which this program does not know; use a newer Centrale"
        case let .damagedSnapshot(association, month, field, value):
            "the frozen statement of \(association) for \(month) holds \(field.english) '\(value)', which is not valid; the snapshot is damaged"
        }
    }
}
