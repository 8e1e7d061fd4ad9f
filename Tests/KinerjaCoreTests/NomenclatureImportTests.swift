import KinerjaCore
import Testing

struct NomenclatureImportTests {
    let header = ["code", "level", "name", "kinerja", "indikator", "satuan", "jenis_pemda"]

    @Test func good_rows_are_read_with_both_kinds() {
        let result = NomenclatureImport.read(header: header, records: [
            ["1.02", "bidang", "URUSAN KESEHATAN", "", "", "", "PROV|KABKOT"],
            ["1.02.02", "program", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "", "", "", "KABKOT"],
        ])
        #expect(result.issues.isEmpty)
        #expect(result.rows.count == 3)
        #expect(result.rows.last?.level == .program)
    }

    @Test func every_problem_is_reported_by_row_and_column_and_no_row_is_kept() {
        let result = NomenclatureImport.read(header: header, records: [
            ["1.02", "bidang", "URUSAN KESEHATAN", "", "", "", "KABKOT"],
            ["1.02.02", "kegiatan", "PROGRAM X", "", "", "", "KABKOT"],
            ["1.02.0A", "program", "PROGRAM Y", "", "", "", "KABKOT"],
            ["1.02.03", "program", "", "", "", "", "KABKOT"],
            ["1.02", "bidang", "LAGI", "", "", "", "KABKOT"],
            ["1.02.04", "program", "PROGRAM Z", "", "", "", "DESA"],
        ])
        #expect(result.rows.isEmpty)
        #expect(result.issues.map(\.row) == [3, 4, 5, 6, 7])
        #expect(result.issues.map(\.column) == ["level", "code", "name", "code", "jenis_pemda"])
        #expect(result.issues[3].message.id == "Kode 1.02 (KABKOT) sudah ada di baris 2.")
    }

    @Test func a_missing_column_is_named() {
        let result = NomenclatureImport.read(header: ["code", "name", "jenis_pemda"], records: [["1", "URUSAN", "KABKOT"]])
        #expect(result.issues == [ImportIssue(row: 1, column: "level", message: Message(
            id: "Kolom level tidak ada di baris judul.", en: "Column level is missing from the header row."))])
    }
}
