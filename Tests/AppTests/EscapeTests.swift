import Foundation
import KinerjaCore
import KinerjaStore
import Plot
import Testing
import VaporTesting
@testable import App

/// What a person typed comes back inside attribute values; it must never close the attribute.
@Suite(.serialized)
struct EscapeTests {
    @Test func an_empty_choice_is_sent_as_empty_not_as_its_label() {
        let html = Node<HTML.BodyContext>.form(FormView.select("x", "X", options: [.init(value: "a", label: "A")], selected: "",
                                                               errors: FormErrors(), allowEmpty: true)).render()
        // `value` bare or `value=""`, never absent.
        #expect(html.range(of: #"<option value(="")?( selected="selected")?>–</option>"#, options: .regularExpression) != nil, "\(html)")
    }

    @Test func attribute_values_are_escaped() {
        #expect(Escape.attribute(#"a"b<c>&'d"#) == "a&quot;b&lt;c&gt;&amp;&#39;d")
    }

    @Test func a_search_and_a_refused_form_cannot_inject_markup() async throws {
        try await withDemoApp { app in
            var visitor = Browser()
            let evil = #""><meta http-equiv="refresh" content="0;url=https://evil.example">"#
            let query = evil.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let search = try await get(app, "/nomenklatur?q=\(query)", &visitor)
            #expect(search.status == .ok)
            #expect(!search.text.contains("<meta http-equiv"))
            #expect(search.text.contains("value=\"&quot;&gt;&lt;meta http-equiv=&quot;refresh&quot;"))

            var admin = try await signedIn(app, as: "admin")
            let refused = try await post(app, "/pemda/99.71/unit/baru", &admin,
                                         ["kode": "", "nama": evil, "jenis": "bidang", "induk": "", "bidang": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(!refused.text.contains("<meta http-equiv"))
            let units = try await get(app, "/pemda/99.71/unit?q=\(query)&lang=en", &admin)
            #expect(!units.text.contains("<meta http-equiv"))
        }
    }
}

struct SafeNextTests {
    @Test(arguments: ["//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "https://evil.example",
                      "javascript:alert(1)", ""])
    func a_next_that_could_leave_the_site_goes_home(next: String) {
        #expect(LoginController().safeNext(next) == "/")
    }

    @Test func a_path_on_this_site_is_kept() {
        #expect(LoginController().safeNext("/pemda/99.71/audit?entitas=unit") == "/pemda/99.71/audit?entitas=unit")
    }
}
