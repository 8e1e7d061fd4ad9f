import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The weights of misi, tujuan and sasaran in the Pemda's capaian, one input per node, one save.
enum BobotPage {
    struct Model: Sendable {
        var pemda: PemdaInfo
        var year: Int
        /// The RPJMD depth first, with depths (`CapaianBoard.strategicOrder`).
        var order: [(node: CapaianBoard.StrategicNode, depth: Int)]
        /// What was typed, when the form comes back with findings.
        var values: [String: String]?
        var errors: FormErrors
        var csrf: String
    }

    static func render(_ m: Model) -> String {
        let pemda = PemdaRef(m.pemda)
        let ordered = m.order
        return Layout.page(title: L("Bobot capaian", "Capaian weights"),
                           crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"),
                                                                     url: SiteURL.of(pemda.code, .kinerja).url(["tahun": String(m.year)])),
                                                 Layout.Crumb(L("Bobot", "Weights"))),
                           pemda: pemda, body: .group(
            .h1(.text(L("Bobot capaian menurut RPJMD", "Capaian weights by RPJMD"))),
            .p(.class("lead"), .text(L("Capaian Pemda dihitung dari IKU ke sasaran, tujuan dan misi dengan rata-rata tertimbang. Bobot kosong atau 1 berarti sama dengan yang lain. Bobot indikator diatur di Manual IKU-nya.",
                                       "The Pemda's capaian rolls up from IKU to sasaran, tujuan and misi by weighted means. An empty weight or 1 counts like the others. An indicator's weight is set in its Manual IKU."))),
            Layout.alert(m.errors.isEmpty ? nil : (m.errors.general ?? L("Bobot belum disimpan: periksa isian yang ditandai.", "The weights were not saved: check the fields marked."))),
            ordered.isEmpty ? .p(.class("muted"), .text(L("RPJMD yang mencakup tahun \(m.year) belum ada.", "No RPJMD covers \(m.year) yet.")))
                : .form(.method(.post), .action(SiteURL.of(pemda.code, .bobot)), .id("bobot-form"),
                    .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                    .div(.class("scroll"), .table(.class("data"), .id("bobot-table"),
                        .thead(.tr(.th(.text(L("Misi / tujuan / sasaran", "Misi / tujuan / sasaran"))), .th(.class("num"), .text(L("Bobot", "Weight"))))),
                        .tbody(.forEach(ordered) { node, depth in
                            let name = "bobot[\(node.id.uuidString)]"
                            let id = "bobot-\(node.id.uuidString)"
                            let error = m.errors.byField[name]
                            let label = "\(node.kind.label) \(node.number). \(node.text)"
                            return .tr(.class("depth-\(depth)"),
                                .td(.label(.for(id), .text(label))),
                                .td(.class("num"),
                                    .input(.id(id), .name(name), .attribute(named: "inputmode", value: "decimal"), .attribute(named: "size", value: "6"),
                                           .value(m.values?[node.id.uuidString] ?? IDFormat.number(node.weight)),
                                           .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"),
                                           .attribute(named: "aria-describedby", value: error == nil ? "" : "\(id)-error")),
                                    .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) }))
                        }))),
                    .p(.button(.type(.submit), .id("simpan-bobot"), .text(L("Simpan bobot", "Save the weights")))))))
    }
}
