import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The schedule of a year, and a unit's RKT with its targets.
enum SchedulePages {
    static func stateText(_ row: JadwalRow) -> String {
        guard let state = row.state else { return "Belum ditetapkan" }
        var text = state.label.id
        if state == .dibukaKembali, let until = row.reopenedUntil { text += " sampai \(Fmt.date(until))" }
        return text
    }

    static func jadwal(_ pemda: Pemda, year: Int, rows: [JadwalRow], error: String?, csrf: String) -> String {
        let stages = JadwalStage.allCases.map { FormView.Option(value: $0.rawValue, label: $0.label.id) }
        let mayEdit = Layout.may(.update, Subject(.jadwal, pemda: pemda.code))
        return Layout.page(title: "Jadwal \(year)", crumbs: PemdaPages.crumbs(pemda, "Jadwal \(year)"),
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text("Jadwal tahun \(year)")),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .table(.class("data"),
                .thead(.tr(.th(.text("Tahap")), .th(.text("Dibuka")), .th(.text("Ditutup")), .th(.text("Status")),
                           .th(.text("Alasan dibuka kembali")))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.stage.label.id)), .td(.text(row.opens.map(Fmt.date) ?? "–")),
                        .td(.text(row.closes.map(Fmt.date) ?? "–")),
                        .td(.class("state"), .attribute(named: "data-stage", value: row.stage.rawValue), .text(stateText(row))),
                        .td(.text(row.reopenReason ?? "")))
                })),
            .if(mayEdit, .group(
                .h2(.text("Tetapkan jadwal")),
                .form(.class("stack"), .id("jadwal-form"), .method(.post), .action("/pemda/\(pemda.code)/jadwal?tahun=\(year)"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .label(.for("tahap"), .text("Tahap")), FormView.selectElement("tahap", options: stages, selected: "rkt"),
                      .label(.for("dibuka"), .text("Dibuka")), .input(.id("dibuka"), .name("dibuka"), .type(.date), .required(true)),
                      .label(.for("ditutup"), .text("Ditutup")), .input(.id("ditutup"), .name("ditutup"), .type(.date), .required(true)),
                      .button(.type(.submit), .text("Simpan"))),
                .h2(.text("Buka kembali")),
                .form(.class("stack"), .id("reopen-form"), .method(.post),
                      .action("/pemda/\(pemda.code)/jadwal/buka-kembali?tahun=\(year)"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .label(.for("tahap-buka"), .text("Tahap")),
                      .element(named: "select", nodes: [.attribute(named: "id", value: "tahap-buka"), .attribute(named: "name", value: "tahap")]
                               + stages.map { .element(named: "option", nodes: [.attribute(named: "value", value: $0.value), .text($0.label)]) }),
                      .label(.for("sampai"), .text("Dibuka kembali sampai")), .input(.id("sampai"), .name("sampai"), .type(.date), .required(true)),
                      .label(.for("alasan"), .text("Alasan")), .input(.id("alasan"), .name("alasan"), .type(.text), .required(true)),
                      .button(.type(.submit), .text("Buka kembali")))
            ))
        ))
    }

    static func rkt(_ pemda: Pemda, _ rkt: RktView, jadwal: JadwalRow?, error: String?, csrf: String) -> String {
        let mayEdit = Layout.may(.update, Subject(.rkt, pemda: pemda.code, unit: rkt.unitCode))
        return Layout.page(title: "RKT \(rkt.unitName) \(rkt.year)", crumbs: PemdaPages.crumbs(pemda, "RKT \(rkt.year)"),
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text("Rencana Kinerja Tahunan \(rkt.unitName) \(rkt.year)")),
            .p(.class("muted"), .id("rkt-jadwal"), .text("Jadwal penyusunan RKT: \(jadwal.map(stateText) ?? "Belum ditetapkan")")),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .forEach(rkt.sasaran) { sasaran in
                .section(.h2(.text("\(sasaran.number). \(sasaran.text)")),
                    .table(.class("data"),
                        .thead(.tr(.th(.text("Indikator")), .th(.text("Satuan")), .th(.class("num"), .text("Target \(rkt.year)")),
                                   .th(.class("num"), .text("TW I")), .th(.class("num"), .text("TW II")),
                                   .th(.class("num"), .text("TW III")), .th(.class("num"), .text("TW IV")),
                                   .if(mayEdit, .th(.text("Ubah target"))))),
                        .tbody(.forEach(sasaran.indikator) { i in
                            .tr(.td(.text(i.name)), .td(.text(i.satuan)),
                                .td(.class("num"), .attribute(named: "data-indikator", value: i.id.uuidString), .text(Fmt.target(i, year: rkt.year))),
                                .forEach(1...4) { q in
                                    .td(.class("num"), .text(i.targets.first { $0.year == rkt.year && $0.period == q }?.display ?? "–"))
                                },
                                .if(mayEdit, .td(.form(.class("inline"), .method(.post),
                                    .action("/pemda/\(pemda.code)/rkt/\(rkt.unitID.uuidString)/target?tahun=\(rkt.year)"),
                                    .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                    .input(.type(.hidden), .name("indikator"), .value(i.id.uuidString)),
                                    .input(.type(.text), .name("nilai"), .attribute(named: "aria-label", value: "Target baru \(i.name)"),
                                           .attribute(named: "size", value: "8")),
                                    .button(.type(.submit), .text("Simpan"))))))
                        }))
                )
            }
        ))
    }
}
