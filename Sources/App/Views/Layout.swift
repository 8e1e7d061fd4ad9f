import KinerjaCore
import Plot

/// The frame of every page: language, stylesheet, a skip link, the Pemda navigation and a footer.
enum Layout {
    struct Crumb {
        var title: String
        var url: String?
    }

    /// Whether the signed-in viewer may do something: pages offer only what the policy allows.
    static func may(_ action: AccessAction, _ subject: Subject) -> Bool {
        Policy.decide(Viewer.current?.principal ?? .anonymous, action, subject).isAllowed
    }

    /// A link shown only when the policy allows the action behind it.
    static func actionLink(_ title: String, href: String, if allowed: Bool) -> Node<HTML.BodyContext> {
        .if(allowed, .p(.class("actions"), .a(.class("button"), .href(href), .text(title))))
    }

    /// The header's account corner: a sign-in link, or the user's name with a sign-out button.
    static func account() -> Node<HTML.BodyContext> {
        guard let viewer = Viewer.current else {
            return .a(.class("account"), .href("/masuk"), .text(L("Masuk", "Sign in")))
        }
        return .form(.class("account"), .method(.post), .action("/keluar"),
                     .a(.href("/kotak-masuk"), .text(L("Kotak masuk", "Inbox"))),
                     .a(.href("/akun/kata-sandi"), .text(viewer.displayName)),
                     .input(.type(.hidden), .name("_csrf"), .value(viewer.csrfToken)),
                     .button(.type(.submit), .text(L("Keluar", "Sign out"))))
    }

    /// A link to the same page in the other language, named in that language so its speakers find it.
    static func languageSwitch() -> Node<HTML.BodyContext> {
        let other = Lang.current.other
        return .a(.class("lang"), .href(LanguageMiddleware.link(to: other, from: Lang.pagePath)),
                  .attribute(named: "hreflang", value: other.htmlCode), .attribute(named: "lang", value: other.htmlCode),
                  .text(other.name))
    }

    static func page(title: String, crumbs: [Crumb] = [], pemda: (code: String, name: String)? = nil,
                     body: Node<HTML.BodyContext>) -> String
    {
        HTML(
            .attribute(named: "lang", value: Lang.current.htmlCode),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title()`: it also writes og:/twitter: meta tags with the title unescaped.
                .element(named: "title", nodes: [.text("\(title) · Kinerja")]),
                .stylesheet("/static/kinerja.css")
            ),
            .body(
                .a(.class("skip"), .href("#isi"), .text(L("Langsung ke isi", "Skip to content"))),
                .header(
                    .class("top"),
                    .a(.class("brand"), .href("/"), .text("Kinerja")),
                    .unwrap(pemda) { pemda in
                        .nav(
                            .attribute(named: "aria-label", value: L("Menu Pemda", "Pemda menu")),
                            .ul(
                                .li(.a(.href("/pemda/\(pemda.code)"), .text(pemda.name))),
                                .li(.a(.href("/pemda/\(pemda.code)/rpjmd"), .text("RPJMD"))),
                                .li(.a(.href("/pemda/\(pemda.code)/unit"), .text(L("Perangkat Daerah", "Agencies")))),
                                .li(.a(.href("/pemda/\(pemda.code)/jabatan"), .text(L("Jabatan", "Positions")))),
                                .if(Viewer.current != nil && may(.read, Subject(.pk, pemda: pemda.code)),
                                    .li(.a(.href("/pemda/\(pemda.code)/pk"), .text(L("Perjanjian Kinerja", "Agreements (PK)"))))),
                                .if(Viewer.current != nil && may(.read, Subject(.pegawai, pemda: pemda.code)),
                                    .li(.a(.href("/pemda/\(pemda.code)/pegawai"), .text(L("Pegawai", "Employees"))))),
                                .if(Viewer.current != nil && may(.read, Subject(.jadwal, pemda: pemda.code)),
                                    .li(.a(.href("/pemda/\(pemda.code)/jadwal"), .text(L("Jadwal", "Schedules"))))),
                                .if(may(.update, Subject(.pemda, pemda: pemda.code)),
                                    .li(.a(.href("/pemda/\(pemda.code)/pengaturan"), .text(L("Pengaturan", "Settings"))))),
                                .if(may(.create, Subject(.user, pemda: pemda.code)),
                                    .li(.a(.href("/pemda/\(pemda.code)/pengguna"), .text(L("Pengguna", "Users"))))),
                                .if(may(.read, Subject(.audit, pemda: pemda.code)),
                                    .li(.a(.href("/pemda/\(pemda.code)/audit"), .text(L("Jejak audit", "Audit trail")))))
                            )
                        )
                    },
                    languageSwitch(),
                    account()
                ),
                .if(!crumbs.isEmpty,
                    .nav(.class("crumbs"), .attribute(named: "aria-label", value: L("Lokasi halaman", "You are here")),
                         .ol(.forEach(crumbs) { crumb in
                             .li(crumb.url.map { .a(.href($0), .text(crumb.title)) } ?? .text(crumb.title))
                         }))),
                .main(.id("isi"),
                      .unwrap(Flash.shown) { .p(.class("notice flash"), .id("flash"), .attribute(named: "role", value: "status"), .text($0.text)) },
                      body),
                .footer(.class("foot"),
                        .text(L("Kinerja: Sistem Akuntabilitas Kinerja Instansi Pemerintah untuk Pemerintah Daerah. ",
                              "Kinerja: performance accountability for Indonesian local governments. ")),
                        .a(.href("/nomenklatur"), .text(L("Nomenklatur", "Nomenclature"))), .text(" · "),
                        .a(.href("/publik/pk"), .text(L("PK yang diterbitkan", "Published PKs"))), .text(" · "),
                        .a(.href("/api/openapi.yaml"), .text("API")))
            )
        ).render()
    }
}
