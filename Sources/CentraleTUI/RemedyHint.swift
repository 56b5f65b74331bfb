import CentraleFormats

/// The screen's rendering of a remedy, in each language: a key of the screen where there is
/// one, otherwise words (never a command of the command line).
public enum RemedyHint {
    /// The remedy in Italian.
    public static func text(_ remedy: Remedy) -> String { italian(remedy) }

    /// The remedy in `language`, as a renderer for `RemediableError.text(_:_:)`.
    public static func render(_ language: Language) -> (Remedy) -> String {
        switch language {
        case .it: return { italian($0) }
        case .en: return { english($0) }
        }
    }

    static func italian(_ remedy: Remedy) -> String {
        switch remedy {
        case .logTemplate: "il file inizia con la riga d'intestazione (il modello dei registri ne ha una)"
        case .findTrip(let association):
            association.map { "controlla il numero tra i servizi di \($0)" } ?? "indica il numero di un servizio dell'associazione"
        case let .amendLog(trip, _): "il registro del servizio \(trip) si corregge con una rettifica dell'associazione"
        case .submitLog: "prima l'associazione invia il registro"
        case .findFlaggedTrip: "la revisione dei km è per i servizi registrati con i km segnalati"
        case .reviewFlags(let month): "rivedi i km segnalati di \(month), o chiudi il mese accettandoli (pagati alla stima)"
        case .addTariff: "aggiungi una versione delle tariffe alla convenzione e ricarica il registro"
        case .loadRegistry: "carica prima il registro."
        case .createDatabase: "creala, o indica quella giusta."
        case .chooseDatabase: "indica la base dati di Centrale, o un file nuovo per crearne una."
        case .upgradeDatabase: "aggiornane prima lo schema (tieni una copia)."
        case .replan: "p ricalcola la proposta dei giri"
        case .resumeSuspension(let code): "fai riprendere prima \(code), o scegli altri giorni"
        case .cancelTrips: "annulla prima i servizi, o attendi i loro registri"
        case .changeActivation: "prenota da quel giorno, o fai cambiare la data di attivazione"
        case .bookAfterSuspension: "prenota dopo la sospensione, o falla terminare prima"
        case .renewAuthorisation: "l'autorizzazione va rinnovata"
        case .extendPurposes: "chiedi al PUA di estendere l'autorizzazione ai motivi"
        case .assessNeeds: "chiedi al PUA di valutare i bisogni"
        case .closeBeneficiary: "prima chiudi la scheda (h)"
        case .addLate: "in un mese chiuso un servizio si aggiunge solo come tardivo, con un motivo, fuori da questo schermo"
        }
    }

    static func english(_ remedy: Remedy) -> String {
        switch remedy {
        case .logTemplate: "the file starts with the header line (the log template has one)"
        case .findTrip(let association):
            association.map { "check the id among the trips of \($0)" } ?? "give the id of one of the association's trips"
        case let .amendLog(trip, _): "the log of trip \(trip) is corrected with an amendment by the association"
        case .submitLog: "the association submits the log first"
        case .findFlaggedTrip: "a km review is for the logged trips with flagged km"
        case .reviewFlags(let month): "review the flagged km of \(month), or close the month accepting them (paid at the estimate)"
        case .addTariff: "add a tariff version to the convention and load the registry again"
        case .loadRegistry: "load the registry first."
        case .createDatabase: "create it, or name the right one."
        case .chooseDatabase: "name Centrale's database, or a new file to create one."
        case .upgradeDatabase: "upgrade its schema first (keep a copy)."
        case .replan: "p plans the rides again"
        case .resumeSuspension(let code): "have \(code)'s suspension end first, or choose other days"
        case .cancelTrips: "cancel the trips first, or wait for their logs"
        case .changeActivation: "book from that day, or have the activation date changed"
        case .bookAfterSuspension: "book after the suspension, or have it end first"
        case .renewAuthorisation: "the authorisation must be renewed"
        case .extendPurposes: "ask the PUA to extend the authorisation to the purposes"
        case .assessNeeds: "ask the PUA to assess the needs"
        case .closeBeneficiary: "close the card first (h)"
        case .addLate: "in a closed month a trip is added only late, with a reason, outside this screen"
        }
    }

    /// A refusal as the screen shows it: the problem, then the remedy for the screen (Italian by default).
    public static func message(_ error: any RemediableError, _ language: Language = .it) -> String {
        error.text(language, render(language))
    }
}
