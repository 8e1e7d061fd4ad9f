import Foundation
import KinerjaCore
import KinerjaDocuments
import Testing

/// What a reader of the printed PK sees, read back with pdftotext.
@Suite struct PkPdfContentTests {
    static let url = "https://kinerja.kotacontoh.go.id/verifikasi/pk/5f0c2b7e-9a51-4c8e-b1d2-7a4e3c9d2f10"

    func text(_ doc: PkDocument, footer: String? = nil) throws -> String {
        try ExternalTools.text(of: PkPdf.render(doc, verifyURL: Self.url, footer: footer))
    }

    @Test func eselon_ii_pk_shows_statement_parties_tables_and_signatures() throws {
        let doc = PkSample.document(level: .jpt)
        let text = try text(doc, footer: "SHA-256 3b7e1f0a9c2d")

        #expect(text.contains("PEMERINTAH KOTA CONTOH"))
        #expect(text.contains("PERJANJIAN KINERJA TAHUN 2027"))
        #expect(text.contains("LAMPIRAN PERJANJIAN KINERJA TAHUN 2027"))
        #expect(!text.contains("PERUBAHAN"))
        // The statement, as the form words it.
        #expect(text.contains("manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil"))
        #expect(text.contains("selanjutnya disebut pihak pertama."))
        #expect(text.contains("selaku atasan pihak pertama, selanjutnya disebut pihak kedua."))
        #expect(text.contains("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran"))
        #expect(text.contains("Pihak kedua akan melakukan supervisi yang diperlukan"))
        #expect(text.contains("pemberian penghargaan dan sanksi."))
        // The parties.
        #expect(text.contains("Nama : dr. Hj. Siti Rahma, M.Kes."))
        #expect(text.contains("Nama : H. Arif Wicaksono, S.E., M.M."))
        #expect(text.contains("Pihak Kedua, Pihak Pertama,"))
        #expect(text.contains("Pembina Utama Muda (IV/c)"))
        #expect(text.contains("NIP. 19700101 199003 2 001"))
        // The Wali Kota has no NIP: one NIP line per signature block, on the statement and under the annex.
        #expect(text.components(separatedBy: "NIP.").count - 1 == 2)
        #expect(text.contains("Kota Contoh, 5 Februari 2027"))
        #expect(text.contains("Pindai untuk memeriksa keaslian dokumen: \(Self.url)"))
        #expect(text.contains("SHA-256 3b7e1f0a9c2d"))
        #expect(text.contains("Halaman 1 dari 3"))
        #expect(text.contains("Halaman 3 dari 3"))

        // Table 1: headers of the level and every target with its satuan.
        #expect(text.contains("No Sasaran Strategis Indikator Kinerja Utama Target"))
        for row in doc.performance {
            #expect(text.contains("\(row.target) \(row.satuan)"), "target \(row.target) \(row.satuan)")
        }
        #expect(text.contains("72,74 tahun"))
        #expect(text.contains("80–90 indeks"))
        // Table 2: every program, every amount and the total.
        #expect(text.contains("No Program Anggaran (Rp)"))
        for line in doc.budget {
            #expect(text.contains(IDFormat.rupiah(line.amount)), "amount of \(line.code)")
            #expect(text.contains(line.code))
        }
        #expect(text.contains("Jumlah 257.343.895.500"))
        // Rencana aksi: the quarters in order, "–" where nothing was planned.
        #expect(text.contains("Target TW I TW II TW III TW IV"))
        #expect(text.contains("Prevalensi stunting pada balita 14,2 % 18 17 15,5 14,2"))
        #expect(text.contains("Angka Harapan Hidup 72,74 tahun – – – 72,74"))
    }

    @Test func eselon_iii_pk_shows_both_grouped_nips() throws {
        let text = try text(PkSample.document(level: .administrator))
        #expect(text.contains("NIP. 19780512 200501 1 003"))
        #expect(text.contains("NIP. 19700101 199003 2 001"))
        #expect(text.contains("Plt. Kepala Bidang Pelayanan dan Sumber Daya Kesehatan"))
        #expect(text.contains("No Sasaran Program Indikator Kinerja Program Target"))
        #expect(text.contains("No Kegiatan Anggaran (Rp)"))
    }

    @Test func kepala_daerah_pk_is_unilateral_without_nip() throws {
        let doc = PkSample.document(level: .pemda)
        let text = try text(doc)
        #expect(doc.pihakKedua == nil)
        #expect(text.contains("saya yang bertanda tangan di bawah ini: Nama : H. Arif Wicaksono, S.E., M.M."))
        #expect(text.contains("Jabatan : Wali Kota Contoh berjanji akan mewujudkan target kinerja"))
        #expect(text.contains("Wali Kota Contoh, H. Arif Wicaksono, S.E., M.M."))
        #expect(!text.contains("NIP"))
        #expect(!text.contains("Pihak Kedua"))
        #expect(!text.contains("pihak kedua"))
        #expect(text.contains("Kota Contoh, 5 Februari 2027"))
    }

    @Test func a_long_table_spans_pages_and_keeps_every_row() throws {
        let doc = PkSample.document(indicators: 40, budgetLines: 25)
        let pdf = try PkPdf.render(doc, verifyURL: Self.url)
        let text = try ExternalTools.text(of: pdf)
        let pages = try ExternalTools.pageCount(of: pdf)
        #expect(pages >= 5)
        #expect(text.contains("Halaman \(pages) dari \(pages)"))
        for row in doc.performance {
            #expect(text.contains(row.target), "target \(row.target)")
        }
        // The header row is repeated on each page the performance table reaches (two at least).
        #expect(text.components(separatedBy: "Indikator Kinerja Utama Target").count - 1 >= 2)
        #expect(text.contains(IDFormat.rupiah(doc.budgetTotal)))
    }

    @Test func a_revision_shows_perubahan_and_its_legal_basis() throws {
        let text = try text(PkSample.document(level: .administrator, revision: true))
        #expect(text.contains("PERJANJIAN KINERJA PERUBAHAN TAHUN 2027"))
        #expect(text.contains("LAMPIRAN PERJANJIAN KINERJA PERUBAHAN TAHUN 2027"))
        #expect(text.contains("Perubahan ke-1: Perubahan strategi, program, kegiatan atau alokasi anggaran"))
        #expect(text.contains("Dasar hukum: Peraturan Daerah Kota Contoh Nomor 7 Tahun 2027, 30 Agustus 2027"))
        #expect(text.contains("Kota Contoh, 15 September 2027"))
    }

    @Test func characters_outside_cp1252_print_as_question_marks() throws {
        var doc = PkSample.document()
        doc.pihakPertama.name = "Hj. Nūr Āisyah 👍🏽, S.Kep."
        // Decomposed é (e + combining acute) is in the code page once composed.
        doc.performance[0].indikator = "AHH (re\u{301}visi) “x” — ≥ 1"
        let text = try text(doc)
        #expect(text.contains("Hj. N?r ?isyah ?, S.Kep."))
        #expect(text.contains("AHH (révisi) “x” — ? 1 72,74 tahun"))
    }

    @Test func a_draft_is_marked_on_every_page() throws {
        // pdftotext skips diagonal text, so look at the pixels: the last page is blank from its middle down to the
        // page number, but for the watermark's light grey.
        let doc = PkSample.document()
        func greyPixels(draft: Bool, page: Int) throws -> Int {
            let image = try ExternalTools.grayPixels(of: PkPdf.render(doc, verifyURL: Self.url, draft: draft), page: page)
            let blank = image.pixels[(image.width * image.height / 2)..<(image.width * image.height * 85 / 100)]
            return blank.filter { (200...245).contains($0) }.count
        }
        #expect(try greyPixels(draft: false, page: 3) == 0)
        for page in 1...3 {
            #expect(try greyPixels(draft: true, page: page) > 100, "page \(page)")
        }
    }

    @Test func rendering_is_deterministic_and_compact() throws {
        let doc = PkSample.document()
        let first = try PkPdf.render(doc, verifyURL: Self.url)
        let second = try PkPdf.render(doc, verifyURL: Self.url)
        #expect(first == second)
        #expect(first.starts(with: Array("%PDF-".utf8)))
        #expect(first.count < 20_000)
    }

    @Test func a_logo_is_drawn_and_a_broken_one_is_refused() throws {
        let doc = PkSample.document()
        let plain = try PkPdf.render(doc, verifyURL: Self.url)
        let withLogo = try PkPdf.render(doc, verifyURL: Self.url, logoPNG: TestImages.emblemPNG)
        #expect(withLogo.count > plain.count)
        #expect(try ExternalTools.text(of: withLogo).contains("PERJANJIAN KINERJA TAHUN 2027"))
        #expect(throws: PdfError.unreadableLogo) {
            try PkPdf.render(doc, verifyURL: Self.url, logoPNG: Array("not a png".utf8))
        }
    }
}
