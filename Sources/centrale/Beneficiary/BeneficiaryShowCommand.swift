import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleRendering
import CentraleStore

/// `centrale beneficiary show CODE`.
struct BeneficiaryShowCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "show",
        abstract: localized(it: "Mostra una persona: scheda, segnalazione, autorizzazione, storico degli stati, prossimi servizi, i totali dell'anno.",
                            en: "Show a person: record, referral, authorisation, status history, next trips, the year's totals.")
    ) }

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del beneficiario (maiuscole o minuscole).", en: "The beneficiary's code (in any case)."), valueName: localized(it: "codice", en: "code")), transform: { $0.uppercased() }) var code: String
    @Option(help: ArgumentHelp(localized(it: "table o json.", en: "table or json."), valueName: localized(it: "formato", en: "format"))) var format: OutputFormat = .table

    func run(_ context: AppContext) throws {
        let store = try context.store
        guard let file = try store.beneficiaryFile(code) else { throw StoreError.notFound(entity: .beneficiary, id: code) }
        let today = store.today()
        let all = try store.personTrips(code, from: LocalDate(year: today.year, month: 1, day: 1)!)
        let next = all.filter { $0.trip.date >= today && [.pending, .assigned, .unassignable].contains($0.trip.status) }
        let totals = BeneficiaryDocument.totals(all, year: today.year)
        let names = try context.comuneNames
        let document = BeneficiaryDocument(file, today: today, comuneNames: names, trips: Array(next.prefix(20)), totals: totals)
        if format == .json { context.print(try jsonString(document)); return }
        let language = try context.language
        context.print(Self.text(file, today: today, names: names, next: Array(next.prefix(20)), noneNext: next.isEmpty, totals: totals, language: language))
    }

    /// The person as text, in `language`: the English as it has always been, the Italian with
    /// Italian dates, numbers and the domain's Italian names where they exist (trip leg and status,
    /// needs, status, closing reason, referrer).
    static func text(_ file: BeneficiaryFile, today: LocalDate, names: [String: String], next: [PersonTrip], noneNext: Bool,
                     totals: BeneficiaryDocument.Totals, language: Language) -> String {
        let it = language == .it
        func date(_ day: LocalDate) -> String { language.date(day) }
        func needs(_ n: Needs) -> String { it ? (n.isEmpty ? "nessuno" : n.italianNames.joined(separator: "+")) : n.description }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let b = file.beneficiary
        let state = b.authorisationExpiry(on: today).map {
            it ? "autorizzazione scaduta il \(date($0)); rinnovala con `beneficiary update \(b.code) --valid-from … --valid-until …`"
               : "authorisation expired on \($0); renew it with `beneficiary update \(b.code) --valid-from … --valid-until …`"
        } ?? (b.effectiveStatus(on: today) == .notAuthorised
              ? (it ? "non autorizzato oggi (la prossima autorizzazione non è ancora iniziata)" : "not authorised today (the next authorisation has not begun)")
              : (it ? b.status(on: today).italianName : b.status(on: today).rawValue))
        var lines = ["\(b.code) — \(state), \(names[b.comune] ?? b.comune), \(it ? "bisogni" : "needs") \(needs(b.needs))"]
        if let p = file.personal {
            lines.append(it ? "  \(p.surname) \(p.name), codice fiscale \(p.codiceFiscale), nato/a il \(date(p.birthDate))"
                            : "  \(p.surname) \(p.name), codice fiscale \(p.codiceFiscale), born \(p.birthDate)")
            let approximate = !p.positionApproximate ? "" : it ? " (posizione approssimata)" : " (approximate position)"
            lines.append("  \(it ? "casa" : "home"): \(p.address(comuneName: names[p.comune] ?? p.comune))\(approximate)")
            if !p.phones.isEmpty { lines.append("  \(it ? "telefoni" : "phones"): \(p.phones.joined(separator: ", "))") }
            if !p.caregiver.isEmpty { lines.append("  caregiver: \(p.caregiver) \(p.caregiverPhone)") }
            if !p.driverNotes.isEmpty { lines.append("  \(it ? "per l'autista" : "for the driver"): \(p.driverNotes)") }
        } else if let erased = file.erasedOn {
            lines.append(it ? "  dati personali cancellati il \(date(erased))" : "  personal record erased on \(erased)")
        } else if let legacy = file.legacyName {
            lines.append("  \(legacy)")
        }
        if let r = file.referral {
            let referred = it ? "  segnalato da \(r.by.italianName) il \(date(r.date))" : "  referred by \(r.by.rawValue) on \(r.date)"
            lines.append(referred + (r.referrerName.isEmpty ? "" : " (\(r.referrerName)\(r.referrerRole.isEmpty ? "" : ", \(r.referrerRole)"))")
                         + (r.paiReference.isEmpty ? "" : ", PAI \(r.paiReference)"))
        }
        for a in b.authorisations {
            lines.append(it ? "  autorizzato dal \(date(a.validFrom)) al \(date(a.validUntil)): \(TripPurpose.allCases.filter(a.purposes.contains).map(\.italianName).joined(separator: ", ")), bisogni \(needs(a.needs))\(a.companionAllowed ? ", familiare ammesso" : "")"
                            : "  authorised \(a.validFrom) – \(a.validUntil): \(a.purposesText), needs \(a.needs)\(a.companionAllowed ? ", companion allowed" : "")")
        }
        lines.append(it ? "  storico:" : "  history:")
        for h in file.history {
            // A suspension withdrawn before it began is kept as a one-day active entry: said as what it was.
            if let withdrawn = h.withdrawnText(italian: it) {
                lines.append("    \(withdrawn) [\(h.actor)]")
                continue
            }
            lines.append("    \(date(h.from))\(h.to.map { "–\(date($0))" } ?? "") \(it ? h.status.italianName : h.status.rawValue)\(h.closingReason.map { " (\(it ? $0.italianName : $0.rawValue))" } ?? "")"
                         + (h.reason.isEmpty ? "" : ": \(h.reasonText(italian: it))") + " [\(h.actor)]")
        }
        lines.append((it ? "  prossimi servizi:" : "  next trips:") + (noneNext ? (it ? " nessuno" : " none") : ""))
        for t in next {
            let leg = it ? t.trip.leg.italianName : t.trip.leg.rawValue
            let status = it ? t.trip.status.italianName : t.trip.status.rawValue
            lines.append("    \(t.trip.id) \(date(t.trip.date)) \(t.trip.appointment) \(leg) \(t.trip.pickup.placeCode ?? t.trip.pickup.label) → "
                         + "\(t.trip.destination.placeCode ?? t.trip.destination.label) \(status)")
        }
        let logged = Distance(metres: totals.loggedMetres)
        if it {
            let counts = [count(totals.trips, "servizio", "servizi"), count(totals.done, "effettuato", "effettuati"),
                          count(totals.noShows, "assenza", "assenze"), count(totals.cancelled, "annullato", "annullati")]
            lines.append("  \(totals.year): \(counts.joined(separator: ", ")), \(language.km(logged)) km registrati")
        } else {
            lines.append("  \(totals.year): \(totals.trips) trips, \(totals.done) done, \(totals.noShows) no-shows, \(totals.cancelled) cancelled, "
                         + "\(logged) logged")
        }
        return lines.joined(separator: "\n")
    }
}
