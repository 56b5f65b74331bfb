import CentraleDomain
import CentraleTripLogs
import GRDB
import GRDBSQLite

/// What a file's check relied on, read again in the write transaction to see whether it changed.
struct LogContextState: Equatable {
    /// The first and last day of the file's trips.
    var span: (LocalDate, LocalDate)?
    /// Each trip's status, version and assigned association, by id.
    var trips: [Int64: TripState]
    /// The recorded logs of those trips.
    var recorded: [Int64: TripLog]
    /// The association's recorded odometer ranges on those days.
    var storedRanges: [VehicleDay: [OdometerRange]]
    /// The routes of the association's accepted plans on those days.
    var routes: [Int64: RoutePosition]

    struct TripState: Equatable {
        var status: String
        var version: Int
        var association: String?
    }

    static func == (a: LogContextState, b: LogContextState) -> Bool {
        a.span?.0 == b.span?.0 && a.span?.1 == b.span?.1 && a.trips == b.trips && a.recorded == b.recorded
            && a.storedRanges == b.storedRanges && a.routes == b.routes
    }
}

extension Store {
    /// The part of the database a file's check relied on (see `LogContextState`).
    static func contextState(_ db: Database, ids: [Int64], association: String, span: (LocalDate, LocalDate)?) throws -> LogContextState {
        var trips: [Int64: LogContextState.TripState] = [:]
        try forEachChunk(db, ids, sql: { condition in """
            SELECT trip.id, trip.status, trip.version, assignment.association FROM trip LEFT JOIN assignment ON assignment.trip = trip.id
            WHERE \(condition("trip.id"))
            """ }) { row in
            trips[row[0]] = LogContextState.TripState(status: row[1], version: row[2], association: row[3])
        }
        return LogContextState(span: span, trips: trips, recorded: try logs(db, ids),
                               storedRanges: try span.map { try storedRanges(db, association: association, from: $0.0, through: $0.1) } ?? [:],
                               routes: try span.map { try routes(db, association: association, from: $0.0, through: $0.1) } ?? [:])
    }

    /// Changes as the writer connection sees them: `PRAGMA data_version` changes when another
    /// connection commits, the total of changes when this one writes. Equal markers taken
    /// before a read and in a later write mean that nothing was committed in between.
    static func changeMarker(_ db: Database) throws -> [Int] {
        [try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0, Int(sqlite3_total_changes(db.sqliteConnection))]
    }

    /// Runs a query over a list of ids: one range query when the ids are dense (a month's or a
    /// year's trips), else chunks of 900 ids; `sql` builds the query from a condition on a column.
    static func forEachChunk(_ db: Database, _ ids: [Int64], sql: (_ condition: (String) -> String) -> String,
                             _ body: (Row) throws -> Void) throws {
        guard let low = ids.min(), let high = ids.max() else { return }
        if high - low < Int64(ids.count) * 2 + 1000 {
            let wanted = Set(ids)
            let rows = try Row.fetchCursor(db, sql: sql { "\($0) BETWEEN \(low) AND \(high)" })
            while let row = try rows.next() { if wanted.contains(row[0]) { try body(row) } }
            return
        }
        for chunk in stride(from: 0, to: ids.count, by: 900).map({ Array(ids[$0..<min($0 + 900, ids.count)]) }) {
            let rows = try Row.fetchCursor(db, sql: sql { "\($0) IN (\(chunk.map(String.init).joined(separator: ",")))" })
            while let row = try rows.next() { try body(row) }
        }
    }

    /// `forEachChunk` reading the rows straight from SQLite (`RawRow`), for a year of rows:
    /// `layout` finds the columns, by name, once per query.
    static func forEachChunk<Layout>(_ db: Database, _ ids: [Int64], sql: (_ condition: (String) -> String) -> String,
                                     layout: (RawColumns) throws -> Layout, _ body: (RawRow, Layout) throws -> Void) throws {
        guard let low = ids.min(), let high = ids.max() else { return }
        func run(_ sql: String, wanted: Set<Int64>?) throws {
            let statement = try db.makeStatement(sql: sql)
            let columns = try layout(RawColumns(statement.sqliteStatement))
            try forEachRawRow(db, statement) { row in
                if let wanted, !wanted.contains(try row.int64(0)) { return }
                try body(row, columns)
            }
        }
        if high - low < Int64(ids.count) * 2 + 1000 {
            try run(sql { "\($0) BETWEEN \(low) AND \(high)" }, wanted: Set(ids))
            return
        }
        for chunk in stride(from: 0, to: ids.count, by: 900).map({ Array(ids[$0..<min($0 + 900, ids.count)]) }) {
            try run(sql { "\($0) IN (\(chunk.map(String.init).joined(separator: ",")))" }, wanted: nil)
        }
    }

    /// The odometer ranges recorded for an association's vehicles from one day through another.
    static func storedRanges(_ db: Database, association: String, from first: LocalDate, through last: LocalDate) throws -> [VehicleDay: [OdometerRange]] {
        var result: [VehicleDay: [OdometerRange]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT trip_log.trip, trip.date, trip_log.vehicle, trip_log.odometer_start_m, trip_log.odometer_end_m, log_submission.file, trip_log.source
            FROM trip_log JOIN trip ON trip.id = trip_log.trip LEFT JOIN log_submission ON log_submission.id = trip_log.submission
            WHERE trip_log.association = ? AND trip.date BETWEEN ? AND ?
              AND trip_log.odometer_start_m IS NOT NULL AND trip_log.odometer_end_m IS NOT NULL
            """, arguments: [association, first.description, last.description]) {
            guard let date = LocalDate(row[1] as String) else { continue }
            let file: String? = row[5], source: String? = row[6]
            var origin: String?
            if let file, let source, source.hasPrefix("line "), let line = Int(source.dropFirst(5)) { origin = "\(file):\(line)" }
            result[VehicleDay(plate: row[2], date: date), default: []].append(
                OdometerRange(tripID: row[0], start: Distance(metres: row[3]), end: Distance(metres: row[4]), origin: origin))
        }
        return result
    }

    /// Where each trip of an association's accepted plans from one day through another is on
    /// its route (one route per vehicle of a plan).
    static func routes(_ db: Database, association: String, from first: LocalDate, through last: LocalDate) throws -> [Int64: RoutePosition] {
        var result: [Int64: RoutePosition] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT plan_stop.plan, plan_stop.vehicle, plan_stop.position, plan_stop.trip, plan_stop.kind
            FROM plan_stop JOIN plan ON plan.id = plan_stop.plan WHERE plan.association = ? AND plan.date BETWEEN ? AND ?
            """, arguments: [association, first.description, last.description]) {
            let route = "\(row[0] as Int64)/\(row[1] as String)", position: Int = row[2], trip: Int64 = row[3], kind: String = row[4]
            var entry = result[trip] ?? RoutePosition(route: route, pickup: 0, dropoff: 0)
            if kind == "pickup" { entry.pickup = position } else { entry.dropoff = position }
            result[trip] = entry
        }
        return result
    }
}
