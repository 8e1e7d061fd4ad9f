import KinerjaCore
import Testing

@Suite struct PegawaiImportTests {
    let template = PegawaiImport.template
    let header = RawRow(number: 1, cells: ["NIP", "Nama", "Pangkat", "Golongan", "Unit", "Jabatan", "Jenis", "TMT Jabatan", "Nomor SK"].map { .text($0) })

    func layout() throws -> ImportTemplate.Layout { try template.layout(of: header, sheet: "Data").get() }

    func row(_ cells: [RawCell], number: Int = 2) -> RawRow { RawRow(number: number, cells: cells) }

    @Test func a_full_row_becomes_a_person_with_their_position() throws {
        let record = try PegawaiImport.read(row([.text("19700101 199003 1 001"), .text("Dr. Budi, M.Si."), .text("Pembina Tk. I"),
                                                 .text("iv/b"), .text("1.02"), .text("Kepala Dinas"), .empty, .number("46024"), .text("821/1")]),
                                            layout: try layout(), sheet: "Data").get()
        #expect(record.nip.digits == "197001011990031001")
        #expect(record.pangkat == "Pembina Tk. I (IV/b)")
        #expect(record.position?.kind == .definitif)
        #expect(record.position?.tmt == CalendarDate(year: 2026, month: 1, day: 2))
    }

    @Test func every_problem_of_a_row_is_reported_with_its_column() throws {
        let issues: [ImportIssue]
        switch PegawaiImport.read(row([.text("1970"), .empty, .empty, .text("V/a"), .empty, .text("Kepala"), .text("Pj"), .text("31/02/2026")], number: 7),
                                  layout: try layout(), sheet: "Data") {
        case .success: Issue.record("accepted"); return
        case .failure(let found): issues = found.all
        }
        #expect(Set(issues.map(\.column)) == ["NIP", "Nama", "Golongan", "Jenis", "TMT Jabatan", "Unit"])
        #expect(issues.allSatisfy { $0.row == 7 && $0.sheet == "Data" })
    }

    @Test func a_nip_that_excel_turned_into_a_number_is_refused_saying_why() throws {
        guard case .failure(let issues) = PegawaiImport.read(row([.number("1.97001011990031E+17"), .text("Budi")]), layout: try layout(), sheet: "Data")
        else { Issue.record("accepted"); return }
        #expect(issues.all.first?.message.id.contains("Format kolom NIP sebagai Teks") == true)
    }

    @Test func a_header_without_a_required_column_or_with_one_twice_is_refused() {
        let missing = RawRow(number: 1, cells: [.text("NIP"), .text("Pangkat")])
        guard case .failure(let issues) = template.layout(of: missing, sheet: "Data") else { Issue.record("accepted"); return }
        #expect(issues.all.map(\.column) == ["Nama"])
        let twice = RawRow(number: 1, cells: [.text("NIP"), .text("Nama"), .text(" nip ")])
        guard case .failure(let doubled) = template.layout(of: twice, sheet: "Data") else { Issue.record("accepted"); return }
        #expect(doubled.all.count == 1)
    }

    @Test func unknown_columns_are_ignored_and_known_ones_found_in_any_order() throws {
        let header = RawRow(number: 3, cells: [.text("Keterangan"), .text("nama"), .text("NIP")])
        let layout = try template.layout(of: header, sheet: "Data").get()
        let record = try PegawaiImport.read(row([.text("catatan"), .text("Budi"), .text("197001011990031001")]), layout: layout, sheet: "Data").get()
        #expect(record.name == "Budi")
        #expect(record.position == nil)
    }
}
