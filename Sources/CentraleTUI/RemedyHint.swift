import CentraleFormats

/// The screen's rendering of a remedy, in Italian: a key of the screen where there is one,
/// otherwise words (never a command of the command line).
public enum RemedyHint {
    public static func text(_ remedy: Remedy) -> String {
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

    /// A refusal as the screen shows it: the problem, then the remedy for the screen.
    public static func message(_ error: any RemediableError) -> String { error.text(.it, text) }
}
