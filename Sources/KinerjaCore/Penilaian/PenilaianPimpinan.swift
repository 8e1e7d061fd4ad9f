/// The evaluation of the heads of units (penilaian pimpinan): each official's PK capaian of a year read against the
/// Pemda's category bands, as the basis of rewards and sanctions (PermenPANRB 53/2014: the PK is "dasar pemberian
/// penghargaan dan sanksi", sakip-rules §1.1). No regulation fixes the bands or their names, so they are the Pemda's
/// setting; `PenilaianCategories.standard` is the default until it sets its own.

/// One category: every capaian at or above `lowerBound` that no better category took; the last has no bound and
/// takes the rest.
public struct PenilaianCategory: Sendable, Hashable, Codable {
    public var lowerBound: FixedDecimal?
    public var name: Message

    public init(from lowerBound: FixedDecimal?, name: Message) {
        self.lowerBound = lowerBound
        self.name = name
    }
}

/// A Pemda's categories, best first, checked whole: 2 to `maximumCount` categories with names that are given, short
/// and distinct, lower bounds strictly falling within (0, `maximumBound`], and a last category without a bound.
public struct PenilaianCategories: Sendable, Hashable, Codable {
    public static let maximumCount = 6
    public static let minimumCount = 2
    public static let maximumNameLength = 60
    /// A bound above this is a typo: a capaian of 200% already means the target was far too low.
    public static let maximumBound = FixedDecimal(200)

    public private(set) var bands: [PenilaianCategory]

    /// The default: a reward at 90% and above, coaching from 60%, special coaching or a sanction below.
    public static let standard = try! PenilaianCategories([
        PenilaianCategory(from: FixedDecimal(90), name: Message(id: "Penghargaan", en: "Reward")),
        PenilaianCategory(from: FixedDecimal(60), name: Message(id: "Pembinaan", en: "Coaching")),
        PenilaianCategory(from: nil, name: Message(id: "Pembinaan khusus / sanksi", en: "Special coaching / sanction")),
    ])

    public init(_ bands: [PenilaianCategory]) throws(RuleViolations) {
        var problems: [RuleViolation] = []
        if bands.count < Self.minimumCount || bands.count > Self.maximumCount {
            problems.append(RuleViolation(code: "penilaian.count", field: .bands,
                message: Message(id: "Kategori penilaian harus \(Self.minimumCount) sampai \(Self.maximumCount) (tertulis \(bands.count)).",
                                 en: "There must be \(Self.minimumCount) to \(Self.maximumCount) categories (got \(bands.count)).")))
        }
        var seen: Set<String> = []
        var previous: FixedDecimal?
        for (index, band) in bands.enumerated() {
            let row = index + 1
            let isLast = index == bands.count - 1
            do throws(RuleViolation) {
                try Self.checkName(band.name.id, field: .row(row, .name))
                try Self.checkName(band.name.en, field: .row(row, .text))
            } catch {
                problems.append(error)
            }
            let key = band.name.id.trimmingSpaces().lowercased()
            if !key.isEmpty, !seen.insert(key).inserted {
                problems.append(RuleViolation(code: "penilaian.duplicate", field: .row(row, .name),
                    message: Message(id: "Nama kategori \"\(band.name.id)\" sudah dipakai di atasnya.",
                                     en: "The category name \"\(band.name.id)\" is used above already.")))
            }
            switch (band.lowerBound, isLast) {
            case (nil, true): break
            case (.some, true):
                problems.append(RuleViolation(code: "penilaian.lastBound", field: .row(row, .bands),
                    message: Message(id: "Kategori terakhir menampung semua capaian di bawah kategori di atasnya: kosongkan batasnya.",
                                     en: "The last category takes every capaian below the one above it: leave its bound empty.")))
            case (nil, false):
                problems.append(RuleViolation(code: "penilaian.bound", field: .row(row, .bands),
                    message: Message(id: "Batas bawah kategori \(row) wajib diisi (capaian paling sedikit, dalam %).",
                                     en: "Category \(row) needs a lower bound (the least capaian, in %).")))
            case (let bound?, false):
                if bound <= .zero || bound > Self.maximumBound {
                    problems.append(RuleViolation(code: "penilaian.range", field: .row(row, .bands),
                        message: Message(id: "Batas bawah harus lebih dari 0 dan paling besar \(IDFormat.number(Self.maximumBound)) (tertulis \(IDFormat.number(bound))).",
                                         en: "A lower bound must be above 0 and at most \(Self.maximumBound) (got \(bound)).")))
                } else if let previous, bound >= previous {
                    problems.append(RuleViolation(code: "penilaian.order", field: .row(row, .bands),
                        message: Message(id: "Batas bawah harus lebih kecil dari batas kategori di atasnya (\(IDFormat.number(previous))).",
                                         en: "A lower bound must be below the bound of the category above (\(previous)).")))
                }
                previous = bound
            }
        }
        guard problems.isEmpty else { throw RuleViolations(problems) }
        self.bands = bands
    }

    static func checkName(_ name: String, field: InputField) throws(RuleViolation) {
        try Required.text(name, field: field, label: Message(id: "Nama kategori", en: "The category's name"),
                          max: maximumNameLength)
    }

    /// The category the rule gives a capaian: the first whose bound it reaches. None for an unmeasured PK (every
    /// indicator TDI or without an accepted value): it cannot be judged yet ("belum dapat dinilai").
    public func suggestion(for capaian: FixedDecimal?) -> Int? {
        guard let capaian else { return nil }
        return bands.firstIndex { band in band.lowerBound.map { capaian >= $0 } ?? true } ?? bands.count - 1
    }

    /// The category of this name (as the form sends it), or nil.
    public func index(named name: String) -> Int? {
        let key = name.trimmingSpaces().lowercased()
        return bands.firstIndex { $0.name.id.trimmingSpaces().lowercased() == key }
    }

    /// The colour a category is shown with (always beside its name): the best green, the worst red.
    public func tone(of index: Int) -> Tone {
        index == 0 ? .good : index >= bands.count - 1 ? .bad : .fair
    }

    /// The settings form read whole: each row's lower bound as typed (`72,5`, empty for the last), its Indonesian name
    /// and its English one (empty: the Indonesian). Rows left wholly empty are skipped; every finding is kept, on the
    /// row the form numbers.
    public static func parse(rows: [(bound: String, name: String, nameEn: String)]) -> Result<PenilaianCategories, RuleViolations> {
        var bands: [PenilaianCategory] = []
        var problems: [RuleViolation] = []
        var numbers: [Int] = []
        for (index, row) in rows.prefix(maximumCount + 1).enumerated() {
            let bound = row.bound.trimmingSpaces(), name = row.name.trimmingSpaces(), nameEn = row.nameEn.trimmingSpaces()
            guard !(bound.isEmpty && name.isEmpty && nameEn.isEmpty) else { continue }
            let number = index + 1
            var value: FixedDecimal?
            if !bound.isEmpty {
                do throws(RuleViolation) {
                    value = try NumberInput.parse(String(bound.prefix(Limits.shortText)), field: .row(number, .bands)).value
                } catch {
                    // Left without a bound for the whole's check below, which then does not report it again.
                    problems.append(error)
                }
            }
            numbers.append(number)
            bands.append(PenilaianCategory(from: value, name: Message(id: name, en: nameEn.isEmpty ? name : nameEn)))
        }
        if rows.count > maximumCount + 1 {
            problems.append(RuleViolation(code: "penilaian.count", field: .bands,
                message: Message(id: "Paling banyak \(maximumCount) kategori.", en: "At most \(maximumCount) categories.")))
        }
        do throws(RuleViolations) {
            let categories = try PenilaianCategories(bands)
            return problems.isEmpty ? .success(categories) : .failure(RuleViolations(problems))
        } catch {
            // The whole's findings name rows by their place among the rows kept; the form numbers every row.
            let renumbered = error.all.map { v -> RuleViolation in
                guard case .row(let n, let inner)? = v.field, numbers.indices.contains(n - 1) else { return v }
                return v.at(.row(numbers[n - 1], inner))
            }
            let unreadable = Set(problems.compactMap(\.field))
            return .failure(RuleViolations(problems + renumbered.filter { v in
                // A bound that did not read as a number is reported once, as typed, not again as missing.
                !(v.code == "penilaian.bound" && v.field.map(unreadable.contains) == true)
            }))
        }
    }
}

/// One recording of an official's evaluation, as checked before it is written.
public struct PenilaianDecision: Sendable, Hashable {
    /// The category chosen (its place among the Pemda's categories) and the one the rule suggested.
    public var index: Int
    public var category: PenilaianCategory
    public var suggested: Int?
    public var note: String

    /// Whether the evaluator chose otherwise than the rule (or judged a PK that the rule cannot).
    public var differs: Bool { index != suggested }
}

/// What a recording must satisfy: a category of the Pemda's, a note (the evaluator's words, required and bounded),
/// and a note that explains itself where the category is not the one suggested.
public enum PenilaianRules {
    public static let noteMinimum = 10
    public static let noteMaximum = 2000
    /// The note that explains a category other than the suggested one.
    public static let explainedMinimum = 40

    public static func check(category raw: String, note rawNote: String, categories: PenilaianCategories,
                             suggested: Int?) -> Result<PenilaianDecision, RuleViolations>
    {
        var problems: [RuleViolation] = []
        let name = String(raw.prefix(PenilaianCategories.maximumNameLength * 2))
        let index = categories.index(named: name)
        if index == nil {
            problems.append(RuleViolation(code: "penilaian.category", field: .decision,
                message: name.trimmingSpaces().isEmpty
                    ? Message(id: "Pilih kategori penilaian.", en: "Choose a category.")
                    : Message(id: "Kategori \"\(name)\" tidak dikenal: pilih salah satu kategori Pemda.",
                              en: "Unknown category \"\(name)\": choose one of the Pemda's categories.")))
        }
        let note = rawNote.trimmingSpaces()
        let label = Message(id: "Catatan penilai", en: "The evaluator's note")
        do throws(RuleViolation) {
            try Required.text(note, field: .note, label: label, max: noteMaximum)
            let differs = index != nil && index != suggested
            let minimum = differs ? explainedMinimum : noteMinimum
            if note.count < minimum {
                throw RuleViolation(code: differs ? "penilaian.explain" : "penilaian.noteShort", field: .note,
                    message: differs
                        ? Message(id: suggested == nil
                                      ? "PK ini belum dapat dinilai dari capaiannya: catatan harus menjelaskan dasar kategori yang dipilih (paling sedikit \(minimum) karakter, tertulis \(note.count))."
                                      : "Kategori berbeda dari saran: catatan harus menjelaskan alasannya (paling sedikit \(minimum) karakter, tertulis \(note.count)).",
                                  en: suggested == nil
                                      ? "This PK cannot be judged from its capaian yet: the note must explain the category chosen (at least \(minimum) characters, got \(note.count))."
                                      : "The category differs from the suggestion: the note must explain why (at least \(minimum) characters, got \(note.count)).")
                        : Message(id: "Catatan penilai terlalu pendek: paling sedikit \(minimum) karakter (tertulis \(note.count)).",
                                  en: "The evaluator's note is too short: at least \(minimum) characters (got \(note.count))."))
            }
        } catch {
            problems.append(error)
        }
        guard problems.isEmpty, let index else { return .failure(RuleViolations(problems)) }
        return .success(PenilaianDecision(index: index, category: categories.bands[index], suggested: suggested, note: note))
    }
}
