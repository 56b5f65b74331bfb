import CentraleDomain
import CentraleFormats
import CentraleRegistry
import CentraleReport
import CentraleTariffs
import Foundation
import GRDB

extension Store {
    /// The report's input for a month: the month's trips one by one (codes and figures only,
    /// no personal data), the earlier months of this year and the previous year as monthly
    /// totals — frozen with a closed month's report, else totalled by SQLite with the same rules
    /// (see `monthTotals`) — the distinct beneficiaries of both years to date, the beneficiaries'
    /// dates, and the euros reimbursed per month as the sum of the month's statements (frozen
    /// totals for closed months). Also the month's total per association. Read on two
    /// connections at once.
    public func reportInput(month: YearMonth) throws -> (input: ReportInput, associationTotals: [String: Money]) {
        let registry = try self.registry()
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        let thisMonth = ConcurrentResults<([TripFact], Int)>(count: 1)
        let earlier = ConcurrentResults<([YearMonth: MonthTotals], Int)>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                thisMonth.set(0, Result { try pool.read { db in
                    (try Self.tripFacts(db, from: month.firstDay, to: month.lastDay, zone: zone),
                     try Self.distinctBeneficiaries(db, from: YearMonth(year: month.year, month: 1)!.firstDay, to: month.lastDay))
                } })
            } else {
                earlier.set(0, Result { try pool.read { db in
                    (try Self.earlierMonthTotals(db, before: month),
                     try Self.distinctBeneficiaries(db, from: YearMonth(year: month.year - 1, month: 1)!.firstDay,
                                                    to: YearMonth(year: month.year - 1, month: month.month)!.lastDay))
                } })
            }
        }
        let (facts, yearToDate) = try thisMonth.values()[0]
        let (monthTotals, lastYearToDate) = try earlier.values()[0]
        return try pool.read { db in
            try Self.assembleReportInput(db, registry: registry, month: month, facts: facts, monthTotals: monthTotals,
                                         lastYearToDate: lastYearToDate, yearToDate: yearToDate)
        }
    }

    /// The report's input read on one connection, inside the caller's transaction (closing a month).
    static func reportInput(_ db: Database, registry: Registry, month: YearMonth) throws -> (input: ReportInput, associationTotals: [String: Money]) {
        let zone = Set(registry.zoneComuni.map(\.istatCode))
        let facts = try tripFacts(db, from: month.firstDay, to: month.lastDay, zone: zone)
        let yearToDate = try distinctBeneficiaries(db, from: YearMonth(year: month.year, month: 1)!.firstDay, to: month.lastDay)
        let lastYearToDate = try distinctBeneficiaries(db, from: YearMonth(year: month.year - 1, month: 1)!.firstDay,
                                                       to: YearMonth(year: month.year - 1, month: month.month)!.lastDay)
        return try assembleReportInput(db, registry: registry, month: month, facts: facts, monthTotals: try earlierMonthTotals(db, before: month),
                                       lastYearToDate: lastYearToDate, yearToDate: yearToDate)
    }

    /// The totals of the months from January of the previous year to the month before `month`:
    /// a closed month's frozen with its report, the others (and months closed before reports
    /// were frozen) totalled by SQLite. Months without trips are left out.
    static func earlierMonthTotals(_ db: Database, before month: YearMonth) throws -> [YearMonth: MonthTotals] {
        let first = YearMonth(year: month.year - 1, month: 1)!
        var result: [YearMonth: MonthTotals] = [:]
        struct Frozen: Decodable { var totals: MonthTotals? }
        let decoder = JSONDecoder()
        for row in try Row.fetchAll(db, sql: "SELECT month, json FROM report_snapshot WHERE month >= ? AND month < ?",
                                    arguments: [first.description, month.description]) {
            if let totals = try decoder.decode(Frozen.self, from: Data((row[1] as String).utf8)).totals, let key = YearMonth(row[0] as String) {
                result[key] = totals
            }
        }
        var missing: [YearMonth] = []
        var cursor = first
        while cursor < month { if result[cursor] == nil { missing.append(cursor) }; cursor = cursor.next }
        if let from = missing.first, let to = missing.last {
            let computed = try monthTotals(db, from: from.firstDay, to: to.lastDay)
            for key in missing { result[key] = computed[key] }
        }
        return result.filter { $0.value.requested > 0 }
    }

    /// The rest of the report's input: beneficiaries, euros per month, shared rides, the
    /// month's total per association.
    static func assembleReportInput(_ db: Database, registry: Registry, month: YearMonth, facts: [TripFact],
                                    monthTotals: [YearMonth: MonthTotals], lastYearToDate: Int, yearToDate: Int) throws -> (input: ReportInput, associationTotals: [String: Money]) {
        let first = YearMonth(year: month.year - 1, month: 1)!
        let beneficiaries = try Self.allBeneficiaries(db)
        var lastTrips: [String: LocalDate] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT beneficiary, MAX(date) FROM trip INDEXED BY trip_date
            WHERE date > ? AND date <= ? AND status NOT IN ('cancelled', 'unassignable') GROUP BY beneficiary
            """, arguments: [month.lastDay.adding(days: -ReportInput.withoutTripDays).description, month.lastDay.description]) {
            lastTrips[row[0]] = LocalDate(row[1] as String)
        }
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
        let plans = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(planned_m), 0), COALESCE(SUM(baseline_m), 0), COALESCE(SUM(saving_cents), 0),
              (SELECT COUNT(*) FROM plan_trip JOIN plan ON plan.id = plan_trip.plan WHERE plan.date BETWEEN ? AND ?)
            FROM plan WHERE date BETWEEN ? AND ?
            """, arguments: [month.firstDay.description, month.lastDay.description, month.firstDay.description, month.lastDay.description])
        let sharedRides = SharedRides(plans: plans?[0] ?? 0, plannedTrips: plans?[4] ?? 0, plannedMetres: plans?[1] ?? 0,
                                      baselineMetres: plans?[2] ?? 0, savingCents: plans?[3] ?? 0)
        var totals: [String: Money] = [:]
        let frozen = try Row.fetchAll(db, sql: "SELECT association, total_cents FROM statement_snapshot WHERE month = ?", arguments: [month.description])
        if frozen.isEmpty {
            totals = try openTotals[month] ?? Self.computeStatements(db, registry: registry, month: month).mapValues(\.total)
        } else {
            for row in frozen { totals[row[0]] = Money(cents: row[1]) }
        }
        var input = ReportInput(month: month, facts: facts, beneficiaries: beneficiaries, comuni: registry.comuni,
                                associations: registry.associations, reimbursed: reimbursed,
                                placeNames: Dictionary(uniqueKeysWithValues: registry.places.map { ($0.code, $0.name) }),
                                monthTotals: monthTotals,
                                lastYearToDateBeneficiaries: monthTotals.keys.contains { $0.year == month.year - 1 } ? lastYearToDate : nil,
                                yearToDateBeneficiaries: yearToDate, sharedRides: sharedRides)
        input.lastTrips = lastTrips
        return (input, totals)
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
            guard let date = dates[day] ?? LocalDate(day) else { throw StoreError.refused(.database(.damagedTripDate(trip: row[0] as Int64, date: day))) }
            dates[day] = date
            // By position (a year of rows), but a stored value that is not valid throws.
            facts.append(TripFact(id: row[0], date: date, status: try row.decode(atIndex: 2), reason: row[3],
                                  purpose: try row.decode(atIndex: 4), leg: try row.decode(atIndex: 5),
                                  destination: (row[6] as String?) ?? destinationComune,
                                  serviceComune: TripRequest.serviceComune(pickup: pickupComune, destination: destinationComune, zone: zone),
                                  beneficiary: row[9], association: row[10], driven: row[11], estimated: row[12], flag: row[13],
                                  appointment: row[14], pickedUp: row[15], droppedOff: row[16]))
        }
        return facts
    }

    /// Monthly totals of the trips between two days, computed in SQL with the same rules as
    /// the report applies to single trips.
    static func monthTotals(_ db: Database, from: LocalDate, to: LocalDate) throws -> [YearMonth: MonthTotals] {
        var result: [YearMonth: MonthTotals] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT substr(trip.date, 1, 7),
              COUNT(*),
              SUM(assignment.association IS NOT NULL AND trip.status NOT IN ('unassignable', 'pending')),
              SUM(trip.status = 'done'), SUM(trip.status = 'no_show'), SUM(trip.status = 'cancelled'), SUM(trip.status = 'unassignable'),
              COUNT(trip_log.trip), COALESCE(SUM(trip_log.driven_m), 0), COALESCE(SUM(trip_log.estimated_m), 0), COUNT(trip_log.km_flag),
              COUNT(DISTINCT CASE WHEN trip.status NOT IN ('cancelled', 'unassignable') THEN trip.beneficiary END),
              SUM(trip.status = 'done' AND ((trip.leg = 'outbound' AND trip_log.dropped_off_at IS NOT NULL)
                                            OR (trip.leg = 'return' AND trip_log.picked_up_at IS NOT NULL))),
              SUM(trip.status = 'done' AND ((trip.leg = 'outbound' AND trip_log.dropped_off_at <= trip.appointment)
                                            OR (trip.leg = 'return' AND trip_log.picked_up_at <= trip.appointment + 15)))
            FROM trip LEFT JOIN assignment ON assignment.trip = trip.id LEFT JOIN trip_log ON trip_log.trip = trip.id
            WHERE trip.date BETWEEN ? AND ? GROUP BY 1
            """, arguments: [from.description, to.description]) {
            var t = MonthTotals()
            t.requested = row[1]; t.assigned = row[2]; t.done = row[3]; t.noShow = row[4]; t.cancelled = row[5]; t.unassignable = row[6]
            t.logged = row[7]; t.loggedMetres = row[8]; t.estimatedMetres = row[9]; t.flagged = row[10]; t.beneficiaries = row[11]
            t.timed = row[12]; t.onTime = row[13]
            result[try row.decode(YearMonth.self, atIndex: 0)] = t
        }
        return result
    }

    /// Distinct beneficiaries served (not cancelled or unassignable) between two days.
    static func distinctBeneficiaries(_ db: Database, from: LocalDate, to: LocalDate) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(DISTINCT beneficiary) FROM trip WHERE date BETWEEN ? AND ? AND status NOT IN ('cancelled', 'unassignable')
            """, arguments: [from.description, to.description]) ?? 0
    }
}

/// A closed month's report as frozen at its closing: a versioned envelope of the report's
/// figures, stored as JSON (sorted keys) with its SHA-256 in `report_snapshot`.
struct FrozenReport: Codable {
    /// The envelope's format (1: `MonitoringReport` as it is, and the month's totals).
    static let currentVersion = 1
    var version: Int
    var report: MonitoringReport
    /// The month's trip totals, so that later reports take this month from here.
    var totals: MonthTotals?
}

extension Store {
    /// The monitoring report of a month: for a closed month the report frozen at its closing
    /// (so every rendering is byte-identical, whatever changes later), else computed.
    public func report(month: YearMonth) throws -> MonitoringReport {
        if let frozen = try pool.read({ db in
            try String.fetchOne(db, sql: "SELECT json FROM report_snapshot WHERE month = ?", arguments: [month.description])
        }) {
            return try JSONDecoder().decode(FrozenReport.self, from: Data(frozen.utf8)).report
        }
        let (input, totals) = try reportInput(month: month)
        return ReportBuilder.build(input, associationTotals: totals)
    }

    /// Computes the month's report inside the closing's transaction and stores it frozen;
    /// returns its checksum.
    static func freezeReport(_ db: Database, registry: Registry, month: YearMonth) throws -> String {
        let (input, totals) = try reportInput(db, registry: registry, month: month)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(FrozenReport(version: FrozenReport.currentVersion,
                                                                    report: ReportBuilder.build(input, associationTotals: totals),
                                                                    totals: ReportBuilder.totals(of: input.facts))), as: UTF8.self)
        let digest = SHA256.hex(of: json)
        try db.execute(sql: "INSERT INTO report_snapshot(month, version, json, sha256) VALUES (?, ?, ?, ?)",
                       arguments: [month.description, FrozenReport.currentVersion, json, digest])
        return digest
    }
}

/// Results filled in by concurrent workers, read once they are all done.
public final class ConcurrentResults<T>: @unchecked Sendable {
    private var results: [Result<T, Error>?]
    private let lock = NSLock()

    /// Room for `count` results.
    public init(count: Int) { results = Array(repeating: nil, count: count) }

    /// Stores the result of worker `index`.
    public func set(_ index: Int, _ result: Result<T, Error>) {
        lock.lock(); defer { lock.unlock() }
        results[index] = result
    }

    /// The values in order, or the first error.
    public func values() throws -> [T] { try results.map { try $0!.get() } }
}

extension Store {
    /// Whether the month's statements and report are final (closed: when, by whom, the month's
    /// checksum) or provisional (now, by the store's clock, and the audit chain's last hash).
    ///
    /// Refuses a month that has not begun (see `requireBegun`): every statement and report asks
    /// for its status first, so none is made of a future month.
    public func documentStatus(month: YearMonth) throws -> MonthDocumentStatus {
        try requireBegun(month)
        return try pool.read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT closed_at, closed_by, sha256 FROM closed_month WHERE month = ?",
                                          arguments: [month.description]) {
                let at = Self.moment(row["closed_at"] as String) ?? Date(timeIntervalSince1970: 0)
                return .final(closedAt: at, closedBy: row["closed_by"], checksum: row["sha256"])
            }
            let head = try String.fetchOne(db, sql: "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1") ?? ""
            return .provisional(generatedAt: clock(), databaseHead: head)
        }
    }

    /// Refuses a month after the current one (today in Europe/Rome, by the store's clock): it has
    /// not begun, so it has no statement or report yet. The current month is allowed (provisional).
    public func requireBegun(_ month: YearMonth) throws {
        let day = self.today()
        if month > day.yearMonth { throw StoreError.refused(.month(.notBegun(month, today: day))) }
    }

    /// An ISO 8601 timestamp as stored (with or without fractional seconds).
    static func moment(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
