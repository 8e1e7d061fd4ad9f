/// The words of the statement sheet, with the placeholders filled in.
public struct PkStatementText: Sendable, Hashable, Codable {
    /// Before the parties: "Dalam rangka mewujudkan …, kami yang bertanda tangan di bawah ini:".
    public var opening: String
    /// The pihak pertama's promise.
    public var promise: String
    /// The pihak kedua's supervision; nil on the Kepala Daerah's own PK.
    public var supervision: String?

    public init(opening: String, promise: String, supervision: String?) {
        self.opening = opening
        self.promise = promise
        self.supervision = supervision
    }
}

/// A Pemda's wording of the statement (some Pemda word it slightly differently), defaulting to the form text of
/// Lampiran I PermenPAN-RB 53/2014 (sakip-rules §1.4). `{tahun}` is replaced by the year.
public struct PkStatementTemplate: Sendable, Hashable, Codable {
    public var opening: String
    public var promise: String
    public var supervision: String?

    public init(opening: String, promise: String, supervision: String?) {
        self.opening = opening
        self.promise = promise
        self.supervision = supervision
    }

    public static let bilateral = PkStatementTemplate(
        opening: "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
        promise: "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
        supervision: "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.")

    public static let unilateral = PkStatementTemplate(
        opening: "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, saya yang bertanda tangan di bawah ini:",
        promise: "berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah sebagaimana telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
        supervision: nil)

    public static func standard(for level: PkLevel) -> PkStatementTemplate {
        level.isUnilateral ? unilateral : bilateral
    }

    public func text(year: Int) -> PkStatementText {
        PkStatementText(opening: Self.fill(opening, year: year), promise: Self.fill(promise, year: year),
                        supervision: supervision.map { Self.fill($0, year: year) })
    }

    static func fill(_ text: String, year: Int) -> String {
        let parts = text.split(separator: "{tahun}", omittingEmptySubsequences: false)
        return parts.map(String.init).joined(separator: String(year))
    }
}
