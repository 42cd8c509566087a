// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "zielona-linia",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zielona", targets: ["zielona"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // Pure domain modules: Foundation only.
        .target(name: "Localization", resources: [.copy("Catalogues")]),
        .target(name: "Identity"),
        .target(name: "Access"),
        .target(name: "TextSearch"),
        .target(name: "Directory", dependencies: ["TextSearch", "Identity"], resources: [.copy("Data")]),
        .target(name: "Clients", dependencies: ["Identity", "Access"]),
        .target(name: "Knowledge", dependencies: ["TextSearch", "Portal"], resources: [.copy("Data")]),
        .target(name: "Privacy"),
        .target(name: "Reporting"),

        // SMTP delivery over SwiftNIO (STARTTLS or implicit TLS, AUTH PLAIN/LOGIN).
        .target(name: "Mailer", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "Storage", dependencies: [
            "Directory", "Identity", "Access", "Portal", "TextSearch", "ContactCenter", "Clients", "Knowledge", "Privacy", "Reporting",
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "QRCode"),
        .target(name: "Portal", dependencies: ["TextSearch"], resources: [.copy("Data")]),
        .target(name: "ContactCenter", dependencies: ["Reporting", "Identity"]),
        .target(name: "Views", dependencies: [
            "Localization", "Directory", "Identity", "QRCode", "Portal", "Knowledge",
            .product(name: "Plot", package: "Plot"),
        ]),
        .target(name: "App", dependencies: [
            "Storage", "Views", "Localization", "Directory", "Identity", "Mailer", "Access", "Portal", "TextSearch", "ContactCenter",
            "Clients", "Knowledge", "Privacy", "Reporting",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .executableTarget(name: "zielona", dependencies: ["App"]),

        .testTarget(name: "IdentityTests", dependencies: ["Identity"]),
        .testTarget(name: "AccessTests", dependencies: ["Access"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "TextSearchTests", dependencies: ["TextSearch"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal"]),
        .testTarget(name: "ContactCenterTests", dependencies: ["ContactCenter", "Identity", "Reporting"]),
        .testTarget(name: "DirectoryTests", dependencies: ["Directory", "TextSearch", "Identity"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MailerTests", dependencies: ["Mailer", "TestSupport"]),
        .testTarget(name: "AppTests", dependencies: [
            "App", "Storage", "Directory", "Mailer", "TestSupport", "Access", "Portal", "TextSearch", "ContactCenter",
            "Clients", "Knowledge", "Privacy", "Reporting",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
