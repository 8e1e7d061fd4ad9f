/// The audit trail in words: what each kind of record is called, and each of its fields, in both languages. An
/// auditor reads "Target TW II: 45 → 50" on a "Baris PK", not `{"tw2":"45"}` on `pk_indikator`.
public enum AuditWords {
    /// The records the trail names, in the order the filter offers them.
    public static let entities: [(schema: String, name: Message)] = [
        ("pk", Message(id: "Perjanjian Kinerja", en: "Performance agreement")),
        ("pk_indikator", Message(id: "Baris PK (indikator dan target)", en: "PK row (indicator and target)")),
        ("pk_link", Message(id: "Kaitan ke indikator atasan", en: "Link to a superior's indicator")),
        ("pk_anggaran", Message(id: "Anggaran PK", en: "PK budget line")),
        ("pk_signature", Message(id: "Tanda tangan PK", en: "PK signature")),
        ("pk_seal", Message(id: "Segel PK", en: "PK seal")),
        ("pk_hardcopy", Message(id: "Hardcopy PK", en: "PK hardcopy")),
        ("pk_setting", Message(id: "Pengaturan PK", en: "PK settings")),
        ("realisasi", Message(id: "Realisasi kinerja", en: "Performance realisation")),
        ("realisasi_bukti", Message(id: "Bukti dukung", en: "Evidence file")),
        ("realisasi_anggaran", Message(id: "Realisasi anggaran", en: "Budget realisation")),
        ("capaian_bobot", Message(id: "Bobot capaian (misi/tujuan/sasaran)", en: "Capaian weight (misi/tujuan/sasaran)")),
        ("penilaian_pimpinan", Message(id: "Penilaian pimpinan", en: "Evaluation of a head of unit")),
        ("penilaian_kategori", Message(id: "Kategori penilaian pimpinan", en: "Evaluation categories")),
        ("dpa", Message(id: "DPA", en: "DPA")),
        ("dpa_pagu", Message(id: "Pagu DPA", en: "DPA ceiling")),
        ("unit", Message(id: "Unit kerja", en: "Work unit")),
        ("jabatan", Message(id: "Jabatan", en: "Position")),
        ("pegawai", Message(id: "Pegawai", en: "Employee")),
        ("penugasan", Message(id: "Penugasan pejabat", en: "Assignment")),
        ("periode_rpjmd", Message(id: "Periode RPJMD", en: "RPJMD period")),
        ("misi", Message(id: "Misi", en: "Misi")),
        ("tujuan", Message(id: "Tujuan", en: "Tujuan")),
        ("sasaran_rpjmd", Message(id: "Sasaran RPJMD", en: "RPJMD objective")),
        ("renstra", Message(id: "Renstra", en: "Renstra")),
        ("renstra_sasaran", Message(id: "Sasaran strategis Renstra", en: "Renstra objective")),
        ("renstra_item", Message(id: "Program/kegiatan Renstra", en: "Renstra program/activity")),
        ("renstra_pagu", Message(id: "Pagu Renstra", en: "Renstra ceiling")),
        ("renstra_item_unit", Message(id: "Unit penanggung jawab", en: "Responsible unit")),
        ("indikator", Message(id: "Indikator", en: "Indicator")),
        ("indikator_target", Message(id: "Target indikator", en: "Indicator target")),
        ("rkt", Message(id: "RKT", en: "RKT")),
        ("rkt_sasaran", Message(id: "Sasaran RKT", en: "RKT objective")),
        ("jadwal", Message(id: "Jadwal tahapan", en: "Stage schedule")),
        ("pemda", Message(id: "Pemda", en: "Pemda")),
        ("app_user", Message(id: "Akun pengguna", en: "User account")),
        ("user_totp", Message(id: "Verifikasi dua langkah", en: "Two-step verification")),
        ("nomenklatur_version", Message(id: "Versi nomenklatur", en: "Nomenclature version")),
    ]

    public static func entity(_ schema: String) -> Message {
        entities.first { $0.schema == schema }?.name ?? Message(id: schema, en: schema)
    }

    /// Fields that say nothing to a reader (ids, sort keys, internal settings) are not shown.
    public static let hidden: Set<String> = ["id", "pemda", "sortOrder", "key", "createdAt", "updatedAt", "spec", "specJSON",
                                             "passwordHash", "secret", "lastStep", "seal", "document", "sourceIndikatorID",
                                             "ordinalLevels", "ordinalRule", "negativeFormula", "failedLogins", "lockedUntil"]

    public static func field(_ key: String) -> Message {
        if let known = fields[key] { return known }
        return Message(id: key, en: key)
    }

    static let fields: [String: Message] = [
        "code": Message(id: "Kode", en: "Code"), "name": Message(id: "Nama", en: "Name"),
        "kind": Message(id: "Jenis", en: "Kind"), "parent": Message(id: "Induk", en: "Parent"),
        "bidangCodes": Message(id: "Bidang urusan", en: "Affairs"), "level": Message(id: "Tingkat", en: "Level"),
        "eselon": Message(id: "Eselon", en: "Echelon"), "unit": Message(id: "Unit kerja", en: "Work unit"),
        "superior": Message(id: "Atasan", en: "Superior"), "nip": Message(id: "NIP", en: "NIP"),
        "pangkat": Message(id: "Pangkat", en: "Rank"), "jabatan": Message(id: "Jabatan", en: "Position"),
        "pegawai": Message(id: "Pegawai", en: "Employee"), "startDate": Message(id: "Mulai", en: "From"),
        "endDate": Message(id: "Selesai", en: "To"), "decree": Message(id: "Nomor SK", en: "Decree"),
        "sasaran": Message(id: "Sasaran", en: "Objective"), "indikator": Message(id: "Indikator", en: "Indicator"),
        "satuan": Message(id: "Satuan", en: "Unit of measure"), "target": Message(id: "Target", en: "Target"),
        "tw1": Message(id: "Target TW I", en: "Q1 target"), "tw2": Message(id: "Target TW II", en: "Q2 target"),
        "tw3": Message(id: "Target TW III", en: "Q3 target"), "tw4": Message(id: "Target TW IV", en: "Q4 target"),
        "renstraTarget": Message(id: "Target Renstra", en: "Renstra target"),
        "changeReason": Message(id: "Alasan perubahan", en: "Reason for the change"),
        "status": Message(id: "Status", en: "Status"), "version": Message(id: "Versi", en: "Version"),
        "year": Message(id: "Tahun", en: "Year"), "signedOn": Message(id: "Tanggal tanda tangan", en: "Signed on"),
        "submittedBy": Message(id: "Diajukan oleh", en: "Submitted by"), "amount": Message(id: "Jumlah (Rp)", en: "Amount (Rp)"),
        "number": Message(id: "Nomor", en: "Number"), "ratifiedOn": Message(id: "Tanggal pengesahan", en: "Ratified on"),
        "place": Message(id: "Tempat", en: "Place"), "monthsAfterDpa": Message(id: "Bulan sesudah DPA", en: "Months after the DPA"),
        "remindDaysBefore": Message(id: "Hari pengingat", en: "Reminder days"), "logoPNG": Message(id: "Logo", en: "Emblem"),
        "templateBilateral": Message(id: "Naskah pernyataan", en: "Statement wording"),
        "templateUnilateral": Message(id: "Naskah pernyataan Kepala Daerah", en: "Regional head's statement wording"),
        "username": Message(id: "Nama pengguna", en: "Username"), "displayName": Message(id: "Nama tampilan", en: "Display name"),
        "roles": Message(id: "Peran", en: "Roles"), "active": Message(id: "Aktif", en: "Active"),
        "mustChangePassword": Message(id: "Wajib ganti kata sandi", en: "Must change password"),
        "twoFactor": Message(id: "Verifikasi dua langkah", en: "Two-step verification"),
        "value": Message(id: "Nilai", en: "Value"), "period": Message(id: "Periode (0 = tahunan, 1–4 = TW)", en: "Period (0 = year, 1–4 = quarter)"),
        "text": Message(id: "Rumusan", en: "Statement"), "visi": Message(id: "Visi", en: "Vision"),
        "legalNumber": Message(id: "Nomor dasar hukum", en: "Legal basis number"), "legalDate": Message(id: "Tanggal dasar hukum", en: "Legal basis date"),
        "perdaNumber": Message(id: "Nomor Perda", en: "Perda number"), "perdaDate": Message(id: "Tanggal Perda", en: "Perda date"),
        "startYear": Message(id: "Tahun awal", en: "First year"), "endYear": Message(id: "Tahun akhir", en: "Last year"),
        "weight": Message(id: "Bobot", en: "Weight"), "tags": Message(id: "Label", en: "Tags"),
        "definition": Message(id: "Definisi operasional", en: "Operational definition"),
        "measurement": Message(id: "Cara pengukuran", en: "Measurement"), "dataSource": Message(id: "Sumber data", en: "Data source"),
        "responsible": Message(id: "Penanggung jawab", en: "Responsible"), "rationale": Message(id: "Alasan pemilihan", en: "Rationale"),
        "baselineValue": Message(id: "Kondisi awal", en: "Baseline"), "baselineYear": Message(id: "Tahun kondisi awal", en: "Baseline year"),
        "polarity": Message(id: "Polaritas", en: "Polarity"), "aggregation": Message(id: "Agregasi", en: "Aggregation"),
        "entryMode": Message(id: "Cara isian", en: "Entry mode"), "opens": Message(id: "Dibuka", en: "Opens"),
        "closes": Message(id: "Ditutup", en: "Closes"), "reopenedUntil": Message(id: "Dibuka kembali sampai", en: "Reopened until"),
        "reopenReason": Message(id: "Alasan dibuka kembali", en: "Reason for reopening"), "stage": Message(id: "Tahap", en: "Stage"),
        "sha256": Message(id: "SHA-256", en: "SHA-256"), "party": Message(id: "Pihak", en: "Party"),
        "signedAt": Message(id: "Waktu tanda tangan", en: "Signed at"), "receivedOn": Message(id: "Diterima", en: "Received"),
        "note": Message(id: "Catatan", en: "Note"), "superiorRow": Message(id: "Indikator atasan", en: "Superior's indicator"),
        "row": Message(id: "Indikator", en: "Indicator"), "ownerKind": Message(id: "Pemilik", en: "Owner"),
        "ownerID": Message(id: "Pemilik", en: "Owner"), "renstra": Message(id: "Renstra", en: "Renstra"),
        "periode": Message(id: "Periode", en: "Period"), "misi": Message(id: "Misi", en: "Misi"), "tujuan": Message(id: "Tujuan", en: "Tujuan"),
        "item": Message(id: "Program/kegiatan", en: "Program/activity"), "dpa": Message(id: "DPA", en: "DPA"),
        "revisionGround": Message(id: "Alasan perubahan PK", en: "Ground of the revision"),
        "previous": Message(id: "Versi sebelumnya", en: "Previous version"), "superiorJabatan": Message(id: "Jabatan atasan", en: "Superior's position"),
        "predikatScale": Message(id: "Skala predikat", en: "Rating scale"), "capaianCap": Message(id: "Batas capaian", en: "Achievement cap"),
        "seat": Message(id: "Ibu kota", en: "Seat"), "kepalaDaerahTitle": Message(id: "Sebutan Kepala Daerah", en: "Head's title"),
        "zone": Message(id: "Zona waktu", en: "Time zone"), "structureVersion": Message(id: "Versi struktur", en: "Structure version"),
        "kategori": Message(id: "Kategori", en: "Category"), "saran": Message(id: "Kategori menurut capaian", en: "Category by capaian"),
        "capaian": Message(id: "Capaian (%)", en: "Capaian (%)"), "predikat": Message(id: "Predikat", en: "Rating"),
        "triwulan": Message(id: "Dibaca s.d. triwulan", en: "Read through quarter"), "pkVersion": Message(id: "Versi PK", en: "PK version"),
        "kategoriList": Message(id: "Kategori (batas bawah capaian)", en: "Categories (lower bounds of capaian)"),
    ]

    /// A stored value in words where Kinerja knows its meaning (a status, a level, yes/no).
    public static func value(_ raw: String, field: String) -> String {
        switch field {
        case "status": if let s = PkStatus(rawValue: raw) { return s.label.id }
        case "level": if let l = JabatanLevel(rawValue: raw) { return l.label.id } else if let l = PkLevel(rawValue: raw) { return l.label.id }
        case "kind": if let k = PenugasanKind(rawValue: raw) { return k == .definitif ? "Definitif" : k.signaturePrefix.trimmingSpaces() }
        case "party": if let p = PkParty(rawValue: raw) { return p.label.id }
        case "polarity": if let p = Polarity(rawValue: raw) { return p.label.id }
        case "aggregation": if let a = Aggregation(rawValue: raw) { return a.label.id }
        case "entryMode": if let e = EntryMode(rawValue: raw) { return e.label.id }
        default: break
        }
        switch raw {
        case "true": return "Ya"
        case "false": return "Tidak"
        default: return raw
        }
    }
}
