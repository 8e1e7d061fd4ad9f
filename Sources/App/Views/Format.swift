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

    /// `23 November 2026, 14.05 WITA`: a moment in the Pemda's own time, the one format of every timestamp. Worked
    /// out by `ZonaWaktu` (no DST in Indonesia), not by a `DateFormatter` per row.
    static func moment(_ date: Date, zone: ZonaWaktu) -> String {
        let clock = zone.clock(atUnixSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
        let hm = (clock.hour < 10 ? "0" : "") + String(clock.hour) + L(".", ":") + (clock.minute < 10 ? "0" : "") + String(clock.minute)
        return "\(Fmt.date(clock.day)), \(hm) \(zone.abbreviation)"
    }

    /// `2026-11-23T14:05:09+08:00`: a moment for files meant for machines, in the Pemda's zone.
    static func iso(_ date: Date, zone: ZonaWaktu) -> String {
        let c = zone.clock(atUnixSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
        func two(_ n: Int) -> String { (n < 10 ? "0" : "") + String(n) }
        return "\(c.day)T\(two(c.hour)):\(two(c.minute)):\(two(c.second))+\(two(zone.offsetSeconds / 3600)):00"
    }

    static func rupiah(_ amount: Int64?) -> String { amount.map { IDFormat.rupiah($0) } ?? "–" }

    static func target(_ indikator: IndikatorView, year: Int) -> String {
        indikator.targets.first { $0.year == year && $0.period == 0 }?.display ?? "–"
    }

    static func polarity(_ p: Polarity) -> String { p == .positive ? L("Positif", "Positive") : L("Negatif", "Negative") }

    static func holder(_ holders: [Holder]) -> Node<HTML.BodyContext> {
        guard !holders.isEmpty else { return .span(.class("muted"), .text(L("Kosong", "Vacant"))) }
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
            .element(named: "summary", text: L("Manual indikator", "Indicator manual")),
            .dl(.class("manual"),
                .dt(.text(L("Definisi operasional", "Operational definition"))), .dd(.text(i.definition.isEmpty ? "–" : i.definition)),
                .dt(.text(L("Cara pengukuran", "Measurement"))), .dd(.text(i.measurement.isEmpty ? "–" : i.measurement)),
                .dt(.text(L("Sumber data", "Data source"))), .dd(.text(i.dataSource.isEmpty ? "–" : i.dataSource)),
                .dt(.text(L("Agregasi triwulan", "Quarterly aggregation"))),
                .dd(.text("\(i.aggregation.label.text), \(i.entryMode.label.text.lowercased())")),
                .dt(.text(L("Periode pelaporan", "Reporting period"))), .dd(.text(i.reporting.label.text))),
        ])
    }

    /// The indicator table: code, name, satuan, polarity, baseline and a target column per year.
    static func indicatorTable(_ indikator: [IndikatorView], years: [Int], caption: String) -> Node<HTML.BodyContext> {
        .table(
            .class("data"),
            .caption(.text(caption)),
            .thead(.tr(
                .th(.text(L("Kode", "Code"))), .th(.text(L("Indikator", "Indicator"))), .th(.text(L("Satuan", "Unit of measure"))),
                .th(.text(L("Polaritas", "Polarity"))), .th(.class("num"), .text(L("Kondisi awal", "Baseline"))),
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
