import CentraleDomain
import CentraleFormats

/// Decodes `places.csv`: `code,name,kind,comune,lat,lon,address`.
enum PlacesDecoder {
    static let columns = ["code", "name", "kind", "comune", "lat", "lon", "address"]

    static func decode(_ text: String, fileName: String, comuni: Set<String>) throws -> [Place] {
        let table = try CSVTable(text: text, fileName: fileName, required: columns)
        var errors: [FieldError] = []
        var places: [Place] = []
        var unique = UniqueCodes()
        for row in table.rows {
            var r = RowReader(table, row)
            let code = r.text("code")
            unique.check(code, &r, field: "code")
            let name = r.text("name")
            let kind = r.choice("kind", PlaceKind.self)
            let place = Place(code: code, name: name, kind: kind ?? .other, comune: r.comune("comune", known: comuni),
                              location: r.coordinate(lat: "lat", lon: "lon"), address: r.text("address"))
            errors += r.errors
            places.append(place)
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return places
    }
}
