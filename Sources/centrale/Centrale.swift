import ArgumentParser

/// The `centrale` command: the operations centre's tool.
@main
struct Centrale: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrale",
        abstract: "Centrale: the social-accompaniment operations centre.",
        discussion: """
            Every command works on one SQLite database: --db PATH, or the CENTRALE_DB environment \
            variable, or centrale.sqlite in the working directory.
            """,
        subcommands: [InitCommand.self, DemoCommand.self, StatusCommand.self, RequestCommand.self, DispatchCommand.self,
                      AssignCommand.self, TripsCommand.self, LogCommand.self, StatementCommand.self, MonthCommand.self, ReportCommand.self,
                      TUICommand.self, PlanCommand.self, PlanBenchCommand.self, UpgradeCommand.self, BeneficiaryCommand.self]
    )
}
