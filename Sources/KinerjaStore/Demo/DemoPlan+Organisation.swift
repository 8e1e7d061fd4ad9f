import FluentKit
import Foundation
import KinerjaCore

extension DemoPlan {
    mutating func makeKepalaDaerah() throws {
        let title = kind.kepalaDaerahTitle
        let jabatan = try addJabatan(name: "\(title) \(pemdaName.replacingOccurrences(of: "Kota ", with: "").replacingOccurrences(of: "Kabupaten ", with: ""))",
                                     level: .kepalaDaerah, eselon: "", unitID: nil, superior: nil)
        kepalaDaerahJabatan = jabatan
        // Kota Contoh's Walikota is named in the docs and tests; generated Pemda get a generated name.
        let name = pemdaName == "Kota Contoh" ? "H. Arif Wicaksono, S.E., M.M." : people.person(level: .jpt).name
        let pegawai = Pegawai(id: UUID(), pemdaID: pemdaID, nip: nil, name: name, pangkat: "")
        batch.pegawai.append(pegawai)
        try assign(pegawai.id!, to: jabatan, kind: .definitif, since: CalendarDate(year: 2025, month: 2, day: 20)!,
                   decree: "Keputusan Menteri Dalam Negeri Nomor 100.2.1.3-512 Tahun 2025")
    }

    /// Adds a position after checking its superior with the same rule the forms use.
    mutating func addJabatan(name: String, level: JabatanLevel, eselon: String, unitID: UUID?, superior: UUID?) throws
        -> UUID
    {
        let superiorLevel = superior.flatMap { id in batch.jabatan.first { $0.id == id }?.level }
        try JabatanLevel.checkSuperior(of: level, superior: superiorLevel)
        let jabatan = Jabatan(id: UUID(), pemdaID: pemdaID, unitID: unitID, superiorID: superior, name: name,
                              level: level, eselon: eselon)
        batch.jabatan.append(jabatan)
        return jabatan.id!
    }

    /// A new civil servant in a position, definitive since a date in the last four years.
    @discardableResult
    mutating func staff(_ jabatan: UUID, level: JabatanLevel) throws -> UUID {
        let person = people.person(level: level)
        let pegawai = Pegawai(id: UUID(), pemdaID: pemdaID, nip: person.nip.digits, name: person.name,
                              pangkat: person.pangkat)
        batch.pegawai.append(pegawai)
        let since = CalendarDate(year: year - random.int(0...3), month: random.int(1...6), day: random.int(1...28))!
        try assign(pegawai.id!, to: jabatan, kind: .definitif, since: since,
                   decree: "Keputusan \(kind.kepalaDaerahTitle) Nomor 821.2/\(random.int(100...999))/BKPSDM/\(since.year)")
        return pegawai.id!
    }

    mutating func assign(_ pegawai: UUID, to jabatan: UUID, kind: PenugasanKind, since: CalendarDate, decree: String)
        throws
    {
        let span = PenugasanSpan(kind: kind, start: since, end: nil)
        try PenugasanRules.checkDefinitiveOverlap(
            span,
            samePosition: batch.penugasan.filter { $0.$jabatan.id == jabatan }.compactMap(\.span),
            samePerson: batch.penugasan.filter { $0.$pegawai.id == pegawai }.compactMap(\.span))
        batch.penugasan.append(Penugasan(pemdaID: pemdaID, jabatanID: jabatan, pegawaiID: pegawai, kind: kind,
                                         start: since, end: nil, decree: decree))
    }

    func headTitle(_ opd: DemoCatalog.Opd) -> (String, String) {
        switch opd.code.prefix(4) {
        case "4.01": ("Sekretaris Daerah", "II.a")
        case "4.02": ("Sekretaris DPRD", "II.b")
        case "6.01": ("Inspektur", "II.b")
        case "7.01": ("Camat \(opd.name.replacingOccurrences(of: "Kecamatan ", with: ""))", "III.a")
        default: ("Kepala \(opd.name)", "II.b")
        }
    }

    /// Units, positions and people of one Perangkat Daerah. Returns the head's position and each bidang's
    /// (unit, position) for its programs.
    mutating func makeOrganisation(_ opd: DemoCatalog.Opd, order: Int, bidangNames: [String]) throws
        -> (unit: UUID, head: UUID, secretariat: UUID, bidang: [(unit: UUID, jabatan: UUID)])
    {
        let unit = Unit(id: UUID(), pemdaID: pemdaID, parentID: nil, code: opd.code, name: opd.name, kind: opd.kind,
                        bidangCodes: opd.bidang, sortOrder: order)
        batch.units.append(unit)
        let isKecamatan = opd.kind == .kecamatan
        let (headName, eselon) = headTitle(opd)
        let headLevel: JabatanLevel = isKecamatan ? .administrator : .jpt
        let head = try addJabatan(name: headName, level: headLevel, eselon: eselon, unitID: unit.id,
                                  superior: kepalaDaerahJabatan)
        let secretariatKind: UnitKind = opd.kind == .sekretariat ? .bagian : .bidang
        let secretariatName = isKecamatan ? "Sekretariat Kecamatan" : (opd.kind == .sekretariat ? "Bagian Umum" : "Sekretariat")
        let secretariat = Unit(id: UUID(), pemdaID: pemdaID, parentID: unit.id, code: opd.code + ".01",
                               name: secretariatName, kind: secretariatKind, bidangCodes: [], sortOrder: 1)
        batch.units.append(secretariat)
        let secretaryName = isKecamatan ? "Sekretaris Kecamatan" : (opd.kind == .sekretariat ? "Kepala Bagian Umum" : "Sekretaris")
        let secretary = try addJabatan(name: "\(secretaryName) \(isKecamatan ? opd.name.replacingOccurrences(of: "Kecamatan ", with: "") : opd.name)",
                                       level: .administrator, eselon: isKecamatan ? "III.b" : "III.a",
                                       unitID: secretariat.id, superior: head)
        let secretaryPerson = try staff(secretary, level: .administrator)
        for sub in ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Perencanaan dan Keuangan"] {
            let jabatan = try addJabatan(name: sub, level: .pengawas, eselon: "IV.a", unitID: secretariat.id,
                                         superior: secretary)
            try staff(jabatan, level: .pengawas)
        }
        // The head: one OPD is led by its secretary as Plt while the post is vacant.
        if opd.code.hasPrefix("2.15") {
            try assign(secretaryPerson, to: head, kind: .plt, since: CalendarDate(year: year, month: 8, day: 1)!,
                       decree: "Surat Perintah \(kind.kepalaDaerahTitle) Nomor 800.1.3/214/BKPSDM/\(year)")
        } else {
            try staff(head, level: headLevel)
        }
        var bidang: [(unit: UUID, jabatan: UUID)] = []
        for (i, name) in bidangNames.enumerated() {
            let bidangUnit = Unit(id: UUID(), pemdaID: pemdaID, parentID: unit.id,
                                  code: opd.code + "." + String(format: "%02d", i + 2),
                                  name: isKecamatan ? "Seksi \(name)" : (opd.kind == .sekretariat ? "Bagian \(name)" : "Bidang \(name)"),
                                  kind: isKecamatan ? .bidang : secretariatKind, bidangCodes: [], sortOrder: i + 2)
            batch.units.append(bidangUnit)
            let level: JabatanLevel = isKecamatan ? .pengawas : .administrator
            let jabatan = try addJabatan(name: "Kepala \(bidangUnit.name)", level: level,
                                         eselon: isKecamatan ? "IV.a" : "III.b", unitID: bidangUnit.id,
                                         superior: head)
            try staff(jabatan, level: level)
            bidang.append((bidangUnit.id!, jabatan))
        }
        return (unit.id!, head, secretariat.id!, bidang)
    }
}
