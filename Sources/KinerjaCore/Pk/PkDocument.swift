/// One row of the performance table (and of the rencana aksi): what the pihak pertama promises.
public struct PkPerformanceRow: Sendable, Hashable, Codable {
    /// Stable across versions, so that a PK Perubahan can be compared with the version before it.
    public var key: String
    public var sasaran: String
    public var indikator: String
    public var satuan: String
    /// As displayed (`72,74`, `80–90`, `Ada`).
    public var target: String
    /// Rencana aksi: the targets of Triwulan I–IV as displayed, empty where none was planned.
    public var quarterly: [String]
    /// The values behind the text (documents of version 2 on): the canonical target (`7.5`, `5.0..5.5`, `ya`), the
    /// canonical quarterly targets and the indicator's settings, so that what was promised can be computed against
    /// for as long as the document lives. Nil in documents sealed before version 2.
    public var value: PkTargetValue?

    public init(key: String, sasaran: String, indikator: String, satuan: String, target: String, quarterly: [String],
                value: PkTargetValue? = nil)
    {
        self.value = value
        self.key = key
        self.sasaran = sasaran
        self.indikator = indikator
        self.satuan = satuan
        self.target = target
        self.quarterly = quarterly
    }
}

/// One row of the budget table: a program, kegiatan or sub kegiatan and its anggaran in whole Rupiah.
public struct PkBudgetRow: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var amount: Int64

    public init(code: String, name: String, amount: Int64) {
        self.code = code
        self.name = name
        self.amount = amount
    }
}

/// A party as they were on the day of signing: a later mutasi or promotion does not change a signed PK.
public struct PkSigner: Sendable, Hashable, Codable {
    public var name: String
    /// Nil for a Kepala Daerah, who is elected and has no NIP.
    public var nip: String?
    public var pangkat: String
    /// The position's name, with `Plt. ` / `Plh. ` in front for an acting official.
    public var jabatan: String

    public init(name: String, nip: String?, pangkat: String, jabatan: String) {
        self.name = name
        self.nip = nip
        self.pangkat = pangkat
        self.jabatan = jabatan
    }

    /// `19700101 199003 1 001`, or nil.
    public var groupedNip: String? { nip.map(Nip.group) }
}

/// The grounds and legal basis of a PK Perubahan.
public struct PkRevision: Sendable, Hashable, Codable {
    public var ground: PerubahanGround
    public var legalNumber: String
    public var legalDate: CalendarDate

    public init(ground: PerubahanGround, legalNumber: String, legalDate: CalendarDate) {
        self.ground = ground
        self.legalNumber = legalNumber
        self.legalDate = legalDate
    }
}

/// A target as a value, kept in the sealed document beside its text.
public struct PkTargetValue: Sendable, Hashable, Codable {
    public var target: String
    public var quarterly: [String]
    public var spec: IndicatorSpec

    public init(target: String, quarterly: [String], spec: IndicatorSpec) {
        self.target = target
        self.quarterly = quarterly
        self.spec = spec
    }
}

/// The signed document: everything the PDF, the printable page and the verification page show. Its canonical bytes
/// are what the SHA-256 and the seal cover, so every field is plain data, written out as it was on the day.
public struct PkDocument: Sendable, Hashable, Codable {
    public var pemdaCode: String
    public var pemdaName: String
    public var unitName: String
    public var year: Int
    /// 0 for the PK induk, 1… for each PK Perubahan.
    public var version: Int
    public var level: PkLevel
    public var statement: PkStatementText
    public var pihakPertama: PkSigner
    public var pihakKedua: PkSigner?
    /// Where it was signed (`Kota Contoh`).
    public var place: String
    public var date: CalendarDate
    public var performance: [PkPerformanceRow]
    public var budget: [PkBudgetRow]
    public var revision: PkRevision?
    /// The layout of the document: nil (read as 1) for those sealed with texts only, 2 from when each target also
    /// carries its value. A seal covers the bytes as stored, so an older document verifies as it always did.
    public var documentVersion: Int?

    public static let currentDocumentVersion = 2

    public init(pemdaCode: String, pemdaName: String, unitName: String, year: Int, version: Int, level: PkLevel,
                statement: PkStatementText, pihakPertama: PkSigner, pihakKedua: PkSigner?, place: String,
                date: CalendarDate, performance: [PkPerformanceRow], budget: [PkBudgetRow], revision: PkRevision?,
                documentVersion: Int? = PkDocument.currentDocumentVersion)
    {
        self.documentVersion = documentVersion
        self.pemdaCode = pemdaCode
        self.pemdaName = pemdaName
        self.unitName = unitName
        self.year = year
        self.version = version
        self.level = level
        self.statement = statement
        self.pihakPertama = pihakPertama
        self.pihakKedua = pihakKedua
        self.place = place
        self.date = date
        self.performance = performance
        self.budget = budget
        self.revision = revision
    }

    public var title: String {
        revision == nil ? "PERJANJIAN KINERJA TAHUN \(year)" : "PERJANJIAN KINERJA PERUBAHAN TAHUN \(year)"
    }

    public var budgetTotal: Int64 { budget.reduce(0) { $0 &+ $1.amount } }
}
