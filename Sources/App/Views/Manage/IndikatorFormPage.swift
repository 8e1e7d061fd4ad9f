import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// Every setting of an indicator on one form: what it is, how capaian is computed, and its Manual IKU.
enum IndikatorFormPage {
    /// Field names, shared by the form and the controller that reads it.
    enum Field {
        static let all = ["kode", "nama", "satuan", "jenis", "polaritas", "rumusNegatif", "agregasi", "modeIsian", "periodePelaporan", "skala",
                          "aturanPeringkat", "bobot", "tag", "definisi", "pengukuran", "sumber", "penanggungJawab",
                          "alasan", "awal", "tahunAwal"]
    }

    static let defaults: [String: String] = [
        "jenis": IndicatorKind.numeric.rawValue, "polaritas": Polarity.positive.rawValue,
        "rumusNegatif": NegativeFormula.inverse.rawValue, "agregasi": Aggregation.last.rawValue,
        "modeIsian": EntryMode.perPeriod.rawValue, "periodePelaporan": ReportingPeriod.quarterly.rawValue, "aturanPeringkat": IndicatorSpec.OrdinalRule.rankRatio.rawValue,
        "bobot": "1",
    ]

    static func render(_ pemda: PemdaInfo, ownerLabel: String, action: String, backURL: String, values: [String: String],
                       errors: FormErrors, isNew: Bool, csrf: String) -> String
    {
        let v = { (name: String) in values[name] ?? defaults[name] ?? "" }
        let title = isNew ? L("Indikator baru", "New indicator") : L("Ubah indikator", "Edit indicator")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            .p(.class("muted"), .text(L("Untuk", "For") + ": \(ownerLabel) · "), .a(.href(backURL), .text(L("Kembali", "Back")))),
            FormView.form(actionURL: action, csrf: csrf, errors: errors, submit: L("Simpan indikator", "Save the indicator"), fields: [
                .fieldset(.element(named: "legend", text: L("Indikator", "Indicator")),
                    FormView.text("kode", L("Kode", "Code"), value: v("kode"), errors: errors,
                                  hint: L("Mis. IKU-03 atau IK-1.01.02", "E.g. IKU-03 or IK-1.01.02")),
                    FormView.text("nama", L("Nama indikator", "Indicator name"), value: v("nama"), errors: errors),
                    FormView.text("satuan", L("Satuan", "Unit of measure"), value: v("satuan"), errors: errors,
                                  hint: L("Mis. %, orang, indeks, predikat", "E.g. %, people, index, grade")),
                    FormView.text("tag", L("Tag", "Tags"), value: v("tag"), errors: errors, required: false,
                                  hint: L("Dipisah koma: IKU, IKK, SPM, SDGs", "Comma separated: IKU, IKK, SPM, SDGs"))),
                .fieldset(.element(named: "legend", text: L("Cara menghitung capaian", "How capaian is computed")),
                    FormView.select("jenis", L("Jenis", "Kind"), options: options(IndicatorKind.allCases, \.label),
                                    selected: v("jenis"), errors: errors),
                    FormView.select("polaritas", L("Polaritas", "Polarity"), options: options(Polarity.allCases, \.label),
                                    selected: v("polaritas"), errors: errors),
                    FormView.select("rumusNegatif", L("Rumus polaritas negatif", "Formula for negative polarity"),
                                    options: [.init(value: NegativeFormula.inverse.rawValue, label: "(2T − R) / T"),
                                              .init(value: NegativeFormula.ratio.rawValue, label: "T / R")],
                                    selected: v("rumusNegatif"), errors: errors),
                    FormView.select("agregasi", L("Agregasi triwulan", "Quarterly aggregation"),
                                    options: options(Aggregation.allCases, \.label), selected: v("agregasi"), errors: errors),
                    FormView.select("modeIsian", L("Cara mengisi realisasi", "How realisation is entered"),
                                    options: options(EntryMode.allCases, \.label), selected: v("modeIsian"), errors: errors),
                    FormView.text("skala", L("Skala peringkat", "Ordinal scale"), value: v("skala"), errors: errors, required: false,
                                  hint: L("Untuk jenis peringkat: dari terburuk, dipisah koma, mis. D, C, CC, B, BB, A, AA",
                                          "For the ordinal kind: worst first, comma separated, e.g. D, C, CC, B, BB, A, AA")),
                    FormView.select("aturanPeringkat", L("Aturan peringkat", "Ordinal rule"),
                                    options: [.init(value: IndicatorSpec.OrdinalRule.rankRatio.rawValue,
                                                    label: L("Rasio peringkat", "Rank ratio")),
                                              .init(value: IndicatorSpec.OrdinalRule.threshold.rawValue,
                                                    label: L("Ambang (tercapai/tidak)", "Threshold (met or not)"))],
                                    selected: v("aturanPeringkat"), errors: errors),
                    FormView.text("bobot", L("Bobot", "Weight"), value: v("bobot"), errors: errors,
                                  hint: L("Bobot dalam rata-rata capaian sasaran", "Weight in the sasaran's mean capaian"))),
                .fieldset(.element(named: "legend", text: L("Manual IKU", "Manual IKU (indicator manual)")),
                    FormView.textarea("definisi", L("Definisi operasional", "Operational definition"), value: v("definisi"), errors: errors),
                    FormView.textarea("pengukuran", L("Cara pengukuran / formula", "How it is measured / formula"),
                                      value: v("pengukuran"), errors: errors),
                    FormView.text("sumber", L("Sumber data", "Data source"), value: v("sumber"), errors: errors, required: false),
                    FormView.select("periodePelaporan", L("Periode pelaporan", "Reporting period"),
                                    options: options(ReportingPeriod.allCases, \.label), selected: v("periodePelaporan"), errors: errors,
                                    hint: L("Bulanan: realisasi diisi per bulan (tiga isian per triwulan) dan digabung menurut agregasinya.",
                                            "Monthly: realisation is entered month by month (three per quarter) and combined by its aggregation.")),
                    FormView.text("penanggungJawab", L("Penanggung jawab", "Responsible"), value: v("penanggungJawab"),
                                  errors: errors, required: false),
                    FormView.textarea("alasan", L("Alasan pemilihan indikator", "Why this indicator"), value: v("alasan"),
                                      errors: errors),
                    FormView.text("awal", L("Kondisi awal", "Baseline"), value: v("awal"), errors: errors, required: false),
                    FormView.text("tahunAwal", L("Tahun kondisi awal", "Baseline year"), value: v("tahunAwal"), errors: errors,
                                  required: false, type: .number)),
            ])
        ))
    }

    static func options<T: RawRepresentable>(_ cases: [T], _ label: KeyPath<T, Message>) -> [FormView.Option]
    where T.RawValue == String {
        cases.map { .init(value: $0.rawValue, label: $0[keyPath: label].text) }
    }
}
