import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// The screens that list the day: the associations' loads, the evening call list, the shared-ride plans.
extension Layout {
    static func associations(_ s: TUIState, rows: Int) -> [Line] {
        let language = s.language
        let shown = max(rows - 2, 1)
        let top = min(s.listTop, max(s.associationLoads.count - shown, 0))
        let more = s.associationLoads.count > shown
            ? ScreenMessage.listRange(first: top + 1, last: min(top + shown, s.associationLoads.count), count: s.associationLoads.count).text(language) : ""
        // The headers start where their columns do (9 + 1, 17 + 1, 16 + 1 characters).
        let header = pad(ScreenLabel.columnAssociation.text(language), 10) + pad(ScreenLabel.columnToday.text(language), 18)
            + pad(ScreenLabel.columnMonthShare.text(language), 17) + ScreenLabel.columnConvention.text(language)
        var lines: [Line] = [[Span(header + more, .header)]]
        for row in s.associationLoads.dropFirst(top).prefix(shown) {
            let full = row.today >= row.capacity
            let deviation = row.conventionShare > 0 ? Double(row.monthShare) / Double(row.conventionShare) - 1 : 0
            let text = pad(row.code, 9) + " " + pad("\(row.today) / \(row.capacity)", 17) + " "
                + pad(Labels.percent(row.monthShare, language), 16) + " "
                + Labels.percent(row.conventionShare, language)
            lines.append([Span(text, full || abs(deviation) > 0.1 ? .message : .normal)])
        }
        return lines
    }

    /// The call list: time, trip, person (code, name, phone), association, confirmation; the
    /// trips not confirmed stand out, and the title counts them.
    static func calls(_ s: TUIState, _ day: LocalDate, width: Int, rows: Int) -> [Line] {
        let language = s.language
        let open = s.calls.reduce(0) { $0 + $1.unconfirmed }
        let trips = s.calls.reduce(0) { $0 + $1.trips }
        let shown = max(rows - 2, 1)  // the title and the columns' header take two lines
        let top = min(s.listTop, max(s.calls.count - shown, 0))
        let more = s.calls.count > shown
            ? ScreenMessage.listRange(first: top + 1, last: min(top + shown, s.calls.count), count: s.calls.count).text(language) : ""
        var lines: [Line] = [[Span(ScreenMessage.callsTitle(day: day, trips: trips, open: open).text(language) + more, .header)]]
        guard !s.calls.isEmpty else {
            lines.append([Span(ScreenLabel.noCallTrips.text(language), .dim)])
            return lines
        }
        // One line per person. SALITA (the pickup, then the return's) BENEF. NOME TELEFONO
        // ASSOC. CONFERMA: the name takes what the width leaves.
        let fixed = 15 + 1 + 7 + 16 + 1 + 8 + 1 + 15
        let name = min(max(width - fixed - 1, 8), 40)
        lines.append([Span(pad(ScreenLabel.columnPickup.text(language), 16) + pad(ScreenLabel.columnBeneficiary.text(language), 7)
                           + pad(ScreenLabel.columnName.text(language), name + 1) + pad(ScreenLabel.columnPhone.text(language), 17)
                           + pad(ScreenLabel.columnAssociation.text(language), 9) + ScreenLabel.columnConfirmation.text(language), .header)])
        for row in s.calls.dropFirst(top).prefix(shown) {
            let times = row.time.description
                + (row.later.isEmpty ? "" : ScreenLabel.returnPickups.text(language) + row.later.map(\.description).joined(separator: ","))
            // Two associations (out with one, back with another) read `MIS-SIG+` when both do not fit.
            let association = row.association ?? "-"
            let shownAssociation = association.count <= 8 ? association : String(association.prefix { $0 != "/" }.prefix(7)) + "+"
            let text = pad(String(times.prefix(15)), 16) + pad(row.beneficiary, 7) + pad(String(row.name.prefix(name)), name + 1)
                + pad(String(row.phone.prefix(16)), 17) + pad(shownAssociation, 9)
                + (row.confirmation ?? (row.unassigned > 0 ? ScreenLabel.toAssign : .toConfirm).text(language))
            lines.append([Span(String(text.prefix(width)), row.confirmation == nil ? .message : .normal)])
        }
        return lines
    }

    static func plans(_ s: TUIState, rows: Int) -> [Line] {
        let language = s.language
        let proposals = s.plans.filter(\.proposal).count
        let title = ScreenMessage.plansTitle(date: s.date, proposals: proposals).text(language)
        let position = s.plans.count > 1 ? ScreenMessage.listPosition(s.planSelected + 1, count: s.plans.count).text(language) : ""
        var header: [Line] = [[Span(title + position, .header)]]
        if s.plans.isEmpty {
            header.append([Span(ScreenLabel.noPlans.text(language), .dim)])
            return header
        }
        // Each association's block; the window scrolls so that the chosen one is seen whole.
        var blocks: [[Line]] = []
        for (index, entry) in s.plans.enumerated() {
            let plan = entry.plan
            let chosen = index == s.planSelected
            let summary = (chosen ? "▶ " : "  ") + ScreenMessage.planSummary(plan).text(language)
            var block: [Line] = [[Span(summary, chosen ? .selected : .header)]
                                  + [Span((entry.proposal ? ScreenLabel.proposed : .accepted).text(language), .dim)]
                                  + (entry.stale ? [Span(ScreenLabel.planStale.text(language), .message)] : [])]
            for vehicle in plan.vehicles {
                let stops = vehicle.stops.map { "\($0.time) \($0.kind == .pickup ? "↑" : "↓")\($0.tripID)" }.joined(separator: " ")
                block.append([Span("    \(pad(vehicle.plate, 8)) \(vehicle.departure)–\(vehicle.arrival) \(Labels.km(vehicle.distance, language)) km  "), Span(stops, .dim)])
            }
            if !plan.solo.isEmpty {
                block.append([Span(ScreenMessage.planSolo(plan.solo.map(\.tripID)).text(language), .dim)])
            }
            blocks.append(block)
        }
        let room = max(rows - header.count, 1)
        var start = 0
        // Back from the chosen block while the chosen block still fits.
        var used = blocks[min(s.planSelected, blocks.count - 1)].count
        start = min(s.planSelected, blocks.count - 1)
        while start > 0, used + blocks[start - 1].count <= room / 2 + 1 { start -= 1; used += blocks[start].count }
        return header + Array(blocks[start...].joined().prefix(room))
    }
}
