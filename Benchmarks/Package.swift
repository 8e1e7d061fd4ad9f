// swift-tools-version:6.1
// A separate package so that the benchmark's dependencies (ordo-one/benchmark and its malloc interposer) never reach
// the application's build. Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "KinerjaBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Kinerja", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CapaianBenchmarks",
            dependencies: [
                .product(name: "KinerjaCore", package: "Kinerja"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CapaianBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "DocumentBenchmarks",
            dependencies: [
                .product(name: "KinerjaDocuments", package: "Kinerja"),
                .product(name: "KinerjaCore", package: "Kinerja"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DocumentBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
