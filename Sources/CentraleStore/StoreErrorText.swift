import CentraleFormats

/// A kind of record the store looks up, named in "not found" errors.
public enum StoreEntity: Hashable, Sendable {
    case association, beneficiary, token, trip, vehicle
    /// A volunteer of an association.
    case volunteer(of: String)
    /// A vehicle of an association's fleet.
    case vehicleOfAssociation(String)

    var italian: String {
        switch self {
        case .association: "associazione"
        case .beneficiary: "beneficiario"
        case .token: "codice di accesso"
        case .trip: "servizio"
        case .vehicle: "mezzo"
        case .volunteer(let association): "volontario di \(association)"
        case .vehicleOfAssociation(let association): "mezzo di \(association)"
        }
    }

    /// `nessuna associazione`, `nessun servizio`: "no" agreeing with the record's gender.
    var italianNone: String {
        switch self {
        case .association: "nessuna associazione"
        case .beneficiary: "nessun beneficiario"
        case .token: "nessun codice di accesso"
        case .trip: "nessun servizio"
        case .vehicle: "nessun mezzo"
        case .volunteer(let association): "nessun volontario di \(association)"
        case .vehicleOfAssociation(let association): "nessun mezzo di \(association)"
        }
    }

    var english: String {
        switch self {
        case .association: "association"
        case .beneficiary: "beneficiary"
        case .token: "token"
        case .trip: "trip"
        case .vehicle: "vehicle"
        case .volunteer(let association): "volunteer of \(association)"
        case .vehicleOfAssociation(let association): "vehicle of \(association)"
        }
    }

    /// The codes a "not found" error lists: at most `shown`, then how many more there are.
    static func listed(_ known: [String], more: (Int) -> String) -> String {
        let shown = 30
        guard known.count > shown else { return known.joined(separator: ", ") }
        return known.prefix(shown).joined(separator: ", ") + " " + more(known.count - shown)
    }
}

/// The problem of a `StoreError`, in each language.
struct StoreErrorText: Message {
    let error: StoreError

    var italian: String {
        switch error {
        case let .cannotOpen(path, .notSQLite):
            "\(path) non è una base dati di Centrale (non è nemmeno un file SQLite); non è stato scritto nulla"
        case let .cannotOpen(path, .damaged):
            "la base dati \(path) è danneggiata (SQLite non riesce a leggerla); non è stato scritto nulla. Ripristinala da una copia di sicurezza."
        case let .cannotOpen(path, .locked):
            "la base dati \(path) è bloccata da un altro programma da più di 5 secondi; non è stato scritto nulla. Riprova quando ha finito."
        case let .cannotOpen(path, .unreachable):
            "impossibile aprire \(path): la cartella non esiste, o mancano i permessi di lettura o scrittura. Controlla il percorso e i permessi."
        case let .cannotOpen(path, .diskFull):
            "il disco che contiene \(path) è pieno; non è stato scritto nulla. Libera spazio e riprova."
        case let .cannotOpen(path, .other(reason)):
            "impossibile aprire la base dati \(path) (SQLite risponde: \(reason)). Controlla il percorso e che il file sia una base dati di Centrale."
        case let .noRegistry(path):
            "la base dati \(path) non ha ancora un registro"
        case let .notFound(entity, id, known) where known.isEmpty:
            "\(entity.italianNone) '\(id)' nella base dati; controlla il codice."
        case let .notFound(entity, id, known):
            "\(entity.italianNone) '\(id)' nella base dati; controlla il codice (quelli registrati: "
                + StoreEntity.listed(known, more: { "e altri \($0)" }) + ")."
        case let .refused(refusal, _):
            refusal.italian
        case let .noDatabase(path):
            "nessuna base dati in \(path)"
        case let .newerSchema(path, database, program):
            "la base dati \(path) è stata scritta da una versione più recente di Centrale (il suo schema è a \(database); "
                + "questo programma conosce fino a \(program)); non è stato scritto nulla: usa il programma più recente."
        case let .olderSchema(path, database, program, _):
            "la base dati \(path) ha uno schema più vecchio (\(database); questo programma richiede \(program))"
        case let .changedMeanwhile(trip, current, seen):
            "il servizio \(trip) è stato modificato da altri nel frattempo (versione \(current), tu vedevi la \(seen)); ricaricalo e riprova"
        }
    }

    var english: String {
        switch error {
        case let .cannotOpen(path, .notSQLite):
            "\(path) is not a Centrale database (it is not even a SQLite file); nothing was written"
        case let .cannotOpen(path, .damaged):
            "the database \(path) is damaged (SQLite cannot read it); nothing was written. Restore it from a backup."
        case let .cannotOpen(path, .locked):
            "the database \(path) has been locked by another program for more than 5 seconds; nothing was written. Try again when it has finished."
        case let .cannotOpen(path, .unreachable):
            "cannot open \(path): its folder does not exist, or read or write permission is missing. Check the path and the permissions."
        case let .cannotOpen(path, .diskFull):
            "the disk holding \(path) is full; nothing was written. Free some space and try again."
        case let .cannotOpen(path, .other(reason)):
            "cannot open the database \(path) (SQLite says: \(reason)). Check the path and that the file is a Centrale database."
        case let .noRegistry(path):
            "the database \(path) has no registry yet"
        case let .notFound(entity, id, known) where known.isEmpty:
            "no \(entity.english) '\(id)' in the database; check the code."
        case let .notFound(entity, id, known):
            "no \(entity.english) '\(id)' in the database; check the code (those registered: "
                + StoreEntity.listed(known, more: { "and \($0) more" }) + ")."
        case let .refused(refusal, _):
            refusal.english
        case let .noDatabase(path):
            "no database at \(path)"
        case let .newerSchema(path, database, program):
            "the database \(path) was written by a newer version of Centrale (its schema is at \(database); "
                + "this program knows up to \(program)); nothing was written: use the newer program."
        case let .olderSchema(path, database, program, _):
            "the database \(path) has an older schema (\(database); this program needs \(program))"
        case let .changedMeanwhile(trip, current, seen):
            "trip \(trip) was changed by someone else meanwhile (version \(current), you saw \(seen)); reload it and try again"
        }
    }
}
