import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// The screens that list the day: the associations' loads, the evening call list, the shared-ride plans.
extension Layout {
    static func associations(_ s: TUIState, rows: Int) -> [Line] {
        let shown = max(rows - 2, 1)
        let top = min(s.listTop, max(s.associationLoads.count - shown, 0))
        let more = s.associationLoads.count > shown
            ? "  (\(top + 1)–\(min(top + shown, s.associationLoads.count)) di \(s.associationLoads.count))" : ""
        var lines: [Line] = [[Span("ASSOC.    OGGI / CAPACITÀ   QUOTA DEL MESE   CONVENZIONE" + more, .header)]]
        for row in s.associationLoads.dropFirst(top).prefix(shown) {
            let full = row.today >= row.capacity
            let deviation = row.conventionShare > 0 ? Double(row.monthShare) / Double(row.conventionShare) - 1 : 0
            let text = pad(row.code, 9) + " " + pad("\(row.today) / \(row.capacity)", 17) + " "
                + pad(BasisPoints.percentText(row.monthShare, form: .italian) + " %", 16) + " "
                + BasisPoints.percentText(row.conventionShare, form: .italian) + " %"
            lines.append([Span(text, full || abs(deviation) > 0.1 ? .message : .normal)])
        }
        return lines
    }

    /// The call list: time, trip, person (code, name, phone), association, confirmation; the
    /// trips not confirmed stand out, and the title counts them.
    static func calls(_ s: TUIState, _ day: LocalDate, width: Int, rows: Int) -> [Line] {
        let open = s.calls.reduce(0) { $0 + $1.unconfirmed }
        let trips = s.calls.reduce(0) { $0 + $1.trips }
        let shown = max(rows - 2, 1)  // the title and the columns' header take two lines
        let top = min(s.listTop, max(s.calls.count - shown, 0))
        let more = s.calls.count > shown ? "  (\(top + 1)–\(min(top + shown, s.calls.count)) di \(s.calls.count))" : ""
        var lines: [Line] = [[Span("Promemoria \(Labels.day(day, s.language)): \(trips) \(trips == 1 ? "servizio" : "servizi"), "
                                   + "\(open) da confermare" + more, .header)]]
        guard !s.calls.isEmpty else {
            lines.append([Span("Nessun servizio da fare in quel giorno.", .dim)])
            return lines
        }
        // One line per person. SALITA (the pickup, then the return's) BENEF. NOME TELEFONO
        // ASSOC. CONFERMA: the name takes what the width leaves.
        let fixed = 15 + 1 + 7 + 16 + 1 + 8 + 1 + 15
        let name = min(max(width - fixed - 1, 8), 40)
        lines.append([Span(pad("SALITA", 16) + pad("BENEF.", 7) + pad("NOME", name + 1) + pad("TELEFONO", 17) + pad("ASSOC.", 9)
                           + "CONFERMA", .header)])
        for row in s.calls.dropFirst(top).prefix(shown) {
            let times = row.time.description + (row.later.isEmpty ? "" : " rit." + row.later.map(\.description).joined(separator: ","))
            // Two associations (out with one, back with another) read `MIS-SIG+` when both do not fit.
            let association = row.association ?? "-"
            let shownAssociation = association.count <= 8 ? association : String(association.prefix { $0 != "/" }.prefix(7)) + "+"
            let text = pad(String(times.prefix(15)), 16) + pad(row.beneficiary, 7) + pad(String(row.name.prefix(name)), name + 1)
                + pad(String(row.phone.prefix(16)), 17) + pad(shownAssociation, 9)
                + (row.confirmation ?? (row.unassigned > 0 ? "da assegnare" : "da confermare"))
            lines.append([Span(String(text.prefix(width)), row.confirmation == nil ? .message : .normal)])
        }
        return lines
    }

    static func plans(_ s: TUIState, rows: Int) -> [Line] {
        let proposals = s.plans.filter(\.proposal).count
        let title = ScreenMessage.plansTitle(date: s.date, proposals: proposals).text(s.language)
        var header: [Line] = [[Span(title + (s.plans.count > 1 ? "  (\(s.planSelected + 1) di \(s.plans.count))" : ""), .header)]]
        if s.plans.isEmpty {
            header.append([Span("Nessun giro accettato per questo giorno: p li propone.", .dim)])
            return header
        }
        // Each association's block; the window scrolls so that the chosen one is seen whole.
        var blocks: [[Line]] = []
        for (index, entry) in s.plans.enumerated() {
            let plan = entry.plan
            let chosen = index == s.planSelected
            var block: [Line] = [[Span((chosen ? "▶ " : "  ") + "\(plan.association): \(plan.tripCount) \(plan.tripCount == 1 ? "servizio" : "servizi"), \({ $0 == 1 ? "1 mezzo" : "\($0) mezzi" }(Set(plan.vehicles.map(\.plate)).count)), "
                                       + "\(plan.plannedDistance.kilometresText(.italian)) km invece di \(plan.baselineDistance.kilometresText(.italian)) "
                                       + "(risparmio \(plan.savedDistance.kilometresText(.italian)) km, \(plan.saving.text(.italian)) €)", chosen ? .selected : .header)]
                                  + [Span(entry.proposal ? "  proposta" : "  accettato", .dim)]
                                  + (entry.stale ? [Span("  da rifare: i servizi assegnati sono cambiati", .message)] : [])]
            for vehicle in plan.vehicles {
                let stops = vehicle.stops.map { "\($0.time) \($0.kind == .pickup ? "↑" : "↓")\($0.tripID)" }.joined(separator: " ")
                block.append([Span("    \(pad(vehicle.plate, 8)) \(vehicle.departure)–\(vehicle.arrival) \(vehicle.distance.kilometresText(.italian)) km  "), Span(stops, .dim)])
            }
            if !plan.solo.isEmpty {
                block.append([Span("    da soli: " + plan.solo.map { String($0.tripID) }.joined(separator: " "), .dim)])
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
