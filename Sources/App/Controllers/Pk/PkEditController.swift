import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Changing a draft PK: its tables saved as a whole (every row's sasaran, targets, rencana aksi and links, every
/// budget line, and a row or line added or removed with the same press), and the automatic linking.
struct PkEditController: Sendable {
    let pages = PkController()

    struct TableForm: Content {
        var aksi: String?
        var baris: [String: RowFields]?
        var anggaran: [String: String]?
        var baru: NewFields?
    }

    struct RowFields: Content {
        var sasaran: String?
        var target: String?
        var tw1: String?
        var tw2: String?
        var tw3: String?
        var tw4: String?
        var alasan: String?
        var kaitan: [String]?
        /// Set when the page offered link choices for the row, so that "none ticked" means "no links".
        var pilihan: String?
    }

    struct NewFields: Content {
        var sasaran: String?
        var indikator: String?
        var satuan: String?
        var jenis: String?
        var target: String?
        var kode: String?
        var anggaran: String?
    }

    @Sendable func saveTable(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(TableForm.self)
        let edit = Self.edit(from: form)
        do {
            try await req.writer(for: context.pemda).savePkTable(context.content.id, edit, actor: context.actor)
            let aksi = form.aksi ?? "simpan"
            let anchor: String
            switch aksi {
            case _ where aksi.hasPrefix("hapus-baris:"): req.flash(.rowRemoved); anchor = "pk-kinerja"
            case _ where aksi.hasPrefix("hapus-anggaran:"): req.flash(.budgetRemoved); anchor = "pk-anggaran"
            case "tambah-baris": req.flash(.rowAdded); anchor = "pk-kinerja"
            case "tambah-anggaran": req.flash(.budgetAdded); anchor = "pk-anggaran"
            default: req.flash(.saved); anchor = "pk-kinerja"
            }
            return req.redirect(to: context.url.anchored(anchor))
        } catch let problems as RuleViolations {
            let errors = FormErrors(problems.all, names: .pkTable)
            // A finding that names no field (a row that is not on this PK) is said at the top, where it is seen.
            let summary = errors.general.map { L("PK belum disimpan: ", "The PK was not saved: ") + $0 }
                ?? L("PK belum disimpan: periksa isian yang ditandai.", "The PK was not saved: check the fields marked.")
            return try await pages.render(req, context, error: summary,
                                          status: problems.all.first?.status ?? .unprocessableEntity, edit: edit, errors: errors)
        } catch let violation as any Refusal {
            return try await pages.render(req, context, error: violation.summary.text, status: violation.status, edit: edit,
                                          errors: FormErrors(violation, names: .pkTable))
        }
    }

    /// The form as the rules read it. Values longer than any field are cut at the edge; the rules refuse what is
    /// still too long.
    static func edit(from form: TableForm) -> PkTableEdit {
        func cut(_ text: String?) -> String { String((text ?? "").prefix(Limits.longText + 1)) }
        let aksi = form.aksi ?? "simpan"
        let rows = (form.baris ?? [:]).prefix(Limits.rows + 1).map { id, fields in
            PkTableEdit.Row(id: String(id.prefix(64)), sasaran: cut(fields.sasaran), target: cut(fields.target),
                            quarterly: [fields.tw1, fields.tw2, fields.tw3, fields.tw4].map(cut),
                            reason: fields.alasan.map { cut($0) },
                            links: fields.pilihan == nil ? nil : (fields.kaitan ?? []).prefix(Limits.rows).map { String($0.prefix(64)) })
        }
        let budget = (form.anggaran ?? [:]).prefix(Limits.rows + 1).map { PkTableEdit.Budget(id: String($0.key.prefix(64)), amount: cut($0.value)) }
        let new = form.baru
        return PkTableEdit(
            rows: rows, budget: budget,
            removeRow: aksi.hasPrefix("hapus-baris:") ? String(aksi.dropFirst("hapus-baris:".count).prefix(64)) : nil,
            removeBudget: aksi.hasPrefix("hapus-anggaran:") ? String(aksi.dropFirst("hapus-anggaran:".count).prefix(64)) : nil,
            newRow: aksi == "tambah-baris" ? PkTableEdit.NewRow(
                sasaran: cut(new?.sasaran), indikator: cut(new?.indikator), satuan: cut(new?.satuan),
                kind: IndicatorKind(rawValue: new?.jenis ?? "") ?? .percent, target: cut(new?.target)) : nil,
            newBudget: aksi == "tambah-anggaran" ? PkTableEdit.NewBudget(code: cut(new?.kode), amount: cut(new?.anggaran)) : nil)
    }

    @Sendable func relink(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        do {
            _ = try await req.writer(for: context.pemda).relinkPk(context.content.id, actor: context.actor)
            req.flash(.pkLinked)
            return req.redirect(to: context.url.anchored("pk-kinerja"))
        } catch let violation as any Refusal {
            return try await pages.render(req, context, error: violation.summary.text, status: violation.status)
        }
    }
}

extension FieldNames {
    /// The PK page's one form: `baris[<row>][target]`, `anggaran[<line>]`, `baru[kode]`.
    static let pkTable = FieldNames(custom: { field in
        guard case .keyed(let key, let inner) = field else { return nil }
        let names: [InputField: String] = [.sasaran: "sasaran", .target: "target", .reason: "alasan", .links: "kaitan",
                                           .indikator: "indikator", .satuan: "satuan", .kind: "jenis", .code: "kode",
                                           .amount: "anggaran", .quarter(1): "tw1", .quarter(2): "tw2", .quarter(3): "tw3",
                                           .quarter(4): "tw4"]
        let name = names[inner] ?? inner.key
        if key == "baru" { return "baru[\(name)]" }
        return inner == .amount ? "anggaran[\(key)]" : "baris[\(key)][\(name)]"
    })
}
