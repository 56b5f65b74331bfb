import ArgumentParser
import CentraleDomain
import CentraleRendering
import CentraleStore

/// `centrale month`: closing months.
struct MonthCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "month",
        abstract: localized(it: "Chiude un mese (ne congela i rendiconti e il rapporto) ed elenca i mesi chiusi.",
                            en: "Close a month (freeze its statements and report) and list closed months."),
        subcommands: [MonthCloseCommand.self, MonthListCommand.self]
    ) }
}

/// `centrale month close`.
struct MonthCloseCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "close",
        abstract: localized(it: "Congela i rendiconti e il rapporto di un mese passato in istantanee salvate, con checksum.",
                            en: "Freeze a past month's statements and report as stored, checksummed snapshots."),
        discussion: localized(it: """
            Dopo la chiusura, i rendiconti e il rapporto di monitoraggio del mese sono sempre prodotti dalle \
            istantanee, identici anche dopo un cambio di tariffe. I registri inviati in seguito per i suoi servizi, le \
            rettifiche dei suoi registri e le revisioni dei km dei suoi servizi sono pagati come righe di conguaglio, \
            con riferimento al servizio originale, nel mese in corso. Il mese in corso e i mesi futuri non si possono \
            chiudere. Un mese con servizi segnalati per la revisione dei km e non ancora rivisti viene rifiutato, salvo \
            --accept-flags --reason "…": quei servizi vengono allora congelati alla stima (al massimo i km registrati). \
            Un mese precedente al primo servizio della base dati non ha nulla da chiudere e viene rifiutato; un mese \
            senza servizi dopo il primo si chiude, a zero.
            """, en: """
            After closing, the month's statements and monitoring report are always rendered from the \
            snapshots, identical even after a tariff change. Logs submitted later for its trips, amendments \
            of its logs and km reviews of its trips are paid as adjustment lines, referring to the original \
            trip, in the current month. The current month and future months cannot be closed. A month with \
            trips flagged for km review and not reviewed is refused, unless --accept-flags --reason "…": \
            those trips are then frozen at the estimate (capped at the logged km). \
            A month before the database's first trip has nothing to close and is refused; a month without \
            trips after the first closes, at zero.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: monthHelp()) var month: YearMonth
    @Flag(help: ArgumentHelp(localized(it: "Chiude anche con servizi segnalati non rivisti (richiede --reason; sono pagati alla stima).", en: "Close even with flagged trips not reviewed (needs --reason; they are paid at the estimate)."))) var acceptFlags = false
    @Option(help: ArgumentHelp(localized(it: "Il motivo (obbligatorio con --accept-flags; registrato nello storico delle modifiche).", en: "Why (required with --accept-flags; recorded in the audit trail)."), valueName: localized(it: "causale", en: "reason"))) var reason: String?

    func validate() throws {
        if acceptFlags && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(localized(it: "--accept-flags richiede --reason \"…\" (registrato nello storico delle modifiche)",
                                            en: "--accept-flags needs --reason \"…\" (recorded in the audit trail)"))
        }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        // A past month before the first trip ever booked (a new database, a typo in the year) has
        // nothing to freeze; a month without trips after the first closes, at zero. The current and
        // future months are left to the store's own refusal.
        if month < store.today().yearMonth {
            let first = try store.firstTripDay()
            if first.map({ $0.yearMonth > month }) ?? true {
                throw StoreError.refused(.month(.nothingToClose(month, firstTrip: first)))
            }
        }
        let closing = try store.closeMonth(month, acceptingFlags: acceptFlags,
                                           actor: Actor(try context.operatorName(), reason: reason ?? "month close"))
        try context.say(.monthClosed(month: closing.month, statements: closing.statements, total: closing.total, checksum: String(closing.sha256.prefix(16))))
        if closing.unreviewedFlags > 0 {
            try context.say(.monthClosedWithFlags(closing.unreviewedFlags))
        }
        if closing.unlogged > 0 {
            try context.say(.monthClosedUnlogged(closing.unlogged, month: closing.month))
        }
    }
}

/// `centrale month list`.
struct MonthListCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list",
        abstract: localized(it: "Elenca i mesi chiusi: chi ha chiuso ciascuno e quando, il totale e i checksum.",
                            en: "List the closed months: who closed each and when, its total and its checksums.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "table o json.", en: "table or json."), valueName: localized(it: "formato", en: "format"))) var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        let months = try context.store.closedMonths()
        if format == .json { context.print(try jsonString(months)); return }
        guard !months.isEmpty else { try context.say(.noMonthClosed); return }
        let language = try context.language
        var table = TextTable(TableHeaders.closedMonths.words(language), rightAligned: [3, 4])
        for month in months {
            // When it was closed, in Rome's time (the database keeps the UTC moment; JSON shows that).
            let closed = month.closedMoment.map { moment -> String in
                let (date, time) = MonthDocumentStatus.romeTime(moment)
                return "\(language.date(date)) \(time)"
            } ?? month.closedAt
            table.add([YearMonth(month.month).map(language.month) ?? month.month, closed, month.closedBy, String(month.statements), Money(cents: month.totalCents).text(language == .it ? .italian : .machine),
                       month.sha256, month.reportSHA256 ?? "-"])
        }
        context.print(table.rendered)
        let total = months.reduce(0) { $0 + $1.totalCents }
        try context.say(.monthsClosed(months.count, total: Money(cents: total)))
    }
}
