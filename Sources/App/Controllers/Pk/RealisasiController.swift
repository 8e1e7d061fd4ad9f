import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// A signed PK measured through the year: a quarter's realisation entered for the whole PK at once, evidence files,
/// the verifikator's decisions, and the capaian computed from accepted values.
struct RealisasiController: Sendable {
    struct EntryForm: Content {
        var tw: Int?
        var baris: [String: RowFields]?
        var alasanTerlambat: String?
        var konfirmasi: String?
    }

    struct RowFields: Content {
        var nilai: String?
        /// A monthly indicator's values by month number (1–12): `baris[<key>][bulan][4]`.
        var bulan: [String: String]?
        var alasanTdi: String?
        var keyakinan: String?
        var prakiraan: String?
        var pendukung: String?
        var penghambat: String?
        var upaya: String?
    }

    struct VerifyForm: Content {
        var tw: Int?
        var putusan: [String: Decision]?
    }

    struct Decision: Content {
        var aksi: String?
        var alasan: String?
        var nilai: String?
    }

    struct BuktiUpload: Content {
        var tw: Int?
        var baris: String?
        var berkas: File?
    }

    /// The PK is read without what only its own page shows (history, link choices, cascade).
    @Sendable func page(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        return try await render(req, context, period: Self.period(req.query[Int.self, at: "tw"], context), status: .ok)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        let form = try req.content.decode(EntryForm.self)
        let period = try Triwulan.parse(form.tw)
        let drafts = Self.drafts(form)
        let late = String((form.alasanTerlambat ?? "").prefix(Limits.longText))
        do {
            let result = try await req.writer(for: context.pemda).saveRealisasi(
                pkID: context.content.id, period: period, drafts: drafts, lateReason: late,
                confirmed: form.konfirmasi == "1", actor: context.actor)
            if !result.warnings.isEmpty && result.saved == 0 {
                return try await render(req, context, period: period, status: .ok, drafts: drafts, lateReason: late,
                                        warnings: result.warnings)
            }
            req.flash(result.saved == 0 ? .realisasiUnchanged : .realisasiSaved)
            return req.redirect(to: Self.url(context, period))
        } catch let violation as any Refusal {
            let errors = FormErrors(violation.violations, names: .realisasi)
            let summary = errors.general.map { L("Realisasi belum disimpan: ", "The realisation was not saved: ") + $0 }
                ?? L("Realisasi belum disimpan: periksa isian yang ditandai.", "The realisation was not saved: check the fields marked.")
            return try await render(req, context, period: period, status: violation.status, drafts: drafts,
                                    lateReason: late, errors: errors, error: summary)
        }
    }

    @Sendable func verify(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        let form = try req.content.decode(VerifyForm.self)
        let period = try Triwulan.parse(form.tw)
        var decisions: [UUID: RealisasiDecision] = [:]
        for (key, fields) in (form.putusan ?? [:]).prefix(Limits.rows + 1) {
            guard let id = UUID(uuidString: String(key.prefix(64))) else { continue }
            switch fields.aksi {
            case "terima": decisions[id] = .accept(judgement: fields.nilai.map { String($0.prefix(Limits.shortText)) })
            case "kembalikan": decisions[id] = .giveBack(reason: String((fields.alasan ?? "").prefix(Limits.longText)))
            default: continue
            }
        }
        do {
            guard !decisions.isEmpty else {
                throw RuleViolation(code: "realisasi.noDecision",
                    message: Message(id: "Pilih terima atau kembalikan untuk paling sedikit satu isian.",
                                     en: "Choose accept or return for at least one entry."))
            }
            _ = try await req.writer(for: context.pemda).verifyRealisasi(pkID: context.content.id, decisions: decisions,
                                                                          actor: context.actor)
            req.flash(.realisasiVerified)
            return req.redirect(to: Self.url(context, period))
        } catch let violation as any Refusal {
            return try await render(req, context, period: period, status: violation.status,
                                    verifyErrors: FormErrors(violation.violations, names: .realisasiVerify),
                                    error: L("Verifikasi belum disimpan: ", "The verification was not saved: ") + violation.summary.text)
        }
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        let form = try req.content.decode(BuktiUpload.self)
        let period = try Triwulan.parse(form.tw)
        do {
            guard let file = form.berkas, file.data.readableBytes > 0 else {
                throw RuleViolation(code: "bukti.missing", field: .file,
                                    message: Message(id: "Pilih berkas bukti dukung.", en: "Choose an evidence file."))
            }
            let data = Data(file.data.readableBytesView)
            let kind = try BuktiInspector.kind(of: data)
            try await req.writer(for: context.pemda).addBukti(
                pkID: context.content.id, period: period, rowKey: String((form.baris ?? "").prefix(64)),
                fileName: String(file.filename.prefix(Limits.shortText)), kind: kind, content: data,
                actor: context.actor)
            req.flash(.buktiAdded)
            return req.redirect(to: Self.url(context, period, anchor: "bukti"))
        } catch let violation as any Refusal {
            return try await render(req, context, period: period, status: violation.status,
                                    error: L("Bukti dukung belum diunggah: ", "The evidence was not uploaded: ") + violation.summary.text)
        }
    }

    struct BuktiRemoval: Content {
        var tw: Int?
        var berkas: String?
    }

    @Sendable func removeBukti(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        let form = try req.content.decode(BuktiRemoval.self)
        let period = try Triwulan.parse(form.tw)
        do {
            guard let id = form.berkas.flatMap({ UUID(uuidString: String($0.prefix(36))) }) else { throw Abort(.notFound) }
            try await req.writer(for: context.pemda).removeBukti(pkID: context.content.id, buktiID: id, actor: context.actor)
            req.flash(.buktiRemoved)
            return req.redirect(to: Self.url(context, period, anchor: "bukti"))
        } catch let violation as any Refusal {
            return try await render(req, context, period: period, status: violation.status,
                                    error: L("Bukti dukung belum dihapus: ", "The evidence was not removed: ") + violation.summary.text)
        }
    }

    /// An evidence file, to those who may read the PK's evidence only; others get the same answer as for a file
    /// that does not exist.
    @Sendable func download(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        guard let text = req.parameters.get(SiteURL.Key.bukti), let id = UUID(uuidString: text),
            let file = try await RealisasiLedger.buktiFile(id, pemdaID: pemda.id, on: req.db)
        else { throw Abort(.notFound) }
        let organisation = try await req.organisation(of: pemda)
        let unit = organisation.positions[file.jabatanID]?.unit.flatMap { organisation.units[$0]?.code }
        guard Policy.decide(req.principal, .read, Subject(.bukti, pemda: pemda.code, unit: unit)).isAllowed else {
            throw Abort(.notFound)
        }
        // nosniff and the script policy come from `SecurityHeadersMiddleware`, as on every answer.
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.kind.contentType)
        headers.setDisposition(file.kind == .xlsx ? "attachment" : "inline", filename: file.fileName)
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: file.content))
    }

    // MARK: - Rendering

    static func period(_ asked: Int?, _ context: PkContext) -> Int {
        if let asked, Triwulan.all.contains(asked) { return asked }
        return max(1, Triwulan.current(on: context.today, year: context.content.year))
    }

    static func url(_ context: PkContext, _ period: Int, anchor: String? = nil) -> String {
        SiteURL.pk(context.pemda.code, context.content.id, .realisasi).url(["tw": String(period)]) + (anchor.map { "#" + $0 } ?? "")
    }

    /// The table as drafts: one per row, or for a monthly row one per month typed, each carrying the row's shared
    /// fields (TDI reason, confidence, forecast, narrative). A month number from outside is bounded before use; one
    /// that is not the quarter's is refused by the writer with its message.
    static func drafts(_ form: EntryForm) -> [RealisasiDraft] {
        func cut(_ text: String?) -> String { String((text ?? "").prefix(Limits.longText + 1)) }
        return (form.baris ?? [:]).prefix(Limits.rows + 1).flatMap { key, f -> [RealisasiDraft] in
            let base = RealisasiDraft(key: String(key.prefix(64)), value: cut(f.nilai), tdiReason: cut(f.alasanTdi),
                                      confidence: cut(f.keyakinan), forecast: cut(f.prakiraan),
                                      narrative: RealisasiNarrative(supporting: cut(f.pendukung), obstacles: cut(f.penghambat),
                                                                    followUp: cut(f.upaya)))
            guard let months = f.bulan, !months.isEmpty else { return [base] }
            let typed = months.prefix(12).compactMap { number, text -> RealisasiDraft? in
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                var draft = base
                draft.month = number.utf8.count <= 2 ? Int(number) ?? 99 : 99
                draft.value = cut(text)
                return draft
            }.sorted { $0.month < $1.month }
            if !typed.isEmpty { return typed }
            // Nothing typed in any month: the shared fields alone are still worth a message when filled.
            var first = base
            first.month = months.keys.compactMap { $0.utf8.count <= 2 ? Int($0) : nil }.min() ?? 99
            return first.isBlank ? [] : [first]
        }
    }

    func render(_ req: Request, _ context: PkContext, period: Int, status: HTTPResponseStatus,
                drafts: [RealisasiDraft]? = nil, lateReason: String = "", warnings: [RealisasiWarning] = [],
                errors: FormErrors = FormErrors(), verifyErrors: FormErrors = FormErrors(), error: String? = nil)
        async throws -> Response
    {
        let ledger = try await RealisasiLedger.load(pemdaID: context.pemda.id, jabatanID: context.content.jabatanID,
                                                    year: context.content.year, on: req.db)
        let sheet = RealisasiPage.sheet(context, ledger, through: period)
        let unit = context.unitCode
        let model = RealisasiPage.Model(
            context: context, ledger: ledger, period: period, sheet: sheet,
            inForce: context.content.isInForce,
            mayEnter: context.actor.mayDraft, mayVerify: context.actor.mayVerify,
            mayReadBukti: Policy.decide(req.principal, .read, Subject(.bukti, pemda: context.pemda.code, unit: unit)).isAllowed,
            accountID: req.account?.id, drafts: drafts.map { Dictionary($0.map { ($0.fieldKey, $0) }, uniquingKeysWith: { a, _ in a }) },
            lateReason: lateReason, warnings: warnings, errors: errors, verifyErrors: verifyErrors, error: error,
            csrf: req.csrfToken)
        return HTMLResponse.make(RealisasiPage.render(model), status: status)
    }
}

extension FieldNames {
    /// The realisation table: `baris[<key>][nilai]`, `baris[<key>][keyakinan]`, …
    static let realisasi = FieldNames(custom: { field in
        guard case .keyed(let slot, let inner) = field else { return field == .reason ? "alasanTerlambat" : nil }
        let names: [InputField: String] = [.realisasi: "nilai", .reason: "alasanTdi", .confidence: "keyakinan",
                                           .forecast: "prakiraan", .supporting: "pendukung", .obstacles: "penghambat",
                                           .followUp: "upaya"]
        // `<key>~<month>` names a month of a monthly row: its value has its own input, the rest is the row's.
        var key = slot
        var month: Int?
        if let mark = slot.lastIndex(of: "~"), let n = Int(slot[slot.index(after: mark)...]) {
            key = String(slot[..<mark])
            month = n
        }
        if let month, inner == .realisasi { return "baris[\(key)][bulan][\(month)]" }
        return "baris[\(key)][\(names[inner] ?? inner.key)]"
    })

    /// The verification table: `putusan[<entry id>][alasan]`, …
    static let realisasiVerify = FieldNames(custom: { field in
        guard case .keyed(let key, let inner) = field else { return nil }
        let names: [InputField: String] = [.reason: "alasan", .judgement: "nilai", .decision: "aksi"]
        return "putusan[\(key)][\(names[inner] ?? inner.key)]"
    })
}
