import KinerjaCore
import KinerjaStore
import Plot

/// A new Pemda, for the super admin; its administrators are then added on its Pengguna page.
enum NewPemdaPage {
    static func render(values: [String: String], errors: FormErrors, csrf: String) -> String {
        let title = L("Pemda baru", "New Pemda")
        return Layout.page(title: title, crumbs: [Layout.Crumb(L("Beranda", "Home"), .home), Layout.Crumb(title)],
                           body: .group(
            .h1(.text(title)),
            FormView.form(action: .newPemda, csrf: csrf, errors: errors, submit: L("Buat Pemda", "Create the Pemda"), fields: [
                FormView.select("jenis", L("Jenis", "Kind"), options: [
                    .init(value: PemdaKind.kota.rawValue, label: L("Kota", "City (kota)")),
                    .init(value: PemdaKind.kabupaten.rawValue, label: L("Kabupaten", "Regency (kabupaten)")),
                    .init(value: PemdaKind.provinsi.rawValue, label: L("Provinsi", "Province")),
                ], selected: values["jenis"] ?? PemdaKind.kota.rawValue, errors: errors),
                FormView.text("kode", L("Kode wilayah Kemendagri", "Kemendagri region code"), value: values["kode"] ?? "",
                              errors: errors, hint: L("Mis. 33.74 untuk Kota Semarang, 33 untuk Jawa Tengah",
                                                      "E.g. 33.74 for Kota Semarang, 33 for Jawa Tengah")),
                FormView.text("nama", L("Nama", "Name"), value: values["nama"] ?? "", errors: errors,
                              hint: L("Mis. Kota Semarang", "E.g. Kota Semarang")),
                FormView.text("tempat", L("Tempat penandatanganan dokumen", "Place printed on signed documents"),
                              value: values["tempat"] ?? "", errors: errors),
            ])
        ))
    }
}
