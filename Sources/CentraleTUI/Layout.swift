import CentraleDispatch
import CentraleDomain
import CentralePlanning
import Foundation

/// How a piece of text is drawn; the painter maps styles to colours.
public enum Style: Hashable, Sendable {
    case normal, title, header, selected, dim, message, keys
    case status(TripStatus)
}

/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// One screen line: spans laid out from the left, cut at the width.
public typealias Line = [Span]

/// Italian labels of the screen.
public enum Labels {
    public static func status(_ status: TripStatus) -> String {
        switch status {
        case .pending: "in attesa"
        case .assigned: "assegnato"
        case .done: "effettuato"
        case .noShow: "assente"
        case .cancelled: "annullato"
        case .unassignable: "non assegn."
        }
    }

    static let weekdays = ["", "lun", "mar", "mer", "gio", "ven", "sab", "dom"]
}

/// Lays the state out as lines of text for a terminal of a given size.
public enum Layout {
    /// The lines of the screen, exactly `height` of them, none wider than `width` characters.
    public static func render(_ s: TUIState, width: Int, height: Int) -> [Line] {
        let body: [Line]
        switch s.screen {
        case .board: body = board(s, width: width, rows: height - 4)
        case .assign(let trip): body = assign(s, trip, width: width)
        case .help: body = help()
        case .newRequest: body = form(s.form, width: width) + (s.form.map(matches) ?? [])
        case .newPerson: body = personForm(s.personForm)
        case .card: body = card(s)
        case .associations: body = associations(s)
        case .plans: body = plans(s)
        }
        let counts = Dictionary(grouping: s.rows, by: \.trip.status).mapValues(\.count)
        let filters = [s.statusFilter.map { "stato: \(Labels.status($0))" }, s.associationFilter, s.comuneFilter,
                       s.search.isEmpty ? nil : "cerca: \(s.search)"].compactMap { $0 }
        let title = "Centrale · \(s.date) \(Labels.weekdays[s.date.isoWeekday]) · \(s.rows.count) servizi · "
            + "\(counts[.pending] ?? 0) in attesa · \(counts[.unassignable] ?? 0) non assegn."
            + (filters.isEmpty ? "" : " · filtro: " + filters.joined(separator: ", "))
        var lines: [Line] = [[Span(pad(title, width - s.operatorName.count - 1) + " " + s.operatorName, .title)]]
        lines += body
        while lines.count < height - 2 { lines.append([]) }
        lines = Array(lines.prefix(height - 2))
        let message = s.searching ? "Cerca: \(s.search)▏  (Invio per confermare, Esc per annullare)" : s.message
        lines.append([Span(message, .message)])
        lines.append([Span(keysLine(s), .keys)])
        return lines.map { clip($0, width) }
    }

    static func keysLine(_ s: TUIState) -> String {
        switch s.screen {
        case .board: "Invio:assegna n:nuova b:benef. p:scheda d:dispatch c:annulla f:stato /:cerca s:assoc. g:giri ?:aiuto q:esci"
        case .newPerson: "Tab/↓ campo seguente  ↑ precedente  Invio sull'ultimo campo: registra  Esc lascia"
        case .card: s.cardInput == nil ? "z sospendi  h chiudi  altri tasti: quadro" : "Invio conferma  Esc annulla"
        case .assign: "↑↓ scegli  Invio assegna la scelta  1 la prima  Esc indietro"
        case .help: "un tasto qualsiasi per tornare"
        case .newRequest: "Tab/↓ campo seguente  ↑ precedente  Invio sull'ultimo campo: registra  Esc lascia"
        case .associations: "un tasto qualsiasi per tornare al quadro"
        case .plans: s.plans.contains(where: \.proposal) ? "a accetta la proposta  p ricalcola  altri tasti: quadro"
            : "p proponi i giri del giorno  altri tasti: quadro"
        }
    }

    static func board(_ s: TUIState, width: Int, rows: Int) -> [Line] {
        // Room for the plan's vehicle and time when the day has an accepted plan.
        let planWidth = s.rows.contains { $0.planned != nil } ? 16 : 0
        var lines: [Line] = [[Span(pad("ORA   STATO        BENEF.  BISOGNI    DA → A", width - 14 - planWidth) + "ASSOCIAZIONE"
                                   + (planWidth > 0 ? "  · GIRO" : ""), .header)]]
        let visible = s.visibleRows
        if visible.isEmpty { return lines + [[Span("Nessun servizio\(s.rows.isEmpty ? " in questo giorno" : " con questi filtri").", .dim)]] }
        let capacity = max(rows - 1, 1)
        let top = s.selected < s.top ? s.selected : (s.selected >= s.top + capacity ? s.selected - capacity + 1 : s.top)
        for index in top..<min(visible.count, top + capacity) {
            let row = visible[index]
            let trip = row.trip
            let route = (trip.isApproximate ? "≈ " : "") + "\(trip.pickup.placeCode ?? row.comune) → \(trip.destination.placeCode ?? trip.destination.label)"
            let fixed = "\(trip.appointment)  "
            let rest = " \(pad(trip.beneficiary, 7)) \(pad(trip.needs.description, 10)) "
            let routeWidth = max(width - fixed.count - 12 - rest.count - 12 - planWidth, 8)
            let text = [Span(fixed), Span(pad(Labels.status(trip.status), 12), .status(trip.status)),
                        Span(rest + pad(route, routeWidth) + " " + (row.association ?? "-") + (row.planned.map { " · " + $0 } ?? ""))]
            lines.append(index == s.selected ? text.map { Span($0.text, .selected) } : text)
        }
        // An address given without coordinates: its position is the comune's centre.
        if visible[top..<min(visible.count, top + capacity)].contains(where: { $0.trip.isApproximate }) {
            lines.append([Span(String("≈ posizione approssimativa (centro del comune, fuori dai controlli km)".prefix(width)), .dim)])
        }
        return lines
    }

    static func assign(_ s: TUIState, _ tripID: Int64, width: Int) -> [Line] {
        guard let row = s.rows.first(where: { $0.trip.id == tripID }) else { return [[Span("Servizio non trovato.", .dim)]] }
        let trip = row.trip
        var lines: [Line] = [
            [Span("Assegna il servizio \(trip.id): \(trip.appointment) \(trip.beneficiary) (\(trip.needs)) \(trip.pickup.label) → \(trip.destination.label)", .header)],
            [Span("Ora: \(row.association ?? "nessuna associazione")", .dim)],
            [],
        ]
        if s.candidates.isEmpty {
            lines.append([Span(s.blockedReason.map { "Non assegnabile: \($0)" } ?? "Calcolo delle candidate…", .message)])
        } else {
            lines.append([Span("   ASSOCIAZIONE  PUNTI   KM A VUOTO  QUOTA    CONTINUITÀ", .header)])
            for (index, candidate) in s.candidates.enumerated() {
                let terms = Dictionary(uniqueKeysWithValues: candidate.terms.map { ($0.term, $0) })
                let text = "\(index + 1 < 10 ? " " : "")\(index + 1) \(pad(candidate.association, 12)) \(number(candidate.total, 6))  "
                    + "\(number(terms[.emptyKm]?.measure ?? 0, 9))  \(pad(percent(terms[.share]?.measure ?? 0), 7))  "
                    + ((terms[.continuity]?.measure ?? 0) > 0 ? "cambia" : (terms[.continuity]?.points == 0 && index > 0 ? "—" : "stessa"))
                lines.append([Span(text, index == s.candidateSelected ? .selected : .normal)])
            }
        }
        let excluded = Dictionary(grouping: s.exclusions, by: \.rule)
        for rule in HardRule.allCases {
            if let codes = excluded[rule] {
                let reason = switch rule {
                case .membership: "uscita dalla convenzione"
                case .coverage: "non serve il comune"
                case .vehicle: "nessun mezzo adatto"
                case .capacity: "capacità del giorno esaurita"
                case .declined: "ha rifiutato la corsa"
                }
                lines.append([Span("Escluse (\(reason)): " + codes.map(\.association).joined(separator: " "), .dim)])
            }
        }
        return lines
    }

    static func form(_ form: RequestFormState?, width: Int) -> [Line] {
        guard let form else { return [] }
        var lines: [Line] = [[Span("Nuova richiesta", .header)], []]
        for field in RequestFormState.Field.allCases {
            let focused = field == form.focus
            var line: Line = [Span(pad(field.label, 22) + " "), Span(pad(form.value(field) + (focused ? "▏" : ""), 18), focused ? .selected : .normal)]
            if let error = form.errors[field] { line.append(Span("  ✗ " + error, .message)) }
            else if let hint = form.hints[field] { line.append(Span("  ✓ " + hint, .dim)) }
            lines.append(line)
        }
        return lines
    }

    static func associations(_ s: TUIState) -> [Line] {
        var lines: [Line] = [[Span("ASSOC.    OGGI / CAPACITÀ   QUOTA DEL MESE   CONVENZIONE", .header)]]
        for row in s.associationLoads {
            let full = row.today >= row.capacity
            let deviation = row.conventionShare > 0 ? Double(row.monthShare) / Double(row.conventionShare) - 1 : 0
            let share = Double(row.monthShare) / 100
            let text = pad(row.code, 9) + " " + pad("\(row.today) / \(row.capacity)", 17) + " "
                + pad(String(format: "%.2f%%", share), 16) + " " + String(format: "%.2f%%", Double(row.conventionShare) / 100)
            lines.append([Span(text, full || abs(deviation) > 0.1 ? .message : .normal)])
        }
        return lines
    }

    static func plans(_ s: TUIState) -> [Line] {
        let proposal = s.plans.contains(where: \.proposal)
        var lines: [Line] = [[Span(proposal ? "Giri condivisi proposti per il \(s.date) (non ancora accettati)"
                                            : "Giri condivisi accettati del \(s.date)", .header)]]
        if s.plans.isEmpty {
            lines.append([Span("Nessun giro accettato per questo giorno: p li propone.", .dim)])
        }
        for entry in s.plans {
            let plan = entry.plan
            lines.append([])
            lines.append([Span("\(plan.association): \(plan.tripCount) servizi, \(plan.vehicles.count) mezzi, "
                               + "\(plan.plannedDistance.kilometresText) km invece di \(plan.baselineDistance.kilometresText) "
                               + "(risparmio \(plan.savedDistance.kilometresText) km, \(plan.saving) €)", .header)]
                         + (entry.stale ? [Span("  da rifare: i servizi assegnati sono cambiati", .message)] : []))
            for vehicle in plan.vehicles {
                let stops = vehicle.stops.map { "\($0.time) \($0.kind == .pickup ? "↑" : "↓")\($0.tripID)" }.joined(separator: " ")
                lines.append([Span("  \(pad(vehicle.plate, 8)) \(vehicle.departure)–\(vehicle.arrival) \(vehicle.distance.kilometresText) km  "), Span(stops, .dim)])
            }
            if !plan.solo.isEmpty {
                lines.append([Span("  da soli: " + plan.solo.map { String($0.tripID) }.joined(separator: " "), .dim)])
            }
        }
        return lines
    }

    static func help() -> [Line] {
        [
            [Span("Aiuto", .header)],
            [Span("Quadro del giorno: ↑↓ (o j k) scegli, PagSu PagGiù, Inizio Fine; ← → (o [ ]) giorno precedente e seguente;")],
            [Span("  f filtra per stato, A per associazione, C per comune; / cerca (codice, associazione, comune, luogo);")],
            [Span("  Invio o a: candidate per il servizio; x segna assente (dall'ora del servizio, chiede conferma);")],
            [Span("  u annulla un'assenza segnata per errore (solo il giorno stesso, chiede conferma);")],
            [Span("  d assegna con il motore tutti i servizi in attesa del giorno; c annulla il servizio (chiede conferma); q esci.")],
            [Span("Assegna: ↑↓ scegli l'associazione, Invio assegna la scelta, 1 assegna la prima, Esc torna al quadro.")],
            [Span("n nuova richiesta: Tab tra i campi, gli errori compaiono accanto; s associazioni: carico e quote.")],
            [Span("n: il beneficiario si cerca scrivendo cognome, nome, telefono, codice fiscale o codice.")],
            [Span("b nuovo beneficiario (prima chiamata dal PUA); p scheda del beneficiario: z sospendi, h chiudi.")],
            [Span("g giri condivisi accettati (↑ salita, ↓ discesa), p li propone, a accetta la proposta;")],
            [Span("  sul quadro il mezzo e l'ora di salita del giro accanto all'associazione.")],
            [Span("Le modifiche fatte da altri (CLI, altre postazioni) compaiono entro un paio di secondi; una modifica")],
            [Span("su un servizio cambiato nel frattempo è rifiutata con un messaggio, mai sovrascritta.")],
            [Span("Ogni modifica passa dal registro (audit) con il nome dell'operatore.")],
        ]
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? String(text.prefix(max(width, 0))) : text + String(repeating: " ", count: width - count)
    }

    static func clip(_ line: Line, _ width: Int) -> Line {
        var left = width
        var result: Line = []
        for span in line where left > 0 {
            let text = String(span.text.prefix(left))
            left -= text.count
            result.append(Span(text, span.style))
        }
        return result
    }

    static func number(_ value: Double, _ width: Int) -> String {
        let text = String(Int(value.rounded()))
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func percent(_ value: Double) -> String { "\(value >= 0 ? "+" : "")\(Int((value * 100).rounded()))%" }
}
