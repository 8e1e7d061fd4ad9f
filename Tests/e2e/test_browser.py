"""Browser tests: real Chromium (Debian's chromium + chromium-driver) driven by Selenium against a live server with
the demo data. Run by scripts/browser-test.sh, which starts the server and sets KINERJA_BASE_URL."""
import json
import os
import uuid

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("KINERJA_BASE_URL", "http://127.0.0.1:18090")
PASSWORD = "KotaContoh2026"


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def wait_for_text(driver, css, text):
    """Waits until the element holds the text: a click that navigates leaves the old page briefly in place."""
    WebDriverWait(driver, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return driver.find_element(By.CSS_SELECTOR, css).text


def sign_in(driver, username, password=PASSWORD, next_path=None):
    driver.get(BASE + "/masuk" + (f"?next={next_path}" if next_path else ""))
    driver.find_element(By.ID, "login").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    if password == PASSWORD and next_path:
        WebDriverWait(driver, 10).until(EC.url_to_be(BASE + next_path))
    elif password == PASSWORD:
        # Home, or the first page of the role (the Walikota's is the year's performance).
        WebDriverWait(driver, 10).until(lambda d: "/masuk" not in d.current_url)


def submit_and_wait(driver, path_suffix):
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    WebDriverWait(driver, 10).until(EC.url_matches(r".*" + path_suffix.replace(".", r"\.") + "$"))


def test_sign_in_shows_the_user_and_sign_out_forgets_them(browser):
    sign_in(browser, "admin")
    assert "Admin Bappeda Kota Contoh" in wait_for_text(browser, "header", "Admin Bappeda Kota Contoh")
    browser.find_element(By.CSS_SELECTOR, "form.account button").click()
    header = wait_for_text(browser, "header a.account", "Masuk")
    assert "Admin Bappeda" not in browser.find_element(By.CSS_SELECTOR, "header").text
    assert header == "Masuk"


def test_a_wrong_password_is_announced(browser):
    sign_in(browser, "admin", password="bukan-kata-sandinya-1")
    wait_for_text(browser, "#login-error", "salah")
    assert browser.find_element(By.ID, "login-error").text == "Nama pengguna/NIP atau kata sandi salah."


def test_an_admin_creates_a_unit_and_a_position(browser):
    sign_in(browser, "admin", next_path="/pemda/99.71/unit")
    browser.find_element(By.LINK_TEXT, "Tambah unit").click()
    name = f"UPTD Uji {uuid.uuid4().hex[:6]}"
    browser.find_element(By.ID, "kode").send_keys("1.02.0.00.0.00.01.0000." + uuid.uuid4().hex[:4])
    browser.find_element(By.ID, "nama").send_keys(name)
    Select(browser.find_element(By.ID, "jenis")).select_by_value("uptd")
    Select(browser.find_element(By.ID, "induk")).select_by_visible_text("Dinas Kesehatan")
    submit_and_wait(browser, "/pemda/99.71/unit")
    assert name in browser.page_source

    browser.get(BASE + "/pemda/99.71/jabatan")
    browser.find_element(By.LINK_TEXT, "Tambah jabatan").click()
    browser.find_element(By.ID, "nama").send_keys("Kepala " + name)
    Select(browser.find_element(By.ID, "tingkat")).select_by_value("pengawas")
    browser.find_element(By.ID, "eselon").send_keys("IV.a")
    Select(browser.find_element(By.ID, "unit")).select_by_visible_text("— " + name)
    Select(browser.find_element(By.ID, "atasan")).select_by_visible_text("— Kepala Dinas Kesehatan")
    submit_and_wait(browser, "/pemda/99.71/jabatan")
    assert "Kepala " + name in browser.page_source

    # Both changes are in the audit trail, with the values written.
    browser.get(BASE + "/pemda/99.71/audit")
    trail = browser.find_element(By.CSS_SELECTOR, "table.data").text
    assert name in trail and "Kepala " + name in trail
    assert "admin" in trail


def test_a_bad_nip_shows_its_message_beside_the_field(browser):
    sign_in(browser, "admin", next_path="/pemda/99.71/pegawai/baru")
    browser.find_element(By.ID, "nip").send_keys("19700101 199003 1 00")
    browser.find_element(By.ID, "nama").send_keys("Dra. Siti Aminah, M.Si.")
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    wait_for_text(browser, "#nip-error", "NIP harus")
    assert browser.find_element(By.ID, "nip-error").text == "NIP harus 18 digit angka (tertulis 17 digit)."
    assert browser.find_element(By.ID, "nip").get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.ID, "nama").get_attribute("value") == "Dra. Siti Aminah, M.Si."


def test_an_operator_of_one_opd_is_refused_setting_up_the_pemda(browser):
    sign_in(browser, "operator.dinkes", next_path="/pemda/99.71/unit")
    assert "Tambah unit" not in browser.page_source
    browser.get(BASE + "/pemda/99.71/unit/baru")
    assert "Hanya Admin Pemda yang dapat melakukan ini." in browser.find_element(By.CSS_SELECTOR, "main").text


def set_date(driver, element_id, value):
    """Date inputs take their typed form from the browser's locale; set the ISO value directly."""
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, element_id), value)


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, "form.account button").click()
    wait_for_text(driver, "header a.account", "Masuk")


def edit_first_rkt_target(driver, value):
    driver.get(BASE + "/pemda/99.71/unit")
    driver.find_element(By.XPATH, "//tr[td[normalize-space()='Dinas Kesehatan']]//a[text()='RKT']").click()
    field = driver.find_element(By.CSS_SELECTOR, "form.inline input[name=nilai]")
    field.send_keys(value)
    field.find_element(By.XPATH, "./following-sibling::button").click()


def test_a_closed_schedule_refuses_an_edit_and_a_reopened_one_allows_it(browser):
    import datetime
    today = datetime.date.today()
    sign_in(browser, "admin", next_path="/pemda/99.71/jadwal?tahun=2026")
    Select(browser.find_element(By.ID, "tahap")).select_by_value("rkt")
    set_date(browser, "dibuka", (today - datetime.timedelta(days=60)).isoformat())
    set_date(browser, "ditutup", (today - datetime.timedelta(days=30)).isoformat())
    browser.find_element(By.CSS_SELECTOR, "#jadwal-form button").click()
    assert wait_for_text(browser, "td.state[data-stage=rkt]", "Ditutup") == "Ditutup"
    sign_out(browser)

    sign_in(browser, "operator.dinkes")
    edit_first_rkt_target(browser, "99")
    assert "sudah ditutup" in wait_for_text(browser, "#form-error", "ditutup")
    sign_out(browser)

    sign_in(browser, "admin", next_path="/pemda/99.71/jadwal?tahun=2026")
    Select(browser.find_element(By.ID, "tahap-buka")).select_by_value("rkt")
    set_date(browser, "sampai", (today + datetime.timedelta(days=7)).isoformat())
    browser.find_element(By.ID, "alasan").send_keys("APBD Perubahan menggeser target")
    browser.find_element(By.CSS_SELECTOR, "#reopen-form button").click()
    assert wait_for_text(browser, "td.state[data-stage=rkt]", "Dibuka kembali").startswith("Dibuka kembali")
    sign_out(browser)

    sign_in(browser, "operator.dinkes")
    edit_first_rkt_target(browser, "99")
    wait_for_text(browser, "#rkt-jadwal", "Dibuka kembali")
    assert not browser.find_elements(By.ID, "form-error")
    assert browser.find_elements(By.XPATH, "//td[@data-indikator][normalize-space()='99']")


def submit_form_of(driver, element_id):
    """Pages with several forms: submits the one holding the element."""
    driver.find_element(By.ID, element_id).find_element(By.XPATH, "./ancestor::form//button[@type='submit']").click()


def test_an_operator_builds_their_own_renstra_and_is_refused_another(browser):
    sign_in(browser, "operator.dinkes", next_path="/pemda/99.71/unit")
    rows = browser.find_elements(By.XPATH, "//tr[.//a[text()='Kelola Renstra']]")
    assert [row.find_element(By.XPATH, "./td[2]").text for row in rows] == ["Dinas Kesehatan"]
    rows[0].find_element(By.LINK_TEXT, "Kelola Renstra").click()
    text = f"Meningkatnya mutu layanan puskesmas {uuid.uuid4().hex[:4]}"
    browser.find_element(By.ID, "sasaran-teks").send_keys(text)
    submit_form_of(browser, "sasaran-teks")
    assert text in wait_for_text(browser, "main ol.outline", text)
    # A code that is not in the nomenclature is refused beside its field.
    browser.find_element(By.ID, "item-kode").send_keys("9.99.99")
    submit_form_of(browser, "item-kode")
    assert "Kode" in wait_for_text(browser, "#item-kode-error", "Kode")

    browser.get(BASE + "/pemda/99.71/unit?q=pendidikan")
    link = browser.find_element(By.XPATH, "//tr[td[normalize-space()='Dinas Pendidikan']]//a[text()='Lihat Renstra']")
    browser.get(link.get_attribute("href") + "/kelola")
    assert "Anda hanya dapat mengubah data unit kerja Anda sendiri." in browser.find_element(By.CSS_SELECTOR, "main").text


def test_an_admin_grows_the_rpjmd_and_fills_an_indicator_manual(browser):
    sign_in(browser, "admin", next_path="/pemda/99.71/rpjmd")
    browser.find_element(By.LINK_TEXT, "Kelola RPJMD").click()
    tujuan = f"Meningkatnya daya saing ekonomi lokal {uuid.uuid4().hex[:4]}"
    Select(browser.find_element(By.ID, "tujuan-misi")).select_by_index(0)
    browser.find_element(By.ID, "tujuan-teks").send_keys(tujuan)
    submit_form_of(browser, "tujuan-teks")
    assert tujuan in wait_for_text(browser, "main ol.outline", tujuan)

    browser.find_element(By.CSS_SELECTOR, "ul.indikator-links li a:not(.add)").click()
    source = browser.find_element(By.ID, "sumber")
    source.clear()
    source.send_keys("BPS Kota Contoh, Susenas Maret")
    browser.find_element(By.ID, "tahunAwal").clear()
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    # The baseline and its year go together: the form says so and keeps what was typed.
    assert "bersama" in wait_for_text(browser, "#tahunAwal-error", "bersama")
    assert browser.find_element(By.ID, "sumber").get_attribute("value") == "BPS Kota Contoh, Susenas Maret"
    browser.find_element(By.ID, "tahunAwal").send_keys("2024")
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.url_matches(r".*/rpjmd/kelola$"))
    browser.get(BASE + "/pemda/99.71/rpjmd")
    assert "BPS Kota Contoh, Susenas Maret" in browser.page_source


def test_the_interface_switches_to_english_and_back(browser):
    sign_in(browser, "admin", next_path="/pemda/99.71/unit")
    browser.find_element(By.CSS_SELECTOR, "a.lang").click()
    assert wait_for_text(browser, "main h1", "Agencies").startswith("Agencies of")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.get(BASE + "/pemda/99.71/pegawai/baru")
    browser.find_element(By.ID, "nip").send_keys("123")
    browser.find_element(By.ID, "nama").send_keys("Test")
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    assert "18 digits" in wait_for_text(browser, "#nip-error", "18 digits")
    browser.find_element(By.CSS_SELECTOR, "a.lang").click()
    assert wait_for_text(browser, "main h1", "Tambah pegawai") == "Tambah pegawai"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"


# --- Perjanjian Kinerja -------------------------------------------------------------------------------------------

BOARD = "/pemda/99.71/pk?tahun=2026"


def switch_user(driver, username, path):
    """Signs out whoever is signed in and signs in as `username`, landing on `path`."""
    driver.delete_all_cookies()
    sign_in(driver, username, next_path=path)


def draft_pk(driver, jabatan):
    """Drafts the 2026 PK of a position from the board and returns the PK page's path."""
    row = driver.find_element(By.XPATH, f"//table[@id='pk-board']//tr[normalize-space(td[1]/text()[1])='{jabatan}']")
    row.find_element(By.CSS_SELECTOR, "button.draft").click()
    wait_for_text(driver, "#pk-status", "Draf")
    return driver.current_url.replace(BASE, "")


def click_and_wait_for_new_page(driver, element, timeout=20):
    """Clicks and waits until the old page is gone: the next page's text may equal the old one's."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, timeout).until(lambda _: page_is_gone(old))


def page_is_gone(old):
    """Asked while the browser swaps documents, chromedriver answers either "stale element" or, when the old page's
    script context is already destroyed, an "unhandled inspector error": both mean the old page has gone. The steps
    after this wait read the new page, so a real failure still shows there."""
    try:
        old.is_enabled()
        return False
    except WebDriverException:
        return True


def pk_action(driver, button_id, expected_status):
    """Takes a workflow step; a step that asks first (approve, publish) is confirmed in its second button."""
    button = driver.find_element(By.ID, button_id)
    confirm = driver.find_elements(By.ID, f"{button_id}-ya")
    if confirm:
        button.click()
        WebDriverWait(driver, 5).until(EC.visibility_of(confirm[0]))
        button = confirm[0]
    click_and_wait_for_new_page(driver, button)
    try:
        WebDriverWait(driver, 5).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "#pk-status"), expected_status))
    except Exception:
        errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#form-error, #pk-checks li.error, main h1")]
        raise AssertionError(f"{button_id}: expected {expected_status} at {driver.current_url}; page says {errors}")
    return driver.find_element(By.ID, "pk-status").text


def sign_pk(driver, party, expected_status):
    driver.find_element(By.ID, f"sandi-{party}").send_keys(PASSWORD)
    return pk_action(driver, f"aksi-tandatangani-{party}", expected_status)


def return_pk(driver, reason):
    driver.find_element(By.ID, "alasan-kembali").send_keys(reason)
    return pk_action(driver, "aksi-kembalikan", "Dikembalikan")


def row_ids(driver):
    return [r.get_attribute("id").removeprefix("row-") for r in driver.find_elements(By.CSS_SELECTOR, "#pk-kinerja tbody tr[id^=row-]")]


def type_into(driver, element_id, value):
    box = driver.find_element(By.ID, element_id)
    box.clear()
    box.send_keys(value)


def save_table(driver):
    """The PK's one form: every row and budget line is saved by one button."""
    click_and_wait_for_new_page(driver, driver.find_element(By.ID, "simpan"))


def edit_first_row(driver, field, value):
    """Types into the first row's field and saves the table; returns the row's id."""
    row_id = row_ids(driver)[0]
    type_into(driver, f"r-{row_id}-{field}", value)
    save_table(driver)
    return row_id


def complete_rencana_aksi(driver):
    """The drafter makes each row's TW IV the year target, so that the rencana aksi adds up (the indicators here take
    the last quarter as the year's figure), and saves every row at once. Other tests of this run may have changed the
    RKT targets it came from."""
    for row_id in row_ids(driver):
        target = driver.find_element(By.ID, f"r-{row_id}-target").get_attribute("value")
        type_into(driver, f"r-{row_id}-tw4", target)
    save_table(driver)
    assert "Tersimpan" in driver.find_element(By.ID, "flash").text
    assert driver.find_elements(By.CSS_SELECTOR, "#pk-checks li.error") == [], "no check stands in the way"


def review_and_publish(driver, path, drafter, kedua, fix_field):
    """Submit, return with a reason, fix, resubmit, approve, both parties sign, publish."""
    complete_rencana_aksi(driver)
    pk_action(driver, "aksi-ajukan", "Diajukan")
    switch_user(driver, "verifikator", path)
    return_pk(driver, "Sasaran baris 1 perlu dirumuskan ulang sesuai Renstra")
    switch_user(driver, drafter, path)
    assert "Sasaran baris 1 perlu dirumuskan ulang" in driver.find_element(By.ID, "pk-history").text
    original = driver.find_element(By.ID, f"r-{row_ids(driver)[0]}-{fix_field}").get_attribute("value")
    # A wrong value is refused beside its field, the whole table is kept as typed and nothing is written; the right
    # one is saved.
    ids = row_ids(driver)
    if len(ids) > 1:
        type_into(driver, f"r-{ids[1]}-tw1", "7,77")
    first = edit_first_row(driver, "target", "banyak sekali")
    assert "PK belum disimpan" in driver.find_element(By.ID, "form-error").text
    assert "angka" in driver.find_element(By.ID, f"r-{first}-target-error").text
    assert driver.find_element(By.ID, f"r-{first}-target").get_attribute("value") == "banyak sekali"
    if len(ids) > 1:
        assert driver.find_element(By.ID, f"r-{ids[1]}-tw1").get_attribute("value") == "7,77", "other rows keep what was typed"
    driver.get(BASE + path)
    if len(ids) > 1:
        assert driver.find_element(By.ID, f"r-{ids[1]}-tw1").get_attribute("value") != "7,77", "a refused save writes nothing"
    edit_first_row(driver, fix_field, original + (" (diperbaiki)" if fix_field == "sasaran" else ""))
    assert driver.find_elements(By.ID, "form-error") == []
    assert "Tersimpan" in driver.find_element(By.ID, "flash").text
    pk_action(driver, "aksi-ajukan", "Diajukan")
    switch_user(driver, "verifikator", path)
    pk_action(driver, "aksi-setujui", "Disetujui")
    switch_user(driver, kedua, path)
    sign_pk(driver, "pihakKedua", "Disetujui")
    assert "Menunggu tanda tangan: Pihak Pertama" in driver.find_element(By.ID, "pk-workflow").text
    switch_user(driver, drafter, path)
    sign_pk(driver, "pihakPertama", "Ditandatangani")
    assert driver.find_element(By.ID, "pk-sha").text
    switch_user(driver, "verifikator", path)
    pk_action(driver, "aksi-terbitkan", "Diterbitkan")


def test_pk_eselon_ii_and_iii_from_draft_to_published(browser):
    # The Walikota's own PK comes first: the Kepala Dinas's indicators serve it.
    sign_in(browser, "admin", next_path=BOARD)
    pemda_pk = draft_pk(browser, "Walikota Contoh")
    pk_action(browser, "aksi-ajukan", "Diajukan")
    switch_user(browser, "verifikator", pemda_pk)
    pk_action(browser, "aksi-setujui", "Disetujui")
    switch_user(browser, "walikota", pemda_pk)
    sign_pk(browser, "pihakPertama", "Ditandatangani")
    switch_user(browser, "verifikator", pemda_pk)
    pk_action(browser, "aksi-terbitkan", "Diterbitkan")

    # Eselon II: the Kepala Dinas Kesehatan with the Walikota.
    switch_user(browser, "kadinkes", BOARD)
    eselon2 = draft_pk(browser, "Kepala Dinas Kesehatan")
    assert "Belum dikaitkan" not in browser.find_element(By.ID, "pk-kinerja").text
    review_and_publish(browser, eselon2, "kadinkes", "walikota", "target")

    # Eselon III: the Sekretaris with the Kepala Dinas.
    switch_user(browser, "sekdinkes", BOARD)
    eselon3 = draft_pk(browser, "Sekretaris Dinas Kesehatan")
    assert "Kepala Dinas Kesehatan:" in browser.find_element(By.ID, "pk-kinerja").text
    review_and_publish(browser, eselon3, "sekdinkes", "kadinkes", "sasaran")

    # The public sees both, and the verification page vouches for the signed document.
    browser.delete_all_cookies()
    browser.get(BASE + "/publik/pk?pemda=99.71&tahun=2026")
    listing = browser.find_element(By.ID, "portal-list").text
    assert "Kepala Dinas Kesehatan" in listing and "Sekretaris Dinas Kesehatan" in listing
    row = browser.find_element(By.XPATH, "//table[@id='portal-list']//tr[td[contains(., 'Sekretaris Dinas Kesehatan')]]")
    row.find_element(By.PARTIAL_LINK_TEXT, "verifikasi").click()
    result = browser.find_element(By.ID, "verify-result")
    assert result.get_attribute("data-valid") == "true" and result.text.startswith("SAH")
    assert "(diperbaiki)" in browser.page_source


@pytest.mark.parametrize("username, mine, shortcut, absent", [
    ("admin", None, "Pengguna", None),
    ("walikota", "Walikota Contoh", "PK yang diterbitkan", "Pengguna"),
    ("verifikator", None, "PK yang diajukan", "Pengguna"),
    ("inspektorat", None, "Jejak audit", "Pengguna"),
    ("operator.dinkes", None, "RKT Dinas Kesehatan", "Jejak audit"),
])
def test_each_role_lands_on_its_own_beranda(browser, username, mine, shortcut, absent):
    sign_in(browser, username)
    if username == "walikota":
        # The Kepala Daerah lands on the executive view; the Beranda is one link away.
        assert browser.current_url == BASE + "/pemda/99.71/kinerja"
        click_and_wait_for_new_page(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Beranda dan tugas Anda"))
    assert browser.find_element(By.CSS_SELECTOR, "main h1").text.startswith("Selamat datang")
    assert "jabatan sudah memiliki PK yang ditandatangani" in browser.find_element(By.ID, "round-summary").text
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#beranda-pintasan a")]
    assert shortcut in links, links
    if absent:
        assert absent not in links, links
    if mine:
        assert mine in browser.find_element(By.ID, "beranda-pk").text
    # The round's counts lead to the board, filtered.
    first_stage = browser.find_element(By.CSS_SELECTOR, "#beranda-putaran ul.counts a")
    click_and_wait_for_new_page(browser, first_stage)
    assert "/pk" in browser.current_url and "tahap=" in browser.current_url
    assert browser.find_element(By.ID, "pk-board")


def tiny_pdf():
    """A one-page PDF written out for the upload: the server reads the type from the content, not the name."""
    path = f"/tmp/bukti-{uuid.uuid4().hex}.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                b"trailer<</Root 1 0 R>>\n%%EOF\n")
    return path


def dinkes_capaian_on_the_dashboard(driver, quarter):
    """The Walikota's executive view read through a quarter: the Dinas Kesehatan's figure in the ranking."""
    driver.get(BASE + f"/pemda/99.71/kinerja?tahun=2026&tw={quarter}")
    row = driver.find_element(By.XPATH, "//table[@id='unit-table']//tr[td/a[normalize-space()='Dinas Kesehatan']]")
    return row.find_element(By.CSS_SELECTOR, "td[data-capaian]").get_attribute("data-capaian")


def dinkes_measured_in_the_api(driver, quarter):
    """How many of the Dinas Kesehatan's indicators the capaian API counts as measured, read as the browser sees it."""
    driver.get(BASE + f"/api/v1/pemda/99.71/capaian?tahun=2026&tw={quarter}")
    report = json.loads(driver.find_element(By.TAG_NAME, "pre").text)
    unit = next(u for u in report["units"] if u["name"] == "Dinas Kesehatan")
    return unit["total"]["measured"], unit["total"]["capaian"]


def test_tw1_is_entered_with_evidence_returned_corrected_and_shown_on_the_walikotas_dashboard(browser):
    """Runs after the PK test above, which publishes the Kepala Dinas Kesehatan's PK: that PK is measured here."""
    sign_in(browser, "operator.dinkes", next_path=BOARD)
    row = browser.find_element(By.XPATH, "//table[@id='pk-board']//tr[normalize-space(td[1]/text()[1])='Kepala Dinas Kesehatan']")
    click_and_wait_for_new_page(browser, row.find_element(By.CSS_SELECTOR, "a[href*='/pk/']"))
    assert browser.find_elements(By.ID, "link-realisasi"), "the published PK of the previous test is signed and measurable"
    pk_path = browser.current_url.replace(BASE, "").split("?")[0]
    page = pk_path + "/realisasi?tw=1"
    browser.get(BASE + page)

    inputs = browser.find_elements(By.CSS_SELECTOR, "input[id$='-nilai']")
    assert len(inputs) >= 2, "the PK has at least two indicators to enter"
    keys = [i.get_attribute("id").removeprefix("r-").removesuffix("-nilai") for i in inputs]
    for key in keys:
        type_into(browser, f"r-{key}-nilai", "50")
        type_into(browser, f"r-{key}-keyakinan", "8")
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "simpan-realisasi"))
    if browser.find_elements(By.ID, "realisasi-warnings"):
        # Far from plan: the screen asks once more, and "Simpan tetap" saves what was typed.
        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "simpan-realisasi"))
    assert browser.find_elements(By.ID, "flash"), "the quarter is saved"
    # Evidence for the first indicator, sniffed from its bytes.
    browser.find_element(By.ID, f"berkas-{keys[0]}").send_keys(tiny_pdf())
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, f"unggah-{keys[0]}"))
    assert ".pdf" in browser.find_element(By.ID, f"bukti-{keys[0]}").text.lower()

    # The verifikator accepts the first and returns the second with a reason.
    switch_user(browser, "verifikator", page)
    browser.find_element(By.ID, f"terima-{keys[0]}").click()
    browser.find_element(By.ID, f"kembalikan-{keys[1]}").click()
    type_into(browser, f"alasan-{keys[1]}", "Nilai tidak sesuai laporan bulanan; mohon dicek ulang")
    for key in keys[2:]:
        browser.find_element(By.ID, f"terima-{key}").click()
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "simpan-verifikasi"))

    browser.get(BASE + page)
    pk_before = browser.find_element(By.ID, "capaian-total").get_attribute("data-capaian")
    switch_user(browser, "walikota", "/pemda/99.71/kinerja")
    before = dinkes_capaian_on_the_dashboard(browser, 1)
    assert before and before == pk_before, (before, pk_before)
    assert dinkes_measured_in_the_api(browser, 1) == (len(keys) - 1, before), "the returned value is not counted"

    # The unit sees the return at the top of its screen and in its inbox, and corrects it.
    switch_user(browser, "operator.dinkes", page)
    assert "Nilai tidak sesuai laporan bulanan" in browser.find_element(By.ID, "realisasi-returned").text
    browser.get(BASE + "/kotak-masuk?tahun=2026")
    assert "dikembalikan" in browser.find_element(By.TAG_NAME, "main").text.lower()
    browser.get(BASE + page)
    type_into(browser, f"r-{keys[1]}-nilai", "30")
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "simpan-realisasi"))
    if browser.find_elements(By.ID, "realisasi-warnings"):
        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "simpan-realisasi"))
    assert not browser.find_elements(By.ID, "realisasi-returned"), "the correction answers the return"

    switch_user(browser, "verifikator", page)
    browser.find_element(By.ID, f"terima-{keys[1]}").click()
    click_and_wait_for_new_page(browser, browser.find_element(By.ID, "simpan-verifikasi"))
    browser.get(BASE + page)
    pk_figure = browser.find_element(By.ID, "capaian-total").get_attribute("data-capaian")

    # The Walikota's dashboard now counts the corrected value: the unit's figure is its head's PK, to TW I.
    switch_user(browser, "walikota", "/pemda/99.71/kinerja")
    after = dinkes_capaian_on_the_dashboard(browser, 1)
    assert after and after == pk_figure, (after, pk_figure)
    assert dinkes_measured_in_the_api(browser, 1) == (len(keys), after), "the corrected value now counts"


def test_an_admin_imports_employees_from_a_csv_previews_and_applies(browser, tmp_path):
    nip = "19850505 201001 1 0" + uuid.uuid4().hex[:2].translate(str.maketrans("abcdef", "123456")).replace("0", "1")
    name = f"Drs. Impor Uji {uuid.uuid4().hex[:6]}"
    path = tmp_path / "simpeg.csv"
    path.write_bytes(("NIP;Nama;Pangkat;Golongan;Unit;Jabatan;Jenis;TMT Jabatan;Nomor SK\r\n"
                      f"{nip};{name};Penata;III/c;;;;;\r\n").encode("utf-8-sig"))
    sign_in(browser, "admin", next_path="/pemda/99.71/pegawai")
    browser.find_element(By.LINK_TEXT, "Impor dari Excel (SIMPEG)").click()
    browser.find_element(By.ID, "berkas-pegawai").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, "#impor-pegawai button[type=submit]").click()
    assert "1 baru" in wait_for_text(browser, "#ringkasan", "baru")
    assert name in browser.find_element(By.ID, "perubahan").text
    browser.find_element(By.XPATH, "//button[starts-with(., 'Terapkan')]").click()
    wait_for_text(browser, "main", "satu transaksi")
    browser.get(BASE + "/pemda/99.71/pegawai?q=" + name.split()[-1])
    assert name in browser.page_source
