import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale month`: closing months.
struct MonthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "month",
        abstract: "Close a month (freeze its statements) and list closed months.",
        subcommands: [MonthCloseCommand.self]
    )
}

/// `centrale month close`.
struct MonthCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Freeze a month's statements as stored, checksummed snapshots.",
        discussion: """
            After closing, the month's statements are always rendered from the snapshot, identical \
            even after a tariff change. Logs submitted later for its trips, and amendments of its logs, \
            are paid as adjustment lines, referring to the original trip, in the next open month.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The month, YYYY-MM.") var month: String
    @Option(name: .customLong("operator"), help: "Who closes it (default: the OS user).") var operatorOption: String?

    func validate() throws {
        if YearMonth(month) == nil { throw ValidationError("'\(month)' is not a month YYYY-MM") }
    }

    func run() throws {
        try reportingErrors {
            let closing = try global.openStore().closeMonth(YearMonth(month)!, actor: Actor(try operatorName(operatorOption), reason: "month close"))
            print("Closed \(closing.month): \(closing.statements) statements frozen, total \(closing.total) €, checksum \(closing.sha256.prefix(16))….")
            if closing.unlogged > 0 {
                print("\(closing.unlogged) trips of \(closing.month) are still without a log; logs submitted later go into the next open month as adjustments.")
            }
        }
    }
}
