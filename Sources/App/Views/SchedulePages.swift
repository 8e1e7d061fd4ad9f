import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The schedule of a year, and a unit's RKT with its targets.
enum SchedulePages {
    static func stateText(_ row: JadwalRow) -> String {
        guard let state = row.state else { return L("Belum ditetapkan", "Not set") }
        var text = state.label.text
        if state == .dibukaKembali, let until = row.reopenedUntil { text += L(" sampai \(Fmt.date(until))", " until \(Fmt.date(until))") }
        return text
    }

    static func jadwal(_ pemda: PemdaInfo, year: Int, rows: [JadwalRow], error: String?, csrf: String) -> String {
        let stages = JadwalStage.allCases.map { FormView.Option(value: $0.rawValue, label: $0.label.text) }
        let mayEdit = Layout.may(.update, Subject(.jadwal, pemda: pemda.code))
        let title = L("Jadwal \(year)", "Schedule \(year)")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title),
                           pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Jadwal tahun \(year)", "Schedule for \(year)"))),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .table(.class("data"),
                .thead(.tr(.th(.text(L("Tahap", "Stage"))), .th(.text(L("Dibuka", "Opens"))), .th(.text(L("Ditutup", "Closes"))),
                           .th(.text("Status")), .th(.text(L("Alasan dibuka kembali", "Reason for reopening"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.stage.label.text)), .td(.text(row.opens.map(Fmt.date) ?? "–")),
                        .td(.text(row.closes.map(Fmt.date) ?? "–")),
                        .td(.class("state"), .attribute(named: "data-stage", value: row.stage.rawValue), .text(stateText(row))),
                        .td(.text(row.reopenReason ?? "")))
                })),
            .if(mayEdit, .group(
                .h2(.text(L("Tetapkan jadwal", "Set the schedule"))),
                .form(.class("stack"), .id("jadwal-form"), .method(.post), .action(SiteURL.of(pemda.code, .jadwal).url(["tahun": String(year)])),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .label(.for("tahap"), .text(L("Tahap", "Stage"))), FormView.selectElement("tahap", options: stages, selected: "rkt"),
                      .label(.for("dibuka"), .text(L("Dibuka", "Opens"))), .input(.id("dibuka"), .name("dibuka"), .type(.date), .required(true)),
                      .label(.for("ditutup"), .text(L("Ditutup", "Closes"))), .input(.id("ditutup"), .name("ditutup"), .type(.date), .required(true)),
                      .button(.type(.submit), .text(L("Simpan", "Save")))),
                .h2(.text(L("Buka kembali", "Reopen"))),
                .form(.class("stack"), .id("reopen-form"), .method(.post),
                      .action(SiteURL.of(pemda.code, .jadwalReopen).url(["tahun": String(year)])),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .label(.for("tahap-buka"), .text(L("Tahap", "Stage"))),
                      .element(named: "select", nodes: [.attribute(named: "id", value: "tahap-buka"), .attribute(named: "name", value: "tahap")]
                               + stages.map { .element(named: "option", nodes: [.attribute(named: "value", value: $0.value), .text($0.label)]) }),
                      .label(.for("sampai"), .text(L("Dibuka kembali sampai", "Reopened until"))), .input(.id("sampai"), .name("sampai"), .type(.date), .required(true)),
                      .label(.for("alasan"), .text(L("Alasan", "Reason"))), .input(.id("alasan"), .name("alasan"), .type(.text), .required(true)),
                      .button(.type(.submit), .text(L("Buka kembali", "Reopen"))))
            ))
        ))
    }

    static func rkt(_ pemda: PemdaInfo, _ rkt: RktView, jadwal: JadwalRow?, error: String?, csrf: String) -> String {
        let mayEdit = Layout.may(.update, Subject(.rkt, pemda: pemda.code, unit: rkt.unitCode))
        return Layout.page(title: "RKT \(rkt.unitName) \(rkt.year)", crumbs: PemdaPages.crumbs(pemda, "RKT \(rkt.year)"),
                           pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Rencana Kinerja Tahunan \(rkt.unitName) \(rkt.year)", "Annual performance plan (RKT) \(rkt.unitName) \(rkt.year)"))),
            .p(.class("muted"), .id("rkt-jadwal"), .text(L("Jadwal penyusunan RKT: ", "RKT drafting schedule: ")
                                                         + (jadwal.map(stateText) ?? L("Belum ditetapkan", "Not set")))),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .forEach(rkt.sasaran) { sasaran in
                .section(.h2(.text("\(sasaran.number). \(sasaran.text)")),
                    .table(.class("data"),
                        .thead(.tr(.th(.text(L("Indikator", "Indicator"))), .th(.text(L("Satuan", "Unit of measure"))),
                                   .th(.class("num"), .text("Target \(rkt.year)")),
                                   .th(.class("num"), .text(L("TW I", "Q1"))), .th(.class("num"), .text(L("TW II", "Q2"))),
                                   .th(.class("num"), .text(L("TW III", "Q3"))), .th(.class("num"), .text(L("TW IV", "Q4"))),
                                   .if(mayEdit, .th(.text(L("Ubah target", "Change target")))))),
                        .tbody(.forEach(sasaran.indikator) { i in
                            .tr(.td(.text(i.name)), .td(.text(i.satuan)),
                                .td(.class("num"), .attribute(named: "data-indikator", value: i.id.uuidString), .text(Fmt.target(i, year: rkt.year))),
                                .forEach(1...4) { q in
                                    .td(.class("num"), .text(i.targets.first { $0.year == rkt.year && $0.period == q }?.display ?? "–"))
                                },
                                .if(mayEdit, .td(.form(.class("inline"), .method(.post),
                                    .action(SiteURL.of(pemda.code, .rktTarget(.value(rkt.unitID))).url(["tahun": String(rkt.year)])),
                                    .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                    .input(.type(.hidden), .name("indikator"), .value(i.id.uuidString)),
                                    .input(.type(.text), .name("nilai"), .attribute(named: "aria-label",
                                                                          value: L("Target baru \(i.name)", "New target for \(i.name)")),
                                           .attribute(named: "size", value: "8")),
                                    .button(.type(.submit), .text(L("Simpan", "Save")))))))
                        })),
                    .if(mayEdit, IndikatorLinks.list(pemda, sasaran.indikator, owner: .rktSasaran, ownerID: sasaran.id))
                )
            }
        ))
    }

    /// A year without an RKT yet: whoever may write it drafts it from the Renstra in one step.
    static func rktMissing(_ pemda: PemdaInfo, unitID: UUID, unitCode: String, unitName: String, year: Int, error: String?,
                           csrf: String) -> String
    {
        let mayCreate = Layout.may(.create, Subject(.rkt, pemda: pemda.code, unit: unitCode))
        return Layout.page(title: "RKT \(unitName) \(year)", crumbs: PemdaPages.crumbs(pemda, "RKT \(year)"),
                           pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Rencana Kinerja Tahunan \(unitName) \(year)", "Annual performance plan (RKT) \(unitName) \(year)"))),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .p(.text(L("RKT tahun ini belum disusun.", "This year's RKT has not been drafted yet."))),
            .if(mayCreate, .form(.class("stack"), .method(.post),
                .action(SiteURL.of(pemda.code, .rktCreate(.value(unitID))).url(["tahun": String(year)])),
                .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                .p(.class("muted"), .text(L("Sasaran strategis, indikator dan target tahun \(year) disalin dari Renstra, lalu dapat disesuaikan selama jadwal RKT dibuka.",
                                            "The sasaran strategis, indicators and \(year) targets are copied from the Renstra, to be refined while the RKT stage is open."))),
                .button(.type(.submit), .text(L("Susun RKT dari Renstra", "Draft the RKT from the Renstra")))))
        ))
    }
}
