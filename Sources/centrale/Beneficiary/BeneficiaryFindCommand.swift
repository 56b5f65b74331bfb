import ArgumentParser
import CentraleFormats
import CentraleStore

/// `centrale beneficiary find TEXT`.
struct BeneficiaryFindCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "find",
        abstract: localized(it: "Cerca le persone per una parte del cognome, del nome, del codice fiscale o del telefono, senza badare a maiuscole e accenti.",
                            en: "Find people by part of the surname, name, codice fiscale or phone, ignoring case and accents.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Cosa cercare, es. belle (trova Bellè).", en: "What to look for, e.g. belle (finds Bellè)."), valueName: localized(it: "testo", en: "text"))) var text: String
    @Option(help: ArgumentHelp(localized(it: "table, csv o json.", en: "table, csv or json."), valueName: localized(it: "formato", en: "format"))) var format: PeopleFormat = .table
    @Option(help: dialectHelp) var dialect: CSVDialect = .excel
    @Option(help: ArgumentHelp(localized(it: "Al massimo questo numero di persone.", en: "At most this many."), valueName: localized(it: "numero", en: "limit"))) var limit: Int = 50

    func run(_ context: AppContext) throws {
        let store = try context.store
        let people = try store.findBeneficiaries(text, on: store.today(), limit: limit)
        try printPeople(people, to: context, format: format, dialect: dialect, comuneNames: try context.comuneNames, empty: try context.language == .it ? "Nessuno corrisponde a '\(text)'." : "Nobody matches '\(text)'.")
    }
}
