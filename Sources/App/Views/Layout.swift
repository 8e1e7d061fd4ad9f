import KinerjaCore
import KinerjaStore
import Plot

/// The frame of every page: language, stylesheet, a skip link, the Pemda's menu (the page's Pemda, or the signed-in
/// user's own, so that it is always one click away), the confirmation of the last step, and a footer.
enum Layout {
    struct Crumb {
        var title: String
        var url: String?

        init(title: String, url: String?) {
            self.title = title
            self.url = url
        }

        init(_ title: String, _ url: SiteURL? = nil) {
            self.title = title
            self.url = url?.path
        }
    }

    /// Whether the signed-in viewer may do something: pages offer only what the policy allows.
    static func may(_ action: AccessAction, _ subject: Subject) -> Bool {
        Policy.decide(Viewer.current?.principal ?? .anonymous, action, subject).isAllowed
    }

    /// A link shown only when the policy allows the action behind it.
    static func actionLink(_ title: String, href: SiteURL, if allowed: Bool) -> Node<HTML.BodyContext> {
        .if(allowed, .p(.class("actions"), .a(.class("button"), .href(href), .text(title))))
    }

    /// The header's account corner: a sign-in link, or the user's name with a sign-out button.
    static func account() -> Node<HTML.BodyContext> {
        guard let viewer = Viewer.current else {
            return .a(.class("account"), .href(SiteURL.login), .text(L("Masuk", "Sign in")))
        }
        return .form(.class("account"), .method(.post), .action(SiteURL.logout),
                     .a(.href(SiteURL.inbox), .text(L("Kotak masuk", "Inbox"))),
                     .a(.href(SiteURL.password), .attribute(named: "title", value: L("Akun saya", "My account")), .text(viewer.displayName)),
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

    /// The menu of one Pemda: what the viewer may see of it.
    static func menu(_ pemda: PemdaRef) -> Node<HTML.BodyContext> {
        let code = pemda.code
        let signedIn = Viewer.current != nil
        func item(_ title: String, _ page: SiteURL.PemdaPath, if shown: Bool = true) -> Node<HTML.ListContext> {
            .if(shown, .li(.a(.href(SiteURL.of(code, page)), .text(title))))
        }
        return .nav(.class("pemda-menu"), .attribute(named: "aria-label", value: L("Menu \(pemda.name)", "\(pemda.name) menu")),
                    .ul(
                        .li(.a(.class("pemda-name"), .href(SiteURL.of(code, .profile)), .text(pemda.name))),
                        item("RPJMD", .rpjmd),
                        item(L("Perangkat Daerah", "Agencies"), .units),
                        item(L("Jabatan", "Positions"), .jabatan),
                        item(L("Perjanjian Kinerja", "Agreements (PK)"), .pkBoard, if: signedIn && may(.read, Subject(.pk, pemda: code))),
                        item(L("Capaian", "Capaian"), .kinerja, if: signedIn && may(.read, Subject(.pk, pemda: code))),
                        item(L("Pegawai", "Employees"), .pegawai, if: signedIn && may(.read, Subject(.pegawai, pemda: code))),
                        item(L("Jadwal", "Schedules"), .jadwal, if: signedIn && may(.read, Subject(.jadwal, pemda: code))),
                        item(L("Pengaturan", "Settings"), .settings, if: may(.update, Subject(.pemda, pemda: code))),
                        item(L("Pengguna", "Users"), .users, if: may(.create, Subject(.user, pemda: code))),
                        item(L("Jejak audit", "Audit trail"), .audit, if: may(.read, Subject(.audit, pemda: code)))))
    }

    static func page(title: String, crumbs: [Crumb] = [], pemda: PemdaRef? = nil, bodyClass: String? = nil,
                     body: Node<HTML.BodyContext>) -> String
    {
        let shownPemda = pemda ?? Viewer.current?.pemda
        return HTML(
            .attribute(named: "lang", value: Lang.current.htmlCode),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · Kinerja"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .unwrap(bodyClass) { .class($0) },
                .a(.class("skip"), .href("#isi"), .text(L("Langsung ke isi", "Skip to content"))),
                .header(
                    .class("top"),
                    .a(.class("brand"), .href(SiteURL.home), .text("Kinerja")),
                    .if(Viewer.current != nil, .a(.class("home-link"), .href(SiteURL.home), .text(L("Beranda", "Home")))),
                    .unwrap(shownPemda) { menu($0) },
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
                        .a(.href(SiteURL.nomenklatur), .text(L("Nomenklatur", "Nomenclature"))), .text(" · "),
                        .a(.href(SiteURL.portal), .text(L("PK yang diterbitkan", "Published PKs"))), .text(" · "),
                        .a(.href(SiteURL.openAPI), .text("API")))
            )
        ).render()
    }

    /// The trail from the home page through a Pemda to a page of it.
    static func crumbs(_ pemda: PemdaRef, _ trail: Crumb...) -> [Crumb] {
        [Crumb(L("Beranda", "Home"), .home), Crumb(pemda.name, .of(pemda.code, .profile))] + trail
    }

    /// A refusal or warning for the whole page, announced to screen readers.
    static func alert(_ text: String?, id: String = "form-error") -> Node<HTML.BodyContext> {
        .unwrap(text) { .p(.class("error"), .id(id), .attribute(named: "role", value: "alert"), .text($0)) }
    }
}

extension PemdaRef {
    init(_ pemda: PemdaInfo) { self.init(code: pemda.code, name: pemda.name) }
}
