import CentraleDomain
import CentraleFormats

/// Everything Centrale starts from: the zone's comuni, the named destinations, the
/// associations with their fleets, and the convention.
public struct Registry: Hashable, Sendable {
    /// Comuni of the zone and those that only hold destinations.
    public var comuni: [Comune]
    /// Named destinations.
    public var places: [Place]
    /// The associations, each with its vehicles.
    public var associations: [Association]
    /// The convention.
    public var convention: Convention
    /// The convention file's text as read, stored with each version for traceability.
    public var conventionSource: String

    /// Creates a registry from its parts.
    public init(comuni: [Comune], places: [Place], associations: [Association], convention: Convention,
                conventionSource: String) {
        self.comuni = comuni
        self.places = places
        self.associations = associations
        self.convention = convention
        self.conventionSource = conventionSource
    }

    /// The comuni of the zone (whose residents the service serves).
    public var zoneComuni: [Comune] { comuni.filter(\.inZone) }

    /// The names of the files a registry folder holds.
    public enum File: String, CaseIterable, Sendable {
        case comuni = "comuni.csv"
        case places = "places.csv"
        case associations = "associations.csv"
        case vehicles = "vehicles.csv"
        case convention = "convention.toml"
    }

    /// Decodes a registry from the texts of its files.
    ///
    /// - Parameters:
    ///   - texts: each file's text by file.
    ///   - folder: how to name the folder in error messages (e.g. `data`), prefixed to file names.
    /// - Throws: `FieldErrors` listing every problem found, each as `FILE:LINE: field: message`.
    public static func decode(_ texts: [File: String], folder: String) throws -> Registry {
        func name(_ file: File) -> String { folder.isEmpty ? file.rawValue : "\(folder)/\(file.rawValue)" }
        var errors: [FieldError] = []
        for file in File.allCases where texts[file] == nil {
            errors.append(FieldError(SourceLocation(file: name(file), line: 1), field: "",
                                     RegistryProblem.fileNotFound(files: File.allCases.map(\.rawValue))))
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }

        var convention: Convention?
        do { convention = try ConventionDecoder.decode(texts[.convention]!, fileName: name(.convention)) }
        catch let e as FieldErrors { errors += e.errors }
        catch let e as FieldError { errors.append(e) }

        let comuni = collect(&errors) { try ComuniDecoder.decode(texts[.comuni]!, fileName: name(.comuni)) } ?? []
        let codes = Set(comuni.map(\.istatCode))
        let places = collect(&errors) { try PlacesDecoder.decode(texts[.places]!, fileName: name(.places), comuni: codes) } ?? []
        let decoded = collect(&errors) {
            try AssociationsDecoder.decode(texts[.associations]!, fileName: name(.associations), comuni: comuni)
        }
        var associations = decoded ?? []
        if let fleets = collect(&errors, {
            // When associations.csv has errors, its vehicles are checked against the codes it lists
            // anyway: an error in a share is not a flood of "not listed" for every vehicle.
            let listed = decoded.map { Set($0.map(\.code)) } ?? (try? CSVTable(text: texts[.associations]!, fileName: name(.associations), required: ["code"]))
                .map { table in Set(table.rows.map { table.value("code", in: $0) }) }
            return try VehiclesDecoder.decode(texts[.vehicles]!, fileName: name(.vehicles), associations: listed)
        }) {
            for index in associations.indices { associations[index].vehicles = fleets[associations[index].code] ?? [] }
            for association in associations where association.vehicles.isEmpty {
                errors.append(FieldError(SourceLocation(file: name(.vehicles), line: 1), field: "association",
                                         RegistryProblem.associationWithoutVehicle(association.code)))
            }
        }
        guard errors.isEmpty, let convention else { throw FieldErrors(errors) }
        return Registry(comuni: comuni, places: places, associations: associations, convention: convention,
                        conventionSource: texts[.convention]!)
    }

    /// The registry built into the binary (the files of `data/` at build time).
    public static func embedded() throws -> Registry {
        try decode(EmbeddedRegistry.texts, folder: "data (built in)")
    }
}

/// Runs a decoder, adding what it throws to `errors`.
func collect<T>(_ errors: inout [FieldError], _ body: () throws -> T) -> T? {
    do { return try body() }
    catch let e as FieldErrors { errors += e.errors }
    catch let e as FieldError { errors.append(e) }
    catch { errors.append(FieldError(SourceLocation(file: "?", line: 0), field: "", Verbatim("\(error)"))) }
    return nil
}

extension Registry {
    /// Decodes a convention file's text on its own (e.g. a version stored in the database).
    /// - Throws: `FieldErrors` with the lines of every problem.
    public static func decodeConvention(_ text: String, fileName: String) throws -> Convention {
        try ConventionDecoder.decode(text, fileName: fileName)
    }
}
