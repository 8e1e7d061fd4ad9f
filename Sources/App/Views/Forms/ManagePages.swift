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

    static func penugasan(_ pemda: PemdaInfo, people: [(id: String, label: String)], positions: [JabatanRow],
                          form: PenugasanForm, errors: FormErrors, csrf: String) -> String
    {
        let kinds: [FormView.Option] = [.init(value: "definitif", label: L("Definitif", "Definitive (definitif)")),
                                        .init(value: "plt", label: L("Plt. (Pelaksana Tugas)", "Plt. (acting)")),
                                        .init(value: "plh", label: L("Plh. (Pelaksana Harian)", "Plh. (daily stand-in)"))]
        return Layout.page(title: L("Penugasan baru", "New assignment"),
                           crumbs: PemdaPages.crumbs(pemda, L("Penugasan baru", "New assignment")),
                           pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Tetapkan pejabat", "Assign an official"))),
            FormView.form(action: .of(pemda.code, .penugasanNew), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.select("pegawai", L("Pegawai", "Employee"), options: people.map { .init(value: $0.id, label: $0.label) },
                                selected: form.pegawai, errors: errors),
                FormView.select("jabatan", L("Jabatan", "Position"), options: positions.map {
                    .init(value: $0.id.uuidString, label: String(repeating: "— ", count: min($0.depth, 4)) + $0.name)
                }, selected: form.jabatan, errors: errors),
                FormView.select("jenis", L("Jenis penugasan", "Type of assignment"), options: kinds, selected: form.jenis, errors: errors),
                FormView.text("mulai", L("Mulai (tttt-bb-hh)", "Start (yyyy-mm-dd)"), value: form.mulai, errors: errors,
                              hint: L("Mis. 2026-08-01", "E.g. 2026-08-01")),
                FormView.text("selesai", L("Selesai (tttt-bb-hh)", "End (yyyy-mm-dd)"), value: form.selesai, errors: errors, required: false,
                              hint: L("Kosongkan bila masih berlangsung", "Leave empty while it lasts")),
                FormView.text("sk", L("Nomor SK / Surat Perintah", "Decree (SK) or order number"), value: form.sk, errors: errors),
            ])
        ))
    }

    struct PegawaiForm: Codable, Sendable {
        var nip: String = ""
        var nama: String = ""
        var pangkat: String = ""
    }

    static func unit(_ pemda: PemdaInfo, units: [UnitRow], form: UnitForm, errors: FormErrors, csrf: String,
                     editing: UUID? = nil) -> String
    {
        let title = editing == nil ? L("Tambah unit kerja", "Add a work unit") : L("Ubah unit kerja", "Edit the work unit")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            FormView.form(action: editing.map { .of(pemda.code, .unitEdit(.value($0))) } ?? .of(pemda.code, .unitNew), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.text("kode", L("Kode unit", "Unit code"), value: form.kode, errors: errors,
                              hint: L("Mis. 1.01.0.00.0.00.01.0000 untuk OPD, atau kode induk + .02 untuk bidang.",
                                      "E.g. 1.01.0.00.0.00.01.0000 for an OPD, or the parent's code + .02 for a bidang.")),
                FormView.text("nama", L("Nama unit", "Unit name"), value: form.nama, errors: errors),
                FormView.select("jenis", L("Jenis", "Type"), options: UnitKind.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                                selected: form.jenis, errors: errors),
                FormView.select("induk", L("Unit induk", "Parent unit"), options: units.map { .init(value: $0.id.uuidString, label: String(repeating: "— ", count: $0.depth) + $0.name) },
                                selected: form.induk, errors: errors, allowEmpty: true),
                FormView.text("bidang", L("Bidang urusan", "Affairs (bidang urusan)"), value: form.bidang, errors: errors, required: false,
                              hint: L("Kode bidang urusan, dipisah koma, mis. 1.01 atau 2.16, 2.20",
                                      "Bidang urusan codes, comma separated, e.g. 1.01 or 2.16, 2.20")),
            ])
        ))
    }

    static func jabatan(_ pemda: PemdaInfo, units: [UnitRow], positions: [JabatanRow], form: JabatanForm,
                        errors: FormErrors, csrf: String, editing: UUID? = nil) -> String
    {
        let title = editing == nil ? L("Tambah jabatan", "Add a position") : L("Ubah jabatan", "Edit the position")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            FormView.form(action: editing.map { .of(pemda.code, .jabatanEdit(.value($0))) } ?? .of(pemda.code, .jabatanNew), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.text("nama", L("Nama jabatan", "Position name"), value: form.nama, errors: errors),
                FormView.select("tingkat", L("Tingkat", "Level"), options: JabatanLevel.allCases.map { .init(value: $0.rawValue, label: $0.label.text) },
                                selected: form.tingkat, errors: errors),
                FormView.text("eselon", L("Eselon", "Echelon (eselon)"), value: form.eselon, errors: errors, required: false,
                              hint: L("Mis. II.b, III.a, IV.a", "E.g. II.b, III.a, IV.a")),
                FormView.select("unit", L("Unit kerja", "Work unit"), options: units.map { .init(value: $0.id.uuidString, label: String(repeating: "— ", count: $0.depth) + $0.name) },
                                selected: form.unit, errors: errors, allowEmpty: true),
                FormView.select("atasan", L("Atasan langsung", "Direct superior"), options: positions.map { .init(value: $0.id.uuidString, label: String(repeating: "— ", count: min($0.depth, 4)) + $0.name) },
                                selected: form.atasan, errors: errors, allowEmpty: true),
            ])
        ))
    }

    static func pegawai(_ pemda: PemdaInfo, form: PegawaiForm, errors: FormErrors, csrf: String, editing: UUID? = nil) -> String {
        let title = editing == nil ? L("Tambah pegawai", "Add an employee") : L("Ubah data pegawai", "Edit the employee")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            FormView.form(action: editing.map { .of(pemda.code, .pegawaiEdit(.value($0))) } ?? .of(pemda.code, .pegawaiNew), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.text("nip", "NIP", value: form.nip, errors: errors,
                              hint: L("18 digit, boleh ditulis berkelompok: 19700101 199003 1 001",
                                      "18 digits, may be written in groups: 19700101 199003 1 001")),
                FormView.text("nama", L("Nama lengkap dengan gelar", "Full name with titles"), value: form.nama, errors: errors),
                FormView.text("pangkat", L("Pangkat/golongan", "Rank and grade (pangkat/golongan)"), value: form.pangkat,
                              errors: errors, required: false,
                              hint: L("Mis. Pembina (IV/a)", "E.g. Pembina (IV/a)")),
            ])
        ))
    }
}
