/// The registry files compiled into the binary from `data/` (SwiftPM `embedInCode`), so that
/// `centrale` works from any directory without a data folder beside it.
enum EmbeddedRegistry {
    /// Each file's text.
    static let texts: [Registry.File: String] = [
        .comuni: String(decoding: PackageResources.comuni_csv, as: UTF8.self),
        .places: String(decoding: PackageResources.places_csv, as: UTF8.self),
        .associations: String(decoding: PackageResources.associations_csv, as: UTF8.self),
        .vehicles: String(decoding: PackageResources.vehicles_csv, as: UTF8.self),
        .convention: String(decoding: PackageResources.convention_toml, as: UTF8.self),
    ]
}
