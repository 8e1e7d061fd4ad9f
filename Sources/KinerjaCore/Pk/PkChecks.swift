/// A finding of the drafting checks. Errors stop a PK from being submitted; warnings explain what a verifier will
/// ask about.
public struct PkFinding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// What the check is about: the SMART letters, the cascade, the budget.
    public enum Topic: String, Sendable, Hashable, Codable {
        case measurable, timeBound, outcome, consistent, cascade, budget

        public var label: Message {
            switch self {
            case .measurable: Message(id: "Terukur", en: "Measurable")
            case .timeBound: Message(id: "Berbatas waktu", en: "Time-bound")
            case .outcome: Message(id: "Berorientasi hasil", en: "Result-oriented")
            case .consistent: Message(id: "Selaras dengan perencanaan", en: "Consistent with the plans")
            case .cascade: Message(id: "Cascading", en: "Cascade")
            case .budget: Message(id: "Anggaran", en: "Budget")
            }
        }
    }

    public var code: String
    public var severity: Severity
    public var topic: Topic
    /// The 1-based row of the performance or budget table, if the finding is about one row.
    public var row: Int?
    public var message: Message

    public init(code: String, severity: Severity, topic: Topic, row: Int?, message: Message) {
        self.code = code
        self.severity = severity
        self.topic = topic
        self.row = row
        self.message = message
    }
}

/// An indicator row as the checks see it: stored (canonical) target texts and the facts around the row.
public struct PkCheckRow: Sendable, Hashable {
    public var indikator: String
    public var satuan: String
    public var spec: IndicatorSpec
    /// Canonical target of the year; empty when not yet set.
    public var target: String
    /// Canonical targets of Triwulan I–IV; nil where not planned.
    public var quarterly: [String?]
    /// The Renstra's target for the year, canonical, when the row comes from the Renstra.
    public var renstraTarget: String?
    /// How many indicators of the superior's PK this row serves.
    public var superiorLinks: Int

    public init(indikator: String, satuan: String, spec: IndicatorSpec, target: String, quarterly: [String?],
                renstraTarget: String?, superiorLinks: Int)
    {
        self.indikator = indikator
        self.satuan = satuan
        self.spec = spec
        self.target = target
        self.quarterly = quarterly
        self.renstraTarget = renstraTarget
        self.superiorLinks = superiorLinks
    }
}

public struct PkCheckBudget: Sendable, Hashable {
    public var code: String
    public var name: String
    public var amount: Int64
    /// The DPA pagu of the same code; nil when the DPA has no such line.
    public var dpaAmount: Int64?

    public init(code: String, name: String, amount: Int64, dpaAmount: Int64?) {
        self.code = code
        self.name = name
        self.amount = amount
        self.dpaAmount = dpaAmount
    }
}

/// The checks that help a drafter (issue 4, "Checks that help the drafter"), each with a plain explanation.
public enum PkChecks {
    /// Words that describe work done rather than a result; an upper-level PK should promise results
    /// (sakip-rules §1.1: "targets should be outcome-oriented").
    public static let processWords = [
        "terlaksananya", "pelaksanaan", "penyusunan", "tersusunnya", "terselenggaranya", "penyelenggaraan",
        "fasilitasi", "koordinasi", "sosialisasi", "rapat", "pengadaan", "jumlah kegiatan", "jumlah dokumen",
        "jumlah laporan", "penyerapan anggaran",
    ]

    public static func run(level: PkLevel, year: Int, rows: [PkCheckRow], budgets: [PkCheckBudget], hasDpa: Bool)
        -> [PkFinding]
    {
        var findings: [PkFinding] = []
        if rows.isEmpty {
            findings.append(PkFinding(code: "pk.noIndicators", severity: .error, topic: .measurable, row: nil,
                message: Message(id: "Tabel kinerja masih kosong: tambahkan paling sedikit satu sasaran dengan indikator dan targetnya.",
                                 en: "The performance table is empty: add at least one objective with its indicator and target.")))
        }
        for (offset, row) in rows.enumerated() {
            findings += check(row, number: offset + 1, level: level, year: year)
        }
        findings += checkBudget(budgets, level: level, hasDpa: hasDpa)
        return findings
    }

    public static func hasErrors(_ findings: [PkFinding]) -> Bool { findings.contains { $0.severity == .error } }

    static func check(_ row: PkCheckRow, number: Int, level: PkLevel, year: Int) -> [PkFinding] {
        var out: [PkFinding] = []
        func add(_ code: String, _ severity: PkFinding.Severity, _ topic: PkFinding.Topic, _ id: String, _ en: String) {
            out.append(PkFinding(code: code, severity: severity, topic: topic, row: number, message: Message(id: id, en: en)))
        }
        let name = row.indikator
        if row.spec.kind.isQuantitative && row.satuan.trimmingSpaces().isEmpty {
            add("pk.satuan", .error, .measurable,
                "Indikator \"\(name)\" belum punya satuan; tanpa satuan target tidak dapat diukur (mis. %, orang, dokumen).",
                "Indicator \"\(name)\" has no unit of measure; without one the target cannot be measured (e.g. %, people, documents).")
        }
        let target = row.target.isEmpty ? nil : TargetInput.parseStored(row.target, for: row.spec)
        if row.target.trimmingSpaces().isEmpty {
            add("pk.target", .error, .measurable,
                "Indikator \"\(name)\" belum punya target tahun \(year).",
                "Indicator \"\(name)\" has no target for \(year).")
        } else if target == nil {
            add("pk.targetUnreadable", .error, .measurable,
                "Target \"\(row.target)\" indikator \"\(name)\" tidak dapat dibaca sebagai \(row.spec.kind.label.id.lowercased()).",
                "Target \"\(row.target)\" of \"\(name)\" cannot be read as \(row.spec.kind.label.en.lowercased()).")
        }
        let planned = row.quarterly.map { $0.flatMap { $0.isEmpty ? nil : TargetInput.parseStored($0, for: row.spec) } }
        let plannedCount = planned.compactMap { $0 }.count
        if plannedCount == 0 {
            add("pk.noRencanaAksi", .warning, .timeBound,
                "Rencana aksi \"\(name)\" belum punya target triwulan; tanpa itu kemajuan tidak dapat dipantau per triwulan.",
                "The action plan of \"\(name)\" has no quarterly targets; progress cannot be followed quarter by quarter.")
        } else if plannedCount < 4 || planned.count != 4 {
            add("pk.partialRencanaAksi", .warning, .timeBound,
                "Rencana aksi \"\(name)\" baru mengisi \(plannedCount) dari 4 triwulan.",
                "The action plan of \"\(name)\" covers \(plannedCount) of 4 quarters.")
        } else if let target, let yearFigure = PeriodAggregation.targetToDate(periodTargets: planned, yearTarget: nil,
                                                                              through: 4, spec: row.spec),
                  yearFigure != target
        {
            add("pk.rencanaAksiMismatch", .error, .consistent,
                "Target triwulan \"\(name)\" menghasilkan \(IDFormat.target(yearFigure, scale: row.spec.ordinalScale)) untuk setahun (\(row.spec.aggregation.label.id.lowercased())), tidak sama dengan target tahunan \(IDFormat.target(target, scale: row.spec.ordinalScale)). Samakan target TW IV atau jumlahnya dengan target tahunan.",
                "The quarterly targets of \"\(name)\" add up to \(IDFormat.target(yearFigure, scale: row.spec.ordinalScale)) for the year (\(row.spec.aggregation.label.en.lowercased())), not the year target \(IDFormat.target(target, scale: row.spec.ordinalScale)). Align them with the year target.")
        }
        if let renstra = row.renstraTarget, let target, let renstraTarget = TargetInput.parseStored(renstra, for: row.spec),
           renstraTarget != target
        {
            add("pk.renstraMismatch", .warning, .consistent,
                "Target \(IDFormat.target(target, scale: row.spec.ordinalScale)) berbeda dari target \(level.planName) tahun \(year) (\(IDFormat.target(renstraTarget, scale: row.spec.ordinalScale))). Bila disengaja, sampaikan alasannya kepada verifikator.",
                "The target \(IDFormat.target(target, scale: row.spec.ordinalScale)) differs from the \(level.planName) target for \(year) (\(IDFormat.target(renstraTarget, scale: row.spec.ordinalScale))). If intended, tell the verifier why.")
        }
        if level.expectsOutcome {
            let lower = name.lowercased()
            if let word = processWords.first(where: { lower.contains($0) }) {
                add("pk.processWording", .warning, .outcome,
                    "Indikator \"\(name)\" memakai kata proses (\"\(word)\"). PK \(level.label.id) sebaiknya menjanjikan hasil (outcome), mis. persentase penduduk yang terlayani, bukan kegiatan yang dilaksanakan.",
                    "Indicator \"\(name)\" uses process wording (\"\(word)\"). A \(level.label.en) PK should promise results (outcomes), not work done.")
            }
        }
        if level != .pemda && row.superiorLinks == 0 {
            add("pk.noSuperiorLink", .error, .cascade,
                "Indikator \"\(name)\" belum dikaitkan dengan indikator PK atasan yang didukungnya.",
                "Indicator \"\(name)\" is not yet linked to the superior's PK indicator it serves.")
        }
        return out
    }

    static func checkBudget(_ budgets: [PkCheckBudget], level: PkLevel, hasDpa: Bool) -> [PkFinding] {
        var out: [PkFinding] = []
        let what = level.budgetLevel.label
        if budgets.isEmpty {
            out.append(PkFinding(code: "pk.noBudget", severity: .warning, topic: .budget, row: nil,
                message: Message(id: "Tabel anggaran belum berisi \(what.id.lowercased()) apa pun.",
                                 en: "The budget table lists no \(what.en.lowercased()) yet.")))
        }
        guard hasDpa else {
            if !budgets.isEmpty {
                out.append(PkFinding(code: "pk.noDpa", severity: .warning, topic: .budget, row: nil,
                    message: Message(id: "DPA tahun ini belum dicatat, jadi anggaran belum dapat dicocokkan dengan pagu DPA.",
                                     en: "This year's DPA is not recorded yet, so the budget cannot be checked against it.")))
            }
            return out
        }
        for (offset, line) in budgets.enumerated() {
            guard let pagu = line.dpaAmount else {
                out.append(PkFinding(code: "pk.notInDpa", severity: .warning, topic: .budget, row: offset + 1,
                    message: Message(id: "\(what.id) \(line.code) \(line.name) tidak ada dalam DPA.",
                                     en: "\(what.en) \(line.code) \(line.name) is not in the DPA.")))
                continue
            }
            if pagu != line.amount {
                out.append(PkFinding(code: "pk.dpaMismatch", severity: .warning, topic: .budget, row: offset + 1,
                    message: Message(id: "Anggaran \(line.code) Rp \(IDFormat.rupiah(line.amount)) berbeda dari pagu DPA Rp \(IDFormat.rupiah(pagu)).",
                                     en: "The budget of \(line.code), Rp \(IDFormat.rupiah(line.amount)), differs from the DPA ceiling Rp \(IDFormat.rupiah(pagu)).")))
            }
        }
        return out
    }
}
