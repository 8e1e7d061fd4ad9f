import FluentKit
import Foundation

/// A five-year RPJMD period, set by Perda, with its visi.
public final class PeriodeRpjmd: Model, @unchecked Sendable {
    public static let schema = "periode_rpjmd"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Field(key: "start_year") public var startYear: Int
    @Field(key: "end_year") public var endYear: Int
    @Field(key: "perda_number") public var perdaNumber: String
    /// ISO `yyyy-mm-dd`.
    @Field(key: "perda_date") public var perdaDate: String
    @Field(key: "visi") public var visi: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, startYear: Int, endYear: Int, perdaNumber: String, perdaDate: String,
                visi: String)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.startYear = startYear
        self.endYear = endYear
        self.perdaNumber = perdaNumber
        self.perdaDate = perdaDate
        self.visi = visi
    }

    public var years: ClosedRange<Int> { startYear...endYear }
}

public final class Misi: Model, @unchecked Sendable {
    public static let schema = "misi"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "periode_id") public var periode: PeriodeRpjmd
    @Field(key: "number") public var number: Int
    @Field(key: "text") public var text: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, periodeID: UUID, number: Int, text: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$periode.id = periodeID
        self.number = number
        self.text = text
    }
}

public final class Tujuan: Model, @unchecked Sendable {
    public static let schema = "tujuan"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "misi_id") public var misi: Misi
    @Field(key: "number") public var number: Int
    @Field(key: "text") public var text: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, misiID: UUID, number: Int, text: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$misi.id = misiID
        self.number = number
        self.text = text
    }
}

/// A sasaran of the RPJMD, measured by the Pemda's IKU.
public final class SasaranRpjmd: Model, @unchecked Sendable {
    public static let schema = "sasaran_rpjmd"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "tujuan_id") public var tujuan: Tujuan
    @Field(key: "number") public var number: Int
    @Field(key: "text") public var text: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, tujuanID: UUID, number: Int, text: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$tujuan.id = tujuanID
        self.number = number
        self.text = text
    }
}
