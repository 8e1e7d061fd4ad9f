import KinerjaCore
import KinerjaStore
import Plot

/// The Pemda's own settings: its name, the seat printed on documents, the head's title, and how capaian is judged.
enum PemdaSettingsPage {
    static func values(of pemda: PemdaInfo) -> [String: String] {
        ["nama": pemda.name, "tempat": pemda.seat, "sebutan": pemda.kepalaDaerahTitle, "skala": pemda.predikatScale,
         "batas": pemda.capaianCap.rawValue]
    }

    static func render(_ pemda: PemdaInfo, values: [String: String], errors: FormErrors, saved: Bool, csrf: String) -> String {
        let title = L("Pengaturan Pemda", "Pemda settings")
        let caps: [FormView.Option] = CapaianCap.allCases.map {
            .init(value: $0.rawValue, label: $0 == .none ? L("Tanpa batas", "No cap") : L("Paling tinggi \($0.rawValue)%", "At most \($0.rawValue)%"))
        }
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(L("Pengaturan disimpan.", "Settings saved.")))),
            FormView.form(action: .of(pemda.code, .settings), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.text("nama", L("Nama Pemda", "Pemda name"), value: values["nama"] ?? "", errors: errors),
                FormView.text("tempat", L("Tempat penandatanganan dokumen", "Place printed on signed documents"),
                              value: values["tempat"] ?? "", errors: errors, hint: L("Mis. Kota Contoh", "E.g. Kota Contoh")),
                FormView.text("sebutan", L("Sebutan Kepala Daerah", "Title of the regional head"), value: values["sebutan"] ?? "",
                              errors: errors, hint: L("Bupati, Wali Kota atau Gubernur", "Bupati, Wali Kota or Gubernur")),
                FormView.select("skala", L("Skala predikat capaian", "Predikat scale for capaian"),
                                options: PredikatScale.builtin.map { .init(value: $0.id, label: $0.name.text) },
                                selected: values["skala"] ?? "", errors: errors),
                FormView.select("batas", L("Batas atas capaian", "Upper limit of capaian"), options: caps,
                                selected: values["batas"] ?? "", errors: errors),
            ])
        ))
    }
}
