// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for NewsLens (issue 7). A package of its own, depending on the product by path, so that
// the product's `swift build` / `swift test` never see these executables: they have no `main` (libFuzzer
// supplies it) and only link with the fuzzer flags. Build and run them with `scripts/fuzz.sh`, which uses
//   swift build -c release --product NAME --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -parse-as-library -Xlinker --no-gc-sections
// (the combined -sanitize flag: swiftc keeps only the last -sanitize= option, and SwiftPM orders its two at
// random, so without it half of the builds have no coverage or no AddressSanitizer; see scripts/fuzz.sh).
// Harnesses use public API only (a few `public` modifiers in the product exist for them, each documented).
//
// The folder is `Fuzzing`, not `Fuzz`: SwiftPM names a path dependency after its folder (lowercased), so a
// checkout folder called `fuzz` would clash with a package folder `Fuzz` ("product not found").
let newsLens = "NewsLens"

let package = Package(
    name: "NewsLensFuzz",
    products: [
        .executable(name: "fuzz-request-head", targets: ["fuzz-request-head"]),
        .executable(name: "fuzz-chunked", targets: ["fuzz-chunked"]),
        .executable(name: "fuzz-json", targets: ["fuzz-json"]),
        .executable(name: "fuzz-analyze-text", targets: ["fuzz-analyze-text"]),
        .executable(name: "fuzz-html", targets: ["fuzz-html"]),
        .executable(name: "fuzz-request-body", targets: ["fuzz-request-body"]),
        .executable(name: "fuzz-api", targets: ["fuzz-api"]),
    ],
    dependencies: [
        .package(name: newsLens, path: ".."),
    ],
    targets: [
        // Invariant checks shared by the harnesses (a failed check traps, which libFuzzer records as a crash).
        .target(name: "FuzzSupport"),
        // Checks on an `Analysis`, apart so that the HTTP and JSON targets do not build the engine.
        .target(
            name: "FuzzAnalysisChecks",
            dependencies: ["FuzzSupport", .product(name: "NewsLensExtraction", package: newsLens)]
        ),
        .executableTarget(
            name: "fuzz-request-head",
            dependencies: ["FuzzSupport", .product(name: "NewsLensHTTP", package: newsLens)]
        ),
        .executableTarget(
            name: "fuzz-chunked",
            dependencies: ["FuzzSupport", .product(name: "NewsLensHTTP", package: newsLens)]
        ),
        .executableTarget(
            name: "fuzz-json",
            dependencies: ["FuzzSupport", .product(name: "NewsLensJSON", package: newsLens)]
        ),
        .executableTarget(
            name: "fuzz-analyze-text",
            dependencies: ["FuzzSupport", "FuzzAnalysisChecks", .product(name: "NewsLensExtraction", package: newsLens)]
        ),
        .executableTarget(
            name: "fuzz-html",
            dependencies: [
                "FuzzSupport", "FuzzAnalysisChecks",
                .product(name: "NewsLensHTML", package: newsLens),
                .product(name: "NewsLensExtraction", package: newsLens),
            ]
        ),
        .executableTarget(
            name: "fuzz-request-body",
            dependencies: [
                "FuzzSupport",
                .product(name: "NewsLensAPI", package: newsLens),
                .product(name: "NewsLensHTTP", package: newsLens),
                .product(name: "NewsLensJSON", package: newsLens),
            ]
        ),
        .executableTarget(
            name: "fuzz-api",
            dependencies: [
                "FuzzSupport",
                .product(name: "NewsLensAPI", package: newsLens),
                .product(name: "NewsLensHTTP", package: newsLens),
                .product(name: "NewsLensJSON", package: newsLens),
                .product(name: "NewsLensStore", package: newsLens),
                .product(name: "NewsLensExtraction", package: newsLens),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
