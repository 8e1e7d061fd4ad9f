/// The three grounds on which a PK may be revised (PermenPAN-RB 53/2014, sakip-rules §1.5).
public enum PerubahanGround: String, Sendable, Hashable, Codable, CaseIterable {
    case mutasiPejabat
    /// Program, kegiatan or budget change; for a Pemda this covers APBD-Perubahan / DPPA.
    case strategiAnggaran
    case prioritasAsumsi

    public var label: Message {
        switch self {
        case .mutasiPejabat: Message(id: "Pergantian atau mutasi pejabat", en: "Change or transfer of officials")
        case .strategiAnggaran: Message(id: "Perubahan strategi, program, kegiatan atau alokasi anggaran (mis. APBD-Perubahan)",
                                        en: "Change of strategy, programs, activities or budget (e.g. revised APBD)")
        case .prioritasAsumsi: Message(id: "Perubahan prioritas atau asumsi", en: "Change of priorities or assumptions")
        }
    }
}

/// A difference between two versions of a PK, row by row.
public enum PkRowChange: Sendable, Hashable {
    case added(PkPerformanceRow)
    case removed(PkPerformanceRow)
    case changed(old: PkPerformanceRow, new: PkPerformanceRow)

    public var key: String {
        switch self {
        case .added(let r), .removed(let r): r.key
        case .changed(let old, _): old.key
        }
    }

    /// Whether the promise itself (the year target or a quarterly target) moved, not only a wording.
    public var changesTargets: Bool {
        switch self {
        case .added: false
        case .removed: true
        case .changed(let old, let new): old.target != new.target || old.quarterly != new.quarterly
        }
    }
}

public enum PkBudgetChange: Sendable, Hashable {
    case added(PkBudgetRow)
    case removed(PkBudgetRow)
    case changed(old: PkBudgetRow, new: PkBudgetRow)
}

public enum PkDiff {
    /// Rows of the new version in its order, then rows removed from the old one.
    public static func performance(from old: [PkPerformanceRow], to new: [PkPerformanceRow]) -> [PkRowChange] {
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let afterKeys = Set(new.map(\.key))
        var out: [PkRowChange] = []
        for row in new {
            if let was = before[row.key] {
                if was != row { out.append(.changed(old: was, new: row)) }
            } else {
                out.append(.added(row))
            }
        }
        out += old.filter { !afterKeys.contains($0.key) }.map { .removed($0) }
        return out
    }

    public static func budget(from old: [PkBudgetRow], to new: [PkBudgetRow]) -> [PkBudgetChange] {
        let before = Dictionary(old.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let afterCodes = Set(new.map(\.code))
        var out: [PkBudgetChange] = []
        for row in new {
            if let was = before[row.code] {
                if was != row { out.append(.changed(old: was, new: row)) }
            } else {
                out.append(.added(row))
            }
        }
        out += old.filter { !afterCodes.contains($0.code) }.map { .removed($0) }
        return out
    }
}

public enum PerubahanRules {
    public static func checkBasis(legalNumber: String, legalDate: CalendarDate?, year: Int) throws(RuleViolation) {
        guard !legalNumber.trimmingSpaces().isEmpty else {
            throw RuleViolation(code: "perubahan.legalNumber", field: .legalNumber,
                message: Message(id: "Tuliskan nomor dasar hukum perubahan (mis. nomor SK mutasi atau Perda APBD-Perubahan).",
                                 en: "Give the number of the legal basis of the revision (e.g. the transfer decree or the revised budget regulation)."))
        }
        try Required.Optional.text(legalNumber, field: .legalNumber,
                                   label: Message(id: "Nomor dasar hukum", en: "The number of the legal basis"))
        guard let legalDate else {
            throw RuleViolation(code: "perubahan.legalDate", field: .legalDate,
                message: Message(id: "Isi tanggal dasar hukum perubahan.", en: "Give the date of the legal basis."))
        }
        guard legalDate.year >= year - 1 && legalDate.year <= year else {
            throw RuleViolation(code: "perubahan.legalDateYear", field: .legalDate,
                message: Message(id: "Tanggal dasar hukum (\(IDFormat.date(legalDate))) tidak sesuai dengan tahun PK \(year).",
                                 en: "The legal basis date (\(legalDate)) does not fit the PK year \(year)."))
        }
    }

    /// A target that already has realisation changes only with a reason for that target (sakip-rules §1.5 and
    /// design note 1: never overwrite targets that already have realisations without saying why).
    public static func checkRealisedTargets(_ changes: [PkRowChange], realised: Set<String>, reasons: [String: String])
        throws(RuleViolation)
    {
        for change in changes where change.changesTargets && realised.contains(change.key) {
            guard let reason = reasons[change.key], reason.trimmingSpaces().count >= PkWorkflow.minimumReasonLength else {
                let name: String
                switch change {
                case .added(let r), .removed(let r): name = r.indikator
                case .changed(let old, _): name = old.indikator
                }
                throw RuleViolation(code: "perubahan.realisedTarget", field: .keyed(change.key, .reason),
                    message: Message(id: "Target \"\(name)\" sudah memiliki realisasi; perubahannya memerlukan alasan (paling sedikit \(PkWorkflow.minimumReasonLength) karakter).",
                                     en: "\"\(name)\" already has realisation; changing its target needs a reason (at least \(PkWorkflow.minimumReasonLength) characters)."))
            }
        }
    }
}
