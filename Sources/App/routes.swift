import KinerjaCore
import Vapor

/// Every route in one table, each path from `SiteURL`.
func routes(_ app: Application) throws {
    typealias P = SiteURL.PemdaPath
    typealias K = SiteURL.PkPath
    func pemda(_ page: P) -> SiteURL { .pemda(.key, page) }
    func pk(_ page: K) -> SiteURL { .pemda(.key, .pk(.key, page)) }
    /// Read pages answered from `PageCache` while their data, hour, language and session are unchanged.
    let kept = PageCache.cached

    do { // public pages and assets
        let web = WebController()
        app.get(.home, use: kept(web.home))
        app.get(pemda(.profile), use: kept(web.pemda))
        app.get(pemda(.units), use: kept(web.units))
        app.get(pemda(.jabatan), use: kept(web.jabatan))
        app.get(pemda(.rpjmd), use: kept(web.rpjmd))
        app.get(pemda(.renstra(.key)), use: kept(web.renstra))
        app.get(.stylesheet, use: StaticAssets.stylesheet)
        app.get(.openAPI, use: StaticAssets.openAPI)
        app.get(.healthz) { _ in "ok" }
    }
    do { // organisation
        let manage = ManageController()
        app.get(pemda(.unitNew), use: manage.unitForm)
        app.post(pemda(.unitNew), use: manage.createUnit)
        app.get(pemda(.jabatanNew), use: manage.jabatanForm)
        app.post(pemda(.jabatanNew), use: manage.createJabatan)
        app.get(pemda(.pegawaiNew), use: manage.pegawaiForm)
        app.post(pemda(.pegawaiNew), use: manage.createPegawai)
        app.get(pemda(.penugasanNew), use: manage.penugasanForm)
        app.post(pemda(.penugasanNew), use: manage.createPenugasan)
        let edit = ManageEditController()
        app.get(pemda(.unitEdit(.key)), use: edit.unitForm)
        app.post(pemda(.unitEdit(.key)), use: edit.updateUnit)
        app.get(pemda(.jabatanEdit(.key)), use: edit.jabatanForm)
        app.post(pemda(.jabatanEdit(.key)), use: edit.updateJabatan)
        app.get(pemda(.pegawai), use: kept(edit.pegawaiList))
        app.get(pemda(.pegawaiEdit(.key)), use: edit.pegawaiForm)
        app.post(pemda(.pegawaiEdit(.key)), use: edit.updatePegawai)
    }
    do { // plans
        let plan = PlanManageController()
        app.get(.newPemda, use: plan.newPemdaForm)
        app.post(.newPemda, use: plan.createPemda)
        app.get(pemda(.settings), use: plan.settings)
        app.post(pemda(.settings), use: plan.saveSettings)
        app.get(pemda(.rpjmdManage), use: plan.rpjmd)
        app.post(pemda(.rpjmdAdd(.key)), use: plan.addToRpjmd)
        app.get(pemda(.renstraManage(.key)), use: plan.renstra)
        app.post(pemda(.renstraAdd(.key, .key)), use: plan.addToRenstra)
        let indikator = IndikatorController()
        app.get(pemda(.indikatorNew), use: indikator.newForm)
        app.post(pemda(.indikatorNew), use: indikator.create)
        app.get(pemda(.indikator(.key)), use: indikator.editForm)
        app.post(pemda(.indikator(.key)), use: indikator.update)
        let schedule = ScheduleController()
        app.get(pemda(.jadwal), use: schedule.page)
        app.post(pemda(.jadwal), use: schedule.setWindow)
        app.post(pemda(.jadwalReopen), use: schedule.reopen)
        app.get(pemda(.rkt(.key)), use: kept(schedule.rkt))
        app.post(pemda(.rktTarget(.key)), use: schedule.setTarget)
        app.post(pemda(.rktCreate(.key)), use: schedule.createRkt)
    }
    do { // nomenclature
        app.get(.nomenklatur, use: kept(NomenklaturController().page))
        let nomenklaturImport = NomenklaturImportController()
        app.get(.nomenklaturImport, use: nomenklaturImport.form)
        // A full version is a few MB of CSV.
        app.post(.nomenklaturImport, body: .collect(maxSize: ByteCount(value: CSRFMiddleware.maxUploadBytes)),
                 use: nomenklaturImport.upload)
    }
    do { // Perjanjian Kinerja
        let pkPages = PkController()
        app.get(pemda(.pkBoard), use: kept(pkPages.board))
        app.post(pemda(.pkNew), use: pkPages.draft)
        app.post(pemda(.pkHardcopy), use: pkPages.hardcopy)
        let pkSetting = PkSettingController()
        app.get(pemda(.pkSettings), use: pkSetting.form)
        app.post(pemda(.pkSettings), use: pkSetting.save)
        app.get(pemda(.pkLogo), use: pkSetting.logoImage)
        app.post(pemda(.pkLogoUpload), body: .collect(maxSize: ByteCount(value: PkSettingController.maxLogoUpload)),
                 use: pkSetting.logo)
        let dpa = DpaController()
        app.get(pemda(.dpa), use: kept(dpa.list))
        app.get(pemda(.dpaUnit(.key)), use: kept(dpa.detail))
        app.post(pemda(.dpaUnit(.key)), use: dpa.record)
        app.post(pemda(.dpaPagu(.key, .key)), use: dpa.setPagu)
        app.post(pemda(.dpaRealisasi(.key)), use: dpa.saveRealisasi)
        let pkDocuments = PkDocumentController()
        app.get(pemda(.pkZip), use: pkDocuments.zip)
        app.get(pk(.show), use: kept(pkPages.show))
        app.post(pk(.action), use: pkPages.act)
        app.post(pk(.sign), use: pkPages.sign)
        app.post(pk(.revise), use: pkPages.revise)
        app.get(pk(.print), use: kept(pkDocuments.print))
        app.get(pk(.pdf), use: kept(pkDocuments.pdf))
        let pkEdit = PkEditController()
        app.post(pk(.relink), use: pkEdit.relink)
        app.post(pk(.table), use: pkEdit.saveTable)
        let realisasi = RealisasiController()
        app.get(pk(.realisasi), use: kept(realisasi.page))
        app.post(pk(.realisasi), use: realisasi.save)
        app.post(pk(.realisasiVerify), use: realisasi.verify)
        app.post(pk(.bukti), body: .collect(maxSize: ByteCount(value: BuktiKind.maximumBytes + 64 * 1024)), use: realisasi.upload)
        app.get(pemda(.bukti(.key)), use: realisasi.download)
        let kinerja = KinerjaController()
        app.get(pemda(.kinerja), use: kept(kinerja.dashboard))
        app.get(pemda(.kinerjaUnit(.key)), use: kept(kinerja.unit))
        app.get(pemda(.peringatan), use: kept(kinerja.warnings))
        app.get(pk(.indikator), use: kept(kinerja.indicator))
        app.get(.portalKinerja(.key), use: kept(kinerja.portal))
        let bobot = BobotController()
        app.get(pemda(.bobot), use: bobot.form)
        app.post(pemda(.bobot), use: bobot.save)
        app.get(.inbox, use: kept(InboxController().page))
        let portal = PortalController()
        app.get(.portal, use: kept(portal.list))
        app.get(.portalPdf(.key), use: kept(portal.pdf))
        app.get(.verify(.key), use: kept(portal.verify))
    }
    do { // accounts and the audit trail
        let accounts = AccountController()
        app.get(pemda(.users), use: kept(accounts.list))
        app.get(pemda(.userNew), use: accounts.form)
        app.post(pemda(.userNew), use: accounts.create)
        app.post(pemda(.userReset(.key)), use: accounts.reset)
        app.post(pemda(.userStatus(.key)), use: accounts.setActive)
        app.get(.password, use: accounts.passwordForm)
        app.post(.password, use: accounts.changePassword)
        let audit = AuditController()
        app.get(pemda(.audit), use: kept(audit.page))
        app.get(pemda(.auditCSV), use: audit.csv)
        let login = LoginController()
        app.get(.login, use: login.form)
        app.post(.login, use: login.login)
        app.post(.logout, use: login.logout)
        let twoFactor = TwoFactorController()
        app.get(.loginCode, use: twoFactor.challenge)
        app.post(.loginCode, use: twoFactor.answer)
        app.get(.twoFactor, use: twoFactor.page)
        app.post(.twoFactor, use: twoFactor.enable)
        app.post(.twoFactorOff, use: twoFactor.disable)
    }
    do { // the JSON API
        let api = APIController()
        app.get(.api(.pemdaList), use: api.listPemda)
        app.get(.api(.pemda(.key)), use: api.pemda)
        app.get(.api(.units(.key)), use: api.units)
        app.get(.api(.jabatan(.key)), use: api.jabatan)
        app.get(.api(.rpjmd(.key)), use: api.rpjmd)
        app.get(.api(.renstra(.key, .key)), use: api.renstra)
        app.get(.api(.capaian(.key)), use: kept(api.capaian))
        app.get(.api(.peringatan(.key)), use: kept(api.warnings))
        app.get(.api(.realisasi(.key, .key)), use: kept(api.realisasi))
    }
}
