import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The signed-in user's inbox.
enum InboxPage {
    static func render(pemda: Pemda?, year: Int, items: [PkInboxItem]) -> String {
        let tasks = items.filter { $0.kind != .tenggat }
        let reminders = items.filter { $0.kind == .tenggat }
        func link(_ item: PkInboxItem) -> Node<HTML.BodyContext> {
            let label = "\(item.jabatanName) · PK \(item.year)" + (item.version > 0 ? L(" (Perubahan \(item.version))", " (revision \(item.version))") : "")
            guard let pemda, let id = item.pkID else { return .text(label) }
            return .a(.href("/pemda/\(pemda.code)/pk/\(id.uuidString)"), .text(label))
        }
        return Layout.page(title: L("Kotak masuk", "Inbox"), pemda: pemda.map { ($0.code, $0.name) }, body: .group(
            .h1(.text(L("Kotak masuk", "Inbox"))),
            .form(.class("search"), .method(.get), .action("/kotak-masuk"),
                  .label(.for("tahun"), .text(L("Tahun", "Year"))),
                  .input(.id("tahun"), .name("tahun"), .type(.number), .value(String(year))),
                  .button(.type(.submit), .text(L("Tampilkan", "Show")))),
            .h2(.text(L("Menunggu tindakan Anda", "Waiting for you"))),
            tasks.isEmpty ? .p(.class("muted"), .id("inbox-empty"), .text(L("Tidak ada yang menunggu Anda.", "Nothing is waiting for you.")))
                : .ul(.id("inbox-tasks"), .forEach(tasks) { item in
                    .li(.attribute(named: "data-kind", value: item.kind.rawValue), link(item), .text(": " + item.message.text))
                }),
            .h2(.text(L("Pengingat tenggat", "Deadline reminders"))),
            reminders.isEmpty ? .p(.class("muted"), .text(L("Tidak ada PK yang mendekati atau melewati tenggat.", "No PK is close to or past its deadline.")))
                : .ul(.id("inbox-reminders"), .forEach(reminders) { item in .li(.class("tone-late"), link(item), .text(": " + item.message.text)) })
        ))
    }
}
