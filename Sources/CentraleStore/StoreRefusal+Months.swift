import CentraleDomain
import CentraleFormats
import CentraleTariffs

/// The refusals of closing a month (`centrale month close`) and of computing its statements.
public enum MonthRefusal: Message, Equatable {
    /// The month is the current one (today, Europe/Rome): it can be closed from the next month's first day.
    case current(YearMonth, today: LocalDate)
    /// The month is in the future.
    case future(YearMonth, today: LocalDate)
    /// Closing with unreviewed km flags accepted, without a reason.
    case closingNeedsReason
    /// The month is already closed.
    case alreadyClosed(YearMonth)
    /// The month has trips flagged for km review and not reviewed.
    case unreviewedFlags(YearMonth, count: Int)
    /// A statement could not be computed (a log names a vehicle no association has…).
    case statement(StatementError)

    public var italian: String {
        switch self {
        case let .current(month, today):
            "\(StoreItalian.month(month)) è il mese in corso (oggi è il \(StoreItalian.date(today)), ora di Roma): "
                + "si potrà chiudere dal \(StoreItalian.date(month.next.firstDay))"
        case let .future(month, today):
            "\(StoreItalian.month(month)) è un mese futuro (oggi è il \(StoreItalian.date(today)), ora di Roma): "
                + "si possono chiudere solo i mesi passati"
        case .closingNeedsReason:
            "per chiudere il mese con km segnalati non rivisti serve un motivo (--reason \"…\")"
        case .alreadyClosed(let month):
            "\(StoreItalian.month(month)) è già chiuso; i suoi rendiconti sono congelati"
        case let .unreviewedFlags(month, count):
            count == 1 ? "in \(StoreItalian.month(month)) c'è 1 servizio segnalato per la revisione dei km e non ancora rivisto"
                       : "in \(StoreItalian.month(month)) ci sono \(count) servizi segnalati per la revisione dei km e non ancora rivisti"
        case .statement(let error):
            error.problem.italian
        }
    }

    public var english: String {
        switch self {
        case let .current(month, today):
            "\(month) is the current month (today is \(today), Europe/Rome): it can be closed from \(month.next.firstDay)"
        case let .future(month, today):
            "\(month) is in the future (today is \(today), Europe/Rome): only past months can be closed"
        case .closingNeedsReason:
            "closing with unreviewed km flags needs a reason (--reason \"…\")"
        case .alreadyClosed(let month):
            "\(month) is already closed; its statements are frozen"
        case let .unreviewedFlags(month, count):
            "\(month) has \(count) trip\(count == 1 ? "" : "s") flagged for km review and not reviewed"
        case .statement(let error):
            error.problem.english
        }
    }
}
