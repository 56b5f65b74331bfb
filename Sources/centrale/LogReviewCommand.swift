import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleStore
import CentraleTripLogs

/// `centrale log review`: the decision on a trip flagged for km review.
struct LogReviewCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a trip flagged for km review: accept the logged km, pay the estimate, or pay N km (audited).",
        discussion: """
            A flagged trip is paid at the estimate (capped at the logged km) until it is reviewed. Give exactly \
            one decision: --accept pays the logged km, --use-estimate the estimate (capped at the logged km), \
            --km N pays N km (at most the logged km; to correct the log itself use `centrale log amend`). \
            A new review replaces an earlier one. For a trip of a closed month the month stays as it was \
            closed: the difference is an adjustment line in the current month.
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The trip id.") var trip: Int64
    @Flag(help: "Pay the logged km.") var accept = false
    @Flag(help: "Pay the estimate (capped at the logged km).") var useEstimate = false
    @Option(parsing: .unconditional, help: "Pay these km (at most the logged km).") var km: String?
    @Option(help: "Why (required; recorded in the audit trail).") var reason: String

    func validate() throws {
        let decisions = [accept, useEstimate, km != nil].filter { $0 }.count
        if decisions != 1 { throw ValidationError("give exactly one decision: --accept, --use-estimate or --km N") }
        if let km, DecimalText.scaled(km, decimals: 3).map({ $0 >= 0 }) != true { throw ValidationError("--km: '\(km)' is not a number of km") }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason: say why (it is recorded in the audit trail)") }
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
