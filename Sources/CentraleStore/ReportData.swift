import CentraleDomain
import CentraleReport
import CentraleTariffs
import Foundation
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
        // The two years are read concurrently, each on its own connection of the WAL pool.
        let years = [(first.firstDay, YearMonth(year: month.year - 1, month: 12)!.lastDay), (LocalDate(year: month.year, month: 1, day: 1)!, month.lastDay)]
        let parts = ConcurrentResults<[TripFact]>(count: years.count)
        DispatchQueue.concurrentPerform(iterations: years.count) { index in
            parts.set(index, Result { try pool.read { db in try Self.tripFacts(db, from: years[index].0, to: years[index].1, zone: zone) } })
        }
        let facts = try parts.values().flatMap { $0 }
        return try pool.read { db in
            let beneficiaries = try Row.fetchAll(db, sql: "SELECT code, comune, needs, activated_on, closed_on, referred_by FROM beneficiary")
                .map(Beneficiary.init(row:))
            var reimbursed: [YearMonth: Money] = [:]
            var openTotals: [YearMonth: [String: Money]] = [:]
            var current = first
            while current <= month {
                if let total = try Int.fetchOne(db, sql: "SELECT total_cents FROM closed_month WHERE month = ?", arguments: [current.description]) {
                    reimbursed[current] = Money(cents: total)
                } else if try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM trip_log JOIN trip ON trip.id = trip_log.trip WHERE trip.date BETWEEN ? AND ? LIMIT 1
                    """, arguments: [current.firstDay.description, current.lastDay.description]) == true
                    || (try Bool.fetchOne(db, sql: "SELECT 1 FROM adjustment WHERE applied_month = ? LIMIT 1", arguments: [current.description])) == true {
                    let totals = try Self.computeStatements(db, registry: registry, month: current).mapValues(\.total)
                    openTotals[current] = totals
                    reimbursed[current] = totals.values.reduce(Money.zero, +)
                }
                current = current.next
            }
            var totals: [String: Money] = [:]
            let frozen = try Row.fetchAll(db, sql: "SELECT association, total_cents FROM statement_snapshot WHERE month = ?", arguments: [month.description])
            if frozen.isEmpty {
                totals = try openTotals[month] ?? Self.computeStatements(db, registry: registry, month: month).mapValues(\.total)
            } else {
                for row in frozen { totals[row[0]] = Money(cents: row[1]) }
            }
            let input = ReportInput(month: month, facts: facts, beneficiaries: beneficiaries, comuni: registry.comuni,
                                    associations: registry.associations, reimbursed: reimbursed,
                                    placeNames: Dictionary(uniqueKeysWithValues: registry.places.map { ($0.code, $0.name) }))
            return (input, totals)
        }
    }

    /// The report's view of the trips between two days (codes and figures only).
    static func tripFacts(_ db: Database, from: LocalDate, to: LocalDate, zone: Set<String>) throws -> [TripFact] {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT trip.id, trip.date, trip.status, trip.status_reason, trip.purpose, trip.leg, trip.dest_place, trip.dest_comune,
                   trip.pickup_comune, trip.beneficiary, assignment.association, trip_log.driven_m, trip_log.estimated_m, trip_log.km_flag,
                   trip.appointment, trip_log.picked_up_at, trip_log.dropped_off_at
            FROM trip LEFT JOIN assignment ON assignment.trip = trip.id LEFT JOIN trip_log ON trip_log.trip = trip.id
            WHERE trip.date BETWEEN ? AND ?
            """, arguments: [from.description, to.description])
        var facts: [TripFact] = []
        var dates: [String: LocalDate] = [:]
        while let row = try cursor.next() {
            let pickupComune: String = row[8], destinationComune: String = row[7]
            let day: String = row[1]
            let date = dates[day] ?? LocalDate(day)!
            dates[day] = date
            facts.append(TripFact(id: row[0], date: date, status: TripStatus(rawValue: row[2]) ?? .pending, reason: row[3],
                                  purpose: TripPurpose(rawValue: row[4]) ?? .visit, leg: TripLeg(rawValue: row[5]) ?? .outbound,
                                  destination: (row[6] as String?) ?? destinationComune,
                                  serviceComune: zone.contains(pickupComune) || !zone.contains(destinationComune) ? pickupComune : destinationComune,
                                  beneficiary: row[9], association: row[10], driven: row[11], estimated: row[12], flag: row[13],
                                  appointment: row[14], pickedUp: row[15], droppedOff: row[16]))
        }
        return facts
    }
}

/// Results filled in by concurrent workers, read once they are all done.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var results: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, Error>) {
        lock.lock(); defer { lock.unlock() }
        results[index] = result
    }

    /// The values in order, or the first error.
    func values() throws -> [T] { try results.map { try $0!.get() } }
}
