import CentraleDomain
import CentraleFormats

/// Decodes `associations.csv`:
/// `code,name,kind,base_comune,base_lat,base_lon,base_address,serves,daily_capacity,share`.
enum AssociationsDecoder {
    static let columns = ["code", "name", "kind", "base_comune", "base_lat", "base_lon", "base_address",
                          "serves", "daily_capacity", "share"]

    static func decode(_ text: String, fileName: String, comuni: [Comune]) throws -> [Association] {
        let table = try CSVTable(text: text, fileName: fileName, required: columns)
        let known = Set(comuni.map(\.istatCode))
        let zone = Set(comuni.filter(\.inZone).map(\.istatCode))
        var errors: [FieldError] = []
        var associations: [Association] = []
        var unique = UniqueCodes()
        for row in table.rows {
            var r = RowReader(table, row)
            let code = r.text("code")
            unique.check(code, &r, field: "code")
            let name = r.text("name")
            let kind = r.choice("kind", AssociationKind.self) ?? .other
            let baseComune = r.comune("base_comune", known: known)
            let base = r.coordinate(lat: "base_lat", lon: "base_lon")
            let address = r.text("base_address")
            let serves = table.value("serves", in: row).split(separator: " ").map(String.init)
            if serves.isEmpty { r.fail("serves", .servesNothing) }
            for comune in serves where !zone.contains(comune) {
                r.fail("serves", .servedComuneNotInZone(comune))
            }
            let capacity = r.int("daily_capacity", 1...10_000)
            let share = r.scaled("share", decimals: 2, range: 0...10_000)
            errors += r.errors
            associations.append(Association(code: code, name: name, kind: kind, baseComune: baseComune, base: base,
                                            baseAddress: address, serves: serves, dailyCapacity: capacity,
                                            shareBasisPoints: share))
        }
        let total = associations.reduce(0) { $0 + $1.shareBasisPoints }
        if errors.isEmpty && total != 10_000 {
            errors.append(FieldError(SourceLocation(file: fileName, line: table.rows.first?.line ?? 1), field: "share",
                                     RegistryProblem.sharesNotWhole(total: total)))
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return associations
    }
}
