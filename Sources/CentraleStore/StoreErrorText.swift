import CentraleFormats

/// A kind of record the store looks up, named in "not found" errors.
public enum StoreEntity: Hashable, Sendable {
    case association, beneficiary, token, trip, vehicle
    /// A volunteer of an association.
    case volunteer(of: String)

    var italian: String {
        switch self {
        case .association: "associazione"
        case .beneficiary: "beneficiario"
        case .token: "codice di accesso"
        case .trip: "servizio"
        case .vehicle: "mezzo"
        case .volunteer(let association): "volontario di \(association)"
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
        }
    }
}

/// The problem of a `StoreError`, in each language.
struct StoreErrorText: Message {
    let error: StoreError

    var italian: String {
        switch error {
        case let .cannotOpen(path, reason):
            "impossibile aprire la base dati \(path): \(reason). Controlla il percorso e che il file sia una base dati di Centrale."
        case let .noRegistry(path):
            "la base dati \(path) non ha ancora un registro"
        case let .notFound(entity, id):
            "\(entity.italianNone) '\(id)' nella base dati; controlla il codice."
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
        case let .cannotOpen(path, reason):
            "cannot open the database \(path): \(reason). Check the path and that the file is a Centrale database."
        case let .noRegistry(path):
            "the database \(path) has no registry yet"
        case let .notFound(entity, id):
            "no \(entity.english) '\(id)' in the database; check the code."
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
