/// The kinds of evidence file (bukti dukung) Kinerja keeps, told apart by their first bytes, never by the name or the
/// type the browser claims.
public enum BuktiKind: String, Sendable, Hashable, Codable, CaseIterable {
    case pdf, png, jpeg, xlsx

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Files larger than this are refused before they are read into a row.
    public static let maximumBytes = 10 * 1024 * 1024
    /// Evidence files of one indicator and quarter.
    public static let maximumFiles = 20

    /// The kind the content starts like. A ZIP container is only a candidate for XLSX: the caller opens it and looks
    /// for the workbook's parts (`xlsxParts`).
    public static func sniff(_ bytes: some Collection<UInt8>) -> BuktiKind? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        return nil
    }

    /// An XLSX is a ZIP holding these parts; a Word file or any other ZIP is not evidence of this kind.
    public static let xlsxParts: Set<String> = ["[Content_Types].xml", "xl/workbook.xml"]

    public static func refusal(size: Int) -> RuleViolation? {
        if size == 0 {
            return RuleViolation(code: "bukti.empty", field: .file,
                message: Message(id: "Berkas bukti dukung kosong.", en: "The evidence file is empty."))
        }
        if size > maximumBytes {
            let tenths = size / (1024 * 1024 / 10)
            return RuleViolation(code: "bukti.tooLarge", field: .file,
                message: Message(id: "Berkas bukti dukung paling besar \(maximumBytes / 1024 / 1024) MB; berkas ini \(tenths / 10),\(tenths % 10) MB.",
                                 en: "An evidence file may be at most \(maximumBytes / 1024 / 1024) MB; this one is \(tenths / 10).\(tenths % 10) MB."))
        }
        return nil
    }

    public static let unknownType = RuleViolation(code: "bukti.type", field: .file,
        message: Message(id: "Bukti dukung harus berupa PDF, gambar PNG atau JPEG, atau lembar kerja XLSX. Jenis berkas dikenali dari isinya, bukan dari namanya.",
                         en: "Evidence must be a PDF, a PNG or JPEG image, or an XLSX workbook. The type is read from the content, not the name."))
}
