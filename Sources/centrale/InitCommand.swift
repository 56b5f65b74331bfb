import ArgumentParser
import CentraleDomain
import CentraleRegistry
import CentraleStore

/// `centrale init`: loads the registry into the database.
struct InitCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init",
        abstract: localized(it: "Carica nella base dati il registro (comuni, luoghi, associazioni, parchi mezzi, convenzione).",
                            en: "Load the registry (comuni, places, associations, fleets, convention) into the database."),
        discussion: localized(it: """
            Senza --data carica il registro incorporato nel programma (i file di data/ al momento della compilazione). \
            Eseguirlo di nuovo con lo stesso registro non cambia nulla; un file modificato aggiorna ciò che è cambiato, \
            e ogni modifica è registrata nello storico delle modifiche. Un file con errori viene segnalato con file, \
            riga e campo, e la base dati resta com'era.
            """, en: """
            Without --data, loads the registry built into the program (the files of data/ at build time). \
            Running it again with the same registry changes nothing; a changed file updates what changed, \
            each change recorded in the audit trail. A malformed file is reported with file, line and field, \
            and the database is left as it was.
            """)
    ) }

    static let storeAccess = Store.Access.create

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(localized(it: "Una cartella con comuni.csv, places.csv, associations.csv, vehicles.csv e convention.toml.",
                                         en: "A folder with comuni.csv, places.csv, associations.csv, vehicles.csv and convention.toml."),
                               valueName: localized(it: "cartella", en: "dir")))
    var data: String?

    @Option(name: .customLong("leaving"), parsing: .singleValue,
            help: ArgumentHelp(localized(it: "Un'associazione tolta da associations.csv e il giorno in cui lascia la convenzione (ripetibile).",
                                         en: "An association taken out of associations.csv and the day it leaves the convention (repeatable)."),
                               valueName: localized(it: "CODICE=AAAA-MM-GG", en: "CODE=YYYY-MM-DD")))
    var leaving: [String] = []

    /// `--leaving` as codes and days.
    func departures() throws -> [String: LocalDate] {
        var days: [String: LocalDate] = [:]
        for item in leaving {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let day = LocalDate(parts[1]) else {
                throw ValidationError(localized(it: "--leaving: '\(item)' non è nella forma CODICE=AAAA-MM-GG, es. --leaving AUS-CAL=2026-01-01",
                                                en: "--leaving: '\(item)' is not CODE=YYYY-MM-DD, e.g. --leaving AUS-CAL=2026-01-01"))
            }
            guard days[parts[0]] == nil else { throw ValidationError(localized(it: "--leaving: \(parts[0]) compare due volte; va indicata una volta sola",
                                                                               en: "--leaving: \(parts[0]) is given twice; give it once")) }
            days[parts[0]] = day
        }
        return days
    }

    func validate() throws { _ = try departures() }

    func run(_ context: AppContext) throws {
        let registry = try data.map(RegistryFolder.read) ?? Registry.embedded()
        let store = try context.store
        let summary = try store.load(registry, leaving: try departures(), actor: Actor(try context.operatorName(), reason: "centrale init"))
                if summary.changedNothing {
            try context.say(.registryUnchanged(path: context.databasePath, source: data, version: "\(summary.conventionVersion)"))
            return
        }
        try context.say(.registryLoaded(source: data, path: context.databasePath))
        for kind in ["comune", "place", "association", "vehicle"] {
            let added = summary.added[kind] ?? 0, updated = summary.updated[kind] ?? 0
            if added + updated > 0 { try context.say(.registryKind(kind, added: added, updated: updated)) }
        }
        if summary.unchanged > 0 { try context.say(.registryRecordsUnchanged(summary.unchanged)) }
        for departure in summary.departures {
            try context.say(.leavesConvention(departure.code, on: departure.on, released: departure.tripsReleased))
        }
        try context.say(.conventionVersion("\(summary.conventionVersion)", new: summary.conventionIsNew))
    }
}
