import Fluent
import Foundation
import KinerjaStore
import Testing
import VaporTesting
@testable import App

@Suite(.serialized)
struct PageTests {
    @Test func pages_show_the_demo_pemda_in_bahasa_indonesia() async throws {
        try await withDemoApp { app in
            let tester = try app.testing()
            try await tester.test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("text/html") == true)
                #expect(res.text.contains("<html lang=\"id\">"))
                #expect(res.text.contains("Kota Contoh"))
            }
            try await tester.test(.GET, "/pemda/99.71") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("Walikota"))
                #expect(res.text.contains("H. Arif Wicaksono, S.E., M.M."))
                #expect(res.text.contains("Peraturan Daerah Nomor 5 Tahun 2025, 14 Agustus 2025"))
            }
            try await tester.test(.GET, "/pemda/99.71/unit") { res in
                #expect(res.text.contains("Kecamatan Kota Lama"))
                #expect(res.text.contains("Dinas Pendidikan"))
                #expect(res.text.contains("Lihat Renstra"))
            }
            try await tester.test(.GET, "/pemda/99.71/jabatan?tanggal=2026-11-23") { res in
                #expect(res.text.contains("Plt."))
                #expect(res.text.contains("Kepala Dinas Perhubungan"))
                // NIP printed grouped: birth date, TMT, gender, serial.
                #expect(res.text.range(of: #"NIP\. \d{8} \d{6} [12] \d{3}"#, options: .regularExpression) != nil)
            }
            try await tester.test(.GET, "/pemda/99.71/rpjmd") { res in
                #expect(res.text.contains("Prevalensi balita stunting"))
                #expect(res.text.contains("5,1–5,6"), "range targets are written the Indonesian way")
                #expect(res.text.contains("0,368"))
            }
        }
    }

    @Test func a_renstra_page_lists_programs_with_codes_targets_and_pagu() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let units = try await PemdaOrganisation.load(pemdaID: pemda.id, on: app.db).unitRows()
            let dinas = try #require(units.first { $0.name == "Dinas Pendidikan" })
            try await app.testing().test(.GET, "/pemda/99.71/renstra/\(dinas.id.uuidString)") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("Renstra Dinas Pendidikan 2025–2029"))
                #expect(res.text.contains("1.01.02"))
                #expect(res.text.contains("Rata-rata lama sekolah"))
                #expect(res.text.contains("Pagu 2026 (Rp)"))
                #expect(res.text.range(of: #"\d{1,3}(\.\d{3}){2,}"#, options: .regularExpression) != nil,
                        "pagu in whole Rupiah with dot grouping")
            }
        }
    }

    @Test func unknown_things_get_a_page_saying_so_and_headers_protect_every_response() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "/pemda/00.00") { res in
                #expect(res.status == .notFound)
                #expect(res.text.contains("Halaman atau data tidak ditemukan."))
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            }
            try await app.testing().test(.GET, "/pemda/99.71/renstra/not-a-uuid") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/static/kinerja.css") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("@media print"))
            }
        }
    }
}
