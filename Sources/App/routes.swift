import Vapor

/// Every route in one table.
func routes(_ app: Application) throws {
    let web = WebController()
    app.get(use: web.home)
    app.get("pemda", ":code", use: web.pemda)
    app.get("pemda", ":code", "unit", use: web.units)
    app.get("pemda", ":code", "jabatan", use: web.jabatan)
    app.get("pemda", ":code", "rpjmd", use: web.rpjmd)
    app.get("pemda", ":code", "renstra", ":unit", use: web.renstra)
    app.get("static", "kinerja.css", use: StaticAssets.stylesheet)
    let manage = ManageController()
    app.get("pemda", ":code", "unit", "baru", use: manage.unitForm)
    app.post("pemda", ":code", "unit", "baru", use: manage.createUnit)
    app.get("pemda", ":code", "jabatan", "baru", use: manage.jabatanForm)
    app.post("pemda", ":code", "jabatan", "baru", use: manage.createJabatan)
    app.get("pemda", ":code", "pegawai", "baru", use: manage.pegawaiForm)
    app.post("pemda", ":code", "pegawai", "baru", use: manage.createPegawai)
    let audit = AuditController()
    app.get("pemda", ":code", "audit", use: audit.page)
    app.get("pemda", ":code", "audit.csv", use: audit.csv)
    let login = LoginController()
    app.get("masuk", use: login.form)
    app.post("masuk", use: login.login)
    app.post("keluar", use: login.logout)

    let api = APIController()
    let v1 = app.grouped("api", "v1")
    v1.get("pemda", use: api.listPemda)
    v1.get("pemda", ":code", use: api.pemda)
    v1.get("pemda", ":code", "unit", use: api.units)
    v1.get("pemda", ":code", "jabatan", use: api.jabatan)
    v1.get("pemda", ":code", "rpjmd", use: api.rpjmd)
    v1.get("pemda", ":code", "renstra", ":unit", use: api.renstra)
    app.get("api", "openapi.yaml", use: StaticAssets.openAPI)
    app.get("healthz") { _ in "ok" }
}
