import Benchmark
import KinerjaCore

/// The capaian of a whole year, computed from raw triwulan entries and rolled up sasaran → unit → Pemda → nation.
///
/// The synthetic year is generated once per benchmark, in its setup hook, outside the measured region; only
/// `CapaianEngine.rollUp` is measured.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]

    // 546 Pemda (every provinsi, kabupaten and kota): 1,597,050 indicators and 6,388,200 period values.
    Benchmark(
        "national year: compute and roll up",
        configuration: .init(
            metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30),
            maxIterations: 5)
    ) { benchmark, year in
        let engine = CapaianEngine()
        benchmark.startMeasurement()
        blackHole(engine.rollUp(year))
        benchmark.stopMeasurement()
    } setup: {
        SyntheticYear.generate(seed: 42, pemdaCount: 546)
    }

    // One kabupaten/kota: 2,925 indicators.
    Benchmark(
        "one kab/kota year",
        configuration: .init(
            metrics: metrics, timeUnits: .microseconds, warmupIterations: 3, maxDuration: .seconds(10),
            maxIterations: 1_000)
    ) { benchmark, year in
        let engine = CapaianEngine()
        benchmark.startMeasurement()
        blackHole(engine.rollUp(year))
        benchmark.stopMeasurement()
    } setup: {
        SyntheticYear.generate(seed: 42, pemdaCount: 1)
    }
}
