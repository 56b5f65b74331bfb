import CentraleDomain
import CentraleFormats
import CentraleTariffs

/// The refusals of closing a month (`centrale month close`) and of computing its statements.
public enum MonthRefusal: Message, Equatable {
    /// The month is the current one (today, Europe/Rome): it can be closed from the next month's first day.
    case current(YearMonth, today: LocalDate)
    /// The month is in the future.
    case future(YearMonth, today: LocalDate)
    /// A statement or report of a month after the current one (today, Europe/Rome): it has not
    /// begun, so there is nothing to account for yet. The current month's is provisional.
    case notBegun(YearMonth, today: LocalDate)
    /// Closing with unreviewed km flags accepted, without a reason.
    case closingNeedsReason
    /// The month is already closed.
    case alreadyClosed(YearMonth)
    /// The month has trips flagged for km review and not reviewed.
    case unreviewedFlags(YearMonth, count: Int)
    /// A statement could not be computed (a log names a vehicle no association has…).
    case statement(StatementError)
    /// A month with no trip in it or before it (`firstTrip`: the first day with a trip, after
    /// it; nil when there is none yet): closing it would freeze statements of nothing.
    /// `centrale month close` refuses it; a month without trips after the first is closed, at zero.
    case nothingToClose(YearMonth, firstTrip: LocalDate?)

    public var italian: String {
        switch self {
        case let .current(month, today):
            "\(StoreItalian.month(month)) è il mese in corso (oggi è il \(StoreItalian.date(today)), ora di Roma): "
                + "si potrà chiudere dal \(StoreItalian.date(month.next.firstDay))"
        case let .future(month, today):
            "\(StoreItalian.month(month)) è un mese futuro (oggi è il \(StoreItalian.date(today)), ora di Roma): "
                + "si possono chiudere solo i mesi passati"
        case let .notBegun(month, today):
            "\(StoreItalian.month(month)) non è ancora cominciato: oggi è il \(StoreItalian.date(today)), ora di Roma. "
                + "Rendiconti e rapporti sono dei mesi passati e del mese in corso (\(StoreItalian.month(today.yearMonth)), provvisorio)"
        case .closingNeedsReason:
            "per chiudere il mese con km segnalati non rivisti serve un motivo (--reason \"…\")"
        case .alreadyClosed(let month):
            "\(StoreItalian.month(month)) è già chiuso; i suoi rendiconti sono congelati"
        case let .unreviewedFlags(month, count):
            count == 1 ? "a \(StoreItalian.month(month)) c'è 1 servizio segnalato per la revisione dei km e non ancora rivisto"
                       : "a \(StoreItalian.month(month)) ci sono \(StoreItalian.number(count)) servizi segnalati per la revisione dei km e non ancora rivisti"
        case .statement(let error):
            error.problem.italian
        case let .nothingToClose(month, firstTrip?):
            "nessun servizio a \(StoreItalian.month(month)) né prima: niente da chiudere. Il primo servizio è del "
                + "\(StoreItalian.date(firstTrip)): si chiudono i mesi da \(StoreItalian.month(firstTrip.yearMonth)) in poi"
        case .nothingToClose(let month, nil):
            "nessun servizio a \(StoreItalian.month(month)) né prima: niente da chiudere. La base dati non ha ancora servizi; "
                + "un mese si chiude dopo che i suoi servizi sono stati registrati"
        }
    }

    public var english: String {
        switch self {
        case let .current(month, today):
            "\(month) is the current month (today is \(today), Europe/Rome): it can be closed from \(month.next.firstDay)"
        case let .future(month, today):
            "\(month) is in the future (today is \(today), Europe/Rome): only past months can be closed"
        case let .notBegun(month, today):
            "\(month) has not begun yet: today is \(today), Europe/Rome. Statements and reports are of past months "
                + "and of the current one (\(today.yearMonth), provisional)"
        case .closingNeedsReason:
            "closing with unreviewed km flags needs a reason (--reason \"…\")"
        case .alreadyClosed(let month):
            "\(month) is already closed; its statements are frozen"
        case let .unreviewedFlags(month, count):
            "\(month) has \(count) trip\(count == 1 ? "" : "s") flagged for km review and not reviewed"
        case .statement(let error):
            error.problem.english
        case let .nothingToClose(month, firstTrip?):
            "no trips in \(month) or before: nothing to close. The first trip is on \(firstTrip): months from \(firstTrip.yearMonth) on can be closed"
        case .nothingToClose(let month, nil):
            "no trips in \(month) or before: nothing to close. The database has no trips yet; a month is closed once its trips are logged"
        }
    }
}
