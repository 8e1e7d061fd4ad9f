import KinerjaCore

/// The fictional "Kota Contoh": its Perangkat Daerah and RPJMD, written as a real Bappeda would.
enum DemoCatalog {
    struct Opd {
        var code: String
        var name: String
        var kind: UnitKind
        var bidang: [String]
        /// The sasaran strategis of its Renstra, with one indicator each: name, satuan, kind, polarity, baseline,
        /// yearly step (negative for a falling target) and the RPJMD sasaran number it serves.
        var sasaran: [DemoSasaran]
    }

    struct DemoSasaran {
        var text: String
        var indicator: String
        var satuan: String
        var kind: IndicatorKind
        var polarity: Polarity = .positive
        var baseline: String
        var step: String
        var rpjmdSasaran: Int
    }

    static func s(_ text: String, _ indicator: String, _ satuan: String, _ kind: IndicatorKind = .percent,
                  _ polarity: Polarity = .positive, base: String, step: String, rpjmd: Int) -> DemoSasaran
    {
        DemoSasaran(text: text, indicator: indicator, satuan: satuan, kind: kind, polarity: polarity, baseline: base,
                    step: step, rpjmdSasaran: rpjmd)
    }

    static let opd: [Opd] = [
        Opd(code: "4.01.0.00.0.00.01.0000", name: "Sekretariat Daerah", kind: .sekretariat, bidang: ["4.01"], sasaran: [
            s("Meningkatnya kualitas tata kelola pemerintahan", "Indeks Reformasi Birokrasi", "indeks", .index, base: "62.10", step: "2.5", rpjmd: 9)]),
        Opd(code: "4.02.0.00.0.00.01.0000", name: "Sekretariat DPRD", kind: .sekretariat, bidang: ["4.02"], sasaran: [
            s("Meningkatnya kualitas fasilitasi fungsi DPRD", "Persentase Raperda yang ditetapkan tepat waktu", "%", base: "75", step: "5", rpjmd: 9)]),
        Opd(code: "6.01.0.00.0.00.01.0000", name: "Inspektorat Daerah", kind: .inspektorat, bidang: ["6.01"], sasaran: [
            s("Meningkatnya kapabilitas pengawasan internal", "Level kapabilitas APIP", "level", .index, base: "3", step: "0", rpjmd: 9),
            s("Menurunnya temuan berulang", "Persentase temuan berulang hasil pemeriksaan", "%", .percent, .negative, base: "12", step: "-2", rpjmd: 9)]),
        Opd(code: "1.01.0.00.0.00.01.0000", name: "Dinas Pendidikan", kind: .dinas, bidang: ["1.01"], sasaran: [
            s("Meningkatnya akses dan mutu pendidikan dasar", "Rata-rata lama sekolah", "tahun", .numeric, base: "10.12", step: "0.1", rpjmd: 1),
            s("Meningkatnya partisipasi pendidikan anak usia dini", "Angka partisipasi kasar PAUD", "%", base: "71.4", step: "2", rpjmd: 1)]),
        Opd(code: "1.02.0.00.0.00.01.0000", name: "Dinas Kesehatan", kind: .dinas, bidang: ["1.02"], sasaran: [
            s("Meningkatnya derajat kesehatan masyarakat", "Usia harapan hidup", "tahun", .numeric, base: "74.02", step: "0.15", rpjmd: 2),
            s("Menurunnya prevalensi balita stunting", "Prevalensi balita stunting", "%", .percent, .negative, base: "18.2", step: "-2", rpjmd: 2)]),
        Opd(code: "1.03.0.00.0.00.01.0000", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: .dinas, bidang: ["1.03"], sasaran: [
            s("Meningkatnya kualitas infrastruktur jalan kota", "Persentase jalan kota dalam kondisi mantap", "%", base: "82.5", step: "2", rpjmd: 6)]),
        Opd(code: "1.04.0.00.0.00.01.0000", name: "Dinas Perumahan dan Kawasan Permukiman", kind: .dinas, bidang: ["1.04"], sasaran: [
            s("Berkurangnya kawasan permukiman kumuh", "Luas kawasan kumuh", "ha", .numeric, .negative, base: "48.6", step: "-6", rpjmd: 6)]),
        Opd(code: "1.05.0.00.0.00.01.0000", name: "Satuan Polisi Pamong Praja", kind: .satuan, bidang: ["1.05"], sasaran: [
            s("Meningkatnya ketenteraman dan ketertiban umum", "Persentase penegakan Perda yang diselesaikan", "%", base: "80", step: "3", rpjmd: 8)]),
        Opd(code: "1.05.0.00.0.00.02.0000", name: "Badan Penanggulangan Bencana Daerah", kind: .badan, bidang: ["1.05"], sasaran: [
            s("Meningkatnya ketangguhan kota terhadap bencana", "Indeks risiko bencana", "indeks", .index, .negative, base: "118.4", step: "-3", rpjmd: 8)]),
        Opd(code: "1.06.0.00.0.00.01.0000", name: "Dinas Sosial", kind: .dinas, bidang: ["1.06"], sasaran: [
            s("Meningkatnya perlindungan sosial warga miskin", "Persentase PPKS yang tertangani", "%", base: "64", step: "4", rpjmd: 3)]),
        Opd(code: "2.07.0.00.0.00.01.0000", name: "Dinas Tenaga Kerja", kind: .dinas, bidang: ["2.07"], sasaran: [
            s("Meningkatnya penempatan tenaga kerja", "Persentase pencari kerja yang ditempatkan", "%", base: "38", step: "3", rpjmd: 4)]),
        Opd(code: "2.08.2.14.0.00.01.0000", name: "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", kind: .dinas, bidang: ["2.08", "2.14"], sasaran: [
            s("Meningkatnya pemberdayaan perempuan", "Indeks pemberdayaan gender", "indeks", .index, base: "71.3", step: "0.8", rpjmd: 3)]),
        Opd(code: "2.09.0.00.0.00.01.0000", name: "Dinas Ketahanan Pangan", kind: .dinas, bidang: ["2.09"], sasaran: [
            s("Meningkatnya ketahanan pangan", "Skor pola pangan harapan", "skor", .index, base: "86.5", step: "1", rpjmd: 5)]),
        Opd(code: "2.11.0.00.0.00.01.0000", name: "Dinas Lingkungan Hidup", kind: .dinas, bidang: ["2.11"], sasaran: [
            s("Meningkatnya kualitas lingkungan hidup", "Indeks kualitas lingkungan hidup", "indeks", .index, base: "61.8", step: "0.7", rpjmd: 7)]),
        Opd(code: "2.12.0.00.0.00.01.0000", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: .dinas, bidang: ["2.12"], sasaran: [
            s("Meningkatnya kepemilikan dokumen kependudukan", "Persentase penduduk ber-KTP elektronik", "%", base: "97.1", step: "0.5", rpjmd: 9)]),
        Opd(code: "2.15.0.00.0.00.01.0000", name: "Dinas Perhubungan", kind: .dinas, bidang: ["2.15"], sasaran: [
            s("Meningkatnya keselamatan lalu lintas", "Angka kecelakaan lalu lintas per 100.000 penduduk", "kejadian", .numeric, .negative, base: "41", step: "-2", rpjmd: 6)]),
        Opd(code: "2.16.2.20.2.21.01.0000", name: "Dinas Komunikasi, Informatika, Statistik dan Persandian", kind: .dinas, bidang: ["2.16", "2.20", "2.21"], sasaran: [
            s("Meningkatnya kematangan pemerintahan digital", "Indeks SPBE", "indeks", .index, base: "2.81", step: "0.2", rpjmd: 9)]),
        Opd(code: "2.17.3.30.3.31.01.0000", name: "Dinas Koperasi, Usaha Mikro, Perdagangan dan Perindustrian", kind: .dinas, bidang: ["2.17", "3.30", "3.31"], sasaran: [
            s("Meningkatnya daya saing usaha mikro", "Persentase usaha mikro yang naik kelas", "%", base: "4.5", step: "0.5", rpjmd: 4)]),
        Opd(code: "2.18.0.00.0.00.01.0000", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", kind: .dinas, bidang: ["2.18"], sasaran: [
            s("Meningkatnya realisasi investasi", "Pertumbuhan nilai realisasi investasi", "%", base: "6.5", step: "0.5", rpjmd: 4)]),
        Opd(code: "2.19.3.26.2.22.01.0000", name: "Dinas Kepemudaan, Olahraga, Pariwisata dan Kebudayaan", kind: .dinas, bidang: ["2.19", "3.26", "2.22"], sasaran: [
            s("Meningkatnya kunjungan wisata", "Jumlah kunjungan wisatawan", "orang", .numeric, base: "412000", step: "25000", rpjmd: 4)]),
        Opd(code: "2.23.2.24.0.00.01.0000", name: "Dinas Perpustakaan dan Kearsipan", kind: .dinas, bidang: ["2.23", "2.24"], sasaran: [
            s("Meningkatnya budaya gemar membaca", "Tingkat gemar membaca masyarakat", "nilai", .index, base: "63.2", step: "1.2", rpjmd: 1)]),
        Opd(code: "3.27.3.25.0.00.01.0000", name: "Dinas Pertanian dan Perikanan", kind: .dinas, bidang: ["3.27", "3.25"], sasaran: [
            s("Meningkatnya produksi pertanian perkotaan", "Pertumbuhan PDRB sektor pertanian", "%", base: "2.1", step: "0.2", rpjmd: 5)]),
        Opd(code: "5.01.5.05.0.00.01.0000", name: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", kind: .badan, bidang: ["5.01", "5.05"], sasaran: [
            s("Meningkatnya kualitas perencanaan pembangunan", "Persentase konsistensi program RPJMD dalam RKPD", "%", base: "90", step: "2", rpjmd: 9)]),
        Opd(code: "5.02.0.00.0.00.01.0000", name: "Badan Keuangan dan Aset Daerah", kind: .badan, bidang: ["5.02"], sasaran: [
            s("Meningkatnya akuntabilitas pengelolaan keuangan daerah", "Opini BPK atas LKPD", "opini", .ordinal, base: "WTP", step: "0", rpjmd: 9)]),
        Opd(code: "5.02.0.00.0.00.02.0000", name: "Badan Pendapatan Daerah", kind: .badan, bidang: ["5.02"], sasaran: [
            s("Meningkatnya kemandirian keuangan daerah", "Rasio PAD terhadap pendapatan daerah", "%", base: "21.5", step: "1", rpjmd: 9)]),
        Opd(code: "5.03.5.04.0.00.01.0000", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", kind: .badan, bidang: ["5.03", "5.04"], sasaran: [
            s("Meningkatnya profesionalitas ASN", "Indeks profesionalitas ASN", "indeks", .index, base: "68", step: "2", rpjmd: 9)]),
        Opd(code: "8.01.0.00.0.00.01.0000", name: "Badan Kesatuan Bangsa dan Politik", kind: .badan, bidang: ["8.01"], sasaran: [
            s("Meningkatnya kerukunan dan kondusivitas wilayah", "Indeks kerukunan umat beragama", "indeks", .index, base: "76.4", step: "0.5", rpjmd: 8)]),
    ]

    static let kecamatan = [
        "Kota Lama", "Pelabuhan", "Sukamaju", "Mekarsari", "Tanjung Harapan", "Bukit Indah", "Sungai Jernih",
        "Karang Anyar", "Taman Sari", "Cempaka Putih",
    ]

    struct Iku {
        var code: String
        var name: String
        var satuan: String
        var kind: IndicatorKind
        var polarity: Polarity
        var aggregation: Aggregation = .last
        var baseline: String
        /// Targets for the five RPJMD years; a range is written `5.0..5.5`.
        var targets: [String]
        var definition: String
        var source: String
        var scale: OrdinalScale? = nil
    }

    struct Sasaran {
        var text: String
        var iku: [Iku]
    }

    struct TujuanEntry {
        var text: String
        var sasaran: [Sasaran]
    }

    struct MisiEntry {
        var text: String
        var tujuan: [TujuanEntry]
    }

    static func visi(_ pemdaName: String) -> String {
        "Terwujudnya \(pemdaName) yang Maju, Sejahtera, Berbudaya, dan Berkelanjutan"
    }

    /// Nine sasaran, numbered 1–9 in order of appearance; OPD sasaran refer to these numbers.
    static let misi: [MisiEntry] = [
        MisiEntry(text: "Meningkatkan kualitas sumber daya manusia yang sehat, cerdas, dan berkarakter", tujuan: [
            TujuanEntry(text: "Meningkatkan kualitas hidup manusia", sasaran: [
                Sasaran(text: "Meningkatnya kualitas pendidikan", iku: [
                    Iku(code: "IKU-01", name: "Indeks Pembangunan Manusia", satuan: "indeks", kind: .index, polarity: .positive,
                        baseline: "76.10", targets: ["76.55", "77.00", "77.45", "77.90", "78.35"],
                        definition: "Capaian pembangunan manusia dari dimensi umur panjang dan sehat, pengetahuan, dan standar hidup layak.",
                        source: "BPS Kota Contoh"),
                ]),
                Sasaran(text: "Meningkatnya derajat kesehatan masyarakat", iku: [
                    Iku(code: "IKU-02", name: "Prevalensi balita stunting", satuan: "%", kind: .percent, polarity: .negative,
                        baseline: "18.2", targets: ["16.0", "14.0", "12.0", "10.0", "8.0"],
                        definition: "Persentase balita dengan tinggi badan menurut umur di bawah -2 SD standar WHO.",
                        source: "Dinas Kesehatan (e-PPGBM) / SSGI"),
                ]),
            ]),
        ]),
        MisiEntry(text: "Mewujudkan perekonomian yang tumbuh, inklusif, dan berdaya saing", tujuan: [
            TujuanEntry(text: "Menurunkan kemiskinan dan ketimpangan", sasaran: [
                Sasaran(text: "Menurunnya kemiskinan dan ketimpangan pendapatan", iku: [
                    Iku(code: "IKU-03", name: "Persentase penduduk miskin", satuan: "%", kind: .percent, polarity: .negative,
                        baseline: "7.80", targets: ["7.50", "7.20", "6.90", "6.60", "6.30"],
                        definition: "Persentase penduduk dengan pengeluaran per kapita di bawah garis kemiskinan.",
                        source: "BPS (Susenas Maret)"),
                    Iku(code: "IKU-04", name: "Indeks Gini", satuan: "indeks", kind: .index, polarity: .negative,
                        baseline: "0.372", targets: ["0.370", "0.368", "0.365", "0.362", "0.360"],
                        definition: "Ukuran ketimpangan pengeluaran penduduk, 0 (merata) sampai 1 (timpang sempurna).",
                        source: "BPS (Susenas Maret)"),
                ]),
            ]),
            TujuanEntry(text: "Meningkatkan pertumbuhan ekonomi yang berkualitas", sasaran: [
                Sasaran(text: "Meningkatnya pertumbuhan ekonomi dan kesempatan kerja", iku: [
                    Iku(code: "IKU-05", name: "Laju pertumbuhan ekonomi", satuan: "%", kind: .percent, polarity: .positive,
                        baseline: "5.12", targets: ["5.0..5.5", "5.1..5.6", "5.2..5.7", "5.3..5.8", "5.4..5.9"],
                        definition: "Pertumbuhan PDRB atas dasar harga konstan dibanding tahun sebelumnya.",
                        source: "BPS (PDRB)"),
                    Iku(code: "IKU-06", name: "Tingkat pengangguran terbuka", satuan: "%", kind: .percent, polarity: .negative,
                        baseline: "6.10", targets: ["5.90", "5.70", "5.50", "5.30", "5.10"],
                        definition: "Persentase angkatan kerja yang tidak bekerja dan sedang mencari pekerjaan.",
                        source: "BPS (Sakernas Agustus)"),
                ]),
                Sasaran(text: "Meningkatnya ketahanan pangan dan ekonomi lokal", iku: [
                    Iku(code: "IKU-07", name: "Skor pola pangan harapan", satuan: "skor", kind: .index, polarity: .positive,
                        baseline: "86.5", targets: ["87.5", "88.5", "89.5", "90.5", "91.5"],
                        definition: "Komposisi ketersediaan pangan menurut kelompok pangan terhadap pola ideal.",
                        source: "Dinas Ketahanan Pangan"),
                ]),
            ]),
        ]),
        MisiEntry(text: "Membangun infrastruktur dan lingkungan kota yang layak huni dan berkelanjutan", tujuan: [
            TujuanEntry(text: "Meningkatkan kualitas infrastruktur dan lingkungan", sasaran: [
                Sasaran(text: "Meningkatnya kualitas infrastruktur kota", iku: [
                    Iku(code: "IKU-08", name: "Persentase rumah tangga dengan akses sanitasi layak", satuan: "%", kind: .percent,
                        polarity: .positive, baseline: "88.4", targets: ["90.0", "91.5", "93.0", "94.5", "96.0"],
                        definition: "Rumah tangga yang memiliki akses ke fasilitas sanitasi layak.", source: "BPS (Susenas)"),
                ]),
                Sasaran(text: "Meningkatnya kualitas lingkungan hidup", iku: [
                    Iku(code: "IKU-09", name: "Indeks kualitas lingkungan hidup", satuan: "indeks", kind: .index, polarity: .positive,
                        baseline: "61.8", targets: ["62.5", "63.2", "63.9", "64.6", "65.3"],
                        definition: "Gabungan indeks kualitas air, udara, tutupan lahan dan air laut.", source: "KLHK / DLH"),
                ]),
            ]),
        ]),
        MisiEntry(text: "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani", tujuan: [
            TujuanEntry(text: "Meningkatkan kualitas tata kelola dan pelayanan publik", sasaran: [
                Sasaran(text: "Meningkatnya ketenteraman, ketertiban, dan kerukunan", iku: [
                    Iku(code: "IKU-10", name: "Indeks kepuasan masyarakat", satuan: "indeks", kind: .index, polarity: .positive,
                        baseline: "82.3", targets: ["83.0", "83.5", "84.0", "84.5", "85.0"],
                        definition: "Hasil survei kepuasan masyarakat atas layanan publik Pemda (PermenPANRB 14/2017).",
                        source: "Bagian Organisasi"),
                ]),
                Sasaran(text: "Meningkatnya akuntabilitas kinerja dan keuangan", iku: [
                    Iku(code: "IKU-11", name: "Nilai SAKIP", satuan: "predikat", kind: .ordinal, polarity: .positive,
                        baseline: "B", targets: ["BB", "BB", "BB", "A", "A"],
                        definition: "Predikat hasil evaluasi akuntabilitas kinerja oleh KemenPANRB.", source: "KemenPANRB",
                        scale: .predikatSakip),
                    Iku(code: "IKU-12", name: "Opini BPK atas LKPD", satuan: "opini", kind: .ordinal, polarity: .positive,
                        baseline: "WTP", targets: ["WTP", "WTP", "WTP", "WTP", "WTP"],
                        definition: "Opini BPK atas Laporan Keuangan Pemerintah Daerah.", source: "BPK RI",
                        scale: .opiniBpk),
                ]),
            ]),
        ]),
    ]
}
