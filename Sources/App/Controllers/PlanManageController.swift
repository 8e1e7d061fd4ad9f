import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The Pemda's settings, the RPJMD tree and a unit's Renstra, built from forms. Each page carries several small
/// forms; a refused one comes back with its values and errors, the others untouched.
struct PlanManageController: Sendable {
    // MARK: A new Pemda

    @Sendable func newPemdaForm(_ req: Request) async throws -> Response {
        try req.authorize(.create, Subject(.pemda, pemda: nil))
        return HTMLResponse.make(NewPemdaPage.render(values: [:], errors: FormErrors(), csrf: req.csrfToken))
    }

    @Sendable func createPemda(_ req: Request) async throws -> Response {
        try req.authorize(.create, Subject(.pemda, pemda: nil))
        let f = try req.formFields()
        do {
            guard let kind = PemdaKind(rawValue: f["jenis"] ?? "") else {
                throw RuleViolation(code: "form.choose", field: .kind, message: Message(id: "Pilih salah satu.", en: "Choose one."))
            }
            let code = f["kode"] ?? ""
            try await PemdaWriter.createPemda(code: code, name: f["nama"] ?? "", kind: kind, seat: f["tempat"] ?? "",
                                              audit: req.auditContext, on: req.db)
            return req.redirectSaved(to: SiteURL.of(code, .userNew).path)
        } catch let violation as any Refusal {
            return HTMLResponse.make(NewPemdaPage.render(values: f, errors: FormErrors(violation), csrf: req.csrfToken),
                                     status: violation.status)
        }
    }

    // MARK: Pemda settings

    @Sendable func settings(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pemda)
        try req.authorize(.update, Subject(.pemda, pemda: pemda.code))
        return HTMLResponse.make(PemdaSettingsPage.render(pemda, values: PemdaSettingsPage.values(of: pemda),
                                                          errors: FormErrors(), saved: req.query[String.self, at: "tersimpan"] != nil,
                                                          csrf: req.csrfToken))
    }

    @Sendable func saveSettings(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pemda)
        try req.authorize(.update, Subject(.pemda, pemda: pemda.code))
        let f = try req.formFields()
        do {
            guard let cap = CapaianCap(rawValue: f["batas"] ?? "") else {
                throw RuleViolation(code: "pemda.cap", field: .cap,
                                    message: Message(id: "Pilih batas atas capaian.", en: "Choose the upper limit."))
            }
            try await writer(req, pemda).updatePemda(name: f["nama"] ?? "", seat: f["tempat"] ?? "",
                                                     kepalaDaerahTitle: f["sebutan"] ?? "", predikatScale: f["skala"] ?? "",
                                                     capaianCap: cap)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .settings).path)
        } catch let violation as any Refusal {
            return HTMLResponse.make(PemdaSettingsPage.render(pemda, values: f, errors: FormErrors(violation), saved: false,
                                                              csrf: req.csrfToken), status: violation.status)
        }
    }

    // MARK: RPJMD

    @Sendable func rpjmd(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rpjmd)
        try req.authorize(.create, Subject(.rpjmd, pemda: pemda.code))
        return try await renderRpjmd(req, pemda, .none)
    }

    /// One handler for the four RPJMD forms, named by the last path component.
    @Sendable func addToRpjmd(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rpjmd)
        try req.authorize(.create, Subject(.rpjmd, pemda: pemda.code))
        guard let form = req.parameters.get("form") else { throw Abort(.notFound) }
        let f = try req.formFields()
        let w = try writer(req, pemda)
        do {
            switch form {
            case "periode":
                try await w.addPeriode(startYear: try year(f["awal"], field: .startYear), endYear: try year(f["akhir"], field: .endYear),
                                       perdaNumber: f["perda"] ?? "", perdaDate: f["tanggal"] ?? "", visi: f["visi"] ?? "")
            case "misi": try await w.addMisi(periodeID: try id(f["periode"], field: nil), text: f["teks"] ?? "")
            case "tujuan": try await w.addTujuan(misiID: try id(f["misi"], field: .misi), text: f["teks"] ?? "")
            case "sasaran": try await w.addSasaranRpjmd(tujuanID: try id(f["tujuan"], field: .tujuan), text: f["teks"] ?? "")
            default: throw Abort(.notFound)
            }
            return req.redirectSaved(to: SiteURL.of(pemda.code, .rpjmdManage).path)
        } catch let violation as any Refusal {
            return try await renderRpjmd(req, pemda, SubmittedForm(name: form, values: f, errors: FormErrors(violation)))
        }
    }

    func renderRpjmd(_ req: Request, _ pemda: PemdaInfo, _ submitted: SubmittedForm) async throws -> Response {
        let tree = try await PlanQueries.rpjmd(pemda: pemda, on: req.db)
        return HTMLResponse.make(RpjmdManagePage.render(pemda, tree: tree, submitted: submitted, csrf: req.csrfToken),
                                 status: submitted.name.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: Renstra

    @Sendable func renstra(_ req: Request) async throws -> Response {
        let (pemda, unit) = try await renstraScope(req)
        return try await renderRenstra(req, pemda, unit, .none)
    }

    /// One handler for the Renstra forms: the Renstra itself, a sasaran, an item, a pagu.
    @Sendable func addToRenstra(_ req: Request) async throws -> Response {
        let (pemda, unit) = try await renstraScope(req)
        guard let form = req.parameters.get("form") else { throw Abort(.notFound) }
        let f = try req.formFields()
        let w = try writer(req, pemda)
        let unitID = try unit.requireID()
        do {
            let renstra = try await PlanQueries.current(renstraOf: unitID, on: req.db)
            switch (form, renstra) {
            case ("renstra", _):
                try await w.addRenstra(unitID: unitID, periodeID: try id(f["periode"], field: .period),
                                       legalNumber: f["nomor"] ?? "", legalDate: f["tanggal"] ?? "",
                                       nomenklaturVersionID: try id(f["versi"], field: .version))
            case ("sasaran", let renstra?):
                try await w.addRenstraSasaran(renstraID: try renstra.requireID(), sasaranRpjmdID: try optionalID(f["rpjmd"], field: .rpjmd),
                                              text: f["teks"] ?? "")
            case ("item", let renstra?):
                try await addItem(req, w, pemda, renstra, code: f["kode"] ?? "", sasaranID: try optionalID(f["sasaran"], field: .sasaran))
            case ("pagu", let renstra?):
                let item = try id(f["item"], field: .renstraItem)
                guard try await RenstraItem.find(item, on: req.db)?.$renstra.id == renstra.id else { throw Abort(.notFound) }
                try await w.setPagu(itemID: item, year: try year(f["tahun"], field: .year),
                                    amount: try RupiahInput.parse(f["pagu"] ?? ""))
            default: throw Abort(.notFound)
            }
            return req.redirectSaved(to: SiteURL.of(pemda.code, .renstraManage(.value(unitID))).path)
        } catch let violation as any Refusal {
            return try await renderRenstra(req, pemda, unit, SubmittedForm(name: form, values: f, errors: FormErrors(violation)))
        }
    }

    /// An item is placed by its code alone: its level from the code's shape, its parent from the code one level up.
    func addItem(_ req: Request, _ w: PemdaWriter, _ pemda: PemdaInfo, _ renstra: Renstra, code: String, sasaranID: UUID?)
        async throws
    {
        try NomenclatureCode.checkFormat(code)
        guard let level = NomenclatureCode.level(of: code), [.program, .kegiatan, .subkegiatan].contains(level) else {
            throw RuleViolation(code: "renstra.itemLevel", field: .code,
                message: Message(id: "Renstra memuat program, kegiatan dan sub kegiatan; \(code) bukan salah satunya.",
                                 en: "A Renstra holds programs, activities and sub-activities; \(code) is none of them."))
        }
        guard let version = try await NomenklaturVersion.find(renstra.nomenklaturVersionID, on: req.db) else {
            throw Abort(.internalServerError)
        }
        let index = try await NomenklaturIndex.load(versionCode: version.code, jenisPemda: pemda.kind.jenis, on: req.db)
        var parentID: UUID?
        if level != .program, let parentCode = NomenclatureCode.parent(of: code) {
            guard let parent = try await RenstraItem.query(on: req.db).filter(\.$renstra.$id == renstra.requireID())
                .filter(\.$code == parentCode).first()
            else {
                throw RuleViolation(code: "renstra.parentMissing", field: .code,
                    message: Message(id: "Tambahkan dulu induknya, \(parentCode), ke Renstra ini.",
                                     en: "Add its parent, \(parentCode), to this Renstra first."))
            }
            parentID = parent.id
        }
        let order = try await RenstraItem.query(on: req.db).filter(\.$renstra.$id == renstra.requireID()).count() + 1
        try await w.addRenstraItem(renstraID: renstra.requireID(), parentID: parentID,
                                   sasaranID: level == .program ? sasaranID : nil, code: code, level: level, index: index,
                                   sortOrder: order)
    }

    func renstraScope(_ req: Request) async throws -> (PemdaInfo, KinerjaStore.Unit) {
        let pemda = try await req.pemda(reading: .renstra)
        guard let unit = try await KinerjaStore.Unit.find(try req.unitParameter(), on: req.db),
              unit.$pemda.id == pemda.id
        else { throw Abort(.notFound) }
        try req.authorize(.update, Subject(.renstra, pemda: pemda.code, unit: unit.code))
        return (pemda, unit)
    }

    func renderRenstra(_ req: Request, _ pemda: PemdaInfo, _ unit: KinerjaStore.Unit, _ submitted: SubmittedForm) async throws
        -> Response
    {
        let pemdaID = pemda.id
        let tree = try await PlanQueries.renstra(pemda: pemda, unitID: unit.requireID(), on: req.db)
        let periodes = try await PeriodeRpjmd.query(on: req.db).filter(\.$pemda.$id == pemdaID).sort(\.$startYear).all()
        let versions = try await NomenklaturVersion.query(on: req.db).sort(\.$effectiveYear, .descending).all()
        let sasaran = try await PlanQueries.rpjmd(pemda: pemda, on: req.db).map { tree in
            tree.misi.flatMap { m in m.tujuan.flatMap { t in t.sasaran.map { s in
                FormView.Option(value: s.id.uuidString, label: "\(m.number).\(t.number).\(s.number). \(s.text)")
            } } }
        } ?? []
        let choices = RenstraManagePage.Choices(
            unitName: unit.name,
            periodes: periodes.map { .init(value: $0.id!.uuidString, label: "\($0.startYear)–\($0.endYear) (\($0.perdaNumber))") },
            versions: versions.map { .init(value: $0.id!.uuidString, label: "\($0.code): \($0.name)") },
            rpjmdSasaran: sasaran)
        return HTMLResponse.make(RenstraManagePage.render(pemda, unitID: try unit.requireID(), tree: tree, choices: choices,
                                                          submitted: submitted, csrf: req.csrfToken),
                                 status: submitted.name.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: helpers

    func writer(_ req: Request, _ pemda: PemdaInfo) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    func year(_ text: String?, field: InputField) throws(RuleViolation) -> Int {
        guard let text, let year = Int(text), (2000...2100).contains(year) else {
            throw RuleViolation(code: "form.year", field: field,
                                message: Message(id: "Tulis tahun empat angka, mis. 2026.", en: "Write a four-digit year, e.g. 2026."))
        }
        return year
    }

    /// An empty choice is none; anything else must be one of the offered ids.
    func optionalID(_ text: String?, field: InputField) throws(RuleViolation) -> UUID? {
        guard let text, !text.isEmpty else { return nil }
        return try id(text, field: field)
    }

    func id(_ text: String?, field: InputField?) throws(RuleViolation) -> UUID {
        guard let text, let id = UUID(uuidString: text) else {
            throw RuleViolation(code: "form.choose", field: field,
                                message: Message(id: "Pilih salah satu.", en: "Choose one."))
        }
        return id
    }
}
