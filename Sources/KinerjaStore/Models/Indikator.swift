import FluentKit
import Foundation
import KinerjaCore

/// What an indicator measures: an RPJMD tujuan or sasaran, a Renstra sasaran or item, or an RKT sasaran.
public enum IndikatorOwner: String, Codable, Sendable, CaseIterable {
    case tujuan
    case sasaranRpjmd
    case renstraSasaran
    case renstraItem
    case rktSasaran
}

/// A performance indicator with every setting the capaian engine needs and the Manual IKU fields.
public final class Indikator: Model, @unchecked Sendable {
    public static let schema = "indikator"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Field(key: "owner_kind") public var ownerKind: IndikatorOwner
    @Field(key: "owner_id") public var ownerID: UUID
    /// Local reference, e.g. `IKU-03`.
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "satuan") public var satuan: String
    @Field(key: "kind") public var kind: IndicatorKind
    @Field(key: "polarity") public var polarity: Polarity
    @Field(key: "negative_formula") public var negativeFormula: NegativeFormula
    @Field(key: "aggregation") public var aggregation: Aggregation
    @Field(key: "entry_mode") public var entryMode: EntryMode
    /// Levels of an ordinal scale, worst first, separated by `|`; empty for other kinds.
    @Field(key: "ordinal_levels") public var ordinalLevels: String
    @Field(key: "ordinal_rule") public var ordinalRule: IndicatorSpec.OrdinalRule
    /// Manual IKU "periode pelaporan".
    @Field(key: "reporting_period") public var reporting: ReportingPeriod
    /// Weight in the sasaran roll-up, canonical decimal text.
    @Field(key: "weight") public var weight: String
    /// Comma separated: IKU, IKK, SPM, SDGs, …
    @Field(key: "tags") public var tags: String
    // Manual IKU
    @Field(key: "definition") public var definition: String
    @Field(key: "measurement") public var measurement: String
    @Field(key: "data_source") public var dataSource: String
    @Field(key: "responsible") public var responsible: String
    @Field(key: "rationale") public var rationale: String
    @OptionalField(key: "baseline_value") public var baselineValue: String?
    @OptionalField(key: "baseline_year") public var baselineYear: Int?
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, owner: IndikatorOwner, ownerID: UUID, code: String, name: String,
                satuan: String, spec: IndicatorSpec, weight: FixedDecimal = FixedDecimal(1), tags: [String] = [],
                manual: ManualIku = ManualIku(), baseline: (value: String, year: Int)? = nil, sortOrder: Int)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.ownerKind = owner
        self.ownerID = ownerID
        self.code = code
        self.name = name
        self.satuan = satuan
        self.kind = spec.kind
        self.polarity = spec.polarity
        self.negativeFormula = spec.negativeFormula
        self.aggregation = spec.aggregation
        self.entryMode = spec.entryMode
        self.ordinalLevels = spec.ordinalScale?.levels.joined(separator: "|") ?? ""
        self.ordinalRule = spec.ordinalRule
        self.reporting = spec.reporting
        self.weight = weight.description
        self.tags = tags.joined(separator: ",")
        self.definition = manual.definition
        self.measurement = manual.measurement
        self.dataSource = manual.dataSource
        self.responsible = manual.responsible
        self.rationale = manual.rationale
        self.baselineValue = baseline?.value
        self.baselineYear = baseline?.year
        self.sortOrder = sortOrder
    }

    /// The engine's view of the stored settings.
    public var spec: IndicatorSpec {
        let scale = ordinalLevels.isEmpty
            ? nil : try? OrdinalScale(levels: ordinalLevels.split(separator: "|").map(String.init))
        return IndicatorSpec(kind: kind, polarity: polarity, negativeFormula: negativeFormula,
                             aggregation: aggregation, entryMode: entryMode, ordinalScale: scale,
                             ordinalRule: ordinalRule, reporting: reporting)
    }

    public var tagList: [String] { tags.split(separator: ",").map(String.init) }
}

/// The Manual IKU of an indicator (operational definition, how it is measured, where the data comes from).
public struct ManualIku: Sendable, Hashable, Codable {
    public var definition: String
    public var measurement: String
    public var dataSource: String
    public var responsible: String
    public var rationale: String

    public init(definition: String = "", measurement: String = "", dataSource: String = "", responsible: String = "",
                rationale: String = "")
    {
        self.definition = definition
        self.measurement = measurement
        self.dataSource = dataSource
        self.responsible = responsible
        self.rationale = rationale
    }
}

/// A target of an indicator for a year (period 0) or a triwulan of it (1–4), in canonical form (see `Target`).
public final class IndikatorTarget: Model, @unchecked Sendable {
    public static let schema = "indikator_target"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "indikator_id") public var indikator: Indikator
    @Field(key: "year") public var year: Int
    @Field(key: "period") public var period: Int
    @Field(key: "value") public var value: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, indikatorID: UUID, year: Int, period: Int, value: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$indikator.id = indikatorID
        self.year = year
        self.period = period
        self.value = value
    }
}
