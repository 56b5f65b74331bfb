import CentraleDomain
import CentraleFormats
import CentraleRegistry
import CentraleStore
import CentraleSynth
import Foundation

/// The figures `centrale demo` reports, against the service's own (targets).
public struct DemoSummary: Sendable, Codable, Hashable {
    /// The calendar year generated.
    public var year: Int
    /// The seed used.
    public var seed: UInt64
    /// Beneficiaries activated (served) in the year.
    public var beneficiaries: Int
    /// Of them, those whose activation day falls in the year (the others were activated
    /// earlier); suspensions and closings of the year.
    public var activations = 0, suspensions = 0, closings = 0
    /// Trips (legs) requested in the year.
    public var trips: Int
    /// Kilometres as logged by the associations (the convention counts base → pickup →
    /// destination → base), whole km.
    public var km: Int
    /// The same distance in metres, exact.
    public var metres: Int
    /// Where the database was written.
    public var database: String
    /// Trips assigned by the dispatch engine.
    public var assigned = 0
    /// Trips no association could take.
    public var unassignable = 0
    /// The worst relative deviation of an association's monthly share from its convention share, in %.
    public var shareMaxDeviationPercent = 0.0
    /// Recurring trips made, within each beneficiary's month, by their usual association, in %.
    public var continuityPercent = 0.0
    /// Trip logs stored.
    public var logs = 0
    /// Trip-log files accepted.
    public var logFiles = 0
    /// Bad trip-log files rejected (on purpose).
    public var rejectedFiles = 0
    /// Logs flagged for km review.
    public var flagged = 0
    /// Euros reimbursed over the year (all statements), in cents.
    public var reimbursedCents = 0
    /// What shared-ride plans of every day would save, with every vehicle available all day.
    public var plans: PlanYearSummary?
    /// The same plans on the volunteers' real shifts (`VolunteersStep`): the crews on duty.
    public var plansWithShifts: PlanYearSummary?
    /// Volunteers registered.
    public var volunteers = 0
    /// In the last month (`DemoContext.plannedMonth`): the association-days whose plans were
    /// accepted, the trips confirmed, and the trips declined (and dispatched again).
    public var acceptedPlans = 0, confirmations = 0, declines = 0
    /// In the current year: the last day logged (yesterday); km and euros are the year so far.
    public var loggedUntil: String?
    /// A smaller year (tests): the percentage of the calibrated number of people; nil for the
    /// calibrated year. The targets scale with it.
    public var scalePercent: Int?

    /// The service's own yearly figures the demo is calibrated on.
    public static let targets = (activations: 300, trips: 42_500, km: 1_000_000, euros: 958_650)
}

/// Shared state of a demo run, filled in step by step.
public final class DemoContext {
    /// The database being built.
    public let store: Store
    /// The registry in force.
    public var registry: Registry
    /// The year and seed.
    public let year: Int, seed: UInt64
    /// How many people follow each programme.
    public let mix: ProgrammeMix
    /// Who the audit trail says made the changes.
    public let actor = Actor("demo", reason: "synthetic demo year")
    /// The summary so far.
    public var summary: DemoSummary
    /// Each vehicle's odometer after the logs submitted so far (the last month's run on).
    var odometers: [String: Distance] = [:]
    /// Where the demo writes its files (trip logs, reports): `centrale-demo/` beside the database.
    public var outputFolder: String { DemoPipeline.outputFolder(forDatabase: store.path) }
    /// Today, by the store's clock: in the current year the demo logs only the trips before
    /// today and closes only the months before this one.
    public var today: LocalDate { store.today() }
    /// The month run as the service runs with its volunteers (`PlanMonthStep`): plans accepted,
    /// trips confirmed and declined, logs along the routes. December, or this month in the current year.
    public var plannedMonth: YearMonth {
        today.year == year ? today.yearMonth : YearMonth(year: year, month: 12)!
    }
    /// The months of the year that have ended (all twelve for a past year).
    public var endedMonths: [YearMonth] {
        (1...12).map { YearMonth(year: year, month: $0)! }.filter { $0 < today.yearMonth }
    }

    init(store: Store, registry: Registry, year: Int, seed: UInt64, scalePercent: Int = 100) {
        self.store = store
        self.registry = registry
        self.year = year
        self.seed = seed
        self.mix = scalePercent == 100 ? .calibrated : ProgrammeMix.calibrated.scaled(percent: scalePercent)
        self.summary = DemoSummary(year: year, seed: seed, beneficiaries: 0, trips: 0, km: 0, metres: 0, database: store.path)
        if scalePercent != 100 { summary.scalePercent = scalePercent }
    }
}

/// One step of the demo: loading the registry, generating the year, and (in later issues)
/// dispatching, logging, statements and reports.
public protocol DemoStep {
    /// A short name shown in progress lines.
    var name: DemoMessage { get }
    /// Runs the step; `progress` prints a line for the user.
    func run(_ context: DemoContext, progress: (DemoMessage) -> Void) throws
}

/// Runs the demo's steps in order on a fresh database.
public struct DemoPipeline {
    /// The steps, in order.
    public var steps: [any DemoStep]

    /// The standard pipeline.
    public static var standard: DemoPipeline { DemoPipeline(steps: [
        LoadRegistryStep(), GenerateYearStep(), DispatchYearStep(), SubmitLogsStep(.beforePlannedMonth), VolunteersStep(), PlanMonthStep(),
        SubmitLogsStep(.plannedMonth), StatementsStep(), PlanYearStep(),
    ]) }

    /// Creates a pipeline.
    public init(steps: [any DemoStep]) { self.steps = steps }

    /// Refuses a future year: a demo logs only trips that have taken place.
    public static func checkYear(_ year: Int, clock: @Sendable () -> Date = { Date() }) throws {
        let current = Store.rome(clock()).date.year
        if year > current {
            throw StoreError.refused(.demo(.yearNotBegun(year, current: current)))
        }
    }

    /// Where the demo writes its files (trip logs, reports): `centrale-demo/` beside the database.
    public static func outputFolder(forDatabase path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("centrale-demo").path
    }

    /// Builds the demo database at `path` (which must not hold anything but an earlier demo)
    /// and returns its summary. Progress lines go to `progress`.
    /// - Parameters:
    ///   - scalePercent: the people of the calibrated year to generate, in %: 100 is the demo;
    ///     tests build a smaller year with the same steps.
    ///   - clock: what "now" is (the demo of the current year stops at yesterday).
    /// - Throws: `StoreError.refused` for a year that has not begun yet.
    public func run(path: String, year: Int, seed: UInt64, scalePercent: Int = 100, registry: Registry,
                    clock: @escaping @Sendable () -> Date = { Date() }, language: Language = .it,
                    progress: (String) -> Void) throws -> DemoSummary {
        try Self.checkYear(year, clock: clock)
        try DemoDatabase.prepare(path: path)
        let store = try Store(path: path, clock: clock)
        try store.setMeta("origin", "demo")
        try store.setMeta("demo_year", String(year))
        try store.setMeta("demo_seed", String(seed))
        let context = DemoContext(store: store, registry: registry, year: year, seed: seed, scalePercent: scalePercent)
        for (index, step) in steps.enumerated() {
            let started = Date()
            progress("[\(index + 1)/\(steps.count)] \(step.name.text(language))…")
            try step.run(context) { progress("      " + $0.text(language)) }
            progress("      " + DemoMessage.stepDone(seconds: Date().timeIntervalSince(started)).text(language))
        }
        // The audit trail's end when the demo was done: work added later is never replaced by a new demo.
        let head = try store.lastAuditID()
        try store.setMeta("demo_audit_head", String(head))
        return context.summary
    }
}
