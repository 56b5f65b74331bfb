import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentraleIntake
import CentraleOffice
import CentralePlanning
import CentraleRegistry
import CentraleStore
import CentraleTUI

/// Runs the screen's effects through the same store code as the CLI, and notices changes made
/// by others (a CLI submission, another screen) by polling the day's trips.
final class TUIController {
    let store: Store
    let registry: Registry
    let engine: DispatchEngine
    let zone: Set<String>
    let comuneNames: [String: String]
    var state: TUIState
    private var fingerprint: [Int] = []

    /// Opens the screen on `date`, with the run's store, registry, engine and operator.
    init(context: AppContext, date: LocalDate) throws {
        store = try context.store
        registry = try context.registry
        engine = try context.engine
        zone = try context.zone
        comuneNames = try context.comuneNames
        state = TUIState(date: date, operatorName: try context.operatorName())
        state.language = try context.language
        state.places = PlaceBook(places: registry.places, comuni: registry.comuni)
        state.noShowLeadMinutes = registry.convention.rules.maxRideMinutes
        try load(date)
    }

    var actor: Actor { Actor(state.operatorName, reason: "dispatcher screen") }

    /// Handles a key; returns false to quit.
    func handle(_ key: Key, pageSize: Int) -> Bool {
        // Others' changes appear on the board; under the candidates screen the data the
        // dispatcher is deciding on stays put, and a decision on a trip changed meanwhile is refused.
        if key == .tick { if state.screen == .board { refreshIfChanged() }; return true }
        let now = Store.rome(store.clock())
        state.nowDate = now.date
        state.nowTime = LocalTime(minutes: now.minute)
        let (next, effects) = Reducer.reduce(state, key, pageSize: pageSize)
        state = next
        for effect in effects {
            do {
                if try !run(effect) { return false }
            } catch {
                let language = state.language
                let text = (error as? any RemediableError).map { RemedyHint.message($0, language) } ?? ErrorText.message(error, language)
                state.message = ScreenMessage.error(text).text(language)
                try? load(state.date)
            }
        }
        return true
    }

    private func run(_ effect: Effect) throws -> Bool {
        switch effect {
        case .quit:
            return false
        case .loadDay(let date):
            try load(date)
        case .explain(let trip):
            // The same batch as the day's dispatch (d), so that the first candidate is what it stores.
            let input = try store.dispatchInput(for: state.date, reassign: false, explaining: trip)
            let plan = engine.dispatch(input, zone: zone)
            let decision = plan.decision(for: trip)
            state.candidates = decision?.candidates ?? []
            state.exclusions = decision?.exclusions ?? []
            // Why nobody can take it, in the screen's language, the comune by name.
            let language = state.language, names = comuneNames
            let name: (String) -> String = { names[$0] ?? $0 }
            let reason: String? = decision?.blocked.map { language == .it ? $0.reason.italian(comuneName: name) : $0.reason.english(comuneName: name) }
            state.blockedReason = reason
        case let .assign(trip, association, version, engineChoice):
            guard let record = try store.tripRecord(trip) else { return true }
            if let broken = try store.brokenRule(assigning: record, to: association, engine: engine, zone: zone) {
                state.message = ScreenMessage.ruleBroken(association: association, rule: broken).text(state.language)
                return true
            }
            do {
                try store.assign(trip: trip, to: association, method: engineChoice ? .engine : .manual,
                                 note: engineChoice ? "first choice accepted on the screen" : "chosen on the screen",
                                 expectedVersion: version, actor: actor)
                state.message = ScreenMessage.assigned(trip: trip, association: association).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try self.load(state.date)
        case .dispatchDay(let date):
            let input = try store.dispatchInput(for: date, reassign: false)
            let plan = engine.dispatch(input, zone: zone)
            let outcome = try store.apply(plan, input: input, actor: actor)
            state.message = ScreenMessage.dispatched(assigned: outcome.assigned, unassignable: outcome.unassignable,
                                                     stale: outcome.stale.count).text(state.language)
            try load(date)
        case let .markNoShow(trip, version):
            do {
                try store.markNoShow(trip: trip, expectedVersion: version, leadMinutes: state.noShowLeadMinutes,
                                     actor: Actor(state.operatorName, reason: "marked on the screen"))
                state.message = ScreenMessage.noShowMarked(trip: trip).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try load(state.date)
        case let .undoNoShow(trip, version):
            do {
                try store.undoNoShow(trip: trip, expectedVersion: version, actor: Actor(state.operatorName, reason: "no-show taken back on the screen"))
                state.message = ScreenMessage.noShowUndone(trip: trip).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try load(state.date)
        case let .lookup(field, text):
            lookup(field, text)
        case .submitRequest(let form):
            try submit(form)
        case .loadAssociations(let date):
            let month = date.yearMonth
            let today = Dictionary(grouping: try store.tripRecords(on: date).filter { $0.trip.status.isHeldByAssociation },
                                   by: { $0.assignment?.association ?? "" }).mapValues(\.count)
            let counts = try store.heldTrips(in: month)
            let total = max(counts.values.reduce(0, +), 1)
            // The day's capacity: the declared one, lowered to what the crews on duty allow.
            let means = try store.dayCrews(on: date)
            state.associationLoads = registry.associations.sorted { $0.code < $1.code }.map { a in
                AssociationLoad(code: a.code, today: today[a.code] ?? 0, capacity: means[a.code]?.capacity ?? a.dailyCapacity,
                                monthShare: (counts[a.code] ?? 0) * 10_000 / total, conventionShare: a.shareBasisPoints)
            }
        case .loadCalls(let date):
            state.calls = CallRow.perPerson(try store.reminderCalls(on: date).map { call in
                CallRow(trip: call.trip, time: call.pickup, beneficiary: call.beneficiary, name: call.name,
                        phone: call.phone.isEmpty ? call.caregiverPhone : call.phone, association: call.association,
                        confirmation: call.vehicle.map { "\($0)/\(call.driver ?? "")" })
            })
        case .loadPlans(let date):
            state.plans = try store.acceptedPlans(on: date).map { PlanOnScreen(plan: $0.plan, stale: $0.isStale) }
        case .proposePlans(let date):
            let proposed = ServiceDayPlanner.plans(try store.plannableDay(date), on: date, convention: registry.convention).filter { $0.tripCount > 0 }.map { PlanOnScreen(plan: $0, proposal: true) }
            state.plans = proposed
            let saved = proposed.reduce(Distance.zero) { $0 + $1.plan.savedDistance }
            state.message = proposed.isEmpty ? ScreenLabel.nothingToPlan.text(state.language)
                : ScreenMessage.plansProposed(associations: proposed.count, saved: saved).text(state.language)
        case let .acceptPlans(date, codes):
            // The plans as the dispatcher saw them; the store marks one stale if its trips changed since.
            let chosen = state.plans.filter { $0.proposal && codes.contains($0.plan.association) && $0.plan.tripCount > 0 }.map(\.plan)
            do {
                try store.acceptPlans(chosen, actor: Actor(state.operatorName, reason: "plans accepted on the screen"))
                for index in state.plans.indices where codes.contains(state.plans[index].plan.association) { state.plans[index].proposal = false }
                state.message = ScreenMessage.plansAccepted(chosen.map(\.association)).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try load(date)
        case .findPeople(let text):
            try findPeople(text)
        case .registerPerson(let fields):
            try registerPerson(fields)
        case .loadCard(let code):
            try loadCard(code)
        case let .suspendPerson(code, from, to, reason):
            do {
                let ids = try store.suspendBeneficiary(code, from: from, to: to, reason: reason, actor: Actor(state.operatorName, reason: reason))
                state.message = ScreenMessage.suspended(code: code, from: from, to: to, cancelled: ids.count).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try loadCard(code)
            try load(state.date)
        case let .closePerson(code, day, reason, note):
            do {
                let ids = try store.closeBeneficiary(code, on: day, reason: reason, note: note,
                                                     actor: Actor(state.operatorName, reason: note.map { "\(reason.rawValue): \($0)" } ?? reason.rawValue))
                state.message = ScreenMessage.closed(code: code, on: day, reason: reason, cancelled: ids.count).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try loadCard(code)
            try load(state.date)
        case let .cancel(trip, version):
            do {
                _ = try store.cancel(trip: trip, expectedVersion: version, actor: Actor(state.operatorName, reason: "cancelled on the screen"))
                state.message = ScreenMessage.cancelledTrip(trip).text(state.language)
            } catch let error as StoreError {
                state.message = Self.screenText(error, state.language)
            }
            try load(state.date)
        }
        return true
    }

    /// The people matching what is typed in the new-request form's beneficiary field.
    private func findPeople(_ text: String) throws {
        guard state.form != nil else { return }
        let day = LocalDate(state.form!.value(.date)) ?? state.date
        let found = try store.findBeneficiaries(text, on: day, limit: 5)
        // Built apart, then stored: the closure reads the state, which the assignment would hold.
        let language = state.language
        let matches = try found.map { summary in
            let person = try store.beneficiary(summary.code)
            let authorisation = person?.authorisation(on: day) ?? person?.currentAuthorisation
            return PersonMatch(code: summary.code, name: "\(summary.surname) \(summary.name)".trimmingCharacters(in: .whitespaces),
                               status: Labels.personStatus(summary.effectiveStatus, language), needs: summary.needs,
                               authorisation: ScreenMessage.authorisedUntil(authorisation).text(language))
        }
        state.form?.matches = matches
    }

    /// Registers a person from the *nuovo beneficiario* form, through the same checks as the import.
    private func registerPerson(_ fields: [String: String]) throws {
        guard var form = state.personForm else { return }
        let language = state.language
        switch BeneficiaryImport(comuni: registry.comuni, today: store.today()).entry(fields) {
        case .failure(let refusal):
            for problem in refusal.problems {
                if let field = PersonFormState.Field(rawValue: problem.field) { form.errors[field] = problem.text(language, RemedyHint.render(language)) }
            }
            state.personForm = form
            state.message = ScreenLabel.personNotRegistered.text(language)
        case .success(let entry):
            if let code = try store.beneficiaryCode(codiceFiscale: entry.personal.codiceFiscale) {
                form.errors[.codice_fiscale] = ScreenMessage.alreadyRegisteredAs(code).text(language)
                state.personForm = form
                state.message = ScreenMessage.alreadyRegistered(code).text(language)
                return
            }
            let outcome = try store.importBeneficiaries([entry], comuneNames: comuneNames,
                                                        actor: Actor(state.operatorName, reason: "registered on the screen"))
            let code = outcome.added[0]
            state.personForm = nil
            state.screen = .card(code)
            state.message = ScreenMessage.registered(code: code, from: entry.authorisation.validFrom, until: entry.authorisation.validUntil)
                .text(state.language)
            try loadCard(code)
        }
    }

    /// A beneficiary's card: status, authorisation, next trips, history.
    private func loadCard(_ code: String) throws {
        guard let file = try store.beneficiaryFile(code) else {
            state.card = nil
            state.screen = .board
            state.message = ScreenMessage.noBeneficiary(code).text(state.language)
            return
        }
        let today = store.today()
        let person = file.beneficiary
        let next = try store.personTrips(code, from: today).filter { [.pending, .assigned, .unassignable].contains($0.trip.status) }.prefix(8)
        // Built apart, then stored: the name reads the state's language.
        let erased = ScreenMessage.personalDataErased.text(state.language)
        state.card = PersonCard(
            code: code,
            name: file.personal?.fullName ?? (file.erasedOn != nil ? erased : file.legacyName ?? ""),
            status: person.effectiveStatus(on: today), expiredOn: person.authorisationExpiry(on: today), needs: person.needs,
            authorisation: person.authorisation(on: today) ?? person.currentAuthorisation,
            nextTrips: next.map(\.trip), history: file.history)
    }

    /// Checks a form field against the records: a beneficiary's code.
    private func lookup(_ field: RequestFormState.Field, _ text: String) {
        guard var form = state.form else { return }
        let language = state.language
        switch field {
        case .beneficiary:
            if let person = try? store.beneficiary(text.uppercased()) {
                let comune = comuneNames[person.comune] ?? person.comune
                let day = LocalDate(form.value(.date)) ?? state.date
                form.hints[field] = ScreenMessage.beneficiaryHint(
                    comune: comune, status: person.effectiveStatus(on: day), needs: person.needs, activeFrom: person.activatedOn,
                    closedOn: person.closedOn, authorisation: person.authorisation(on: day), hasAuthorisations: !person.authorisations.isEmpty,
                    day: day).text(language)
            } else {
                form.errors[field] = ScreenLabel.unknownCode.text(language)
                state.message = ScreenMessage.noBeneficiaryWithCode(text).text(language)
            }
        default:
            // Da and A are checked on the screen itself, against the registry's places (`PlaceBook`).
            break
        }
        state.form = form
    }

    /// Registers the form's request through the same checks as `centrale request add`.
    private func submit(_ form: RequestFormState) throws {
        var form = form
        let language = state.language
        let date = LocalDate(form.value(.date))!
        let recurrence = form.value(.repeatDays).isEmpty ? nil
            : Recurrence.weekdays(parsing: form.value(.repeatDays)).map { Recurrence(weekdays: $0, until: LocalDate(form.value(.until))!) }
        if !form.value(.repeatDays).isEmpty && recurrence == nil {
            form.errors[.repeatDays] = ScreenLabel.weekdaysFormat.text(language)
            state.form = form
            return
        }
        let spec = { (text: String) in StopSpec(parsing: text == "casa" ? "home" : text) }
        let request = RequestForm(beneficiary: form.value(.beneficiary).uppercased(), date: date, recurrence: recurrence,
                                  appointment: LocalTime(form.value(.time))!, returnAt: LocalTime(form.value(.returnAt)),
                                  from: spec(form.value(.from)), to: spec(form.value(.to)), purpose: form.purpose ?? .visit)
        do {
            let trips = try RequestIntake(places: registry.places, comuni: registry.comuni, convention: registry.convention)
                .trips(for: request, beneficiary: try store.beneficiary(request.beneficiary), home: try store.home(of: request.beneficiary),
                       homeApproximate: try store.homeIsApproximate(request.beneficiary), existing: try store.trips(of: request.beneficiary, from: date, through: max(date, recurrence?.until ?? date)))
            let ids = try store.addRequests(trips, estimator: registry.convention.distanceEstimator,
                                            actor: Actor(state.operatorName, reason: "request taken on the screen")).flatMap { $0 }
            state.form = nil
            state.screen = .board
            state.message = ScreenMessage.requestRegistered(ids).text(language)
            try load(state.date)
        } catch let refusal as IntakeRefusal {
            let fields: [String: RequestFormState.Field] = ["beneficiary": .beneficiary, "date": .date, "from": .from, "to": .to,
                                                             "return": .returnAt, "repeat": .repeatDays, "until": .until,
                                                             "time": .time, "purpose": .purpose]
            for problem in refusal.problems { form.errors[fields[problem.field] ?? .beneficiary] = problem.text(language, RemedyHint.render(language)) }
            state.form = form
            state.message = ScreenLabel.requestRefused.text(language)
        }
    }

    func load(_ date: LocalDate) throws {
        let records = try store.tripRecords(on: date)
        var planned: [Int64: String] = [:]
        for stored in try store.acceptedPlans(on: date) {
            for vehicle in stored.plan.vehicles {
                for stop in vehicle.stops where stop.kind == .pickup { planned[stop.tripID] = "\(vehicle.plate) \(stop.time)" }
            }
        }
        let warnings = try store.availabilityWarnings(on: date)
        state.reload(records.map { record in
            let trip = DispatchTrip(record.trip, zone: zone)
            return BoardRow(trip: record.trip, association: record.assignment?.association, version: record.version,
                            comune: comuneNames[trip.serviceComune] ?? trip.serviceComune, planned: planned[record.trip.id],
                            warning: warnings[record.trip.id])
        })
        fingerprint = try store.dayFingerprint(date)
    }

    /// Reloads the board when someone else changed the day's trips or accepted a plan.
    func refreshIfChanged() {
        guard let now = try? store.dayFingerprint(state.date), now != fingerprint else { return }
        try? load(state.date)
    }

    /// A store refusal as the screen says it, in `language`.
    static func screenText(_ error: StoreError, _ language: Language = .it) -> String {
        if case let .changedMeanwhile(trip, _, _) = error {
            return ScreenMessage.changedMeanwhile(trip: trip).text(language)
        }
        return RemedyHint.message(error, language)
    }
}
