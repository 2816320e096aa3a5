// swift-tools-version:6.0
import PackageDescription

// Layers, imports one way only:
//   NewsLensTransport (sockets, Dispatch, TLS) → NewsLensHTTP (HTTP/1.1) → NewsLensAPI (+ NewsLensStore) → newslens
//   NewsLensJSON (bytes ↔ JSON) is a leaf used by every layer; NewsLensExtraction and NewsLensHTML know nothing of HTTP.
// The per-request path of the server (connection state lives in class properties): release builds skip the
// run-time exclusivity checks there, about 7 % of a request's instructions (callgrind, BENCHMARKS.md). Debug
// builds, and so every test run, keep them.
let serverHotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "NewsLens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newslens", targets: ["newslens"]),
        .executable(name: "http-echo", targets: ["http-echo"]),
        .library(name: "NewsLensHTTP", targets: ["NewsLensHTTP"]),
        .library(name: "NewsLensExtraction", targets: ["NewsLensExtraction"]),
        // The fuzz package (Fuzzing/Package.swift) links these by path; nothing else in the product needs them as products.
        .library(name: "NewsLensJSON", targets: ["NewsLensJSON"]),
        .library(name: "NewsLensHTML", targets: ["NewsLensHTML"]),
        .library(name: "NewsLensStore", targets: ["NewsLensStore"]),
        .library(name: "NewsLensAPI", targets: ["NewsLensAPI"]),
    ],
    dependencies: [
        // Command-line flags, environment defaults and --help: the standard, well-kept parser; ours would only be worse.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Structured logging API that hosting platforms and log backends already speak.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // System libraries (Debian: zlib1g-dev, libssl-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),

        .target(name: "NewsLensJSON"),
        .target(name: "NewsLensCompression", dependencies: ["CZlib"]),
        // accept4 and other Linux socket calls that Swift's Glibc module leaves out.
        .target(name: "CSocketShims"),
        .target(name: "NewsLensTransport", dependencies: ["COpenSSL", "CSocketShims"], swiftSettings: serverHotPath),
        .target(
            name: "NewsLensHTTP",
            dependencies: [
                "NewsLensTransport", "NewsLensJSON", "NewsLensCompression",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: serverHotPath
        ),
        .target(
            name: "NewsLensExtraction",
            dependencies: ["NewsLensJSON"],
            resources: [.copy("Resources")]
        ),
        .target(name: "NewsLensHTML", dependencies: ["NewsLensExtraction"]),
        .target(name: "NewsLensStore", dependencies: ["NewsLensExtraction", "NewsLensJSON", "NewsLensCompression", "COpenSSL"]),
        .target(
            name: "NewsLensAPI",
            dependencies: [
                "NewsLensHTTP", "NewsLensStore", "NewsLensExtraction", "NewsLensHTML", "NewsLensJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            // openapi.json in parts (info, paths per resource, schemas), merged once at start.
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "newslens",
            dependencies: [
                "NewsLensAPI", "NewsLensHTTP", "NewsLensTransport", "NewsLensExtraction", "NewsLensHTML", "NewsLensStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Prints the store's figures: memory per article, insert/replay speed, rwlock vs mutex for reads.
        .executableTarget(
            name: "store-bench",
            dependencies: ["NewsLensStore", "NewsLensExtraction", "NewsLensJSON"],
            path: "Benchmarks/store-bench"
        ),
        // Feeds pathological inputs (text, HTML, JSON) at growing sizes and prints how time grows.
        .executableTarget(
            name: "scaling-bench",
            dependencies: ["NewsLensExtraction", "NewsLensHTML", "NewsLensJSON"],
            path: "Benchmarks/scaling-bench"
        ),
        .executableTarget(
            name: "http-echo",
            dependencies: ["NewsLensHTTP", .product(name: "Logging", package: "swift-log")]
        ),

        // posix_spawn/waitpid launcher shared by the test targets that run `newslens serve` as a child.
        .target(name: "ChildProcessSupport", path: "Tests/ChildProcessSupport"),

        .testTarget(name: "NewsLensJSONTests", dependencies: ["NewsLensJSON"]),
        .testTarget(name: "NewsLensCompressionTests", dependencies: ["NewsLensCompression"]),
        .testTarget(name: "NewsLensTransportTests", dependencies: ["NewsLensTransport"]),
        .testTarget(name: "NewsLensHTTPTests", dependencies: ["NewsLensHTTP", "NewsLensTransport", "COpenSSL",
                                                                  "ChildProcessSupport"]),
        .testTarget(name: "NewsLensExtractionTests", dependencies: ["NewsLensExtraction"]),
        .testTarget(name: "NewsLensHTMLTests", dependencies: ["NewsLensHTML", "NewsLensExtraction"]),
        .testTarget(name: "NewsLensStoreTests", dependencies: ["NewsLensStore", "NewsLensExtraction", "NewsLensJSON", "NewsLensCompression"]),
        .testTarget(name: "NewsLensAPITests",
                    dependencies: ["NewsLensAPI", "NewsLensHTTP", "NewsLensStore", "NewsLensExtraction", "NewsLensJSON",
                                   "NewsLensCompression", "ChildProcessSupport", .product(name: "Logging", package: "swift-log")]),
    ],
    swiftLanguageModes: [.v6]
)
