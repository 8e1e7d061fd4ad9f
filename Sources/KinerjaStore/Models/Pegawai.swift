import FluentKit
import Foundation

/// A person who can hold a position. A Kepala Daerah is an elected official and has no NIP.
public final class Pegawai: Model, @unchecked Sendable {
    public static let schema = "pegawai"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    /// 18 digits, validated by `Nip`; nil for a Kepala Daerah.
    @OptionalField(key: "nip") public var nip: String?
    /// As the person writes it, with academic and religious titles.
    @Field(key: "name") public var name: String
    /// `Pembina Utama Muda (IV/c)`; empty for a Kepala Daerah.
    @Field(key: "pangkat") public var pangkat: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, nip: String?, name: String, pangkat: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.nip = nip
        self.name = name
        self.pangkat = pangkat
    }
}
