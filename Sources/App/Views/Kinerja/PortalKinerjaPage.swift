import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// The public face of the year: the capaian of the Pemda's IKU, from the published Kepala Daerah PK and accepted
/// values only. Nothing of a unit's work in progress is shown.
enum PortalKinerjaPage {
    struct Model: Sendable {
        var year: KinerjaController.Year
        /// The Kepala Daerah PK the public sees, measured; nil when none is published.
        var shown: Shown?
    }

    /// A published Kepala Daerah PK with its figures: the PK in force, or while its PK Perubahan is signed but not
    /// published yet, the newest published version, measured by the same accepted values.
    struct Shown: Sendable {
        var pk: CapaianBoard.Pk
        var rows: [CapaianBoard.Row]
        var sheet: CapaianSheet?
        var indicators: [String: IndicatorCapaian]
        var inForce: Bool

        init(pk: CapaianBoard.Pk, rows: [CapaianBoard.Row], sheet: CapaianSheet?, inForce: Bool) {
            self.pk = pk
            self.rows = rows
            self.sheet = sheet
            self.indicators = Dictionary((sheet?.indicators ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            self.inForce = inForce
        }

        /// What the figures of the year give for the public.
        static func of(_ y: KinerjaController.Year, published older: (pk: CapaianBoard.Pk, rows: [CapaianBoard.Row])?) -> Shown? {
            let f = y.figures
            if let pk = f.ikuPk, pk.status == .diterbitkan {
                return Shown(pk: pk, rows: f.rows(of: pk.id), sheet: f.sheet(pk.id), inForce: true)
            }
            guard let older else { return nil }
            let engine = y.pemda.capaianEngine
            return Shown(pk: older.pk, rows: older.rows,
                         sheet: engine.sheet(older.rows.map(f.board.measurement), through: f.through), inForce: false)
        }
    }

    static func render(_ m: Model) -> String {
        let y = m.year
        let pemda = PemdaRef(y.pemda)
        let here = SiteURL.portalKinerja(.value(pemda.code))
        return Layout.page(title: L("Capaian IKU \(pemda.name) \(y.year)", "IKU capaian, \(pemda.name) \(y.year)"), pemda: pemda, body: .group(
            .h1(.text(L("Capaian Indikator Kinerja Utama \(pemda.name) \(y.year)", "Key performance indicators, \(pemda.name) \(y.year)"))),
            .p(.class("lead"), .text(L("Dari Perjanjian Kinerja Kepala Daerah yang diterbitkan; hanya nilai yang sudah diverifikasi.",
                                       "From the regional head's published performance agreement; verified values only.")),
               .text(" "), .a(.id("ke-pohon"), .href(SiteURL.portalPohon(.value(pemda.code)).url(KinerjaParts.tahunTw(y))),
                              .text(L("Pohon kinerja", "Performance tree")))),
            KinerjaParts.quarterSwitch(y) { here.url(KinerjaParts.tahunTw(y, $0)) },
            .unwrap(m.shown, { shown in body(y, shown) }, else: .p(.class("muted"), .id("portal-kinerja-kosong"),
                .text(L("PK Kepala Daerah yang berlaku tahun ini belum diterbitkan.", "The regional head's PK in force this year is not published yet."))))))
    }

    static func body(_ y: KinerjaController.Year, _ shown: Shown) -> Node<HTML.BodyContext> {
        let pk = shown.pk
        let rows = shown.rows
        let sheet = shown.sheet
        let bars = rows.map { row in
            let c = shown.indicators[row.key]
            return SvgChart.Bar(label: row.indikator, value: c?.toDate.capaian.capped, tone: KinerjaParts.tone(c?.predikat),
                                missingLabel: c?.toDate.capaian.status == .tdi ? "TDI" : L("belum ada data", "no data yet"))
        }
        let svg = SvgChart.rankedBars(id: "chart-portal-iku", title: L("Capaian IKU", "IKU capaian"),
                                      description: L("Capaian setiap IKU s.d. \(Triwulan.label(y.figures.through)).", "Each IKU's capaian to \(Triwulan.label(y.figures.through))."),
                                      bars: bars, reference: FixedDecimal(100))
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("portal-iku"),
            .thead(.tr(.th(.text("Sasaran")), .th(.text(L("Indikator", "Indicator"))), .th(.class("num"), .text("Target")),
                       .th(.class("num"), .text(L("Realisasi s.d.", "To date"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                       .th(.text("Predikat")))),
            .tbody(.forEach(rows) { row in
                let c = shown.indicators[row.key]
                return .tr(.td(.text(row.sasaran)), .td(.text(row.indikator)),
                           .td(.class("num"), .text(TargetDisplay.text(row.target, spec: row.spec) + " " + row.satuan)),
                           .td(.class("num"), .text(c.map { RealisasiSections.value($0.toDate.realisasi.value, spec: row.spec) } ?? "–")),
                           .td(.class("num"), .attribute(named: "data-capaian", value: c?.toDate.capaian.capped?.description ?? "", ignoreIfValueIsEmpty: false),
                               .text(c.map { KinerjaParts.result($0.toDate.capaian) } ?? "–")),
                           .td(KinerjaParts.badge(c?.predikat)))
            }))
        return .group(
            .if(!shown.inForce, .p(.class("notice"), .id("portal-kinerja-perubahan"),
                .text(L("PK Perubahan Kepala Daerah sudah ditandatangani dan menunggu diterbitkan; yang ditampilkan adalah PK terbit terakhir (\(pk.version == 1 ? "PK induk" : "Perubahan \(pk.version - 1)")), diukur dengan nilai yang sudah diverifikasi.",
                        "The regional head's revised PK is signed and awaits publication; shown is the last published PK (\(pk.version == 1 ? "the original" : "revision \(pk.version - 1)")), measured by verified values.")))),
            .p(.id("portal-kinerja-total"), .attribute(named: "data-capaian", value: sheet?.total.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
               .strong(.text(L("Capaian PK Kepala Daerah: ", "The regional head's PK: ") + KinerjaParts.percent(sheet?.total.capaian))),
               .text(" "), KinerjaParts.badge(sheet?.predikat)),
            KinerjaParts.figure(id: "fig-portal-iku", caption: L("TDI (data tidak tersedia) tidak dihitung sebagai 0.", "TDI (no data) is never counted as 0."),
                                svg: svg, table: table),
            .p(.a(.href(SiteURL.verify(.value(pk.id))), .text(L("Dokumen PK dan verifikasinya", "The PK document and its verification")))))
    }
}
