import CentraleDomain
import CentraleFormats

/// A month's document status in words: `Definitivo (chiuso il 01/11/2026 alle 10:12 da giulia,
/// checksum 3a4b…)` or `Provvisorio: generato il 07/12/2026 alle 21:10; …`.
enum DocumentStatusText {
    static func line(_ status: MonthDocumentStatus, _ language: Language) -> String {
        let it = language == .it
        switch status {
        case let .final(closedAt, closedBy, checksum):
            let (date, time) = MonthDocumentStatus.romeTime(closedAt)
            return it ? "Definitivo (chiuso il \(language.date(date)) alle \(time) da \(closedBy), checksum \(checksum.prefix(16)))"
                      : "Final (closed on \(language.date(date)) at \(time) by \(closedBy), checksum \(checksum.prefix(16)))"
        case let .provisional(generatedAt, head):
            let (date, time) = MonthDocumentStatus.romeTime(generatedAt)
            let database = head.isEmpty ? "" : (it ? "; base dati all'ultima voce dello storico \(head.prefix(16))" : "; database at audit entry \(head.prefix(16))")
            return it ? "Provvisorio: il mese non è chiuso e i dati possono cambiare; generato il \(language.date(date)) alle \(time)\(database)"
                      : "Provisional: the month is not closed and its figures may change; generated on \(language.date(date)) at \(time)\(database)"
        }
    }

    /// The report's footer: the month, then the status.
    static func footer(month: String, _ status: MonthDocumentStatus, _ language: Language) -> String {
        (language == .it ? "Rapporto di \(month) · " : "Report of \(month) · ") + line(status, language)
    }
}
