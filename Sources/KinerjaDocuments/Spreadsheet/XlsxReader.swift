import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KinerjaCore
import XMLCoder
import ZIPFoundation

/// Reads the sheets of an XLSX workbook row by row: ZIPFoundation opens the package, XMLCoder reads the small parts
/// (the workbook and its relationships) and a streaming parser reads the sheets, so memory follows a row, not the
/// file. Shared strings are the exception: the format points into one table, which is held while reading.
public final class XlsxReader {
    public struct Sheet: Sendable, Hashable {
        public var name: String
        /// The part inside the package, e.g. `xl/worksheets/sheet1.xml`.
        var path: String
    }

    public let sheets: [Sheet]
    private let archive: Archive
    private let limits: SpreadsheetLimits
    private var sharedStrings: [String]?

    public init(url: URL, limits: SpreadsheetLimits = SpreadsheetLimits()) throws(SpreadsheetError) {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil),
              let workbookEntry = archive["xl/workbook.xml"]
        else { throw .notXlsx }
        self.archive = archive
        self.limits = limits
        let workbook: Workbook
        let relationships: Relationships
        do {
            workbook = try XMLDecoder().decode(Workbook.self, from: try Self.read(workbookEntry, in: archive, limit: limits.unpackedBytes))
            let rels = archive["xl/_rels/workbook.xml.rels"]
            relationships = try rels.map {
                try XMLDecoder().decode(Relationships.self, from: try Self.read($0, in: archive, limit: limits.unpackedBytes))
            } ?? Relationships(relationship: [])
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw .malformed("xl/workbook.xml")
        }
        let targets = Dictionary(relationships.relationship.map { ($0.id, $0.target) }, uniquingKeysWith: { a, _ in a })
        sheets = workbook.sheets.sheet.enumerated().compactMap { offset, sheet in
            // A workbook without relationships (some generators) names its sheets in order.
            let target = sheet.relationshipID.flatMap { targets[$0] } ?? "worksheets/sheet\(offset + 1).xml"
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return archive[path] == nil ? nil : Sheet(name: sheet.name, path: path)
        }
        guard !sheets.isEmpty else { throw .notXlsx }
    }

    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Calls `body` with each row that holds a cell, in order. A throw from `body` stops the reading and is rethrown.
    public func rows(of sheet: Sheet, _ body: (RawRow) throws -> Void) throws {
        let strings = try loadSharedStrings()
        guard let entry = archive[sheet.path] else { throw SpreadsheetError.missingSheet(sheet.name) }
        try withUnpacked(entry) { url in
            try withoutActuallyEscaping(body) { body in
                let handler = SheetHandler(strings: strings, limits: limits, body: body)
                try parse(url, handler, part: sheet.path)
                if let failure = handler.failure { throw failure }
            }
        }
    }

    private func loadSharedStrings() throws -> [String] {
        if let sharedStrings { return sharedStrings }
        var strings: [String] = []
        if let entry = archive["xl/sharedStrings.xml"] {
            try withUnpacked(entry) { url in
                let handler = SharedStringsHandler(limit: limits.cellCharacters)
                try parse(url, handler, part: entry.path)
                if let failure = handler.failure { throw failure }
                strings = handler.strings
            }
        }
        sharedStrings = strings
        return strings
    }

    private func parse(_ url: URL, _ delegate: some XMLParserDelegate & Failing, part: String) throws {
        guard let stream = InputStream(url: url) else { throw SpreadsheetError.malformed(part) }
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse(), delegate.failure == nil { throw SpreadsheetError.malformed(part) }
    }

    /// The entry unpacked into a temporary file, removed afterwards: the streaming parser reads a file, and the
    /// file never holds more than `limits.unpackedBytes`, whatever the entry claims.
    private func withUnpacked(_ entry: Entry, _ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-xlsx-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw SpreadsheetError.malformed(entry.path)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        var written = 0
        let limit = limits.unpackedBytes
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                written += chunk.count
                guard written <= limit else { throw SpreadsheetError.tooLarge(limit: limit) }
                try handle.write(contentsOf: chunk)
            }
            try handle.close()
        } catch let error as SpreadsheetError {
            try? handle.close()
            throw error
        } catch {
            try? handle.close()
            throw SpreadsheetError.notXlsx
        }
        try body(url)
    }

    private static func read(_ entry: Entry, in archive: Archive, limit: Int) throws -> Data {
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                guard data.count + chunk.count <= min(limit, 16 * 1_048_576) else { throw SpreadsheetError.tooLarge(limit: limit) }
                data.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.notXlsx
        }
        return data
    }
}

// MARK: - The small parts, through XMLCoder

private struct Workbook: Decodable {
    struct Sheets: Decodable { var sheet: [SheetEntry] }
    struct SheetEntry: Decodable {
        var name: String
        var relationshipID: String?
        enum CodingKeys: String, CodingKey {
            case name
            case relationshipID = "r:id"
        }
    }
    var sheets: Sheets
}

private struct Relationships: Decodable {
    struct Relationship: Decodable {
        var id: String
        var target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case target = "Target"
        }
    }
    var relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

// MARK: - The large parts, streamed

private protocol Failing: AnyObject {
    var failure: (any Error)? { get }
}

private final class SharedStringsHandler: NSObject, XMLParserDelegate, Failing {
    var strings: [String] = []
    var failure: (any Error)?
    private let limit: Int
    private var current = ""
    private var inText = false
    /// Inside `<rPh>`: a phonetic reading (Japanese), not part of the text.
    private var inPhonetic = false

    init(limit: Int) { self.limit = limit }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:])
    {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        current += string
        if current.utf8.count > limit * 4 {
            failure = SpreadsheetError.malformed("xl/sharedStrings.xml")
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

private final class SheetHandler: NSObject, XMLParserDelegate, Failing {
    var failure: (any Error)?
    private let strings: [String]
    private let limits: SpreadsheetLimits
    private let body: (RawRow) throws -> Void
    private var rowNumber = 0
    private var cells: [RawCell] = []
    private var column = 0
    private var type = "n"
    private var hasFormula = false
    private var value = ""
    private var inValue = false
    private var inInline = false

    init(strings: [String], limits: SpreadsheetLimits, body: @escaping (RawRow) throws -> Void) {
        self.strings = strings
        self.limits = limits
        self.body = body
    }

    private func fail(_ error: any Error, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:])
    {
        switch name {
        case "row":
            let next = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            guard next > rowNumber, next <= 1_048_576 else { return fail(SpreadsheetError.tooManyRows, parser) }
            rowNumber = next
            cells = []
            column = 0
        case "c":
            if let reference = attributes["r"], let index = Self.columnIndex(reference) { column = index }
            guard column < limits.columns else {
                return fail(SpreadsheetError("Baris \(rowNumber) memakai lebih dari \(limits.columns) kolom.",
                                             "Row \(rowNumber) uses more than \(limits.columns) columns."), parser)
            }
            type = attributes["t"] ?? "n"
            hasFormula = false
            value = ""
        case "v": inValue = true
        case "t": inInline = type == "inlineStr"
        case "f": hasFormula = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inValue || inInline else { return }
        value += string
        if value.count > limits.cellCharacters {
            fail(SpreadsheetError("Sel di baris \(rowNumber) melebihi \(limits.cellCharacters) karakter.",
                                  "A cell of row \(rowNumber) exceeds \(limits.cellCharacters) characters."), parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v": inValue = false
        case "t": inInline = false
        case "c":
            let cell: RawCell
            if hasFormula {
                cell = .formula
            } else {
                switch type {
                case "s":
                    guard let index = Int(value), strings.indices.contains(index) else {
                        return fail(SpreadsheetError.malformed("sel \(rowNumber)"), parser)
                    }
                    cell = strings[index].isEmpty ? .empty : .text(strings[index])
                case "inlineStr", "str": cell = value.isEmpty ? .empty : .text(value)
                case "b": cell = .boolean(value == "1")
                case "e": cell = .error(value)
                case "d": cell = .text(String(value.prefix { $0 != "T" }))
                default: cell = value.isEmpty ? .empty : .number(value)
                }
            }
            if cells.count < column { cells.append(contentsOf: repeatElement(RawCell.empty, count: column - cells.count)) }
            if cells.count == column { cells.append(cell) } else { cells[column] = cell }
            column += 1
        case "row":
            do { try body(RawRow(number: rowNumber, cells: cells)) } catch { fail(error, parser) }
        default: break
        }
    }

    /// `AB12` → 27 (zero-based); nil when the reference holds no letters or too many.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= 65, byte <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(byte - 64)
        }
        return letters == 0 ? nil : index - 1
    }
}
