import FluentKit
import Foundation
import KinerjaCore

extension PemdaWriter {
    /// Ends an assignment on `day` (its last day in office), as when a successor takes the position.
    public func endAssignment(id: UUID, on day: CalendarDate) async throws {
        try await transaction { w in
            let penugasan = try await w.owned(Penugasan.self, id, field: .end)
            guard let span = penugasan.span else { return }
            try PenugasanRules.checkSpan(PenugasanSpan(kind: span.kind, start: span.start, end: day))
            try await w.update(penugasan) { $0.endDate = day.description }
        }
    }
}
extension Penugasan: TenantOwned { var pemdaID: UUID { $pemda.id } }
