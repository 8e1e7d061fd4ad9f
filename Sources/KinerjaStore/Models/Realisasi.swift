import FluentKit
import Foundation
import KinerjaCore

/// One entered realisation of a PK indicator for a quarter: a row of history. Its value is never changed; the
/// verifikator's decision is written on it once.
public final class RealisasiEntry: Model, @unchecked Sendable {
    public static let schema = "realisasi"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    /// The PK version in force when it was entered.
    @Parent(key: "pk_id") public var pk: Pk
    @Parent(key: "jabatan_id") public var jabatan: Jabatan
    @Field(key: "year") public var year: Int
    @Field(key: "row_key") public var rowKey: String
    /// The quarter (1–4), also of a month's entry.
    @Field(key: "period") public var period: Int
    /// 0 for the quarter's own entry; the month (1–12) when the indicator reports monthly.
    @Field(key: "month") public var month: Int
    /// 1, 2, … per indicator and quarter (across its months).
    @Field(key: "seq") public var seq: Int
    /// Canonical (`RealisasiEntryRules.canonical`).
    @Field(key: "value") public var value: String
    @OptionalField(key: "tdi_reason") public var tdiReason: String?
    @OptionalField(key: "confidence") public var confidence: Int?
    @OptionalField(key: "forecast") public var forecast: String?
    @Field(key: "supporting") public var supporting: String
    @Field(key: "obstacles") public var obstacles: String
    @Field(key: "follow_up") public var followUp: String
    @Field(key: "status") public var status: RealisasiStatus
    /// Set when entered after the quarter's window closed.
    @OptionalField(key: "late_reason") public var lateReason: String?
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "entered_at") public var enteredAt: Date
    /// The capaian (%) a verifikator gave a qualitative indicator, canonical.
    @OptionalField(key: "judgement") public var judgement: String?
    @OptionalField(key: "verifier_id") public var verifierID: UUID?
    @OptionalField(key: "verifier_name") public var verifierName: String?
    @OptionalField(key: "verified_at") public var verifiedAt: Date?
    @OptionalField(key: "return_reason") public var returnReason: String?

    public init() {}
}

/// An evidence file (bukti dukung) of a PK indicator and quarter, kept in the database with its digest.
public final class RealisasiBukti: Model, @unchecked Sendable {
    public static let schema = "realisasi_bukti"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "pk_id") public var pk: Pk
    @Parent(key: "jabatan_id") public var jabatan: Jabatan
    @Field(key: "year") public var year: Int
    @Field(key: "row_key") public var rowKey: String
    @Field(key: "period") public var period: Int
    @Field(key: "file_name") public var fileName: String
    @Field(key: "kind") public var kind: BuktiKind
    @Field(key: "size") public var size: Int
    @Field(key: "sha256") public var sha256: String
    @Field(key: "content") public var content: Data
    @OptionalField(key: "uploader_id") public var uploaderID: UUID?
    @Field(key: "uploader_name") public var uploaderName: String
    @Field(key: "uploaded_at") public var uploadedAt: Date

    public init() {}
}

/// The realisation of a DPA line in a quarter, in whole Rupiah: a row of history.
public final class RealisasiAnggaran: Model, @unchecked Sendable {
    public static let schema = "realisasi_anggaran"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "dpa_pagu_id") public var line: DpaPagu
    @Field(key: "year") public var year: Int
    @Field(key: "period") public var period: Int
    @Field(key: "seq") public var seq: Int
    @Field(key: "amount") public var amount: Int64
    @OptionalField(key: "late_reason") public var lateReason: String?
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "entered_at") public var enteredAt: Date

    public init() {}
}
