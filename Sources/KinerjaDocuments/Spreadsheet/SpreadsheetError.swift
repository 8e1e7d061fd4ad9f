import KinerjaCore

/// Why a file could not be read as a table at all (before any row is looked at), in both languages.
public struct SpreadsheetError: Error, Sendable, Hashable {
    public var message: Message

    public init(_ id: String, _ en: String) { message = Message(id: id, en: en) }

    static let notXlsx = SpreadsheetError(
        "Berkas bukan XLSX yang utuh (mungkin terpotong, atau berformat lain). Simpan ulang dari Excel sebagai .xlsx.",
        "The file is not a complete XLSX (truncated, or another format). Save it again from Excel as .xlsx.")

    static func tooLarge(limit: Int) -> SpreadsheetError {
        SpreadsheetError("Isi berkas melebihi batas \(limit / 1_048_576) MB setelah dibuka.",
                         "The file's content exceeds \(limit / 1_048_576) MB once unpacked.")
    }

    static func malformed(_ part: String) -> SpreadsheetError {
        SpreadsheetError("Bagian \(part) di dalam berkas XLSX rusak.", "The part \(part) inside the XLSX file is damaged.")
    }

    static func missingSheet(_ name: String) -> SpreadsheetError {
        SpreadsheetError("Lembar \"\(name)\" tidak ada di berkas.", "The file has no sheet \"\(name)\".")
    }

    static let tooManyRows = SpreadsheetError("Berkas melebihi 1.048.576 baris.", "The file exceeds 1,048,576 rows.")
}

/// What a reader stops at, so that a hostile file costs bounded work and memory.
public struct SpreadsheetLimits: Sendable {
    /// Bytes of one unpacked part (a sheet, the shared strings).
    public var unpackedBytes: Int
    public var columns: Int
    /// Characters of one cell (Excel's own limit).
    public var cellCharacters: Int

    public init(unpackedBytes: Int = 512 * 1_048_576, columns: Int = 256, cellCharacters: Int = 32_767) {
        self.unpackedBytes = unpackedBytes
        self.columns = columns
        self.cellCharacters = cellCharacters
    }
}
