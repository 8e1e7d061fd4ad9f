/// Reading a new nomenclature version from a table: every row checked, every problem reported, and rows only when
/// there is no problem at all (an import is all or nothing).
public enum NomenclatureImport {
    public struct Row: Sendable, Hashable {
        public var jenisPemda: JenisPemda
        public var code: String
        public var level: NomenclatureLevel
        public var name: String
        public var kinerja: String?
        public var indikator: String?
        public var satuan: String?
    }

    public static let requiredColumns = ["code", "level", "name", "jenis_pemda"]

    /// `records` are the data rows after the header, each as its fields in header order.
    public static func read(header: [String], records: [[String]]) -> (rows: [Row], issues: [ImportIssue]) {
        let names = header.map { $0.trimmingSpaces().lowercased() }
        var issues: [ImportIssue] = requiredColumns.filter { !names.contains($0) }.map {
            ImportIssue(row: 1, column: $0, message: Message(id: "Kolom \($0) tidak ada di baris judul.",
                                                             en: "Column \($0) is missing from the header row."))
        }
        guard issues.isEmpty else { return ([], issues) }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        var seen: [JenisPemda: [String: Int]] = [:]
        for (offset, fields) in records.enumerated() {
            let rowNumber = offset + 2
            func field(_ name: String) -> String? {
                guard let i = index[name], i < fields.count else { return nil }
                let value = fields[i].trimmingSpaces()
                return value.isEmpty ? nil : value
            }
            func issue(_ column: String, _ id: String, _ en: String) {
                issues.append(ImportIssue(row: rowNumber, column: column, message: Message(id: id, en: en)))
            }
            let code = field("code") ?? ""
            guard let shape = NomenclatureCode.level(of: code) else {
                issue("code", "Kode \"\(code)\" tidak sesuai format U.BB.PP.K.KK.SSSS.", "Code \"\(code)\" does not follow U.BB.PP.K.KK.SSSS.")
                continue
            }
            guard let level = field("level").flatMap(NomenclatureLevel.init(rawValue:)) else {
                issue("level", "Tingkat harus urusan, bidang, program, kegiatan atau subkegiatan.",
                      "The level must be urusan, bidang, program, kegiatan or subkegiatan.")
                continue
            }
            if level != shape {
                issue("level", "Kode \(code) berbentuk \(shape.label.id.lowercased()), bukan \(level.label.id.lowercased()).",
                      "Code \(code) has the shape of a \(shape.label.en.lowercased()), not a \(level.label.en.lowercased()).")
            }
            guard let name = field("name") else {
                issue("name", "Nama nomenklatur wajib diisi.", "The name is required.")
                continue
            }
            var tooLong = false
            for (column, limit) in [("name", Limits.longText / 10), ("kinerja", Limits.longText / 10),
                                    ("indikator", Limits.longText / 10), ("satuan", 100)]
            where (field(column)?.count ?? 0) > limit {
                issue(column, "Isian \(column) terlalu panjang: paling banyak \(limit) karakter.",
                      "The \(column) is too long: at most \(limit) characters.")
                tooLong = true
            }
            if tooLong { continue }
            let kinds = (field("jenis_pemda") ?? "").split(separator: "|").map { JenisPemda(rawValue: String($0)) }
            if kinds.isEmpty || kinds.contains(nil) {
                issue("jenis_pemda", "Jenis Pemda harus PROV, KABKOT atau PROV|KABKOT.", "The kind must be PROV, KABKOT or PROV|KABKOT.")
                continue
            }
            for kind in kinds.compactMap({ $0 }) {
                if let first = seen[kind]?[code] {
                    issue("code", "Kode \(code) (\(kind.rawValue)) sudah ada di baris \(first).",
                          "Code \(code) (\(kind.rawValue)) already appears in row \(first).")
                    continue
                }
                seen[kind, default: [:]][code] = rowNumber
                rows.append(Row(jenisPemda: kind, code: code, level: level, name: name, kinerja: field("kinerja"),
                                indikator: field("indikator"), satuan: field("satuan")))
            }
        }
        if records.isEmpty {
            issues.append(ImportIssue(row: 2, column: "code", message: Message(id: "Berkas tidak berisi baris data.",
                                                                               en: "The file has no data rows.")))
        }
        return issues.isEmpty ? (rows, []) : ([], issues)
    }
}
