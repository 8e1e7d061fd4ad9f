import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// The evaluation of the heads of units (penilaian pimpinan): every official with a PK in force, its capaian from the
/// year's `KinerjaFigures`, the category the Pemda's bands suggest, and what the evaluator recorded; a scorecard per
/// official (page and PDF) with the recording form; the Pemda's category bands for its Admin.
struct PenilaianController: Sendable {
    /// One official's line: the PK in force and its figures, the suggestion, the newest recording.
    struct Line: Sendable {
        var pk: CapaianBoard.Pk
        var capaian: RollupResult
        var forecast: FixedDecimal?
        var predikat: PredikatBand?
        /// The category the bands give the capaian; nil: it cannot be judged yet.
        var suggested: Int?
        var newest: PenilaianRecord?
    }

    /// What the list, the scorecard, the PDF and the API start from.
    struct Board: Sendable {
        var year: KinerjaController.Year
        var penilaian: PenilaianYear
        /// Every PK in force but the Kepala Daerah's, by level, then the unit tree, then the position's name.
        var lines: [Line]

        var categories: PenilaianCategories { penilaian.categories }

        func line(_ jabatanID: UUID) -> Line? { lines.first { $0.pk.jabatanID == jabatanID } }
    }

    static func board(_ req: Request, pemda: PemdaInfo) async throws -> Board {
        let y = try await KinerjaController.load(req, pemda: pemda)
        let penilaian = try await PenilaianYear.load(pemdaID: pemda.id, year: y.year, on: req.db)
        let f = y.figures
        let place = Dictionary(y.organisation.unitTree.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lines = f.board.pks.filter { $0.level != .pemda }
            .map { pk -> Line in
                let capaian = f.path(pk.id)?.at(f.through) ?? Rollup.mean([])
                return Line(pk: pk, capaian: capaian, forecast: f.path(pk.id)?.forecast.capaian, predikat: f.predikat(capaian.capaian),
                            suggested: penilaian.categories.suggestion(for: capaian.capaian), newest: penilaian.newest(pk.jabatanID))
            }
            .sorted { a, b in
                if a.pk.level.rank != b.pk.level.rank { return a.pk.level.rank < b.pk.level.rank }
                let (pa, pb) = (a.pk.unitID.flatMap { place[$0] } ?? Int.max, b.pk.unitID.flatMap { place[$0] } ?? Int.max)
                if pa != pb { return pa < pb }
                let (na, nb) = (KinerjaParts.positionName(y, a.pk.jabatanID), KinerjaParts.positionName(y, b.pk.jabatanID))
                return na != nb ? na < nb : a.pk.jabatanID.uuidString < b.pk.jabatanID.uuidString
            }
        return Board(year: y, penilaian: penilaian, lines: lines)
    }

    /// `?tingkat=`: one PK level, or `semua`; Eselon II (the heads of the Perangkat Daerah) by default.
    static func level(_ req: Request) -> PkLevel? {
        let asked = req.query[String.self, at: "tingkat"].map { String($0.prefix(16)) }
        if asked == "semua" { return nil }
        return asked.flatMap(PkLevel.init(rawValue:)).flatMap { $0 == .pemda ? nil : $0 } ?? .jpt
    }

    static func jabatan(_ req: Request) throws -> UUID {
        guard let text = req.parameters.get(SiteURL.Key.jabatan), text.utf8.count == 36, let id = UUID(uuidString: text) else {
            throw Abort(.notFound)
        }
        return id
    }

    // MARK: the list and the category bands

    /// The bands form: `batas[n]`, `nama[n]`, `namaEn[n]` for rows 1 … `PenilaianCategories.maximumCount`.
    struct CategoryForm: Content {
        var batas: [String: String]?
        var nama: [String: String]?
        var namaEn: [String: String]?
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let board = try await Self.board(req, pemda: pemda)
        return HTMLResponse.make(PenilaianPage.render(PenilaianPage.Model(board: board, level: Self.level(req), allLevels: Self.asksAll(req),
                                                                          categoryValues: nil, errors: FormErrors(), csrf: req.csrfToken)))
    }

    static func asksAll(_ req: Request) -> Bool { req.query[String.self, at: "tingkat"].map { $0.prefix(16) == "semua" } ?? false }

    @Sendable func saveCategories(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.update, Subject(.penilaian, pemda: pemda.code))
        let form = try req.content.decode(CategoryForm.self)
        // Only the rows the form offers are read, each value bounded before it is looked at.
        func cell(_ values: [String: String]?, _ row: Int) -> String { String((values?[String(row)] ?? "").prefix(Limits.shortText)) }
        let rows = (1...PenilaianCategories.maximumCount).map { row in
            (bound: cell(form.batas, row), name: cell(form.nama, row), nameEn: cell(form.namaEn, row))
        }
        do {
            try await req.writer(for: pemda).setPenilaianCategories(rows: rows)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .pimpinan).url(["tahun": String(req.year(in: pemda))]).appending("#kategori"))
        } catch let violation as any Refusal {
            let board = try await Self.board(req, pemda: pemda)
            return HTMLResponse.make(PenilaianPage.render(PenilaianPage.Model(
                board: board, level: Self.level(req), allLevels: Self.asksAll(req), categoryValues: rows,
                errors: FormErrors(violation.violations, names: .penilaianKategori), csrf: req.csrfToken)), status: violation.status)
        }
    }

    // MARK: the scorecard

    struct RecordForm: Content {
        var kategori: String?
        var catatan: String?
    }

    @Sendable func card(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let jabatan = try Self.jabatan(req)
        let board = try await Self.board(req, pemda: pemda)
        guard let line = board.line(jabatan) else { throw Abort(.notFound) }
        return HTMLResponse.make(PenilaianCardPage.render(PenilaianCardPage.Model(
            board: board, line: line, report: PenilaianReport.make(board, line: line, made: Fmt.moment(req.now, zone: pemda.zone)),
            values: nil, errors: FormErrors(), csrf: req.csrfToken)))
    }

    @Sendable func record(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.create, Subject(.penilaian, pemda: pemda.code))
        let jabatan = try Self.jabatan(req)
        let year = try req.requestedYear(in: pemda)
        let board = try await Self.board(req, pemda: pemda)
        guard let line = board.line(jabatan) else { throw Abort(.notFound) }
        let form = try req.content.decode(RecordForm.self)
        let category = String((form.kategori ?? "").prefix(Limits.shortText))
        let note = String((form.catatan ?? "").prefix(PenilaianRules.noteMaximum + 1))
        let account = try req.requireAccount()
        do {
            try await req.writer(for: pemda).recordPenilaian(
                PenilaianInput(year: year, jabatanID: jabatan, category: category, note: note, recorderName: account.displayName),
                figures: board.year.figures)
            let query: KeyValuePairs<String, String?> = ["tahun": String(year), "tw": String(board.year.figures.through)]
            return req.redirectSaved(to: SiteURL.of(pemda.code, .pimpinanKartu(.value(jabatan))).url(query))
        } catch let violation as any Refusal {
            return HTMLResponse.make(PenilaianCardPage.render(PenilaianCardPage.Model(
                board: board, line: line, report: PenilaianReport.make(board, line: line, made: Fmt.moment(req.now, zone: pemda.zone)),
                values: (category, note), errors: FormErrors(violation.violations, names: .penilaian), csrf: req.csrfToken)),
                status: violation.status)
        }
    }

    @Sendable func pdf(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let jabatan = try Self.jabatan(req)
        let board = try await Self.board(req, pemda: pemda)
        guard let line = board.line(jabatan) else { throw Abort(.notFound) }
        let bytes = try TabularReportPdf.render(PenilaianReport.make(board, line: line, made: Fmt.moment(req.now, zone: pemda.zone)))
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        let unit = line.pk.unitID.flatMap { board.year.organisation.units[$0]?.code } ?? pemda.code
        headers.setDisposition("inline", filename: "Penilaian-\(board.year.year)-TW\(board.year.figures.through)-\(unit)-\(line.pk.level.rawValue).pdf")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }
}

extension FieldNames {
    /// The category bands: `batas[n]`, `nama[n]`, `namaEn[n]` of row n.
    static let penilaianKategori = FieldNames(custom: { field in
        switch field {
        case .row(let n, .bands): "batas[\(n)]"
        case .row(let n, .name): "nama[\(n)]"
        case .row(let n, .text): "namaEn[\(n)]"
        default: nil
        }
    })

    /// The recording form: `kategori` and `catatan`.
    static let penilaian = FieldNames(overrides: [.decision: "kategori", .note: "catatan"])
}
