import CentraleDomain
import CentraleFormats

/// The screen's key handling: a pure function from state and key to the next state and the
/// effects to run.
public enum Reducer {
    /// The statuses the `f` key cycles through (nil: all).
    static let filters: [TripStatus?] = [nil, .pending, .unassignable, .assigned, .done, .noShow, .cancelled]

    /// The answer yes to a question, in either language: `s` (sì) or `y` (yes), in either case.
    static func isYes(_ key: Key) -> Bool {
        [Key.char("s"), .char("S"), .char("y"), .char("Y")].contains(key)
    }

    public static func reduce(_ state: TUIState, _ key: Key, pageSize: Int = 18) -> (TUIState, [Effect]) {
        var s = state
        if key == .tick || key == .resize { return (s, []) }
        if let question = s.pending {
            s.pending = nil
            if question.action == .discardForm {
                guard isYes(key) else { s.message = ScreenLabel.keepWriting.text(s.language); return (s, []) }
                s.form = nil; s.personForm = nil; s.screen = .board; s.message = ScreenLabel.formDropped.text(s.language)
                return (s, [])
            }
            if isYes(key) {
                // The version seen when the question opened: a trip changed meanwhile is refused by the store.
                return (s, question.effect.map { [$0] } ?? [])
            }
            s.message = ScreenLabel.nothingChanged.text(s.language)
            return (s, [])
        }
        switch s.screen {
        case .help:
            switch key {
            case .down, .char("j"): s.listTop += 1
            case .up, .char("k"): s.listTop = max(s.listTop - 1, 0)
            case .pageDown: s.listTop += pageSize
            case .pageUp: s.listTop = max(s.listTop - pageSize, 0)
            default: s.screen = .board
            }
            return (s, [])
        case .assign(let trip):
            return assignKey(s, trip, key)
        case .newRequest:
            return formKey(s, key)
        case .associations:
            return (scrollOrLeave(s, key, count: s.associationLoads.count, pageSize: pageSize), [])
        case .calls:
            // A page is the rows the list shows: the screen's page less the list's own header line.
            return (scrollOrLeave(s, key, count: s.calls.count, pageSize: max(pageSize - 1, 1)), [])
        case .plans:
            return plansKey(s, key, pageSize: pageSize)
        case .board:
            return s.searching ? searchKey(s, key) : boardKey(s, key, pageSize: pageSize)
        case .newPerson:
            return personFormKey(s, key)
        case .card(let code):
            return cardKey(s, code, key)
        }
    }

    /// A list that scrolls (the associations, the calls): ↑↓ and the pages move it, any other key
    /// goes back to the board.
    static func scrollOrLeave(_ state: TUIState, _ key: Key, count: Int, pageSize: Int) -> TUIState {
        var s = state
        switch key {
        case .down, .char("j"): s.listTop = min(s.listTop + 1, max(count - 1, 0))
        case .up, .char("k"): s.listTop = max(s.listTop - 1, 0)
        case .pageDown: s.listTop = min(s.listTop + pageSize, max(count - 1, 0))
        case .pageUp: s.listTop = max(s.listTop - pageSize, 0)
        default: s.screen = .board
        }
        return s
    }

    /// The plans screen: ↑↓ choose an association, `a` accepts its proposal, `A` all the
    /// proposals shown, each after a confirmation; `p` proposes again; Esc goes back.
    static func plansKey(_ state: TUIState, _ key: Key, pageSize: Int) -> (TUIState, [Effect]) {
        var s = state
        s.message = ""
        let last = max(s.plans.count - 1, 0)
        switch key {
        case .down, .char("j"): s.planSelected = min(s.planSelected + 1, last)
        case .up, .char("k"): s.planSelected = max(s.planSelected - 1, 0)
        case .pageDown: s.planSelected = min(s.planSelected + pageSize / 4 + 1, last)
        case .pageUp: s.planSelected = max(s.planSelected - pageSize / 4 - 1, 0)
        case .home: s.planSelected = 0
        case .end: s.planSelected = last
        case .char("p"):
            s.message = ScreenLabel.planning.text(s.language)
            return (s, [.proposePlans(s.date)])
        case .char("a"):
            guard s.plans.indices.contains(s.planSelected), s.plans[s.planSelected].proposal else {
                s.message = ScreenLabel.noProposalHere.text(s.language)
                return (s, [])
            }
            let plan = s.plans[s.planSelected].plan
            s.pending = Confirmation(.acceptPlans(s.date, [plan.association]), tripID: 0, version: 0)
            s.message = ScreenMessage.acceptPlanAsk(association: plan.association, trips: plan.tripCount, vehicles: plan.vehicles.count,
                                                    distance: plan.plannedDistance).text(s.language)
        case .char("A"):
            let proposals = s.plans.filter(\.proposal)
            guard !proposals.isEmpty else {
                s.message = ScreenLabel.noProposal.text(s.language)
                return (s, [])
            }
            let trips = proposals.reduce(0) { $0 + $1.plan.tripCount }
            s.pending = Confirmation(.acceptPlans(s.date, proposals.map(\.plan.association)), tripID: 0, version: 0)
            s.message = ScreenMessage.acceptAllPlansAsk(associations: proposals.count, trips: trips).text(s.language)
        case .escape, .char("q"), .left, .char("g"):
            s.screen = .board
        default:
            break
        }
        return (s, [])
    }

    static func boardKey(_ state: TUIState, _ key: Key, pageSize: Int) -> (TUIState, [Effect]) {
        var s = state
        s.message = ""
        switch key {
        case .down, .char("j"): s.selected += 1
        case .up, .char("k"): s.selected -= 1
        case .pageDown: s.selected += pageSize
        case .pageUp: s.selected -= pageSize
        case .home: s.selected = 0
        case .end: s.selected = s.visibleRows.count - 1
        case .left, .char("["):
            s.date = s.date.adding(days: -1); s.selected = 0; s.top = 0
            return (s, [.loadDay(s.date)])
        case .right, .char("]"):
            s.date = s.date.adding(days: 1); s.selected = 0; s.top = 0
            return (s, [.loadDay(s.date)])
        case .char("f"):
            let index = filters.firstIndex(of: s.statusFilter) ?? 0
            s.statusFilter = filters[(index + 1) % filters.count]
            s.selected = 0; s.top = 0
        case .char("A"):
            s.associationFilter = next(after: s.associationFilter, in: Set(s.rows.compactMap(\.association)))
            s.selected = 0; s.top = 0
        case .char("C"):
            s.comuneFilter = next(after: s.comuneFilter, in: Set(s.rows.map(\.comune)))
            s.selected = 0; s.top = 0
        case .char("x"):
            guard let row = s.selectedRow, row.trip.status == .assigned else {
                s.message = ScreenLabel.onlyAssignedNoShow.text(s.language); return (s, [])
            }
            if let from = noShowFrom(row.trip, lead: s.noShowLeadMinutes), let now = s.nowDate, let time = s.nowTime,
               now < row.trip.date || (now == row.trip.date && time.minutes < from) {
                s.message = ScreenMessage.noShowNotYet(trip: row.trip.id, date: row.trip.date, appointment: row.trip.appointment,
                                                       from: LocalTime(minutes: from)).text(s.language)
                return (s, [])
            }
            s.pending = Confirmation(.noShow, tripID: row.trip.id, version: row.version)
            s.message = ScreenMessage.noShowAsk(beneficiary: row.trip.beneficiary, trip: row.trip.id, appointment: row.trip.appointment).text(s.language)
        case .char("u"):
            guard let row = s.selectedRow, row.trip.status == .noShow else {
                s.message = ScreenLabel.onlyNoShowUndo.text(s.language); return (s, [])
            }
            guard s.nowDate == nil || s.nowDate == row.trip.date else {
                s.message = ScreenMessage.undoNoShowSameDayOnly(trip: row.trip.id, date: row.trip.date).text(s.language); return (s, [])
            }
            s.pending = Confirmation(.undoNoShow, tripID: row.trip.id, version: row.version)
            s.message = ScreenMessage.undoNoShowAsk(trip: row.trip.id).text(s.language)
        case .char("/"):
            s.searching = true
        case .enter, .char("a"):
            guard let row = s.selectedRow else { s.message = ScreenLabel.noTripSelected.text(s.language); return (s, []) }
            guard [.pending, .unassignable, .assigned].contains(row.trip.status) else {
                s.message = ScreenMessage.notAssignableAnyMore(trip: row.trip.id, row.trip.status).text(s.language)
                return (s, [])
            }
            s.screen = .assign(tripID: row.trip.id)
            s.assignVersion = row.version
            s.candidates = []; s.exclusions = []; s.blockedReason = nil; s.candidateSelected = 0
            return (s, [.explain(tripID: row.trip.id)])
        case .char("d"):
            return (s, [.dispatchDay(s.date)])
        case .char("r"):
            s.message = ScreenLabel.boardReloaded.text(s.language)
            return (s, [.loadDay(s.date)])
        case .char("c"):
            guard let row = s.selectedRow, row.trip.status.canMove(to: .cancelled) else {
                s.message = ScreenLabel.cannotCancel.text(s.language); return (s, [])
            }
            s.pending = Confirmation(.cancel, tripID: row.trip.id, version: row.version)
            s.message = ScreenMessage.cancelAsk(trip: row.trip.id, appointment: row.trip.appointment, beneficiary: row.trip.beneficiary).text(s.language)
        case .char("?"):
            s.screen = .help
            s.listTop = 0
        case .char("n"):
            s.form = RequestFormState(date: s.date, language: s.language)
            s.screen = .newRequest
        case .char("b"):
            s.personForm = PersonFormState(today: s.nowDate ?? s.date, language: s.language)
            s.screen = .newPerson
        case .char("p"):
            guard let row = s.selectedRow else { s.message = ScreenLabel.noTripSelected.text(s.language); return (s, []) }
            s.card = nil; s.cardInput = nil
            s.screen = .card(row.trip.beneficiary)
            return (s, [.loadCard(row.trip.beneficiary)])
        case .char("s"):
            s.screen = .associations
            s.listTop = 0
            return (s, [.loadAssociations(s.date)])
        case .char("t"):
            // The evening before: tomorrow's trips (the day after the board's, when the board is not on today).
            let day = (s.date == s.nowDate || s.nowDate == nil ? s.date : s.date.adding(days: -1)).adding(days: 1)
            s.screen = .calls(day)
            s.listTop = 0
            s.calls = []
            return (s, [.loadCalls(day)])
        case .char("g"):
            s.screen = .plans
            s.planSelected = 0
            return (s, [.loadPlans(s.date)])
        case .char("q"):
            return (s, [.quit])
        default:
            break
        }
        s.clampSelection()
        return (s, [])
    }

    /// The minute of the trip's day from which a no-show can be marked: the pickup can happen
    /// from `lead` minutes before an outbound appointment, at the ready time of a return.
    static func noShowFrom(_ trip: TripRequest, lead: Int) -> Int? {
        trip.leg == .return ? trip.appointment.minutes : max(0, trip.appointment.minutes - lead)
    }

    /// The next value of a filter cycling through `values` in order, then back to nil (all).
    static func next(after current: String?, in values: Set<String>) -> String? {
        let sorted = values.sorted()
        guard let current, let index = sorted.firstIndex(of: current) else { return sorted.first }
        return index + 1 < sorted.count ? sorted[index + 1] : nil
    }

    static func searchKey(_ state: TUIState, _ key: Key) -> (TUIState, [Effect]) {
        var s = state
        switch key {
        case .enter: s.searching = false
        case .escape: s.searching = false; s.search = ""
        case .backspace: if !s.search.isEmpty { s.search.removeLast() }
        case .clearField: s.search = ""
        case .char(let c): s.search.append(c)
        default: break
        }
        s.selected = 0; s.top = 0
        return (s, [])
    }

    static func assignKey(_ state: TUIState, _ trip: Int64, _ key: Key) -> (TUIState, [Effect]) {
        var s = state
        switch key {
        case .escape, .char("q"), .left:
            s.screen = .board
        case .down, .char("j"):
            s.candidateSelected = min(s.candidateSelected + 1, max(s.candidates.count - 1, 0))
        case .up, .char("k"):
            s.candidateSelected = max(s.candidateSelected - 1, 0)
        case .enter, .char("1"), .char("a"):
            let index = key == .enter ? s.candidateSelected : 0
            guard s.candidates.indices.contains(index), let row = s.rows.first(where: { $0.trip.id == trip }) else {
                s.message = ScreenLabel.noCandidate.text(s.language)
                return (s, [])
            }
            s.screen = .board
            // The version seen when the candidates screen opened, not the one reloaded since.
            let version = s.assignVersion ?? row.version
            s.assignVersion = nil
            return (s, [.assign(tripID: trip, association: s.candidates[index].association, version: version, engineChoice: index == 0)])
        default:
            break
        }
        return (s, [])
    }

    static func formKey(_ state: TUIState, _ key: Key) -> (TUIState, [Effect]) {
        var s = state
        guard var form = s.form else { s.screen = .board; return (s, []) }
        let fields = RequestFormState.Field.allCases
        var effects: [Effect] = []
        // Leaving a field checks it: the beneficiary's code against the records (an effect),
        // Da and A against the registry's places (here), with the problem beside the field.
        func leave() {
            pickMatch(&form)
            let field = form.focus, text = form.value(field)
            guard !text.isEmpty else { return }
            switch field {
            case .beneficiary:
                effects.append(.lookup(field, text))
            case .from, .to:
                switch s.places.check(text, s.language) {
                case .found(let hint):
                    form.errors[field] = nil; form.hints[field] = hint
                case .refused(let problem):
                    form.hints[field] = nil; form.errors[field] = problem
                    s.message = ScreenMessage.fieldProblem(field, problem).text(s.language)
                }
            default:
                break
            }
        }
        switch key {
        case .escape:
            if form.isWritten {
                s.pending = Confirmation(.discardForm, tripID: 0, version: 0)
                s.message = ScreenMessage.discardRequestAsk.text(s.language)
                s.form = form
                return (s, [])
            }
            s.form = nil; s.screen = .board; s.message = ScreenLabel.requestDropped.text(s.language)
            return (s, [])
        case .tab, .down:
            leave()
            form.focus = fields[min(form.focus.rawValue + 1, fields.count - 1)]
        case .up:
            leave()
            form.focus = fields[max(form.focus.rawValue - 1, 0)]
        case .clearField, .backspace, .char:
            // A prefilled value not yet touched is replaced by the first character typed.
            form.edit(key)
            effects += findEffects(&form)
        case .enter:
            if form.focus != fields.last { leave(); form.focus = fields[form.focus.rawValue + 1]; break }
            let errors = form.sendingErrors(places: s.places, s.language)
            form.errors = errors
            if errors.isEmpty {
                effects.append(.submitRequest(form))
            } else {
                s.message = ScreenMessage.correctFields(fields.filter { errors[$0] != nil }).text(s.language)
            }
        default:
            break
        }
        s.form = form
        return (s, effects)
    }
}
