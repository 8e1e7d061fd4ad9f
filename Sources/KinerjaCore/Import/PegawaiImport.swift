/// The employees of a Pemda as SIMPEG exports them: one row a person, with the position they hold (if any) from its
/// TMT. The key is the NIP: importing the same list again changes nothing.
public enum PegawaiImport {
    public struct Record: Sendable, Hashable {
        public var row: Int
        public var nip: Nip
        public var name: String
        /// `Pembina Tk. I (IV/b)`: the pangkat and its golongan as one text, as the PK prints it.
        public var pangkat: String
        public var position: Position?
    }

    public struct Position: Sendable, Hashable {
        /// The unit's code, or its name as the unit list writes it.
        public var unit: String
        public var jabatan: String
        public var kind: PenugasanKind
        public var tmt: CalendarDate
        public var decree: String
    }

    public static let golongan: [String] = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
                                             "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]
    static let kinds: [(written: String, value: PenugasanKind)] = [("Definitif", .definitif), ("Plt", .plt), ("Plh", .plh)]

    public static let template = ImportTemplate(
        title: Message(id: "Pegawai dan jabatannya (bentuk ekspor SIMPEG)", en: "Employees and their positions (SIMPEG export shape)"),
        columns: [
            ImportColumn("NIP", hint: Message(id: "18 digit, boleh dengan spasi: 19700101 199003 1 001.",
                                              en: "18 digits, spaces allowed: 19700101 199003 1 001."), example: "197001011990031001"),
            ImportColumn("Nama", hint: Message(id: "Nama lengkap dengan gelar, seperti tertulis di SK.",
                                               en: "Full name with titles, as on the decree."), example: "Dr. Budi Santoso, M.Si."),
            ImportColumn("Pangkat", required: false, hint: Message(id: "Nama pangkat, mis. Pembina Tk. I.", en: "The rank, e.g. Pembina Tk. I."),
                         example: "Pembina Tk. I"),
            ImportColumn("Golongan", required: false, hint: Message(id: "Golongan ruang.", en: "The grade."), allowed: golongan, example: "IV/b"),
            ImportColumn("Unit", required: false, hint: Message(id: "Kode atau nama unit tempat jabatan (wajib bila Jabatan diisi).",
                                                                en: "Code or name of the position's unit (required with Jabatan)."),
                         example: "1.02.0.00.0.00.01"),
            ImportColumn("Jabatan", required: false, hint: Message(id: "Nama jabatan seperti di daftar jabatan unit itu.",
                                                                   en: "The position's name as the unit's position list writes it."),
                         example: "Kepala Dinas Kesehatan"),
            ImportColumn("Jenis", required: false, hint: Message(id: "Definitif (bawaan), Plt atau Plh.", en: "Definitif (default), Plt or Plh."),
                         allowed: kinds.map(\.written), example: "Definitif"),
            ImportColumn("TMT Jabatan", required: false, hint: Message(id: "Tanggal mulai menjabat: hh/bb/tttt (wajib bila Jabatan diisi).",
                                                                       en: "Start date in the position: dd/mm/yyyy (required with Jabatan)."),
                         example: "02/01/2026"),
            ImportColumn("Nomor SK", required: false, hint: Message(id: "Nomor SK pengangkatan.", en: "The appointment decree number."),
                         example: "821/001/BKPSDM/2026"),
        ],
        keyNote: Message(id: "Baris dikenali dari NIP. Mengimpor ulang berkas yang sama tidak mengubah apa pun.",
                         en: "Rows are matched by NIP. Importing the same file again changes nothing."))

    /// One data row read; every problem of the row is reported, not only the first.
    public static func read(_ row: RawRow, layout: ImportTemplate.Layout, sheet: String) -> Result<Record, ImportIssues> {
        var issues: [ImportIssue] = []
        func at<T>(_ column: String, _ read: (RawCell) throws(CellReader.Problem) -> T) -> T? {
            do { return try read(layout.cell(row, column)) } catch {
                issues.append(ImportIssue(sheet: sheet, row: row.number, column: column, message: error.message))
                return nil
            }
        }
        func refuse(_ column: String, _ message: Message) {
            issues.append(ImportIssue(sheet: sheet, row: row.number, column: column, message: message))
        }
        let nip: Nip? = at("NIP") { cell throws(CellReader.Problem) in
            if case .number(let literal) = cell, literal.contains("E") || literal.contains("e") || literal.contains(".") {
                throw CellReader.Problem(
                    "NIP tersimpan sebagai angka (\(literal)) dan digit terakhirnya hilang. Format kolom NIP sebagai Teks, lalu ketik ulang.",
                    "The NIP was stored as a number (\(literal)) and lost its last digits. Format the NIP column as Text and type it again.")
            }
            let text = try CellReader.requiredText(cell, maxLength: 40)
            do throws(RuleViolation) { return try Nip(text) } catch { throw CellReader.Problem(error.message.id, error.message.en) }
        }
        let name = at("Nama") { cell throws(CellReader.Problem) in try CellReader.requiredText(cell, maxLength: Limits.shortText) }
        let pangkat = at("Pangkat") { cell throws(CellReader.Problem) in try CellReader.text(cell, maxLength: 100) } ?? nil
        let golongan = at("Golongan") { cell throws(CellReader.Problem) -> String? in
            guard !cell.isBlank else { return nil }
            return try CellReader.choice(cell, Self.golongan.map { (written: $0, value: $0) })
        } ?? nil
        let unit = at("Unit") { cell throws(CellReader.Problem) in try CellReader.text(cell, maxLength: Limits.shortText) } ?? nil
        let jabatan = at("Jabatan") { cell throws(CellReader.Problem) in try CellReader.text(cell, maxLength: Limits.shortText) } ?? nil
        let decree = at("Nomor SK") { cell throws(CellReader.Problem) in try CellReader.text(cell, maxLength: 100) } ?? nil
        var position: Position?
        if let jabatan {
            let kind = at("Jenis") { cell throws(CellReader.Problem) in
                cell.isBlank ? PenugasanKind.definitif : try CellReader.choice(cell, kinds)
            }
            let tmt = at("TMT Jabatan", CellReader.date)
            if unit == nil {
                refuse("Unit", Message(id: "Unit wajib diisi bila Jabatan diisi.", en: "Unit is required when Jabatan is given."))
            }
            if let unit, let kind, let tmt {
                position = Position(unit: unit, jabatan: jabatan, kind: kind, tmt: tmt, decree: decree ?? "")
            }
        } else if unit != nil {
            refuse("Jabatan", Message(id: "Jabatan wajib diisi bila Unit diisi.", en: "Jabatan is required when Unit is given."))
        }
        guard issues.isEmpty, let nip, let name else { return .failure(ImportIssues(issues)) }
        let rank = [pangkat, golongan.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        return .success(Record(row: row.number, nip: nip, name: name, pangkat: rank, position: position))
    }
}
