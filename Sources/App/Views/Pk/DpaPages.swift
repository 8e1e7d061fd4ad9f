import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The DPA of a year per Perangkat Daerah, and one DPA's pagu lines.
enum DpaPages {
    struct Row {
        var unit: UnitRow
        var dpa: Dpa?
        var total: Int64?
        var mayEdit: Bool
    }

    static func list(_ pemda: Pemda, year: Int, rows: [Row], rule: PkDeadlineRule, error: String?, csrf: String) -> String {
        let title = L("DPA \(year)", "Budget execution documents (DPA) \(year)")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, "DPA \(year)"), pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(title)),
            .p(.class("muted"), .text(L("Tanggal pengesahan DPA memulai tenggat PK: \(rule.monthsAfterDpa) bulan sesudahnya.",
                                        "The DPA's ratification starts the PK deadline: \(rule.monthsAfterDpa) month(s) later."))),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .div(.class("scroll"), .table(.class("data"), .id("dpa-list"),
                .thead(.tr(.th(.text(L("Perangkat Daerah", "Agency"))), .th(.text(L("Nomor DPA", "DPA number"))),
                           .th(.text(L("Disahkan", "Ratified"))), .th(.text(L("Tenggat PK", "PK due"))),
                           .th(.class("num"), .text(L("Pagu program (Rp)", "Program ceiling (Rp)"))), .th(.text(L("Catat", "Record"))))),
                .tbody(.forEach(rows) { row in
                    let ratified = row.dpa.flatMap { CalendarDate(iso: $0.ratifiedOn) }
                    return .tr(
                        .td(.a(.href("/pemda/\(pemda.code)/dpa/\(row.unit.id.uuidString)?tahun=\(year)"), .text(row.unit.name))),
                        .td(.text(row.dpa?.number ?? "–")), .td(.text(ratified.map(Fmt.date) ?? "–")),
                        .td(.text(ratified.map { Fmt.date(rule.due(dpaDate: $0)) } ?? "–")),
                        .td(.class("num"), .text(row.total.map { IDFormat.rupiah($0) } ?? "–")),
                        .td(.if(row.mayEdit, .form(.class("inline"), .method(.post),
                            .action("/pemda/\(pemda.code)/dpa/\(row.unit.id.uuidString)?tahun=\(year)"),
                            .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                            .input(.type(.text), .name("nomor"), .value(row.dpa?.number ?? ""),
                                   .attribute(named: "aria-label", value: L("Nomor DPA \(row.unit.name)", "DPA number, \(row.unit.name)"))),
                            .input(.type(.date), .name("tanggal"), .value(row.dpa?.ratifiedOn ?? ""),
                                   .attribute(named: "aria-label", value: L("Tanggal pengesahan \(row.unit.name)", "Ratified on, \(row.unit.name)"))),
                            .button(.type(.submit), .text(L("Simpan", "Save")))))))
                })))
        ))
    }

    static func detail(_ pemda: Pemda, unit: KinerjaStore.Unit, year: Int, dpa: Dpa?, lines: [DpaPagu], mayEdit: Bool,
                       error: String?, csrf: String) -> String
    {
        let title = "DPA \(unit.name) \(year)"
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(title)),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(dpa, { d in
                .p(.text(L("Nomor \(d.number), disahkan \(Fmt.date(d.ratifiedOn)).", "Number \(d.number), ratified \(Fmt.date(d.ratifiedOn)).")))
            }, else: .p(.class("muted"), .text(L("DPA tahun ini belum dicatat. Catat nomor dan tanggalnya di halaman DPA; pagu disalin dari Renstra.",
                                                 "This year's DPA is not recorded yet. Record its number and date on the DPA page; the pagu is copied from the Renstra.")))),
            .p(.a(.href("/pemda/\(pemda.code)/dpa?tahun=\(year)"), .text(L("Semua DPA \(year)", "All DPA of \(year)")))),
            .if(!lines.isEmpty, .div(.class("scroll"), .table(.class("data"), .id("dpa-lines"),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Program / Kegiatan / Sub Kegiatan", "Program / activity / sub-activity"))),
                           .th(.class("num"), .text(L("Pagu (Rp)", "Ceiling (Rp)"))), .if(mayEdit, .th(.text(L("Ubah", "Change")))))),
                .tbody(.forEach(lines) { line in
                    .tr(.class("lvl-\(NomenclatureCode.level(of: line.code)?.rawValue ?? "")"),
                        .td(.class("code"), .text(line.code)), .td(.text(line.name)),
                        .td(.class("num"), .text(IDFormat.rupiah(line.amount))),
                        .if(mayEdit, .td(.form(.class("inline"), .method(.post),
                            .action("/pemda/\(pemda.code)/dpa/\(unit.id!.uuidString)/pagu/\(line.id!.uuidString)?tahun=\(year)"),
                            .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                            .input(.type(.text), .name("pagu"), .value(IDFormat.rupiah(line.amount)),
                                   .attribute(named: "aria-label", value: L("Pagu \(line.code)", "Ceiling \(line.code)"))),
                            .button(.type(.submit), .text(L("Simpan", "Save")))))))
                }))))
        ))
    }
}
