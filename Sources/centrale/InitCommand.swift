import ArgumentParser
import CentraleRegistry
import CentraleStore

/// `centrale init`: loads the registry into the database.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Load the registry (comuni, places, associations, fleets, convention) into the database.",
        discussion: """
            Without --data, loads the registry built into the program (the files of data/ at build time). \
            Running it again with the same registry changes nothing; a changed file updates what changed, \
            each change recorded in the audit trail. A malformed file is reported with file, line and field, \
            and the database is left as it was.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("A folder with comuni.csv, places.csv, associations.csv, vehicles.csv and convention.toml.", valueName: "dir"))
    var data: String?

    @Option(name: .customLong("operator"), help: "Who is loading it, for the audit trail (default: the OS user).")
    var operatorOption: String?

    func run() throws {
        try reportingErrors {
            let registry = try data.map(RegistryFolder.read) ?? Registry.embedded()
            let store = try global.openStore()
            let summary = try store.load(registry, actor: Actor(operatorName(operatorOption), reason: "centrale init"))
            let source = data ?? "the built-in registry"
            if summary.changedNothing {
                print("\(global.databasePath) already holds \(source): nothing changed (convention version \(summary.conventionVersion)).")
                return
            }
            print("Loaded \(source) into \(global.databasePath):")
            for kind in ["comune", "place", "association", "vehicle"] {
                let added = summary.added[kind] ?? 0, updated = summary.updated[kind] ?? 0
                if added + updated > 0 { print("  \(kind): \(added) added, \(updated) updated") }
            }
            if summary.unchanged > 0 { print("  \(summary.unchanged) records unchanged") }
            print("  convention: version \(summary.conventionVersion)\(summary.conventionIsNew ? " (new)" : " (unchanged)")")
        }
    }
}
