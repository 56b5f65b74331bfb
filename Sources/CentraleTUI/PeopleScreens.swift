import CentraleDomain
import CentraleFormats

/// A person found while typing in the new-request form: enough to decide before taking the request.
public struct PersonMatch: Hashable, Sendable {
    public var code: String
    /// "Surname Name".
    public var name: String
    /// The status on the request's day, in the screen's language.
    public var status: String
    public var needs: Needs
    /// The authorisation in force, e.g. "dialisi,visita fino al 31/12/2025", or "nessuna".
    public var authorisation: String

    public init(code: String, name: String, status: String, needs: Needs, authorisation: String) {
        self.code = code
        self.name = name
        self.status = status
        self.needs = needs
        self.authorisation = authorisation
    }
}

/// The *nuovo beneficiario* form (the first call from the PUA): the import's fields.
public struct PersonFormState: Hashable, Sendable {
    /// The fields, named as the import's columns.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case cognome, nome, codice_fiscale, data_nascita, telefono, indirizzo, comune, segnalato_da, data_segnalazione, motivi, bisogni,
             valido_dal, valido_al

        /// The label shown beside the field, in Italian.
        public var label: String { name(.it) }

        /// The field's label in `language` (at most 24 characters: the form's column).
        public func name(_ language: Language) -> String {
            switch language {
            case .it:
                switch self {
                case .cognome: return "Cognome"
                case .nome: return "Nome"
                case .codice_fiscale: return "Codice fiscale"
                case .data_nascita: return "Data di nascita"
                case .telefono: return "Telefono"
                case .indirizzo: return "Indirizzo (via e n.)"
                case .comune: return "Comune"
                case .segnalato_da: return "Segnalato da"
                case .data_segnalazione: return "Data segnalazione"
                case .motivi: return "Motivi (dialisi|visita)"
                case .bisogni: return "Bisogni (carrozzina…)"
                case .valido_dal: return "Autorizzato dal"
                case .valido_al: return "Autorizzato al"
                }
            case .en:
                switch self {
                case .cognome: return "Surname"
                case .nome: return "First name"
                case .codice_fiscale: return "Tax code (CF)"
                case .data_nascita: return "Date of birth"
                case .telefono: return "Phone"
                case .indirizzo: return "Address (street, no.)"
                case .comune: return "Comune"
                case .segnalato_da: return "Referred by"
                case .data_segnalazione: return "Referral date"
                case .motivi: return "Purposes (visit|…)"
                case .bisogni: return "Needs (wheelchair…)"
                case .valido_dal: return "Authorised from"
                case .valido_al: return "Authorised until"
                }
            }
        }
    }

    public var values: [Field: String]
    public var focus: Field = .cognome
    public var errors: [Field: String] = [:]
    /// The fields that still hold the value given beforehand, untouched: the first character
    /// typed into one replaces it (then typing appends); a backspace or Ctrl-U edits it as any other.
    public var prefilled: Set<Field> = []

    /// An empty form: referred by the PUA today, authorised from today (the day written as the
    /// screen's language writes dates).
    public init(today: LocalDate, language: Language = .it) {
        values = [.segnalato_da: "PUA", .data_segnalazione: Labels.date(today, language), .valido_dal: Labels.date(today, language)]
        prefilled = Set(values.keys)
    }

    public func value(_ field: Field) -> String { values[field] ?? "" }

    /// Whether the dispatcher wrote anything: a field that is not empty and not the value given beforehand.
    public var isWritten: Bool { values.contains { !$0.value.isEmpty && !prefilled.contains($0.key) } }

    /// A key that writes into the focused field: a character (replacing an untouched prefilled
    /// value), a backspace, or Ctrl-U (clears). The field's problem goes: it changed.
    public mutating func edit(_ key: Key) {
        guard FieldEditing.edit(key, focus, values: &values, prefilled: &prefilled) else { return }
        errors[focus] = nil
    }

    /// The values under the import's column names.
    public var fields: [String: String] { Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }) }

    /// The checks that need no data: required fields and the codice fiscale's check character,
    /// said in `language`.
    public func localErrors(_ language: Language = .it) -> [Field: String] {
        var errors: [Field: String] = [:]
        for field in [Field.cognome, .nome, .codice_fiscale, .data_nascita, .indirizzo, .comune, .motivi, .valido_dal, .valido_al]
        where value(field).trimmingCharacters(in: " ").isEmpty {
            errors[field] = ScreenLabel.mandatory.text(language)
        }
        let cf = value(.codice_fiscale).uppercased().filter { !$0.isWhitespace }
        if !cf.isEmpty, let problem = CodiceFiscale.problem(cf) {
            switch problem {
            case .wrongLength: errors[.codice_fiscale] = ScreenLabel.codiceFiscaleLength.text(language)
            case .characterNotAllowed(_, let position, _): errors[.codice_fiscale] = ScreenMessage.codiceFiscaleCharacter(position: position).text(language)
            case .wrongCheckCharacter, .birthDateMismatch: errors[.codice_fiscale] = ScreenLabel.wrongCheckCharacter.text(language)
            }
        }
        return errors
    }
}

/// A beneficiary's card: status, authorisation and its expiry, next trips; suspend or close.
/// Values, not text: the layout writes them in the screen's language.
public struct PersonCard: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Today's status as the dispatcher must read it (an expired authorisation shows).
    public var status: EffectiveStatus
    /// For an expired authorisation: its last day in force (to renew it).
    public var expiredOn: LocalDate?
    public var needs: Needs
    /// The authorisation in force today, else the latest one; nil for none.
    public var authorisation: Authorisation?
    /// The next trips still to be done.
    public var nextTrips: [TripRequest]
    /// The status history, oldest first.
    public var history: [StatusChange]

    public init(code: String, name: String, status: EffectiveStatus, expiredOn: LocalDate? = nil, needs: Needs, authorisation: Authorisation?,
                nextTrips: [TripRequest], history: [StatusChange]) {
        self.code = code
        self.name = name
        self.status = status
        self.expiredOn = expiredOn
        self.needs = needs
        self.authorisation = authorisation
        self.nextTrips = nextTrips
        self.history = history
    }

    /// The day the authorisation shown expires, if any.
    public var expires: LocalDate? { authorisation?.validUntil }
}

/// What the card's input line is asking for.
public enum CardInput: Hashable, Sendable {
    /// "DAL AL MOTIVO", e.g. `10/03/2025 20/03/2025 ricovero`.
    case suspend(String)
    /// "ULTIMO-GIORNO MOTIVO [NOTA]", e.g. `30/06/2025 trasferito a Bologna`.
    case close(String)
}

extension Reducer {
    /// Keys of the new-request form's beneficiary field: find the person as one types.
    static func findEffects(_ form: inout RequestFormState) -> [Effect] {
        guard form.focus == .beneficiary else { return [] }
        let text = form.value(.beneficiary)
        if text.count < 2 { form.matches = []; return [] }
        return [.findPeople(text)]
    }

    /// Leaving the beneficiary field with matches on screen takes the first (unless a code was typed).
    static func pickMatch(_ form: inout RequestFormState) {
        guard form.focus == .beneficiary, let first = form.matches.first else { return }
        let typed = form.value(.beneficiary).uppercased()
        if !form.matches.contains(where: { $0.code == typed }) { form.values[.beneficiary] = first.code }
        form.matches = []
    }

    static func personFormKey(_ state: TUIState, _ key: Key) -> (TUIState, [Effect]) {
        var s = state
        guard var form = s.personForm else { s.screen = .board; return (s, []) }
        let fields = PersonFormState.Field.allCases
        let index = fields.firstIndex(of: form.focus)!
        var effects: [Effect] = []
        switch key {
        case .escape:
            if form.isWritten {
                s.pending = Confirmation(.discardForm, tripID: 0, version: 0)
                s.message = ScreenMessage.discardPersonAsk.text(s.language)
                s.personForm = form
                return (s, [])
            }
            s.personForm = nil; s.screen = .board; s.message = ScreenLabel.personDropped.text(s.language)
            return (s, [])
        case .clearField, .backspace, .char:
            // A prefilled value not yet touched (PUA, today) is replaced by the first character typed.
            form.edit(key)
        case .tab, .down: form.focus = fields[min(index + 1, fields.count - 1)]
        case .up: form.focus = fields[max(index - 1, 0)]
        case .enter:
            if form.focus != fields.last { form.focus = fields[index + 1]; break }
            let local = form.localErrors(s.language)
            form.errors = local
            if local.isEmpty { effects.append(.registerPerson(form.fields)) } else { s.message = ScreenLabel.correctFields.text(s.language) }
        default:
            break
        }
        s.personForm = form
        return (s, effects)
    }

    static func cardKey(_ state: TUIState, _ code: String, _ key: Key) -> (TUIState, [Effect]) {
        var s = state
        if let input = s.cardInput {
            var text: String
            switch input { case .suspend(let t), .close(let t): text = t }
            switch key {
            case .escape:
                s.cardInput = nil; s.message = ScreenLabel.nothingChanged.text(s.language)
                return (s, [])
            case .clearField: text = ""
            case .backspace: if !text.isEmpty { text.removeLast() }
            case .char(let c): text.append(c)
            case .enter:
                let words = text.split(separator: " ").map(String.init)
                switch input {
                case .suspend:
                    guard words.count >= 3, let from = LocalDate(words[0]), let to = LocalDate(words[1]) else {
                        s.message = ScreenMessage.suspendUsage.text(s.language)
                        return (s, [])
                    }
                    guard to >= from else {
                        s.message = ScreenMessage.suspendEndsBeforeStart(from: from, to: to).text(s.language)
                        return (s, [])
                    }
                    s.cardInput = nil
                    return (s, [.suspendPerson(code: code, from: from, to: to, reason: words[2...].joined(separator: " "))])
                case .close:
                    guard words.count >= 2, let day = LocalDate(words[0]), let reason = Labels.closingReason(parsing: words.dropFirst()) else {
                        s.message = ScreenMessage.closeUsage.text(s.language)
                        return (s, [])
                    }
                    s.cardInput = nil
                    let rest = words.dropFirst(1 + reason.words)
                    let note = rest.isEmpty ? nil : rest.joined(separator: " ")
                    return (s, [.closePerson(code: code, on: day, reason: reason.reason, note: note)])
                }
            default: break
            }
            switch input {
            case .suspend: s.cardInput = .suspend(text)
            case .close: s.cardInput = .close(text)
            }
            return (s, [])
        }
        switch key {
        case .char("z"):
            s.cardInput = .suspend("")
            s.message = ScreenMessage.suspendAsk(code: code).text(s.language)
        case .char("h"):
            s.cardInput = .close("")
            s.message = ScreenMessage.closeAsk(code: code).text(s.language)
        default:
            s.screen = .board
            s.card = nil
        }
        return (s, [])
    }
}

extension Layout {
    /// The people found while typing the beneficiary in the new-request form.
    static func matches(_ form: RequestFormState, _ language: Language = .it) -> [Line] {
        guard form.focus == .beneficiary, !form.matches.isEmpty else { return [] }
        var lines: [Line] = [[], [Span(ScreenLabel.peopleFound.text(language), .dim)]]
        for (index, match) in form.matches.enumerated() {
            lines.append([Span("  " + pad(match.code, 7) + " " + pad(match.name, 24) + " " + pad(match.status, 10) + " "
                               + pad(Labels.needs(match.needs, language), 12) + " " + match.authorisation, index == 0 ? .selected : .normal)])
        }
        return lines
    }

    static func personForm(_ form: PersonFormState?, _ language: Language = .it) -> [Line] {
        guard let form else { return [] }
        var lines: [Line] = [[Span(ScreenLabel.newPersonTitle.text(language), .header)], []]
        for field in PersonFormState.Field.allCases {
            let focused = field == form.focus
            var line: Line = [Span(pad(field.name(language), 24) + " "), Span(pad(form.value(field) + (focused ? "▏" : ""), 22), focused ? .selected : .normal)]
            if let error = form.errors[field] { line.append(Span("  ✗ " + error, .message)) }
            lines.append(line)
        }
        return lines
    }

    static func card(_ s: TUIState) -> [Line] {
        let language = s.language
        guard let card = s.card else { return [[Span(ScreenLabel.cardLoading.text(language), .dim)]] }
        var lines: [Line] = [[Span(ScreenMessage.cardTitle(code: card.code, name: card.name).text(language), .header)], []]
        lines.append([Span(ScreenLabel.cardStatus.text(language)),
                      Span(ScreenMessage.cardStatus(card.status, expiredOn: card.expiredOn).text(language), .header),
                      Span(ScreenMessage.cardNeeds(card.needs).text(language))])
        var authorisation = ScreenLabel.cardAuthorisation.text(language) + ScreenMessage.cardAuthorisation(card.authorisation).text(language)
        // Expired or expiring within 30 days: said, and it stands out.
        let days = card.expires.flatMap { expires in s.nowDate.map { expires.daysSinceEpoch - $0.daysSinceEpoch } }
        if let days, days <= 30 { authorisation += " " + ScreenMessage.expiresIn(days: days).text(language) }
        lines.append([Span(authorisation, (days ?? 31) <= 30 ? .message : .normal)])
        lines.append([])
        lines.append([Span(ScreenLabel.nextTrips.text(language), .header)])
        lines += card.nextTrips.isEmpty ? [[Span(ScreenLabel.noNextTrips.text(language), .dim)]]
            : card.nextTrips.map { [Span("  " + ScreenMessage.cardTrip($0).text(language))] }
        lines.append([])
        lines.append([Span(ScreenLabel.history.text(language), .header)])
        lines += card.history.map { [Span("  " + ScreenMessage.cardHistory($0).text(language), .dim)] }
        if let input = s.cardInput {
            let (label, text) = switch input {
            case .suspend(let t): (ScreenLabel.suspendInput.text(language), t)
            case .close(let t): (ScreenLabel.closeInput.text(language), t)
            }
            lines.append([])
            lines.append([Span(label), Span(text + "▏", .selected)])
        }
        return lines
    }
}
