import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// `/api/v1/pemda/{code}/penilaian`: every official with a PK in force (every level but the Kepala Daerah), the PK's
/// capaian, the category the Pemda's bands give it and every recording of the year, newest first. The same
/// `PenilaianController.Board` as the pages.
extension APIController {
    struct PenilaianCategoryJSON: Encodable {
        var rank: Int
        var name: String
        var nameEn: String
        /// The least capaian of the category; null for the last, which takes the rest.
        var from: String?
    }

    struct PenilaianRecordJSON: Encodable {
        var seq: Int
        var recordedAt: Date
        var recordedBy: String
        var pegawaiId: UUID?
        var pegawai: String
        var nip: String?
        var pkId: UUID
        var pkVersion: Int
        var through: Int
        var capaian: String?
        var predikat: String?
        var suggested: String?
        var category: String
        var categoryRank: Int
        var note: String
    }

    struct PenilaianLineJSON: Encodable {
        var jabatanId: UUID
        var jabatan: String
        var unitId: UUID?
        var level: String
        var pkId: UUID
        var pkVersion: Int
        var pegawai: String?
        var nip: String?
        var capaian: String?
        var forecast: String?
        var predikat: String?
        var suggested: String?
        var recorded: PenilaianRecordJSON?
        var history: [PenilaianRecordJSON]
    }

    struct PenilaianList: Encodable {
        var year: Int
        var through: Int
        var standardCategories: Bool
        var categories: [PenilaianCategoryJSON]
        var data: [PenilaianLineJSON]
    }

    @Sendable func penilaian(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let board = try await PenilaianController.board(req, pemda: pemda)
        let y = board.year
        func record(_ r: PenilaianRecord) -> PenilaianRecordJSON {
            PenilaianRecordJSON(seq: r.seq, recordedAt: r.recordedAt, recordedBy: r.recordedByName, pegawaiId: r.pegawaiID,
                                pegawai: r.pegawaiName, nip: r.pegawaiNip, pkId: r.pkID, pkVersion: r.pkVersion, through: r.through,
                                capaian: r.capaian?.description, predikat: r.predikat, suggested: r.suggested?.id, category: r.category.id,
                                categoryRank: r.categoryRank + 1, note: r.note)
        }
        let data = board.lines.map { line in
            let holder = PenilaianReport.official(y, line.pk.jabatanID)
            return PenilaianLineJSON(
                jabatanId: line.pk.jabatanID, jabatan: KinerjaParts.positionName(y, line.pk.jabatanID), unitId: line.pk.unitID,
                level: line.pk.level.rawValue, pkId: line.pk.id, pkVersion: line.pk.version,
                pegawai: holder.map { $0.kind.signaturePrefix + $0.name }, nip: holder?.nip,
                capaian: line.capaian.capaian?.description, forecast: line.forecast?.description, predikat: line.predikat?.label.id,
                suggested: line.suggested.map { board.categories.bands[$0].name.id },
                recorded: line.newest.map(record), history: board.penilaian.history(line.pk.jabatanID).map(record))
        }
        return try JSONResponse.make(PenilaianList(
            year: y.year, through: y.figures.through, standardCategories: board.penilaian.isStandard,
            categories: board.categories.bands.enumerated().map { i, band in
                PenilaianCategoryJSON(rank: i + 1, name: band.name.id, nameEn: band.name.en, from: band.lowerBound?.description)
            },
            data: data))
    }
}
