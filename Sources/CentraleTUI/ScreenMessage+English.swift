import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// `ScreenMessage` in English (the Italian, the default, is beside the cases).
extension ScreenMessage {
    public var english: String {
        let en = Language.en
        switch self {
        case let .dispatched(assigned, unassignable, stale):
            return "Dispatch: \(Self.assignedTrips.count(assigned, en)), \(Self.unassignableTrips.count(unassignable, en))"
                + (stale == 0 ? "." : ", \(Self.staleTrips.count(stale, en)).")
        case .noShowMarked(let trip):
            return "Trip \(trip) marked as a no-show; the association will log the km. (u to take it back, today)"
        case .noShowUndone(let trip):
            return "No-show of trip \(trip) taken back: assigned again."
        case let .noShowNotYet(trip, date, appointment, from):
            return "Trip \(trip) of \(Labels.date(date, en)) \(appointment): a no-show can be marked from \(from.map { "\($0)" } ?? "the trip's time") that day."
        case let .undoNoShowSameDayOnly(trip, date):
            return "The no-show of trip \(trip) can be taken back on its day only (\(Labels.date(date, en)))."
        case let .suspended(code, from, to, cancelled):
            return "\(code) suspended from \(Labels.date(from, en)) to \(Labels.date(to, en)): \(Self.cancelledTrips.count(cancelled, en))."
        case let .closed(code, on, reason, cancelled):
            return "\(code) closed on \(Labels.date(on, en)) (\(Labels.closingReason(reason, en))): \(Self.cancelledTrips.count(cancelled, en))."
        case let .registered(code, from, until):
            return "Registered \(code): active from \(Labels.date(from, en)) to \(Labels.date(until, en))."
        case .suspendAsk(let code):
            return "Suspend \(code): FROM TO REASON, Enter to confirm, Esc to cancel, Ctrl-U clears"
        case .suspendUsage:
            return "Type: FROM TO REASON, e.g. 2025-03-10 2025-03-20 hospital stay"
        case let .suspendEndsBeforeStart(from, to):
            return "The suspension would end on \(Labels.date(to, en)), before it begins on \(Labels.date(from, en)): type the first day, then the last"
        case .closeAsk(let code):
            return "Close \(code): LAST-DAY REASON [NOTE] (\(Labels.closingReasons(en)))"
        case .closeUsage:
            return "Type: LAST-DAY REASON [NOTE], e.g. 2025-06-30 moved to Bologna; reason: \(Labels.closingReasons(en))"
        case let .plansTitle(date, proposals):
            return proposals > 0
                ? "Shared rides of \(Labels.day(date, en)): \(proposals) proposal\(proposals == 1 ? "" : "s") not accepted yet"
                : "Accepted shared rides of \(Labels.day(date, en))"
        case let .cardStatus(status, expiredOn):
            return Labels.personStatus(status, en) + (expiredOn.map { " on \(Labels.date($0, en)): renew it" } ?? "")
        case .cardAuthorisation(let authorisation):
            return authorisation.map {
                "\(Labels.purposes($0.purposes, en)), needs \(Labels.needsInFull($0.needs, en)), from \(Labels.date($0.validFrom, en)) to \(Labels.date($0.validUntil, en))"
            } ?? "none"
        case .expiresIn(let days):
            return days < 0 ? "(expired)" : "(expires in \(days) day\(days == 1 ? "" : "s"))"
        case .cardTrip(let trip):
            return Self.tripLine(trip, en)
        case .cardHistory(let change):
            return Self.historyLine(change, en)
        case .personalDataErased:
            return "(personal data erased)"
        case .authorisedUntil(let authorisation):
            return authorisation.map { "\(Labels.purposes($0.purposes, en)) until \(Labels.date($0.validUntil, en))" } ?? "none"
        case let .beneficiaryHint(comune, status, needs, activeFrom, closedOn, authorisation, hasAuthorisations, day):
            let authorised = authorisation.map { "; authorised: \(Labels.purposes($0.purposes, en)) until \(Labels.date($0.validUntil, en))" }
                ?? (hasAuthorisations ? "; no authorisation on \(Labels.date(day, en))" : "")
            return "\(comune), \(Labels.personStatus(status, en)), \(Labels.needsInFull(needs, en)), active from \(Labels.date(activeFrom, en))"
                + (closedOn.map { " to \(Labels.date($0, en))" } ?? "") + authorised
        case .placeHome:
            return "the beneficiary's home"
        case .placeAddress:
            return "address with coordinates"
        case .placeApproximate:
            return "address without coordinates: the comune's centre"
        case let .fieldProblem(field, problem):
            return "\(field.name(en)): \(problem)"
        case .correctFields(let fields):
            return "Correct the fields marked: \(fields.map { $0.name(en) }.joined(separator: ", "))."
        case let .boardCounts(trips, pending, unassignable):
            return "\(Plural.trip.count(trips, en)) · \(pending) pending · \(unassignable) unassignable"
        case .toReview(let flagged):
            return " · \(flagged) to review (!)"
        case let .boardCountsShort(trips, pending, unassignable, flagged):
            return "\(trips) trips · \(pending) pend. · \(unassignable) unass. · \(flagged) (!)"
        case .statusFilter(let status):
            return "status: \(Labels.status(status, en))"
        case .searchFilter(let text):
            return "search: \(text)"
        case .filters(let filters):
            return " · filter: " + filters.joined(separator: ", ")
        case .searching(let text):
            return "Search: \(text)▏  (Enter to confirm, Esc to cancel)"
        case let .warning(trip, warning):
            return "! \(trip): \(Labels.warning(warning, en))"
        case .assignTitle(let trip):
            return "Assign trip \(trip.id): \(trip.appointment) \(trip.beneficiary) (\(Labels.needsInFull(trip.needs, en))) "
                + "\(trip.pickup.label) → \(trip.destination.label)"
        case .heldBy(let association):
            return "Now: \(association ?? "no association")"
        case .unassignableBecause(let reason):
            return "Unassignable: \(reason)"
        case let .excluded(rule, codes):
            return "Excluded (\(Labels.rule(rule, en))): " + codes.joined(separator: " ")
        case let .ruleBroken(association, rule):
            return "\(association) \(rule.summary). A forced assignment, with its reason, is made outside this screen."
        case let .assigned(trip, association):
            return "Trip \(trip) assigned to \(association)."
        case .cancelledTrip(let trip):
            return "Trip \(trip) cancelled."
        case .requestRegistered(let ids):
            return "Request registered: \(Plural.trip.count(ids.count, en)) (\(Self.idRange(ids))), pending."
        case .changedMeanwhile(let trip):
            return "Trip \(trip) was changed from another workstation meanwhile: nothing was done. r reloads the board, then try again."
        case .error(let text):
            return "Error: \(text)"
        case let .noShowAsk(beneficiary, trip, appointment):
            return "Mark \(beneficiary) as a no-show, trip \(trip) at \(appointment)? \(ScreenLabel.yesNo.english)"
        case .undoNoShowAsk(let trip):
            return "Take back the no-show of trip \(trip) (assigned again)? \(ScreenLabel.yesNo.english)"
        case let .cancelAsk(trip, appointment, beneficiary):
            return "Cancel trip \(trip) at \(appointment) (\(beneficiary))? \(ScreenLabel.yesNo.english)"
        case .discardRequestAsk:
            return "Leave the request? What you wrote is lost. \(ScreenLabel.yesNo.english)"
        case .discardPersonAsk:
            return "Leave the new beneficiary? What you wrote is lost. \(ScreenLabel.yesNo.english)"
        case let .acceptPlanAsk(association, trips, vehicles, distance):
            return "Accept the rides of \(association): \(Plural.trip.count(trips, en)) on \(Self.vehicles.count(vehicles, en)), "
                + "\(Labels.km(distance, en)) km? \(ScreenLabel.yesNo.english)"
        case let .acceptAllPlansAsk(associations, trips):
            return (associations == 1 ? "Accept the rides of the only association proposed"
                                       : "Accept the rides of all the \(associations) associations proposed")
                + " (\(Plural.trip.count(trips, en)))? \(ScreenLabel.yesNo.english)"
        case let .notAssignableAnyMore(trip, status):
            return "Trip \(trip) is \(Labels.statusName(status, en)): it can no longer be assigned."
        case let .listRange(first, last, count):
            return "  (\(first)–\(last) of \(count))"
        case let .listPosition(index, count):
            return "  (\(index) of \(count))"
        case let .callsTitle(day, trips, open):
            return "Reminders \(Labels.day(day, en)): \(Plural.trip.count(trips, en)), \(open) to confirm"
        case .planSummary(let plan):
            return "\(plan.association): \(Plural.trip.count(plan.tripCount, en)), \(Self.vehicles.count(Set(plan.vehicles.map(\.plate)).count, en)), "
                + "\(Labels.km(plan.plannedDistance, en)) km instead of \(Labels.km(plan.baselineDistance, en)) "
                + "(saving \(Labels.km(plan.savedDistance, en)) km, \(Labels.euros(plan.saving, en)))"
        case .planSolo(let trips):
            return "    on their own: " + trips.map { String($0) }.joined(separator: " ")
        case let .plansProposed(associations, saved):
            return "Proposal: \(Self.associations.count(associations, en)), saving \(Labels.km(saved, en)) km. "
                + "a accepts the chosen one, A all of them (they ask to confirm)."
        case .plansAccepted(let codes):
            return codes.count == 1 ? "Rides of \(codes[0]) accepted." : "Rides accepted for \(codes.count) associations."
        case let .cardTitle(code, name):
            return "Card \(code) · \(name)"
        case .cardNeeds(let needs):
            return "   Needs: \(Labels.needsInFull(needs, en))"
        case .codiceFiscaleCharacter(let position):
            return "character \(position) not allowed"
        case .alreadyRegisteredAs(let code):
            return "already registered as \(code)"
        case .alreadyRegistered(let code):
            return "This person is already registered: \(code)."
        case .noBeneficiary(let code):
            return "No beneficiary \(code)."
        case .noBeneficiaryWithCode(let code):
            return "No beneficiary with the code \(code)."
        }
    }
}
