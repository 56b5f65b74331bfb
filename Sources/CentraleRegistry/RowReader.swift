import CentraleDomain
import CentraleFormats

/// Reads typed fields from one CSV row, collecting a `FieldError` for each bad value.
struct RowReader {
    let table: CSVTable
    let row: CSVRecord
    var errors: [FieldError] = []

    init(_ table: CSVTable, _ row: CSVRecord) {
        self.table = table
        self.row = row
    }

    var location: SourceLocation { table.location(of: row) }

    mutating func fail(_ field: String, _ message: RegistryProblem) {
        errors.append(FieldError(location, field: field, message))
    }

    /// A text field that must not be empty.
    mutating func text(_ field: String) -> String {
        let value = table.value(field, in: row)
        if value.isEmpty { fail(field, .emptyCell) }
        return value
    }

    /// A whole number within `range`.
    mutating func int(_ field: String, _ range: ClosedRange<Int>) -> Int {
        let raw = table.value(field, in: row)
        guard let value = Int(raw), range.contains(value) else {
            fail(field, .notAWholeNumber(text: raw, lowest: range.lowerBound, highest: range.upperBound))
            return range.lowerBound
        }
        return value
    }

    /// A decimal number with at most `decimals` digits after the point, scaled to an integer.
    mutating func scaled(_ field: String, decimals: Int, range: ClosedRange<Int>) -> Int {
        let raw = table.value(field, in: row)
        guard let value = DecimalText.scaled(raw, decimals: decimals), range.contains(value) else {
            fail(field, .notADecimal(text: raw, decimals: decimals))
            return range.lowerBound
        }
        return value
    }

    /// `true` or `false` (also `yes`/`no`, `si`/`no`, `1`/`0`).
    mutating func bool(_ field: String) -> Bool {
        let raw = table.value(field, in: row).lowercased()
        switch raw {
        case "true", "yes", "si", "sì", "1": return true
        case "false", "no", "0": return false
        default: fail(field, .notABoolean(text: raw)); return false
        }
    }

    /// A latitude/longitude pair in degrees.
    mutating func coordinate(lat: String, lon: String) -> Coordinate {
        let latitude = table.value(lat, in: row), longitude = table.value(lon, in: row)
        guard let la = Double(latitude), (-90...90).contains(la) else {
            fail(lat, .notALatitude(text: latitude))
            return Coordinate(latitude: 0, longitude: 0)
        }
        guard let lo = Double(longitude), (-180...180).contains(lo) else {
            fail(lon, .notALongitude(text: longitude))
            return Coordinate(latitude: la, longitude: 0)
        }
        return Coordinate(latitude: la, longitude: lo)
    }

    /// One of an enumeration's raw values.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ field: String, _: E.Type) -> E? where E.RawValue == String {
        let raw = table.value(field, in: row)
        guard let value = E(rawValue: raw.lowercased()) else {
            fail(field, .notOneOf(text: raw, choices: E.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    /// An ISTAT code that must be among `known`.
    mutating func comune(_ field: String, known: Set<String>) -> String {
        let raw = table.value(field, in: row)
        if !known.contains(raw) { fail(field, .unknownIstatCode(raw)) }
        return raw
    }
}

/// Tracks codes already seen in a file, reporting duplicates with the first line.
struct UniqueCodes {
    private var firstLine: [String: Int] = [:]

    mutating func check(_ code: String, _ reader: inout RowReader, field: String) {
        if let line = firstLine[code] {
            reader.fail(field, .duplicateCode(code, firstLine: line))
        } else {
            firstLine[code] = reader.row.line
        }
    }
}
