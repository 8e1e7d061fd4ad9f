import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore

/// An official's scorecard (kartu penilaian kinerja pimpinan) as one `TabularReport`, drawn as the page's tables and
/// as the PDF: who is evaluated, the PK's indicators with target, realisation, capaian and predikat, the result (the
/// category the bands give, the one recorded, the note and the evaluator), and every recording of the year.
enum PenilaianReport {
    static let dash = "–"
    typealias Board = PenilaianController.Board
    typealias Line = PenilaianController.Line

    static func categoryName(_ board: Board, _ index: Int?) -> String {
        index.map { board.categories.bands[$0].name.text } ?? L("Belum dapat dinilai", "Cannot be judged yet")
    }

    /// "Plt. Dr. Siti …", or nil when the position is empty today.
    static func official(_ y: KinerjaController.Year, _ jabatanID: UUID) -> PositionHolder? {
        y.organisation.holder(of: jabatanID, on: y.figures.today)
    }

    static func officialName(_ holder: PositionHolder?) -> String {
        holder.map { $0.kind.signaturePrefix + $0.name } ?? L("(jabatan kosong)", "(position vacant)")
    }

    static func capaianText(_ r: RollupResult) -> String {
        if let capaian = r.capaian { return IDFormat.percent(capaian) }
        return r.tdi > 0 && r.measured == 0 ? "TDI" : L("belum ada data", "no data yet")
    }

    /// The bands in the reader's words: "Penghargaan: mulai 90%; Pembinaan: mulai 60%; …: di bawahnya".
    static func bands(_ categories: PenilaianCategories) -> String {
        categories.bands.map { band in
            band.name.text + ": " + (band.lowerBound.map { L("mulai ", "from ") + IDFormat.number($0) + "%" } ?? L("di bawahnya", "below that"))
        }.joined(separator: "; ")
    }

    static func when(_ board: Board, _ date: Date) -> String { Fmt.moment(date, zone: board.year.pemda.zone) }

    static func make(_ board: Board, line: Line, made: String) -> TabularReport {
        let y = board.year
        let f = y.figures
        let pk = line.pk
        let position = KinerjaParts.positionName(y, pk.jabatanID)
        let holder = official(y, pk.jabatanID)
        let pair = [TabularReport.Column(L("Uraian", "Item"), weight: 28), TabularReport.Column(L("Isi", "Entry"), weight: 72)]

        let identity = TabularReport.Section(
            id: "identitas", title: L("Pejabat yang dinilai", "Official evaluated"), columns: pair,
            rows: [
                TabularReport.Row([L("Jabatan", "Position"), position + " (" + pk.level.label.text + ")"], key: "jabatan"),
                TabularReport.Row([L("Unit kerja", "Unit"), KinerjaParts.unitName(y, pk.unitID)], key: "unit"),
                TabularReport.Row([L("Pejabat", "Official"), officialName(holder)], key: "pejabat"),
                TabularReport.Row(["NIP", holder?.nip.map(Nip.group) ?? dash], key: "nip"),
                TabularReport.Row([L("Pangkat", "Rank"), holder.map(\.pangkat).flatMap { $0.isEmpty ? nil : $0 } ?? dash], key: "pangkat"),
                TabularReport.Row(["PK", L("Tahun \(y.year), ", "Year \(y.year), ")
                                       + (pk.version == 0 ? L("PK induk", "original") : L("Perubahan \(pk.version)", "revision \(pk.version)"))
                                       + " (\(pk.status.label.text))"], key: "pk"),
            ])

        var indicatorRows: [TabularReport.Row] = []
        for (n, row) in f.rows(of: pk.id).enumerated() {
            let c = f.indicator(row)
            indicatorRows.append(TabularReport.Row(
                ["\(n + 1). " + row.sasaran, row.indikator + " (" + row.satuan + ")", TargetDisplay.text(row.target, spec: row.spec),
                 c.map { RealisasiSections.value($0.toDate.realisasi.value, spec: row.spec) } ?? dash,
                 c.map { KinerjaParts.result($0.toDate.capaian) } ?? dash, c?.predikat?.label.text ?? "",
                 c.map { KinerjaParts.result($0.forecast) } ?? dash],
                key: row.key))
        }
        indicatorRows.append(TabularReport.Row([L("Capaian PK", "PK capaian"), "", "", "", capaianText(line.capaian), line.predikat?.label.text ?? "",
                                                KinerjaParts.percent(line.forecast)], bold: true, key: "total"))
        let indicators = TabularReport.Section(
            id: "indikator", title: L("Capaian Perjanjian Kinerja s.d. \(Triwulan.label(f.through))", "Performance agreement to \(Triwulan.label(f.through))"),
            columns: [TabularReport.Column(pk.level.sasaranHeader.text, weight: 22, groupsRepeats: true),
                      TabularReport.Column(pk.level.indikatorHeader.text, weight: 26), TabularReport.Column("Target", weight: 10, numeric: true),
                      TabularReport.Column(L("Realisasi s.d. \(Triwulan.label(f.through))", "Realised to \(Triwulan.label(f.through))"), weight: 11, numeric: true),
                      TabularReport.Column(L("Capaian", "Capaian"), weight: 10, numeric: true), TabularReport.Column("Predikat", weight: 11),
                      TabularReport.Column(L("Prakiraan", "Forecast"), weight: 10, numeric: true)],
            rows: indicatorRows,
            note: L("Hanya nilai yang diterima verifikator. Capaian PK: rata-rata sasarannya; TDI dan yang belum ada data tidak dihitung sebagai 0 (\(line.capaian.measured) indikator terukur, \(line.capaian.tdi) TDI, \(line.capaian.pending) belum ada data).",
                    "Accepted values only. The PK's capaian is the mean of its sasaran; TDI and missing values are never counted as 0 (\(line.capaian.measured) measured, \(line.capaian.tdi) TDI, \(line.capaian.pending) without data)."))

        var result: [TabularReport.Row] = [
            TabularReport.Row([L("Capaian PK s.d. \(Triwulan.label(f.through))", "PK capaian to \(Triwulan.label(f.through))"), capaianText(line.capaian)], key: "capaian"),
            TabularReport.Row([L("Prakiraan akhir tahun", "Year-end forecast"), KinerjaParts.percent(line.forecast)], key: "prakiraan"),
            TabularReport.Row(["Predikat", line.predikat?.label.text ?? dash], key: "predikat"),
            TabularReport.Row([L("Kategori menurut capaian", "Category by capaian"), categoryName(board, line.suggested)], key: "saran"),
        ]
        if let newest = line.newest {
            result += [
                TabularReport.Row([L("Kategori ditetapkan", "Category recorded"), newest.category.text], bold: true, key: "kategori"),
                TabularReport.Row([L("Catatan penilai", "Evaluator's note"), newest.note], key: "catatan"),
                TabularReport.Row([L("Penilai", "Evaluator"), newest.recordedByName + ", " + when(board, newest.recordedAt)], key: "penilai"),
                TabularReport.Row([L("Dasar penilaian", "Evaluated on"),
                                   L("Capaian \(newest.capaian.map(IDFormat.percent) ?? dash) s.d. \(Triwulan.label(newest.through)), PK \(newest.pkVersion == 0 ? "induk" : "Perubahan \(newest.pkVersion)"), pejabat \(newest.pegawaiName)",
                                     "Capaian \(newest.capaian.map(IDFormat.percent) ?? dash) to \(Triwulan.label(newest.through)), PK \(newest.pkVersion == 0 ? "original" : "revision \(newest.pkVersion)"), official \(newest.pegawaiName)")],
                                  key: "dasar"),
            ]
        } else {
            result.append(TabularReport.Row([L("Kategori ditetapkan", "Category recorded"), L("Belum dinilai", "Not evaluated yet")], bold: true, key: "kategori"))
        }
        let outcome = TabularReport.Section(
            id: "hasil", title: L("Hasil penilaian", "Result"), columns: pair, rows: result,
            note: L("Kategori Pemda (dapat diatur): ", "The Pemda's categories (configurable): ") + bands(board.categories) + ".")

        let history = board.penilaian.history(pk.jabatanID)
        let historyRows = history.isEmpty
            ? [TabularReport.Row([L("Belum ada penilaian tahun ini.", "No evaluation this year yet."), "", "", "", "", "", ""], key: "kosong")]
            : history.map { r in
                TabularReport.Row([when(board, r.recordedAt), r.recordedByName, r.pegawaiName, Triwulan.label(r.through),
                                   r.capaian.map(IDFormat.percent) ?? dash, r.suggested?.text ?? L("Belum dapat dinilai", "Cannot be judged yet"),
                                   r.category.text + (r.differs ? " *" : "") + ": " + r.note],
                                  bold: r.id == history.first?.id, key: r.id.uuidString)
            }
        let past = TabularReport.Section(
            id: "riwayat", title: L("Riwayat penilaian \(y.year)", "Evaluations in \(y.year)"),
            columns: [TabularReport.Column(L("Dicatat", "Recorded"), weight: 14), TabularReport.Column(L("Penilai", "Evaluator"), weight: 12),
                      TabularReport.Column(L("Pejabat", "Official"), weight: 14), TabularReport.Column(L("s.d.", "To"), weight: 6),
                      TabularReport.Column(L("Capaian", "Capaian"), weight: 8, numeric: true),
                      TabularReport.Column(L("Menurut capaian", "By capaian"), weight: 12),
                      TabularReport.Column(L("Kategori dan catatan", "Category and note"), weight: 34)],
            rows: historyRows,
            note: L("Yang terbaru (tebal) berlaku; penilaian ulang menambah baris, tidak menimpa. * kategori berbeda dari menurut capaian.",
                    "The newest (bold) counts; a re-evaluation adds a line, it never overwrites. * category other than by capaian."))

        return TabularReport(
            title: L("Kartu penilaian kinerja pimpinan", "Scorecard of a head of unit"),
            subtitle: [y.pemda.name.uppercased(), position.uppercased(),
                       L("TAHUN \(y.year), S.D. \(Triwulan.label(f.through))", "YEAR \(y.year), TO \(Triwulan.label(f.through))")],
            sections: [identity, indicators, outcome, past],
            footer: L("Dibuat oleh Kinerja \(made), dari nilai yang diterima verifikator. Bahan pemberian penghargaan dan sanksi (PermenPANRB 53/2014).",
                      "Made by Kinerja \(made), from accepted values. A basis for rewards and sanctions (PermenPANRB 53/2014)."))
    }
}
