import CentraleFormats
import CentraleDomain
import CentraleTariffs
import CentraleTripLogs

/// Every word of a statement, in each language: a property per label and a function per label
/// with a number (its plural) or a value, so that a missing translation does not compile.
struct StatementLabels: Sendable {
    var title: String
    /// The centre's summary of every association's statement of a month.
    var summaryTitle: @Sendable (_ month: String) -> String
    var trips: @Sendable (Int) -> String
    var flaggedForReview: @Sendable (Int) -> String
    var total: String
    var totalsByItem: String
    var item: String
    var amount: String
    var adjustments: String
    var adjustment: String
    var adjustmentsTitle: String
    var indirectCosts: String
    var flaggedTitle: String
    var flaggedNote: String
    var flaggedNoteHTML: String
    var trip: String
    var date: String
    var month: String
    var reason: String
    var vehicle: String
    var kmLogged: String
    var kmEstimated: String
    var kmPaid: String
    var review: String
    var flag: String
    var tripsTitle: String
    var beneficiary: String
    var outcome: String
    var lines: String
    var notReviewed: String
    var association: String
    var direct: String
    var indirect: String
    var flagged: String
    var adjustmentOf: @Sendable (_ month: String) -> String
    var outcomeName: @Sendable (TripOutcome) -> String
    var itemName: @Sendable (CostItem) -> String
    /// A km flag: how far the logged km are from the estimate.
    var kmFlag: @Sendable (_ percent: String, _ logged: String, _ estimated: String) -> String
    /// The language of these labels (for the catalogue's messages).
    var language: Language

    static func of(_ language: Language) -> StatementLabels { language == .it ? italian : english }

    static let italian = StatementLabels(
        title: "Rendiconto",
        summaryTitle: { "Rendiconti di \($0) — tutte le associazioni" },
        trips: { $0 == 1 ? "1 servizio registrato" : "\(Language.it.count($0)) servizi registrati" },
        flaggedForReview: { $0 == 1 ? "1 servizio con km da rivedere" : "\(Language.it.count($0)) servizi con km da rivedere" },
        // An adjustment paid in this month for a closed month's trip is a *conguaglio* (GLOSSARY.md);
        // a *rettifica* is an amendment of a log, one of its reasons.
        total: "totale", totalsByItem: "Totali per voce", item: "voce", amount: "importo", adjustments: "conguagli", adjustment: "conguaglio",
        adjustmentsTitle: "Conguagli per servizi di mesi chiusi",
        indirectCosts: "Costi indiretti",
        flaggedTitle: "Servizi con km da rivedere (inclusi sopra ai km pagati)",
        flaggedNote: "Finché non è rivisto (`centrale log review`), un servizio segnalato è pagato alla stima, al massimo ai km registrati.",
        flaggedNoteHTML: "Inclusi nei totali ai km pagati: la stima, al massimo i km registrati, finché non sono rivisti.",
        trip: "servizio", date: "data", month: "mese", reason: "motivo", vehicle: "mezzo",
        kmLogged: "km registrati", kmEstimated: "km stimati", kmPaid: "km pagati", review: "revisione", flag: "segnalazione",
        tripsTitle: "Servizi", beneficiary: "beneficiario", outcome: "esito", lines: "voci", notReviewed: "da rivedere",
        association: "associazione", direct: "diretti", indirect: "indiretti", flagged: "da rivedere",
        adjustmentOf: { "servizio di \($0)" },
        outcomeName: \.italianName,
        itemName: {
            switch $0 {
            case .km: "km"
            case .insurance: "assicurazione"
            case .wheelchair: "carrozzina"
            case .stretcher: "barella"
            case .escort: "accompagnatore"
            case .waiting: "attesa"
            case .noShow: "assenza"
            case .cancelledOnSpot: "annullato alla porta"
            case .cancelledLate: "annullato tardi"
            case .indirect: "costi indiretti"
            }
        },
        kmFlag: { "\($0) (\($1) km registrati, \($2) km stimati)" },
        language: .it)

    static let english = StatementLabels(
        title: "Statement",
        summaryTitle: { "Statements of \($0) — every association" },
        trips: { $0 == 1 ? "1 trip logged" : "\($0) trips logged" },
        flaggedForReview: { $0 == 1 ? "1 trip flagged for km review" : "\($0) trips flagged for km review" },
        total: "total", totalsByItem: "Totals by item", item: "item", amount: "amount", adjustments: "adjustments", adjustment: "adjustment",
        adjustmentsTitle: "Adjustments for trips of closed months",
        indirectCosts: "Indirect costs",
        flaggedTitle: "Trips flagged for km review (included above at the km paid)",
        flaggedNote: "Until reviewed (`centrale log review`), a flagged trip is paid at the estimate, capped at the logged km.",
        flaggedNoteHTML: "Included in the totals at the km paid: the estimate, capped at the logged km, until reviewed.",
        trip: "trip", date: "date", month: "month", reason: "reason", vehicle: "vehicle",
        kmLogged: "km logged", kmEstimated: "km estimated", kmPaid: "km paid", review: "review", flag: "flag",
        tripsTitle: "Trips", beneficiary: "beneficiary", outcome: "outcome", lines: "lines", notReviewed: "not reviewed",
        association: "association", direct: "direct", indirect: "indirect", flagged: "flagged",
        adjustmentOf: { "trip of \($0)" },
        outcomeName: { $0.rawValue },
        itemName: { $0.rawValue },
        kmFlag: { "\($0) (\($1) km logged, \($2) km estimated)" },
        language: .en)

    /// A flagged trip's review as the statement stores it (`not reviewed`, or a decision's
    /// English label such as `12.0 km paid`), in the statement's language.
    func reviewText(_ stored: String?) -> String? {
        guard let stored else { return nil }
        if stored == "not reviewed" { return notReviewed }
        return KmReview(label: stored).map { $0.text(language) } ?? stored
    }

    /// Why a closed month's trip is paid again, from the text the store keeps, in the language.
    func adjustmentReason(_ stored: String) -> String {
        let reason = AdjustmentReason(stored: stored)
        return language == .it ? reason.italian : reason.english
    }

    /// A flagged trip's flag, written from its figures in the language; the stored text when the
    /// estimate is unknown.
    func flagText(driven: Distance, estimated: Distance?, stored: String?, language: Language) -> String {
        guard let stored else { return "" }
        guard let estimated, estimated.metres > 0 else { return stored }
        let percent = Int((Double(driven.metres - estimated.metres) / Double(estimated.metres) * 100).rounded())
        return kmFlag(language.signedPercent(percent), language.km(driven), language.km(estimated))
    }
}
