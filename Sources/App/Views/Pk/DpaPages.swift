import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The DPA of a year per Perangkat Daerah, and one DPA's pagu lines.
enum DpaPages {
    struct Row: Sendable {
        var unit: UnitRow
        var dpa: DpaSummary?
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
                           .th(.class("num"), .text(L("Pagu program (Rp)", "Program ceiling (Rp)"))), .th(.text(L("Catat", "Record"))))),
                .tbody(.forEach(m.rows) { row in
                    let ratified = row.dpa?.ratifiedOn
                    return .tr(
                        .td(.a(.href(SiteURL.of(code, .dpaUnit(.value(row.unit.id))).url(["tahun": year])), .text(row.unit.name))),
                        .td(.text(row.dpa?.number ?? "–")), .td(.text(ratified.map(Fmt.date) ?? "–")),
                        .td(.text(ratified.map { Fmt.date(m.rule.due(dpaDate: $0)) } ?? "–")),
                        .td(.class("num"), .text(row.dpa.map { IDFormat.rupiah($0.programTotal) } ?? "–")),
                        .td(.if(row.mayEdit, .form(.class("inline"), .method(.post),
                            .action(SiteURL.of(code, .dpaUnit(.value(row.unit.id))).url(["tahun": year])),
                            .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                            .input(.type(.text), .name("nomor"), .value(row.dpa?.number ?? ""),
                                   .attribute(named: "aria-label", value: L("Nomor DPA \(row.unit.name)", "DPA number, \(row.unit.name)"))),
                            .input(.type(.date), .name("tanggal"), .value(ratified?.description ?? ""),
                                   .attribute(named: "aria-label", value: L("Tanggal pengesahan \(row.unit.name)", "Ratified on, \(row.unit.name)"))),
                            .button(.type(.submit), .text(L("Simpan", "Save")))))))
                })))
        ))
    }

    struct DetailModel: Sendable {
        var pemda: PemdaRef
        var unitID: UUID
        var unitName: String
        var year: Int
        var dpa: DpaSummary?
        var lines: [DpaLine]
        var mayEdit: Bool
        var error: String?
        var csrf: String
    }

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
            .if(!m.lines.isEmpty, .div(.class("scroll"), .table(.class("data"), .id("dpa-lines"),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Program / Kegiatan / Sub Kegiatan", "Program / activity / sub-activity"))),
                           .th(.class("num"), .text(L("Pagu (Rp)", "Ceiling (Rp)"))), .if(m.mayEdit, .th(.text(L("Ubah", "Change")))))),
                .tbody(.forEach(m.lines) { line in
                    .tr(.class("lvl-\(NomenclatureCode.level(of: line.code)?.rawValue ?? "")"),
                        .td(.class("code"), .text(line.code)), .td(.text(line.name)),
                        .td(.class("num"), .text(IDFormat.rupiah(line.amount))),
                        .if(m.mayEdit, .td(.form(.class("inline"), .method(.post),
                            .action(SiteURL.of(code, .dpaPagu(.value(m.unitID), .value(line.id))).url(["tahun": year])),
                            .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                            .input(.type(.text), .name("pagu"), .value(IDFormat.rupiah(line.amount)),
                                   .attribute(named: "aria-label", value: L("Pagu \(line.code)", "Ceiling \(line.code)"))),
                            .button(.type(.submit), .text(L("Simpan", "Save")))))))
                }))))
        ))
    }
}
