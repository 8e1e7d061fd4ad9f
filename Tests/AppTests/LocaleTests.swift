import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// The value of the language cookie a response sets, if it sets one.
private func languageCookie(_ res: TestingHTTPResponse) -> String? {
    res.headers[.setCookie].lazy
        .compactMap { $0.split(separator: ";").first }
        .first { $0.hasPrefix("\(LanguageMiddleware.cookie)=") }
        .map { String($0.dropFirst(LanguageMiddleware.cookie.count + 1)) }
}

@Suite(.serialized)
struct LocaleTests {
    @Test func the_language_is_switched_by_the_query_and_remembered_in_a_cookie() async throws {
        try await withDemoApp { app in
            var browser = Browser()

            // Without a choice the interface speaks Bahasa Indonesia and sets no language cookie.
            let first = try await get(app, "/pemda/99.71/unit", &browser)
            #expect(first.status == .ok)
            #expect(first.text.contains("<html lang=\"id\">"))
            #expect(first.text.contains("<h1>Perangkat Daerah Kota Contoh</h1>"))
            #expect(first.text.contains("Lihat Renstra"))
            #expect(!first.text.contains("Agencies of"))
            #expect(first.text.contains("href=\"/pemda/99.71/unit?lang=en\""), "the switch offers English")
            #expect(languageCookie(first) == nil)

            // ?lang=en switches: headings, navigation, table headers and the <html> language, and sets the cookie.
            let english = try await get(app, "/pemda/99.71/unit?lang=en", &browser)
            #expect(english.status == .ok)
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("<h1>Agencies of Kota Contoh</h1>"))
            #expect(english.text.contains("<a href=\"/pemda/99.71/jabatan\">Positions</a>"))
            #expect(english.text.contains("<th>Code</th>"))
            #expect(english.text.contains("View Renstra"))
            #expect(!english.text.contains("Lihat Renstra"))
            #expect(!english.text.contains("Perangkat Daerah Kota Contoh"))
            #expect(english.text.contains("href=\"/pemda/99.71/unit?lang=id\""), "the switch now offers Bahasa Indonesia")
            #expect(languageCookie(english) == "en")

            // The cookie alone keeps English on the next pages, dates included.
            let remembered = try await get(app, "/pemda/99.71/unit", &browser)
            #expect(remembered.text.contains("<html lang=\"en\">"))
            #expect(remembered.text.contains("<h1>Agencies of Kota Contoh</h1>"))
            #expect(languageCookie(remembered) == nil, "no choice made, nothing to store")
            let positions = try await get(app, "/pemda/99.71/jabatan?tanggal=2026-08-01", &browser)
            #expect(positions.text.contains("<h1>Positions and Officials</h1>"))
            #expect(positions.text.contains("Officials as of 1 August 2026."))
            #expect(!positions.text.contains("Agustus"))

            // Error pages follow the language too.
            let missing = try await get(app, "/pemda/99.71/tidak-ada", &browser)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<h1>Not found</h1>"))
            #expect(!missing.text.contains("Tidak ditemukan"))

            // ?lang=id switches back, and that is remembered as well.
            let indonesian = try await get(app, "/pemda/99.71/unit?lang=id", &browser)
            #expect(indonesian.text.contains("<html lang=\"id\">"))
            #expect(indonesian.text.contains("<h1>Perangkat Daerah Kota Contoh</h1>"))
            #expect(!indonesian.text.contains("Agencies of"))
            #expect(languageCookie(indonesian) == "id")
            let after = try await get(app, "/pemda/99.71/jabatan?tanggal=2026-08-01", &browser)
            #expect(after.text.contains("<html lang=\"id\">"))
            #expect(after.text.contains("Pejabat per 1 Agustus 2026."))
        }
    }

    /// A signed-in request carries the session cookie, and Vapor's sessions middleware answers it in a new task that
    /// inherits no task-locals: the language must survive that (it is bound again after the sessions middleware).
    @Test func a_validation_message_is_shown_in_the_chosen_language() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let bad = ["nip": "19700101 199003 1 00", "nama": "Dra. Siti Aminah, M.Si.", "pangkat": "Pembina (IV/a)"]

            let formEn = try await get(app, "/pemda/99.71/pegawai/baru?lang=en", &admin)
            #expect(formEn.status == .ok, "still signed in after switching")
            #expect(languageCookie(formEn) == "en")
            let english = try await post(app, "/pemda/99.71/pegawai/baru", &admin, bad)
            #expect(english.status == .unprocessableEntity)
            #expect(formEn.text.contains("<label for=\"nama\">Full name with titles</label>"))
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("A NIP has 18 digits (got 17)."))
            #expect(english.text.contains("Check the fields marked below."))
            #expect(!english.text.contains("NIP harus 18 digit"))
            // The language link comes back to the same page.
            #expect(english.text.contains("href=\"/pemda/99.71/pegawai/baru?lang=id\""))

            let formId = try await get(app, "/pemda/99.71/pegawai/baru?lang=id", &admin)
            #expect(languageCookie(formId) == "id")
            #expect(formId.text.contains("<label for=\"nama\">Nama lengkap dengan gelar</label>"))
            let indonesian = try await post(app, "/pemda/99.71/pegawai/baru", &admin, bad)
            #expect(indonesian.status == .unprocessableEntity)
            #expect(indonesian.text.contains("NIP harus 18 digit angka (tertulis 17 digit)."))
            #expect(!indonesian.text.contains("A NIP has 18 digits"))
        }
    }

    /// The rendering half without the session: a rule's message and the form around it follow the language.
    @Test func a_rule_violation_renders_in_the_current_language() throws {
        let violation: RuleViolation
        do {
            _ = try Nip("19700101 199003 1 00")
            Issue.record("a 17-digit NIP was accepted")
            return
        } catch {
            violation = error
        }
        let pemda = PemdaInfo.sample
        let form = ManagePages.PegawaiForm(nip: "19700101 199003 1 00", nama: "", pangkat: "")
        let english = Lang.$current.withValue(.en) {
            ManagePages.pegawai(pemda, form: form, errors: FormErrors(violation), csrf: "t")
        }
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("A NIP has 18 digits (got 17)."))
        #expect(english.contains("<label for=\"nama\">Full name with titles</label>"))
        #expect(english.contains("<h1>Add an employee</h1>"))
        #expect(!english.contains("NIP harus"))
        let indonesian = Lang.$current.withValue(.id) {
            ManagePages.pegawai(pemda, form: form, errors: FormErrors(violation), csrf: "t")
        }
        #expect(indonesian.contains("<html lang=\"id\">"))
        #expect(indonesian.contains("NIP harus 18 digit angka (tertulis 17 digit)."))
        #expect(indonesian.contains("<h1>Tambah pegawai</h1>"))
        #expect(!indonesian.contains("A NIP has"))
    }
}
