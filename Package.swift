// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Kinerja",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kinerja", targets: ["kinerja"]),
        .library(name: "KinerjaCore", targets: ["KinerjaCore"]),
        .library(name: "KinerjaDocuments", targets: ["KinerjaDocuments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", exact: "0.14.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
        // Vapor brings swift-crypto already; the store seals signed PKs with it (SHA-256, Ed25519).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", exact: "0.18.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", exact: "1.19.7"),
    ],
    targets: [
        // The rules of SAKIP: pure values and functions, no I/O.
        .target(name: "KinerjaCore", swiftSettings: swiftSettings),
        // Fluent models, migrations, reference data and demo data. No Vapor.
        .target(
            name: "KinerjaStore",
            dependencies: [
                "KinerjaCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/nomenklatur")],
            swiftSettings: swiftSettings
        ),
        // Debian's libharu and libqrencode (scripts/install-deps.sh installs their -dev packages).
        .systemLibrary(name: "CHaru"),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode"),
        .systemLibrary(name: "CPng", pkgConfig: "libpng"),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter"),
        // Official documents (the PK as PDF with its QR code, ZIPs of many) from plain KinerjaCore values.
        .target(
            name: "KinerjaDocuments",
            dependencies: [
                "KinerjaCore", "CHaru", "CQREncode", "CPng", "CXlsxWriter",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "App",
            dependencies: [
                "KinerjaCore", "KinerjaStore", "KinerjaDocuments",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/Public")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "kinerja", dependencies: ["App"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KinerjaCoreTests",
            dependencies: ["KinerjaCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        // A database of its own per test on PostgreSQL, for the store's and the app's tests.
        .target(
            name: "KinerjaTestSupport",
            dependencies: [.product(name: "FluentPostgresDriver", package: "fluent-postgres-driver")],
            path: "Tests/KinerjaTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KinerjaStoreTests",
            dependencies: ["KinerjaStore", "KinerjaTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KinerjaDocumentsTests",
            dependencies: [
                "KinerjaDocuments", "KinerjaCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "KinerjaTestSupport", .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

var swiftSettings: [SwiftSetting] {
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
