import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// Small view helpers shared by the pages.
enum Fmt {
    static func date(_ iso: String) -> String { CalendarDate(iso: iso).map(date) ?? iso }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]

    /// `23 November 2026`, with the month named in the interface language.
    static func date(_ date: CalendarDate) -> String {
        Lang.current == .en ? "\(date.day) \(englishMonths[date.month - 1]) \(date.year)" : IDFormat.date(date)
    }

    static func rupiah(_ amount: Int64?) -> String { amount.map { IDFormat.rupiah($0) } ?? "–" }

    static func target(_ indikator: IndikatorView, year: Int) -> String {
        indikator.targets.first { $0.year == year && $0.period == 0 }?.display ?? "–"
    }

    static func polarity(_ p: Polarity) -> String { p == .positive ? "Positif" : "Negatif" }

    static func holder(_ holders: [Holder]) -> Node<HTML.BodyContext> {
        guard !holders.isEmpty else { return .span(.class("muted"), .text("Kosong")) }
        return .forEach(holders) { holder in
            .div(.class("holder"),
                 .if(holder.kind != .definitif, .span(.class("badge"), .text(holder.kind == .plt ? "Plt." : "Plh."))),
                 .strong(.text(holder.name)),
                 .unwrap(holder.nipGrouped) { .span(.class("nip"), .text("NIP. \($0)")) },
                 .if(!holder.pangkat.isEmpty, .span(.class("muted"), .text(holder.pangkat))))
        }
    }

    /// The Manual IKU of an indicator, folded under its name.
    static func manual(_ i: IndikatorView) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .element(named: "summary", text: "Manual indikator"),
            .dl(.class("manual"),
                .dt(.text("Definisi operasional")), .dd(.text(i.definition.isEmpty ? "–" : i.definition)),
                .dt(.text("Cara pengukuran")), .dd(.text(i.measurement.isEmpty ? "–" : i.measurement)),
                .dt(.text("Sumber data")), .dd(.text(i.dataSource.isEmpty ? "–" : i.dataSource)),
                .dt(.text("Agregasi triwulan")), .dd(.text("\(i.aggregation.label.id), \(i.entryMode.label.id.lowercased())"))),
        ])
    }

    /// The indicator table: code, name, satuan, polarity, baseline and a target column per year.
    static func indicatorTable(_ indikator: [IndikatorView], years: [Int], caption: String) -> Node<HTML.BodyContext> {
        .table(
            .class("data"),
            .caption(.text(caption)),
            .thead(.tr(
                .th(.text("Kode")), .th(.text("Indikator")), .th(.text("Satuan")), .th(.text("Polaritas")),
                .th(.class("num"), .text("Kondisi awal")),
                .forEach(years) { .th(.class("num"), .text("Target \($0)")) }
            )),
            .tbody(.forEach(indikator) { i in
                .tr(
                    .td(.text(i.code)),
                    .td(.text(i.name), .if(i.tags.contains("IKU"), .span(.class("badge"), .text("IKU"))),
                        .if(!i.definition.isEmpty || !i.dataSource.isEmpty, manual(i))),
                    .td(.text(i.satuan)),
                    .td(.text(polarity(i.polarity))),
                    .td(.class("num"), .text(i.baselineValue.map { v in "\(v)\(i.baselineYear.map { " (\($0))" } ?? "")" } ?? "–")),
                    .forEach(years) { year in .td(.class("num"), .text(target(i, year: year))) }
                )
            })
        )
    }
}
