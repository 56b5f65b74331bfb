import CentraleDomain
import CentraleReport
import CentraleTariffs
import GRDB

extension Store {
    /// The report's input for a month: every trip from January of the year before to the end of
    /// the month (codes and figures only, no personal data), the beneficiaries' dates, and the
    /// euros reimbursed per month as the sum of the month's statements (frozen totals for closed
    /// months). Also the month's total per association.
    public func reportInput(month: YearMonth) throws -> (input: ReportInput, associationTotals: [String: Money]) {
        let registry = try self.registry()
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        let first = YearMonth(year: month.year - 1, month: 1)!
        return try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT trip.id, trip.date, trip.status, trip.status_reason, trip.purpose, trip.leg, trip.dest_place, trip.dest_comune,
                       trip.pickup_comune, trip.beneficiary, assignment.association, trip_log.driven_m, trip_log.estimated_m, trip_log.km_flag,
                       trip.appointment, trip_log.picked_up_at, trip_log.dropped_off_at
                FROM trip LEFT JOIN assignment ON assignment.trip = trip.id LEFT JOIN trip_log ON trip_log.trip = trip.id
                WHERE trip.date BETWEEN ? AND ?
                """, arguments: [first.firstDay.description, month.lastDay.description])
            let facts = rows.map { row -> TripFact in
                let pickupComune: String = row[8], destinationComune: String = row[7]
                return TripFact(id: row[0], date: LocalDate(row[1] as String)!, status: TripStatus(rawValue: row[2]) ?? .pending, reason: row[3],
                                purpose: TripPurpose(rawValue: row[4]) ?? .visit, leg: TripLeg(rawValue: row[5]) ?? .outbound,
                                destination: (row[6] as String?) ?? destinationComune,
                                serviceComune: zone.contains(pickupComune) || !zone.contains(destinationComune) ? pickupComune : destinationComune,
                                beneficiary: row[9], association: row[10], driven: row[11], estimated: row[12], flag: row[13],
                                appointment: row[14], pickedUp: row[15], droppedOff: row[16])
            }
            let beneficiaries = try Row.fetchAll(db, sql: "SELECT code, comune, needs, activated_on, closed_on, referred_by FROM beneficiary")
                .map(Beneficiary.init(row:))
            var reimbursed: [YearMonth: Money] = [:]
            var cursor = first
            while cursor <= month {
                if let total = try Int.fetchOne(db, sql: "SELECT total_cents FROM closed_month WHERE month = ?", arguments: [cursor.description]) {
                    reimbursed[cursor] = Money(cents: total)
                } else if try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM trip_log JOIN trip ON trip.id = trip_log.trip WHERE trip.date BETWEEN ? AND ? LIMIT 1
                    """, arguments: [cursor.firstDay.description, cursor.lastDay.description]) == true
                    || (try Bool.fetchOne(db, sql: "SELECT 1 FROM adjustment WHERE applied_month = ? LIMIT 1", arguments: [cursor.description])) == true {
                    reimbursed[cursor] = try registry.associations.reduce(Money.zero) {
                        $0 + (try Self.computeStatement(db, registry: registry, association: $1.code, month: cursor)).total
                    }
                }
                cursor = cursor.next
            }
            var totals: [String: Money] = [:]
            let frozen = try Row.fetchAll(db, sql: "SELECT association, total_cents FROM statement_snapshot WHERE month = ?", arguments: [month.description])
            if frozen.isEmpty {
                for association in registry.associations {
                    totals[association.code] = try Self.computeStatement(db, registry: registry, association: association.code, month: month).total
                }
            } else {
                for row in frozen { totals[row[0]] = Money(cents: row[1]) }
            }
            let input = ReportInput(month: month, facts: facts, beneficiaries: beneficiaries, comuni: registry.comuni,
                                    associations: registry.associations, reimbursed: reimbursed,
                                    placeNames: Dictionary(uniqueKeysWithValues: registry.places.map { ($0.code, $0.name) }))
            return (input, totals)
        }
    }
}
