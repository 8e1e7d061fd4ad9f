import Foundation
import KinerjaCore

/// The rows of one demo Pemda, made in memory and validated by KinerjaCore before anything is written.
struct DemoPlan {
    let pemdaID: UUID
    let pemdaName: String
    let kind: PemdaKind
    let year: Int
    let index: NomenklaturIndex
    var random: SeededRandom
    var people: DemoPeople
    let batch = DemoBatch()

    let periodYears = 2025...2029
    var sasaranRpjmdByNumber: [Int: UUID] = [:]
    var kepalaDaerahJabatan: UUID?

    /// - Parameter nipSerial: a generated Pemda's NIP serial (`DemoPeople.serial`); nil for Kota Contoh.
    init(pemdaID: UUID, pemdaName: String, kind: PemdaKind, year: Int, index: NomenklaturIndex, seed: UInt64, nipSerial: Int? = nil) {
        self.pemdaID = pemdaID
        self.pemdaName = pemdaName
        self.kind = kind
        self.year = year
        self.index = index
        self.random = SeededRandom(seed: seed)
        self.people = DemoPeople(seed: seed &+ 1, serial: nipSerial)
    }

    mutating func make() throws {
        let periodeID = try makeRpjmd()
        try makeKepalaDaerah()
        var order = 0
        for opd in DemoCatalog.opd {
            order += 1
            try makeOpd(opd, periodeID: periodeID, order: order)
        }
        for (number, name) in DemoCatalog.kecamatan.enumerated() {
            order += 1
            let code = "7.01.0.00.0.00.01.\(String(format: "%04d", number + 1))"
            let opd = DemoCatalog.Opd(code: code, name: "Kecamatan \(name)", kind: .kecamatan, bidang: ["7.01"], sasaran: [
                DemoCatalog.s("Meningkatnya kualitas pelayanan kecamatan", "Indeks kepuasan masyarakat terhadap layanan kecamatan",
                              "indeks", .index, base: "80.5", step: "0.6", rpjmd: 9),
            ])
            try makeOpd(opd, periodeID: periodeID, order: order)
        }
    }

    // MARK: RPJMD

    mutating func makeRpjmd() throws -> UUID {
        let periode = PeriodeRpjmd(id: UUID(), pemdaID: pemdaID, startYear: periodYears.lowerBound,
                                   endYear: periodYears.upperBound, perdaNumber: "Peraturan Daerah Nomor 5 Tahun 2025",
                                   perdaDate: "2025-08-14", visi: DemoCatalog.visi(pemdaName))
        batch.periode.append(periode)
        var sasaranNumber = 0
        for (m, misiEntry) in DemoCatalog.misi.enumerated() {
            let misi = Misi(id: UUID(), pemdaID: pemdaID, periodeID: periode.id!, number: m + 1, text: misiEntry.text)
            batch.misi.append(misi)
            for (t, tujuanEntry) in misiEntry.tujuan.enumerated() {
                let tujuan = Tujuan(id: UUID(), pemdaID: pemdaID, misiID: misi.id!, number: t + 1, text: tujuanEntry.text)
                batch.tujuan.append(tujuan)
                for (s, sasaranEntry) in tujuanEntry.sasaran.enumerated() {
                    sasaranNumber += 1
                    let sasaran = SasaranRpjmd(id: UUID(), pemdaID: pemdaID, tujuanID: tujuan.id!, number: s + 1,
                                               text: sasaranEntry.text)
                    batch.sasaran.append(sasaran)
                    sasaranRpjmdByNumber[sasaranNumber] = sasaran.id!
                    for (i, iku) in sasaranEntry.iku.enumerated() {
                        let spec = IndicatorSpec(kind: iku.kind, polarity: iku.polarity, aggregation: iku.aggregation,
                                                 ordinalScale: iku.scale)
                        let indikatorID = try addIndikator(
                            owner: .sasaranRpjmd, ownerID: sasaran.id!, code: iku.code, name: iku.name,
                            satuan: iku.satuan, spec: spec, tags: ["IKU"],
                            manual: ManualIku(definition: iku.definition,
                                              measurement: iku.polarity == .negative
                                                  ? "Makin rendah makin baik; capaian = (2 × target − realisasi) / target × 100%."
                                                  : "Makin tinggi makin baik; capaian = realisasi / target × 100%.",
                                              dataSource: iku.source, responsible: "Bappeda",
                                              rationale: "Indikator sasaran RPJMD yang ditetapkan sebagai IKU Pemda."),
                            baseline: (iku.baseline, periodYears.lowerBound - 1), order: i)
                        for (offset, target) in iku.targets.enumerated() {
                            try addTarget(indikatorID, spec: spec, year: periodYears.lowerBound + offset, raw: target)
                        }
                    }
                }
            }
        }
        return periode.id!
    }

    // MARK: Indicators and targets, validated as a form would

    @discardableResult
    mutating func addIndikator(owner: IndikatorOwner, ownerID: UUID, code: String, name: String, satuan: String,
                               spec: IndicatorSpec, tags: [String] = [], manual: ManualIku = ManualIku(),
                               baseline: (String, Int)? = nil, order: Int) throws -> UUID
    {
        try spec.validate()
        let indikator = Indikator(id: UUID(), pemdaID: pemdaID, owner: owner, ownerID: ownerID, code: code,
                                  name: name, satuan: satuan, spec: spec, tags: tags, manual: manual,
                                  baseline: baseline.map { (value: $0.0, year: $0.1) }, sortOrder: order)
        batch.indikator.append(indikator)
        return indikator.id!
    }

    /// `raw` is machine text in the stored form (dot decimals, `a..b` ranges), so it is read with `parseStored`:
    /// read as typed text, `10.245` would be ten thousand two hundred forty-five.
    func addTarget(_ indikatorID: UUID, spec: IndicatorSpec, year: Int, period: Int = 0, raw: String) throws {
        guard let target = TargetInput.parseStored(raw, for: spec) else {
            throw RuleViolation(code: "demo.target", field: .target,
                message: Message(id: "Target demo \"\(raw)\" tidak sah.", en: "Demo target \"\(raw)\" is invalid."))
        }
        batch.targets.append(IndikatorTarget(pemdaID: pemdaID, indikatorID: indikatorID, year: year, period: period,
                                             value: target.canonical(scale: spec.ordinalScale, statement: raw)))
    }
}
