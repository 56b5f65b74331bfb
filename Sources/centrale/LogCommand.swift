import CentraleOffice
import ArgumentParser
import CentraleAPI
import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleStore
import CentraleTripLogs
import Foundation

/// `centrale log`: trip logs from the associations.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Trip logs: the template, submitting files, amending a log, km flags.",
        subcommands: [LogTemplateCommand.self, LogSubmitCommand.self, LogAmendCommand.self, LogFlagsCommand.self, LogReviewCommand.self]
    )
}

/// `centrale log template`.
struct LogTemplateCommand: CentraleCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print the trip-log CSV header with one example row (Italian Excel, or --dialect rfc4180).",
        discussion: """
            Columns: viaggio (the trip id from `centrale trips`), data, targa, autista (volunteer code), \
            km_inizio and km_fine (odometer readings), or km alone, ora_presa and ora_arrivo (HH:MM), \
            attesa (minutes), esito (effettuato, assente, annullato, annullato_tardi), note (the reason, for every esito but effettuato); with ';' separators, decimal \
            commas and dates as 05/10/2026, as Excel saves them. With --dialect rfc4180: trip, date, vehicle, \
            driver, odometer_start, odometer_end, km, pickup_time, dropoff_time, waiting_minutes, outcome \
            (done, no_show, cancelled_on_spot, cancelled_late), notes (a reason for every outcome but done). Either form, and a mix of the names, is accepted.
            """
    )

    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    func run(_ context: AppContext) {
        context.print(Office.logTemplate(dialect: dialect), terminator: "")
    }
}

/// `centrale log submit`.
struct LogSubmitCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Import trip-log files (CSV or JSON) for an association.",
        discussion: """
            Each file is all or nothing: a file with any invalid row writes nothing, and every problem \
            is listed as FILE:LINE: field: what is wrong. Submitting the same file again is harmless. \
            A different value for a trip already logged is a conflict: correct it with `centrale log amend`. \
            Logged km far from the estimate are flagged for review (see `centrale log flags`), not refused. \
            The audit trail names the association as the operator, unless --operator is given. \
            Exit status 1 if any file was rejected.
            """
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Option(help: "The association submitting (with --server: the token's, unless given).") var association: String?
    @Argument(help: "CSV or JSON files.") var files: [String]

    func run(_ context: AppContext) throws {
        let client = try context.remote(remote)
        guard client != nil || association != nil else { throw ValidationError("give --association CODE (or --server and --token)") }
        var rejected = 0
        for file in files {
            let report = try submit(file, client: client, context)
            let output = report.output(try context.language)
            output.out.forEach { context.print($0) }
            output.err.forEach { context.printError($0) }
            if !report.accepted { rejected += 1 }
        }
        if rejected > 0 { throw ExitCode.failure }
    }

    /// One file, on the server or on the database: the same checks and the same report.
    private func submit(_ file: String, client: RemoteClient?, _ context: AppContext) throws -> SubmissionReport {
        // The size first: a file over the limit is refused without reading (or sending) it.
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > LogParser.maximumBytes {
            return Office.tooLarge(file: file, bytes: size, language: try context.language)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return SubmissionReport(file: file, accepted: false, problems: [.init(line: nil, field: nil, text: CLIMessage.unreadableFile(file.escapingControlCharacters).text(try context.language))],
                                    problemCount: 1, refusedBeforeReading: true)
        }
        if let client {
            let contentType = file.lowercased().hasSuffix(".json") ? "application/json" : "text/csv"
            return try client.post("/api/v1/logs", query: [("file", file), ("association", association)], body: Array(data),
                                   contentType: contentType, showProgress: true).decode(SubmissionReport.self)
        }
        let association = association!.uppercased()
        return try context.office.submitLog(Array(data), file: file, association: association,
                                                          actor: Actor(global.operatorName ?? association, reason: "trip-log submission"))
    }
}

/// `centrale log amend`.
struct LogAmendCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Correct a recorded trip log, with a reason (audited).",
        discussion: "--km replaces the odometer readings; give --odometer-start and --odometer-end together."
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Argument(help: "The trip id.") var trip: Int64
    @Option(help: "Why (required; recorded in the audit trail).") var reason: String
    @Option(parsing: .unconditional, help: "Km driven (replaces the odometer readings).") var km: String?
    @Option(help: "Odometer at the start, km.") var odometerStart: String?
    @Option(help: "Odometer at the end, km.") var odometerEnd: String?
    @Option(help: "Pickup time HH:MM.") var pickup: String?
    @Option(help: "Drop-off time HH:MM.") var dropoff: String?
    @Option(help: "Waiting minutes.") var waiting: Int?
    @Option(help: "done, no_show, cancelled_on_spot or cancelled_late.") var outcome: String?
    @Option(help: "Vehicle plate.") var vehicle: String?
    @Option(help: "Driver code.") var driver: String?
    @Option(help: "Notes.") var notes: String?

    /// The request, as the server receives it too.
    var request: AmendmentRequest {
        AmendmentRequest(reason: reason, km: km, odometerStart: odometerStart, odometerEnd: odometerEnd, pickup: pickup,
                         dropoff: dropoff, waiting: waiting, outcome: outcome, vehicle: vehicle, driver: driver, notes: notes)
    }

    func run(_ context: AppContext) throws {
        // The same checks as the server's, before anything is opened or sent.
        try Office.check(request)
        if let client = try context.remote(remote) {
            context.print(try client.post("/api/v1/trips/\(trip)/log-amendment", json: request).decode(ActionReply.self).message)
            return
        }
        context.print(try context.office.amendLog(trip: trip, request, actor: Actor(try context.operatorName(), reason: reason)).message)
    }
}

/// `centrale log flags`.
struct LogFlagsCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "List the month's logged trips whose km differ from the estimate beyond the tolerance."
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: monthHelp()) var month: YearMonth
    @Option(help: "Only this association.") var association: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        let flags = try context.store.flaggedLogs(month: month, association: association)
        if format == .json { context.print(try jsonString(flags)); return }
        guard !flags.isEmpty else { try context.say(.noFlags(month: month)); return }
        var table = TextTable(TableHeaders.kmFlags.words(try context.language),
                              rightAligned: [0, 4, 5, 7])
        let language = try context.language
        for flag in flags {
            let logged = Distance(metres: flag.drivenMetres), estimated = Distance(metres: flag.estimatedMetres), paid = Distance(metres: flag.paidMetres)
            if language == .en {
                table.add([String(flag.trip), flag.date, flag.association, flag.vehicle, logged.description, estimated.description,
                           flag.flag + (flag.implausible ? " implausible" : ""), paid.description, flag.review + (flag.reviewedBy.map { " (\($0))" } ?? "")])
                continue
            }
            let review = flag.review == "not reviewed" ? "da rivedere" : KmReview(label: flag.review)?.italian ?? flag.review
            table.add([String(flag.trip), language.date(iso: flag.date), flag.association, flag.vehicle, "\(language.km(logged)) km", "\(language.km(estimated)) km",
                       StatementRenderer.kmFlag(driven: logged, estimated: estimated, stored: flag.flag, language: language) + (flag.implausible ? " non plausibile" : ""),
                       "\(language.km(paid)) km", review + (flag.reviewedBy.map { " (\($0))" } ?? "")])
        }
        context.print(table.rendered)
        let open = flags.filter { $0.review == "not reviewed" }.count
        try context.say(.flagsListed(flags.count, open: open))
    }
}
