import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleStore
import CentraleTripLogs

/// What the commands print when they succeed, in each language: the command line's part of the
/// message catalogue. Refusals are the store's (`StoreRefusal`) and the inputs' own catalogues.
enum CLIMessage: Message {
    case unreadableFile(String, UnreadableFile)
    case notAFolder(files: [String])
    case notUTF8
    case cannotRead(UnreadableFile)
    case cannotReadBestKnown
    case verifyPassed(checks: Int)
    case servingInClear
    case serving(path: String, url: String)
    case serverStopped
    case verifyFailed(check: String, broken: String)
    case statusCheckFailed(check: String, broken: String)
    /// One of the fast checks of `centrale status`, passed or not.
    case statusCheck(VerifyCheck)
    case statusDatabase(String)
    case statusSchema([String])
    case statusOrigin(String)
    case statusCount(table: CountedTable, count: Int)
    case statusIntegrity
    case statementWritten(month: YearMonth, to: String)
    case reportWritten(month: YearMonth, to: String)
    case monthClosed(month: YearMonth, statements: Int, total: Money, checksum: String)
    case monthClosedWithFlags(Int)
    case monthClosedUnlogged(Int, month: YearMonth)
    case noMonthClosed
    case monthsClosed(Int, total: Money)
    case vehicleOff(plate: String, from: LocalDate, to: LocalDate)
    case vehicleDocument(plate: String, kind: VehicleDocumentKind, validUntil: LocalDate)
    case nothingExpires(by: LocalDate)
    case sheetWritten(association: String, date: LocalDate, to: String)
    case noFlags(month: YearMonth)
    case flagsListed(Int, open: Int)
    /// A trip assigned by hand; `forced`: the hard rule the assignment breaks (`--force`).
    case assigned(trip: Int64, association: String, forced: HardRule?)
    case erased(String)
    case eraseNotCleaned(String)
    case exported(String, to: String)
    case peopleImported(file: String, rows: Int, added: Int, updated: Int, unchanged: Int, readmitted: Int)
    case resumed(String, from: LocalDate)
    case suspended(String, from: LocalDate, to: LocalDate, cancelled: [Int64])
    case closed(String, on: LocalDate, reason: ClosingReason, cancelled: [Int64])
    case registered(String, from: LocalDate, until: LocalDate, approximate: Bool, readmitted: Bool)
    case updated(String, changed: Bool)
    case cancelledNoLongerCovered([Int64])
    case noTokens
    case tokenRevoked(Int64)
    case tokenIssued(id: Int64, owner: String, role: TokenRole, association: String?, until: LocalDate?)
    case volunteerRegistered(String, association: String)
    case volunteersImported(file: String, count: Int, association: String, added: Int, updated: Int)
    case noVolunteers(association: String)
    case volunteerUpdated(String, association: String)
    case volunteerAbsent(String, association: String, from: LocalDate, to: LocalDate)
    case tripsAffected(Int)
    case tripAffected(Int64, date: LocalDate, note: AffectedNote)
    case requestsAdded(requests: Int, beneficiary: String, trips: [Int64])
    case cancelled([Int64])
    case kmReviewed(trip: Int64, decision: KmReview, paid: Distance, logged: Distance, estimated: Distance)
    case reviewAdjustment(Money, month: YearMonth)
    case registryUnchanged(path: String, source: String?, version: String)
    case registryLoaded(source: String?, path: String)
    case registryKind(String, added: Int, updated: Int)
    case registryRecordsUnchanged(Int)
    case leavesConvention(String, on: LocalDate, released: Int)
    case conventionVersion(String, new: Bool)
    case schemaAlreadyCurrent(path: String, last: String)
    case schemaUpgraded(path: String, applied: [String], last: String)
    case leftAlone(trip: Int64, status: TripStatus, association: String?, method: AssignmentMethod?, decidedAgain: Bool)

    private static let it = Language.it


    var italian: String {
        let it = Self.it
        switch self {
        case let .unreadableFile(file, why): return "\(file): impossibile leggere il file: \(why.italian)"
        case .notAFolder(let files): return "non è una cartella; indica la cartella che contiene \(files.joined(separator: ", "))"
        case .notUTF8: return "non è testo UTF-8; salvalo come UTF-8 (CSV UTF-8 nei fogli di calcolo)"
        case .cannotRead(let why): return "impossibile leggere il file: \(why.italian)"
        case .cannotReadBestKnown: return "impossibile leggere il file dei costi migliori noti"
        case .servingInClear:
            return "attenzione: senza --tls-cert e --tls-key i codici di accesso viaggiano in chiaro sulla rete; "
                + "servi HTTPS, o tieni --host 127.0.0.1 dietro un proxy che lo faccia."
        case let .serving(path, url): return "Centrale serve \(path) su \(url) (API /api/v1, pagina /); fermala con Ctrl-C."
        case .serverStopped: return "Server della centrale fermato."
        case .verifyPassed(let checks): return "Controlli superati: \(checks) su \(checks)."
        case let .verifyFailed(check, broken):
            return "errore: verifica non superata: \(check): \(broken). Ripristina la base dati da una copia di sicurezza e confrontala, "
                + "o cerca la modifica nello storico delle modifiche."
        case let .statusCheckFailed(check, broken): return "errore: \(check): \(broken); esegui `centrale verify` per il controllo completo."
        case .statusCheck(let check): return "controllo: \(check.line(.it))"
        case .statusDatabase(let path): return "base dati: \(path)"
        case .statusSchema(let migrations): return "schema: \(migrations.joined(separator: ", "))"
        case .statusOrigin(let origin): return "origine: \(origin)"
        case let .statusCount(table, count): return "  \(table.italian.padding(toLength: 20, withPad: " ", startingAt: 0)) \(it.count(count))"
        case .statusIntegrity:
            return "integrità: ok (controlli rapidi; `centrale verify` esegue anche l'integrity_check di SQLite e risomma ogni rendiconto)"
        case let .statementWritten(month, out): return "Rendiconto di \(it.month(month)) scritto in \(out)."
        case let .reportWritten(month, out): return "Rapporto di \(it.month(month)) scritto in \(out)."
        case let .monthClosed(month, statements, total, checksum):
            return "Chiuso \(it.month(month)): \(statements) \(statements == 1 ? "rendiconto congelato" : "rendiconti congelati"), "
                + "totale \(it.euros(total)) €, checksum \(checksum)…."
        case .monthClosedWithFlags(let count):
            return "\(count) \(count == 1 ? "servizio segnalato chiuso" : "servizi segnalati chiusi") senza revisione, pagati alla stima; "
                + "una revisione successiva è un conguaglio nel mese corrente."
        case let .monthClosedUnlogged(count, month):
            return "\(count) \(count == 1 ? "servizio" : "servizi") di \(it.month(month)) ancora senza registro; "
                + "i registri inviati dopo vanno nel mese corrente come conguagli."
        case .noMonthClosed: return "Nessun mese è ancora chiuso; chiudine uno con `centrale month close AAAA-MM`."
        case let .monthsClosed(count, total):
            return "\(count) \(count == 1 ? "mese chiuso" : "mesi chiusi"), \(it.euros(total)) € in tutto."
        case let .vehicleOff(plate, from, to): return "Il mezzo \(plate) è fermo dal \(it.date(from)) al \(it.date(to))."
        case let .vehicleDocument(plate, kind, until):
            return "Mezzo \(plate): \(kind == .inspection ? "revisione" : "assicurazione") valida fino al \(it.date(until))."
        case .nothingExpires(let until): return "Nulla scade entro il \(it.date(until))."
        case let .sheetWritten(association, date, out): return "Foglio di servizio di \(association) del \(it.date(date)) scritto in \(out)."
        case .noFlags(let month): return "Nessun servizio segnalato per la revisione dei km a \(it.month(month))."
        case let .flagsListed(count, open):
            return "\(count) \(count == 1 ? "servizio segnalato" : "servizi segnalati") per la revisione, \(open) da rivedere"
                + (open > 0 ? " (pagati alla stima, al massimo i km registrati, fino alla revisione): "
                   + "`centrale log review SERVIZIO --accept | --use-estimate | --km N --reason \"…\"`." : ".")
        case let .assigned(trip, association, forced):
            return "Servizio \(trip) assegnato a \(association) (" + (forced.map { "forzato: \(association) \($0.italianSummary)" } ?? "manuale") + ")."
        case .erased(let code): return "Cancellati i dati personali di \(code); restano il codice, i servizi, i registri e gli importi."
        case .eraseNotCleaned(let code):
            return "attenzione: un altro programma (uno schermo, un comando) sta leggendo la base dati, quindi il suo spazio libero non è "
                + "ancora stato ripulito; chiudilo ed esegui di nuovo `centrale beneficiary erase \(code) --reason \"…\"` per finire."
        case let .exported(code, out): return "Tutto ciò che è conservato su \(code) scritto in \(out)."
        case let .peopleImported(file, rows, added, updated, unchanged, readmitted):
            return "\(file): \(rows) \(rows == 1 ? "riga" : "righe"): \(Plural.added.count(added, .it)), \(Plural.updated.count(updated, .it)), "
                + Plural.unchanged.count(unchanged, .it)
                + (readmitted == 0 ? "." : "; \(readmitted) dei nuovi \(readmitted == 1 ? "registrato" : "registrati") di nuovo dopo una cancellazione (--readmit).")
        case let .resumed(code, day): return "\(code) è di nuovo attivo dal \(it.date(day))."
        case let .suspended(code, from, to, ids):
            return "Sospeso \(code) dal \(it.date(from)) al \(it.date(to)); " + Self.cancelledItalian(ids)
        case let .closed(code, on, reason, ids):
            return "Chiusa la scheda di \(code) il \(it.date(on)) (\(reason.italianName)); " + Self.cancelledItalian(ids)
        case let .registered(code, from, until, approximate, readmitted):
            return "Registrato \(code): attivo dal \(it.date(from)) al \(it.date(until))"
                + (approximate ? " (posizione di casa approssimata: il centro del comune finché non si danno --lat/--lon)." : ".")
                + (readmitted ? " Registrato di nuovo dopo una cancellazione: un codice nuovo, senza legame con quello cancellato." : "")
        case let .updated(code, changed): return changed ? "Aggiornato \(code)." : "Nulla da cambiare per \(code)."
        case .cancelledNoLongerCovered(let ids):
            return "\(ids.count == 1 ? "Annullato 1 servizio che la nuova autorizzazione non copre più" : "Annullati \(ids.count) servizi che la nuova autorizzazione non copre più"): "
                + ids.map(String.init).joined(separator: ", ")
        case .noTokens: return "Nessun codice di accesso rilasciato; rilasciane uno con `centrale token issue --association CODICE`."
        case .tokenRevoked(let id): return "Codice di accesso \(id) revocato."
        case let .tokenIssued(id, owner, role, association, until):
            return "Codice di accesso \(id) rilasciato a \(owner) (\(role.italianName)" + (association.map { ", \($0)" } ?? "") + ")"
                + (until.map { ", valido fino al \(it.date($0))" } ?? "")
                + ". Consegnalo subito: non verrà più mostrato. Chi lo riceve lo usa con --server URL --token CODICE, o con CENTRALE_TOKEN."
        case let .volunteerRegistered(code, association): return "Registrato il volontario \(code) di \(association)."
        case let .volunteersImported(file, count, association, added, updated):
            return "\(file): \(count) \(count == 1 ? "volontario" : "volontari") di \(association): \(Plural.added.count(added, .it)), "
                + "\(Plural.updated.count(updated, .it)), \(Plural.unchanged.count(count - added - updated, .it))."
        case .noVolunteers(let association):
            return "Nessun volontario registrato per \(association); aggiungili con `centrale volunteer add` o `import`."
        case let .volunteerUpdated(code, association): return "Aggiornato il volontario \(code) di \(association)."
        case let .volunteerAbsent(code, association, from, to):
            return "Registrata l'assenza di \(code) di \(association) dal \(it.date(from)) al \(it.date(to))."
        case .tripsAffected(let count): return "Servizi coinvolti (\(count)):"
        case let .tripAffected(trip, date, note): return "  servizio \(trip) del \(it.date(date)): \(note.italian)"
        case let .requestsAdded(requests, beneficiary, trips):
            return "\(requests == 1 ? "Aggiunta 1 richiesta" : "Aggiunte \(requests) richieste") per \(beneficiary): "
                + "\(trips.count) \(trips.count == 1 ? "servizio (numero" : "servizi (numeri") \(Self.range(trips))), da smistare."
        case .cancelled(let ids):
            return "\(ids.count == 1 ? "Annullato 1 servizio" : "Annullati \(ids.count) servizi"): \(ids.map(String.init).joined(separator: ", "))."
        case let .kmReviewed(trip, decision, paid, logged, estimated):
            let what: String = switch decision {
            case .accept: "accettati"
            case .useEstimate: "pagata la stima"
            case .km(let km): "pagati \(it.km(km)) km"
            }
            return "Servizio \(trip): \(what) — \(it.km(paid)) km pagati (registrati \(it.km(logged)) km, stima \(it.km(estimated)) km)."
        case let .reviewAdjustment(amount, month):
            return "Il suo mese è chiuso: conguaglio di \(it.euros(amount)) € a \(it.month(month))."
        case let .registryUnchanged(path, source, version):
            return "\(path) contiene già \(source ?? "il registro incorporato"): nulla è cambiato (convenzione versione \(version))."
        case let .registryLoaded(source, path): return "Caricato \(source ?? "il registro incorporato") in \(path):"
        case let .registryKind(kind, added, updated):
            let name = ["comune": "comuni", "place": "luoghi", "association": "associazioni", "vehicle": "mezzi"][kind] ?? kind
            return "  \(name): \(added) \(added == 1 ? "aggiunto" : "aggiunti"), \(Plural.updated.count(updated, .it))"
        case .registryRecordsUnchanged(let count): return "  \(count) \(count == 1 ? "voce invariata" : "voci invariate")"
        case let .leavesConvention(code, on, released):
            return "  \(code) lascia la convenzione il \(it.date(on)): \(released) \(released == 1 ? "servizio aperto torna" : "servizi aperti tornano") "
                + "in coda alla centrale; storico e rendiconti conservati"
        case let .conventionVersion(version, new): return "  convenzione: versione \(version)" + (new ? " (nuova)" : " (invariata)")
        case let .schemaAlreadyCurrent(path, last): return "\(path): la base dati è già aggiornata (schema \(last)); non è cambiato nulla."
        case let .schemaUpgraded(path, applied, last):
            return "\(path): schema aggiornato a \(last) (\(applied.count == 1 ? "applicato" : "applicati") \(applied.joined(separator: ", ")))."
        case let .leftAlone(trip, status, association, method, again):
            let how = method.map { ["engine": "dallo smistamento", "manual": "a mano", "forced": "forzata"][$0.rawValue] ?? $0.rawValue }
            let now = association.map { "assegnato a \($0)" + (how.map { " (\($0))" } ?? "") } ?? status.italianName
            return "Nota: il servizio \(trip) risulta \(now) e lo smistamento lo lascia com'è"
                + (again ? "; con --reassign viene deciso di nuovo" : "")
                + ": la classifica sopra è quella del motore se fosse in attesa, con gli altri servizi del giorno come li decide lo smistamento."
        }
    }

    var english: String {
        switch self {
        case let .unreadableFile(file, why): return "\(file): cannot read the file: \(why.english)"
        case .notAFolder(let files): return "is not a folder; give the folder that holds \(files.joined(separator: ", "))"
        case .notUTF8: return "is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheets)"
        case .cannotRead(let why): return "cannot read the file: \(why.english)"
        case .cannotReadBestKnown: return "cannot read the best-known file"
        case .verifyPassed(let checks): return "All \(checks) checks passed."
        case .servingInClear:
            return "warning: without --tls-cert and --tls-key the tokens travel in clear over the network; "
                + "serve HTTPS, or keep --host 127.0.0.1 behind a proxy that does."
        case let .serving(path, url): return "Centrale serves \(path) on \(url) (API /api/v1, page /); stop with Ctrl-C."
        case .serverStopped: return "Centrale server stopped."
        case let .verifyFailed(check, broken):
            return "error: verification failed: \(check): \(broken). Restore the database from a backup and compare, or investigate the change in the audit trail."
        case let .statusCheckFailed(check, broken): return "error: \(check): \(broken); run `centrale verify` for the full check."
        case .statusCheck(let check): return "check: \(check.line(.en))"
        case .statusDatabase(let path): return "database: \(path)"
        case .statusSchema(let migrations): return "schema: \(migrations.joined(separator: ", "))"
        case .statusOrigin(let origin): return "origin: \(origin)"
        case let .statusCount(table, count): return "  \(table.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count)"
        case .statusIntegrity:
            return "integrity: ok (fast checks; `centrale verify` also runs SQLite's integrity_check and re-adds every statement)"
        case let .statementWritten(month, out): return "Statement \(month) written to \(out)."
        case let .reportWritten(month, out): return "Report \(month) written to \(out)."
        case let .monthClosed(month, statements, total, checksum):
            return "Closed \(month): \(statements) statements frozen, total \(total) €, checksum \(checksum)…."
        case .monthClosedWithFlags(let count):
            return "\(count) flagged \(count == 1 ? "trip" : "trips") closed without a review, paid at the estimate; a later review is an adjustment in the current month."
        case let .monthClosedUnlogged(count, month):
            return "\(Plural.trip.count(count, .en)) of \(month) \(count == 1 ? "is" : "are") still without a log; logs submitted later go into the current month as adjustments."
        case .noMonthClosed: return "No month is closed yet; close one with `centrale month close YYYY-MM`."
        case let .monthsClosed(count, total): return "\(count) month\(count == 1 ? "" : "s") closed, \(total) € in all."
        case let .vehicleOff(plate, from, to): return "Vehicle \(plate) is off the road from \(from) to \(to)."
        case let .vehicleDocument(plate, kind, until): return "Vehicle \(plate): \(kind.rawValue) valid until \(until)."
        case .nothingExpires(let until): return "Nothing expires by \(until)."
        case let .sheetWritten(association, date, out): return "Wrote the day sheet of \(association) for \(date) to \(out)."
        case .noFlags(let month): return "No trips flagged for km review in \(month)."
        case let .flagsListed(count, open):
            return "\(count) trip\(count == 1 ? "" : "s") flagged for review, \(open) not reviewed"
                + (open > 0 ? " (paid at the estimate, at most the km logged, until reviewed): `centrale log review TRIP --accept | --use-estimate | --km N --reason \"…\"`." : ".")
        case let .assigned(trip, association, forced):
            return "Trip \(trip) assigned to \(association) (" + (forced.map { "forced, against the \($0.rawValue) rule" } ?? "manual") + ")."
        case .erased(let code): return "Erased the personal record of \(code); its code, trips, logs and money are kept."
        case .eraseNotCleaned(let code):
            return "warning: another program (a screen, a command) is reading the database, so its free space could not be "
                + "cleaned yet; close it and run `centrale beneficiary erase \(code) --reason \"…\"` again to finish."
        case let .exported(code, out): return "Wrote everything held about \(code) to \(out)."
        case let .peopleImported(file, rows, added, updated, unchanged, readmitted):
            return "\(file): \(rows) rows: \(added) new, \(updated) updated, \(unchanged) unchanged"
                + (readmitted == 0 ? "." : "; \(readmitted) of the new registered again after an erasure (--readmit).")
        case let .resumed(code, day): return "\(code) is active again from \(day)."
        case let .suspended(code, from, to, ids): return "Suspended \(code) from \(from) to \(to); " + Self.cancelledEnglish(ids)
        case let .closed(code, on, reason, ids): return "Closed \(code) on \(on) (\(reason.rawValue)); " + Self.cancelledEnglish(ids)
        case let .registered(code, from, until, approximate, readmitted):
            return "Registered \(code): active from \(from) to \(until)"
                + (approximate ? " (home position approximate: the comune's centre until --lat/--lon are given)." : ".")
                + (readmitted ? " Registered again after an erasure: a new code, unrelated to the erased one." : "")
        case let .updated(code, changed): return changed ? "Updated \(code)." : "Nothing to change for \(code)."
        case .cancelledNoLongerCovered(let ids):
            return "Cancelled \(ids.count) trip\(ids.count == 1 ? "" : "s") the new authorisation no longer covers: " + ids.map(String.init).joined(separator: ", ")
        case .noTokens: return "No tokens issued; issue one with `centrale token issue --association CODE`."
        case .tokenRevoked(let id): return "Token \(id) revoked."
        case let .tokenIssued(id, owner, role, association, until):
            return "Token \(id) issued to \(owner) (\(role.rawValue)" + (association.map { ", \($0)" } ?? "") + ")" + (until.map { ", valid until \($0)" } ?? "")
                + ". Hand it over now: it is not shown again. The holder uses it with --server URL --token TOKEN, or CENTRALE_TOKEN."
        case let .volunteerRegistered(code, association): return "Registered volunteer \(code) with \(association)."
        case let .volunteersImported(file, count, association, added, updated):
            return "\(file): \(count) volunteer\(count == 1 ? "" : "s") for \(association): \(added) new, \(updated) updated, \(count - added - updated) unchanged."
        case .noVolunteers(let association): return "No volunteers registered with \(association); add them with `centrale volunteer add` or `import`."
        case let .volunteerUpdated(code, association): return "Updated volunteer \(code) of \(association)."
        case let .volunteerAbsent(code, association, from, to): return "Recorded \(code) of \(association) as absent from \(from) to \(to)."
        case .tripsAffected(let count): return "Trips affected (\(count)):"
        case let .tripAffected(trip, date, note): return "  trip \(trip) on \(date): \(note.english)"
        case let .requestsAdded(requests, beneficiary, trips):
            return "Added \(requests) request\(requests == 1 ? "" : "s") for \(beneficiary): \(trips.count) trip\(trips.count == 1 ? "" : "s") "
                + "(\(trips.count == 1 ? "id" : "ids") \(Self.range(trips))), pending dispatch."
        case .cancelled(let ids): return "Cancelled \(ids.count) trip\(ids.count == 1 ? "" : "s"): \(ids.map(String.init).joined(separator: ", "))."
        case let .kmReviewed(trip, decision, paid, logged, estimated):
            return "Trip \(trip): \(decision.label) — \(paid) paid (logged \(logged), estimate \(estimated))."
        case let .reviewAdjustment(amount, month): return "Its month is closed: \(amount) € adjustment in \(month)."
        case let .registryUnchanged(path, source, version):
            return "\(path) already holds \(source ?? "the built-in registry"): nothing changed (convention version \(version))."
        case let .registryLoaded(source, path): return "Loaded \(source ?? "the built-in registry") into \(path):"
        case let .registryKind(kind, added, updated): return "  \(kind): \(added) added, \(updated) updated"
        case .registryRecordsUnchanged(let count): return "  \(count) records unchanged"
        case let .leavesConvention(code, on, released):
            return "  \(code) leaves the convention on \(on): \(released) open trip\(released == 1 ? "" : "s") back to the dispatcher's queue; history and statements kept"
        case let .conventionVersion(version, new): return "  convention: version \(version)\(new ? " (new)" : " (unchanged)")"
        case let .schemaAlreadyCurrent(path, last): return "\(path): the database is already up to date (schema \(last)); nothing changed."
        case let .schemaUpgraded(path, applied, last): return "\(path): schema upgraded to \(last) (applied \(applied.joined(separator: ", ")))."
        case let .leftAlone(trip, status, association, method, again):
            let now = association.map { "assigned to \($0)" + (method.map { " (\($0.rawValue))" } ?? "") } ?? status.rawValue
            return "Note: trip \(trip) is \(now) and dispatch leaves it as it is" + (again ? "; with --reassign it is decided again" : "")
                + ": the ranking above is the engine's if it were pending, the day's other trips as dispatch decides them."
        }
    }

    /// `1234…1240`, or `1234` alone.
    private static func range(_ ids: [Int64]) -> String {
        guard let first = ids.first, let last = ids.last else { return "-" }
        return ids.count > 1 ? "\(first)…\(last)" : "\(first)"
    }

    private static func cancelledItalian(_ ids: [Int64]) -> String {
        (ids.count == 1 ? "annullato 1 servizio" : "annullati \(ids.count) servizi") + (ids.isEmpty ? "." : ": \(ids.map(String.init).joined(separator: ", ")).")
    }

    private static func cancelledEnglish(_ ids: [Int64]) -> String {
        "cancelled \(ids.count) trip\(ids.count == 1 ? "" : "s")" + (ids.isEmpty ? "." : ": \(ids.map(String.init).joined(separator: ", ")).")
    }
}

/// The tables `centrale status` counts: named in English by the table, in Italian by what it holds.
enum CountedTable: String, CaseIterable {
    case comune, place, association, vehicle, beneficiary, trip, assignment
    case tripLog = "trip_log", auditLog = "audit_log"

    var italian: String {
        switch self {
        case .comune: "comuni"
        case .place: "luoghi"
        case .association: "associazioni"
        case .vehicle: "mezzi"
        case .beneficiary: "beneficiari"
        case .trip: "servizi"
        case .assignment: "assegnazioni"
        case .tripLog: "registri"
        case .auditLog: "voci dello storico"
        }
    }
}
