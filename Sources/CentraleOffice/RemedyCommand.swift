import CentraleFormats

/// The command line's rendering of a remedy: the command to type.
public enum RemedyCommand {
    public static func text(_ remedy: Remedy) -> String {
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
            "give the path of Centrale's database, or a new file to `centrale init`."
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
