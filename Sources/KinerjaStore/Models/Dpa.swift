import FluentKit
import Foundation
import KinerjaCore

/// A unit's Dokumen Pelaksanaan Anggaran for a year: its ratification starts the PK clock (sakip-rules §1.3).
public final class Dpa: Model, @unchecked Sendable {
    public static let schema = "dpa"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "unit_id") public var unit: Unit
    @Field(key: "year") public var year: Int
    @Field(key: "number") public var number: String
    /// ISO `yyyy-mm-dd`.
    @Field(key: "ratified_on") public var ratifiedOn: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, unitID: UUID, year: Int, number: String, ratifiedOn: CalendarDate) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$unit.id = unitID
        self.year = year
        self.number = number
        self.ratifiedOn = ratifiedOn.description
    }
}

/// A pagu line of a DPA: a program, kegiatan or sub kegiatan code and its amount in whole Rupiah.
public final class DpaPagu: Model, @unchecked Sendable {
    public static let schema = "dpa_pagu"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "dpa_id") public var dpa: Dpa
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "amount") public var amount: Int64

    public init() {}

    public init(pemdaID: UUID, dpaID: UUID, code: String, name: String, amount: Int64) {
        self.$pemda.id = pemdaID
        self.$dpa.id = dpaID
        self.code = code
        self.name = name
        self.amount = amount
    }
}

/// A Pemda's PK settings: the place printed above the signatures, the deadline rule and its own statement wording.
public final class PkSetting: Model, @unchecked Sendable {
    public static let schema = "pk_setting"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Field(key: "place") public var place: String
    @Field(key: "months_after_dpa") public var monthsAfterDpa: Int
    @Field(key: "remind_days_before") public var remindDaysBefore: Int
    /// JSON `PkStatementTemplate`; nil for the standard wording.
    @OptionalField(key: "template_bilateral") public var templateBilateral: String?
    @OptionalField(key: "template_unilateral") public var templateUnilateral: String?
    /// The Pemda's emblem for the PK letterhead: a PNG, base64.
    @OptionalField(key: "logo_png") public var logoPNG: String?

    public init() {}

    public init(pemdaID: UUID, place: String, rule: PkDeadlineRule = PkDeadlineRule()) {
        self.$pemda.id = pemdaID
        self.place = place
        self.monthsAfterDpa = rule.monthsAfterDpa
        self.remindDaysBefore = rule.remindDaysBefore
    }

    public var logoBytes: [UInt8]? { logoPNG.flatMap { Data(base64Encoded: $0) }.map { Array($0) } }

    public var rule: PkDeadlineRule { PkDeadlineRule(monthsAfterDpa: monthsAfterDpa, remindDaysBefore: remindDaysBefore) }

    public func template(for level: PkLevel) -> PkStatementTemplate {
        let json = level.isUnilateral ? templateUnilateral : templateBilateral
        guard let json, let template = try? JSONDecoder().decode(PkStatementTemplate.self, from: Data(json.utf8)) else {
            return .standard(for: level)
        }
        return template
    }
}

/// The unit responsible for a Renstra program or kegiatan (the "unit penanggung jawab" column of the Renstra
/// tables): it decides which items an Eselon III or IV PK is drafted from.
public final class RenstraItemUnit: Model, @unchecked Sendable {
    public static let schema = "renstra_item_unit"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "item_id") public var item: RenstraItem
    @Parent(key: "unit_id") public var unit: Unit

    public init() {}

    public init(pemdaID: UUID, itemID: UUID, unitID: UUID) {
        self.$pemda.id = pemdaID
        self.$item.id = itemID
        self.$unit.id = unitID
    }
}
