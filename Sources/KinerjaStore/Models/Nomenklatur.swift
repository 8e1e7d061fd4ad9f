import FluentKit
import Foundation
import KinerjaCore

/// One published version of the Kemendagri nomenclature (a Kepmendagri or a SIPD update).
public final class NomenklaturVersion: Model, @unchecked Sendable {
    public static let schema = "nomenklatur_version"

    @ID public var id: UUID?
    /// Short stable key, e.g. `SIPD-2027`.
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "legal_basis") public var legalBasis: String
    /// The first budget year the version applies to.
    @Field(key: "effective_year") public var effectiveYear: Int
    @Field(key: "source") public var source: String

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, legalBasis: String, effectiveYear: Int, source: String) {
        self.id = id
        self.code = code
        self.name = name
        self.legalBasis = legalBasis
        self.effectiveYear = effectiveYear
        self.source = source
    }
}

/// One row of a nomenclature version, keyed by (version, jenis pemda, code).
public final class Nomenklatur: Model, @unchecked Sendable {
    public static let schema = "nomenklatur"

    @ID public var id: UUID?
    @Parent(key: "version_id") public var version: NomenklaturVersion
    @Field(key: "jenis_pemda") public var jenisPemda: JenisPemda
    @Field(key: "code") public var code: String
    @Field(key: "level") public var level: NomenclatureLevel
    @Field(key: "name") public var name: String
    @OptionalField(key: "kinerja") public var kinerja: String?
    @OptionalField(key: "indikator") public var indikator: String?
    @OptionalField(key: "satuan") public var satuan: String?
    /// Sub kegiatan only (SIPD 2027 metadata): whether it serves a Standar Pelayanan Minimal.
    @OptionalField(key: "spm") public var spm: Bool?
    /// "Layanan" or "Aktifitas".
    @OptionalField(key: "jenis_layanan") public var jenisLayanan: String?
    /// The bidang that carries it out.
    @OptionalField(key: "pelaksana") public var pelaksana: String?
    /// The definisi operasional: scope and what counts as output.
    @OptionalField(key: "definisi") public var definisi: String?
    /// The code this sub kegiatan had in the previous version, where it moved.
    @OptionalField(key: "previous_code") public var previousCode: String?

    public init() {}

    public convenience init(versionID: UUID, row: NomenklaturCatalog.Row) {
        self.init(versionID: versionID, jenisPemda: row.jenisPemda, code: row.code, level: row.level, name: row.name,
                  kinerja: row.kinerja, indikator: row.indikator, satuan: row.satuan)
        self.spm = row.details?.spm
        self.jenisLayanan = row.details?.jenisLayanan
        self.pelaksana = row.details?.pelaksana
        self.definisi = row.details?.definisi
        self.previousCode = row.details?.previousCode
    }

    public init(versionID: UUID, jenisPemda: JenisPemda, code: String, level: NomenclatureLevel, name: String,
                kinerja: String?, indikator: String?, satuan: String?)
    {
        self.$version.id = versionID
        self.jenisPemda = jenisPemda
        self.code = code
        self.level = level
        self.name = name
        self.kinerja = kinerja
        self.indikator = indikator
        self.satuan = satuan
    }
}
