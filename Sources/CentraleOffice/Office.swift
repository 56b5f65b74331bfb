import CentraleAPI
import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleStore
import CentraleTripLogs

/// What an association does with the centre: reads its trips, submits its logs, confirms or
/// declines trips, reads its statement. The CLI runs these on its own database; the server runs
/// the same ones for its clients, and the CLI as a client prints what they return: the same
/// checks and the same text, wherever the command is typed.
///
/// `scope` is the association a server token acts for: a trip or a statement of another
/// association is answered as one that does not exist. Nil at the centre's own CLI.
public struct Office: Sendable {
    public let store: Store
    public let scope: String?
    /// The language of the replies' messages and of the problems of a refused log.
    public let language: Language

    public init(store: Store, scope: String? = nil, language: Language = .it) {
        self.store = store
        self.scope = scope
        self.language = language
    }

    /// The association `code` if the scope allows it; another association's reads as unknown.
    /// Without a scope (the centre's own desk) an unknown code is refused naming the registry's.
    func visible(_ code: String) throws -> String {
        guard let scope else {
            try store.requireAssociation(code)
            return code
        }
        guard scope == code, try store.hasAssociation(code) else {
            throw StoreError.notFound(entity: .association, id: code)
        }
        return code
    }

    /// `centrale trips`: an association's trips of a day or a month, as text (table, CSV or JSON);
    /// a day's table ends with the confirmations.
    public func trips(association: String, period: Period, format: ListFormat, language: Language, dialect: CSVDialect) throws -> String {
        let association = try visible(association)
        let (first, last) = period.days
        let records = try store.trips(of: association, from: first, to: last)
        let trips = records.map(\.trip)
        var text = try TripListRenderer.render(trips, format: format, empty: OfficeMessage.noTrips(association: association).text(language),
                                               language: language, dialect: dialect, outcomes: try store.outcomes(of: trips))
        // A day's table says which trips are confirmed, on which vehicle and with which driver.
        guard case .day(let date) = period, format == .table else { return text }
        let assigned = records.filter { $0.trip.status == .assigned }
        guard !assigned.isEmpty else { return text }
        let confirmations = try store.confirmations(of: association, on: date)
        let open = assigned.filter { confirmations[$0.trip.id] == nil }.map { String($0.trip.id) }
        if !text.hasSuffix("\n") { text += "\n" }
        let done = assigned.count - open.count
        text += "\n" + OfficeMessage.confirmedOfAssigned(done: done, assigned: assigned.count, open: open).text(language) + "\n"
        for record in assigned {
            guard let c = confirmations[record.trip.id] else { continue }
            text += "  " + OfficeMessage.confirmation(trip: record.trip.id, vehicle: c.vehicle, driver: c.driver).text(language) + "\n"
        }
        return text
    }

    /// One trip, if the scope sees it.
    public func trip(_ id: Int64) throws -> TripRecord {
        guard let record = try store.tripRecord(id), scope == nil || record.assignment?.association == scope else {
            throw StoreError.notFound(entity: .trip, id: String(id))
        }
        return record
    }

    /// `centrale log submit` of one file's bytes: all or nothing, with the CLI's lines.
    public func submitLog(_ data: [UInt8], file: String, association: String, actor: Actor) throws -> SubmissionReport {
        let association = try visible(association)
        guard data.count <= LogParser.maximumBytes else { return Self.tooLarge(file: file, bytes: data.count, language: language) }
        // Not UTF-8: read as Windows-1252, as Excel saves a CSV on an Italian Windows (and said so).
        let (text, encoding) = TextDecoding.text(from: data)
        let result = try store.submitLogFile(text, file: file, sha256: SHA256.hex(of: data), association: association, actor: actor)
        return SubmissionReport(
            file: file, accepted: result.accepted, newLogs: result.newLogs, alreadyRecorded: result.alreadyRecorded, flagged: result.flagged,
            driverFlags: result.driverFlags.map { .init(trip: $0.trip, reason: $0.problem.text(language)) },
            problems: result.problems.prefix(SubmissionReport.maximumProblemsShown).map { Self.problem($0, language) }, problemCount: result.problems.count,
            encoding: encoding == .windows1252 ? "windows-1252" : "utf-8")
    }

    /// The report of a file refused before reading: over the 50 MB a submission may have.
    public static func tooLarge(file: String, bytes: Int, language: Language) -> SubmissionReport {
        SubmissionReport(file: file, accepted: false, problems: [problem(LogParser.tooLarge(bytes: bytes, fileName: file), language)], problemCount: 1,
                         refusedBeforeReading: true)
    }

    static func problem(_ error: FieldError, _ language: Language) -> SubmissionReport.Problem {
        .init(line: error.location.line, field: error.field.isEmpty ? nil : error.field, text: error.rendered(language, RemedyCommand.render(language)))
    }

    /// `centrale statement` of one association.
    public func statement(association: String, month: YearMonth, format: StatementFormat, language: Language, dialect: CSVDialect) throws -> String {
        let association = try visible(association)
        let status = try store.documentStatus(month: month)  // before the figures: a month closing meanwhile is at worst called provisional
        return try StatementRenderer.render(store.statement(association: association, month: month), format: format, language: language, dialect: dialect,
                                            status: status)
    }

    /// `centrale confirm`.
    public func confirm(trip: Int64, vehicle: String, driver: String, actor: Actor) throws -> ActionReply {
        // A plate ("FP 123 AB", "fp-123-ab") as people write it; a driver's code as registered.
        let vehicle = String(vehicle.uppercased().filter { $0 != " " && $0 != "-" })
        for (name, value) in [("vehicle", vehicle), ("driver", driver)] where value.isEmpty || !LogValidator.isCode(value) {
            throw StoreError.refused(.log(.notACode(name == "vehicle" ? .vehicle : .driver, String(value.escapingControlCharacters.prefix(40)))))
        }
        let speed = try store.registry().convention.planning.averageSpeedKmh
        let c = try store.confirm(trip: trip, vehicle: vehicle.uppercased(), driver: driver.uppercased(), averageSpeedKmh: speed, scope: scope, actor: actor)
        return ActionReply(trip: trip, association: c.association, vehicle: c.vehicle, driver: c.driver,
                           message: OfficeMessage.confirmed(trip: trip, association: c.association, vehicle: c.vehicle, driver: c.driver).text(language))
    }

    /// `centrale decline`.
    public func decline(trip: Int64, association: String?, reason: String, actor: Actor) throws -> ActionReply {
        let declined = try store.decline(trip: trip, association: association, scope: scope, reason: reason, actor: actor)
        return ActionReply(trip: trip, association: declined,
                           message: OfficeMessage.declined(trip: trip, association: declined).text(language))
    }
}

/// A day or a month.
public enum Period: Sendable, Equatable {
    case day(LocalDate)
    case month(YearMonth)

    public var days: (LocalDate, LocalDate) {
        switch self {
        case .day(let date): (date, date)
        case .month(let month): (month.firstDay, month.lastDay)
        }
    }
}

extension Office {
    /// `centrale log template`: the CSV header with one example row, as Italian Excel writes it
    /// (`;`, decimal commas, `05/10/2026`, Italian headers and outcome) or in RFC 4180 with the
    /// English names.
    public static func logTemplate(dialect: CSVDialect = .excel) -> String {
        let rows: [[String]] = dialect == .excel
            ? [["viaggio", "data", "targa", "autista", "km_inizio", "km_fine", "km", "ora_presa", "ora_arrivo", "attesa", "esito", "note"],
               ["1234", "05/10/2026", "FP123AB", "V017", "45210,0", "45233,4", "", "08:05", "08:40", "0", "effettuato", ""]]
            : [["trip", "date", "vehicle", "driver", "odometer_start", "odometer_end", "km", "pickup_time", "dropoff_time", "waiting_minutes",
                "outcome", "notes"],
               ["1234", "2026-10-05", "FP123AB", "V017", "45210.0", "45233.4", "", "08:05", "08:40", "0", "done", ""]]
        return CSVWriter(dialect: dialect).document(rows)
    }
}
