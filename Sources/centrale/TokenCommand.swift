import ArgumentParser
import CentraleDomain
import CentraleRendering
import CentraleStore

/// `centrale token`: the server's access tokens.
struct TokenCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "token",
        abstract: localized(it: "Rilascia, elenca e revoca i codici di accesso al server (`centrale serve`).",
                            en: "Issue, list and revoke the server's access tokens (`centrale serve`)."),
        subcommands: [TokenIssueCommand.self, TokenListCommand.self, TokenRevokeCommand.self]) }
}

/// `centrale token issue --association A [--role …] [--owner …] [--expires D]`.
struct TokenIssueCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "issue",
        abstract: localized(it: "Rilascia un codice di accesso e lo stampa, una sola volta: si conserva solo il suo hash.",
                            en: "Issue a token and print it, once: only its hash is kept."),
        discussion: localized(it: """
            Il codice di un'associazione vede e modifica solo i servizi, i registri dei viaggi, le conferme e i rendiconti di \
            quell'associazione. Un codice con ruolo monitoring legge i rapporti e i rendiconti; uno con ruolo dispatcher \
            serve alle altre postazioni della centrale. Tutto ciò che si fa con un codice è registrato nello storico delle \
            modifiche a nome del suo titolare.
            """, en: """
            An association's token sees and changes only that association's trips, logs, confirmations and \
            statements. A monitoring token reads the reports and the statements; a dispatcher token serves \
            the centre's other desks. Whatever is done with a token is audited under its owner's name.
            """)
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "L'associazione per cui agisce (ruolo association).", en: "The association it acts for (role association)."), valueName: localized(it: "associazione", en: "association"))) var association: String?
    // Optional, its default said in the help (ArgumentParser would name it by its code).
    @Option(name: .customLong("role"),
            help: ArgumentHelp(localized(it: "Il ruolo, per nome (anche monitoraggio) o con il codice inglese (association, monitoring, dispatcher); predefinito: associazione.",
                                         en: "association, monitoring or dispatcher (or associazione, monitoraggio, centrale); default: association."),
                               valueName: localized(it: "ruolo", en: "role"))) var roleGiven: TokenRole?
    var role: TokenRole { roleGiven ?? .association }
    @Option(help: ArgumentHelp(localized(it: "Chi lo detiene, indicato nello storico delle modifiche (predefinito: il codice dell'associazione).", en: "Who holds it, named in the audit trail (default: the association's code)."), valueName: localized(it: "titolare", en: "owner"))) var owner: String?
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di validità (predefinito: nessuna scadenza).", en: "Its last valid day (default: no end)."), valueName: localized(it: "data", en: "expires"))) var expires: LocalDate?

    func run(_ context: AppContext) throws {
        let (token, record) = try context.store.issueToken(role: role, association: association?.uppercased(), owner: owner,
                                                           validUntil: expires, actor: Actor(try context.operatorName()))
        context.print(token)
        let issued = CLIMessage.tokenIssued(id: record.id, owner: record.owner, role: record.role, association: record.association, until: expires)
        context.printError(issued.text(try context.language))
    }
}

/// `centrale token list`.
struct TokenListCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list",
        abstract: localized(it: "Elenca i codici di accesso rilasciati (mai i codici stessi).", en: "List the tokens issued (never the tokens themselves).")
    ) }
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let store = try context.store
        let tokens = try store.accessTokens()
        guard !tokens.isEmpty else { try context.say(.noTokens); return }
        let today = store.today()
        var table = TextTable(TableHeaders.tokens.words(try context.language), rightAligned: [0])
        let language = try context.language, it = language == .it
        for t in tokens {
            let state = t.revokedAt.map { (it ? "revocato il " : "revoked ") + language.date(iso: String($0.prefix(10))) }
                ?? (t.isValid(on: today) ? (it ? "valido" : "valid") : (it ? "scaduto" : "expired"))
            table.add([String(t.id), t.hint + "…", it ? t.role.italianName : t.role.rawValue, t.association ?? "-", t.owner, language.date(iso: String(t.issuedAt.prefix(10))),
                       t.validUntil.map(language.date) ?? "-", state])
        }
        context.print(table.rendered)
    }
}

/// `centrale token revoke ID`.
struct TokenRevokeCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "revoke",
        abstract: localized(it: "Revoca un codice di accesso: da ora il server lo rifiuta.", en: "Revoke a token: the server refuses it from now on.")
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del codice di accesso, da `centrale token list`.", en: "The token's id, from `centrale token list`."), valueName: localized(it: "numero", en: "id"))) var id: Int64

    func run(_ context: AppContext) throws {
        try context.store.revokeToken(id, actor: Actor(try context.operatorName()))
        try context.say(.tokenRevoked(id))
    }
}
