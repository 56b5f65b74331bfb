import CentraleDispatch
import CentraleDomain
import CentraleFormats
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
    /// A status in Italian, shortened where the board needs it (`non assegn.`).
    public static func status(_ status: TripStatus) -> String { Labels.status(status, .it) }

    static let weekdays = ["", "lun", "mar", "mer", "gio", "ven", "sab", "dom"]

    /// A purpose in Italian, as the form shows and accepts it.
    public static func purpose(_ purpose: TripPurpose) -> String { purpose.italianName }

    /// Purposes in Italian, in the domain's order (`dialisi,visita`).
    public static func purposes(_ purposes: Set<TripPurpose>) -> String {
        TripPurpose.allCases.filter(purposes.contains).map(purpose).joined(separator: ",")
    }

    /// A purpose from its Italian or English name, in any case and with or without accents,
    /// underscores or spaces (`Dialisi`, `centro_diurno`, `day centre`).
    public static func purpose(parsing text: String) -> TripPurpose? { TripPurpose(italianOrCode: text) }

    /// The needs in Italian, short enough for the board (`carr+acc`), `-` for none.
    public static func needs(_ needs: Needs) -> String {
        let words = [(Needs.wheelchair, "carr"), (.escort, "acc"), (.stretcher, "bar")].filter { needs.contains($0.0) }.map(\.1)
        return words.isEmpty ? "-" : words.joined(separator: "+")
    }

    /// A trip's availability warning in Italian, as the board explains it.
    public static func warning(_ warning: AvailabilityWarning) -> String {
        switch warning {
        case .plannedVehicleOff(let plate): "il giro accettato lo mette su \(plate), fermo quel giorno: rifare il giro (g)"
        case .plannedDriverUnavailable(let driver): "il volontario \(driver) del giro accettato non può guidarlo quel giorno: rifare il giro (g)"
        case .confirmationWithdrawn: "conferma ritirata (volontario o mezzo non più disponibile): l'associazione deve riconfermarlo"
        case .noCrew(let needs): "nessun equipaggio dell'associazione in turno a quell'ora"
            + (needs.isEmpty ? "" : " con autista abilitato (\(needsInFull(needs)))")
            + ": chiedere all'associazione un equipaggio, o riassegnarlo a un'altra (Invio)"
        }
    }

    /// The needs in Italian, in full (`carrozzina, accompagnatore`), `nessuno` for none.
    public static func needsInFull(_ needs: Needs) -> String {
        needs.italianNames.isEmpty ? "nessuno" : needs.italianNames.joined(separator: ", ")
    }
}

/// Lays the state out as lines of text for a terminal of a given size.
public enum Layout {
    /// The lines of the screen, exactly `height` of them, none wider than `width` characters.
    public static func render(_ s: TUIState, width: Int, height: Int) -> [Line] {
        let body: [Line]
        switch s.screen {
        case .board: body = board(s, width: width, rows: height - 4)
        case .assign(let trip): body = assign(s, trip, width: width)
        case .help:
            let all = help().flatMap { wrap($0, width) }
            body = Array(all.dropFirst(min(s.listTop, max(all.count - (height - 4), 0))))
        case .newRequest: body = form(s.form, width: width) + (s.form.map(matches) ?? [])
        case .newPerson: body = personForm(s.personForm)
        case .card: body = card(s)
        case .associations: body = associations(s, rows: height - 4)
        case .calls(let day): body = calls(s, day, width: width, rows: height - 4)
        case .plans: body = plans(s, rows: height - 4)
        }
        let counts = Dictionary(grouping: s.rows, by: \.trip.status).mapValues(\.count)
        let filters = [s.statusFilter.map { "stato: \(Labels.status($0, s.language))" }, s.associationFilter, s.comuneFilter,
                       s.search.isEmpty ? nil : "cerca: \(s.search)"].compactMap { $0 }
        let day = "Centrale · \(Labels.day(s.date, s.language)) · "
        var title = day + "\(s.rows.count) \(s.rows.count == 1 ? "servizio" : "servizi") · \(counts[.pending] ?? 0) in attesa · \(counts[.unassignable] ?? 0) non assegn."
        // The trips to review (marked `!`): in words when they fit beside the operator's name,
        // else with every count abbreviated.
        let flagged = s.rows.filter { $0.warning != nil }.count
        if flagged > 0 {
            let words = title + " · \(flagged) da rivedere (!)"
            title = words.count <= width - s.operatorName.count - 1 ? words
                : day + "\(s.rows.count) serv. · \(counts[.pending] ?? 0) in att. · \(counts[.unassignable] ?? 0) non ass. · \(flagged) (!)"
        }
        title += filters.isEmpty ? "" : " · filtro: " + filters.joined(separator: ", ")
        var lines: [Line] = [[Span(pad(title, width - s.operatorName.count - 1) + " " + s.operatorName, .title)]]
        lines += body
        while lines.count < height - 2 { lines.append([]) }
        lines = Array(lines.prefix(height - 2))
        let message = s.searching ? "Cerca: \(s.search)▏  (Invio per confermare, Esc per annullare)" : s.message
        lines.append([Span(message, .message)])
        lines.append([Span(keysLine(s, width: width), .keys)])
        return lines.map { clip($0, width) }
    }

    /// The board's keys, most used first; `fitted` shortens them to the terminal's width.
    static let boardKeys: [(key: String, label: String, short: String)] = [
        ("Invio", "assegna", "assegna"), ("n", "nuova", "nuova"), ("c", "annulla", "annulla"), ("x", "assente", "ass."),
        ("/", "cerca", "cerca"), ("f", "stato", "stato"), ("d", "auto-assegna", "auto"), ("b", "benef.", "ben."), ("p", "scheda", "sch."),
        ("s", "assoc.", "ass."), ("t", "chiamate", "chiam."), ("g", "giri", "giri"), ("r", "ricarica", "ric."), ("?", "aiuto", "aiuto"), ("q", "esci", "esci"),
    ]

    /// The keys line in `width` characters: full labels if they fit, else short ones, else as
    /// many keys as fit, always ending with help and quit.
    static func fitted(_ keys: [(key: String, label: String, short: String)], width: Int) -> String {
        let full = keys.map { "\($0.key):\($0.label)" }.joined(separator: " ")
        if full.count <= width { return full }
        let short = keys.map { "\($0.key):\($0.short)" }.joined(separator: " ")
        if short.count <= width { return short }
        let tail = keys.suffix(2).map { "\($0.key):\($0.short)" }.joined(separator: " ")
        var text = ""
        for key in keys.dropLast(2) {
            let item = "\(key.key):\(key.short) "
            if text.count + item.count + tail.count > width { break }
            text += item
        }
        return text + tail
    }

    static func keysLine(_ s: TUIState, width: Int = 200) -> String {
        switch s.screen {
        case .board: fitted(boardKeys, width: width)
        case .newPerson: "Tab/↓ campo seguente  ↑ precedente  Invio sull'ultimo campo: registra  Esc lascia"
        case .card: s.cardInput == nil ? "z sospendi  h chiudi  altri tasti: quadro" : "Invio conferma  Esc annulla  Ctrl-U svuota"
        case .assign: "↑↓ scegli  Invio assegna la scelta  1 la prima  Esc indietro"
        case .help: "↑↓ PagSu PagGiù scorri  altri tasti: quadro"
        case .newRequest: "Tab/↓ campo seguente  ↑ precedente  Invio sull'ultimo campo: registra  Esc lascia"
        case .associations, .calls: "↑↓ PagSu PagGiù scorri  altri tasti: quadro"
        case .plans: s.plans.contains(where: \.proposal) ? "↑↓ associazione  a accetta questa  A accetta tutte  p ricalcola  Esc quadro"
            : "↑↓ associazione  p proponi i giri del giorno  Esc quadro"
        }
    }

    /// The board's columns: time, status, beneficiary, needs, the route (as wide as the
    /// terminal allows), the association and, when the day has an accepted plan, the vehicle and
    /// pickup time of its route. Header and rows are laid out from the same widths.
    struct BoardColumns {
        static let time = 5, status = 11, beneficiary = 6, needs = 8, association = 7
        let route: Int
        let plan: Int

        init(width: Int, plans: Bool) {
            plan = plans ? 16 : 0
            let fixed = Self.time + Self.status + Self.beneficiary + Self.needs + Self.association + 5 + (plans ? 1 + plan : 0)
            // As wide as the terminal allows, up to what the longest routes need.
            route = min(max(width - fixed, 12), 64)
        }

        func line(_ time: String, _ status: String, _ beneficiary: String, _ needs: String, _ route: String, _ association: String,
                  _ plan: String) -> [String] {
            [pad(time, Self.time) + " ", pad(status, Self.status) + " ",
             pad(beneficiary, Self.beneficiary) + " " + pad(needs, Self.needs) + " " + pad(route, self.route) + " "
                + pad(association, Self.association) + (self.plan > 0 ? " " + plan : "")]
        }
    }

    /// `from → to` in `width` characters: the destination is always shown, whole when it fits;
    /// the origin is shortened first.
    static func route(from: String, to: String, width: Int) -> String {
        let arrow = " → "
        let whole = from + arrow + to
        if whole.count <= width { return whole }
        let left = width - arrow.count - to.count
        if left >= 3 { return String(from.prefix(left - 1)) + "…" + arrow + to }
        // No room for the origin: the destination alone, shortened only if it must be.
        let target = "→ " + to
        return target.count <= width ? target : String(target.prefix(max(width - 1, 1))) + "…"
    }

    static func board(_ s: TUIState, width: Int, rows: Int) -> [Line] {
        let columns = BoardColumns(width: width, plans: s.rows.contains { $0.planned != nil })
        var lines: [Line] = [[Span(columns.line("ORA", "STATO", "BENEF.", "BISOGNI", "DA → A", "ASSOC.", "GIRO").joined(), .header)]]
        let visible = s.visibleRows
        if visible.isEmpty { return lines + [[Span("Nessun servizio\(s.rows.isEmpty ? " in questo giorno" : " con questi filtri").", .dim)]] }
        // Lines under the rows explain the selected trip's warning (wrapped to the width).
        let explanation: [Line] = visible.indices.contains(s.selected) ? visible[s.selected].warning.map {
            wrap([Span("! \(visible[s.selected].trip.id): \(Labels.warning($0))", .message)], width).map { [Span(String($0.map(\.text).joined().prefix(width)), .message)] }
        } ?? [] : []
        let capacity = max(rows - 1 - explanation.count, 1)
        let top = s.selected < s.top ? s.selected : (s.selected >= s.top + capacity ? s.selected - capacity + 1 : s.top)
        for index in top..<min(visible.count, top + capacity) {
            let row = visible[index]
            let trip = row.trip
            let from = (trip.isApproximate ? "≈ " : "") + (trip.pickup.placeCode ?? row.comune)
            let cells = columns.line(trip.appointment.description, (row.warning == nil ? "" : "! ") + Labels.status(trip.status, s.language), trip.beneficiary,
                                     Labels.needs(trip.needs),
                                     route(from: from, to: trip.destination.placeCode ?? trip.destination.label, width: columns.route),
                                     row.association ?? "-", row.planned ?? "")
            let text = [Span(cells[0]), Span(cells[1], row.warning == nil ? .status(trip.status) : .message), Span(cells[2])]
            lines.append(index == s.selected ? text.map { Span($0.text, .selected) } : text)
        }
        // The selected trip's warning, in words.
        lines += explanation
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
            [Span("Assegna il servizio \(trip.id): \(trip.appointment) \(trip.beneficiary) (\(Labels.needsInFull(trip.needs))) \(trip.pickup.label) → \(trip.destination.label)", .header)],
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
                case .crew: "nessun equipaggio in turno a quell'ora"
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

    /// The help, one paragraph a line (wrapped to the terminal's width).
    static func help() -> [Line] {
        [
            [Span("Aiuto", .header)],
            [Span("Quadro del giorno: ↑↓ (o j k) scegli, PagSu PagGiù, Inizio Fine; ← → (o [ ]) giorno precedente e seguente.")],
            [Span("f filtra per stato, A per associazione, C per comune; / cerca (codice, associazione, comune, luogo).")],
            [Span("Invio o a: candidate per il servizio; x segna assente (dall'ora del servizio, chiede conferma); "
                  + "u annulla un'assenza segnata per errore (solo il giorno stesso, chiede conferma).")],
            [Span("d assegna con il motore tutti i servizi in attesa del giorno; c annulla il servizio (chiede conferma); "
                  + "r ricarica il quadro (dopo un \"cambiato nel frattempo\"); q esci.")],
            [Span("Assegna: ↑↓ scegli l'associazione, Invio assegna la scelta, 1 assegna la prima, Esc torna al quadro.")],
            [Span("n nuova richiesta: Tab tra i campi, gli errori compaiono accanto; il beneficiario si cerca scrivendo cognome, "
                  + "nome, telefono, codice fiscale o codice.")],
            [Span("Nei moduli e nelle righe da scrivere (cerca, sospendi, chiudi): Ctrl-U svuota il campo; il primo carattere "
                  + "scritto in un campo precompilato lo sostituisce, poi si aggiunge; Esc chiede conferma se hai scritto qualcosa.")],
            [Span("b nuovo beneficiario (prima chiamata dal PUA); p scheda del beneficiario: z sospendi, h chiudi.")],
            [Span("t chiamate di promemoria per domani: una riga per persona, con l'ora di salita (e del ritorno, dopo rit.), nome e telefono; "
                  + "in evidenza chi ha un servizio non ancora confermato dall'associazione o da assegnare.")],
            [Span("s associazioni: carico e quote. g giri condivisi (↑ salita, ↓ discesa): p li propone, "
                  + "a accetta quelli dell'associazione scelta, A tutti; sul quadro il mezzo e l'ora di salita accanto all'associazione.")],
            [Span("! sul quadro: un servizio che un cambio di disponibilità mette a rischio (mezzo fermo, volontario assente, "
                  + "nessun equipaggio in turno a quell'ora, conferma ritirata); scegliendolo, sotto il quadro si legge perché. "
                  + "La capacità del giorno (s) viene dai turni dei volontari dove l'associazione li registra.")],
            [Span("Le modifiche fatte da altri (CLI, altre postazioni) compaiono entro un paio di secondi; una modifica su un "
                  + "servizio cambiato nel frattempo è rifiutata con un messaggio, mai sovrascritta.")],
            [Span("Ogni modifica passa dal registro (audit) con il nome dell'operatore.")],
        ]
    }

    /// A one-span line broken at spaces into lines of at most `width` characters (a word longer
    /// than the width is cut); continuation lines are indented by two spaces.
    static func wrap(_ line: Line, _ width: Int) -> [Line] {
        guard line.count == 1, let span = line.first, span.text.count > width, width > 10 else { return [line] }
        var lines: [Line] = []
        var current = ""
        for word in span.text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count > width, !current.isEmpty {
                lines.append([Span(current, span.style)])
                current = "  " + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append([Span(current, span.style)]) }
        return lines
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
