import Foundation
import KinerjaCore

/// An indicator as displayed, with its targets by year (and by triwulan where set).
public struct IndikatorView: Codable, Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var satuan: String
    public var kind: IndicatorKind
    public var polarity: Polarity
    public var aggregation: Aggregation
    public var entryMode: EntryMode
    /// Quarterly or monthly (Manual IKU "periode pelaporan").
    public var reporting: ReportingPeriod
    public var tags: [String]
    public var baselineValue: String?
    public var baselineYear: Int?
    public var definition: String
    public var measurement: String
    public var dataSource: String
    public var targets: [TargetView]
}

public struct TargetView: Codable, Sendable, Equatable {
    public var year: Int
    /// 0 for the year, 1–4 for a triwulan.
    public var period: Int
    /// Canonical: `7.5`, `5.0..5.5`, `ya`, `WTP`.
    public var value: String
    /// As Indonesian documents write it: `7,5`, `5–5,5`.
    public var display: String
}

public struct RpjmdTree: Codable, Sendable, Equatable {
    public struct MisiNode: Codable, Sendable, Equatable {
        public var id: UUID
        public var number: Int
        public var text: String
        public var tujuan: [TujuanNode]
    }

    public struct TujuanNode: Codable, Sendable, Equatable {
        public var id: UUID
        public var number: Int
        public var text: String
        public var sasaran: [SasaranNode]
    }

    public struct SasaranNode: Codable, Sendable, Equatable {
        public var id: UUID
        public var number: Int
        public var text: String
        public var indikator: [IndikatorView]
    }

    public var pemdaCode: String
    public var periodeID: UUID
    public var periode: PeriodeRef
    public var years: [Int]
    public var visi: String
    public var misi: [MisiNode]
}

public struct RenstraTree: Codable, Sendable, Equatable {
    public struct SasaranNode: Codable, Sendable, Equatable {
        public var id: UUID
        public var number: Int
        public var text: String
        public var rpjmdSasaran: String?
        public var indikator: [IndikatorView]
    }

    public struct ItemNode: Codable, Sendable, Equatable {
        public var id: UUID
        public var level: NomenclatureLevel
        public var code: String
        public var name: String
        public var pagu: [PaguView]
        public var indikator: [IndikatorView]
        public var children: [ItemNode]
    }

    public var pemdaCode: String
    public var renstraID: UUID
    public var unitID: UUID
    public var unitName: String
    public var legalNumber: String
    public var legalDate: String
    public var nomenklaturVersion: String
    public var years: [Int]
    public var sasaran: [SasaranNode]
    public var programs: [ItemNode]
}

public struct PaguView: Codable, Sendable, Equatable {
    public var year: Int
    /// Whole Rupiah.
    public var amount: Int64
}
