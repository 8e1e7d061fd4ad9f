import Plot
import Vapor

enum ErrorPage {
    static func html(status: HTTPResponseStatus, reason: String) -> String {
        Layout.page(title: "Kesalahan \(status.code)", body: .group(
            .h1(.text(status == .notFound ? "Tidak ditemukan" : "Terjadi kesalahan")),
            .p(.class("error"), .attribute(named: "role", value: "alert"), .text(reason)),
            .p(.a(.href("/"), .text("Kembali ke beranda")))
        ))
    }
}
