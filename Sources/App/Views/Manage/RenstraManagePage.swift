import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// Building a Perangkat Daerah's Renstra: its decree, sasaran strategis, program/kegiatan/sub kegiatan chosen by
/// nomenclature code, indicative pagu per year, and the indicators of each.
enum RenstraManagePage {
    struct Choices {
        var unitName: String
        var periodes: [FormView.Option]
        var versions: [FormView.Option]
        var rpjmdSasaran: [FormView.Option]
    }

    static func render(_ pemda: PemdaInfo, unitID: UUID, tree: RenstraTree?, choices: Choices, submitted: SubmittedForm,
                       csrf: String) -> String
    {
        let base = { (form: String) in SiteURL.of(pemda.code, .renstraAdd(.value(unitID), .value(form))) }
        let title = L("Kelola Renstra", "Manage the Renstra") + " · " + choices.unitName
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            .unwrap(tree, { tree in
                let items = PlanPages.flatten(tree.programs)
                return .group(
                    .p(.class("muted"), .text("\(tree.legalNumber), \(Fmt.date(tree.legalDate)). "
                        + L("Nomenklatur", "Nomenclature") + ": \(tree.nomenklaturVersion). "),
                       .a(.href(SiteURL.of(pemda.code, .renstra(.value(unitID)))), .text(L("Lihat Renstra", "View the Renstra")))),
                    .h2(.text(L("Sasaran strategis", "Sasaran strategis (strategic objectives)"))),
                    .ol(.class("outline"), .forEach(tree.sasaran) { s in
                        .li(.text(s.text), .unwrap(s.rpjmdSasaran) { .span(.class("muted"), .text(" ← \($0)")) },
                            IndikatorLinks.list(pemda, s.indikator, owner: .renstraSasaran, ownerID: s.id))
                    }),
                    .h2(.text(L("Program, kegiatan dan sub kegiatan", "Programs, activities and sub-activities"))),
                    .div(.class("scroll"), .table(.class("data"),
                        .caption(.text(L("Pagu indikatif dalam Rupiah", "Indicative pagu in Rupiah"))),
                        .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Nomenklatur", "Nomenclature"))),
                                   .th(.text(L("Indikator", "Indicators"))),
                                   .forEach(tree.years) { .th(.class("num"), .text(L("Pagu", "Pagu") + " \($0)")) })),
                        .tbody(.forEach(items) { item in
                            .tr(.class("lvl-\(item.level.rawValue)"),
                                .td(.class("code"), .text(item.code)), .td(.text(item.name)),
                                .td(IndikatorLinks.list(pemda, item.indikator, owner: .renstraItem, ownerID: item.id)),
                                .forEach(tree.years) { year in
                                    .td(.class("num"), .text(Fmt.rupiah(item.pagu.first { $0.year == year }?.amount)))
                                })
                        }))),
                    .div(.class("form-grid"),
                        .section(.h2(.text(L("Tambah sasaran strategis", "Add a sasaran strategis"))),
                            FormView.form(action: base("sasaran"), csrf: csrf, errors: submitted.errors(for: "sasaran"),
                                          submit: L("Tambah sasaran", "Add sasaran"), fields: [
                                FormView.select("rpjmd", L("Mendukung sasaran RPJMD", "Serves the RPJMD sasaran"),
                                                options: choices.rpjmdSasaran, selected: submitted.value("sasaran", "rpjmd"),
                                                errors: submitted.errors(for: "sasaran"), allowEmpty: true, id: "sasaran-rpjmd"),
                                FormView.textarea("teks", L("Rumusan sasaran strategis", "Sasaran statement"),
                                                  value: submitted.value("sasaran", "teks"), errors: submitted.errors(for: "sasaran"),
                                                  required: true, id: "sasaran-teks"),
                            ])),
                        .section(.h2(.text(L("Tambah program/kegiatan/sub kegiatan", "Add a program, activity or sub-activity"))),
                            FormView.form(action: base("item"), csrf: csrf, errors: submitted.errors(for: "item"),
                                          submit: L("Tambah", "Add"), fields: [
                                FormView.text("kode", L("Kode nomenklatur", "Nomenclature code"), value: submitted.value("item", "kode"),
                                              errors: submitted.errors(for: "item"),
                                              hint: L("Program X.XX.NN, kegiatan X.XX.NN.N.NN, sub kegiatan X.XX.NN.N.NN.NNNN. Induknya harus sudah ada. Cari kode di halaman Nomenklatur.",
                                                      "Program X.XX.NN, activity X.XX.NN.N.NN, sub-activity X.XX.NN.N.NN.NNNN. Its parent must already be listed. Look codes up on the Nomenclature page."),
                                              id: "item-kode"),
                                FormView.select("sasaran", L("Sasaran strategis (untuk program)", "Sasaran strategis (for a program)"),
                                                options: tree.sasaran.map { .init(value: $0.id.uuidString, label: "\($0.number). \($0.text)") },
                                                selected: submitted.value("item", "sasaran"), errors: submitted.errors(for: "item"),
                                                allowEmpty: true, id: "item-sasaran"),
                            ])),
                        .section(.h2(.text(L("Pagu indikatif", "Indicative pagu"))),
                            FormView.form(action: base("pagu"), csrf: csrf, errors: submitted.errors(for: "pagu"),
                                          submit: L("Simpan pagu", "Save pagu"), fields: [
                                FormView.select("item", L("Program/kegiatan/sub kegiatan", "Program, activity or sub-activity"),
                                                options: items.map { .init(value: $0.id.uuidString, label: "\($0.code) \($0.name)") },
                                                selected: submitted.value("pagu", "item"), errors: submitted.errors(for: "pagu"),
                                                id: "pagu-item"),
                                FormView.select("tahun", L("Tahun", "Year"), options: tree.years.map { .init(value: "\($0)", label: "\($0)") },
                                                selected: submitted.value("pagu", "tahun"), errors: submitted.errors(for: "pagu"),
                                                id: "pagu-tahun"),
                                FormView.text("pagu", L("Pagu (Rp)", "Pagu (Rp)"), value: submitted.value("pagu", "pagu"),
                                              errors: submitted.errors(for: "pagu"), hint: L("Rupiah penuh, mis. 1.250.000.000", "Whole Rupiah, e.g. 1.250.000.000"),
                                              id: "pagu-pagu"),
                            ])))
                )
            }, else: .section(
                .p(.text(L("Unit ini belum punya Renstra. Tetapkan dulu dasar hukumnya.",
                           "This unit has no Renstra yet. Record its legal basis first."))),
                FormView.form(action: base("renstra"), csrf: csrf, errors: submitted.errors(for: "renstra"),
                              submit: L("Buat Renstra", "Create the Renstra"), fields: [
                    FormView.select("periode", L("Periode RPJMD", "RPJMD period"), options: choices.periodes,
                                    selected: submitted.value("renstra", "periode"), errors: submitted.errors(for: "renstra")),
                    FormView.text("nomor", L("Nomor Perkada penetapan", "Number of the enacting decree"),
                                  value: submitted.value("renstra", "nomor"), errors: submitted.errors(for: "renstra"),
                                  hint: L("Mis. Peraturan Wali Kota Nomor 12 Tahun 2025", "E.g. Peraturan Wali Kota Nomor 12 Tahun 2025")),
                    FormView.text("tanggal", L("Tanggal penetapan", "Date of enactment"), value: submitted.value("renstra", "tanggal"),
                                  errors: submitted.errors(for: "renstra"), type: .date),
                    FormView.select("versi", L("Versi nomenklatur", "Nomenclature version"), options: choices.versions,
                                    selected: submitted.value("renstra", "versi"), errors: submitted.errors(for: "renstra")),
                ])))
        ))
    }
}
