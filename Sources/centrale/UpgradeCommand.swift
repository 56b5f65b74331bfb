import ArgumentParser
import CentraleStore

/// `centrale upgrade`: brings an existing database's schema up to this program's.
struct UpgradeCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "upgrade",
        abstract: localized(it: "Aggiorna lo schema della base dati a questa versione di Centrale.",
                            en: "Bring the database's schema up to this version of Centrale."),
        discussion: localized(it: """
            I comandi che scrivono aggiornano lo schema da soli; i comandi che leggono soltanto (status, \
            verify, report, statement, trips, log flags, month list, request list) non scrivono mai, quindi su una base dati \
            più vecchia chiedono di eseguire prima questo comando. Gli aggiornamenti aggiungono soltanto allo schema; prima \
            fai comunque una copia del file.
            """, en: """
            Commands that write upgrade the schema themselves; commands that only read (status, \
            verify, report, statement, trips, log flags, month list, request list) never write, so on an older database \
            they ask for this command first. Upgrades only add to the schema; keep a copy of the file first.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        // Opening the store for writing is what upgrades it: what the opening applied says which it was.
        let store = try context.store
        let last = try store.appliedMigrations().last ?? "-"
        if store.migratedOnOpening.isEmpty {
            try context.say(.schemaAlreadyCurrent(path: context.databasePath, last: last))
        } else {
            try context.say(.schemaUpgraded(path: context.databasePath, applied: store.migratedOnOpening, last: last))
        }
    }
}
