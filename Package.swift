// swift-tools-version: 6.0
import PackageDescription

/// Centrale: the software of a social-accompaniment operations centre.
///
/// Architecture: a pure core (`CentraleDomain`, `CentraleFormats`, `CentraleRegistry`,
/// `CentraleSynth`, `CentraleDispatch`, `CentraleIntake`, `CentraleTripLogs`, `CentraleTariffs`, `CentraleReport`, `CentraleTUI`,
/// `CentralePlanning`, and `CentraleRendering`, which only reads its own templates) that does no I/O, and thin edges around it (`CentraleStore` on GRDB,
/// `CentraleDemo`, the `centrale` CLI).
let registryFiles = ["comuni.csv", "places.csv", "associations.csv", "vehicles.csv", "convention.toml"]

let package = Package(
    name: "Centrale",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "centrale", targets: ["centrale"]),
        .executable(name: "centrale-bench", targets: ["CentraleBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Tests only: the OpenAPI document is read and validated.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pure core: no I/O, no database, no terminal.
        .target(name: "CentraleDomain"),
        .target(name: "CentraleFormats"),
        .target(
            name: "CentraleRegistry",
            dependencies: ["CentraleDomain", "CentraleFormats"],
            resources: registryFiles.map { .embedInCode("Resources/\($0)") }
        ),
        .target(name: "CentraleSynth", dependencies: ["CentraleDomain", "CentraleFormats"]),
        .target(name: "CentraleDispatch", dependencies: ["CentraleDomain"]),
        .target(name: "CentraleIntake", dependencies: ["CentraleDomain", "CentraleFormats"]),
        .target(name: "CentraleTripLogs", dependencies: ["CentraleDomain", "CentraleFormats"]),
        .target(name: "CentraleTariffs", dependencies: ["CentraleDomain", "CentraleFormats"]),
        .target(name: "CentraleReport", dependencies: ["CentraleDomain"]),
        .target(name: "CentraleTUI", dependencies: ["CentraleDomain", "CentraleFormats", "CentraleIntake", "CentraleDispatch", "CentralePlanning"]),
        .target(
            name: "CentralePlanning", dependencies: ["CentraleDomain", "CentraleFormats"],
            // The planner's search is 20-50× slower unoptimised: optimise it in debug builds too,
            // so that tests and the demo run at the speed they will have in production.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Presentation: statements, the report, the plan and dispatch texts, tables and CSV, from
        // values to text. No I/O but reading its own HTML templates (Mustache, escaping by default).
        .target(
            name: "CentraleRendering",
            dependencies: ["CentraleDomain", "CentraleFormats", "CentraleRegistry", "CentraleDispatch", "CentraleTariffs", "CentraleReport",
                           "CentralePlanning", "CentraleTripLogs", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // The API's values, roles, the failed-attempt limiter and the multipart reader: shared by
        // the server and the CLI as its client. Pure.
        .target(name: "CentraleAPI", dependencies: ["CentraleDomain", "CentraleFormats"]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // Edges.
        .target(
            name: "CentraleStore",
            dependencies: ["CentraleDomain", "CentraleFormats", "CentraleRegistry", "CentraleDispatch", "CentraleTripLogs", "CentralePlanning",
                           "CentraleTariffs", "CentraleReport", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // What an association does (its trips, logs, confirmations, statement), as one set of
        // operations the CLI runs locally and the server runs for its clients: same checks, same text.
        .target(
            name: "CentraleOffice",
            dependencies: ["CentraleDomain", "CentraleFormats", "CentraleStore", "CentraleRendering", "CentraleTripLogs", "CentraleIntake", "CentraleAPI"]
        ),
        // `centrale serve`: the HTTP server (Hummingbird 2) on the store.
        .target(
            name: "CentraleServer",
            dependencies: ["CentraleDomain", "CentraleFormats", "CentraleStore", "CentraleRendering", "CentraleOffice", "CentraleAPI",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl")],
            resources: [.embedInCode("openapi.yaml")]
        ),
        .target(
            name: "CentraleDemo",
            dependencies: ["CentraleDomain", "CentraleFormats", "CentraleIntake", "CentraleRegistry", "CentraleSynth", "CentraleStore",
                           "CentraleDispatch", "CentralePlanning"]
        ),
        .executableTarget(
            name: "centrale",
            dependencies: [
                "CentraleDomain", "CentraleFormats", "CentraleRegistry", "CentraleStore", "CentraleDemo", "CentraleDispatch", "CentraleIntake", "CentraleTripLogs",
                "CentraleTUI", "CentralePlanning", "CentraleRendering", "CNcursesw", "CentraleAPI", "CentraleOffice", "CentraleServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "CentraleBench",
            dependencies: ["CentraleDomain", "CentraleIntake", "CentraleRegistry", "CentraleSynth", "CentraleDispatch", "CentraleStore", "CentralePlanning",
                           "CentraleTripLogs", "CentraleFormats", "CentraleReport", "CentraleTUI", "CentraleServer", "CentraleOffice", "CentraleAPI",
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")]
        ),

        // Tests.
        .testTarget(name: "CentraleDomainTests", dependencies: ["CentraleDomain"]),
        .testTarget(name: "CentraleFormatsTests", dependencies: ["CentraleFormats"]),
        .testTarget(name: "CentraleRegistryTests", dependencies: ["CentraleRegistry", "CentraleDomain", "CentraleFormats"]),
        .testTarget(
            name: "CentraleStoreTests",
            dependencies: ["CentraleStore", "CentraleRegistry", "CentraleDomain", "CentraleFormats", "CentralePlanning", "CentraleDispatch", "CentraleIntake",
                           "CentraleSynth", "CentraleTariffs", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "CentraleDispatchTests", dependencies: ["CentraleDispatch", "CentraleDomain", "CentraleSynth", "CentraleRegistry"]),
        .testTarget(name: "CentraleIntakeTests", dependencies: ["CentraleIntake", "CentraleDomain", "CentraleRegistry", "CentraleFormats"]),
        .testTarget(name: "CentraleTripLogsTests", dependencies: ["CentraleTripLogs", "CentraleDomain", "CentraleFormats"]),
        .testTarget(name: "CentraleTariffsTests", dependencies: ["CentraleTariffs", "CentraleDomain", "CentraleFormats", "CentraleRegistry", "CentraleSynth"]),
        .testTarget(name: "CentraleReportTests", dependencies: ["CentraleReport", "CentraleDomain"]),
        .testTarget(name: "CentralePlanningTests", dependencies: ["CentralePlanning", "CentraleDomain"]),
        .testTarget(name: "CentraleTUITests", dependencies: ["CentraleTUI", "CentraleDomain", "CentraleFormats", "CentraleDispatch", "CentralePlanning"]),
        .testTarget(name: "CentraleSynthTests", dependencies: ["CentraleSynth", "CentraleRegistry", "CentraleDomain", "CentraleFormats"]),
        .testTarget(
            name: "CentraleRenderingTests",
            dependencies: ["CentraleRendering", "CentraleDomain", "CentraleFormats", "CentraleRegistry", "CentraleDispatch", "CentraleTariffs",
                           "CentraleReport", "CentralePlanning"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(name: "CentraleAPITests", dependencies: ["CentraleAPI", "CentraleDomain"]),
        .testTarget(
            name: "CentraleServerTests",
            dependencies: ["CentraleServer", "CentraleAPI", "CentraleOffice", "CentraleStore", "CentraleDomain", "CentraleFormats", "CentraleSynth",
                           "CentraleRegistry", .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "OpenAPIKit", package: "OpenAPIKit"), .product(name: "Yams", package: "Yams"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "CentraleCLITests",
            dependencies: ["centrale", "CentraleServer", "CentraleOffice", "CentraleAPI", "CentraleFormats", "CentraleIntake", "CentraleStore",
                           "CentraleTariffs", "CentraleTUI", "CentraleDemo", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio")]
        ),
    ]
)
