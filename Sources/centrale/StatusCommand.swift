import ArgumentParser
import CentraleStore

/// `centrale status`: what a database holds.
struct StatusCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "status",
        abstract: localized(it: "Mostra cosa contiene la base dati (versione dello schema, registro, servizi, voci dello storico delle modifiche) ed esegue i controlli rapidi di integrità.",
                            en: "Show what the database holds (schema version, registry, trips, audit entries) and run the fast integrity checks.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let store = try context.store
        let language = try context.language
        let counts = try store.counts()
        try context.say(.statusDatabase(context.databasePath))
        try context.say(.statusSchema(try store.appliedMigrations()))
        if let origin = try store.meta("origin") { try context.say(.statusOrigin(origin)) }
        for table in CountedTable.allCases { try context.say(.statusCount(table: table, count: counts[table.rawValue] ?? 0)) }
        // The fast checks of `centrale verify`: snapshot checksums and the audit chain.
        let checks = try store.verify(fast: true)
        for check in checks { try context.say(.statusCheck(check)) }
        if let failed = checks.first(where: { !$0.passed }), let broken = failed.broken {
            context.printError(CLIMessage.statusCheckFailed(check: failed.name(language), broken: broken.text(language)).text(language))
            throw ExitCode.failure
        }
        try context.say(.statusIntegrity)
    }
}
