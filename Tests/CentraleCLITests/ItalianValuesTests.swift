import CentraleDomain
import Foundation
import GRDB
import Testing

/// Issue "Italian first": the parser's lists of values joined in Italian, the help without
/// ArgumentParser's English words or placeholders, and the values the program shows in Italian
/// accepted in Italian (and by their codes) in either language.
@Suite struct ItalianValuesTests {
    /// The text with every run of spaces and line breaks as one space (the help wraps anywhere).
    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// A run that went past the parser (whatever the command then said): not the usage error's 64.
    func expectParsed(_ arguments: [String], environment: [String: String] = italianDefault,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let run = try centrale(arguments, environment: environment)
        #expect(run.status != 64, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.stderr.hasPrefix("Errore: Il valore") && !run.stderr.hasPrefix("Error: The value"), "\(arguments): \(run.stderr)",
                sourceLocation: sourceLocation)
    }

    // MARK: - The parser's lists of allowed values

    @Test func listsOfAllowedValuesAreJoinedInItalian() throws {
        let sheet = try centrale(["sheet", "--format", "pdf", "--association", "MIS-SCA", "--date", "2025-03-03"], environment: italianDefault)
        #expect(sheet.status == 64)
        #expect(sheet.stderr.contains("Indica uno tra 'md' e 'html'."), "\(sheet.stderr)")
        let close = try centrale(["beneficiary", "close", "BSTRE1", "--on", "2025-03-31", "--reason", "x"], environment: italianDefault)
        #expect(close.status == 64)
        #expect(close.stderr.contains("Indica uno tra 'concluso', 'trasferito', 'deceduto', 'non più avente diritto' o 'rinuncia'."),
                "Italian names, joined in Italian: \(close.stderr)")
        let lang = try centrale(["status", "--lang", "fr"], environment: italianDefault)
        #expect(lang.status == 64)
        #expect(lang.stderr.contains("'it' e 'en'"), "\(lang.stderr)")
        for run in [sheet, close, lang] {
            #expect(run.stderr.hasPrefix("Errore: Il valore "), "\(run.stderr)")
            #expect(run.stderr.contains(" e '") || run.stderr.contains(" o '"), "\(run.stderr)")
            #expect(!run.stderr.contains(" and '") && !run.stderr.contains(" or '") && !run.stderr.contains("Please"), "\(run.stderr)")
        }
    }

    @Test func listsOfAllowedValuesStayEnglishInEnglish() throws {
        let sheet = try centrale(["sheet", "--format", "pdf", "--association", "MIS-SCA", "--date", "2025-03-03"])
        #expect(sheet.status == 64 && sheet.stderr.contains("Please provide one of 'md' and 'html'."), "\(sheet.stderr)")
        let close = try centrale(["beneficiary", "close", "BSTRE1", "--on", "2025-03-31", "--reason", "x"])
        #expect(close.stderr.contains("Please provide one of 'ended', 'moved', 'deceased', 'no_longer_eligible' or 'refused'."),
                "codes in English: \(close.stderr)")
    }

    @Test func aPurposeIsListedByItsItalianNameInItalian() throws {
        let italian = try centrale(["request", "add", "--beneficiary", "X", "--date", "2026-12-20", "--time", "9:00", "--to", "P",
                                    "--purpose", "spesa"], environment: italianDefault)
        #expect(italian.status == 64)
        #expect(italian.stderr.hasPrefix("Errore: Il valore 'spesa' non è valido per '--purpose <motivo>'. Indica uno dei seguenti:"),
                "\(italian.stderr)")
        #expect(italian.stderr.contains("\n  - dialisi\n") && italian.stderr.contains("\n  - centro diurno\n"), "\(italian.stderr)")
        #expect(!italian.stderr.contains("- dialysis") && !italian.stderr.contains("day_centre"), "\(italian.stderr)")
        let english = try centrale(["request", "add", "--beneficiary", "X", "--date", "2026-12-20", "--time", "9:00", "--to", "P",
                                    "--purpose", "spesa"])
        #expect(english.stderr.contains("'--purpose <purpose>'") && english.stderr.contains("\n  - dialysis\n")
                && english.stderr.contains("\n  - day_centre\n"), "\(english.stderr)")
    }

    // MARK: - The help

    @Test(arguments: [["request"], ["request", "add"], ["beneficiary", "resume"], ["serve"]])
    func theHelpHasNoEnglishParserWords(_ command: [String]) throws {
        let help = try centrale(command + ["--help"], environment: italianDefault)
        #expect(help.status == 0)
        for english in ["<subcommand>", "See '", "default:", "suspension ended early", "(values:", "<options>", "<path>", "<name>", "<date>"] {
            #expect(!help.stdout.contains(english), "'\(english)' in the Italian help of \(command):\n\(help.stdout)")
        }
        // Wrapped after the translation: no line (but the usage, never wrapped) wider than the 80 columns asked.
        for line in help.stdout.split(separator: "\n") where !line.hasPrefix("USO:") {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }

    @Test func aGroupsHelpPointsToItsSubcommandsInItalian() throws {
        let help = try centrale(["request", "--help"], environment: italianDefault)
        #expect(help.stdout.contains("USO: centrale request <sottocomando>\n"), "\(help.stdout)")
        #expect(help.stdout.contains("  Vedi 'centrale help request <sottocomando>' per l'aiuto dettagliato."), "\(help.stdout)")
        let root = try centrale(["--help"], environment: italianDefault)
        #expect(root.stdout.contains("  Vedi 'centrale help <sottocomando>' per l'aiuto dettagliato."), "\(root.stdout)")
        let english = try centrale(["request", "--help"])
        #expect(english.stdout.contains("USAGE: centrale request <subcommand>")
                && english.stdout.contains("See 'centrale help request <subcommand>' for detailed help."), "\(english.stdout)")
    }

    @Test func serveShowsItsAddressDefaultOnce() throws {
        let languages: [([String: String], String)] = [(italianDefault, "(predefinito:"), ([:], "(default:")]
        for (environment, word) in languages {
            let help = try centrale(["serve", "--help"], environment: environment)
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(lines.firstIndex(where: { $0.hasPrefix("  --host ") }), "\(help.stdout)")
            let end = lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("  -") }) ?? lines.endIndex
            let host = flat(lines[start..<end].joined(separator: "\n"))
            #expect(host.components(separatedBy: word).count == 2, "one default: \(host)")
            #expect(host.contains("\(word) 127.0.0.1)"), "\(host)")
        }
        let italian = try centrale(["serve", "--help"], environment: italianDefault)
        #expect(italian.stdout.contains("--host <indirizzo>") && italian.stdout.contains("--port <porta>"), "\(italian.stdout)")
    }

    @Test func resumeShowsItsDefaultReasonInItalian() throws {
        let italian = try centrale(["beneficiary", "resume", "--help"], environment: italianDefault)
        #expect(flat(italian.stdout).contains("(predefinito: sospensione terminata in anticipo)"), "\(italian.stdout)")
        #expect(italian.stdout.contains("--reason <causale>") && italian.stdout.contains("<codice>"), "\(italian.stdout)")
        let english = try centrale(["beneficiary", "resume", "--help"])
        #expect(flat(english.stdout).contains("(default: suspension ended early)"), "\(english.stdout)")
    }

    @Test func placeholdersAreItalianInItalian() throws {
        let add = flat(try centrale(["request", "add", "--help"], environment: italianDefault).stdout)
        for part in ["centrale request add [<opzioni>]", "--db <percorso>", "--operator <nome>", "--date <data>", "--time <ora>",
                     "--from <luogo>", "--purpose <motivo>", "--repeat <giorni>", "--reason <causale>",
                     "predefinito: visita. (valori: dialisi, riabilitazione, terapia, centro diurno, visita, ricovero, sociale)"] {
            #expect(add.contains(part), "\(part) in: \(add)")
        }
        let list = flat(try centrale(["beneficiary", "list", "--help"], environment: italianDefault).stdout)
        #expect(list.contains("--expiring <giorni>") && list.contains("entro questo numero di giorni") && !list.contains("DAYS"), "\(list)")
        #expect(list.contains("(valori: segnalato, attivo, sospeso, chiuso, autorizzazione scaduta, non autorizzato)"), "\(list)")
        let dispatch = flat(try centrale(["dispatch", "--help"], environment: italianDefault).stdout)
        #expect(dispatch.contains("--explain <servizio>") && dispatch.contains("--date <data>"), "\(dispatch)")
        let token = flat(try centrale(["token", "issue", "--help"], environment: italianDefault).stdout)
        #expect(token.contains("--role <ruolo>") && token.contains("predefinito: associazione. (valori: associazione, tavolo di monitoraggio, centrale)"),
                "\(token)")
        let english = flat(try centrale(["token", "issue", "--help"]).stdout)
        #expect(english.contains("--role <role>") && english.contains("default: association. (values: association, monitoring, dispatcher)"),
                "\(english)")
    }

    // MARK: - Values in Italian

    @Test func closingReasonsInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        for reason in ["trasferito", "concluso", "deceduto", "non più avente diritto", "rinuncia", "Non_piu_avente_diritto", "DECEDUTA"] {
            try expectParsed(["beneficiary", "close", "NESSUNO", "--db", db, "--on", "2025-03-31", "--reason", reason])
            try expectParsed(["beneficiary", "close", "NESSUNO", "--db", db, "--on", "2025-03-31", "--reason", reason, "--lang", "en"])
        }
        try expectParsed(["beneficiary", "close", "NESSUNO", "--db", db, "--on", "2025-03-31", "--reason", "moved"])
        try expectParsed(["beneficiary", "close", "NESSUNO", "--db", db, "--on", "2025-03-31", "--reason", "no_longer_eligible"], environment: [:])

        // Suspended, then resumed without a reason: the program's own reason, kept as its code.
        #expect(try centrale(["beneficiary", "suspend", "BSTRE1", "--from", "2025-03-10", "--to", "2025-03-20", "--reason", "ricovero", "--db", db]).status == 0)
        let resume = try centrale(["beneficiary", "resume", "BSTRE1", "--on", "2025-03-15", "--db", db], environment: italianDefault)
        #expect(resume.status == 0, "\(resume.stderr)")
        let close = try centrale(["beneficiary", "close", "BSTRE1", "--db", db, "--on", "2025-03-31", "--reason", "non più avente diritto"],
                                 environment: italianDefault)
        #expect(close.status == 0, "\(close.stderr)")
        let queue = try DatabaseQueue(path: db)
        let resumed = try queue.read { database in
            try String.fetchOne(database, sql: "SELECT reason FROM beneficiary_status WHERE code = 'BSTRE1' AND status = 'active' AND from_date = '2025-03-15'")
        }
        let closed = try queue.read { database in
            try String.fetchOne(database, sql: "SELECT closing_reason FROM beneficiary_status WHERE code = 'BSTRE1' AND status = 'closed'")
        }
        try queue.close()
        #expect(resumed == StatusChangeReason.suspensionEndedEarly.stored, "\(String(describing: resumed))")
        #expect(closed == ClosingReason.noLongerEligible.rawValue, "\(String(describing: closed))")
        let show = try centrale(["beneficiary", "show", "BSTRE1", "--db", db], environment: italianDefault)
        #expect(show.stdout.contains("sospensione terminata in anticipo") && show.stdout.contains("chiuso (non più avente diritto)"), "\(show.stdout)")
    }

    @Test func statusesInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        for status in ["attivo", "sospeso", "scaduto", "chiuso", "segnalato", "autorizzazione scaduta", "non autorizzato", "Attiva", "SOSPESO"] {
            let italian = try centrale(["beneficiary", "list", "--db", db, "--status", status], environment: italianDefault)
            #expect(italian.status == 0, "\(status): \(italian.stderr)")
            let english = try centrale(["beneficiary", "list", "--db", db, "--status", status])
            #expect(english.status == 0, "\(status): \(english.stderr)")
        }
        for status in ["active", "expired", "authorisation_expired", "not_authorised"] {
            #expect(try centrale(["beneficiary", "list", "--db", db, "--status", status]).status == 0, "\(status)")
            #expect(try centrale(["beneficiary", "list", "--db", db, "--status", status], environment: italianDefault).status == 0, "\(status)")
        }
    }

    @Test func outcomesInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        for outcome in ["effettuato", "assente", "annullato", "annullato sul posto", "annullato tardi", "annullato_tardi", "svolto", "Disdetta tardiva"] {
            try expectParsed(["log", "amend", "--db", db, "999999", "--outcome", outcome, "--notes", "x", "--reason", "rettifica"])
            try expectParsed(["log", "amend", "--db", db, "999999", "--outcome", outcome, "--notes", "x", "--reason", "fix"], environment: [:])
        }
        for outcome in ["done", "no_show", "cancelled_on_spot", "cancelled_late"] {
            try expectParsed(["log", "amend", "--db", db, "999999", "--outcome", outcome, "--notes", "x", "--reason", "fix"], environment: [:])
            try expectParsed(["log", "amend", "--db", db, "999999", "--outcome", outcome, "--notes", "x", "--reason", "rettifica"])
        }
        let bad = try centrale(["log", "amend", "--db", db, "999999", "--outcome", "forse", "--reason", "rettifica"], environment: italianDefault)
        #expect(bad.status == 64 && bad.stderr.contains("'--outcome <esito>'")
                && bad.stderr.contains("'effettuato', 'assente', 'annullato alla porta' o 'annullato tardi'"), "\(bad.stderr)")
    }

    @Test func vehicleDocumentsInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let kinds: [(String, [String: String])] = [("revisione", italianDefault), ("assicurazione", italianDefault), ("Revisione", [:]),
                                                   ("inspection", italianDefault), ("insurance", [:])]
        for (kind, environment) in kinds {
            let run = try centrale(["vehicle", "document", "CD940XF", "--kind", kind, "--valid-until", "2026-04-30", "--db", db],
                                   environment: environment)
            #expect(run.status == 0, "\(kind): \(run.stderr)")
        }
    }

    @Test func tokenRolesInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        let roles: [([String], [String: String])] = [
            (["--role", "associazione", "--association", "MIS-SCA"], italianDefault),
            (["--role", "monitoraggio", "--owner", "Tavolo"], italianDefault),
            (["--role", "tavolo di monitoraggio", "--owner", "Tavolo"], italianDefault),
            (["--role", "centrale", "--owner", "Turno di notte"], italianDefault),
            (["--role", "Monitoraggio", "--owner", "Tavolo"], [:]),
            (["--role", "monitoring", "--owner", "Tavolo"], [:]),
            (["--role", "dispatcher", "--owner", "Notte"], italianDefault),
        ]
        for (role, environment) in roles {
            let run = try centrale(["token", "issue", "--db", db] + role, environment: environment)
            #expect(run.status == 0, "\(role): \(run.stderr)")
        }
    }

    @Test func purposesInItalian() throws {
        let work = try Workspace()
        let db = try preparedDatabase(work)
        for purpose in ["dialisi", "Centro diurno", "centro_diurno", "visita", "dialysis", "day_centre"] {
            let arguments = ["request", "add", "--db", db, "--beneficiary", "BSTRE1", "--date", "2025-03-04", "--time", "09:00",
                             "--to", "OSP-CAREGGI", "--purpose", purpose]
            try expectParsed(arguments)
            try expectParsed(arguments, environment: [:])
        }
    }

    // MARK: - The initializers the options use

    @Test func valuesAreReadByCodeOrItalianName() {
        #expect(ClosingReason(italianOrCode: "Non più avente diritto") == .noLongerEligible)
        #expect(ClosingReason(italianOrCode: "non_piu_avente_diritto") == .noLongerEligible)
        #expect(ClosingReason(italianOrCode: "trasferito") == .moved && ClosingReason(italianOrCode: "MOVED") == .moved)
        #expect(ClosingReason(italianOrCode: "rinuncia") == .refused && ClosingReason(italianOrCode: "forse") == nil)
        #expect(EffectiveStatus(italianOrCode: "scaduto") == .authorisationExpired && EffectiveStatus(italianOrCode: "expired") == .authorisationExpired)
        #expect(EffectiveStatus(italianOrCode: "Autorizzazione  scaduta") == .authorisationExpired)
        #expect(EffectiveStatus(italianOrCode: "non autorizzato") == .notAuthorised && EffectiveStatus(italianOrCode: "attivo") == .active)
        #expect(EffectiveStatus(italianOrCode: "sospeso") == .suspended && EffectiveStatus(italianOrCode: "x") == nil)
        #expect(TripOutcome(italianOrCode: "Effettuato") == .done && TripOutcome(italianOrCode: "assente") == .noShow)
        #expect(TripOutcome(italianOrCode: "annullato") == .cancelledOnSpot && TripOutcome(italianOrCode: "annullato sul posto") == .cancelledOnSpot)
        #expect(TripOutcome(italianOrCode: "annullato tardi") == .cancelledLate && TripOutcome(italianOrCode: "cancelled_late") == .cancelledLate)
        #expect(TripOutcome(italianOrCode: "no-show") == .noShow && TripOutcome(italianOrCode: "forse") == nil)
        for outcome in TripOutcome.allCases {
            #expect(TripOutcome(italianOrCode: outcome.italianName) == outcome && TripOutcome(italianOrCode: outcome.rawValue) == outcome)
        }
        #expect(VehicleDocumentKind(italianOrCode: "Revisione") == .inspection && VehicleDocumentKind(italianOrCode: "assicurazione") == .insurance)
        #expect(VehicleDocumentKind(italianOrCode: "insurance") == .insurance && VehicleDocumentKind(italianOrCode: "bollo") == nil)
        #expect(TokenRole(italianOrCode: "associazione") == .association && TokenRole(italianOrCode: "monitoraggio") == .monitoring)
        #expect(TokenRole(italianOrCode: "Tavolo di monitoraggio") == .monitoring && TokenRole(italianOrCode: "centrale") == .dispatcher)
        #expect(TokenRole(italianOrCode: "dispatcher") == .dispatcher && TokenRole(italianOrCode: "x") == nil)
    }
}
