import ArgumentParser
import CentraleStore

/// The `centrale` command: the operations centre's tool.
@main
struct Centrale: ParsableCommand {
    /// The program's release, printed by `--version`.
    static let release = "0.4.0"

    static let configuration = CommandConfiguration(
        commandName: "centrale",
        abstract: "Centrale: the social-accompaniment operations centre.",
        discussion: """
            Every command works on one SQLite database: --db PATH, or the CENTRALE_DB environment \
            variable, or centrale.sqlite in the working directory.
            """,
        version: "centrale \(Centrale.release) (database schema \(Store.knownMigrations.last ?? "-"))",
        subcommands: [InitCommand.self, DemoCommand.self, StatusCommand.self, RequestCommand.self, DispatchCommand.self,
                      AssignCommand.self, TripsCommand.self, LogCommand.self, StatementCommand.self, MonthCommand.self, ReportCommand.self,
                      TUICommand.self, PlanCommand.self, PlanBenchCommand.self, VerifyCommand.self, UpgradeCommand.self, BeneficiaryCommand.self]
    )
}
