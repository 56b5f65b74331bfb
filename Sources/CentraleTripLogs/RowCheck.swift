import CentraleDomain
import CentraleFormats

/// The checks of one row, collecting problems.
struct RowCheck {
    let row: LogRow
    var problems: [FieldError] = []

    /// Records a problem in `column` (nil: the whole row), named as the row's file names it.
    mutating func fail(_ column: LogColumn?, _ message: LogProblem, remedy: Remedy? = nil) {
        problems.append(row.problem(column, message, remedy: remedy))
    }

    /// The most km one trip may have.
    static let maximumTripKm = 2_000
    /// The highest odometer reading, in km.
    static let maximumOdometerKm = 2_000_000
    /// The longest driver code or plate.
    static let maximumCodeLength = LogValidator.maximumCodeLength

    /// Refuses the control characters of any cell (C0 codes except tab, DEL, C1 codes).
    mutating func controlCharacters() {
        guard row.cells.contains(where: { $0?.forbiddenControlCharacter != nil })
              || row.extraFields.contains(where: { $0.forbiddenControlCharacter != nil }) else { return }
        for column in LogColumn.allCases {
            if let value = row.raw(column), let scalar = value.forbiddenControlCharacter {
                fail(column, .controlCharacter(scalar, value: value))
            }
        }
        for value in row.extraFields {
            if let scalar = value.forbiddenControlCharacter { fail(nil, .controlCharacter(scalar, value: value)) }
        }
    }

    /// A distance written in km with the file's decimal mark (thousands with the other one);
    /// nil when empty or wrong. A cell whose reading depends on the mark, in a file that uses
    /// both, is refused with both readings. The value is range-checked before any arithmetic.
    mutating func kilometres(_ column: LogColumn, upTo limit: Int, what: LogProblem.Quantity) -> Distance? {
        let raw = row[column]
        guard !raw.isEmpty else { return nil }
        let metres: Int?
        if row.jsonNumbers.contains(column) {
            metres = DecimalText.scaled(raw, decimals: 3, mark: .point)
        } else if row.mixedDecimalMarks {
            let asPoint = DecimalText.scaled(raw, decimals: 3, mark: .point), asComma = DecimalText.scaled(raw, decimals: 3, mark: .comma)
            if let asPoint, let asComma, asPoint != asComma {
                // The reading that takes the cell's last separator as the decimal mark first.
                let lastIsComma = raw.utf8.last(where: { $0 == 0x2C || $0 == 0x2E }) == 0x2C
                let readings = lastIsComma ? (asComma, asPoint) : (asPoint, asComma)
                fail(column, .ambiguousDecimalMark(raw: raw, first: readings.0, second: readings.1))
                return nil
            }
            metres = asPoint ?? asComma
        } else {
            metres = DecimalText.scaled(raw, decimals: 3, mark: row.decimalMark)
        }
        guard let metres else {
            if raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E || $0 == 0x20 || $0 == 0x2D || $0 == 0x2B }),
               raw.utf8.filter({ $0 >= 0x30 && $0 <= 0x39 }).count > 15 {
                fail(column, .implausibleKm(raw: raw, quantity: what, limit: limit))
            } else {
                fail(column, .notKm(raw: raw, limit: limit, mark: row.decimalMark,
                                             namesMark: !(row.mixedDecimalMarks || row.jsonNumbers.contains(column))))
            }
            return nil
        }
        guard metres >= 0 else {
            fail(column, .negativeKm(raw: raw, quantity: what, limit: limit)); return nil
        }
        guard metres <= limit * 1000 else {
            fail(column, .implausibleKm(raw: raw, quantity: what, limit: limit)); return nil
        }
        return Distance(metres: metres)
    }

    mutating func time(_ column: LogColumn) -> LocalTime? {
        let raw = row[column]
        guard !raw.isEmpty else { return nil }
        // The usual `HH:MM` / `H:MM` (or `.`) read straight from the bytes; anything else as LocalTime reads it.
        var fast: LocalTime?
        raw.utf8.withContiguousStorageIfAvailable { b in
            func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
            let n = b.count
            guard n == 4 || n == 5, b[n - 3] == 0x3A || b[n - 3] == 0x2E, let m1 = digit(n - 2), let m2 = digit(n - 1), let h2 = digit(n - 4) else { return }
            let hour = n == 5 ? (digit(0).map { $0 * 10 + h2 }) : h2
            if let hour { fast = LocalTime(hour: hour, minute: m1 * 10 + m2) }
        }
        if let fast { return fast }
        guard let time = LocalTime(raw) else { fail(column, .notATime(raw)); return nil }
        return time
    }

    mutating func minutes(_ column: LogColumn) -> Int {
        let raw = row[column]
        guard !raw.isEmpty else { return 0 }
        guard raw.utf8.count <= 6, let value = Int(raw), (0...720).contains(value) else {
            fail(column, .notMinutes(raw)); return 0
        }
        return value
    }

    mutating func outcome() -> TripOutcome? {
        let raw = row[.outcome]
        switch raw { // the usual spellings, before folding
        case "done", "effettuato": return .done
        case "no_show", "assente": return .noShow
        case "cancelled_on_spot": return .cancelledOnSpot
        case "cancelled_late", "annullato_tardi": return .cancelledLate
        default: break
        }
        // Every other spelling, folded: the words `--outcome` accepts too (`TripOutcome.spellings`).
        if let outcome = TripOutcome.spellings[LogColumn.fold(raw)] { return outcome }
        fail(.outcome, raw.isEmpty ? .emptyOutcome : .notAnOutcome(raw))
        return nil
    }
}

extension Distance {
    /// Kilometres to the metre, without trailing zeros (`45210.05`), for messages.
    var kilometresExact: String { DecimalText.plain(metres, decimals: 3) }
}
