import CentraleDomain
import CentraleFormats

/// Decodes `comuni.csv`: `istat_code,name,population,lat,lon,in_zone,neighbours`.
enum ComuniDecoder {
    static let columns = ["istat_code", "name", "population", "lat", "lon", "in_zone", "neighbours"]

    static func decode(_ text: String, fileName: String) throws -> [Comune] {
        let table = try CSVTable(text: text, fileName: fileName, required: columns)
        var errors: [FieldError] = []
        var comuni: [Comune] = []
        var unique = UniqueCodes()
        for row in table.rows {
            var r = RowReader(table, row)
            let code = r.text("istat_code")
            if !code.isEmpty && (code.count != 6 || !code.allSatisfy(\.isNumber)) {
                r.fail("istat_code", .notAnIstatCode(code))
            }
            unique.check(code, &r, field: "istat_code")
            let comune = Comune(istatCode: code, name: r.text("name"), population: r.int("population", 0...10_000_000),
                                centroid: r.coordinate(lat: "lat", lon: "lon"), inZone: r.bool("in_zone"),
                                neighbours: table.value("neighbours", in: row).split(separator: " ").map(String.init))
            errors += r.errors
            comuni.append(comune)
        }
        let known = Set(comuni.map(\.istatCode))
        for (comune, row) in zip(comuni, table.rows) {
            for neighbour in comune.neighbours where !known.contains(neighbour) {
                errors.append(FieldError(table.location(of: row), field: "neighbours",
                                         RegistryProblem.unknownNeighbour(neighbour)))
            }
        }
        if errors.isEmpty && !comuni.contains(where: \.inZone) {
            errors.append(FieldError(SourceLocation(file: fileName, line: 1), field: "in_zone",
                                     RegistryProblem.noComuneInZone))
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return comuni
    }
}
