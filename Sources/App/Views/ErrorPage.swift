import Plot
import Vapor

enum ErrorPage {
    static func html(status: HTTPResponseStatus, reason: String) -> String {
        Layout.page(title: L("Kesalahan \(status.code)", "Error \(status.code)"), body: .group(
            .h1(.text(status == .notFound ? L("Tidak ditemukan", "Not found") : L("Terjadi kesalahan", "Something went wrong"))),
            .p(.class("error"), .attribute(named: "role", value: "alert"), .text(reason)),
            .p(.a(.href(SiteURL.home), .text(L("Kembali ke beranda", "Back to the home page"))))
        ))
    }
}
