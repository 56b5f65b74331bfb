/// What a person can do about a problem or a refusal: an action, with its typed values.
///
/// The core says which remedy applies and never how to type it; each edge renders it for its
/// interface: the command line as a command (`centrale log amend 12 --reason …`), the screen as
/// a key or in words. `italian` and `english` are the interface-free renderings.
public enum Remedy: Hashable, Sendable, Message {
    /// Start a trip-log file with its header line (there is a template with an example row).
    case logTemplate
    /// Look the trip id up among the trips (of one association, when known).
    case findTrip(association: String?)
    /// Correct the recorded log of `trip` with an amendment (of its km, when `km`).
    case amendLog(trip: Int64, km: Bool)
    /// Submit the trip's log first.
    case submitLog
    /// A km review is for a trip among the flagged ones.
    case findFlaggedTrip
    /// Review the flagged trips of `month` (`YYYY-MM`), or close it accepting the flags.
    case reviewFlags(month: String)
    /// Add a tariff version to the convention and load the registry again.
    case addTariff
    /// Load the registry into the database.
    case loadRegistry
    /// Create the database, or name the right one.
    case createDatabase
    /// Name Centrale's database, or a new file to create one.
    case chooseDatabase
    /// Upgrade the database's schema to this program's.
    case upgradeDatabase
    /// Plan the association's day again.
    case replan(date: String, association: String)
    /// End the person's suspension early, or choose other days.
    case resumeSuspension(beneficiary: String)
    /// Cancel the trips still to come (or wait for their logs).
    case cancelTrips([Int64])
    /// Book from the day the person is active, or change their activation date.
    case changeActivation(beneficiary: String)
    /// Book after the person's suspension, or end it early.
    case bookAfterSuspension(beneficiary: String)
    /// Renew the person's authorisation.
    case renewAuthorisation(beneficiary: String)
    /// Have the authorisation extended to the purpose, then record it.
    case extendPurposes(beneficiary: String)
    /// Have the person's needs assessed, then record them.
    case assessNeeds(beneficiary: String)
    /// Close the person's record first.
    case closeBeneficiary(String)
    /// Add the trip late, with a reason: the closed month stays closed.
    case addLate

    /// The remedy in Italian words, naming no command or key.
    public var italian: String {
        switch self {
        case .logTemplate: "il file inizia con la riga d'intestazione (il modello dei registri ne ha una)"
        case .findTrip(let association):
            association.map { "controlla il numero tra i servizi di \($0)" } ?? "indica il numero di un servizio dell'associazione"
        case let .amendLog(trip, km): km ? "per correggere il registro stesso, rettifica il registro del servizio \(trip)"
                                         : "per correggere un registro già registrato, rettifica il registro del servizio \(trip)"
        case .submitLog: "prima invia il registro"
        case .findFlaggedTrip: "la revisione dei km è per i servizi registrati con i km segnalati"
        case .reviewFlags(let month): "rivedi i km segnalati di \(month), o chiudi il mese accettandoli (sono allora pagati alla stima)"
        case .addTariff: "aggiungine una a convention.toml e carica di nuovo il registro"
        case .loadRegistry: "carica prima il registro."
        case .createDatabase: "creala, o indica il percorso giusto."
        case .chooseDatabase: "indica il percorso della base dati di Centrale, o un file nuovo per crearne una."
        case .upgradeDatabase: "aggiornane lo schema (aggiunge soltanto; tieni prima una copia)."
        case let .replan(date, association): "pianifica di nuovo la giornata \(date) di \(association)"
        case .resumeSuspension: "fai terminare prima la sospensione, o scegli altri giorni"
        case .cancelTrips: "annullali, o attendi i loro registri prima di cancellare i dati"
        case .changeActivation(let code): "prenota da quel giorno, o cambia la data di attivazione di \(code)"
        case .bookAfterSuspension: "prenota dopo la sospensione, o falla terminare prima"
        case .renewAuthorisation(let code): "rinnova l'autorizzazione di \(code)"
        case .extendPurposes(let code): "chiedi al PUA di estendere l'autorizzazione, poi registra i motivi di \(code)"
        case .assessNeeds(let code): "chiedi la valutazione dei bisogni, poi registra i bisogni di \(code)"
        case .closeBeneficiary: "chiudi prima la scheda"
        case .addLate: "un servizio aggiunto a un mese chiuso va aggiunto come tardivo, con un motivo (il mese resta chiuso; "
            + "il suo registro è pagato come conguaglio nel mese corrente)"
        }
    }

    /// The remedy in English words, naming no command or key.
    public var english: String {
        switch self {
        case .logTemplate: "start with a header line (the log template has one)"
        case .findTrip(let association):
            association.map { "check the id among the trips of \($0)" } ?? "give the id of one of the association's trips"
        case let .amendLog(trip, km): km ? "to correct the log itself, amend the log of trip \(trip)"
                                         : "to correct a recorded log, amend the log of trip \(trip)"
        case .submitLog: "submit one first"
        case .findFlaggedTrip: "a km review is for a logged trip flagged for km review"
        case .reviewFlags(let month): "review the flagged trips of \(month), or close it accepting the flags (they are then paid at the estimate)"
        case .addTariff: "add one to convention.toml and load the registry again"
        case .loadRegistry: "load the registry first."
        case .createDatabase: "create one, or give the right path."
        case .chooseDatabase: "give the path of Centrale's database, or a new file to create one."
        case .upgradeDatabase: "upgrade its schema (it only adds to it; keep a copy first)."
        case let .replan(date, association): "plan \(association)'s day \(date) again"
        case .resumeSuspension: "end that suspension early or choose other days"
        case .cancelTrips: "cancel them or wait for their logs before erasing"
        case .changeActivation(let code): "book from that day, or change the activation date of \(code)"
        case .bookAfterSuspension: "book after the suspension, or end it early"
        case .renewAuthorisation(let code): "renew the authorisation of \(code)"
        case .extendPurposes(let code): "ask the PUA to extend the authorisation, then record the purposes of \(code)"
        case .assessNeeds(let code): "ask for the needs to be assessed, then record the needs of \(code)"
        case .closeBeneficiary: "close it first"
        case .addLate: "a trip added to a closed month must be added late, with a reason (the month stays closed; "
            + "its log is paid as an adjustment in the current month)"
        }
    }
}

/// An error that says what is wrong (`problem`) and, apart, what to do about it (`remedy`),
/// so that each edge can render the remedy for its interface.
public protocol RemediableError: Error, CustomStringConvertible {
    /// What is wrong, with no advice on what to do, in each language.
    var problem: any Message { get }
    /// What to do about it, if there is something to say.
    var remedy: Remedy? { get }
}

extension RemediableError {
    /// The problem in `language` and the remedy rendered by `render`, joined by `; `.
    public func text(_ language: Language, _ render: (Remedy) -> String) -> String {
        let problem = problem.text(language)
        return remedy.map { "\(problem); \(render($0))" } ?? problem
    }

    /// The problem and the remedy in English words (for logs and test failures).
    public var description: String { text(.en, \.english) }
}
