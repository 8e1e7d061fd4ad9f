import Benchmark
import KinerjaCore
import KinerjaDocuments

/// The signed PK as a PDF, alone and 500 at a time in a ZIP (a Pemda's whole round of PKs for download).
///
/// The document is the realistic sample of KinerjaDocuments (8 indicators, 10 budget lines, 3 pages), built in the
/// setup hook; each PDF gets its own verification link, as in production, so the QR code is encoded every time.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]
    let verifyURL = "https://kinerja.kotacontoh.go.id/verifikasi/pk/5f0c2b7e-9a51-4c8e-b1d2-7a4e3c9d2f"
    let footer = "SHA-256 3b7e1f0a9c2d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789ab"

    Benchmark(
        "one PK PDF",
        configuration: .init(
            metrics: metrics, timeUnits: .microseconds, warmupIterations: 10, maxDuration: .seconds(10),
            maxIterations: 2_000)
    ) { benchmark, doc in
        for i in benchmark.scaledIterations {
            blackHole(try PkPdf.render(doc, verifyURL: verifyURL + String(i % 100), footer: footer))
        }
    } setup: {
        PkSample.document()
    }

    // What the download endpoint does: render every PK, then archive them.
    Benchmark(
        "ZIP of 500 PK PDFs",
        configuration: .init(
            metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20),
            maxIterations: 10)
    ) { benchmark, doc in
        let entries = try (0..<500).map { i in
            (name: "pk-2027/pk-\(i).pdf",
             bytes: try PkPdf.render(doc, verifyURL: verifyURL + String(i), footer: footer))
        }
        blackHole(try PkArchive.zip(entries))
    } setup: {
        PkSample.document()
    }

    // The archive alone, for PDFs kept from the signing (rendered in the setup hook, outside the measurement).
    Benchmark(
        "ZIP of 500 PK PDFs, already rendered",
        configuration: .init(
            metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(10),
            maxIterations: 50)
    ) { benchmark, entries in
        blackHole(try PkArchive.zip(entries))
    } setup: {
        let doc = PkSample.document()
        return try (0..<500).map { i in
            (name: "pk-2027/pk-\(i).pdf",
             bytes: try PkPdf.render(doc, verifyURL: verifyURL + String(i), footer: footer))
        }
    }
}
