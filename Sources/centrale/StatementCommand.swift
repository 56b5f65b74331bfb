import ArgumentParser
import CentraleDomain
import CentraleStore
import CentraleTariffs

/// `centrale statement`: an association's monthly reimbursement statement (*rendiconto*).
struct StatementCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "An association's monthly statement, or one row per association with --all.",
        discussion: """
            Every logged trip with its reimbursement lines (km at the capped rate, insurance, \
            equipment and escort items, waiting, no-show or cancellation items), the totals by item, \
            the indirect costs (a percentage of the direct items, capped per month), the trips flagged \
            for km review listed apart with the km logged, estimated and paid (they are included in the totals at \
            the km paid: the estimate, capped at the logged km, until reviewed with `centrale log review`), and the grand total. Each line \
            is rounded to the cent, half up; totals are sums of lines.
            """
    )

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: "The association's code.") var association: String?
    @Flag(help: "One row per association with its totals.") var all = false
    @Option(help: monthHelp()) var month: YearMonth
    @Option(help: "md, csv, json or html.") var format: Format = .md

    @Option(help: "Write to this file instead of standard output (a new file, unless --force).") var out: String?
    @Flag(help: "Replace the --out file if it exists (never a database).") var force = false

    enum Format: String, ExpressibleByArgument { case md, csv, json, html }

    func validate() throws {
        guard (association == nil) == all else { throw ValidationError("give --association CODE, or --all") }
        if all && format == .html { throw ValidationError("--format html is for one association's statement; with --all use md, csv or json") }
    }

    func run(_ context: AppContext) throws {
        if let out { try OutputFile.check(out, force: force) }
        let store = try context.store
        let text = all ? StatementRenderer.summary(try store.statements(month: month), format: format)
                       : try StatementRenderer.render(store.statement(association: association!, month: month), format: format)
        if let out {
            try OutputFile.write(text + "\n", to: out, force: force)
            context.print("Statement \(month) written to \(out).")
        } else {
            context.print(text)
        }
    }
}

/// Renders statements as Markdown, CSV or JSON.
enum StatementRenderer {
    static func render(_ s: MonthlyStatement, format: StatementCommand.Format) throws -> String {
        switch format {
        case .json: return try jsonString(s)
        case .csv:
            // A flagged trip shows the km logged, the km paid, its flag and its review, as the other formats do.
            var lines = ["trip,date,beneficiary,outcome,vehicle,km,km_paid,km_flag,km_review,tariff,item,basis,amount_eur"]
            for entry in s.entries {
                for line in entry.reimbursement.lines {
                    lines.append([String(entry.tripID), entry.date.description, entry.beneficiary, entry.outcome.rawValue, entry.vehicle,
                                  entry.driven.kilometresText, (entry.paid ?? entry.driven).kilometresText, entry.flag ?? "",
                                  entry.flag == nil ? "" : (entry.review ?? "not reviewed"), entry.reimbursement.tariffID, line.item.rawValue,
                                  line.basis, line.amount.description].map(csvField).joined(separator: ","))
                }
            }
            lines.append(["", "", "", "", "", "", "", "", "", "", "indirect", s.indirect.basis, s.indirect.amount.description].map(csvField).joined(separator: ","))
            for adjustment in s.adjustments {
                lines.append([String(adjustment.tripID), "", "", "", "", "", "", "", "", "", "adjustment",
                              "\(adjustment.reason) (trip of \(adjustment.originalMonth))", adjustment.amount.description].map(csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n")
        case .html:
            return StatementHTML.page(s)
        case .md:
            var lines = ["# Rendiconto \(s.month) — \(s.associationName) (\(s.association))", "",
                         "Trips logged: \(s.entries.count) · km: \(s.driven) · total: **\(s.total) €**", "",
                         "## Totals by item", "", "| item | amount € |", "| --- | ---: |"]
            for (item, amount) in s.totalsByItem { lines.append("| \(item.rawValue) | \(amount) |") }
            if !s.adjustments.isEmpty { lines.append("| adjustments | \(s.adjusted) |") }
            lines.append("| **total** | **\(s.total)** |")
            lines += ["", "Indirect costs: \(s.indirect.basis).", ""]
            if !s.adjustments.isEmpty {
                lines += ["## Adjustments for trips of closed months", "", "| trip | month | reason | amount € |", "| ---: | --- | --- | ---: |"]
                for adjustment in s.adjustments {
                    lines.append("| \(adjustment.tripID) | \(adjustment.originalMonth) | \(adjustment.reason) | \(adjustment.amount) |")
                }
                lines.append("")
            }
            if !s.flagged.isEmpty {
                lines += ["## Trips flagged for km review (included above at the km paid)", "",
                          "Until reviewed (`centrale log review`), a flagged trip is paid at the estimate, capped at the logged km.", "",
                          "| trip | date | vehicle | km logged | km estimated | km paid | review | flag |",
                          "| ---: | --- | --- | ---: | ---: | ---: | --- | --- |"]
                for entry in s.flagged {
                    lines.append("| \(entry.tripID) | \(entry.date) | \(entry.vehicle) | \(entry.driven.kilometresText) | "
                                 + "\(entry.estimated?.kilometresText ?? "-") | \((entry.paid ?? entry.driven).kilometresText) | \(entry.review ?? "-") | \(entry.flag!) |")
                }
                lines.append("")
            }
            lines += ["## Trips", "", "| trip | date | beneficiary | outcome | lines | total € |", "| ---: | --- | --- | --- | --- | ---: |"]
            for entry in s.entries {
                let detail = entry.reimbursement.lines.map { "\($0.item.rawValue): \($0.basis) = \($0.amount)" }.joined(separator: "; ")
                lines.append("| \(entry.tripID) | \(entry.date) | \(entry.beneficiary) | \(entry.outcome.rawValue) | \(detail) | \(entry.reimbursement.total) |")
            }
            return lines.joined(separator: "\n")
        }
    }

    static func summary(_ statements: [MonthlyStatement], format: StatementCommand.Format) -> String {
        let total = statements.reduce(Money.zero) { $0 + $1.total }
        switch format {
        case .json:
            struct Row: Encodable { var association: String, trips: Int, km: String, direct_eur: String, indirect_eur: String, total_eur: String, flagged: Int }
            struct Summary: Encodable { var month: String, total_eur: String, associations: [Row] }
            let summary = Summary(month: statements.first?.month.description ?? "", total_eur: total.description, associations: statements.map {
                Row(association: $0.association, trips: $0.entries.count, km: $0.driven.kilometresText, direct_eur: $0.direct.description,
                    indirect_eur: $0.indirect.amount.description, total_eur: $0.total.description, flagged: $0.flagged.count)
            })
            return (try? jsonString(summary)) ?? "{}"
        case .csv:
            return (["association,trips,km,direct_eur,indirect_eur,total_eur,flagged"] + statements.map {
                "\($0.association),\($0.entries.count),\($0.driven.kilometresText),\($0.direct),\($0.indirect.amount),\($0.total),\($0.flagged.count)"
            } + ["TOTAL,\(statements.reduce(0) { $0 + $1.entries.count }),,,,\(total),"]).joined(separator: "\n")
        case .md, .html: // html is refused with --all (validate)
            return (["| association | trips | km | direct € | indirect € | total € | flagged |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
                    + statements.map { "| \($0.association) | \($0.entries.count) | \($0.driven.kilometresText) | \($0.direct) | \($0.indirect.amount) | \($0.total) | \($0.flagged.count) |" }
                    + ["| **total** | \(statements.reduce(0) { $0 + $1.entries.count }) | | | | **\(total)** | |"]).joined(separator: "\n")
        }
    }
}
