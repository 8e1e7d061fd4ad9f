/// The input a rule speaks about (named so beside FluentKit's `@Field`), by its meaning in the domain. Forms give their inputs their own names; the web
/// layer maps an `InputField` to the name of the input on the form at hand (`FieldNames` in App), and the API reports
/// `key`.
public indirect enum InputField: Sendable, Hashable, Codable {
    // Identity and organisation
    case code, name, kind, parent, level, eselon, superior, unit, position, pegawai, nip, pangkat, title, seat
    case pemda, scale, cap, bidang
    // Accounts
    case username, displayName, roles, password, passwordRepeat, currentPassword, active, totpCode
    // Plans
    case period, visi, misi, tujuan, sasaran, rpjmd, renstra, renstraItem, indikator, satuan, polarity, aggregation
    case entryMode, reporting, negativeFormula, ordinalRule, weight, baseline, baselineYear, definition, measurement, dataSource, tags, pagu, rkt
    case legalNumber, legalDate, legalBasis, decree, perda, startYear, endYear, version, text, months, bands
    // Dates and schedules
    case year, date, start, end, stage, opensOn, closesOn, until, receivedOn, reminderDays
    // Targets and PK
    case target, targetLower, targetUpper, realisasi, links, amount, reason, ground, party, place, template, logo, note
    // Realisation
    case confidence, forecast, supporting, obstacles, followUp, judgement, file, decision
    case quarter(Int)
    case band(Int)
    /// A field of row `n` (1-based, as the page numbers rows) of a table sent as a whole.
    case row(Int, InputField)
    /// A field of the row with a stable key (a PK row keeps its key from version to version).
    case keyed(String, InputField)

    /// A stable machine name: `target`, `quarter.2`, `row.3.target`.
    public var key: String {
        switch self {
        case .quarter(let n): return "quarter.\(n)"
        case .band(let n): return "band.\(n)"
        case .row(let n, let field): return "row.\(n).\(field.key)"
        case .keyed(let k, let field): return "key.\(k).\(field.key)"
        default: return String(describing: self)
        }
    }

    /// The field without its row, and the row.
    public var unrowed: (field: InputField, row: Int?) {
        if case .row(let n, let field) = self { return (field, n) }
        return (self, nil)
    }
}

extension InputField {
    /// How a message names the value it speaks of ("Target wajib diisi dengan angka."), in both languages.
    public var label: Message {
        switch self {
        case .target: Message(id: "target", en: "the target")
        case .targetLower: Message(id: "batas bawah target", en: "the lower bound of the target")
        case .targetUpper: Message(id: "batas atas target", en: "the upper bound of the target")
        case .realisasi: Message(id: "realisasi", en: "the realisation")
        case .forecast: Message(id: "prakiraan akhir tahun", en: "the year-end forecast")
        case .judgement: Message(id: "nilai capaian", en: "the capaian given")
        case .quarter(let n): Message(id: "target TW \(IDFormat.roman(n))", en: "the Q\(n) target")
        case .amount: Message(id: "anggaran", en: "the budget")
        case .pagu: Message(id: "pagu", en: "the ceiling")
        case .baseline: Message(id: "kondisi awal", en: "the baseline")
        case .weight: Message(id: "bobot", en: "the weight")
        case .row(let n, let field): Message(id: "\(field.label.id) baris \(n)", en: "\(field.label.en) of row \(n)")
        case .keyed(_, let field): field.label
        default: Message(id: "nilai", en: "the value")
        }
    }
}
