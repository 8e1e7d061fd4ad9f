import Vapor

/// The confirmation a page shows after a save or a workflow step ("Tersimpan", "PK diajukan ke verifikator"). A
/// handler names one before it redirects; it travels in a short-lived cookie as a key (never as text, so nothing
/// typed can come back through it) and is shown once by the next page.
enum Flash: String, Sendable, CaseIterable {
    case saved, signedIn, passwordChanged, twoFactorOn, twoFactorOff
    case accountCreated, passwordReset, accountActivated, accountDeactivated
    case created, removed
    case pkDrafted, pkSubmitted, pkReturned, pkApproved, pkSigned, pkSealed, pkPublished, pkRevised, pkLinked
    case rowAdded, rowRemoved, budgetAdded, budgetRemoved, linksSaved, hardcopyRecorded, scheduleSaved, scheduleReopened
    case realisasiSaved, realisasiUnchanged, realisasiVerified, buktiAdded, buktiRemoved

    var text: String {
        switch self {
        case .saved: L("Tersimpan.", "Saved.")
        case .signedIn: L("Anda sudah masuk.", "You are signed in.")
        case .passwordChanged: L("Kata sandi diganti. Sesi lain akun ini sudah diakhiri.", "Password changed. Your other sessions have been ended.")
        case .twoFactorOn: L("Verifikasi dua langkah sudah aktif.", "Two-step verification is on.")
        case .twoFactorOff: L("Verifikasi dua langkah dimatikan.", "Two-step verification is off.")
        case .accountCreated: L("Akun dibuat. Pemiliknya mengganti kata sandi saat pertama masuk.", "Account created. Its owner changes the password at the first sign-in.")
        case .passwordReset: L("Kata sandi diatur ulang; sesi akun itu diakhiri.", "Password reset; that account's sessions were ended.")
        case .accountActivated: L("Akun diaktifkan kembali.", "Account enabled again.")
        case .accountDeactivated: L("Akun dinonaktifkan; sesinya diakhiri.", "Account disabled; its sessions were ended.")
        case .created: L("Tersimpan: data baru ditambahkan.", "Saved: the new entry was added.")
        case .removed: L("Dihapus.", "Removed.")
        case .pkDrafted: L("Draf PK disusun dari rencana dan DPA. Periksa, lengkapi, lalu ajukan.", "PK draft made from the plans and the DPA. Check, complete, then submit.")
        case .pkSubmitted: L("PK diajukan ke verifikator.", "PK submitted to the verifier.")
        case .pkReturned: L("PK dikembalikan ke penyusun dengan alasan Anda.", "PK returned to its drafter with your reason.")
        case .pkApproved: L("PK disetujui; menunggu tanda tangan.", "PK approved; waiting for signatures.")
        case .pkSigned: L("Tanda tangan Anda tercatat.", "Your signature is recorded.")
        case .pkSealed: L("PK ditandatangani kedua pihak dan disegel.", "PK signed by both parties and sealed.")
        case .pkPublished: L("PK diterbitkan di portal publik.", "PK published on the public portal.")
        case .pkRevised: L("PK Perubahan dibuat sebagai draf.", "Revised PK made as a draft.")
        case .pkLinked: L("Indikator dikaitkan ke PK atasan.", "Indicators linked to the superior's PK.")
        case .rowAdded: L("Indikator ditambahkan.", "Indicator added.")
        case .rowRemoved: L("Indikator dihapus dari PK.", "Indicator removed from the PK.")
        case .budgetAdded: L("Baris anggaran ditambahkan.", "Budget line added.")
        case .budgetRemoved: L("Baris anggaran dihapus.", "Budget line removed.")
        case .linksSaved: L("Kaitan ke indikator atasan tersimpan.", "Links to the superior's indicators saved.")
        case .hardcopyRecorded: L("Tanggal hardcopy tercatat.", "Hardcopy date recorded.")
        case .scheduleSaved: L("Jadwal tersimpan.", "Schedule saved.")
        case .scheduleReopened: L("Tahap dibuka kembali.", "Stage reopened.")
        case .realisasiSaved: L("Realisasi tersimpan dan diajukan ke verifikator.", "Realisation saved and sent to the verifier.")
        case .realisasiUnchanged: L("Tidak ada isian yang berubah; tidak ada yang disimpan.", "Nothing changed; nothing was saved.")
        case .realisasiVerified: L("Keputusan verifikasi tersimpan.", "Verification decisions saved.")
        case .buktiAdded: L("Bukti dukung diunggah.", "Evidence file uploaded.")
        case .buktiRemoved: L("Bukti dukung dihapus.", "Evidence file removed.")
        }
    }

    static let cookie = "kinerja_pesan"

    /// The confirmation being shown by the page rendered now.
    @TaskLocal static var shown: Flash?
}

struct FlashKey: StorageKey { typealias Value = Flash }

extension Request {
    /// Names the confirmation the next page shows.
    func flash(_ flash: Flash) { storage[FlashKey.self] = flash }
}

/// Shows a confirmation once: the page rendered next reads it from the cookie and the cookie is cleared.
struct FlashMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let pending = request.requestCookies[Flash.cookie].flatMap { Flash(rawValue: $0.string) }
        let response = try await Flash.$shown.withValue(request.method == .GET ? pending : nil) {
            try await next.respond(to: request)
        }
        if let made = request.storage[FlashKey.self] {
            response.cookies[Flash.cookie] = HTTPCookies.Value(string: made.rawValue, maxAge: 120, path: "/",
                                                               isHTTPOnly: true, sameSite: .lax)
        } else if pending != nil, request.method == .GET,
                  response.headers.contentType?.subType == "html"
        {
            response.cookies[Flash.cookie] = .expired
        }
        return response
    }
}

extension Request {
    /// After a successful save: "Tersimpan" on the page the user lands on.
    func redirectSaved(to location: String, _ flash: Flash = .saved) -> Response {
        self.flash(flash)
        return redirect(to: location)
    }
}
