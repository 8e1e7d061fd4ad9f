import KinerjaCore

/// The name of the input on a form for each domain field: the rules speak of `InputField`s, the forms of their inputs'
/// names. One standard table; a form that names an input differently (the PK's "add a row" form has `target_baru`
/// beside the table's `target`) brings its own overrides.
struct FieldNames: Sendable {
    var overrides: [InputField: String] = [:]
    /// A form whose names follow a pattern (a table of rows) names its fields here first.
    var custom: (@Sendable (InputField) -> String?)?

    init(overrides: [InputField: String] = [:], custom: (@Sendable (InputField) -> String?)? = nil) {
        self.overrides = overrides
        self.custom = custom
    }

    func name(_ field: InputField) -> String {
        if let name = custom?(field) { return name }
        if let name = overrides[field] { return name }
        switch field {
        case .quarter(let n): return "tw\(n)"
        case .band(let n): return "batas\(n)"
        case .row(let n, let inner): return "baris\(n).\(name(inner))"
        // A statement's parts are named by their key on the settings form.
        case .keyed(let key, .template): return key
        case .keyed(let key, let inner): return "\(name(inner))_\(key)"
        default: return Self.standard[field] ?? field.key
        }
    }

    static let standard: [InputField: String] = [
        .code: "kode", .name: "nama", .kind: "jenis", .parent: "induk", .level: "tingkat", .eselon: "eselon",
        .superior: "atasan", .unit: "unit", .position: "jabatan", .pegawai: "pegawai", .nip: "nip", .pangkat: "pangkat",
        .title: "sebutan", .seat: "ibukota", .pemda: "pemda", .scale: "skala", .cap: "batas", .bidang: "bidang",
        .username: "namaPengguna", .displayName: "nama", .roles: "peran", .password: "kataSandi",
        .passwordRepeat: "ulangi", .currentPassword: "lama", .active: "aktif", .totpCode: "kode",
        .period: "periode", .visi: "visi", .misi: "misi", .tujuan: "tujuan", .sasaran: "sasaran", .rpjmd: "rpjmd",
        .renstra: "renstra", .renstraItem: "item", .indikator: "indikator", .satuan: "satuan", .polarity: "polaritas",
        .aggregation: "agregasi", .entryMode: "modeIsian", .reporting: "periodePelaporan", .negativeFormula: "rumusNegatif", .ordinalRule: "aturanPeringkat", .weight: "bobot", .baseline: "awal",
        .baselineYear: "tahunAwal", .definition: "definisi", .measurement: "cara", .dataSource: "sumber",
        .tags: "label", .pagu: "pagu", .rkt: "rkt", .legalNumber: "nomor", .legalDate: "tanggal", .legalBasis: "dasar",
        .decree: "sk", .perda: "perda", .startYear: "awal", .endYear: "akhir", .version: "versi", .text: "teks",
        .months: "bulan", .bands: "batas", .year: "tahun", .date: "tanggal", .start: "mulai", .end: "selesai",
        .stage: "tahap", .opensOn: "dibuka", .closesOn: "ditutup", .until: "sampai", .receivedOn: "diterima",
        .reminderDays: "pengingat", .target: "target", .targetLower: "target", .targetUpper: "target",
        .realisasi: "nilai", .links: "kaitan", .amount: "anggaran", .reason: "alasan", .ground: "alasan",
        .party: "pihak", .place: "tempat", .template: "naskah", .logo: "logo", .note: "catatan",
    ]

    static let plain = FieldNames()
    /// The PK page's "add an indicator" and "add a budget line" forms.
    static let pkNewRow = FieldNames(overrides: [.sasaran: "sasaran_baru", .indikator: "indikator_baru",
                                                 .satuan: "satuan_baru", .kind: "jenis_baru", .target: "target_baru",
                                                 .code: "kode_baru", .amount: "anggaran_baru"])
}
