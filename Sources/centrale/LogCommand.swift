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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "log",
        abstract: localized(it: "Registri dei viaggi: il modello, l'invio dei file, la rettifica di un registro, i km segnalati.",
                            en: "Trip logs: the template, submitting files, amending a log, km flags."),
        subcommands: [LogTemplateCommand.self, LogSubmitCommand.self, LogAmendCommand.self, LogFlagsCommand.self, LogReviewCommand.self]
    ) }
}

/// `centrale log template`.
struct LogTemplateCommand: CentraleCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "template",
        abstract: localized(it: "Stampa l'intestazione CSV del registro dei viaggi con una riga di esempio (Excel italiano, o --dialect rfc4180).",
                            en: "Print the trip-log CSV header with one example row (Italian Excel, or --dialect rfc4180)."),
        discussion: localized(it: """
            Colonne: viaggio (il numero del servizio, da `centrale trips`), data, targa, autista (codice del volontario), \
            km_inizio e km_fine (letture del contachilometri), oppure solo km, ora_presa e ora_arrivo (HH:MM), \
            attesa (minuti), esito (effettuato, assente, annullato, annullato_tardi), note (il motivo, per ogni esito tranne effettuato); \
            con separatore ';', virgola decimale e date come 05/10/2026, come le salva Excel. Con --dialect rfc4180: trip, date, vehicle, \
            driver, odometer_start, odometer_end, km, pickup_time, dropoff_time, waiting_minutes, outcome \
            (done, no_show, cancelled_on_spot, cancelled_late), notes (un motivo per ogni esito tranne done). Si accettano \
            entrambe le forme, anche con i nomi mescolati.
            """, en: """
            Columns: viaggio (the trip id from `centrale trips`), data, targa, autista (volunteer code), \
            km_inizio and km_fine (odometer readings), or km alone, ora_presa and ora_arrivo (HH:MM), \
            attesa (minutes), esito (effettuato, assente, annullato, annullato_tardi), note (the reason, for every esito but effettuato); with ';' separators, decimal \
            commas and dates as 05/10/2026, as Excel saves them. With --dialect rfc4180: trip, date, vehicle, \
            driver, odometer_start, odometer_end, km, pickup_time, dropoff_time, waiting_minutes, outcome \
            (done, no_show, cancelled_on_spot, cancelled_late), notes (a reason for every outcome but done). Either form, and a mix of the names, is accepted.
            """)
    ) }

    @Option(help: dialectHelp) var dialect: CSVDialect = .excel

    func run(_ context: AppContext) {
        context.print(Office.logTemplate(dialect: dialect), terminator: "")
    }
}

/// `centrale log submit`.
struct LogSubmitCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "submit",
        abstract: localized(it: "Importa i file del registro dei viaggi (CSV o JSON) di un'associazione.",
                            en: "Import trip-log files (CSV or JSON) for an association."),
        discussion: localized(it: """
            Ogni file vale tutto o niente: un file con anche una sola riga non valida non scrive nulla, e ogni problema \
            è elencato come FILE:RIGA: campo: cosa non va. Inviare di nuovo lo stesso file non fa danni. \
            Un valore diverso per un servizio già registrato è un conflitto: correggilo con `centrale log amend`. \
            I km registrati lontani dalla stima vengono segnalati per la revisione (vedi `centrale log flags`), non rifiutati. \
            Lo storico delle modifiche indica l'associazione come operatore, a meno che non si indichi --operator. \
            Stato di uscita 1 se un file è stato rifiutato.
            """, en: """
            Each file is all or nothing: a file with any invalid row writes nothing, and every problem \
            is listed as FILE:LINE: field: what is wrong. Submitting the same file again is harmless. \
            A different value for a trip already logged is a conflict: correct it with `centrale log amend`. \
            Logged km far from the estimate are flagged for review (see `centrale log flags`), not refused. \
            The audit trail names the association as the operator, unless --operator is given. \
            Exit status 1 if any file was rejected.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Option(help: ArgumentHelp(localized(it: "L'associazione che invia (con --server: quella del codice di accesso, se non indicata).", en: "The association submitting (with --server: the token's, unless given)."), valueName: localized(it: "associazione", en: "association"))) var association: String?
    @Argument(help: ArgumentHelp(localized(it: "File CSV o JSON.", en: "CSV or JSON files."), valueName: localized(it: "file", en: "files"))) var files: [String]

    func run(_ context: AppContext) throws {
        let client = try context.remote(remote)
        guard client != nil || association != nil else { throw ValidationError(localized(it: "indica --association CODICE (o --server e --token)",
                                                                                         en: "give --association CODE (or --server and --token)")) }
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
        let data: Data
        switch InputFile.contents(file) {
        case .success(let bytes): data = bytes
        case .failure(let why):
            let text = CLIMessage.unreadableFile(file.escapingControlCharacters, why).text(try context.language)
            return SubmissionReport(file: file, accepted: false, problems: [.init(line: nil, field: nil, text: text)],
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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "amend",
        abstract: localized(it: "Rettifica il registro di un servizio, con un motivo (registrato nello storico delle modifiche).",
                            en: "Correct a recorded trip log, with a reason (audited)."),
        discussion: localized(it: "--km sostituisce le letture del contachilometri; indica --odometer-start e --odometer-end insieme.",
                              en: "--km replaces the odometer readings; give --odometer-start and --odometer-end together.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del servizio.", en: "The trip id."), valueName: localized(it: "servizio", en: "trip"))) var trip: Int64
    @Option(help: ArgumentHelp(localized(it: "Il motivo (obbligatorio; registrato nello storico delle modifiche).", en: "Why (required; recorded in the audit trail)."), valueName: localized(it: "causale", en: "reason"))) var reason: String
    @Option(parsing: .unconditional, help: ArgumentHelp(localized(it: "I km percorsi (sostituiscono le letture del contachilometri).", en: "Km driven (replaces the odometer readings)."))) var km: String?
    @Option(help: ArgumentHelp(localized(it: "Il contachilometri alla partenza, in km.", en: "Odometer at the start, km."), valueName: localized(it: "km", en: "odometer-start"))) var odometerStart: String?
    @Option(help: ArgumentHelp(localized(it: "Il contachilometri all'arrivo, in km.", en: "Odometer at the end, km."), valueName: localized(it: "km", en: "odometer-end"))) var odometerEnd: String?
    @Option(help: ArgumentHelp(localized(it: "L'ora della presa, HH:MM.", en: "Pickup time HH:MM."), valueName: localized(it: "ora", en: "pickup"))) var pickup: String?
    @Option(help: ArgumentHelp(localized(it: "L'ora di arrivo, HH:MM.", en: "Drop-off time HH:MM."), valueName: localized(it: "ora", en: "dropoff"))) var dropoff: String?
    @Option(help: ArgumentHelp(localized(it: "I minuti di attesa.", en: "Waiting minutes."), valueName: localized(it: "minuti", en: "waiting"))) var waiting: Int?
    @Option(help: ArgumentHelp(localized(it: "L'esito, per nome, con un'altra parola dei registri (svolto, disdetto tardi…) o con il codice inglese (done, no_show, cancelled_on_spot, cancelled_late).",
                                         en: "done, no_show, cancelled_on_spot or cancelled_late (or a word trip logs use: effettuato, assente…)."),
                               valueName: localized(it: "esito", en: "outcome"))) var outcome: TripOutcome?
    @Option(help: ArgumentHelp(localized(it: "La targa del mezzo.", en: "Vehicle plate."), valueName: localized(it: "targa", en: "vehicle"))) var vehicle: String?
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'autista.", en: "Driver code."), valueName: localized(it: "autista", en: "driver"))) var driver: String?
    @Option(help: ArgumentHelp(localized(it: "Note.", en: "Notes."), valueName: localized(it: "note", en: "notes"))) var notes: String?

    /// The request, as the server receives it too.
    var request: AmendmentRequest {
        AmendmentRequest(reason: reason, km: km, odometerStart: odometerStart, odometerEnd: odometerEnd, pickup: pickup,
                         dropoff: dropoff, waiting: waiting, outcome: outcome?.rawValue, vehicle: vehicle, driver: driver, notes: notes)
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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "flags",
        abstract: localized(it: "Elenca i servizi registrati del mese i cui km si discostano dalla stima oltre la tolleranza.",
                            en: "List the month's logged trips whose km differ from the estimate beyond the tolerance.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: monthHelp()) var month: YearMonth
    @Option(help: ArgumentHelp(localized(it: "Solo questa associazione.", en: "Only this association."), valueName: localized(it: "associazione", en: "association"))) var association: String?
    @Option(help: ArgumentHelp(localized(it: "table o json.", en: "table or json."), valueName: localized(it: "formato", en: "format"))) var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        // An unknown --association is refused naming the registry's, not answered with "no flags".
        let flags = try context.store.flaggedLogs(month: month, association: association?.uppercased())
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
