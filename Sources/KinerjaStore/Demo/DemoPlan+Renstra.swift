import Foundation
import KinerjaCore

extension DemoPlan {
    mutating func makeOpd(_ opd: DemoCatalog.Opd, periodeID: UUID, order: Int) throws {
        let programs = choosePrograms(opd)
        let bidangNames = programs.dropFirst().map { Self.titleCase($0.name, dropping: "PROGRAM ") }
        let organisation = try makeOrganisation(opd, order: order, bidangNames: bidangNames)
        let legal = kind == .kabupaten ? "Peraturan Bupati" : "Peraturan Wali Kota"
        let renstra = Renstra(id: UUID(), pemdaID: pemdaID, unitID: organisation.unit, periodeID: periodeID,
                              legalNumber: "\(legal) Nomor \(40 + order) Tahun 2025",
                              legalDate: "2025-11-\(String(format: "%02d", 3 + order % 25))",
                              nomenklaturVersionID: index.versionID)
        batch.renstra.append(renstra)

        var renstraSasaran: [(RenstraSasaran, DemoCatalog.DemoSasaran)] = []
        for (n, entry) in opd.sasaran.enumerated() {
            let sasaran = RenstraSasaran(id: UUID(), pemdaID: pemdaID, renstraID: renstra.id!,
                                         sasaranRpjmdID: sasaranRpjmdByNumber[entry.rpjmdSasaran], number: n + 1,
                                         text: entry.text)
            batch.renstraSasaran.append(sasaran)
            renstraSasaran.append((sasaran, entry))
            let spec = Self.spec(for: entry)
            let indikatorID = try addIndikator(
                owner: .renstraSasaran, ownerID: sasaran.id!, code: "IKU-PD-\(n + 1)", name: entry.indicator,
                satuan: entry.satuan, spec: spec, tags: ["IKU"],
                manual: ManualIku(definition: "\(entry.indicator) di wilayah \(pemdaName).",
                                  measurement: spec.polarity == .negative ? "Makin rendah makin baik." : "Makin tinggi makin baik.",
                                  dataSource: opd.name, responsible: headTitle(opd).0),
                baseline: (entry.baseline, periodYears.lowerBound - 1), order: n)
            for y in periodYears {
                try addTarget(indikatorID, spec: spec, year: y, raw: Self.target(entry, yearsAfterBaseline: y - periodYears.lowerBound + 1))
            }
        }

        // The DPA of the demo year: ratified in the first week of January, with the Renstra's pagu.
        let dpa = Dpa(id: UUID(), pemdaID: pemdaID, unitID: organisation.unit, year: year,
                      number: "DPA/\(opd.code.prefix(4))/\(order)/\(year)", ratifiedOn: CalendarDate(year: year, month: 1, day: 5)!)
        let yearOffset = periodYears.contains(year) ? year - periodYears.lowerBound : nil
        if yearOffset != nil { batch.dpa.append(dpa) }
        func dpaLine(_ item: RenstraItem, _ amounts: [Int64]) {
            guard let offset = yearOffset else { return }
            batch.dpaPagu.append(DpaPagu(pemdaID: pemdaID, dpaID: dpa.id!, code: item.code, name: item.name, amount: amounts[offset]))
        }
        for (p, program) in programs.enumerated() {
            let programItem = RenstraItem(id: UUID(), pemdaID: pemdaID, renstraID: renstra.id!, parentID: nil,
                                          sasaranID: renstraSasaran[p % renstraSasaran.count].0.id, level: .program,
                                          code: program.code, name: try index.require(program.code, level: .program).name,
                                          sortOrder: p)
            batch.renstraItems.append(programItem)
            // The penunjang program is the secretariat's; each substantive program has its own bidang.
            let responsible = p == 0 ? organisation.secretariat : organisation.bidang[p - 1].unit
            batch.itemUnits.append(RenstraItemUnit(pemdaID: pemdaID, itemID: programItem.id!, unitID: responsible))
            let programSpec = IndicatorSpec(kind: .percent, aggregation: .last)
            let programIndikator = try addIndikator(
                owner: .renstraItem, ownerID: programItem.id!, code: "IKP-\(p + 1)",
                name: "Persentase capaian sasaran \(Self.titleCase(program.name, dropping: "PROGRAM ").lowercased())",
                satuan: "%", spec: programSpec, order: 0)
            for y in periodYears {
                try addTarget(programIndikator, spec: programSpec, year: y, raw: String(80 + (y - periodYears.lowerBound) * 4))
            }
            var programPagu = [Int64](repeating: 0, count: periodYears.count)
            for (k, kegiatan) in index.children(of: program.code).prefix(2).enumerated() {
                let kegiatanItem = RenstraItem(id: UUID(), pemdaID: pemdaID, renstraID: renstra.id!,
                                               parentID: programItem.id, sasaranID: nil, level: .kegiatan,
                                               code: kegiatan.code, name: try index.require(kegiatan.code, level: .kegiatan).name,
                                               sortOrder: k)
                batch.renstraItems.append(kegiatanItem)
                var kegiatanPagu = [Int64](repeating: 0, count: periodYears.count)
                var subPagu: [(RenstraItem, [Int64])] = []
                for (s, sub) in index.children(of: kegiatan.code).prefix(3).enumerated() {
                    let entry = try index.require(sub.code, level: .subkegiatan)
                    let subItem = RenstraItem(id: UUID(), pemdaID: pemdaID, renstraID: renstra.id!,
                                              parentID: kegiatanItem.id, sasaranID: nil, level: .subkegiatan,
                                              code: sub.code, name: entry.name, sortOrder: s)
                    batch.renstraItems.append(subItem)
                    let subSpec = IndicatorSpec(kind: .numeric, aggregation: .sum)
                    let subIndikator = try addIndikator(
                        owner: .renstraItem, ownerID: subItem.id!, code: "IKSK-1",
                        name: entry.indikator ?? "Jumlah keluaran \(entry.name)", satuan: entry.satuan ?? "Dokumen",
                        spec: subSpec, tags: entry.spm == true ? ["SPM"] : [],
                        manual: ManualIku(definition: entry.definisi ?? "",
                                          measurement: "Jumlah keluaran sub kegiatan yang diselesaikan dalam tahun berjalan.",
                                          dataSource: "Laporan pelaksanaan sub kegiatan \(opd.name)"),
                        order: 0)
                    let base = random.int(2...40)
                    var amounts: [Int64] = []
                    for (offset, y) in periodYears.enumerated() {
                        try addTarget(subIndikator, spec: subSpec, year: y, raw: String(base + offset))
                        let amount = Int64(random.int(60...900)) * 1_000_000 + Int64(random.int(0...999)) * 1_000
                        batch.pagu.append(RenstraPagu(pemdaID: pemdaID, itemID: subItem.id!, year: y, amount: amount))
                        kegiatanPagu[offset] += amount
                        amounts.append(amount)
                    }
                    subPagu.append((subItem, amounts))
                }
                for (offset, y) in periodYears.enumerated() {
                    batch.pagu.append(RenstraPagu(pemdaID: pemdaID, itemID: kegiatanItem.id!, year: y, amount: kegiatanPagu[offset]))
                    programPagu[offset] += kegiatanPagu[offset]
                }
                dpaLine(kegiatanItem, kegiatanPagu)
                for (subItem, amounts) in subPagu { dpaLine(subItem, amounts) }
            }
            for (offset, y) in periodYears.enumerated() {
                batch.pagu.append(RenstraPagu(pemdaID: pemdaID, itemID: programItem.id!, year: y, amount: programPagu[offset]))
            }
            dpaLine(programItem, programPagu)
        }
        try makeRkt(unitID: organisation.unit, renstraID: renstra.id!, sasaran: renstraSasaran, opd: opd)
    }

    /// The penunjang program of the first bidang, then up to three substantive programs across the OPD's bidang.
    func choosePrograms(_ opd: DemoCatalog.Opd) -> [NomenklaturIndex.Entry] {
        var chosen: [NomenklaturIndex.Entry] = []
        if let penunjang = index.lookup(opd.bidang[0] + ".01") { chosen.append(penunjang) }
        for (i, bidang) in opd.bidang.enumerated() {
            let substantive = index.children(of: bidang).filter { !$0.code.hasSuffix(".01") }
            chosen.append(contentsOf: substantive.prefix(i == 0 ? 2 : 1))
            if chosen.count >= 4 { break }
        }
        return chosen
    }

    /// The RKT of the current year: the Renstra sasaran with their indicators, the year target and a quarterly plan.
    mutating func makeRkt(unitID: UUID, renstraID: UUID, sasaran: [(RenstraSasaran, DemoCatalog.DemoSasaran)],
                          opd: DemoCatalog.Opd) throws
    {
        guard periodYears.contains(year) else { return }
        let rkt = Rkt(id: UUID(), pemdaID: pemdaID, unitID: unitID, year: year, renstraID: renstraID)
        batch.rkt.append(rkt)
        for (n, (renstraSasaran, entry)) in sasaran.enumerated() {
            let rktSasaran = RktSasaran(id: UUID(), pemdaID: pemdaID, rktID: rkt.id!, renstraSasaranID: renstraSasaran.id,
                                        number: n + 1, text: entry.text)
            batch.rktSasaran.append(rktSasaran)
            let spec = Self.spec(for: entry)
            let indikatorID = try addIndikator(owner: .rktSasaran, ownerID: rktSasaran.id!, code: "IKU-PD-\(n + 1)",
                                               name: entry.indicator, satuan: entry.satuan, spec: spec, tags: ["IKU"],
                                               order: n)
            let k = year - periodYears.lowerBound + 1
            try addTarget(indikatorID, spec: spec, year: year, raw: Self.target(entry, yearsAfterBaseline: k))
            for quarter in 1...4 {
                try addTarget(indikatorID, spec: spec, year: year, period: quarter,
                              raw: Self.quarterTarget(entry, spec: spec, yearsAfterBaseline: k, quarter: quarter))
            }
        }
    }

    static func spec(for entry: DemoCatalog.DemoSasaran) -> IndicatorSpec {
        if entry.kind == .ordinal {
            return IndicatorSpec(kind: .ordinal, aggregation: .last, ordinalScale: .opiniBpk)
        }
        return IndicatorSpec(kind: entry.kind, polarity: entry.polarity, aggregation: entry.satuan == "orang" ? .sum : .last,
                             reporting: monthly.contains(entry.indicator) ? .monthly : .quarterly)
    }

    /// Indicators whose data come in every month (visitor counts from the hotels' monthly reports, cases settled per
    /// month): their Manual IKU says monthly, so the demo enters them month by month.
    static let monthly: Set<String> = ["Jumlah kunjungan wisatawan", "Persentase penegakan Perda yang diselesaikan"]

    static func target(_ entry: DemoCatalog.DemoSasaran, yearsAfterBaseline k: Int) -> String {
        guard entry.kind != .ordinal, let base = FixedDecimal(canonical: entry.baseline),
            let step = FixedDecimal(canonical: entry.step)
        else { return entry.baseline }
        return (base + step * FixedDecimal(k)).description
    }

    /// Quarterly targets: a sum indicator splits its year target about 20/25/25/30; a level indicator moves from last
    /// year's target to this year's in four steps.
    static func quarterTarget(_ entry: DemoCatalog.DemoSasaran, spec: IndicatorSpec, yearsAfterBaseline k: Int,
                              quarter: Int) -> String
    {
        guard entry.kind != .ordinal, let yearTarget = FixedDecimal(canonical: target(entry, yearsAfterBaseline: k)),
            let previous = FixedDecimal(canonical: target(entry, yearsAfterBaseline: k - 1))
        else { return entry.baseline }
        if spec.aggregation == .sum {
            let shares = [20, 25, 25].map { (yearTarget * FixedDecimal($0) / FixedDecimal(100)).rounded(toFractionDigits: 0) }
            // The last quarter takes what is left, so that the plan adds up to the year exactly.
            let part = quarter < 4 ? shares[quarter - 1] : yearTarget - shares.reduce(FixedDecimal.zero, +)
            return part.description
        }
        let step = (yearTarget - previous) * FixedDecimal(quarter) / FixedDecimal(4)
        return (previous + step).rounded(toFractionDigits: 3).description
    }

    /// "PROGRAM PENGELOLAAN PENDIDIKAN" → "Pengelolaan Pendidikan"; acronyms and words in brackets stay in capitals.
    static func titleCase(_ text: String, dropping prefix: String) -> String {
        let body = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        let small: Set<String> = ["dan", "yang", "di", "ke", "dari", "untuk", "serta", "atau", "pada", "dalam"]
        let acronyms: Set<String> = ["DPRD", "SDA", "LLAJ", "UMKM", "UKM", "ASN", "PAUD", "SPM", "TIK", "KB", "PKK",
                                     "BUMD", "APBD", "RTH", "SDM", "IKM", "HAM", "PPKS", "KIE", "UPT", "UPTD"]
        return body.split(separator: " ").enumerated().map { i, word in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "(),/"))
            if word.hasPrefix("(") || acronyms.contains(bare) { return String(word) }
            let lower = word.lowercased()
            return i > 0 && small.contains(lower) ? lower : lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }
}
