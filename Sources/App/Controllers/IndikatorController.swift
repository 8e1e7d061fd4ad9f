import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Adding and editing an indicator: the policy asks about the unit whose plan holds it (the RPJMD's belong to no
/// unit, so only an admin changes those).
struct IndikatorController: Sendable {
    @Sendable func newForm(_ req: Request) async throws -> Response {
        let (pemda, owner) = try await ownerScope(req, owner: req.query[String.self, at: "pemilik"],
                                                  id: req.query[String.self, at: "id"], action: .create)
        return render(req, pemda, owner, action: newAction(pemda, owner), values: [:], errors: FormErrors(), isNew: true,
                      status: .ok)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let f = try req.formFields()
        let (pemda, owner) = try await ownerScope(req, owner: req.query[String.self, at: "pemilik"],
                                                  id: req.query[String.self, at: "id"], action: .create)
        do {
            try await writer(req, pemda).addIndikator(owner: owner.owner, ownerID: owner.ownerID, input: try Self.input(f))
            return req.redirect(to: backURL(pemda, owner), redirectType: .normal)
        } catch let violation as any Refusal {
            return render(req, pemda, owner, action: newAction(pemda, owner), values: f, errors: FormErrors(violation),
                          isNew: true, status: violation.status)
        }
    }

    @Sendable func editForm(_ req: Request) async throws -> Response {
        let (pemda, indikator, owner) = try await indikatorScope(req)
        return render(req, pemda, owner, action: editAction(pemda, indikator), values: Self.formValues(of: indikator),
                      errors: FormErrors(), isNew: false, status: .ok)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let (pemda, indikator, owner) = try await indikatorScope(req)
        let f = try req.formFields()
        do {
            try await writer(req, pemda).updateIndikator(id: try indikator.requireID(), input: try Self.input(f))
            return req.redirect(to: backURL(pemda, owner), redirectType: .normal)
        } catch let violation as any Refusal {
            return render(req, pemda, owner, action: editAction(pemda, indikator), values: f, errors: FormErrors(violation),
                          isNew: false, status: violation.status)
        }
    }

    /// Reads the form into an input; choices that are not among the offered ones are refused by field.
    static func input(_ f: [String: String]) throws(RuleViolation) -> IndikatorInput {
        func pick<T: RawRepresentable>(_ field: InputField, _: T.Type) throws(RuleViolation) -> T where T.RawValue == String {
            guard let value = T(rawValue: f[FieldNames.plain.name(field)] ?? "") else {
                throw RuleViolation(code: "form.choose", field: field, message: Message(id: "Pilih salah satu.", en: "Choose one."))
            }
            return value
        }
        let levels = (f["skala"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let kind = try pick(.kind, IndicatorKind.self)
        var scale: OrdinalScale?
        if kind == .ordinal && !levels.isEmpty {
            do { scale = try OrdinalScale(levels: levels) } catch { throw RuleViolation(code: error.code, field: .scale, message: error.message) }
        }
        let weightText = f["bobot"] ?? ""
        let weight = weightText.isEmpty ? FixedDecimal(1) : try NumberInput.parse(weightText, field: .weight).value
        let yearText = f["tahunAwal"] ?? ""
        var baselineYear: Int?
        if !yearText.isEmpty {
            guard let year = Int(yearText), (1990...2100).contains(year) else {
                throw RuleViolation(code: "form.year", field: .baselineYear,
                                    message: Message(id: "Tulis tahun empat angka, mis. 2024.", en: "Write a four-digit year, e.g. 2024."))
            }
            baselineYear = year
        }
        return IndikatorInput(
            code: f["kode"] ?? "", name: f["nama"] ?? "", satuan: f["satuan"] ?? "",
            spec: IndicatorSpec(kind: kind, polarity: try pick(.polarity, Polarity.self),
                                negativeFormula: try pick(.negativeFormula, NegativeFormula.self),
                                aggregation: try pick(.aggregation, Aggregation.self),
                                entryMode: try pick(.entryMode, EntryMode.self), ordinalScale: scale,
                                ordinalRule: try pick(.ordinalRule, IndicatorSpec.OrdinalRule.self),
                                reporting: (f["periodePelaporan"] ?? "").isEmpty ? .quarterly : try pick(.reporting, ReportingPeriod.self)),
            weight: weight,
            tags: (f["tag"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            manual: ManualIku(definition: f["definisi"] ?? "", measurement: f["pengukuran"] ?? "", dataSource: f["sumber"] ?? "",
                              responsible: f["penanggungJawab"] ?? "", rationale: f["alasan"] ?? ""),
            baselineValue: f["awal"] ?? "", baselineYear: baselineYear)
    }

    // MARK: scope

    func ownerScope(_ req: Request, owner: String?, id: String?, action: AccessAction) async throws -> (PemdaInfo, IndikatorOwnerRef) {
        let pemda = try await req.pemda(reading: .indikator)
        guard let kind = owner.flatMap(IndikatorOwner.init(rawValue:)), let ownerID = id.flatMap(UUID.init(uuidString:)),
              let ref = try await IndikatorQueries.owner(kind, ownerID, pemdaID: pemda.id, on: req.db)
        else { throw Abort(.notFound) }
        try req.authorize(action, Subject(.indikator, pemda: pemda.code, unit: ref.unit?.code))
        return (pemda, ref)
    }

    func indikatorScope(_ req: Request) async throws -> (PemdaInfo, Indikator, IndikatorOwnerRef) {
        let pemda = try await req.pemda(reading: .indikator)
        guard let id = req.parameters.get("indikator").flatMap(UUID.init(uuidString:)),
              let indikator = try await Indikator.find(id, on: req.db), indikator.$pemda.id == pemda.id,
              let ref = try await IndikatorQueries.owner(indikator.ownerKind, indikator.ownerID, pemdaID: pemda.id,
                                                         on: req.db)
        else { throw Abort(.notFound) }
        try req.authorize(.update, Subject(.indikator, pemda: pemda.code, unit: ref.unit?.code))
        return (pemda, indikator, ref)
    }

    // MARK: rendering

    func render(_ req: Request, _ pemda: PemdaInfo, _ owner: IndikatorOwnerRef, action: String, values: [String: String],
                errors: FormErrors, isNew: Bool, status: HTTPResponseStatus) -> Response
    {
        HTMLResponse.make(IndikatorFormPage.render(pemda, ownerLabel: owner.text, action: action, backURL: backURL(pemda, owner),
                                                   values: values, errors: errors, isNew: isNew, csrf: req.csrfToken),
                          status: status)
    }

    func newAction(_ pemda: PemdaInfo, _ owner: IndikatorOwnerRef) -> String {
        SiteURL.of(pemda.code, .indikatorNew).url(["pemilik": owner.owner.rawValue, "id": owner.ownerID.uuidString])
    }

    func editAction(_ pemda: PemdaInfo, _ indikator: Indikator) -> String {
        SiteURL.of(pemda.code, .indikator(.value(indikator.id ?? UUID()))).path
    }

    /// The page the indicator is managed from.
    func backURL(_ pemda: PemdaInfo, _ owner: IndikatorOwnerRef) -> String {
        switch owner.owner {
        case .tujuan, .sasaranRpjmd: SiteURL.of(pemda.code, .rpjmdManage).path
        case .renstraSasaran, .renstraItem: SiteURL.of(pemda.code, .renstraManage(.value(owner.unit?.id ?? UUID()))).path
        case .rktSasaran: SiteURL.of(pemda.code, .rkt(.value(owner.unit?.id ?? UUID()))).path
        }
    }

    func writer(_ req: Request, _ pemda: PemdaInfo) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    /// The form's values for an existing indicator: the view takes strings, never the model.
    static func formValues(of i: Indikator) -> [String: String] {
        [
            "kode": i.code, "nama": i.name, "satuan": i.satuan, "jenis": i.kind.rawValue,
            "polaritas": i.polarity.rawValue, "rumusNegatif": i.negativeFormula.rawValue,
            "agregasi": i.aggregation.rawValue, "modeIsian": i.entryMode.rawValue, "periodePelaporan": i.reporting.rawValue,
            "skala": i.ordinalLevels.split(separator: "|").joined(separator: ", "),
            "aturanPeringkat": i.ordinalRule.rawValue, "bobot": IDFormat.number(FixedDecimal(canonical: i.weight) ?? FixedDecimal(1)),
            "tag": i.tagList.joined(separator: ", "), "definisi": i.definition, "pengukuran": i.measurement,
            "sumber": i.dataSource, "penanggungJawab": i.responsible, "alasan": i.rationale,
            "awal": i.baselineValue.map { TargetDisplay.text($0, spec: i.spec) } ?? "",
            "tahunAwal": i.baselineYear.map(String.init) ?? "",
        ]
    }
}
