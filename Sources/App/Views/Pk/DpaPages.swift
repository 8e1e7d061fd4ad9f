import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The DPA of a year per Perangkat Daerah, and one DPA's pagu lines.
enum DpaPages {
    struct Row: Sendable {
        var unit: UnitRow
        var dpa: DpaSummary?
        /// The year's budget realisation of the unit to date.
        var realised: Int64
        var mayEdit: Bool
    }

    struct ListModel: Sendable {
        var pemda: PemdaRef
        var year: Int
        var rows: [Row]
        var rule: PkDeadlineRule
        var error: String?
        var csrf: String
    }

    static func list(_ m: ListModel) -> String {
        let title = L("DPA \(m.year)", "Budget execution documents (DPA) \(m.year)")
        let code = m.pemda.code
        let year = String(m.year)
        return Layout.page(title: title, crumbs: Layout.crumbs(m.pemda, Layout.Crumb("DPA \(m.year)")), pemda: m.pemda, body: .group(
            .h1(.text(title)),
            .p(.class("muted"), .text(L("Tanggal pengesahan DPA memulai tenggat PK: \(m.rule.monthsAfterDpa) bulan sesudahnya.",
                                        "The DPA's ratification starts the PK deadline: \(m.rule.monthsAfterDpa) month(s) later."))),
            Layout.alert(m.error),
            .div(.class("scroll"), .table(.class("data"), .id("dpa-list"),
                .thead(.tr(.th(.text(L("Perangkat Daerah", "Agency"))), .th(.text(L("Nomor DPA", "DPA number"))),
                           .th(.text(L("Disahkan", "Ratified"))), .th(.text(L("Tenggat PK", "PK due"))),
                           .th(.class("num"), .text(L("Pagu program (Rp)", "Program ceiling (Rp)"))),
                           .th(.class("num"), .text(L("Realisasi (Rp)", "Spent (Rp)"))), .th(.class("num"), .text(L("Serapan", "Absorption"))),
                           .th(.text(L("Catat", "Record"))))),
                .tbody(.forEach(m.rows) { row in
                    let ratified = row.dpa?.ratifiedOn
                    return .tr(
                        .td(.a(.href(SiteURL.of(code, .dpaUnit(.value(row.unit.id))).url(["tahun": year])), .text(row.unit.name))),
                        .td(.text(row.dpa?.number ?? "–")), .td(.text(ratified.map(Fmt.date) ?? "–")),
                        .td(.text(ratified.map { Fmt.date(m.rule.due(dpaDate: $0)) } ?? "–")),
                        .td(.class("num"), .text(row.dpa.map { IDFormat.rupiah($0.programTotal) } ?? "–")),
                        .td(.class("num"), .text(row.dpa == nil ? "–" : IDFormat.rupiah(row.realised))),
                        .td(.class("num"), .text(row.dpa.flatMap { Serapan(pagu: $0.programTotal, realised: row.realised).percent }
                            .map(IDFormat.percent) ?? "–")),
                        .td(.if(row.mayEdit, .form(.class("inline"), .method(.post),
                            .action(SiteURL.of(code, .dpaUnit(.value(row.unit.id))).url(["tahun": year])),
                            .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                            .input(.type(.text), .name("nomor"), .value(row.dpa?.number ?? ""),
                                   .attribute(named: "aria-label", value: L("Nomor DPA \(row.unit.name)", "DPA number, \(row.unit.name)"))),
                            .input(.type(.date), .name("tanggal"), .value(ratified?.description ?? ""),
                                   .attribute(named: "aria-label", value: L("Tanggal pengesahan \(row.unit.name)", "Ratified on, \(row.unit.name)"))),
                            .button(.type(.submit), .text(L("Simpan", "Save")))))))
                }),
                apbd(m)))
        ))
    }

    /// The progress of the APBD of the Pemda as a whole (the seeds' "progress pelaksanaan APBD").
    static func apbd(_ m: ListModel) -> Node<HTML.TableContext> {
        let total = m.rows.reduce(Serapan(pagu: 0, realised: 0)) { sum, row in
            guard let dpa = row.dpa else { return sum }
            return Serapan(pagu: sum.pagu.addingReportingOverflow(dpa.programTotal).partialValue,
                           realised: sum.realised.addingReportingOverflow(row.realised).partialValue)
        }
        return .tfoot(.tr(.id("apbd-progress"), .th(.attribute(named: "colspan", value: "4"), .text(L("Progres pelaksanaan APBD", "APBD execution progress"))),
                          .th(.class("num"), .text(IDFormat.rupiah(total.pagu))), .th(.class("num"), .text(IDFormat.rupiah(total.realised))),
                          .th(.class("num"), .attribute(named: "data-serapan", value: total.percent?.description ?? ""),
                              .text(total.percent.map(IDFormat.percent) ?? "–")),
                          .th()))
    }

    struct DetailModel: Sendable {
        var pemda: PemdaRef
        var unitID: UUID
        var unitName: String
        var year: Int
        var dpa: DpaSummary?
        var lines: [DpaLine]
        var mayEdit: Bool
        /// The newest realisation of each line's TW I–IV.
        var realised: [UUID: [Int64?]]
        /// What was typed and refused, shown again.
        var typed: [UUID: [String?]]
        var lateReason: String
        var errors: FormErrors
        var error: String?
        var csrf: String
    }

    static let realisasiForm = "realisasi-anggaran"

    static func detail(_ m: DetailModel) -> String {
        let title = "DPA \(m.unitName) \(m.year)"
        let code = m.pemda.code
        let year = String(m.year)
        return Layout.page(title: title, crumbs: Layout.crumbs(m.pemda, Layout.Crumb("DPA \(m.year)", .of(code, .dpa)), Layout.Crumb(m.unitName)),
                           pemda: m.pemda, body: .group(
            .h1(.text(title)),
            Layout.alert(m.error),
            .unwrap(m.dpa, { d in
                .p(.text(L("Nomor \(d.number), disahkan \(d.ratifiedOn.map(Fmt.date) ?? "–").", "Number \(d.number), ratified \(d.ratifiedOn.map(Fmt.date) ?? "–").")))
            }, else: .p(.class("muted"), .text(L("DPA tahun ini belum dicatat. Catat nomor dan tanggalnya di halaman DPA; pagu disalin dari Renstra.",
                                                 "This year's DPA is not recorded yet. Record its number and date on the DPA page; the pagu is copied from the Renstra.")))),
            .p(.a(.href(SiteURL.of(code, .dpa).url(["tahun": year])), .text(L("Semua DPA \(m.year)", "All DPA of \(m.year)")))),
            .if(!m.lines.isEmpty, .group(lineTable(m), realisationSave(m)))
        ))
    }

    static func lineTable(_ m: DetailModel) -> Node<HTML.BodyContext> {
        let code = m.pemda.code
        let year = String(m.year)
        let leaves = Anggaran.leaves(m.lines.map(\.code))
        let leafLines = m.lines.filter { leaves.contains($0.code) }
        // Per quarter and for the year, what each leaf absorbed: lines above show the sum of the leaves under them.
        let byQuarter: [[String: Int64]] = (0..<4).map { q in
            Dictionary(leafLines.map { ($0.code, m.realised[$0.id]?[q] ?? 0) }, uniquingKeysWith: { a, _ in a })
        }
        let leafRealised = Dictionary(leafLines.map { line in
            (line.code, (m.realised[line.id] ?? []).reduce(Int64(0)) { $0.addingReportingOverflow($1 ?? 0).partialValue })
        }, uniquingKeysWith: { a, _ in a })
        return .div(.class("scroll"), .table(.class("data pk-table"), .id("dpa-lines"),
            .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Program / Kegiatan / Sub Kegiatan", "Program / activity / sub-activity"))),
                       .th(.class("num"), .text(L("Pagu (Rp)", "Ceiling (Rp)"))),
                       .forEach(Array(Triwulan.all)) { .th(.class("num"), .text(L("Realisasi \(Triwulan.label($0))", "\(Triwulan.label($0)) spent"))) },
                       .th(.class("num"), .text(L("Serapan", "Absorption"))),
                       .if(m.mayEdit, .th(.text(L("Ubah pagu", "Change ceiling")))))),
            .tbody(.forEach(m.lines) { line in
                let serapan = Serapan(pagu: line.amount, realised: Anggaran.realised(under: line.code, leaves: leafRealised))
                let isLeaf = leaves.contains(line.code)
                return .tr(.class("lvl-\(NomenclatureCode.level(of: line.code)?.rawValue ?? "")"), .id("dpa-\(line.code)"),
                    .td(.class("code"), .text(line.code)), .td(.text(line.name)),
                    .td(.class("num"), .text(IDFormat.rupiah(line.amount))),
                    .forEach(0..<4) { q in
                        isLeaf ? quarterCell(m, line: line, quarter: q, editable: m.mayEdit)
                            : .td(.class("num"), .text(IDFormat.rupiah(Anggaran.realised(under: line.code, leaves: byQuarter[q]))))
                    },
                    .td(.class("num"), .attribute(named: "data-serapan", value: serapan.percent?.description ?? ""),
                        .text(serapan.percent.map(IDFormat.percent) ?? "–")),
                    .if(m.mayEdit, .td(.form(.class("inline"), .method(.post),
                        .action(SiteURL.of(code, .dpaPagu(.value(m.unitID), .value(line.id))).url(["tahun": year])),
                        .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                        .input(.type(.text), .name("pagu"), .value(IDFormat.rupiah(line.amount)), .attribute(named: "size", value: "11"),
                               .attribute(named: "aria-label", value: L("Pagu \(line.code)", "Ceiling \(line.code)"))),
                        .button(.type(.submit), .text(L("Simpan", "Save")))))))
            })))
    }

    /// A leaf line's quarter: an input for those who may enter, the figure otherwise; lines above show their sum.
    static func quarterCell(_ m: DetailModel, line: DpaLine, quarter q: Int, editable: Bool) -> Node<HTML.TableRowContext> {
        let stored = m.realised[line.id]?[q]
        guard editable else { return .td(.class("num"), .text(stored.map { IDFormat.rupiah($0) } ?? "–")) }
        let name = "anggaran[\(line.id.uuidString)][tw\(q + 1)]"
        let typed = m.typed[line.id].flatMap { $0.indices.contains(q) ? $0[q] : nil }
        let error = m.errors.byField[name]
        return .td(.class("num"),
                   .input(.name(name), .attribute(named: "form", value: realisasiForm), .attribute(named: "size", value: "11"),
                          .value(typed ?? stored.map { IDFormat.rupiah($0) } ?? ""),
                          .attribute(named: "aria-label", value: L("Realisasi \(Triwulan.label(q + 1)) \(line.code)", "\(Triwulan.label(q + 1)) spent, \(line.code)")),
                          .attribute(named: "aria-invalid", value: error == nil ? "false" : "true")),
                   .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .text($0)]) })
    }

    static func realisationSave(_ m: DetailModel) -> Node<HTML.BodyContext> {
        guard m.mayEdit else { return .empty }
        return .form(.id(realisasiForm), .method(.post),
                     .action(SiteURL.of(m.pemda.code, .dpaRealisasi(.value(m.unitID))).url(["tahun": String(m.year)])),
                     .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                     .p(.class("muted"), .text(L("Realisasi diisi per sub kegiatan (baris terbawah) dan dijumlahkan ke kegiatan dan program. Setiap simpan menambah riwayat.",
                                                 "Realisation is entered per sub kegiatan (the lowest lines) and summed up to kegiatan and program. Every save adds to the history."))),
                     .div(.class("reason"),
                          .label(.for("alasan-terlambat"), .text(L("Alasan koreksi sesudah jadwal ditutup (bila ada)", "Reason for a correction after the window closed (if any)"))),
                          .input(.id("alasan-terlambat"), .name("alasanTerlambat"), .value(m.lateReason), .attribute(named: "size", value: "60")),
                          .unwrap(m.errors.byField["alasanTerlambat"]) { .element(named: "span", nodes: [.class("field-error"), .text($0)]) }),
                     .p(.class("table-actions"), .button(.type(.submit), .id("simpan-anggaran"), .text(L("Simpan realisasi anggaran", "Save budget realisation")))))
    }
}
