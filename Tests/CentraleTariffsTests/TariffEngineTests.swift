import CentraleDomain
import CentraleFormats
import CentraleRegistry
import CentraleSynth
import Testing
@testable import CentraleTariffs

@Suite("Tariff engine")
struct TariffEngineTests {
    static let convention = try! Registry.embedded().convention
    let engine = TariffEngine(convention: Self.convention)
    let car = Vehicle(plate: "CAR", seats: 4, wheelchairPlaces: 0, stretcher: false)
    let van = Vehicle(plate: "VAN", seats: 5, wheelchairPlaces: 1, stretcher: false)
    let ambulance = Vehicle(plate: "AMB", seats: 3, wheelchairPlaces: 1, stretcher: true)

    func trip(_ needs: Needs = [], date: String = "2025-03-03") -> TripRequest {
        let stop = Stop(label: "x", comune: "048041", location: Coordinate(latitude: 43.75, longitude: 11.19))
        return TripRequest(id: 7, beneficiary: "B", date: LocalDate(date)!, pickup: stop, destination: stop,
                           appointment: LocalTime("09:00")!, needs: needs, purpose: .visit, status: .done)
    }

    func log(km metres: Int, outcome: TripOutcome = .done, waiting: Int = 0, vehicle: String = "CAR") -> TripLog {
        TripLog(tripID: 7, association: "X", vehiclePlate: vehicle, driverCode: "V", driven: Distance(metres: metres),
                waitingMinutes: waiting, outcome: outcome)
    }

    @Test("a plain trip: km at the rate capped for the vehicle class, and the insurance")
    func plain() throws {
        let r = try engine.reimburse(trip(), log: log(km: 23_400), vehicle: car)
        #expect(r.tariffID == "2014-01")
        #expect(r.lines.map(\.item) == [.km, .insurance])
        // 23.4 km × min(0.66, cap 0.62) = 14.508 € → 14.51
        #expect(r.lines[0].amount == Money(cents: 1451))
        #expect(r.lines[0].basis == "23.4 km × 0.62 €/km (capped at the standard reference cost)")
        #expect(r.lines[1].amount == Money(cents: 240))
        #expect(r.total == Money(cents: 1691))
    }

    @Test("wheelchair, escort and waiting beyond the free hour, per started hour")
    func extras() throws {
        let r = try engine.reimburse(trip([.wheelchair, .escort]), log: log(km: 10_000, waiting: 125, vehicle: "VAN"), vehicle: van)
        #expect(r.lines.map(\.item) == [.km, .insurance, .wheelchair, .escort, .waiting])
        #expect(r.lines[0].amount == Money(cents: 660)) // 10 km × 0.66 (below the wheelchair cap 0.78)
        #expect(r.lines[4].amount == Money(cents: 1200)) // 125 − 60 = 65 min → 2 started hours × 6.00
        #expect(r.lines[4].basis == "125 min, 65 beyond 60: 2 h × 6.00 €")
    }

    @Test("a no-show pays the km driven, the insurance and the no-show item, no equipment items")
    func noShow() throws {
        let r = try engine.reimburse(trip([.stretcher]), log: log(km: 4_000, outcome: .noShow), vehicle: ambulance)
        #expect(r.lines.map(\.item) == [.km, .insurance, .noShow])
        #expect(r.lines[2].amount == Money(cents: 800))
        let cancelled = try engine.reimburse(trip(), log: log(km: 4_000, outcome: .cancelledOnSpot), vehicle: car)
        #expect(cancelled.lines.last?.item == .cancelledOnSpot)
    }

    @Test("a late cancellation pays the km driven and the insurance, plus the tariff's item when it has one")
    func lateCancellation() throws {
        let r = try engine.reimburse(trip([.wheelchair]), log: log(km: 3_000, outcome: .cancelledLate, vehicle: "VAN"), vehicle: van)
        #expect(r.lines.map(\.item) == [.km, .insurance], "the built-in tariff has no late-cancellation item, and no equipment is paid")
        var convention = Self.convention
        for index in convention.tariffs.indices { convention.tariffs[index].cancelledLateItem = Money(cents: 450) }
        let withItem = try TariffEngine(convention: convention).reimburse(trip(), log: log(km: 3_000, outcome: .cancelledLate), vehicle: car)
        #expect(withItem.lines.map(\.item) == [.km, .insurance, .cancelledLate])
        #expect(withItem.lines.last?.amount == Money(cents: 450))
    }

    @Test("rounding: half up, once per line", arguments: [(1, 10, 0), (5, 10, 1), (15, 10, 2), (-5, 10, -1), (14, 10, 1)])
    func rounding(numerator: Int, denominator: Int, cents: Int) {
        #expect(TariffEngine.cents(numerator: numerator, denominator: denominator) == Money(cents: cents))
    }

    @Test("indirect costs: a percentage of the direct items, capped per month")
    func indirect() throws {
        let small = try engine.indirectLine(direct: Money(cents: 100_000), month: YearMonth("2025-03")!)
        #expect(small.amount == Money(cents: 10_000))
        let large = try engine.indirectLine(direct: Money(cents: 10_000_000), month: YearMonth("2025-03")!)
        #expect(large.amount == Money(cents: 250_000))
        #expect(large.basis.contains("capped at 2500.00 €"))
    }

    @Test("a trip is paid by the tariff version in force on its date")
    func versions() throws {
        var convention = Self.convention
        var newer = convention.tariffs[0]
        newer.id = "2025-07"
        newer.validFrom = LocalDate("2025-07-01")!
        newer.kmRate = PerKmRate(microEurosPerKm: 500_000)
        convention.tariffs[0].validUntil = LocalDate("2025-06-30")
        convention = Convention(name: convention.name, zone: convention.zone, timeZone: convention.timeZone, roadCircuity: convention.roadCircuity,
                                rules: convention.rules, dispatchWeights: convention.dispatchWeights, tariffs: [newer, convention.tariffs[0]])
        let engine = TariffEngine(convention: convention)
        #expect(try engine.reimburse(trip(date: "2025-06-30"), log: log(km: 10_000), vehicle: car).tariffID == "2014-01")
        let july = try engine.reimburse(trip(date: "2025-07-01"), log: log(km: 10_000), vehicle: car)
        #expect(july.tariffID == "2025-07")
        #expect(july.lines[0].amount == Money(cents: 500))
        #expect(throws: TariffEngine.Problem.noTariff(LocalDate("2013-12-31")!)) {
            try engine.reimburse(trip(date: "2013-12-31"), log: log(km: 1_000), vehicle: car)
        }
        #expect(TariffEngine.Problem.noTariff(LocalDate("2013-12-31")!).remedy == .addTariff)
    }

    @Test("properties: lines add up to the total, nothing is negative, more km never pays less", arguments: 1...50 as ClosedRange<UInt64>)
    func properties(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let needsChoices: [Needs] = [[], [.wheelchair], [.escort], [.stretcher], [.wheelchair, .escort]]
        let vehicles = [car, van, ambulance]
        for _ in 0..<40 {
            let needs = needsChoices[Int(rng.next() % UInt64(needsChoices.count))]
            let vehicle = vehicles[Int(rng.next() % 3)]
            let outcome = TripOutcome.allCases[Int(rng.next() % 3)]
            let metres = Int(rng.next() % 300_000)
            let waiting = Int(rng.next() % 400)
            let a = try engine.reimburse(trip(needs), log: log(km: metres, outcome: outcome, waiting: waiting), vehicle: vehicle)
            let b = try engine.reimburse(trip(needs), log: log(km: metres + Int(rng.next() % 50_000), outcome: outcome, waiting: waiting), vehicle: vehicle)
            #expect(a.total == Money(cents: a.lines.reduce(0) { $0 + $1.amount.cents }))
            #expect(a.lines.allSatisfy { $0.amount.cents >= 0 })
            #expect(b.total >= a.total)
        }
    }
}

@Suite("Statement builder")
struct StatementBuilderTests {
    static let registry = try! Registry.embedded()

    func logged(_ id: Int64, association: Association, km metres: Int) -> LoggedTrip {
        let stop = Stop(label: "x", comune: "048041", location: Coordinate(latitude: 43.75, longitude: 11.19))
        let trip = TripRequest(id: id, beneficiary: "B", date: LocalDate("2025-03-0\(id)")!, pickup: stop, destination: stop,
                               appointment: LocalTime("09:00")!, needs: [], purpose: .visit, status: .done)
        return LoggedTrip(trip: trip, log: TripLog(tripID: id, association: association.code, vehiclePlate: association.vehicles[0].plate,
                                                   driverCode: "V", driven: Distance(metres: metres), outcome: .done))
    }

    @Test("each trip priced on its km, a flagged one on its payable km, apart; adjustments and indirect costs; every association gets one")
    func statements() throws {
        let association = Self.registry.associations[0]
        var flagged = logged(2, association: association, km: 96_000)
        flagged.flag = "logged 96.0 km, estimated 20.1 km"
        flagged.estimated = Distance(metres: 20_100)
        flagged.payable = Distance(metres: 20_100)
        let adjustment = AdjustmentLine(tripID: 1, originalMonth: YearMonth("2025-02")!, amount: Money(cents: -500), reason: "amended")
        let builder = StatementBuilder(convention: Self.registry.convention, associations: Self.registry.associations)
        let all = try builder.statements(month: YearMonth("2025-03")!, trips: [logged(1, association: association, km: 20_000), flagged],
                                         adjustments: [association.code: [adjustment]])
        #expect(all.count == Self.registry.associations.count)
        let statement = try #require(all[association.code])
        #expect(statement.entries.map(\.tripID) == [1, 2])
        let engine = TariffEngine(convention: Self.registry.convention)
        let vehicle = association.vehicles[0]
        let onEstimate = try engine.reimburse(flagged.trip, log: { var l = flagged.log; l.driven = Distance(metres: 20_100); return l }(), vehicle: vehicle)
        #expect(statement.entries[1].reimbursement == onEstimate)
        #expect(statement.entries[1].driven == Distance(metres: 96_000) && statement.entries[1].paid == Distance(metres: 20_100)
                && statement.entries[1].review == "not reviewed")
        #expect(statement.flagged.map(\.tripID) == [2])
        #expect(statement.adjustments == [adjustment])
        #expect(statement.total == statement.direct + statement.indirect.amount - Money(cents: 500))
        #expect(all.values.filter { $0.association != association.code }.allSatisfy { $0.entries.isEmpty })
    }

    @Test("a log naming a vehicle no association has is an error naming the trip")
    func unknownVehicle() throws {
        let association = Self.registry.associations[0]
        var trip = logged(1, association: association, km: 20_000)
        trip.log.vehiclePlate = "ZZ999ZZ"
        let builder = StatementBuilder(convention: Self.registry.convention, associations: Self.registry.associations)
        #expect(throws: StatementError.unknownVehicle("ZZ999ZZ", trip: 1)) {
            try builder.statements(month: YearMonth("2025-03")!, trips: [trip], adjustments: [:])
        }
    }
}
