import CentraleFormats

/// The refusals of `centrale demo` and of the benchmarks (`centrale-bench`): a file they will
/// not overwrite, a year not begun, a generated file the store answered unexpectedly.
public enum DemoRefusal: Message, Equatable {
    /// The file exists and is no Centrale database.
    case notADatabase(String)
    /// The database holds real data, not an earlier demo.
    case realData(String)
    /// The database was written by a newer Centrale (its unknown migration).
    case newerSchema(String, migration: String)
    /// The demo database was changed after it was built.
    case changedAfterBuild(String, changes: Int64)
    /// A demo year after the current one.
    case yearNotBegun(Int, current: Int)
    /// A file the demo made wrong on purpose was accepted.
    case badFileAccepted(String)
    /// A file the demo made right was rejected, with its first problems.
    case fileRejected(String, problems: [FieldError])
    /// The benchmark's server did not start.
    case serverDidNotStart
    /// A benchmark's log file was rejected when submitted alone, with its problems as the
    /// server's report listed them (already rendered).
    case benchFileRejectedAlone(association: String, problems: String)
    /// The benchmark's log file was rejected, with its first problems.
    case benchFileRejected(problems: [FieldError])

    public var italian: String {
        switch self {
        case .notADatabase(let path):
            "\(path) esiste e non è una base dati di Centrale; scegli un altro file con --db"
        case .realData(let path):
            "\(path) contiene dati reali, non una demo precedente; la demo non lo sovrascrive. "
                + "Scegli un altro file con --db (o CENTRALE_DB)."
        case let .newerSchema(path, migration):
            "\(path) è stato scritto da una versione più recente di Centrale (schema \(migration)); la demo non lo sostituisce. "
                + "Scegli un altro file con --db."
        case let .changedAfterBuild(path, changes):
            "\(path) è una demo, ma dopo la sua creazione \(changes == 1 ? "vi è stata fatta 1 modifica" : "vi sono state fatte \(changes) modifiche") "
                + "(vedi lo storico delle modifiche); la demo non \(changes == 1 ? "la" : "le") sovrascrive. "
                + "Scegli un altro file con --db, o rimuovi tu questo."
        case let .yearNotBegun(year, current):
            "il \(year) non è ancora cominciato (siamo nel \(current)): una demo registra solo servizi già svolti; "
                + "indica --year \(current) o precedente"
        case .badFileAccepted(let name):
            "il file errato della demo \(name) è stato accettato"
        case let .fileRejected(path, problems):
            "il file della demo \(path) è stato respinto: " + problems.map { $0.rendered(.it, \.italian) }.joined(separator: "; ")
        case .serverDidNotStart:
            "il server non è partito"
        case let .benchFileRejectedAlone(association, problems):
            "il file di \(association) è stato respinto inviato da solo: \(problems)"
        case .benchFileRejected(let problems):
            "il file del benchmark è stato respinto: " + problems.map { $0.rendered(.it, \.italian) }.joined(separator: "; ")
        }
    }

    public var english: String {
        switch self {
        case .notADatabase(let path):
            "\(path) exists and is not a Centrale database; choose another file with --db"
        case .realData(let path):
            "\(path) holds real data, not an earlier demo; the demo will not overwrite it. "
                + "Choose another file with --db (or CENTRALE_DB)."
        case let .newerSchema(path, migration):
            "\(path) was written by a newer Centrale (schema \(migration)); the demo will not replace it. "
                + "Choose another file with --db."
        case let .changedAfterBuild(path, changes):
            "\(path) is a demo, but \(changes) change\(changes == 1 ? " was" : "s were") made in it after it was built "
                + "(see its audit trail); the demo will not overwrite them. Choose another file with --db, or remove this one yourself."
        case let .yearNotBegun(year, current):
            "\(year) has not begun yet (it is \(current)): a demo logs only trips that have taken place; "
                + "give --year \(current) or earlier"
        case .badFileAccepted(let name):
            "the demo's bad file \(name) was accepted"
        case let .fileRejected(path, problems):
            "the demo's file \(path) was rejected: \(problems.map(\.description).joined(separator: "; "))"
        case .serverDidNotStart:
            "the server did not start"
        case let .benchFileRejectedAlone(association, problems):
            "\(association)'s file was rejected one by one: \(problems)"
        case .benchFileRejected(let problems):
            "the benchmark's file was rejected: \(problems)"
        }
    }
}
