import CentraleFormats

/// The command line's rendering of a remedy: the command to type, in each language.
public enum RemedyCommand {
    /// The rendering of remedies in `language`.
    public static func render(_ language: Language) -> @Sendable (Remedy) -> String {
        { text($0, language) }
    }

    /// The remedy as the command to type, in `language`.
    public static func text(_ remedy: Remedy, _ language: Language) -> String {
        language == .it ? italian(remedy) : english(remedy)
    }

    static func italian(_ remedy: Remedy) -> String {
        switch remedy {
        case .logTemplate:
            "inizia con la riga d'intestazione (`centrale log template` ne stampa una)"
        case .findTrip(nil):
            "indica il numero del servizio da `centrale trips`"
        case .findTrip(let association?):
            "controlla il numero in `centrale trips --association \(association)`"
        case let .amendLog(trip, km: true):
            "per correggere il registro stesso usa `centrale log amend \(trip) --km N --reason \"…\"`"
        case let .amendLog(trip, km: false):
            "per correggere un registro già registrato usa `centrale log amend \(trip) --reason …`"
        case .submitLog:
            "invialo con `centrale log submit`"
        case .findFlaggedTrip:
            "la revisione dei km è per un servizio registrato segnalato da `centrale log flags`"
        case .reviewFlags(let month):
            """
            elencali con `centrale log flags --month \(month)` e rivedi ciascuno con `centrale log review SERVIZIO \
            --accept | --use-estimate | --km N --reason "…"`, o chiudi comunque con `--accept-flags --reason "…"` (sono \
            allora pagati alla stima; una revisione successiva è un conguaglio nel mese corrente)
            """
        case .addTariff:
            "aggiungine una a convention.toml ed esegui `centrale init`"
        case .loadRegistry:
            "esegui prima `centrale init`."
        case .createDatabase:
            "creane una con `centrale init` (o indica il percorso giusto con --db o CENTRALE_DB)."
        case .chooseDatabase:
            "controlla --db (o CENTRALE_DB): indica il percorso della base dati di Centrale, o un file nuovo per `centrale init`."
        case .upgradeDatabase:
            "aggiornala con `centrale upgrade` (aggiunge soltanto allo schema; tieni prima una copia)."
        case let .replan(date, association):
            "esegui di nuovo 'centrale plan --date \(date) --association \(association)'"
        case .resumeSuspension:
            "falla terminare con `centrale beneficiary resume` o scegli altri giorni"
        case .cancelTrips:
            "annullali (centrale request cancel SERVIZIO --reason …) o attendi i loro registri prima di cancellare i dati"
        case .changeActivation(let code):
            "prenota da quel giorno, o cambia l'attivazione con `beneficiary update \(code) --valid-from`"
        case .bookAfterSuspension(let code):
            "prenota dopo la sospensione, o falla terminare con `beneficiary resume \(code)`"
        case .renewAuthorisation(let code):
            "rinnovala con `beneficiary update \(code) --valid-from … --valid-until …`"
        case .extendPurposes(let code):
            "chiedi al PUA di estendere l'autorizzazione, poi `beneficiary update \(code) --purposes …`"
        case .assessNeeds(let code):
            "chiedi la valutazione dei bisogni, poi `beneficiary update \(code) --needs …`"
        case .closeBeneficiary(let code):
            "chiudi prima la scheda (beneficiary close \(code) --on DATA --reason …)"
        case .addLate:
            "un servizio aggiunto a un mese chiuso richiede --late --reason \"…\" (il mese resta chiuso; il suo registro è pagato come conguaglio nel mese corrente)"
        }
    }

    static func english(_ remedy: Remedy) -> String {
        switch remedy {
        case .logTemplate:
            "start with a header line (`centrale log template` prints one)"
        case .findTrip(nil):
            "give the trip id from `centrale trips`"
        case .findTrip(let association?):
            "check the id in `centrale trips --association \(association)`"
        case let .amendLog(trip, km: true):
            "to correct the log itself, use `centrale log amend \(trip) --km N --reason \"…\"`"
        case let .amendLog(trip, km: false):
            "to correct a recorded log use `centrale log amend \(trip) --reason …`"
        case .submitLog:
            "submit one with `centrale log submit`"
        case .findFlaggedTrip:
            "a km review is for a logged trip flagged by `centrale log flags`"
        case .reviewFlags(let month):
            """
            list them with `centrale log flags --month \(month)` and review each with `centrale log review TRIP \
            --accept | --use-estimate | --km N --reason "…"`, or close anyway with `--accept-flags --reason "…"` (they are \
            then paid at the estimate; a later review is an adjustment in the current month)
            """
        case .addTariff:
            "add one to convention.toml and run `centrale init`"
        case .loadRegistry:
            "run `centrale init` first."
        case .createDatabase:
            "create one with `centrale init` (or give the right path with --db or CENTRALE_DB)."
        case .chooseDatabase:
            "check --db (or CENTRALE_DB): give the path of Centrale's database, or a new file to `centrale init`."
        case .upgradeDatabase:
            "upgrade it with `centrale upgrade` (it only adds to the schema; keep a copy first)."
        case let .replan(date, association):
            "run 'centrale plan --date \(date) --association \(association)' again"
        case .resumeSuspension:
            "end it with `centrale beneficiary resume` or choose other days"
        case .cancelTrips:
            "cancel them (centrale request cancel TRIP --reason …) or wait for their logs before erasing"
        case .changeActivation(let code):
            "book from that day, or change the activation with `beneficiary update \(code) --valid-from`"
        case .bookAfterSuspension(let code):
            "book after the suspension, or end it with `beneficiary resume \(code)`"
        case .renewAuthorisation(let code):
            "renew it with `beneficiary update \(code) --valid-from … --valid-until …`"
        case .extendPurposes(let code):
            "ask the PUA to extend the authorisation, then `beneficiary update \(code) --purposes …`"
        case .assessNeeds(let code):
            "ask for the needs to be assessed, then `beneficiary update \(code) --needs …`"
        case .closeBeneficiary(let code):
            "close it first (beneficiary close \(code) --on DATE --reason …)"
        case .addLate:
            "a trip added to a closed month needs --late --reason \"…\" (the month stays closed; its log is paid as an adjustment in the current month)"
        }
    }
}
