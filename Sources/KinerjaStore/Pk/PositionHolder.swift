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

    /// Every position's holder on a day, in two queries: for pages that ask about many positions.
    public static func all(pemdaID: UUID, on day: CalendarDate, db: any Database) async throws -> [UUID: PositionHolder] {
        let assignments = try await Penugasan.query(on: db).filter(\.$pemda.$id == pemdaID).all().filter {
            guard let span = $0.span else { return false }
            return span.start <= day && (span.end.map { day <= $0 } ?? true)
        }
        let people = Dictionary(try await Pegawai.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { ($0.id!, $0) },
                                uniquingKeysWith: { a, _ in a })
        var out: [UUID: PositionHolder] = [:]
        for (jabatanID, held) in Dictionary(grouping: assignments, by: { $0.$jabatan.id }) {
            guard let chosen = held.min(by: { order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! }),
                let pegawai = people[chosen.$pegawai.id]
            else { continue }
            out[jabatanID] = PositionHolder(pegawaiID: pegawai.id!, name: pegawai.name, nip: pegawai.nip,
                                            pangkat: pegawai.pangkat, kind: chosen.kind)
        }
        return out
    }

    static let order: [PenugasanKind] = [.definitif, .plt, .plh]

    public static func find(jabatanID: UUID, on day: CalendarDate, db: any Database) async throws -> PositionHolder? {
        let assignments = try await Penugasan.query(on: db).filter(\.$jabatan.$id == jabatanID).all().filter {
            guard let span = $0.span else { return false }
            return span.start <= day && (span.end.map { day <= $0 } ?? true)
        }
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
