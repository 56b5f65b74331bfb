import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleIntake
import CentraleStore
import Foundation

/// `centrale beneficiary import FILE`: the list a PUA or a comune's office exports.
struct BeneficiaryImportCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import",
        abstract: localized(it: "Importa un elenco del PUA (CSV con intestazioni in italiano): tutto o niente, con tutti i problemi in una volta.",
                            en: "Import a PUA list (CSV with Italian headers): all or nothing, every problem at once."),
        discussion: localized(it: """
            Il file può usare ; o , con byte-order mark, CRLF, date gg/mm/aaaa, UTF-8 o Windows-1252. Le intestazioni \
            sono riconosciute senza badare a maiuscole e accenti (vedi `beneficiary template`). Le persone sono riconosciute \
            dal codice fiscale: importare di nuovo lo stesso file non cambia nulla; una riga cambiata aggiorna quella \
            persona, con traccia nello storico delle modifiche.
            """, en: """
            The file may use ; or , with a byte-order mark, CRLF, dd/mm/yyyy dates, UTF-8 or Windows-1252. Headers are \
            matched ignoring case and accents (see `beneficiary template`). People are matched by codice fiscale: \
            importing the same file again changes nothing; a changed row updates that person, audited.
            """)
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il file CSV.", en: "The CSV file."))) var file: String
    @Flag(name: .customLong("cancel-trips"),
          help: ArgumentHelp(localized(it: "Annulla i servizi ancora da fare che l'autorizzazione cambiata non copre più (senza questa opzione la riga viene rifiutata, con l'elenco dei servizi).",
                                       en: "Cancel the trips still to be done that a changed authorisation no longer covers (without it such a row is refused, listing them).")))
    var cancelTrips = false
    @Flag(help: ArgumentHelp(localized(it: "Registra di nuovo le persone del file i cui dati personali sono stati cancellati da questa base dati (una nuova segnalazione); senza questa opzione quelle righe vengono rifiutate.",
                                       en: "Register again the people of the file whose record was erased from this database (a new referral); without it such rows are refused.")))
    var readmit = false

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: "beneficiary import \((file as NSString).lastPathComponent)")
        let data = try InputFile.contents(file).get(orRefuse: file)
        let store = try context.store
        let registry = try context.registry
        let rows = try BeneficiaryImport(comuni: registry.comuni, today: store.today()).read(data, fileName: file)
        let outcome = try store.importBeneficiaries(rows.map(\.entry), comuneNames: try context.comuneNames, cancelTrips: cancelTrips,
                                                    readmit: readmit, labels: rows.map { SourceLocation(file: file, line: $0.line) }, actor: actor)
        try context.say(.peopleImported(file: file, rows: rows.count, added: outcome.added.count, updated: outcome.updated.count, unchanged: outcome.unchanged.count, readmitted: outcome.readmitted.count))
    }
}
