import CentraleDomain
import CentraleFormats

/// Decodes `vehicles.csv`: `plate,association,seats,wheelchair_places,stretcher,active`.
enum VehiclesDecoder {
    static let columns = ["plate", "association", "seats", "wheelchair_places", "stretcher", "active"]

    /// Returns the fleets by association code.
    /// - Parameter associations: the codes of associations.csv, or nil when that file could not be
    ///   read (its own errors say why; each vehicle's association is then not checked).
    static func decode(_ text: String, fileName: String, associations: Set<String>?) throws -> [String: [Vehicle]] {
        let table = try CSVTable(text: text, fileName: fileName, required: columns)
        var errors: [FieldError] = []
        var fleets: [String: [Vehicle]] = [:]
        var unique = UniqueCodes()
        for row in table.rows {
            var r = RowReader(table, row)
            let plate = r.text("plate").uppercased()
            if !plate.isEmpty && !plate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                r.fail("plate", .notAPlate(plate))
            }
            unique.check(plate, &r, field: "plate")
            let owner = r.text("association")
            if !owner.isEmpty, let associations, !associations.contains(owner) {
                r.fail("association", .unknownAssociation(owner))
            }
            let vehicle = Vehicle(plate: plate, seats: r.int("seats", 0...60), wheelchairPlaces: r.int("wheelchair_places", 0...10),
                                  stretcher: r.bool("stretcher"), active: r.bool("active"))
            if vehicle.seats == 0 && vehicle.wheelchairPlaces == 0 && !vehicle.stretcher {
                r.fail("seats", .vehicleCarriesNobody)
            }
            errors += r.errors
            fleets[owner, default: []].append(vehicle)
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return fleets
    }
}
