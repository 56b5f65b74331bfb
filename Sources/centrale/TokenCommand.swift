import ArgumentParser
import CentraleDomain
import CentraleRendering
import CentraleStore

extension TokenRole: ExpressibleByArgument {}

/// `centrale token`: the server's access tokens.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, list and revoke the server's access tokens (`centrale serve`).",
        subcommands: [TokenIssueCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

/// `centrale token issue --association A [--role …] [--owner …] [--expires D]`.
struct TokenIssueCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Issue a token and print it, once: only its hash is kept.",
        discussion: """
            An association's token sees and changes only that association's trips, logs, confirmations and \
            statements. A monitoring token reads the reports and the statements; a dispatcher token serves \
            the centre's other desks. Whatever is done with a token is audited under its owner's name.
            """)
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: "The association it acts for (role association).") var association: String?
    @Option(help: "association, monitoring or dispatcher.") var role: TokenRole = .association
    @Option(help: "Who holds it, named in the audit trail (default: the association's code).") var owner: String?
    @Option(help: "Its last valid day (default: no end).") var expires: LocalDate?

    func run(_ context: AppContext) throws {
        let (token, record) = try context.store.issueToken(role: role, association: association?.uppercased(), owner: owner,
                                                           validUntil: expires, actor: Actor(try context.operatorName()))
        context.print(token)
        context.printError("Token \(record.id) issued to \(record.owner) (\(record.role.rawValue)"
                           + (record.association.map { ", \($0)" } ?? "") + ")" + (expires.map { ", valid until \($0)" } ?? "")
                           + ". Hand it over now: it is not shown again. The holder uses it with --server URL --token TOKEN, or CENTRALE_TOKEN.")
    }
}

/// `centrale token list`.
struct TokenListCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens issued (never the tokens themselves).")
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions

    func run(_ context: AppContext) throws {
        let store = try context.store
        let tokens = try store.accessTokens()
        guard !tokens.isEmpty else { try context.say(.noTokens); return }
        let today = store.today()
        var table = TextTable(TableHeaders.tokens.words(try context.language), rightAligned: [0])
        for t in tokens {
            let it = try context.language == .it
            let state = t.revokedAt.map { (it ? "revocata " : "revoked ") + $0.prefix(10) } ?? (t.isValid(on: today) ? (it ? "valida" : "valid") : (it ? "scaduta" : "expired"))
            table.add([String(t.id), t.hint + "…", t.role.rawValue, t.association ?? "-", t.owner, String(t.issuedAt.prefix(10)),
                       t.validUntil?.description ?? "-", state])
        }
        context.print(table.rendered)
    }
}

/// `centrale token revoke ID`.
struct TokenRevokeCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token: the server refuses it from now on.")
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The token's id, from `centrale token list`.") var id: Int64

    func run(_ context: AppContext) throws {
        try context.store.revokeToken(id, actor: Actor(try context.operatorName()))
        try context.say(.tokenRevoked(id))
    }
}
