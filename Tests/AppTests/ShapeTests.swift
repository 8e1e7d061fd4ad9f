import Foundation
import Testing

/// The shape the code keeps, read from the sources: a path is named once (in `SiteURL`), and views take page models,
/// never the Store's Fluent models.
@Suite struct ShapeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func swiftFiles(under folder: String) throws -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            found.append((url.path.replacingOccurrences(of: root.path + "/", with: ""),
                          try String(contentsOf: url, encoding: .utf8)))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The code with comments removed, and string literals kept apart from it.
    static func split(_ source: String) -> (code: String, strings: [String]) {
        var code = ""
        var strings: [String] = []
        var i = source.startIndex
        func at(_ text: String) -> Bool { source[i...].hasPrefix(text) }
        while i < source.endIndex {
            if at("//") {
                while i < source.endIndex, source[i] != "\n" { i = source.index(after: i) }
            } else if at("\"\"\"") {
                i = source.index(i, offsetBy: 3)
                let end = source[i...].range(of: "\"\"\"")?.lowerBound ?? source.endIndex
                strings.append(String(source[i..<end]))
                code += "\"\""
                i = end < source.endIndex ? source.index(end, offsetBy: 3) : end
            } else if source[i] == "\"" {
                var literal = ""
                i = source.index(after: i)
                while i < source.endIndex, source[i] != "\"", source[i] != "\n" {
                    if source[i] == "\\" {
                        literal.append(source[i])
                        i = source.index(after: i)
                        guard i < source.endIndex else { break }
                    }
                    literal.append(source[i])
                    i = source.index(after: i)
                }
                strings.append(literal)
                code += "\"\""
                if i < source.endIndex { i = source.index(after: i) }
            } else {
                code.append(source[i])
                i = source.index(after: i)
            }
        }
        return (code, strings)
    }

    @Test func no_route_path_is_written_outside_the_route_names() throws {
        let files = try Self.swiftFiles(under: "Sources/App")
        #expect(files.count > 40)
        var found: [String] = []
        for file in files where !file.path.hasSuffix("Routing/SiteURL.swift") {
            for literal in Self.split(file.text).strings {
                // A site path starts with a slash and a letter; `:name` is a route parameter.
                let isPath = literal.hasPrefix("/") && literal.dropFirst().first.map(\.isLetter) == true
                let isParameter = literal.hasPrefix(":") && literal.count > 1
                    && literal.dropFirst().allSatisfy { $0.isLetter }
                if isPath || isParameter { found.append("\(file.path): \"\(literal)\"") }
            }
        }
        // A file name joined to the data folder is not a route.
        found.removeAll { $0.contains("AppConfig.swift") && $0.hasSuffix("\"/kinerja.sqlite\"") }
        #expect(found == [], "Paths belong in SiteURL:\n\(found.joined(separator: "\n"))")
    }

    @Test func views_never_take_a_fluent_model() throws {
        var models: [String] = []
        for file in try Self.swiftFiles(under: "Sources/KinerjaStore") {
            let code = Self.split(file.text).code
            for line in code.split(separator: "\n") {
                guard let range = line.range(of: "final class ") else { continue }
                let rest = line[range.upperBound...]
                let name = rest.prefix { $0.isLetter || $0.isNumber }
                if rest.dropFirst(name.count).hasPrefix(": Model") { models.append(String(name)) }
            }
        }
        #expect(models.contains("Unit") && models.contains("PkRow") && models.count > 30)
        var found: [String] = []
        for file in try Self.swiftFiles(under: "Sources/App/Views") {
            let code = Self.split(file.text).code
            for model in models {
                var search = code[...]
                while let hit = search.range(of: model) {
                    let before = hit.lowerBound > code.startIndex ? code[code.index(before: hit.lowerBound)] : " "
                    let after = hit.upperBound < code.endIndex ? code[hit.upperBound] : " "
                    let isIdentifier = !(before.isLetter || before.isNumber || before == "." || before == "_")
                        && !(after.isLetter || after.isNumber || after == "_")
                    if isIdentifier { found.append("\(file.path): \(model)") }
                    search = code[hit.upperBound...]
                }
            }
        }
        #expect(found == [], "Views take page models:\n\(found.joined(separator: "\n"))")
    }
}
