import Foundation
import Testing

/// The Debian tools that read back what the library wrote: pdftotext and pdftoppm (poppler-utils) and zbarimg
/// (zbar-tools). `scripts/install-deps.sh test` installs them, so a missing tool fails the test instead of skipping.
enum ExternalTools {
    static let pdftotext = "/usr/bin/pdftotext"
    static let pdftoppm = "/usr/bin/pdftoppm"
    static let zbarimg = "/usr/bin/zbarimg"

    /// A fresh folder per call, since Swift Testing runs tests in parallel.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], name: String = "pk.pdf") throws -> URL {
        let url = try scratchDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Runs a tool and answers its standard output; a non-zero exit fails the test.
    static func run(_ tool: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String
    {
        try #require(FileManager.default.isExecutableFile(atPath: tool),
                     "\(tool) is missing: run scripts/install-deps.sh test", sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) exited with \(process.terminationStatus)",
                sourceLocation: sourceLocation)
        return String(decoding: data, as: UTF8.self)
    }

    /// The PDF's text as `pdftotext -layout` reads it, with every run of white space (line ends, the gaps between
    /// table columns, justified spacing) made one space, so that a phrase is found wherever its lines break.
    static func text(of pdf: [UInt8]) throws -> String {
        let file = try write(pdf)
        let raw = try run(pdftotext, ["-layout", "-enc", "UTF-8", file.path, "-"])
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// One page rasterised in 8-bit grey by pdftoppm (a binary PGM), row by row from the top.
    static func grayPixels(of pdf: [UInt8], page: Int, dpi: Int = 20) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let file = try write(pdf)
        let prefix = file.deletingLastPathComponent().appendingPathComponent("gray").path
        _ = try run(pdftoppm, ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile",
                               file.path, prefix])
        let pgm = try [UInt8](Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm")))
        // Header: "P5", width, height, maximum value, each followed by one white-space byte; comments are not used.
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while pgm[index] == 0x20 || pgm[index] == 0x0A { index += 1 }
            var value = 0
            while pgm[index] >= 0x30 && pgm[index] <= 0x39 { value = value * 10 + Int(pgm[index] - 0x30); index += 1 }
            fields.append(value)
        }
        index += 1
        return (fields[0], fields[1], Array(pgm[index...]))
    }

    static func pageCount(of pdf: [UInt8]) throws -> Int {
        let file = try write(pdf)
        // pdftotext ends every page with a form feed.
        return try run(pdftotext, [file.path, "-"]).filter { $0 == "\u{0C}" }.count
    }
}
