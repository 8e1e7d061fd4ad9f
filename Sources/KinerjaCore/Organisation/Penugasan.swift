/// How a person holds a position: definitively, or as Plt (Pelaksana Tugas) or Plh (Pelaksana Harian), who sign
/// "Plt." / "Plh." before the position's name.
public enum PenugasanKind: String, Sendable, Hashable, Codable, CaseIterable {
    case definitif
    case plt
    case plh

    public var signaturePrefix: String {
        switch self {
        case .definitif: ""
        case .plt: "Plt. "
        case .plh: "Plh. "
        }
    }
}

/// A stretch of time during which someone holds a position; `end` is inclusive, nil while it lasts.
public struct PenugasanSpan: Sendable, Hashable {
    public var kind: PenugasanKind
    public var start: CalendarDate
    public var end: CalendarDate?

    public init(kind: PenugasanKind, start: CalendarDate, end: CalendarDate?) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    public func overlaps(_ other: PenugasanSpan) -> Bool {
        let startsBeforeOtherEnds = other.end.map { start <= $0 } ?? true
        let otherStartsBeforeThisEnds = end.map { other.start <= $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }
}

public enum PenugasanRules {
    /// A span ends on or after it starts.
    public static func checkSpan(_ span: PenugasanSpan) throws(RuleViolation) {
        if let end = span.end, end < span.start {
            throw RuleViolation(code: "penugasan.endBeforeStart", field: .end,
                message: Message(id: "Tanggal selesai (\(IDFormat.date(end))) lebih awal dari tanggal mulai (\(IDFormat.date(span.start))).",
                                 en: "The end date (\(end)) is before the start date (\(span.start))."))
        }
    }

    /// A position has at most one definitive holder at a time, and a person holds at most one definitive position at a
    /// time. Plt and Plh may overlap a definitive holder (a Plh stands in while the holder is away).
    public static func checkDefinitiveOverlap(_ new: PenugasanSpan, samePosition: [PenugasanSpan],
                                              samePerson: [PenugasanSpan]) throws(RuleViolation)
    {
        try checkSpan(new)
        guard new.kind == .definitif else { return }
        if let clash = samePosition.first(where: { $0.kind == .definitif && $0.overlaps(new) }) {
            throw RuleViolation(.conflict, code: "penugasan.positionOverlap", field: .start,
                message: Message(
                    id: "Jabatan ini sudah dijabat secara definitif sejak \(IDFormat.date(clash.start))\(clash.end.map { " sampai \(IDFormat.date($0))" } ?? ""). Akhiri penugasan itu dulu, atau tetapkan sebagai Plt/Plh.",
                    en: "This position already has a definitive holder from \(clash.start)\(clash.end.map { " to \($0)" } ?? ""). End that assignment first, or make this one Plt/Plh."))
        }
        if let clash = samePerson.first(where: { $0.kind == .definitif && $0.overlaps(new) }) {
            throw RuleViolation(.conflict, code: "penugasan.personOverlap", field: .pegawai,
                message: Message(
                    id: "Pegawai ini sudah memegang jabatan definitif lain sejak \(IDFormat.date(clash.start)). Seorang pegawai hanya boleh satu jabatan definitif pada satu waktu.",
                    en: "This employee already holds another definitive position from \(clash.start). One definitive position at a time."))
        }
    }
}

extension PenugasanSpan {
    /// Whether the span covers the day (both ends included).
    public func covers(_ day: CalendarDate) -> Bool { start <= day && (end.map { day <= $0 } ?? true) }

    /// Who signs for a position on a day among its assignments: the definitive holder, or else a Plt, or else a Plh
    /// (a Plh stands in while the holder is away, but the holder still signs). The one rule for every page and writer.
    public static func signer<T>(among assignments: [T], on day: CalendarDate, span: (T) -> PenugasanSpan) -> T? {
        assignments.filter { span($0).covers(day) }.min { rank(span($0).kind) < rank(span($1).kind) }
    }

    /// Everyone in office on the day, the signer first.
    public static func inOffice<T>(among assignments: [T], on day: CalendarDate, span: (T) -> PenugasanSpan) -> [T] {
        assignments.filter { span($0).covers(day) }.sorted { rank(span($0).kind) < rank(span($1).kind) }
    }

    static func rank(_ kind: PenugasanKind) -> Int { PenugasanKind.allCases.firstIndex(of: kind) ?? 0 }
}
