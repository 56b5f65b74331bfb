import Foundation

/// Whether a month's statement or report is final or provisional, and what proves which data it
/// shows: the footer of every printed report and the status line of every statement.
public enum MonthDocumentStatus: Sendable, Hashable {
    /// The month is open: the figures may still change. Generated at `generatedAt`, from the
    /// database whose audit chain ends with `databaseHead` (its last entry's hash).
    case provisional(generatedAt: Date, databaseHead: String)
    /// The month is closed: frozen at `closedAt` by `closedBy`, with the month's checksum (the
    /// one `centrale verify` checks).
    case final(closedAt: Date, closedBy: String, checksum: String)

    /// A moment as the service's local date and time (Europe/Rome): `(2026-12-07, "21:10")`.
    public static func romeTime(_ moment: Date) -> (date: LocalDate, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? .current
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        let date = LocalDate(year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1) ?? LocalDate(year: 1970, month: 1, day: 1)!
        let two = { (n: Int?) in n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return (date, "\(two(p.hour)):\(two(p.minute))")
    }
}
