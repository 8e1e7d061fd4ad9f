import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore

/// The quarterly monitoring report in the manner of Permendagri 86/2017 Form E.81: targets and accepted realisation
/// of performance per quarter with the capaian to date, and the budget's pagu and realisation per quarter with its
/// serapan; for a Perangkat Daerah (all its PKs in force and its DPA lines) or for the Pemda (the IKU and every unit).
/// One `TabularReport`, drawn as the page and as the PDF. Quarters after the one read are shown as "–".
enum MonitoringReport {
    static let dash = "–"

    /// A DPA line with its realisation per quarter: the unit's budget section.
    struct BudgetLine {
        var code: String
        var name: String
        var pagu: Int64
        var quarters: [Int64]
    }

    static func quarterColumns(_ prefix: String = "") -> [TabularReport.Column] {
        Triwulan.all.map { TabularReport.Column(prefix + Triwulan.label($0), weight: 7, numeric: true) }
    }

    /// The indicators of the PKs given, grouped by position: target, the accepted value of each quarter, to date,
    /// capaian and predikat.
    static func performance(_ y: KinerjaController.Year, pks: [CapaianBoard.Pk], id: String, title: String) -> TabularReport.Section {
        let f = y.figures
        var rows: [TabularReport.Row] = []
        var n = 0
        for pk in pks {
            let position = pk.level == .pemda ? L("Kepala Daerah", "Regional head") : KinerjaParts.positionName(y, pk.jabatanID)
            let total = f.sheet(pk.id)?.total
            // The position's own line: its PK's capaian under "Capaian" (column 9 of 10), its predikat beside it.
            rows.append(TabularReport.Row([position, "", "", "", "", "", "", "", KinerjaParts.percent(total?.capaian),
                                           f.sheet(pk.id)?.predikat?.label.text ?? ""], bold: true, key: pk.id.uuidString))
            for row in f.rows(of: pk.id) {
                n += 1
                let c = f.indicator(row)
                let quarters = Triwulan.all.map { q -> String in
                    guard q <= f.through else { return dash }
                    if row.spec.reporting == .monthly {
                        return f.board.accepted(row, quarter: q).map { RealisasiSections.value($0, spec: row.spec) } ?? dash
                    }
                    return f.board.quarter(row, q).acceptedValue.map { RealisasiDisplay.text($0, spec: row.spec) } ?? dash
                }
                rows.append(TabularReport.Row(
                    ["\(n). " + row.sasaran, row.indikator + " (" + row.satuan + ")", TargetDisplay.text(row.target, spec: row.spec)]
                        + quarters
                        + [c.map { RealisasiSections.value($0.toDate.realisasi.value, spec: row.spec) } ?? dash,
                           c.map { KinerjaParts.result($0.toDate.capaian) } ?? dash,
                           c?.predikat?.label.text ?? ""],
                    key: row.key))
            }
        }
        return TabularReport.Section(
            id: id, title: title,
            columns: [TabularReport.Column("Sasaran", weight: 17, groupsRepeats: true), TabularReport.Column(L("Indikator", "Indicator"), weight: 19),
                      TabularReport.Column("Target", weight: 8, numeric: true)]
                + quarterColumns("K ")
                + [TabularReport.Column(L("s.d. \(Triwulan.label(f.through))", "to \(Triwulan.label(f.through))"), weight: 8, numeric: true),
                   TabularReport.Column(L("Capaian", "Capaian"), weight: 8, numeric: true), TabularReport.Column("Predikat", weight: 9)],
            rows: rows,
            note: L("K: realisasi kinerja yang diterima verifikator pada triwulan itu. Capaian s.d. \(Triwulan.label(f.through)) menurut cara isian dan agregasi setiap indikator; TDI tidak dihitung sebagai 0.",
                    "K: the realisation accepted for the quarter. Capaian to \(Triwulan.label(f.through)) follows each indicator's entry mode and aggregation; TDI is never counted as 0."))
    }

    static func budget(_ y: KinerjaController.Year, lines: [BudgetLine]) -> TabularReport.Section {
        let through = y.figures.through
        let leaves = Anggaran.leaves(lines.map(\.code))
        let realisedLeaves = Dictionary(uniqueKeysWithValues: lines.filter { leaves.contains($0.code) }.map { line in
            (line.code, line.quarters.prefix(through).reduce(Int64(0)) { $0.addingReportingOverflow($1).overflow ? .max : $0 + $1 })
        })
        var perQuarter: [String: [Int64]] = [:]
        for q in Triwulan.all {
            let leavesAt = Dictionary(uniqueKeysWithValues: lines.filter { leaves.contains($0.code) }.map { ($0.code, $0.quarters[safeQuarter: q]) })
            for line in lines { perQuarter[line.code, default: []].append(Anggaran.realised(under: line.code, leaves: leavesAt)) }
        }
        let rows = lines.map { line -> TabularReport.Row in
            let realised = Anggaran.realised(under: line.code, leaves: realisedLeaves)
            let quarters = Triwulan.all.map { q in q <= through ? IDFormat.rupiah(perQuarter[line.code]?[safeQuarter: q] ?? 0) : dash }
            return TabularReport.Row([line.code + " " + line.name, IDFormat.rupiah(line.pagu)] + quarters
                                     + [IDFormat.rupiah(realised), KinerjaParts.percent(Serapan(pagu: line.pagu, realised: realised).percent)],
                                     bold: !leaves.contains(line.code), key: line.code)
        }
        return TabularReport.Section(
            id: "anggaran", title: L("Realisasi anggaran (DPA)", "Budget realisation (DPA)"),
            columns: [TabularReport.Column(L("Kode dan program / kegiatan / sub kegiatan", "Code and programme / activity"), weight: 26),
                      TabularReport.Column(L("Pagu (Rp)", "Ceiling (Rp)"), weight: 12, numeric: true)]
                + Triwulan.all.map { TabularReport.Column("Rp " + Triwulan.label($0), weight: 10, numeric: true) }
                + [TabularReport.Column(L("s.d. \(Triwulan.label(through)) (Rp)", "to \(Triwulan.label(through)) (Rp)"), weight: 12, numeric: true),
                   TabularReport.Column(L("Serapan", "Absorption"), weight: 7, numeric: true)],
            rows: rows,
            note: L("Baris tebal: jumlah sub kegiatan di bawahnya.", "Bold lines: the sum of the sub kegiatan below them."))
    }

    static func units(_ y: KinerjaController.Year) -> TabularReport.Section {
        let f = y.figures
        let rows = f.units.map { u in
            TabularReport.Row([KinerjaParts.unitName(y, u.unitID)]
                              + Triwulan.all.map { q in q <= f.through ? KinerjaParts.percent(u.path.at(q).capaian) : dash }
                              + [IDFormat.rupiah(u.pagu), IDFormat.rupiah(u.realised), KinerjaParts.percent(u.serapan),
                                 u.efficiency.map { IDFormat.number($0, maxFractionDigits: 2) } ?? dash],
                              key: u.unitID.uuidString)
        }
        let total = TabularReport.Row([L("Pemda", "Pemda")]
                                      + Triwulan.all.map { q in q <= f.through ? KinerjaParts.percent(f.capaian.pemda.at(q).capaian) : dash }
                                      + [IDFormat.rupiah(f.pagu), IDFormat.rupiah(f.realised), KinerjaParts.percent(f.serapan), dash],
                                      bold: true, key: "pemda")
        return TabularReport.Section(
            id: "unit", title: L("Rekapitulasi Perangkat Daerah", "Agencies"),
            columns: [TabularReport.Column(L("Perangkat Daerah", "Agency"), weight: 26)]
                + Triwulan.all.map { TabularReport.Column(L("Capaian s.d. ", "Capaian to ") + Triwulan.label($0), weight: 8, numeric: true) }
                + [TabularReport.Column(L("Pagu (Rp)", "Ceiling (Rp)"), weight: 13, numeric: true),
                   TabularReport.Column(L("Realisasi (Rp)", "Realised (Rp)"), weight: 13, numeric: true),
                   TabularReport.Column(L("Serapan", "Absorption"), weight: 8, numeric: true),
                   TabularReport.Column(L("Efisiensi", "Efficiency"), weight: 8, numeric: true)],
            rows: rows + [total],
            note: L("Capaian unit: PK kepala unit. Capaian Pemda: IKU melalui sasaran, tujuan dan misi RPJMD.",
                    "A unit's capaian is its head's PK; the Pemda's, its IKU through the RPJMD's sasaran, tujuan and misi."))
    }

    static func make(_ y: KinerjaController.Year, unit: UUID?, lines: [BudgetLine], made: String) -> TabularReport {
        let f = y.figures
        let subtitle = [(unit.map { KinerjaParts.unitName(y, $0) } ?? y.pemda.name).uppercased(),
                        L("TAHUN \(y.year), S.D. \(Triwulan.label(f.through))", "YEAR \(y.year), TO \(Triwulan.label(f.through))")]
        var sections: [TabularReport.Section] = []
        if let unit {
            let pks = f.board.pks.filter { $0.level != .pemda && y.organisation.opd(of: $0.unitID) == unit }
            sections.append(performance(y, pks: pks, id: "kinerja", title: L("Realisasi kinerja", "Performance")))
            sections.append(budget(y, lines: lines))
        } else {
            if let iku = f.ikuPk {
                sections.append(performance(y, pks: [iku], id: "kinerja", title: L("Indikator Kinerja Utama", "Key performance indicators")))
            }
            sections.append(units(y))
        }
        return TabularReport(title: L("Laporan pemantauan triwulanan (Formulir E.81)", "Quarterly monitoring report (Form E.81)"),
                             subtitle: subtitle, sections: sections,
                             footer: L("Dibuat oleh Kinerja \(made), dari nilai yang diterima verifikator.",
                                       "Made by Kinerja \(made), from accepted values."))
    }
}

extension Array where Element == Int64 {
    /// The amount of quarter `q` (1–4), 0 where the array has none: a stored period never indexes past the end.
    subscript(safeQuarter q: Int) -> Int64 { indices.contains(q - 1) ? self[q - 1] : 0 }
}
