import FluentKit
import Foundation
import KinerjaCore

/// Budget realisation of a Perangkat Daerah's DPA: TW I–IV per lowest line, one save for the whole table, every cell
/// checked before any is written.
extension PemdaWriter {
    /// - Parameters:
    ///   - amounts: by DPA line, the text typed for TW I–IV (nil where the form had no input).
    ///   - lateReason: why a correction comes after its quarter's window closed.
    /// - Returns: the number of entries written (unchanged cells write none).
    @discardableResult
    public func saveAnggaranRealisasi(unitID: UUID, year: Int, amounts: [UUID: [String?]], lateReason: String = "")
        async throws -> Int
    {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            guard let dpa = try await Dpa.query(on: db).filter(\.$pemda.$id == w.pemdaID).filter(\.$unit.$id == unitID)
                .filter(\.$year == year).first()
            else {
                throw RuleViolation(.conflict, code: "anggaran.noDpa",
                    message: Message(id: "DPA unit ini untuk tahun \(year) belum dicatat.",
                                     en: "This unit's DPA for \(year) is not recorded yet."))
            }
            let lines = try await DpaPagu.query(on: db).filter(\.$dpa.$id == dpa.requireID()).all()
            let byID = Dictionary(lines.compactMap { l in l.id.map { ($0, l) } }, uniquingKeysWith: { a, _ in a })
            let leaves = Anggaran.leaves(lines.map(\.code))
            let history = try await RealisasiAnggaran.query(on: db).filter(\.$line.$id ~~ Array(byID.keys)).all()
            var latest: [UUID: [RealisasiAnggaran?]] = [:]
            for entry in history.sorted(by: { $0.seq < $1.seq }) where Triwulan.all.contains(entry.period) {
                latest[entry.$line.id, default: [nil, nil, nil, nil]][entry.period - 1] = entry
            }
            var windows: [JadwalWindow?] = [nil, nil, nil, nil]
            for jadwal in try await Jadwal.query(on: db).filter(\.$pemda.$id == w.pemdaID).filter(\.$year == year).all() {
                if let q = Triwulan.all.first(where: { Triwulan.stage($0) == jadwal.stage }) { windows[q - 1] = jadwal.window }
            }

            var problems: [RuleViolation] = []
            var writes: [(line: DpaPagu, period: Int, amount: Int64, timing: RealisasiWindow.Timing, seq: Int)] = []
            for (lineID, typed) in amounts.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                guard let line = byID[lineID] else { problems.append(w.unknown(.dpaLine)); continue }
                let stored = latest[lineID] ?? [nil, nil, nil, nil]
                let texts = (0..<4).map { typed.indices.contains($0) ? typed[$0]?.trimmingCharacters(in: .whitespaces) ?? "" : "" }
                // What the line's quarters will be once this save is applied: typed where typed, stored elsewhere.
                var parsed: [Int64?] = stored.map { $0?.amount }
                var changed: [Int] = []
                for q in 0..<4 where !texts[q].isEmpty {
                    let field = InputField.keyed(lineID.uuidString, .quarter(q + 1))
                    guard leaves.contains(line.code) else {
                        problems.append(RuleViolation(code: "anggaran.notLeaf", field: field,
                            message: Message(id: "Realisasi \(line.code) dijumlahkan dari baris di bawahnya; isi pada sub kegiatan.",
                                             en: "The realisation of \(line.code) is the sum of the lines under it; enter it on the sub kegiatan.")))
                        break
                    }
                    do {
                        let amount = try RupiahInput.parse(texts[q], field: field)
                        parsed[q] = amount
                        if amount != stored[q]?.amount { changed.append(q) }
                    } catch let error as RuleViolation {
                        problems.append(error)
                    }
                }
                for q in changed {
                    let field = InputField.keyed(lineID.uuidString, .quarter(q + 1))
                    let others = (0..<4).filter { $0 != q }.reduce(Int64(0)) { sum, i in
                        sum.addingReportingOverflow(parsed[i] ?? 0).overflow ? .max : sum + (parsed[i] ?? 0)
                    }
                    do throws(RuleViolation) {
                        let amount = try Anggaran.checkAmount(texts[q], pagu: line.amount, otherQuarters: others, code: line.code, field: field)
                        let timing = try RealisasiWindow.check(windows[q], on: today, corrects: stored[q] != nil, lateReason: lateReason)
                        writes.append((line, q + 1, amount, timing, (stored[q]?.seq ?? 0) + 1))
                    } catch {
                        problems.append(error.field == .reason ? error : error.at(error.field ?? field))
                    }
                }
            }
            if !problems.isEmpty { throw RuleViolations(problems) }
            // A whole DPA's quarter is hundreds of lines: written, with their audit events, in a few statements.
            var entries: [RealisasiAnggaran] = []
            var events: [AuditEvent] = []
            for write in writes {
                let entry = RealisasiAnggaran()
                entry.id = UUID()
                entry.$pemda.id = w.pemdaID
                entry.$line.id = try write.line.requireID()
                entry.year = year
                entry.period = write.period
                entry.seq = write.seq
                entry.amount = write.amount
                if case .late(let reason) = write.timing { entry.lateReason = reason }
                entry.authorID = w.audit.userID
                entry.authorName = w.audit.username
                entry.enteredAt = w.audit.now
                entries.append(entry)
                events.append(try AuditTrail.creation(of: entry, pemdaID: w.pemdaID, unitID: unitID, reason: entry.lateReason,
                                                      context: w.audit))
            }
            try await BatchInsert.create(entries, on: db)
            try await BatchInsert.create(events, on: db)
            return writes.count
        }
    }
}
