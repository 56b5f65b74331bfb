import CentraleDomain

extension Context {
    /// Three sessions a week (Mon/Wed/Fri or Tue/Thu/Sat), morning or afternoon shift, both ways.
    func dialysis(_ person: Beneficiary, _ home: Stop, _ days: [LocalDate], _ rng: inout SeededRandom) -> [[TripRequest]] {
        let weekdays: Set<Int> = rng.chance(0.6) ? [1, 3, 5] : [2, 4, 6]
        let shift = rng.weighted([(7 * 60 + 30, 0.5), (13 * 60 + 30, 0.35), (8 * 60 + 30, 0.15)])
        let hospitalUnits: [(String, Double)] = [("DIA-CAREGGI", 0.4), ("DIA-TORREGALLI", 0.3), ("DIA-ANNUNZIATA", 0.3)]
        let centre = rng.chance(0.3) ? nearest(.dialysis, to: home.location)! : place(rng.weighted(hospitalUnits))
        return days.filter { weekdays.contains($0.isoWeekday) }.compactMap { day in
            guard !rng.chance(0.03) else { return nil } // in hospital, travelling, on holiday
            return roundTrip(person, home: home, to: centre, on: day, at: shift, back: shift + 4 * 60 + 15,
                             purpose: .dialysis, series: "DIA-\(person.code)")
        }
    }

    /// Monday to Friday at the day centre of the comune (or a neighbour's), closed on holidays
    /// and for two weeks in August.
    func dayCentre(_ person: Beneficiary, _ home: Stop, _ days: [LocalDate], _ rng: inout SeededRandom) -> [[TripRequest]] {
        let centres = places(.dayCentre)
        let centre = rng.chance(0.35) ? (centres.first { $0.comune == person.comune } ?? centres[0])
                                     : rng.weighted(centres.map { ($0, 1.0) })
        let arrival = 9 * 60 + 15 * Int(rng.unit() * 3) - 15
        let departure = 16 * 60 + 15 * Int(rng.unit() * 3) - 15
        let closedFrom = LocalDate(year: year, month: 8, day: 10)!, closedTo = LocalDate(year: year, month: 8, day: 23)!
        let attendance = 0.82 + rng.unit() * 0.15
        return days.filter { $0.isoWeekday <= 5 && !holidays.contains($0) && !($0 >= closedFrom && $0 <= closedTo) }
            .compactMap { day in
                guard rng.chance(attendance) else { return nil }
                return roundTrip(person, home: home, to: centre, on: day, at: arrival, back: departure,
                                 purpose: .dayCentre, series: "CD-\(person.code)")
            }
    }

    /// One to three cycles of 15–25 sessions, two or three a week on fixed weekdays; no cycle
    /// runs in August.
    func rehabilitation(_ person: Beneficiary, _ home: Stop, _ days: [LocalDate], _ rng: inout SeededRandom) -> [[TripRequest]] {
        guard let firstDay = days.first, let lastDay = days.last else { return [] }
        let centre = rng.chance(0.5) ? place("RIA-DONGNOCCHI") : nearest(.rehabilitation, to: home.location)!
        var result: [[TripRequest]] = []
        let cycles = rng.weighted([(1, 0.2), (2, 0.45), (3, 0.35)])
        var start = firstDay.adding(days: Int(rng.unit() * 20))
        for cycle in 1...cycles {
            if start.month == 8 { start = LocalDate(year: year, month: 9, day: 1)! }
            let weekdays: Set<Int> = rng.chance(0.5) ? [1, 3, 5] : [2, 4]
            let sessions = 15 + Int(rng.unit() * 11)
            let time = 8 * 60 + 30 * Int(rng.unit() * 14)
            let (days, next) = cycleDays(from: start, sessions: sessions, until: lastDay) {
                weekdays.contains($0.isoWeekday) && !holidays.contains($0) && $0.month != 8
            }
            result += days.map { roundTrip(person, home: home, to: centre, on: $0, at: time, back: time + 90,
                                           purpose: .rehabilitation, series: "RIA-\(person.code)-\(cycle)") }
            start = next.adding(days: 20 + Int(rng.unit() * 60))
            if start > lastDay { break }
        }
        return result
    }

    /// Occasional visits and hospital trips, mostly early in the week, fewer in August.
    func visits(_ person: Beneficiary, _ home: Stop, _ days: [LocalDate], _ rng: inout SeededRandom) -> [[TripRequest]] {
        let candidates = days.filter { $0.isoWeekday <= 6 && !holidays.contains($0) }
        guard !candidates.isEmpty else { return [] }
        let weekdayWeight: [Double] = [0, 1.25, 1.2, 1.1, 1.05, 0.95, 0.2, 0]
        let weights = candidates.map { day in weekdayWeight[day.isoWeekday] * (day.month == 8 ? 0.4 : day.month == 12 ? 0.8 : 1) }
        let hospitals: [(String, Double)] = [("OSP-CAREGGI", 0.32), ("OSP-TORREGALLI", 0.18), ("OSP-ANNUNZIATA", 0.10),
                                             ("OSP-PALAGI", 0.08), ("OSP-PRATO", 0.05), ("OSP-MEYER", 0.02), ("OSP-EMPOLI", 0.05),
                                             ("OSP-MUGELLO", 0.02), ("OSP-CISANELLO", 0.03), ("OSP-SCOTTE", 0.015), ("CDS", 0.12)]
        // 8 to 37 visits a year (many people are referred for a few visits only).
        let count = Int(Double(18 + Int(rng.unit() * 64)) * 0.45 * Double(candidates.count) / 365)
        var result: [[TripRequest]] = []
        for _ in 0..<count {
            let day = rng.weighted(Array(zip(candidates, weights)))
            let pick = rng.weighted(hospitals)
            let place = pick == "CDS"
                ? (places(.healthCentre).first { $0.comune == person.comune } ?? nearest(.healthCentre, to: home.location)!)
                : self.place(pick)
            let time = 8 * 60 + 15 * Int(rng.unit() * 36)
            let admission = place.kind == .hospital && rng.chance(0.06)
            let purpose: TripPurpose = admission ? .hospital : (rng.chance(0.05) ? .social : .visit)
            result.append(roundTrip(person, home: home, to: place, on: day, at: time,
                                    back: admission ? nil : time + 60 + 15 * Int(rng.unit() * 8), purpose: purpose, series: nil))
        }
        return result
    }
}

extension Context {
    /// Radiotherapy or chemotherapy: one or two cycles of 20–30 sessions on consecutive
    /// weekdays at a hospital, both ways.
    func therapy(_ person: Beneficiary, _ home: Stop, _ days: [LocalDate], _ rng: inout SeededRandom) -> [[TripRequest]] {
        guard let firstDay = days.first, let lastDay = days.last else { return [] }
        let hospital = place(rng.weighted([("OSP-CAREGGI", 0.55), ("OSP-ANNUNZIATA", 0.2), ("OSP-TORREGALLI", 0.2), ("OSP-PRATO", 0.05)]))
        var result: [[TripRequest]] = []
        var start = firstDay.adding(days: Int(rng.unit() * 30))
        for cycle in 1...rng.weighted([(1, 0.6), (2, 0.4)]) {
            let sessions = 20 + Int(rng.unit() * 11)
            let time = 8 * 60 + 30 * Int(rng.unit() * 16)
            let (days, next) = cycleDays(from: start, sessions: sessions, until: lastDay) { $0.isoWeekday <= 5 && !holidays.contains($0) }
            result += days.map { roundTrip(person, home: home, to: hospital, on: $0, at: time, back: time + 75,
                                           purpose: .therapy, series: "TER-\(person.code)-\(cycle)") }
            start = next.adding(days: 30 + Int(rng.unit() * 60))
            if start > lastDay { break }
        }
        return result
    }

    /// The days of a cycle of `sessions` sessions from `start` on the days `open` accepts, up to
    /// `until`; and the day after the last one looked at.
    func cycleDays(from start: LocalDate, sessions: Int, until: LocalDate, open: (LocalDate) -> Bool) -> ([LocalDate], LocalDate) {
        var day = start, days: [LocalDate] = []
        while days.count < sessions && day <= until {
            if open(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return (days, day)
    }
}
