import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// Building the RPJMD: a period with its Perda and visi, then misi, tujuan, sasaran and their indicators.
enum RpjmdManagePage {
    static func render(_ pemda: PemdaInfo, tree: RpjmdTree?, submitted: SubmittedForm, csrf: String) -> String {
        let base = { (form: String) in SiteURL.of(pemda.code, .rpjmdAdd(.value(form))) }
        return Layout.page(title: L("Kelola RPJMD", "Manage the RPJMD"),
                           crumbs: PemdaPages.crumbs(pemda, L("Kelola RPJMD", "Manage the RPJMD")),
                           pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Kelola RPJMD", "Manage the RPJMD"))),
            .unwrap(tree, { tree in .group(
                .p(.class("muted"), .text(L("Periode \(tree.periode.startYear)–\(tree.periode.endYear), \(tree.periode.perdaNumber).",
                                            "Period \(tree.periode.startYear)–\(tree.periode.endYear), \(tree.periode.perdaNumber)."))),
                outline(pemda, tree),
                .div(.class("form-grid"),
                    .section(.h2(.text(L("Tambah misi", "Add a misi"))),
                        FormView.form(action: base("misi"), csrf: csrf, errors: submitted.errors(for: "misi"),
                                      submit: L("Tambah misi", "Add misi"), fields: [
                            .input(.type(.hidden), .name("periode"), .value(tree.periodeID.uuidString)),
                            FormView.textarea("teks", L("Rumusan misi", "Misi statement"), value: submitted.value("misi", "teks"),
                                              errors: submitted.errors(for: "misi"), required: true, id: "misi-teks"),
                        ])),
                    .section(.h2(.text(L("Tambah tujuan", "Add a tujuan"))),
                        FormView.form(action: base("tujuan"), csrf: csrf, errors: submitted.errors(for: "tujuan"),
                                      submit: L("Tambah tujuan", "Add tujuan"), fields: [
                            FormView.select("misi", L("Misi", "Misi"), options: tree.misi.map {
                                .init(value: $0.id.uuidString, label: "\($0.number). \($0.text)")
                            }, selected: submitted.value("tujuan", "misi"), errors: submitted.errors(for: "tujuan"), id: "tujuan-misi"),
                            FormView.textarea("teks", L("Rumusan tujuan", "Tujuan statement"), value: submitted.value("tujuan", "teks"),
                                              errors: submitted.errors(for: "tujuan"), required: true, id: "tujuan-teks"),
                        ])),
                    .section(.h2(.text(L("Tambah sasaran", "Add a sasaran"))),
                        FormView.form(action: base("sasaran"), csrf: csrf, errors: submitted.errors(for: "sasaran"),
                                      submit: L("Tambah sasaran", "Add sasaran"), fields: [
                            FormView.select("tujuan", L("Tujuan", "Tujuan"), options: tree.misi.flatMap { m in
                                m.tujuan.map { .init(value: $0.id.uuidString, label: "\(m.number).\($0.number). \($0.text)") }
                            }, selected: submitted.value("sasaran", "tujuan"), errors: submitted.errors(for: "sasaran"),
                                            id: "sasaran-tujuan"),
                            FormView.textarea("teks", L("Rumusan sasaran", "Sasaran statement"), value: submitted.value("sasaran", "teks"),
                                              errors: submitted.errors(for: "sasaran"), required: true, id: "sasaran-teks"),
                        ]))
                )
            ) }, else: .p(.text(L("Pemda ini belum punya RPJMD. Mulai dengan periodenya.",
                                  "This Pemda has no RPJMD yet. Start with its period.")))),
            .section(.h2(.text(tree == nil ? L("Periode RPJMD", "RPJMD period") : L("Periode RPJMD berikutnya", "Next RPJMD period"))),
                periodeForm(base, submitted: submitted, csrf: csrf, after: tree?.periode.endYear))
        ))
    }

    static func periodeForm(_ base: (String) -> SiteURL, submitted: SubmittedForm, csrf: String, after lastYear: Int?) -> Node<HTML.BodyContext> {
        let errors = submitted.errors(for: "periode")
        let start = lastYear.map { String($0 + 1) } ?? ""
        return FormView.form(action: base("periode"), csrf: csrf, errors: errors, submit: L("Simpan periode", "Save period"),
                             fields: [
            FormView.text("awal", L("Tahun awal", "First year"), value: submitted.value("periode", "awal", start),
                          errors: errors, type: .number),
            FormView.text("akhir", L("Tahun akhir", "Last year"),
                          value: submitted.value("periode", "akhir", lastYear.map { String($0 + 5) } ?? ""), errors: errors,
                          type: .number),
            FormView.text("perda", L("Nomor Perda", "Perda number"), value: submitted.value("periode", "perda"), errors: errors,
                          hint: L("Mis. Perda Nomor 5 Tahun 2025", "E.g. Perda Nomor 5 Tahun 2025")),
            FormView.text("tanggal", L("Tanggal Perda", "Perda date"), value: submitted.value("periode", "tanggal"),
                          errors: errors, type: .date),
            FormView.textarea("visi", L("Visi", "Visi"), value: submitted.value("periode", "visi"), errors: errors,
                              required: true, id: "periode-visi"),
        ])
    }

    /// The tree as it stands, with each sasaran's indicators and the links to add or change them.
    static func outline(_ pemda: PemdaInfo, _ tree: RpjmdTree) -> Node<HTML.BodyContext> {
        .ol(.class("outline"), .forEach(tree.misi) { misi in
            .li(.strong(.text(L("Misi", "Misi") + " \(misi.number)")), .text(": \(misi.text)"),
                .ol(.forEach(misi.tujuan) { tujuan in
                    .li(.strong(.text(L("Tujuan", "Tujuan") + " \(misi.number).\(tujuan.number)")), .text(": \(tujuan.text)"),
                        .ol(.forEach(tujuan.sasaran) { sasaran in
                            .li(.strong(.text(L("Sasaran", "Sasaran") + " \(misi.number).\(tujuan.number).\(sasaran.number)")),
                                .text(": \(sasaran.text)"),
                                IndikatorLinks.list(pemda, sasaran.indikator, owner: .sasaranRpjmd, ownerID: sasaran.id))
                        }))
                }))
        })
    }
}

/// The indicators of an owner as links to their edit form, and a link to add one.
enum IndikatorLinks {
    static func list(_ pemda: PemdaInfo, _ indikator: [IndikatorView], owner: IndikatorOwner, ownerID: UUID)
        -> Node<HTML.BodyContext>
    {
        .ul(.class("indikator-links"),
            .forEach(indikator) { i in
                .li(.a(.href(SiteURL.of(pemda.code, .indikator(.value(i.id)))),
                       .text("\(i.code) \(i.name) (\(i.satuan))")))
            },
            .li(.a(.class("add"), .href(SiteURL.of(pemda.code, .indikatorNew).url(["pemilik": owner.rawValue, "id": ownerID.uuidString])),
                   .text(L("+ Tambah indikator", "+ Add an indicator")))))
    }
}
