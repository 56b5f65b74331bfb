import ArgumentParser
import CentraleStore

/// `centrale verify`: checks the whole database for damage and tampering.
struct VerifyCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "verify",
        abstract: localized(it: "Controlla tutta la base dati: integrità SQLite, istantanee dei mesi chiusi, totali dei rendiconti, catena di hash dello storico delle modifiche.",
                            en: "Check the whole database: SQLite integrity, closed months' snapshots, statement totals, the audit hash chain."),
        discussion: localized(it: """
            Una riga per controllo, con i suoi conteggi. Il PRAGMA integrity_check di SQLite; le istantanee dei rendiconti e \
            del rapporto di ogni mese chiuso confrontate con i checksum registrati, e il checksum e il totale del mese; il \
            totale di ogni rendiconto congelato confrontato con le sue voci; lo storico delle modifiche come catena di hash \
            (ogni voce contiene l'hash della precedente), che rivela una voce modificata o cancellata anche se i trigger \
            che consentono solo aggiunte sono stati rimossi. Stato di uscita 1, con l'indicazione del primo elemento non \
            valido, se un controllo fallisce.
            """, en: """
            One line per check with its counts. SQLite's PRAGMA integrity_check; every closed month's \
            statement and report snapshots against their stored checksums, and the month's checksum and \
            total; every frozen statement's total against its lines; the audit trail as a hash chain (each \
            entry holds the hash of the one before), which shows an entry edited or deleted even when the \
            append-only triggers were dropped. Exit status 1, naming the first broken item, if any check fails.
            """)
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let language = try context.language
        let checks = try context.store.verify()
        checks.forEach { context.print($0.line(language)) }
        if let first = checks.first(where: { !$0.passed }), let broken = first.broken {
            context.printError(CLIMessage.verifyFailed(check: first.name(language), broken: broken.text(language)).text(language))
            throw ExitCode.failure
        }
        try context.say(.verifyPassed(checks: checks.count))
    }
}
