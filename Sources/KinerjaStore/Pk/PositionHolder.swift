import FluentKit
import Foundation
import KinerjaCore

/// Who holds a position on a day: the definitive holder, or else a Plt, or else a Plh.
public struct PositionHolder: Sendable, Hashable {
    public var pegawaiID: UUID
    public var name: String
    public var nip: String?
    public var pangkat: String
    public var kind: PenugasanKind

    public static func find(jabatanID: UUID, on day: CalendarDate, db: any Database) async throws -> PositionHolder? {
        let assignments = try await Penugasan.query(on: db).filter(\.$jabatan.$id == jabatanID).all().filter {
            guard let span = $0.span else { return false }
            return span.start <= day && (span.end.map { day <= $0 } ?? true)
        }
        let order: [PenugasanKind] = [.definitif, .plt, .plh]
        guard let chosen = assignments.min(by: { order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! }),
            let pegawai = try await Pegawai.find(chosen.$pegawai.id, on: db)
        else { return nil }
        return PositionHolder(pegawaiID: try pegawai.requireID(), name: pegawai.name, nip: pegawai.nip,
                              pangkat: pegawai.pangkat, kind: chosen.kind)
    }

    /// The signer as printed: a Plt/Plh signs with the prefix before the position's name.
    public func signer(jabatanName: String) -> PkSigner {
        PkSigner(name: name, nip: nip, pangkat: pangkat, jabatan: kind.signaturePrefix + jabatanName)
    }
}
