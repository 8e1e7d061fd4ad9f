import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The signed-in user's inbox, grouped by what is to be done; a returned PK carries its reason in full.
enum InboxPage {
    struct Model: Sendable {
        var pemda: PemdaRef?
        var year: Int
        var items: [PkInboxItem]
    }

    static func render(_ m: Model) -> String {
        Layout.page(title: L("Kotak masuk", "Inbox"), pemda: m.pemda, body: .group(
            .h1(.text(L("Kotak masuk", "Inbox"))),
            .form(.class("search"), .method(.get), .action(SiteURL.inbox),
                  .label(.for("tahun"), .text(L("Tahun", "Year"))),
                  .input(.id("tahun"), .name("tahun"), .type(.number), .value(String(m.year))),
                  .button(.type(.submit), .text(L("Tampilkan", "Show")))),
            items(m.items, pemda: m.pemda)
        ))
    }

    /// The items grouped under a heading per kind, each a link to where it is done. Shared with the Beranda.
    static func items(_ items: [PkInboxItem], pemda: PemdaRef?, headingLevel: Int = 2) -> Node<HTML.BodyContext> {
        let tasks = items.filter { $0.kind != .tenggat }
        let reminders = items.filter { $0.kind == .tenggat }
        func heading(_ text: String) -> Node<HTML.BodyContext> { headingLevel == 2 ? .h2(.text(text)) : .h3(.text(text)) }
        func link(_ item: PkInboxItem) -> Node<HTML.BodyContext> {
            let label = "\(item.jabatanName) · PK \(item.year)" + (item.version > 0 ? L(" (Perubahan \(item.version))", " (revision \(item.version))") : "")
            guard let pemda, let id = item.pkID else { return .text(label) }
            if let period = item.period {
                return .a(.href(SiteURL.pk(pemda.code, id, .realisasi).url(["tw": String(period)])), .text(label + " · " + Triwulan.label(period)))
            }
            return .a(.href(SiteURL.pk(pemda.code, id)), .text(label))
        }
        return .group(
            heading(L("Menunggu tindakan Anda", "Waiting for you")),
            tasks.isEmpty ? .p(.class("muted"), .id("inbox-empty"), .text(L("Tidak ada yang menunggu Anda.", "Nothing is waiting for you.")))
                : .div(.id("inbox-tasks"), .forEach(PkInboxItem.Kind.allCases.filter { kind in tasks.contains { $0.kind == kind } }) { kind in
                    .section(.class("inbox-group"), .attribute(named: "data-kind", value: kind.rawValue),
                        .h3(.text(kind.heading.text + " (\(tasks.filter { $0.kind == kind }.count))")),
                        .ul(.forEach(tasks.filter { $0.kind == kind }) { item in
                            .li(.attribute(named: "data-kind", value: item.kind.rawValue), link(item), .text(": " + item.message.text),
                                .unwrap(item.returnReason) { reason in
                                    .blockquote(.class("return-reason"),
                                                .p(.text(reason)),
                                                .unwrap(item.returnedBy) { by in
                                                    .footer(.text(L("Dikembalikan oleh \(by)", "Returned by \(by)")))
                                                })
                                })
                        }))
                }),
            heading(L("Pengingat tenggat", "Deadline reminders")),
            reminders.isEmpty ? .p(.class("muted"), .text(L("Tidak ada PK yang mendekati atau melewati tenggat.", "No PK is close to or past its deadline.")))
                : Self.reminders(reminders, pemda: pemda, link: link)
        )
    }

    /// How many are late and due soon (each leading to the board filtered so), then the first few: one's own first,
    /// then the longest overdue. A Pemda in February has hundreds; the board is where they are worked through.
    static let remindersShown = 10

    static func reminders(_ all: [PkInboxItem], pemda: PemdaRef?,
                          link: (PkInboxItem) -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        let late = all.filter { $0.compliance?.kind == .terlambat }.count
        let soon = all.count - late
        let year = all.first?.year
        func board(_ kind: PkCompliance.Kind) -> String? {
            guard let pemda, let year else { return nil }
            return SiteURL.of(pemda.code, .pkBoard).path + "?tahun=\(year)&kepatuhan=\(kind.rawValue)"
        }
        func count(_ n: Int, _ label: String, _ kind: PkCompliance.Kind, tone: String) -> Node<HTML.BodyContext> {
            let text = "\(IDFormat.grouped(String(n))) \(label)"
            return .span(.class("tone-\(tone)"), n > 0 ? .unwrap(board(kind), { .a(.href($0), .text(text)) }, else: .text(text)) : .text(text))
        }
        // The board's order (the chain of command) breaks ties, so the same data always shows the same few.
        let shown = all.enumerated().sorted { a, b in
            if a.element.isOwn != b.element.isOwn { return a.element.isOwn }
            return (a.element.due?.dayNumber ?? .max, a.offset) < (b.element.due?.dayNumber ?? .max, b.offset)
        }.prefix(remindersShown).map(\.element)
        return .group(
            .p(.id("reminder-summary"), count(late, L("PK terlambat", "PKs late"), .terlambat, tone: "late"), .text(" · "),
               count(soon, L("segera jatuh tempo", "due soon"), .segeraJatuhTempo, tone: "warn")),
            .ul(.id("inbox-reminders"), .forEach(shown) { item in
                .li(.class("tone-\(item.compliance?.tone ?? "late")"), link(item), .text(": " + item.message.text))
            }),
            .if(all.count > shown.count, .p(.class("muted"), .id("reminders-more"),
                .text(L("dan \(IDFormat.grouped(String(all.count - shown.count))) lainnya di papan PK.",
                        "and \(IDFormat.grouped(String(all.count - shown.count))) more on the PK board.")))))
    }
}
