import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Changing a draft PK: a row's sasaran, target and rencana aksi, the superior indicators it serves, and the budget.
struct PkEditController: Sendable {
    let pages = PkController()

    @Sendable func updateRow(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(RowForm.self)
        return try await perform(req, context) { w in
            try await w.updatePkRow(try req.uuid("row"), of: try context.pk.requireID(), sasaran: form.sasaran, target: form.target,
                                    quarterly: [form.tw1, form.tw2, form.tw3, form.tw4].map { $0 ?? "" },
                                    changeReason: form.alasan, actor: context.actor)
        }
    }

    @Sendable func addRow(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(NewRowForm.self)
        return try await perform(req, context) { w in
            try await w.addPkRow(to: try context.pk.requireID(), PemdaWriter.NewPkRow(
                sasaran: form.sasaran_baru, indikator: form.indikator_baru, satuan: form.satuan_baru,
                kind: IndicatorKind(rawValue: form.jenis_baru) ?? .numeric, target: form.target_baru), actor: context.actor)
        }
    }

    @Sendable func addBudget(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(NewBudgetForm.self)
        return try await perform(req, context) { w in
            try await w.addPkBudget(to: try context.pk.requireID(), code: form.kode_baru, amount: form.anggaran_baru,
                                    actor: context.actor)
        }
    }

    @Sendable func removeRow(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        return try await perform(req, context) { w in try await w.removePkRow(try req.uuid("row"), of: try context.pk.requireID(), actor: context.actor) }
    }

    @Sendable func setLinks(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(LinkForm.self)
        return try await perform(req, context) { w in
            try await w.setPkLinks(try req.uuid("row"), of: try context.pk.requireID(), superiorRowIDs: form.kaitan ?? [], actor: context.actor)
        }
    }

    @Sendable func relink(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        return try await perform(req, context) { w in _ = try await w.relinkPk(try context.pk.requireID(), actor: context.actor) }
    }

    @Sendable func updateBudget(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(BudgetForm.self)
        return try await perform(req, context) { w in
            try await w.updatePkBudget(try req.uuid("line"), of: try context.pk.requireID(), amount: form.anggaran, actor: context.actor)
        }
    }

    @Sendable func removeBudget(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        return try await perform(req, context) { w in try await w.removePkBudget(try req.uuid("line"), of: try context.pk.requireID(), actor: context.actor) }
    }

    func perform(_ req: Request, _ context: PkContext, _ body: (PemdaWriter) async throws -> Void) async throws
        -> Response
    {
        do {
            try await body(try pages.writer(req, context.pemda))
            let anchor = req.query[String.self, at: "ke"].map { "#" + $0 } ?? ""
            return req.redirect(to: req.pkURL(context.pemda, try context.pk.requireID()) + anchor, redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await pages.render(req, context, error: violation.message.text, status: PkController.status(of: violation))
        }
    }

    struct RowForm: Content {
        var sasaran: String
        var target: String
        var tw1: String?
        var tw2: String?
        var tw3: String?
        var tw4: String?
        var alasan: String?
    }

    // Field names as the page's forms send them.
    struct NewRowForm: Content {
        var sasaran_baru: String
        var indikator_baru: String
        var satuan_baru: String
        var jenis_baru: String
        var target_baru: String
    }

    struct NewBudgetForm: Content {
        var kode_baru: String
        var anggaran_baru: String
    }

    struct LinkForm: Content {
        var kaitan: [UUID]?
    }

    struct BudgetForm: Content {
        var anggaran: String
    }
}

extension Request {
    func uuid(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }
}
