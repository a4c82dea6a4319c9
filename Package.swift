// swift-tools-version: 6.0
import PackageDescription

/// Warnings are errors in every dfx target: a warning today is a bug tomorrow.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "dfx",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dfx", targets: ["dfx"]),
        .library(name: "DFXTemplate", targets: ["DFXTemplate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // C libraries from Debian's -dev packages, each imported by exactly one Swift module.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // libcrypto for SHA-256 checksums with the CPU's SHA instructions (libpq-dev depends on libssl-dev).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // mimalloc as the executable's allocator (Debian ships no pkg-config file for it).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),

        // Layer 0: locations, diagnostics, small shared utilities.
        .target(name: "DFXBasics", dependencies: ["CCrypto"], exclude: ["README.md"], swiftSettings: strict),
        // Layer 1: independent of each other.
        .target(name: "DFXYAML", dependencies: ["DFXBasics", "CYAML"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "DFXTemplate", dependencies: ["DFXBasics"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "DFXSQL", dependencies: ["DFXBasics"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "DFXGraph", dependencies: ["DFXBasics"], exclude: ["README.md"], swiftSettings: strict),
        // Seeds: CSV reading and type inference, no database.
        .target(name: "DFXSeed", dependencies: ["DFXBasics", "DFXSQL"], exclude: ["README.md"], swiftSettings: strict),
        // Layer 2: the project model and its loading.
        .target(
            name: "DFXProject", dependencies: ["DFXBasics", "DFXYAML", "DFXTemplate"],
            exclude: ["README.md"], swiftSettings: strict),
        // Layer 3: where templating meets SQL.
        .target(
            name: "DFXCompiler",
            dependencies: ["DFXBasics", "DFXTemplate", "DFXSQL", "DFXProject", "DFXGraph"],
            exclude: ["README.md"], swiftSettings: strict),
        // Layer 4: warehouses.
        .target(name: "DFXPostgres", dependencies: ["DFXBasics", "DFXSQL", "CLibPQ"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "DFXSQLite", dependencies: ["DFXBasics", "DFXSQL", "CSQLite3"], exclude: ["README.md"], swiftSettings: strict),
        // Layer 4b: running a project: scheduling over the graph (materializations come next).
        .target(
            name: "DFXExecution",
            dependencies: ["DFXBasics", "DFXGraph", "DFXSQL", "DFXSeed", "DFXProject", "DFXTemplate", "DFXCompiler"],
            exclude: ["README.md"], swiftSettings: strict),
        // Layer 5: commands as library types, then a thin executable.
        .target(
            name: "DFXCommands",
            dependencies: [
                "DFXBasics", "DFXYAML", "DFXProject", "DFXGraph", "DFXCompiler", "DFXSQL",
                "DFXPostgres", "DFXSQLite", "DFXSeed", "DFXExecution",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"], swiftSettings: strict),
        .executableTarget(name: "dfx", dependencies: ["DFXCommands", "CMimalloc"], swiftSettings: strict),

        // Helpers shared by the test targets (the test server's URL, captured output).
        .target(name: "DFXTestSupport", path: "Tests/DFXTestSupport"),
        .testTarget(name: "DFXBasicsTests", dependencies: ["DFXBasics"]),
        .testTarget(name: "DFXYAMLTests", dependencies: ["DFXTestSupport", "DFXYAML"], resources: [.copy("Golden")]),
        .testTarget(name: "DFXTemplateTests", dependencies: ["DFXTemplate"], resources: [.copy("Conformance"), .copy("Golden")]),
        .testTarget(name: "DFXGraphTests", dependencies: ["DFXGraph"]),
        .testTarget(name: "DFXProjectTests", dependencies: ["DFXProject"]),
        .testTarget(name: "DFXCompilerTests", dependencies: ["DFXCompiler", "DFXProject"]),
        .testTarget(name: "DFXCommandsTests", dependencies: ["DFXTestSupport", "DFXCommands"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DFXSQLTests", dependencies: ["DFXTestSupport", "DFXSQL", "DFXPostgres", "DFXSQLite"], resources: [.copy("Golden")]),
        .testTarget(name: "DFXAdapterTests", dependencies: ["DFXTestSupport", "DFXSQL", "DFXPostgres", "DFXSQLite"]),
        .testTarget(name: "DFXExecutionTests", dependencies: ["DFXTestSupport", "DFXExecution", "DFXGraph", "DFXSQL", "DFXSQLite", "DFXPostgres", "DFXCommands"]),
        .testTarget(name: "DFXSeedTests", dependencies: ["DFXTestSupport", "DFXSeed", "DFXSQL"], resources: [.copy("Fixtures")]),
        // Tests against a real PostgreSQL server (scripts/test.sh starts one) and real SQLite files.
        .testTarget(name: "DFXIntegrationTests", dependencies: ["DFXTestSupport", "DFXCommands", "DFXPostgres", "DFXSQLite", "DFXSQL"]),
    ],
    swiftLanguageModes: [.v6]
)
