import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// A signed-in user's home: what waits for them (grouped, a return's reason in full), their own PKs, and their
/// Pemda's PK round at a glance, with the shortcuts of their role.
enum BerandaPage {
    struct Model: Sendable {
        var account: SessionAccount
        var principal: Principal
        var round: RoundData
    }

    /// A PK the user is a party to or drafts.
    struct MyPk: Sendable {
        var row: PkBoardRow
        var role: Message
    }

    static func myPks(_ m: Model) -> [MyPk] {
        let o = m.round.organisation
        let day = m.round.today
        let person = m.account.pegawaiID
        var out: [MyPk] = []
        for row in m.round.board {
            let heldByMe = person != nil && o.holder(of: row.jabatanID, on: day)?.pegawaiID == person
            let superior = o.positions[row.jabatanID]?.superior
            let supervisedByMe = person != nil && superior.flatMap { o.holder(of: $0, on: day)?.pegawaiID } == person
            let inMyUnits = m.principal.roles.contains(.operatorOpd) && (row.unitCode.map(m.principal.units.contains) ?? false)
            let inReach = m.principal.roles.contains(.pejabat) && m.round.reach.contains(row.jabatanID)
            if heldByMe {
                out.append(MyPk(row: row, role: Message(id: "Pihak pertama (PK Anda)", en: "First party (your PK)")))
            } else if supervisedByMe {
                out.append(MyPk(row: row, role: Message(id: "Pihak kedua (bawahan Anda)", en: "Second party (your subordinate)")))
            } else if inMyUnits || inReach {
                out.append(MyPk(row: row, role: Message(id: "Penyusun", en: "Drafter")))
            }
        }
        return out
    }

    static func render(_ m: Model) -> String {
        let pemda = PemdaRef(m.round.pemda)
        let year = m.round.year.year
        let mine = myPks(m)
        let counts = PkBoard.counts(m.round.board)
        let total = m.round.board.count
        let signed = m.round.board.filter { $0.inForce != nil || $0.hardcopy != nil }.count
        func board(_ query: KeyValuePairs<String, String?>) -> String {
            var items: [(String, String?)] = [("tahun", String(year))]
            items += query.map { ($0.key, $0.value) }
            return SiteURL.of(pemda.code, .pkBoard).path + "?" + items.compactMap { k, v in v.map { "\(k)=\(SiteURL.encodeQuery($0))" } }.joined(separator: "&")
        }
        let roles = m.account.roles.sorted { $0.rawValue < $1.rawValue }.map(\.label.text).joined(separator: ", ")
        return Layout.page(title: L("Beranda", "Home"), pemda: pemda, body: .group(
            .h1(.text(L("Selamat datang, \(m.account.displayName)", "Welcome, \(m.account.displayName)"))),
            .p(.class("lead"), .text("\(roles) · \(pemda.name)")),
            .if(m.account.mustChangePassword, .p(.class("error"), .a(.href(SiteURL.password),
                .text(L("Ganti kata sandi sementara Anda sebelum melanjutkan.", "Change your temporary password before going on."))))),
            .div(.class("beranda"),
                .section(.class("card wide"), .id("beranda-tugas"),
                         InboxPage.items(m.round.inbox, pemda: pemda)),
                .section(.class("card"), .id("beranda-pk"),
                    .h2(.text(L("PK Anda \(year)", "Your PKs \(year)"))),
                    mine.isEmpty
                        ? .p(.class("muted"), .text(L("Anda bukan pihak atau penyusun PK mana pun tahun ini.", "You are not a party to or drafter of any PK this year.")))
                        : .div(.class("scroll"), .table(.class("data"),
                            .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Peran Anda", "Your part"))), .th(.text("Status")),
                                       .th(.text(L("Tenggat", "Due"))))),
                            .tbody(.forEach(mine.prefix(30)) { item in
                                .tr(.td(item.row.latest.map { .a(.href(SiteURL.pk(pemda.code, $0.id)), .text(item.row.jabatanName)) } ?? .text(item.row.jabatanName)),
                                    .td(.text(item.role.text)),
                                    .td(.text(item.row.latest.map { $0.status.label.text } ?? L("Belum disusun", "Not drafted"))),
                                    .td(.class("tone-\(item.row.compliance.tone)"), .text(item.row.compliance.label.text)))
                            }))),
                    .if(mine.count > 30, .p(.a(.href(board([:])), .text(L("Lihat semua di papan PK", "See them all on the PK board")))))),
                .section(.class("card"), .id("beranda-putaran"),
                    .h2(.text(L("Putaran PK \(year) \(pemda.name)", "PK round \(year), \(pemda.name)"))),
                    .p(.id("round-summary"), .text(L("\(signed) dari \(total) jabatan sudah memiliki PK yang ditandatangani.",
                                                     "\(signed) of \(total) positions have a signed PK."))),
                    .ul(.class("counts"), .forEach(PkBoard.Stage.all) { stage in
                        .li(.a(.href(board(["tahap": stage.key])), .text(stage.label.text)), .text(": \(counts.stages[stage] ?? 0)"))
                    }),
                    .ul(.class("counts"),
                        .li(.class("tone-late"), .a(.href(board(["kepatuhan": PkCompliance.Kind.terlambat.rawValue])), .text(L("Terlambat", "Late"))),
                            .text(": \(counts.compliance[.terlambat] ?? 0)")),
                        .li(.class("tone-warn"), .a(.href(board(["kepatuhan": PkCompliance.Kind.segeraJatuhTempo.rawValue])), .text(L("Segera jatuh tempo", "Due soon"))),
                            .text(": \(counts.compliance[.segeraJatuhTempo] ?? 0)"))),
                    .p(.a(.class("button"), .href(board([:])), .text(L("Buka papan PK", "Open the PK board"))))),
                .section(.class("card"), .id("beranda-pintasan"),
                    .h2(.text(L("Pintasan", "Shortcuts"))),
                    .ul(.class("links"), .group(shortcuts(m, pemda: pemda)))))
        ))
    }

    static func shortcuts(_ m: Model, pemda: PemdaRef) -> [Node<HTML.ListContext>] {
        let roles = m.account.roles
        let code = pemda.code
        var links: [(String, String)] = []
        if roles.contains(.adminPemda) {
            links += [(L("Jadwal tahapan", "Stage schedules"), SiteURL.of(code, .jadwal).path),
                      (L("Pengguna", "Users"), SiteURL.of(code, .users).path),
                      (L("Pengaturan PK", "PK settings"), SiteURL.of(code, .pkSettings).path),
                      (L("DPA", "DPA"), SiteURL.of(code, .dpa).path)]
        }
        if roles.contains(.inspektorat) || roles.contains(.adminPemda) {
            links.append((L("Jejak audit", "Audit trail"), SiteURL.of(code, .audit).path))
        }
        if roles.contains(.verifikator) {
            links.append((L("PK yang diajukan", "Submitted PKs"), SiteURL.of(code, .pkBoard).url(["tahap": PkStatus.diajukan.rawValue])))
        }
        if roles.contains(.operatorOpd) || roles.contains(.pejabat) {
            for unit in m.round.organisation.unitRows().filter({ $0.isPerangkatDaerah && m.principal.units.contains($0.code) }).prefix(5) {
                links.append((L("Renstra \(unit.name)", "Renstra of \(unit.name)"), SiteURL.of(code, .renstraManage(.value(unit.id))).path))
                links.append((L("RKT \(unit.name)", "RKT of \(unit.name)"), SiteURL.of(code, .rkt(.value(unit.id))).path))
            }
        }
        links += [(L("RPJMD", "RPJMD"), SiteURL.of(code, .rpjmd).path),
                  (L("PK yang diterbitkan", "Published PKs"), SiteURL.portal.url(["pemda": code])),
                  (L("Akun dan kata sandi", "Account and password"), SiteURL.password.path),
                  (L("Verifikasi dua langkah", "Two-step verification"), SiteURL.twoFactor.path)]
        return links.map { .li(.a(.href($0.1), .text($0.0))) }
    }
}
