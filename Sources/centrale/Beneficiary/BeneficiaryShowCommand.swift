import ArgumentParser
import CentraleDomain
import CentraleStore

/// `centrale beneficiary show CODE`.
struct BeneficiaryShowCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a person: record, referral, authorisation, status history, next trips, the year's totals.")

    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The beneficiary's code (in any case).", transform: { $0.uppercased() }) var code: String
    @Option(help: "table or json.") var format: OutputFormat = .table

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
        let b = file.beneficiary
        let state = b.authorisationExpiry(on: today).map { "authorisation expired on \($0); renew it with `beneficiary update \(b.code) --valid-from … --valid-until …`" }
            ?? (b.effectiveStatus(on: today) == .notAuthorised ? "not authorised today (the next authorisation has not begun)" : b.status(on: today).rawValue)
        var lines = ["\(b.code) — \(state), \(names[b.comune] ?? b.comune), needs \(b.needs)"]
        if let p = file.personal {
            lines.append("  \(p.surname) \(p.name), codice fiscale \(p.codiceFiscale), born \(p.birthDate)")
            lines.append("  home: \(p.address(comuneName: names[p.comune] ?? p.comune))" + (p.positionApproximate ? " (approximate position)" : ""))
            if !p.phones.isEmpty { lines.append("  phones: \(p.phones.joined(separator: ", "))") }
            if !p.caregiver.isEmpty { lines.append("  caregiver: \(p.caregiver) \(p.caregiverPhone)") }
            if !p.driverNotes.isEmpty { lines.append("  for the driver: \(p.driverNotes)") }
        } else if let erased = file.erasedOn {
            lines.append("  personal record erased on \(erased)")
        } else if let legacy = file.legacyName {
            lines.append("  \(legacy)")
        }
        if let r = file.referral {
            lines.append("  referred by \(r.by.rawValue) on \(r.date)" + (r.referrerName.isEmpty ? "" : " (\(r.referrerName)\(r.referrerRole.isEmpty ? "" : ", \(r.referrerRole)"))")
                         + (r.paiReference.isEmpty ? "" : ", PAI \(r.paiReference)"))
        }
        for a in b.authorisations {
            lines.append("  authorised \(a.validFrom) – \(a.validUntil): \(a.purposesText), needs \(a.needs)\(a.companionAllowed ? ", companion allowed" : "")")
        }
        lines.append("  history:")
        for h in file.history {
            lines.append("    \(h.from)\(h.to.map { "–\($0)" } ?? "") \(h.status.rawValue)\(h.closingReason.map { " (\($0.rawValue))" } ?? "")"
                         + (h.reason.isEmpty ? "" : ": \(h.reason)") + " [\(h.actor)]")
        }
        lines.append("  next trips:" + (next.isEmpty ? " none" : ""))
        for t in next.prefix(20) {
            lines.append("    \(t.trip.id) \(t.trip.date) \(t.trip.appointment) \(t.trip.leg.rawValue) \(t.trip.pickup.placeCode ?? t.trip.pickup.label) → "
                         + "\(t.trip.destination.placeCode ?? t.trip.destination.label) \(t.trip.status.rawValue)")
        }
        lines.append("  \(totals.year): \(totals.trips) trips, \(totals.done) done, \(totals.noShows) no-shows, \(totals.cancelled) cancelled, "
                     + "\(Distance(metres: totals.loggedMetres)) logged")
        context.print(lines.joined(separator: "\n"))
    }
}
