import FluentKit
import Foundation
import KinerjaCore

/// Who holds which position from when to when, definitively or as Plt/Plh. Dates are ISO `yyyy-mm-dd` text: they are
/// calendar days of decrees, with no time zone to drift.
public final class Penugasan: Model, @unchecked Sendable {
    public static let schema = "penugasan"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "jabatan_id") public var jabatan: Jabatan
    @Parent(key: "pegawai_id") public var pegawai: Pegawai
    @Field(key: "kind") public var kind: PenugasanKind
    @Field(key: "start_date") public var startDate: String
    @OptionalField(key: "end_date") public var endDate: String?
    /// The decree (SK) number.
    @Field(key: "decree") public var decree: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, jabatanID: UUID, pegawaiID: UUID, kind: PenugasanKind,
                start: CalendarDate, end: CalendarDate?, decree: String)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$jabatan.id = jabatanID
        self.$pegawai.id = pegawaiID
        self.kind = kind
        self.startDate = start.description
        self.endDate = end?.description
        self.decree = decree
    }

    public var span: PenugasanSpan? {
        guard let start = CalendarDate(iso: startDate) else { return nil }
        return PenugasanSpan(kind: kind, start: start, end: endDate.flatMap(CalendarDate.init(iso:)))
    }
}
