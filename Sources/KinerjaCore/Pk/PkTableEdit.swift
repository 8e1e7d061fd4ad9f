/// One save of a PK's tables as the form sent it: every indicator row and budget line at once, and what else the
/// drafter asked for with the same press of a button (remove a row, add one). Checked as a whole by `PkTableRules`:
/// every finding comes back, and nothing is written while one stands.
public struct PkTableEdit: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// The row's id as the form sent it.
        public var id: String
        public var sasaran: String
        public var target: String
        /// TW I–IV as typed; empty where not planned.
        public var quarterly: [String]
        public var reason: String?
        /// The superior indicators chosen (their row ids); nil when the form carried no choice for the row.
        public var links: [String]?

        public init(id: String, sasaran: String, target: String, quarterly: [String], reason: String? = nil, links: [String]? = nil) {
            self.id = id
            self.sasaran = sasaran
            self.target = target
            self.quarterly = quarterly
            self.reason = reason
            self.links = links
        }
    }

    public struct Budget: Sendable, Hashable {
        public var id: String
        public var amount: String

        public init(id: String, amount: String) {
            self.id = id
            self.amount = amount
        }
    }

    /// An indicator typed by the drafter, added with this save.
    public struct NewRow: Sendable, Hashable {
        public var sasaran: String
        public var indikator: String
        public var satuan: String
        public var kind: IndicatorKind
        public var target: String

        public init(sasaran: String, indikator: String, satuan: String, kind: IndicatorKind, target: String) {
            self.sasaran = sasaran
            self.indikator = indikator
            self.satuan = satuan
            self.kind = kind
            self.target = target
        }
    }

    /// A budget line by its nomenclature code, added with this save.
    public struct NewBudget: Sendable, Hashable {
        public var code: String
        public var amount: String

        public init(code: String, amount: String) {
            self.code = code
            self.amount = amount
        }
    }

    public var rows: [Row]
    public var budget: [Budget]
    public var removeRow: String?
    public var removeBudget: String?
    public var newRow: NewRow?
    public var newBudget: NewBudget?

    public init(rows: [Row], budget: [Budget] = [], removeRow: String? = nil, removeBudget: String? = nil,
                newRow: NewRow? = nil, newBudget: NewBudget? = nil)
    {
        self.rows = rows
        self.budget = budget
        self.removeRow = removeRow
        self.removeBudget = removeBudget
        self.newRow = newRow
        self.newBudget = newBudget
    }
}

/// What the rules need to know of the stored PK to check an edit.
public struct PkTableFacts: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var spec: IndicatorSpec
        public var indikator: String
        /// Names of the positions whose PK serves this row: it cannot be removed while they do.
        public var servedBy: [String]

        public init(id: String, spec: IndicatorSpec, indikator: String, servedBy: [String] = []) {
            self.id = id
            self.spec = spec
            self.indikator = indikator
            self.servedBy = servedBy
        }
    }

    public var level: PkLevel
    public var year: Int
    /// The PK's rows, in table order.
    public var rows: [Row]
    public var budgetIDs: Set<String>
    /// Indicators a row may serve: the superior's PK of the year, and PKs at the superior's level (crosscutting).
    public var linkable: Set<String>

    public init(level: PkLevel, year: Int, rows: [Row], budgetIDs: Set<String>, linkable: Set<String>) {
        self.level = level
        self.year = year
        self.rows = rows
        self.budgetIDs = budgetIDs
        self.linkable = linkable
    }
}

/// The change to write, canonical: what `PkTableRules.check` accepted.
public struct PkTableChange: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var sasaran: String
        /// Canonical target of the year and of TW I–IV (empty where not planned).
        public var target: String
        public var quarterly: [String]
        public var reason: String?
        public var links: Set<String>?
    }

    public struct Budget: Sendable, Hashable {
        public var id: String
        public var amount: Int64
    }

    /// A typed row, checked and canonical.
    public struct NewRow: Sendable, Hashable {
        public var sasaran: String
        public var indikator: String
        public var satuan: String
        public var spec: IndicatorSpec
        public var target: String
    }

    public struct NewBudget: Sendable, Hashable {
        public var code: String
        public var amount: Int64
    }

    public var rows: [Row]
    public var budget: [Budget]
    public var removeRow: String?
    public var removeBudget: String?
    public var newRow: NewRow?
    public var newBudget: NewBudget?
}

public enum PkTableRules {
    /// A sasaran is written out: not empty, not longer than a paragraph. The one wording of this rule, for the
    /// table and for a row added by hand.
    public static func sasaran(_ text: String, level: PkLevel, field: InputField) -> Result<String, RuleViolation> {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty {
            return .failure(RuleViolation(code: "pk.sasaranEmpty", field: field,
                message: Message(id: "\(level.sasaranHeader.id) wajib diisi.", en: "\(level.sasaranHeader.en) is required.")))
        }
        if trimmed.count > Limits.longText {
            return .failure(RuleViolation(code: "form.tooLong", field: field,
                message: Message(id: "\(level.sasaranHeader.id) terlalu panjang (paling banyak \(Limits.longText) karakter).",
                                 en: "\(level.sasaranHeader.en) is too long (at most \(Limits.longText) characters).")))
        }
        return .success(trimmed)
    }

    /// The settings of a row typed by hand: no indicator stands behind it, so the year's figure is the last quarter's.
    public static func typedRowSpec(kind: IndicatorKind) -> Result<IndicatorSpec, RuleViolation> {
        guard kind != .ordinal else {
            return .failure(RuleViolation(code: "pk.kind", field: .kind,
                message: Message(id: "Indikator berskala peringkat ditambahkan lewat Renstra atau RKT, lengkap dengan skalanya.",
                                 en: "An ordinal indicator is added through the Renstra or RKT, with its scale.")))
        }
        return .success(IndicatorSpec(kind: kind, aggregation: .last))
    }

    /// Every finding of the edit, or the canonical change when there is none.
    public static func check(_ edit: PkTableEdit, facts: PkTableFacts) -> Result<PkTableChange, RuleViolations> {
        var problems: [RuleViolation] = []
        let known = Dictionary(facts.rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if edit.rows.count > Limits.rows {
            problems.append(RuleViolation(code: "pk.tooManyRows",
                message: Message(id: "Terlalu banyak baris dalam satu simpan (paling banyak \(Limits.rows)).",
                                 en: "Too many rows in one save (at most \(Limits.rows)).")))
        }
        var rows: [PkTableChange.Row] = []
        var seen: Set<String> = []
        for input in edit.rows.prefix(Limits.rows) {
            guard let stored = known[input.id], seen.insert(input.id).inserted else {
                problems.append(RuleViolation(.notFound, code: "reference.unknown",
                    message: Message(id: "Baris PK yang dikirim tidak ada pada PK ini; muat ulang halaman.",
                                     en: "A row sent is not on this PK; reload the page.")))
                continue
            }
            func at(_ field: InputField) -> InputField { .keyed(input.id, field) }
            var sasaran = ""
            switch self.sasaran(input.sasaran, level: facts.level, field: at(.sasaran)) {
            case .success(let text): sasaran = text
            case .failure(let v): problems.append(v)
            }
            var target = ""
            do {
                let raw = input.target.trimmingSpaces()
                target = try TargetInput.parse(raw, for: stored.spec, field: at(.target))
                    .canonical(scale: stored.spec.ordinalScale, statement: raw)
            } catch { problems.append(error) }
            var quarterly: [String] = []
            for (q, value) in (input.quarterly + Array(repeating: "", count: 4)).prefix(4).enumerated() {
                let raw = value.trimmingSpaces()
                guard !raw.isEmpty else { quarterly.append(""); continue }
                do {
                    quarterly.append(try TargetInput.parse(raw, for: stored.spec, field: at(.quarter(q + 1)))
                        .canonical(scale: stored.spec.ordinalScale, statement: raw))
                } catch {
                    problems.append(error)
                    quarterly.append("")
                }
            }
            var reason = input.reason?.trimmingSpaces()
            if let text = reason, text.count > Limits.longText {
                problems.append(RuleViolation(code: "form.tooLong", field: at(.reason),
                    message: Message(id: "Alasan terlalu panjang (paling banyak \(Limits.longText) karakter).",
                                     en: "The reason is too long (at most \(Limits.longText) characters).")))
            }
            if reason?.isEmpty == true { reason = nil }
            var links: Set<String>?
            if let chosen = input.links {
                if facts.level == .pemda && !chosen.isEmpty {
                    problems.append(RuleViolation(code: "pk.pemdaNoLinks", field: at(.links),
                        message: Message(id: "PK Kepala Daerah adalah puncak cascading; indikatornya tidak dikaitkan ke atas.",
                                         en: "The regional head's PK tops the cascade; its indicators link to nothing above.")))
                } else if chosen.contains(where: { !facts.linkable.contains($0) }) {
                    problems.append(RuleViolation(code: "pk.linkTarget", field: at(.links),
                        message: Message(id: "Indikator yang dipilih bukan indikator PK atasan (atau PK setingkat atasan) tahun \(facts.year).",
                                         en: "The chosen indicator is not on the superior's PK (or a PK at the superior's level) for \(facts.year).")))
                } else {
                    links = Set(chosen.prefix(Limits.rows))
                }
            }
            rows.append(PkTableChange.Row(id: input.id, sasaran: sasaran, target: target, quarterly: quarterly, reason: reason,
                                          links: links))
        }
        var budget: [PkTableChange.Budget] = []
        for line in edit.budget.prefix(Limits.rows) {
            guard facts.budgetIDs.contains(line.id) else {
                problems.append(RuleViolation(.notFound, code: "reference.unknown",
                    message: Message(id: "Baris anggaran yang dikirim tidak ada pada PK ini; muat ulang halaman.",
                                     en: "A budget line sent is not on this PK; reload the page.")))
                continue
            }
            do {
                budget.append(.init(id: line.id, amount: try RupiahInput.parse(line.amount, field: .keyed(line.id, .amount))))
            } catch { problems.append(error) }
        }
        if let remove = edit.removeRow {
            if let stored = known[remove] {
                if !stored.servedBy.isEmpty {
                    let names = stored.servedBy.sorted().joined(separator: ", ")
                    problems.append(RuleViolation(.conflict, code: "pk.rowServed",
                        message: Message(id: "Indikator \"\(stored.indikator)\" didukung PK \(names); penyusun PK itu harus melepas kaitannya dulu (lewat PK Perubahan bila PK itu sudah ditandatangani).",
                                         en: "Indicator \"\(stored.indikator)\" is served by the PK of \(names); its drafter must unlink it first (through a revision if that PK is signed).")))
                }
            } else {
                problems.append(RuleViolation(.notFound, code: "reference.unknown",
                    message: Message(id: "Baris PK yang akan dihapus tidak ada pada PK ini.", en: "The row to remove is not on this PK.")))
            }
        }
        if let remove = edit.removeBudget, !facts.budgetIDs.contains(remove) {
            problems.append(RuleViolation(.notFound, code: "reference.unknown",
                message: Message(id: "Baris anggaran yang akan dihapus tidak ada pada PK ini.", en: "The budget line to remove is not on this PK.")))
        }
        var newRow: PkTableChange.NewRow?
        if let typed = edit.newRow {
            func at(_ field: InputField) -> InputField { .keyed("baru", field) }
            var found: [RuleViolation] = []
            let sasaran: String
            switch self.sasaran(typed.sasaran, level: facts.level, field: at(.sasaran)) {
            case .success(let text): sasaran = text
            case .failure(let v): found.append(v); sasaran = ""
            }
            let indikator = typed.indikator.trimmingSpaces()
            if indikator.isEmpty || indikator.count > Limits.longText {
                found.append(RuleViolation(code: "pk.indikatorEmpty", field: at(.indikator),
                    message: indikator.isEmpty ? Message(id: "Indikator wajib diisi.", en: "The indicator is required.")
                        : Message(id: "Indikator terlalu panjang.", en: "The indicator is too long.")))
            }
            let satuan = typed.satuan.trimmingSpaces()
            if satuan.count > Limits.shortText {
                found.append(RuleViolation(code: "form.tooLong", field: at(.satuan),
                    message: Message(id: "Satuan terlalu panjang.", en: "The unit of measure is too long.")))
            }
            switch typedRowSpec(kind: typed.kind) {
            case .failure(let v): found.append(v.at(at(.kind)))
            case .success(let spec):
                do {
                    let raw = typed.target.trimmingSpaces()
                    let target = try TargetInput.parse(raw, for: spec, field: at(.target)).canonical(statement: raw)
                    if found.isEmpty { newRow = .init(sasaran: sasaran, indikator: indikator, satuan: satuan, spec: spec, target: target) }
                } catch { found.append(error) }
            }
            problems += found
        }
        var newBudget: PkTableChange.NewBudget?
        if let typed = edit.newBudget {
            let code = typed.code.trimmingSpaces()
            if NomenclatureCode.level(of: code) != facts.level.budgetLevel {
                let level = facts.level.budgetLevel
                problems.append(RuleViolation(code: "pk.budgetLevel", field: .keyed("baru", .code),
                    message: Message(id: "Tabel anggaran PK \(facts.level.label.id) berisi \(level.label.id.lowercased()); kode \(code.isEmpty ? "kosong" : code) bukan kode \(level.label.id.lowercased()).",
                                     en: "The budget table of a \(facts.level.label.en) PK lists \(level.label.en.lowercased()) codes; \(code) is not one.")))
            }
            do {
                let amount = try RupiahInput.parse(typed.amount, field: .keyed("baru", .amount))
                if problems.isEmpty { newBudget = .init(code: code, amount: amount) }
            } catch { problems.append(error) }
        }
        guard problems.isEmpty else { return .failure(RuleViolations(problems)) }
        return .success(PkTableChange(rows: rows, budget: budget, removeRow: edit.removeRow, removeBudget: edit.removeBudget,
                                      newRow: newRow, newBudget: newBudget))
    }
}
