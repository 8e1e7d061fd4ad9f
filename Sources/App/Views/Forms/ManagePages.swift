import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// Forms for setting up a Pemda: units, positions and employees.
enum ManagePages {
    struct UnitForm: Codable, Sendable {
        var kode: String = ""
        var nama: String = ""
        var jenis: String = UnitKind.dinas.rawValue
        var induk: String = ""
        var bidang: String = ""
    }

    struct JabatanForm: Codable, Sendable {
        var nama: String = ""
        var tingkat: String = JabatanLevel.administrator.rawValue
        var eselon: String = ""
        var unit: String = ""
        var atasan: String = ""
    }

    struct PenugasanForm: Codable, Sendable {
        var pegawai: String = ""
        var jabatan: String = ""
        var jenis: String = PenugasanKind.definitif.rawValue
        var mulai: String = ""
        var selesai: String = ""
        var sk: String = ""
    }

    static func penugasan(_ pemda: Pemda, people: [(id: String, label: String)], positions: [JabatanRow],
                          form: PenugasanForm, errors: FormErrors, csrf: String) -> String
    {
        let kinds: [FormView.Option] = [.init(value: "definitif", label: "Definitif"),
                                        .init(value: "plt", label: "Plt. (Pelaksana Tugas)"),
                                        .init(value: "plh", label: "Plh. (Pelaksana Harian)")]
        return Layout.page(title: "Penugasan baru", crumbs: PemdaPages.crumbs(pemda, "Penugasan baru"),
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text("Tetapkan pejabat")),
            FormView.form(action: "/pemda/\(pemda.code)/penugasan/baru", csrf: csrf, errors: errors, submit: "Simpan", fields: [
                FormView.select("pegawai", "Pegawai", options: people.map { .init(value: $0.id, label: $0.label) },
                                selected: form.pegawai, errors: errors),
                FormView.select("jabatan", "Jabatan", options: positions.map {
                    .init(value: $0.id.uuidString, label: String(repeating: "— ", count: min($0.depth, 4)) + $0.name)
                }, selected: form.jabatan, errors: errors),
                FormView.select("jenis", "Jenis penugasan", options: kinds, selected: form.jenis, errors: errors),
                FormView.text("mulai", "Mulai (tttt-bb-hh)", value: form.mulai, errors: errors, hint: "Mis. 2026-08-01"),
                FormView.text("selesai", "Selesai (tttt-bb-hh)", value: form.selesai, errors: errors, required: false,
                              hint: "Kosongkan bila masih berlangsung"),
                FormView.text("sk", "Nomor SK / Surat Perintah", value: form.sk, errors: errors),
            ])
        ))
    }

    struct PegawaiForm: Codable, Sendable {
        var nip: String = ""
        var nama: String = ""
        var pangkat: String = ""
    }

    static func unit(_ pemda: Pemda, units: [UnitRow], form: UnitForm, errors: FormErrors, csrf: String) -> String {
        Layout.page(title: "Unit baru", crumbs: PemdaPages.crumbs(pemda, "Unit baru"), pemda: (pemda.code, pemda.name),
                    body: .group(
            .h1(.text("Tambah unit kerja")),
            FormView.form(action: "/pemda/\(pemda.code)/unit/baru", csrf: csrf, errors: errors, submit: "Simpan", fields: [
                FormView.text("kode", "Kode unit", value: form.kode, errors: errors, hint: "Mis. 1.01.0.00.0.00.01.0000 untuk OPD, atau kode induk + .02 untuk bidang."),
                FormView.text("nama", "Nama unit", value: form.nama, errors: errors),
                FormView.select("jenis", "Jenis", options: UnitKind.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                                selected: form.jenis, errors: errors),
                FormView.select("induk", "Unit induk", options: units.map { .init(value: $0.id.uuidString, label: String(repeating: "— ", count: $0.depth) + $0.name) },
                                selected: form.induk, errors: errors, allowEmpty: true),
                FormView.text("bidang", "Bidang urusan", value: form.bidang, errors: errors, required: false,
                              hint: "Kode bidang urusan, dipisah koma, mis. 1.01 atau 2.16, 2.20"),
            ])
        ))
    }

    static func jabatan(_ pemda: Pemda, units: [UnitRow], positions: [JabatanRow], form: JabatanForm,
                        errors: FormErrors, csrf: String) -> String
    {
        Layout.page(title: "Jabatan baru", crumbs: PemdaPages.crumbs(pemda, "Jabatan baru"), pemda: (pemda.code, pemda.name),
                    body: .group(
            .h1(.text("Tambah jabatan")),
            FormView.form(action: "/pemda/\(pemda.code)/jabatan/baru", csrf: csrf, errors: errors, submit: "Simpan", fields: [
                FormView.text("nama", "Nama jabatan", value: form.nama, errors: errors),
                FormView.select("tingkat", "Tingkat", options: JabatanLevel.allCases.map { .init(value: $0.rawValue, label: $0.label.id) },
                                selected: form.tingkat, errors: errors),
                FormView.text("eselon", "Eselon", value: form.eselon, errors: errors, required: false, hint: "Mis. II.b, III.a, IV.a"),
                FormView.select("unit", "Unit kerja", options: units.map { .init(value: $0.id.uuidString, label: String(repeating: "— ", count: $0.depth) + $0.name) },
                                selected: form.unit, errors: errors, allowEmpty: true),
                FormView.select("atasan", "Atasan langsung", options: positions.map { .init(value: $0.id.uuidString, label: String(repeating: "— ", count: min($0.depth, 4)) + $0.name) },
                                selected: form.atasan, errors: errors, allowEmpty: true),
            ])
        ))
    }

    static func pegawai(_ pemda: Pemda, form: PegawaiForm, errors: FormErrors, csrf: String) -> String {
        Layout.page(title: "Pegawai baru", crumbs: PemdaPages.crumbs(pemda, "Pegawai baru"), pemda: (pemda.code, pemda.name),
                    body: .group(
            .h1(.text("Tambah pegawai")),
            FormView.form(action: "/pemda/\(pemda.code)/pegawai/baru", csrf: csrf, errors: errors, submit: "Simpan", fields: [
                FormView.text("nip", "NIP", value: form.nip, errors: errors, hint: "18 digit, boleh ditulis berkelompok: 19700101 199003 1 001"),
                FormView.text("nama", "Nama lengkap dengan gelar", value: form.nama, errors: errors),
                FormView.text("pangkat", "Pangkat/golongan", value: form.pangkat, errors: errors, required: false,
                              hint: "Mis. Pembina (IV/a)"),
            ])
        ))
    }
}
