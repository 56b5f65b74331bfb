import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary export CODE`: the right of access.
struct BeneficiaryExportCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export",
        abstract: localized(it: "Scrive in JSON tutto ciò che è conservato su una persona: scheda, segnalazione, storico, servizi e i loro registri.",
                            en: "Write everything held about a person as JSON: record, referral, history, trips and their logs.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "Scrive in questo file invece che sullo standard output (un file nuovo, salvo --force).", en: "Write to this file instead of standard output (a new file, unless --force)."), valueName: localized(it: "file", en: "out"))) var out: String?
    @Flag(help: ArgumentHelp(localized(it: "Sostituisce il file di --out se esiste già (mai una base dati).", en: "Replace the --out file if it exists (never a database)."))) var force = false

    func run(_ context: AppContext) throws {
        let store = try context.store
        guard let file = try store.beneficiaryFile(code) else { throw StoreError.notFound(entity: .beneficiary, id: code) }
        let trips = try store.personTrips(code)
        let text = try jsonString(BeneficiaryDocument(file, today: store.today(), comuneNames: try context.comuneNames, trips: trips, totals: nil))
        if let out {
            try OutputFile.write(text + "\n", to: out, force: force)
            try context.say(.exported(code, to: out))
        } else {
            context.print(text)
        }
    }
}
