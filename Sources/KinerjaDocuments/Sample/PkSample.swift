import KinerjaCore

/// A realistic PK of Kota Contoh (the demo Pemda) for previews, tests and benchmarks: the merged Dinas Kesehatan,
/// Pengendalian Penduduk dan Keluarga Berencana, its IKU with decimal, range and qualitative-looking targets, and
/// budget lines of billions of Rupiah. Plain values only; nothing here is read at run time by the application.
public enum PkSample {
    public static let unit = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana"

    public static let waliKota = PkSigner(name: "H. Arif Wicaksono, S.E., M.M.", nip: nil, pangkat: "",
                                          jabatan: "Wali Kota Contoh")
    public static let kepalaDinas = PkSigner(name: "dr. Hj. Siti Rahma, M.Kes.", nip: "197001011990032001",
                                             pangkat: "Pembina Utama Muda (IV/c)", jabatan: "Kepala \(unit)")
    public static let kepalaBidang = PkSigner(name: "Ir. Bambang Sutrisno, M.T.", nip: "197805122005011003",
                                              pangkat: "Pembina (IV/a)",
                                              jabatan: "Plt. Kepala Bidang Pelayanan dan Sumber Daya Kesehatan")

    /// - Parameters:
    ///   - level: `.pemda` gives the Wali Kota's unilateral PK, `.jpt` the Kepala Dinas with the Wali Kota,
    ///     `.administrator` a Kepala Bidang with the Kepala Dinas (both with a NIP).
    ///   - indicators: rows of the performance table; past the eight real ones, numbered variants follow.
    ///   - budgetLines: rows of the budget table, cycling through the Dinas's ten programs (its kegiatan for an
    ///     Eselon III PK, sub kegiatan for Eselon IV).
    ///   - revision: a PK Perubahan (version 1) after the APBD-Perubahan.
    public static func document(level: PkLevel = .jpt, indicators: Int = 8, budgetLines: Int = 10,
                                revision: Bool = false) -> PkDocument
    {
        let (pertama, kedua): (PkSigner, PkSigner?) =
            switch level {
            case .pemda: (waliKota, nil)
            case .jpt: (kepalaDinas, waliKota)
            case .administrator, .pengawas: (kepalaBidang, kepalaDinas)
            }
        return PkDocument(
            pemdaCode: "99.01", pemdaName: "Kota Contoh", unitName: level == .pemda ? "Kota Contoh" : unit,
            year: 2027, version: revision ? 1 : 0, level: level,
            statement: PkStatementTemplate.standard(for: level).text(year: 2027),
            pihakPertama: pertama, pihakKedua: kedua, place: "Kota Contoh",
            date: revision ? CalendarDate(year: 2027, month: 9, day: 15)! : CalendarDate(year: 2027, month: 2, day: 5)!,
            performance: performance(count: indicators), budget: budget(level, count: budgetLines),
            revision: revision
                ? PkRevision(ground: .strategiAnggaran, legalNumber: "Peraturan Daerah Kota Contoh Nomor 7 Tahun 2027",
                             legalDate: CalendarDate(year: 2027, month: 8, day: 30)!)
                : nil)
    }

    static let sasaranDerajat = "Meningkatnya derajat kesehatan masyarakat"
    static let sasaranMutu = "Meningkatnya mutu dan akses pelayanan kesehatan"
    static let sasaranKeluarga = "Meningkatnya kualitas keluarga dan terkendalinya pertumbuhan penduduk"

    static let indicators: [PkPerformanceRow] = [
        PkPerformanceRow(key: "iku-ahh", sasaran: sasaranDerajat, indikator: "Angka Harapan Hidup", satuan: "tahun",
                         target: "72,74", quarterly: ["", "", "", "72,74"]),
        PkPerformanceRow(key: "iku-aki", sasaran: sasaranDerajat, indikator: "Angka Kematian Ibu",
                         satuan: "per 100.000 KH", target: "85", quarterly: ["85", "85", "85", "85"]),
        PkPerformanceRow(key: "iku-stunting", sasaran: sasaranDerajat, indikator: "Prevalensi stunting pada balita",
                         satuan: "%", target: "14,2", quarterly: ["18", "17", "15,5", "14,2"]),
        PkPerformanceRow(key: "iku-ikm", sasaran: sasaranMutu,
                         indikator: "Indeks Kepuasan Masyarakat terhadap pelayanan Puskesmas dan RSUD",
                         satuan: "indeks", target: "80–90", quarterly: ["", "80–90", "", "80–90"]),
        PkPerformanceRow(key: "iku-akreditasi", sasaran: sasaranMutu,
                         indikator: "Persentase fasilitas pelayanan kesehatan yang terakreditasi paripurna",
                         satuan: "%", target: "95", quarterly: ["80", "85", "90", "95"]),
        PkPerformanceRow(key: "iku-uhc", sasaran: sasaranMutu,
                         indikator: "Cakupan Universal Health Coverage (UHC)", satuan: "%", target: "98,5",
                         quarterly: ["97", "97,5", "98", "98,5"]),
        PkPerformanceRow(key: "iku-tfr", sasaran: sasaranKeluarga, indikator: "Angka kelahiran total (TFR)",
                         satuan: "anak per wanita", target: "2,1", quarterly: ["", "", "", "2,1"]),
        PkPerformanceRow(key: "iku-mcpr", sasaran: sasaranKeluarga,
                         indikator: "Persentase pemakaian kontrasepsi modern (mCPR)", satuan: "%", target: "61,3",
                         quarterly: ["58", "59,5", "60,4", "61,3"]),
    ]

    static func performance(count: Int) -> [PkPerformanceRow] {
        (0..<max(count, 0)).map { index in
            if index < indicators.count { return indicators[index] }
            // Variants for long tables, each with its own target so that a test can find every row.
            let base = indicators[index % indicators.count]
            let target = "\(100 + index),\(index % 10)"
            return PkPerformanceRow(key: "\(base.key)-\(index)", sasaran: base.sasaran,
                                    indikator: "\(base.indikator) di Kecamatan \(index + 1)", satuan: base.satuan,
                                    target: target, quarterly: ["", "", "", target])
        }
    }

    static let programs: [PkBudgetRow] = [
        PkBudgetRow(code: "1.02.01", name: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                    amount: 98_456_120_500),
        PkBudgetRow(code: "1.02.02", name: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
                    amount: 145_275_800_000),
        PkBudgetRow(code: "1.02.03", name: "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
                    amount: 2_340_500_000),
        PkBudgetRow(code: "1.02.04", name: "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman",
                    amount: 1_125_000_000),
        PkBudgetRow(code: "1.02.05", name: "Program Pemberdayaan Masyarakat Bidang Kesehatan", amount: 875_250_000),
        PkBudgetRow(code: "1.02.07", name: "Program Akreditasi Pelayanan Kesehatan", amount: 1_610_000_000),
        PkBudgetRow(code: "2.14.01", name: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                    amount: 3_204_675_000),
        PkBudgetRow(code: "2.14.02", name: "Program Pengendalian Penduduk", amount: 412_300_000),
        PkBudgetRow(code: "2.14.03", name: "Program Pembinaan Keluarga Berencana (KB)", amount: 2_987_450_000),
        PkBudgetRow(code: "2.14.04", name: "Program Pemberdayaan dan Peningkatan Keluarga Sejahtera (KS)",
                    amount: 1_056_800_000),
    ]

    static let kegiatan: [PkBudgetRow] = [
        PkBudgetRow(code: "1.02.02.2.01",
                    name: "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
                    amount: 18_750_000_000),
        PkBudgetRow(code: "1.02.02.2.02",
                    name: "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
                    amount: 42_315_600_000),
        PkBudgetRow(code: "1.02.02.2.03", name: "Penyelenggaraan Sistem Informasi Kesehatan Secara Terintegrasi",
                    amount: 1_240_000_000),
        PkBudgetRow(code: "1.02.03.2.01", name: "Pemberian Izin Praktik Tenaga Kesehatan di Wilayah Kabupaten/Kota",
                    amount: 312_500_000),
        PkBudgetRow(code: "1.02.03.2.03",
                    name: "Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan Tingkat Daerah Kabupaten/Kota",
                    amount: 1_875_250_000),
    ]

    static let subkegiatan: [PkBudgetRow] = [
        PkBudgetRow(code: "1.02.02.2.02.0001", name: "Pengelolaan Pelayanan Kesehatan Ibu Hamil", amount: 1_425_000_000),
        PkBudgetRow(code: "1.02.02.2.02.0002", name: "Pengelolaan Pelayanan Kesehatan Ibu Bersalin", amount: 987_300_000),
        PkBudgetRow(code: "1.02.02.2.02.0003", name: "Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir",
                    amount: 654_800_000),
        PkBudgetRow(code: "1.02.02.2.02.0004", name: "Pengelolaan Pelayanan Kesehatan Balita", amount: 2_130_450_000),
    ]

    static func budget(_ level: PkLevel, count: Int) -> [PkBudgetRow] {
        let lines =
            switch level.budgetLevel {
            case .kegiatan: kegiatan
            case .subkegiatan: subkegiatan
            default: programs
            }
        return (0..<max(count, 0)).map { index in
            var row = lines[index % lines.count]
            if index >= lines.count { row.amount += Int64(index) * 1_000_000 }
            return row
        }
    }
}
