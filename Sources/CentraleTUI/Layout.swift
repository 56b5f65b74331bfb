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

/// The screen's labels: the Italian ones here (the callers' defaults), each language's in
/// `ScreenMessage.swift` and `ScreenLabel.swift`.
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
    public static func needs(_ needs: Needs) -> String { Labels.needs(needs, .it) }

    /// A trip's availability warning in Italian, as the board explains it.
    public static func warning(_ warning: AvailabilityWarning) -> String { Labels.warning(warning, .it) }

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
            let all = help(s.language).flatMap { wrap($0, width) }
            body = Array(all.dropFirst(min(s.listTop, max(all.count - (height - 4), 0))))
        case .newRequest: body = form(s.form, s.language, width: width) + (s.form.map { matches($0, s.language) } ?? [])
        case .newPerson: body = personForm(s.personForm, s.language)
        case .card: body = card(s)
        case .associations: body = associations(s, rows: height - 4)
        case .calls(let day): body = calls(s, day, width: width, rows: height - 4)
        case .plans: body = plans(s, rows: height - 4)
        }
        let language = s.language
        let counts = Dictionary(grouping: s.rows, by: \.trip.status).mapValues(\.count)
        let pending = counts[.pending] ?? 0, unassignable = counts[.unassignable] ?? 0
        let filters = [s.statusFilter.map { ScreenMessage.statusFilter($0).text(language) }, s.associationFilter, s.comuneFilter,
                       s.search.isEmpty ? nil : ScreenMessage.searchFilter(s.search).text(language)].compactMap { $0 }
        let day = "Centrale · \(Labels.day(s.date, language)) · "
        var title = day + ScreenMessage.boardCounts(trips: s.rows.count, pending: pending, unassignable: unassignable).text(language)
        // The trips to review (marked `!`): in words when they fit beside the operator's name,
        // else with every count abbreviated.
        let flagged = s.rows.filter { $0.warning != nil }.count
        if flagged > 0 {
            let words = title + ScreenMessage.toReview(flagged).text(language)
            title = words.count <= width - s.operatorName.count - 1 ? words
                : day + ScreenMessage.boardCountsShort(trips: s.rows.count, pending: pending, unassignable: unassignable, flagged: flagged).text(language)
        }
        title += filters.isEmpty ? "" : ScreenMessage.filters(filters).text(language)
        var lines: [Line] = [[Span(pad(title, width - s.operatorName.count - 1) + " " + s.operatorName, .title)]]
        lines += body
        while lines.count < height - 2 { lines.append([]) }
        lines = Array(lines.prefix(height - 2))
        let message = s.searching ? ScreenMessage.searching(s.search).text(language) : s.message
        lines.append([Span(message, .message)])
        lines.append([Span(keysLine(s, width: width), .keys)])
        return lines.map { clip($0, width) }
    }

    /// The board's keys in Italian, most used first; `fitted` shortens them to the terminal's width.
    static var boardKeys: [(key: String, label: String, short: String)] { BoardKey.line(.it) }

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
        let keys: ScreenLabel
        switch s.screen {
        case .board: return fitted(BoardKey.line(s.language), width: width)
        case .newPerson, .newRequest: keys = .keysForm
        case .card: keys = s.cardInput == nil ? .keysCard : .keysCardInput
        case .assign: keys = .keysAssign
        case .help, .associations, .calls: keys = .keysScroll
        case .plans: keys = s.plans.contains(where: \.proposal) ? .keysPlansWithProposals : .keysPlans
        }
        return keys.text(s.language)
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
        let language = s.language
        let header = columns.line(ScreenLabel.columnTime.text(language), ScreenLabel.columnStatus.text(language),
                                  ScreenLabel.columnBeneficiary.text(language), ScreenLabel.columnNeeds.text(language),
                                  ScreenLabel.columnRoute.text(language), ScreenLabel.columnAssociation.text(language),
                                  ScreenLabel.columnPlan.text(language))
        var lines: [Line] = [[Span(header.joined(), .header)]]
        let visible = s.visibleRows
        if visible.isEmpty { return lines + [[Span((s.rows.isEmpty ? ScreenLabel.noTripsThisDay : .noTripsWithFilters).text(language), .dim)]] }
        // Lines under the rows explain the selected trip's warning (wrapped to the width).
        let explanation: [Line] = visible.indices.contains(s.selected) ? visible[s.selected].warning.map {
            wrap([Span(ScreenMessage.warning(trip: visible[s.selected].trip.id, $0).text(language), .message)], width)
                .map { [Span(String($0.map(\.text).joined().prefix(width)), .message)] }
        } ?? [] : []
        let capacity = max(rows - 1 - explanation.count, 1)
        let top = s.selected < s.top ? s.selected : (s.selected >= s.top + capacity ? s.selected - capacity + 1 : s.top)
        for index in top..<min(visible.count, top + capacity) {
            let row = visible[index]
            let trip = row.trip
            let from = (trip.isApproximate ? "≈ " : "") + (trip.pickup.placeCode ?? row.comune)
            let cells = columns.line(trip.appointment.description, (row.warning == nil ? "" : "! ") + Labels.status(trip.status, s.language), trip.beneficiary,
                                     Labels.needs(trip.needs, language),
                                     route(from: from, to: trip.destination.placeCode ?? trip.destination.label, width: columns.route),
                                     row.association ?? "-", row.planned ?? "")
            let text = [Span(cells[0]), Span(cells[1], row.warning == nil ? .status(trip.status) : .message), Span(cells[2])]
            lines.append(index == s.selected ? text.map { Span($0.text, .selected) } : text)
        }
        // The selected trip's warning, in words.
        lines += explanation
        // An address given without coordinates: its position is the comune's centre.
        if visible[top..<min(visible.count, top + capacity)].contains(where: { $0.trip.isApproximate }) {
            lines.append([Span(String(ScreenLabel.approximatePosition.text(language).prefix(width)), .dim)])
        }
        return lines
    }

    static func assign(_ s: TUIState, _ tripID: Int64, width: Int) -> [Line] {
        let language = s.language
        guard let row = s.rows.first(where: { $0.trip.id == tripID }) else { return [[Span(ScreenLabel.tripNotFound.text(language), .dim)]] }
        let trip = row.trip
        var lines: [Line] = [
            [Span(ScreenMessage.assignTitle(trip).text(language), .header)],
            [Span(ScreenMessage.heldBy(row.association).text(language), .dim)],
            [],
        ]
        if s.candidates.isEmpty {
            lines.append([Span(s.blockedReason.map { ScreenMessage.unassignableBecause($0).text(language) } ?? ScreenLabel.rankingCandidates.text(language),
                               .message)])
        } else {
            lines.append([Span(ScreenLabel.candidatesHeader.text(language), .header)])
            for (index, candidate) in s.candidates.enumerated() {
                let terms = Dictionary(uniqueKeysWithValues: candidate.terms.map { ($0.term, $0) })
                let continuity: String = (terms[.continuity]?.measure ?? 0) > 0 ? ScreenLabel.continuityChanges.text(language)
                    : (terms[.continuity]?.points == 0 && index > 0 ? "—" : ScreenLabel.continuitySame.text(language))
                let text = "\(index + 1 < 10 ? " " : "")\(index + 1) \(pad(candidate.association, 12)) \(number(candidate.total, 6))  "
                    + "\(number(terms[.emptyKm]?.measure ?? 0, 9))  \(pad(percent(terms[.share]?.measure ?? 0), 7))  " + continuity
                lines.append([Span(text, index == s.candidateSelected ? .selected : .normal)])
            }
        }
        let excluded = Dictionary(grouping: s.exclusions, by: \.rule)
        for rule in HardRule.allCases {
            if let codes = excluded[rule] {
                lines.append([Span(ScreenMessage.excluded(rule, codes.map(\.association)).text(language), .dim)])
            }
        }
        return lines
    }

    static func form(_ form: RequestFormState?, _ language: Language = .it, width: Int) -> [Line] {
        guard let form else { return [] }
        var lines: [Line] = [[Span(ScreenLabel.newRequestTitle.text(language), .header)], []]
        for field in RequestFormState.Field.allCases {
            let focused = field == form.focus
            var line: Line = [Span(pad(field.name(language), 22) + " "), Span(pad(form.value(field) + (focused ? "▏" : ""), 18), focused ? .selected : .normal)]
            if let error = form.errors[field] { line.append(Span("  ✗ " + error, .message)) }
            else if let hint = form.hints[field] { line.append(Span("  ✓ " + hint, .dim)) }
            lines.append(line)
        }
        return lines
    }

    /// The help, one paragraph a line (wrapped to the terminal's width); the first is its title.
    static func help(_ language: Language = .it) -> [Line] {
        ScreenLabel.help.enumerated().map { index, paragraph in [Span(paragraph.text(language), index == 0 ? .header : .normal)] }
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

    /// A signed whole percentage (`+3%`, `-92%`); `0%` for what rounds to zero, never `-0%` or `+0%`.
    static func percent(_ value: Double) -> String {
        let percent = Int((value * 100).rounded())
        return "\(percent > 0 ? "+" : "")\(percent)%"
    }
}
