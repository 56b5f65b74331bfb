import CentraleDomain
import CentraleFormats

/// Decodes `convention.toml` into a `Convention`, reporting every problem with its line.
enum ConventionDecoder {
    static func decode(_ text: String, fileName: String) throws -> Convention {
        let root = try TOMLParser.parse(text, fileName: fileName)
        var top = TOMLReader(fileName: fileName, table: root, path: "")
        var errors: [FieldError] = []

        var name = "", zone = "", timeZone = "Europe/Rome"
        if var t = top.table("convention") {
            name = t.string("name"); zone = t.string("zone"); timeZone = t.string("timezone")
            if timeZone != "Europe/Rome" && !timeZone.isEmpty { t.fail("timezone", .timeZoneNotSupported(timeZone)) }
            t.rejectUnknownKeys(); errors += t.errors
        }
        var circuity = 1.3
        if var t = top.table("geography") {
            circuity = Double(t.scaled("road_circuity", decimals: 3, range: 1000...3000, unit: .factor)) / 1000
            t.rejectUnknownKeys(); errors += t.errors
        }
        var rules = ServiceRules(maxRideMinutes: 60, pickupWindowMinutes: 30, neighbourComuniAllowed: true, kmTolerancePercent: 20)
        if var t = top.table("service") {
            // Optional, so that conventions stored before it still decode.
            let maxRecurrenceDays = t.table.keys.contains("max_recurrence_days")
                ? t.int("max_recurrence_days", 1...3_660, unit: .days) : 366
            rules = ServiceRules(maxRideMinutes: t.int("max_ride_minutes", 1...600, unit: .minutes),
                                 pickupWindowMinutes: t.int("pickup_window_minutes", 0...240, unit: .minutes),
                                 neighbourComuniAllowed: t.bool("neighbour_comuni_allowed"),
                                 kmTolerancePercent: t.int("km_tolerance_percent", 0...1000, unit: .percent),
                                 kmToleranceMinimum: Distance(metres: t.scaled("km_tolerance_km", decimals: 3, range: 0...1_000_000, unit: .km)),
                                 maxRecurrenceDays: maxRecurrenceDays,
                                 retentionDays: t.table.keys.contains("retention_days") ? t.int("retention_days", 0...36_500, unit: .days) : 3650)
            t.rejectUnknownKeys(); errors += t.errors
        }
        var weights = DispatchWeights(emptyKm: 1, share: 1, continuity: 1)
        if var t = top.table("dispatch") {
            func weight(_ key: String) -> Double { Double(t.scaled(key, decimals: 3, range: 0...1_000_000, unit: .weight)) / 1000 }
            weights = DispatchWeights(emptyKm: weight("empty_km"), share: weight("share"), continuity: weight("continuity"),
                                      continuityAcrossMonths: Double(t.scaled("continuity_across_months", decimals: 3, range: 0...1000,
                                                                              unit: .fraction)) / 1000)
            t.rejectUnknownKeys(); errors += t.errors
        }
        var planning = PlanningRules()
        if var t = top.table("planning") {
            func time(_ key: String) -> LocalTime {
                let text = t.string(key)
                guard let time = LocalTime(text) else {
                    if !text.isEmpty { t.fail(key, .notATime(text: text)) }
                    return LocalTime(minutes: 0)!
                }
                return time
            }
            planning = PlanningRules(averageSpeedKmh: t.int("average_speed_kmh", 5...130, unit: .kmPerHour),
                                     boardingMinutes: t.int("boarding_minutes", 0...60, unit: .minutes),
                                     wheelchairBoardingMinutes: t.int("wheelchair_boarding_minutes", 0...60, unit: .minutes),
                                     shiftStart: time("shift_start"), shiftEnd: time("shift_end"))
            // Optional (older convention files do not have it).
            if t.table["minutes_per_trip"] != nil { planning.minutesPerTrip = t.int("minutes_per_trip", 10...600, unit: .minutes) }
            if planning.shiftEnd <= planning.shiftStart {
                t.fail("shift_end", .shiftEndNotAfterStart(start: planning.shiftStart))
            }
            t.rejectUnknownKeys(); errors += t.errors
        }
        let tariffs = decodeTariffs(&top, &errors)
        top.rejectUnknownKeys()
        errors = top.errors + errors
        guard errors.isEmpty else { throw FieldErrors(errors.sorted { $0.location.line < $1.location.line }) }
        return Convention(name: name, zone: zone, timeZone: timeZone, roadCircuity: circuity, rules: rules,
                          dispatchWeights: weights, planning: planning, tariffs: tariffs)
    }

    private static func decodeTariffs(_ top: inout TOMLReader, _ errors: inout [FieldError]) -> [TariffVersion] {
        guard let entry = top.table["tariff"] else {
            top.fail("tariff", .tariffMissing, line: 1)
            return []
        }
        top.markUsed("tariff")
        guard case .array(let items) = entry.value else {
            top.fail("tariff", .expected(.tariffSections, found: .init(entry.value))); return []
        }
        var tariffs: [TariffVersion] = []
        for (index, item) in items.enumerated() {
            guard case .table(let table) = item else { continue }
            var t = TOMLReader(fileName: top.fileName, table: table, path: "tariff[\(index + 1)]")
            let id = t.string("id")
            let from = t.date("valid_from", required: true)
            let until = t.date("valid_until", required: false)
            let kmRate = t.rate("km_rate")
            var caps: [VehicleClass: PerKmRate] = [:]
            if var c = t.table("km_cap") {
                for vehicleClass in VehicleClass.allCases { caps[vehicleClass] = c.rate(vehicleClass.rawValue) }
                c.rejectUnknownKeys(); t.errors += c.errors
            }
            let version = TariffVersion(
                id: id, validFrom: from ?? LocalDate(year: 2000, month: 1, day: 1)!, validUntil: until,
                kmRate: kmRate, kmCap: caps, insurancePerTrip: t.money("insurance_per_trip"),
                wheelchairItem: t.money("wheelchair_item"), stretcherItem: t.money("stretcher_item"),
                escortItem: t.money("escort_item"),
                escortWaitingFreeMinutes: t.int("escort_waiting_free_minutes", 0...1440, unit: .minutes),
                escortWaitingPerHour: t.money("escort_waiting_per_hour"), noShowItem: t.money("no_show_item"),
                cancelledOnSpotItem: t.money("cancelled_on_spot_item"),
                indirectBasisPoints: t.scaled("indirect_percent", decimals: 2, range: 0...10_000, unit: .percent),
                indirectCapPerMonth: t.money("indirect_cap_per_month"),
                // Optional (older convention files do not have it): nothing beyond the km and the insurance.
                cancelledLateItem: t.table["cancelled_late_item"] != nil ? t.money("cancelled_late_item") : .zero)
            if let from, let until, until < from { t.fail("valid_until", .validUntilBeforeFrom(until: until, from: from)) }
            t.rejectUnknownKeys()
            errors += t.errors
            if t.errors.isEmpty { tariffs.append(version) }
        }
        let sorted = tariffs.sorted { $0.validFrom < $1.validFrom }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            if a.validFrom == b.validFrom || (a.validUntil.map { $0 >= b.validFrom } ?? false) {
                top.fail("tariff", .tariffsOverlap(a.id, b.id))
            }
        }
        var ids: Set<String> = []
        for version in tariffs where !ids.insert(version.id).inserted {
            top.fail("tariff", .duplicateTariffID(version.id))
        }
        return tariffs
    }
}
