import CentraleDomain
import CentraleFormats

/// The formats of a list.
public enum ListFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

/// An association's trips (`centrale trips`): what it must do, with the trip id to use in its
/// logs, as a table, CSV or JSON. No personal data but the pickup address the driver needs.
public enum TripListRenderer {
    /// The JSON keys and the RFC 4180 headers. The outcome is `service_outcome` (*esito
    /// servizio*), not `outcome`: that is a trip log's column, and the list is a log to fill in.
    static let headers = ["trip", "date", "time", "leg", "beneficiary", "needs", "pickup", "destination", "purpose", "status", "service_outcome"]
    /// The Italian headers (the table in Italian, the Excel CSV).
    static let italianHeaders = ["servizio", "data", "ora", "tratta", "beneficiario", "bisogni", "partenza", "destinazione", "motivo", "stato",
                                 "esito servizio"]

    /// - Parameters:
    ///   - empty: what the table says when there are no trips.
    ///   - language: the table's words and dates (JSON is machine-neutral).
    ///   - dialect: the CSV's form (Italian Excel by default, or RFC 4180).
    ///   - outcomes: what became of the trips that have an outcome (`ServiceOutcome`); the
    ///     others show none (`-` in the table, empty in CSV, null in JSON).
    public static func render(_ trips: [TripRequest], format: ListFormat, empty: String, language: Language = .it,
                              dialect: CSVDialect = .excel, outcomes: [Int64: ServiceOutcome] = [:]) throws -> String {
        switch format {
        case .json:
            return try JSONText.string(rows(trips, .en, date: \.description, outcomes: outcomes).map(jsonObject))
        case .csv:
            let language: Language = dialect.italian ? .it : .en
            return CSVWriter(dialect: dialect).document([language == .it ? italianHeaders : headers]
                                                        + rows(trips, language, date: dialect.date, outcomes: outcomes).map { $0.map { $0 ?? "" } })
        case .table:
            var table = TextTable((language == .it ? italianHeaders : headers).map { $0.uppercased() }, rightAligned: [0])
            rows(trips, language, date: language.date, outcomes: outcomes).forEach { table.add($0.map { $0 ?? "-" }) }
            return trips.isEmpty ? empty : table.rendered
        }
    }

    static func rows(_ trips: [TripRequest], _ n: Language, date: (LocalDate) -> String, outcomes: [Int64: ServiceOutcome]) -> [[String?]] {
        let words = TripWords.of(n)
        return trips.map { trip in
            [String(trip.id), date(trip.date), trip.appointment.description, words.leg(trip.leg), trip.beneficiary,
             words.needs(trip.needs), trip.pickup.label, trip.destination.label, words.purpose(trip.purpose), words.status(trip.status),
             outcomes[trip.id].map(words.outcome)]
        }
    }

    /// A row as the JSON object of the list (a trip without an outcome has `"service_outcome": null`).
    static func jsonObject(_ row: [String?]) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: zip(headers, row))
    }
}

/// The words of a trip's codes, in each language (exhaustive: a new case does not compile until
/// it has its words). English keeps the codes, as files and the JSON write them.
struct TripWords: Sendable {
    var leg: @Sendable (TripLeg) -> String
    var purpose: @Sendable (TripPurpose) -> String
    var status: @Sendable (TripStatus) -> String
    var needs: @Sendable (Needs) -> String
    var outcome: @Sendable (ServiceOutcome) -> String

    static func of(_ language: Language) -> TripWords { language == .it ? italian : english }

    static let english = TripWords(leg: { $0.rawValue }, purpose: { $0.rawValue }, status: { $0.rawValue }, needs: { $0.description },
                                   outcome: { $0.rawValue })

    static let italian = TripWords(leg: \.italianName, purpose: \.italianName, status: \.italianName,
                                   needs: { $0.italianNames.isEmpty ? "-" : $0.italianNames.joined(separator: "+") },
                                   outcome: \.italianName)
}

extension TripListRenderer {
    /// One trip as the JSON object the list's JSON holds for it (`GET /api/v1/trips/{id}`).
    public static func json(_ trip: TripRequest, outcome: ServiceOutcome? = nil) throws -> String {
        try JSONText.string(jsonObject(rows([trip], .en, date: \.description, outcomes: outcome.map { [trip.id: $0] } ?? [:])[0]))
    }
}

extension TripListRenderer {
    /// A day's trips as the centre sees them (`centrale request list`): time, leg, person, needs,
    /// from and to (a place's code where there is one), status, outcome and the association
    /// holding each, in the language's words.
    public static func dayTable(_ trips: [(trip: TripRequest, association: String?)], outcomes: [Int64: ServiceOutcome],
                                date: LocalDate, language: Language) -> String {
        let words = TripWords.of(language)
        guard !trips.isEmpty else { return language == .it ? "Nessun servizio il \(language.date(date))." : "No trips on \(date)." }
        let headers = language == .it
            ? ["SERVIZIO", "ORA", "TRATTA", "BENEF.", "BISOGNI", "DA", "A", "STATO", "ESITO", "ASSOCIAZIONE"]
            : ["TRIP", "TIME", "LEG", "BENEF.", "NEEDS", "FROM", "TO", "STATUS", "OUTCOME", "ASSOCIATION"]
        var table = TextTable(headers, rightAligned: [0])
        for (trip, association) in trips {
            table.add([String(trip.id), trip.appointment.description, words.leg(trip.leg), trip.beneficiary, words.needs(trip.needs),
                       trip.pickup.placeCode ?? trip.pickup.label, trip.destination.placeCode ?? trip.destination.label,
                       words.status(trip.status), outcomes[trip.id].map(words.outcome) ?? "-", association ?? "-"])
        }
        return table.rendered
    }
}
