import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleStore
import CentraleTripLogs

/// `centrale log review`: the decision on a trip flagged for km review.
struct LogReviewCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "review",
        abstract: localized(it: "Rivede i km di un servizio segnalato: accetta i km registrati, paga la stima o paga N km (con traccia nello storico delle modifiche).",
                            en: "Review a trip flagged for km review: accept the logged km, pay the estimate, or pay N km (audited)."),
        discussion: localized(it: """
            Un servizio segnalato è pagato alla stima (al massimo i km registrati) finché non viene rivisto. Indica una \
            sola decisione: --accept paga i km registrati, --use-estimate la stima (al massimo i km registrati), \
            --km N paga N km (al massimo i km registrati; per correggere il registro stesso usa `centrale log amend`). \
            Una nuova revisione sostituisce quella precedente. Per un servizio di un mese chiuso il mese resta com'era \
            alla chiusura: la differenza diventa una riga di conguaglio nel mese in corso.
            """, en: """
            A flagged trip is paid at the estimate (capped at the logged km) until it is reviewed. Give exactly \
            one decision: --accept pays the logged km, --use-estimate the estimate (capped at the logged km), \
            --km N pays N km (at most the logged km; to correct the log itself use `centrale log amend`). \
            A new review replaces an earlier one. For a trip of a closed month the month stays as it was \
            closed: the difference is an adjustment line in the current month.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del servizio.", en: "The trip id."), valueName: localized(it: "servizio", en: "trip"))) var trip: Int64
    @Flag(help: ArgumentHelp(localized(it: "Paga i km registrati.", en: "Pay the logged km."))) var accept = false
    @Flag(help: ArgumentHelp(localized(it: "Paga la stima (al massimo i km registrati).", en: "Pay the estimate (capped at the logged km)."))) var useEstimate = false
    @Option(parsing: .unconditional, help: ArgumentHelp(localized(it: "Paga questi km (al massimo i km registrati).", en: "Pay these km (at most the logged km)."))) var km: String?
    @Option(help: ArgumentHelp(localized(it: "Il motivo (obbligatorio; registrato nello storico delle modifiche).", en: "Why (required; recorded in the audit trail)."), valueName: localized(it: "causale", en: "reason"))) var reason: String

    func validate() throws {
        let decisions = [accept, useEstimate, km != nil].filter { $0 }.count
        if decisions != 1 {
            throw ValidationError(localized(it: "indica una sola decisione: --accept, --use-estimate o --km N",
                                            en: "give exactly one decision: --accept, --use-estimate or --km N"))
        }
        if let km, DecimalText.scaled(km, decimals: 3).map({ $0 >= 0 }) != true {
            throw ValidationError(localized(it: "--km: '\(km)' non è un numero di km", en: "--km: '\(km)' is not a number of km"))
        }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(localized(it: "--reason: scrivi il motivo (viene registrato nello storico delle modifiche)",
                                            en: "--reason: say why (it is recorded in the audit trail)"))
        }
    }

    func run(_ context: AppContext) throws {
        let decision: KmReview = accept ? .accept : useEstimate ? .useEstimate : .km(Distance(metres: DecimalText.scaled(km!, decimals: 3)!))
        let result = try context.store.reviewKm(trip: trip, decision: decision, actor: Actor(try context.operatorName(), reason: reason))
        try context.say(.kmReviewed(trip: trip, decision: decision, paid: result.paid, logged: result.logged, estimated: result.estimated))
        if let adjustment = result.adjustment {
            try context.say(.reviewAdjustment(adjustment.amount, month: adjustment.month))
        }
    }
}
