import CentraleDomain
import GRDB
import GRDBSQLite

/// A query's current row read straight from SQLite's statement, for the few queries that read a
/// year of rows at once (a year of logs checked against a year of trips): GRDB's `Row` decodes
/// each value through generic conversions, which costs more than the query itself at that
/// size. The columns are still found by name, once per query (`RawColumns`), and a stored
/// value that is not valid (NULL where a value is needed, an unknown status, a malformed
/// date) throws, as `row.decode` does.
struct RawRow {
    let statement: OpaquePointer

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

    func int64(_ index: Int32) throws -> Int64 {
        guard !isNull(index) else { throw damaged(index, "NULL") }
        return sqlite3_column_int64(statement, index)
    }

    func int(_ index: Int32) throws -> Int { Int(try int64(index)) }

    func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : sqlite3_column_int64(statement, index) }

    func double(_ index: Int32) throws -> Double {
        guard !isNull(index) else { throw damaged(index, "NULL") }
        return sqlite3_column_double(statement, index)
    }

    func text(_ index: Int32) throws -> String {
        guard let text = optionalText(index) else { throw damaged(index, "NULL") }
        return text
    }

    func optionalText(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A value stored as its raw text (a status, a purpose): an unknown one throws.
    func value<T: RawRepresentable>(_ index: Int32, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let raw = try text(index)
        guard let value = T(rawValue: raw) else { throw damaged(index, "'\(raw)'") }
        return value
    }

    func date(_ index: Int32) throws -> LocalDate {
        let raw = try text(index)
        guard let date = LocalDate(raw) else { throw damaged(index, "'\(raw)'") }
        return date
    }

    func damaged(_ index: Int32, _ value: String) -> StoreError {
        let name = sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "#\(index)"
        return StoreError.refused(.database(.invalidValue(value, column: name)))
    }
}

/// Where a query's columns are, by name, read once from its statement.
struct RawColumns {
    private var indexes: [String: Int32] = [:]

    init(_ statement: OpaquePointer) {
        for index in 0..<sqlite3_column_count(statement) {
            guard let name = sqlite3_column_name(statement, index).map({ String(cString: $0) }) else { continue }
            if indexes[name] == nil { indexes[name] = index } // the leftmost of two columns with one name wins, as in GRDB
        }
    }

    func index(_ name: String) throws -> Int32 {
        guard let index = indexes[name] else { throw StoreError.refused(.database(.missingColumn(name))) }
        return index
    }
}

/// Runs a prepared statement, calling `body` on each row.
func forEachRawRow(_ db: Database, _ statement: Statement, _ body: (RawRow) throws -> Void) throws {
    let sqlite = statement.sqliteStatement
    defer { sqlite3_reset(sqlite) }
    let row = RawRow(statement: sqlite)
    while true {
        let code = sqlite3_step(sqlite)
        if code == SQLITE_DONE { return }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        try body(row)
    }
}

extension TripRequest {
    /// Where `TripRequest.columns` are in a query's rows, for `init(raw:columns:)`.
    struct RawLayout {
        let id, beneficiary, date, pickupPlace, pickupLabel, pickupComune, pickupLat, pickupLon, destPlace, destLabel, destComune,
            destLat, destLon, appointment, leg, pairedTrip, series, needs, purpose, status, statusReason, approximate: Int32

        init(_ columns: RawColumns) throws {
            id = try columns.index("id"); beneficiary = try columns.index("beneficiary"); date = try columns.index("date")
            pickupPlace = try columns.index("pickup_place"); pickupLabel = try columns.index("pickup_label")
            pickupComune = try columns.index("pickup_comune"); pickupLat = try columns.index("pickup_lat"); pickupLon = try columns.index("pickup_lon")
            destPlace = try columns.index("dest_place"); destLabel = try columns.index("dest_label"); destComune = try columns.index("dest_comune")
            destLat = try columns.index("dest_lat"); destLon = try columns.index("dest_lon"); appointment = try columns.index("appointment")
            leg = try columns.index("leg"); pairedTrip = try columns.index("paired_trip"); series = try columns.index("series")
            needs = try columns.index("needs"); purpose = try columns.index("purpose"); status = try columns.index("status")
            statusReason = try columns.index("status_reason"); approximate = try columns.index("approximate")
        }
    }

    /// Decodes the current row of a query that holds `TripRequest.columns`, as `init(row:layout:)` does.
    init(raw row: RawRow, layout c: RawLayout) throws {
        let minutes = try row.int(c.appointment)
        guard let appointment = LocalTime(minutes: minutes) else { throw row.damaged(c.appointment, String(minutes)) }
        let approximate = try row.int(c.approximate)
        self.init(
            id: try row.int64(c.id), beneficiary: try row.text(c.beneficiary), date: try row.date(c.date),
            pickup: Stop(placeCode: row.optionalText(c.pickupPlace), label: try row.text(c.pickupLabel), comune: try row.text(c.pickupComune),
                         location: Coordinate(latitude: try row.double(c.pickupLat), longitude: try row.double(c.pickupLon)),
                         approximate: approximate & 1 != 0),
            destination: Stop(placeCode: row.optionalText(c.destPlace), label: try row.text(c.destLabel), comune: try row.text(c.destComune),
                              location: Coordinate(latitude: try row.double(c.destLat), longitude: try row.double(c.destLon)),
                              approximate: approximate & 2 != 0),
            appointment: appointment, leg: try row.value(c.leg), pairedTripID: row.optionalInt64(c.pairedTrip),
            seriesID: row.optionalText(c.series), needs: Needs(rawValue: try row.int(c.needs)), purpose: try row.value(c.purpose),
            status: try row.value(c.status), statusReason: row.optionalText(c.statusReason))
    }
}
