// swift-tools-version:6.2
import PackageDescription

// Peers and drivers for `run.sh`, kept out of the product: the root package never depends on this one.
// (store-bench lives beside it in Benchmarks/store-bench but is a target of the root package, since it
// needs the store's internals through its library targets.)
let package = Package(
    name: "NewsLensBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The peer we measure against: the leading Swift server framework (SwiftNIO underneath).
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // Serves the same stored-article JSON bytes as `newslens serve` on the same routes.
        .executableTarget(
            name: "hummingbird-peer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
