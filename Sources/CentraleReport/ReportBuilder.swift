import CentraleDomain

/// Computes the monitoring report from its input. Pure: the same input gives the same report.
public enum ReportBuilder {
    /// Builds the report of `input.month`.
    public static func build(_ input: ReportInput, associationTotals: [String: Money] = [:]) -> MonitoringReport {
        let month = input.month
        let january = YearMonth(year: month.year, month: 1)!
        let ytdMonths = (1...month.month).map { YearMonth(year: month.year, month: $0)! }
        let lastYear = YearMonth(year: month.year - 1, month: month.month)!
        let lastYearYTD = (1...month.month).map { YearMonth(year: month.year - 1, month: $0)! }
        // One pass over the trips: a tally per month, and the month's own trips for the breakdowns.
        var tallies = input.monthTotals.mapValues(Tally.init)
        var facts: [TripFact] = []
        for fact in input.facts {
            let factMonth = fact.date.yearMonth
            tallies[factMonth, default: Tally()].add(fact)
            if factMonth == month { facts.append(fact) }
        }
        func figures(_ months: [YearMonth], label: String, distinct: Int? = nil) -> Figures {
            Tally.figures(months.compactMap { tallies[$0] }, period: label, months: months, input: input, distinct: distinct)
        }
        let current = figures([month], label: month.description)
        let ytd = figures(ytdMonths, label: "\(january)..\(month)", distinct: input.yearToDateBeneficiaries)
        let hasLastYear = tallies[lastYear] != nil
        let sameMonthLastYear = hasLastYear ? figures([lastYear], label: lastYear.description) : nil
        let ytdLastYear = hasLastYear ? figures(lastYearYTD, label: "\(lastYearYTD[0])..\(lastYear)", distinct: input.lastYearToDateBeneficiaries) : nil

        var trendMonths: [YearMonth] = []
        var cursor = YearMonth(year: month.year - 1, month: month.month)!.next
        for _ in 0..<12 { trendMonths.append(cursor); cursor = cursor.next }
        let trend = trendMonths.map { figures([$0], label: $0.description) }

        return MonitoringReport(
            month: month.description, current: current, yearToDate: ytd, sameMonthLastYear: sameMonthLastYear,
            yearToDateLastYear: ytdLastYear,
            projection: project(ytd: ytd, month: month, tallies: tallies, input: input),
            trend: trend,
            unassignableReasons: counts(facts.filter { $0.status == .unassignable }.map { ($0.reason ?? "-", $0.reason ?? "-") }),
            comuni: comuneRows(facts, input.comuni),
            associations: associationRows(facts, input.associations, associationTotals),
            purposes: counts(facts.map { ($0.purpose.rawValue, $0.purpose.rawValue) }),
            destinations: Array(counts(facts.filter { $0.leg == .outbound }.map { ($0.destination, input.placeNames[$0.destination] ?? $0.destination) }).prefix(10)),
            anomalies: facts.filter { $0.flag != nil }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map {
                MonitoringReport.Anomaly(trip: $0.id, date: $0.date.description, association: $0.association ?? "-",
                                         loggedMetres: $0.driven ?? 0, estimatedMetres: $0.estimated ?? 0, flag: $0.flag!)
            },
            sharedRides: input.sharedRides, people: people(input))
    }

    /// Activations, suspensions and closings in the month and the year to date; authorisations
    /// expiring next month; active people without a trip for 60 days. Counts only.
    static func people(_ input: ReportInput) -> PeopleFigures {
        let month = input.month, end = month.lastDay, january = LocalDate(year: month.year, month: 1, day: 1)!
        let next = month.next
        func inMonth(_ day: LocalDate) -> Bool { day.yearMonth == month }
        func inYear(_ day: LocalDate) -> Bool { day >= january && day <= end }
        var f = PeopleFigures()
        for person in input.beneficiaries {
            if inMonth(person.activatedOn) { f.activationsMonth += 1 }
            if inYear(person.activatedOn) { f.activationsYearToDate += 1 }
            for suspension in person.suspensions {
                if inMonth(suspension.from) { f.suspensionsMonth += 1 }
                if inYear(suspension.from) { f.suspensionsYearToDate += 1 }
            }
            if let closed = person.closedOn {
                if inMonth(closed) { f.closingsMonth += 1 }
                if inYear(closed) { f.closingsYearToDate += 1 }
            }
            guard person.status(on: end) == .active else { continue }
            // Expiring: the authorisation in force ends next month and no renewal follows it.
            if let until = person.authorisation(on: end)?.validUntil, until.yearMonth == next,
               person.authorisation(on: until.adding(days: 1)) == nil { f.expiringNextMonth += 1 }
            let last = input.lastTrips[person.code] ?? person.activatedOn
            if end.daysSinceEpoch - max(last, person.activatedOn).daysSinceEpoch >= ReportInput.withoutTripDays { f.withoutTrip60Days += 1 }
        }
        return f
    }

    /// A month's totals from its trips, with the same rules as the report's figures (frozen
    /// with a closed month's report, so later reports need not read its trips again).
    public static func totals(of facts: [TripFact]) -> MonthTotals {
        var tally = Tally()
        facts.forEach { tally.add($0) }
        let f = tally.figures
        var t = MonthTotals()
        t.requested = f.requested; t.assigned = f.assigned; t.done = f.done; t.noShow = f.noShow; t.cancelled = f.cancelled
        t.unassignable = f.unassignable; t.logged = f.logged; t.loggedMetres = f.loggedMetres; t.estimatedMetres = f.estimatedMetres
        t.flagged = f.flagged; t.beneficiaries = tally.beneficiaries.count; t.timed = tally.timed; t.onTime = tally.onTime
        return t
    }

    /// Counts by key, most first, then by key.
    static func counts(_ items: [(key: String, label: String)]) -> [MonitoringReport.Count] {
        var totals: [String: (String, Int)] = [:]
        for item in items { totals[item.key, default: (item.label, 0)].1 += 1 }
        return totals.map { MonitoringReport.Count(key: $0.key, label: $0.value.0, trips: $0.value.1) }
            .sorted { ($1.trips, $0.key) < ($0.trips, $1.key) }
    }

    static func comuneRows(_ facts: [TripFact], _ comuni: [Comune]) -> [MonitoringReport.ComuneRow] {
        var trips: [String: Int] = [:]
        for fact in facts where fact.status != .cancelled { trips[fact.serviceComune, default: 0] += 1 }
        return comuni.filter(\.inZone).sorted { $0.name < $1.name }.map { comune in
            let n = trips[comune.istatCode] ?? 0
            return MonitoringReport.ComuneRow(istatCode: comune.istatCode, name: comune.name, population: comune.population, trips: n,
                                              per1000Hundredths: comune.population > 0 ? Int((Double(n) * 100_000 / Double(comune.population)).rounded()) : 0)
        }
    }

    static func associationRows(_ facts: [TripFact], _ associations: [Association], _ totals: [String: Money]) -> [MonitoringReport.AssociationRow] {
        var trips: [String: Int] = [:]
        var all = 0
        for fact in facts where fact.association != nil && fact.status != .unassignable && fact.status != .pending {
            trips[fact.association!, default: 0] += 1
            all += 1
        }
        return associations.sorted { $0.code < $1.code }.map { association in
            let n = trips[association.code] ?? 0
            return MonitoringReport.AssociationRow(code: association.code, name: association.name, trips: n,
                                                   shareBasisPoints: all > 0 ? Int((Double(n) * 10_000 / Double(all)).rounded()) : 0,
                                                   conventionBasisPoints: association.shareBasisPoints,
                                                   reimbursedCents: totals[association.code]?.cents)
        }
    }

    /// The year's totals: the year to date plus last year's remaining months scaled by how this
    /// year compares with last year so far (seasonal); without last year's data, linear.
    static func project(ytd: Figures, month: YearMonth, tallies: [YearMonth: Tally], input: ReportInput) -> MonitoringReport.Projection {
        let lastYearSoFar = (1...month.month).map { YearMonth(year: month.year - 1, month: $0)! }
        let lastYearRest = month.month < 12 ? ((month.month + 1)...12).map { YearMonth(year: month.year - 1, month: $0)! } : []
        let soFar = Tally.figures(lastYearSoFar.compactMap { tallies[$0] }, period: "", months: lastYearSoFar, input: input)
        let rest = Tally.figures(lastYearRest.compactMap { tallies[$0] }, period: "", months: lastYearRest, input: input)
        if soFar.requested > 0 && (rest.requested > 0 || lastYearRest.isEmpty) {
            func scale(_ now: Int, _ before: Int, _ remaining: Int) -> Int {
                before > 0 ? now + Int((Double(remaining) * Double(now) / Double(before)).rounded()) : now + remaining
            }
            return .init(trips: scale(ytd.requested, soFar.requested, rest.requested),
                         loggedMetres: scale(ytd.loggedMetres, soFar.loggedMetres, rest.loggedMetres),
                         reimbursedCents: scale(ytd.reimbursedCents, soFar.reimbursedCents, rest.reimbursedCents), method: "seasonal")
        }
        let factor = 12.0 / Double(month.month)
        return .init(trips: Int((Double(ytd.requested) * factor).rounded()), loggedMetres: Int((Double(ytd.loggedMetres) * factor).rounded()),
                     reimbursedCents: Int((Double(ytd.reimbursedCents) * factor).rounded()), method: "linear")
    }
}
