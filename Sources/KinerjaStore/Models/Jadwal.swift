import FluentKit
import Foundation
import KinerjaCore

/// A Pemda's window for one stage of one year; outside it the stage's data is read-only.
public final class Jadwal: Model, @unchecked Sendable {
    public static let schema = "jadwal"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Field(key: "year") public var year: Int
    @Field(key: "stage") public var stage: JadwalStage
    /// ISO `yyyy-mm-dd`, inclusive.
    @Field(key: "opens") public var opens: String
    @Field(key: "closes") public var closes: String
    @OptionalField(key: "reopened_until") public var reopenedUntil: String?
    @OptionalField(key: "reopen_reason") public var reopenReason: String?

    public init() {}

    public init(pemdaID: UUID, year: Int, window: JadwalWindow) {
        self.$pemda.id = pemdaID
        self.year = year
        self.stage = window.stage
        self.opens = window.opens.description
        self.closes = window.closes.description
        self.reopenedUntil = window.reopenedUntil?.description
    }

    public var window: JadwalWindow? {
        guard let opens = CalendarDate(iso: opens), let closes = CalendarDate(iso: closes) else { return nil }
        return try? JadwalWindow(stage: stage, opens: opens, closes: closes,
                                 reopenedUntil: reopenedUntil.flatMap(CalendarDate.init(iso:)))
    }
}
