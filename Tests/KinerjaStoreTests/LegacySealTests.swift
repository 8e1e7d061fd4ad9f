import Foundation
import KinerjaCore
@testable import KinerjaStore
import Testing

/// A seal made before documents carried values (document version 1), exactly as the release before stored it: it
/// still verifies, reads back, and is told apart from a changed one.
@Suite struct LegacySealTests {
    static let document = #"""
{"budget":[{"amount":2533449000,"code":"5.01.01","name":"PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"},{"amount":2902015000,"code":"5.01.02","name":"PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH"},{"amount":3147563000,"code":"5.01.03","name":"PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH"},{"amount":2961223000,"code":"5.05.02","name":"PROGRAM PENELITIAN DAN PENGEMBANGAN DAERAH"}],"date":{"day":27,"month":1,"year":2026},"level":"jpt","pemdaCode":"99.71","pemdaName":"Kota Contoh","performance":[{"indikator":"Persentase konsistensi program RPJMD dalam RKPD","key":"5851AB68-D9EE-465D-82E2-9AEAA86AD428","quarterly":["92,5","93","93,5","94"],"sasaran":"Meningkatnya kualitas perencanaan pembangunan","satuan":"%","target":"94"}],"pihakKedua":{"jabatan":"Walikota Contoh","name":"H. Arif Wicaksono, S.E., M.M.","pangkat":""},"pihakPertama":{"jabatan":"Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah","name":"Andi Wulandari, S.Sos., M.Si.","nip":"197103051997011960","pangkat":"Pembina Utama Muda (IV/c)"},"place":"Kota Contoh","statement":{"opening":"Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:","promise":"Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.","supervision":"Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."},"unitName":"Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah","version":0,"year":2026}
"""#
    static let sha256 = "c7b077d957c1071ca5c2831319ab182989708c75d835f4cfebc35ca0ca561023"
    static let seal = "VC5YBoiq01JxCqoOGSzsrjjV+OBmokrTm0oiHSTSEm/S3DD5ptiSEAC0crmNmhx5lGTlQ2QEywYn/Va9hwbxBA=="
    static let publicKey = "wMdfOgrUFqYruCLH/uPJGJsH4Zq898Is+ActJWIt1H8="

    @Test func a_version_1_seal_still_verifies_and_reads_back() throws {
        let bytes = Data(Self.document.utf8)
        let check = PkCanonical.verify(document: bytes, sha256: Self.sha256, seal: Self.seal, publicKey: Self.publicKey)
        #expect(check.hashMatches && check.sealValid)
        let decoded = try PkCanonical.decode(bytes)
        #expect(decoded.documentVersion == nil)
        #expect(!decoded.performance.isEmpty && decoded.performance.allSatisfy { $0.value == nil })
        #expect(decoded.pemdaCode == "99.71")
    }

    @Test func a_changed_version_1_document_does_not_verify() throws {
        let changed = Self.document.replacingOccurrences(of: "\"pemdaName\":\"Kota Contoh\"", with: "\"pemdaName\":\"Kota Lain\"")
        #expect(changed != Self.document)
        let check = PkCanonical.verify(document: Data(changed.utf8), sha256: Self.sha256, seal: Self.seal, publicKey: Self.publicKey)
        #expect(!check.hashMatches)
    }

    @Test func its_key_is_trusted_as_legacy_from_the_trusted_file() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "\(Self.publicKey) legacy\n".write(to: folder.appendingPathComponent(SealKeyring.trustedFile), atomically: true, encoding: .utf8)
        let keyring = try SealKeyring.load(environment: [:], dataDirectory: folder.path)
        #expect(keyring.trust(of: Self.publicKey) == .legacy)
        #expect(keyring.trust(of: keyring.publicKey) == .trusted)
    }
}
