import CentraleDomain
import CentraleFormats
import CentraleTripLogs
import Dispatch
import GRDB

/// How the audit trail proves the logs of an accepted submission without one entry per log:
/// the submission's entry (`log.submission`) holds the number of logs it stored and
/// `logs_sha256`, the SHA-256 of their canonical lines in trip order, each ended by a newline
/// (with `first_trip` and `last_trip`, the range of their trips, where `verify` finds them).
/// `centrale verify` reads the logs of each submission back and recomputes it, so a log
/// edited, deleted or added to a submission by hand is found. An amendment (`log.amend`)
/// records the log's canonical line before and after it (`log_before`, `log`), so an amended
/// log is checked against its last amendment and its submission against the line it had.
///
/// A canonical line is a JSON array of the log's stored values: trip, association, vehicle,
/// driver, odometer start and end (metres or null), km driven (metres), pickup and drop-off
/// (minutes after midnight or null), waiting minutes, outcome, the estimate (metres) and the
/// km flag (or null). The notes are left out: erasing a person blanks the notes of their
/// trips' logs, which must not look like tampering.
enum LogDigest {
    /// Appends a log's canonical line and a newline to `out`.
    static func append(_ out: inout [UInt8], trip: Int64, association: String, vehicle: String, driver: String,
                       odometerStart: Int?, odometerEnd: Int?, driven: Int, pickup: Int?, dropoff: Int?, waiting: Int,
                       outcome: String, estimated: Int, kmFlag: String?) {
        out.append(UInt8(ascii: "["))
        number(&out, Int(trip)); comma(&out)
        text(&out, association); comma(&out)
        text(&out, vehicle); comma(&out)
        text(&out, driver); comma(&out)
        number(&out, odometerStart); comma(&out)
        number(&out, odometerEnd); comma(&out)
        number(&out, driven); comma(&out)
        number(&out, pickup); comma(&out)
        number(&out, dropoff); comma(&out)
        number(&out, waiting); comma(&out)
        text(&out, outcome); comma(&out)
        number(&out, estimated); comma(&out)
        if let kmFlag { text(&out, kmFlag) } else { null(&out) }
        out.append(UInt8(ascii: "]"))
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends a stored log's canonical line: the log with its reconciliation.
    static func append(_ out: inout [UInt8], _ log: TripLog, estimated: Distance, kmFlag: String?) {
        append(&out, trip: log.tripID, association: log.association, vehicle: log.vehiclePlate, driver: log.driverCode,
               odometerStart: log.odometerStart?.metres, odometerEnd: log.odometerEnd?.metres, driven: log.driven.metres,
               pickup: log.pickedUpAt?.minutes, dropoff: log.droppedOffAt?.minutes, waiting: log.waitingMinutes,
               outcome: log.outcome.rawValue, estimated: estimated.metres, kmFlag: kmFlag)
    }

    /// A log's canonical line, without its newline (as an amendment records it).
    static func line(_ log: TripLog, estimated: Distance, kmFlag: String?) -> String {
        var out: [UInt8] = []
        append(&out, log, estimated: estimated, kmFlag: kmFlag)
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }

    /// The trip-log columns a canonical line is made of, in `appendStored`'s order.
    static let columns = """
        trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at, dropped_off_at, waiting_min,
        outcome, estimated_m, km_flag
        """

    /// Appends the canonical line of a row of `columns`, as stored (a damaged value is written as it is).
    static func appendStored(_ out: inout [UInt8], _ row: RawRow) {
        append(&out, trip: row.optionalInt64(0) ?? -1, association: row.optionalText(1) ?? "", vehicle: row.optionalText(2) ?? "",
               driver: row.optionalText(3) ?? "", odometerStart: row.optionalInt64(4).map(Int.init), odometerEnd: row.optionalInt64(5).map(Int.init),
               driven: Int(row.optionalInt64(6) ?? -1), pickup: row.optionalInt64(7).map(Int.init), dropoff: row.optionalInt64(8).map(Int.init),
               waiting: Int(row.optionalInt64(9) ?? -1), outcome: row.optionalText(10) ?? "", estimated: Int(row.optionalInt64(11) ?? -1),
               kmFlag: row.optionalText(12))
    }

    @inline(__always) private static func comma(_ out: inout [UInt8]) { out.append(UInt8(ascii: ",")) }

    private static func null(_ out: inout [UInt8]) { out.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")]) }

    private static func number(_ out: inout [UInt8], _ value: Int?) {
        guard let value else { null(&out); return }
        number(&out, value)
    }

    private static func number(_ out: inout [UInt8], _ value: Int) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        digits(&out, value.magnitude)
    }

    private static func digits(_ out: inout [UInt8], _ value: UInt) {
        if value >= 10 { digits(&out, value / 10) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A JSON string, escaped as `AuditValue.quote` does.
    private static func text(_ out: inout [UInt8], _ value: String) {
        var value = value
        let plain = value.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { out.append(contentsOf: AuditValue.quote(value).utf8) }
    }
}

/// The digest of checked logs (`LogDigest`), computed on another thread while the caller stores
/// them: building and hashing a year's canonical lines then costs the write transaction nothing.
final class PendingLogDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var sha256 = ""
    private var finished = false

    /// Starts hashing `logs` in the order of `order` (indices into `logs`).
    init(_ logs: [CheckedLog], order: [Int]) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var canonical: [UInt8] = []
            canonical.reserveCapacity(logs.count * 96)
            for index in order {
                let checked = logs[index]
                LogDigest.append(&canonical, checked.log, estimated: checked.estimated, kmFlag: checked.flag?.description)
            }
            sha256 = SHA256.hex(of: canonical)
            done.signal()
        }
    }

    /// The SHA-256 of the logs' canonical lines, once computed (by the thread that created it).
    func wait() -> String {
        if !finished { done.wait(); finished = true }
        return sha256
    }
}
