import Foundation
import Vapor

/// A path parameter: `.key` where a route is registered (`:name`), `.value` where a link is built.
enum Param<Value: Sendable & Hashable>: Sendable, Hashable {
    case key
    case value(Value)
}

/// Every path of the site, in one place. Routes are registered from these cases (`pathComponents`) and every link is
/// built from them (`path`, `url(_:)`), so that a path is written once and a renamed page cannot leave dead links.
enum SiteURL: Sendable, Hashable {
    case home
    case healthz
    case stylesheet
    case openAPI
    case login
    case loginCode
    case logout
    case password
    case twoFactor
    case twoFactorOff
    case inbox
    case nomenklatur
    case nomenklaturImport
    case newPemda
    case portal
    case portalPdf(Param<UUID>)
    case portalKinerja(Param<String>)
    case portalPohon(Param<String>)
    case verify(Param<UUID>)
    case pemda(Param<String>, PemdaPath)
    case api(APIPath)

    /// The names of path parameters, as handlers read them.
    enum Key {
        static let code = "code"
        static let unit = "unit"
        static let jabatan = "jabatan"
        static let pegawai = "pegawai"
        static let indikator = "indikator"
        static let form = "form"
        static let pk = "pk"
        static let bukti = "bukti"
        static let row = "row"
        static let line = "line"
        static let user = "user"
        static let kind = "kind"
        static let file = "file"
    }

    enum PemdaPath: Sendable, Hashable {
        case profile
        case units, unitNew, unitEdit(Param<UUID>)
        case jabatan, jabatanNew, jabatanEdit(Param<UUID>)
        case pegawai, pegawaiNew, pegawaiEdit(Param<UUID>)
        case penugasanNew
        case settings
        case rpjmd, rpjmdManage, rpjmdAdd(Param<String>)
        case renstra(Param<UUID>), renstraManage(Param<UUID>), renstraAdd(Param<UUID>, Param<String>)
        case indikatorNew, indikator(Param<UUID>)
        case jadwal, jadwalReopen
        case rkt(Param<UUID>), rktTarget(Param<UUID>), rktCreate(Param<UUID>)
        case pkBoard, pkNew, pkHardcopy, pkSettings, pkLogo, pkLogoUpload, pkZip
        case dpa, dpaUnit(Param<UUID>), dpaPagu(Param<UUID>, Param<UUID>), dpaRealisasi(Param<UUID>)
        case pk(Param<UUID>, PkPath)
        case bukti(Param<UUID>)
        case users, userNew, userReset(Param<UUID>), userStatus(Param<UUID>)
        case audit, auditCSV
        case kinerja, kinerjaUnit(Param<UUID>), peringatan, bobot, laporan, laporanPdf
        case pimpinan, pimpinanKartu(Param<UUID>), pimpinanPdf(Param<UUID>)
        case pohon, pohonPdf
        case impor, imporTemplat(Param<String>), imporPratinjau(Param<String>), imporTerapkan(Param<String>)
    }

    enum PkPath: Sendable, Hashable {
        case show, action, sign, revise, print, pdf, relink, table
        case realisasi, realisasiVerify, bukti, indikator
        case buktiHapus
    }

    enum APIPath: Sendable, Hashable {
        case pemdaList
        case pemda(Param<String>)
        case units(Param<String>)
        case jabatan(Param<String>)
        case rpjmd(Param<String>)
        case renstra(Param<String>, Param<UUID>)
        case capaian(Param<String>), peringatan(Param<String>), realisasi(Param<String>, Param<UUID>)
        case penilaian(Param<String>)
        case pohon(Param<String>)
    }

    /// The path, with `:name` for every `.key` parameter.
    var path: String { "/" + segments.joined(separator: "/") }

    /// The path with a query string; nil values are left out, the rest percent-encoded in the order given.
    func url(_ query: KeyValuePairs<String, String?>) -> String {
        let items = query.compactMap { key, value in value.map { "\(key)=\(Self.encodeQuery($0))" } }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The path with a fragment (an element id of the page).
    func anchored(_ fragment: String) -> String { path + "#" + fragment }

    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }

    /// Whether a request path is under `/api/`, which answers in JSON and is not a page.
    static func isAPI(_ requestPath: String) -> Bool { requestPath.hasPrefix("/api/") }

    /// Whether a request path is this route, each `.key` parameter matching any one segment: for middleware that
    /// runs before routing.
    func matches(_ requestPath: String) -> Bool {
        let pattern = segments
        let parts = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == pattern.count else { return false }
        return zip(pattern, parts).allSatisfy { wanted, part in wanted.hasPrefix(":") || wanted == part }
    }

    var segments: [String] {
        switch self {
        case .home: return []
        case .healthz: return ["healthz"]
        case .stylesheet: return ["static", "kinerja.css"]
        case .openAPI: return ["api", "openapi.yaml"]
        case .login: return ["masuk"]
        case .loginCode: return ["masuk", "kode"]
        case .logout: return ["keluar"]
        case .password: return ["akun", "kata-sandi"]
        case .twoFactor: return ["akun", "dua-langkah"]
        case .twoFactorOff: return ["akun", "dua-langkah", "matikan"]
        case .inbox: return ["kotak-masuk"]
        case .nomenklatur: return ["nomenklatur"]
        case .nomenklaturImport: return ["nomenklatur", "impor"]
        case .newPemda: return ["pemda", "baru"]
        case .portal: return ["publik", "pk"]
        case .portalPdf(let id): return ["publik", "pk", Self.segment(id, Key.pk), "pdf"]
        case .portalKinerja(let code): return ["publik", "kinerja", Self.segment(code, Key.code)]
        case .portalPohon(let code): return ["publik", "kinerja", Self.segment(code, Key.code), "pohon"]
        case .verify(let id): return ["verifikasi", Self.segment(id, Key.pk)]
        case .pemda(let code, let page): return ["pemda", Self.segment(code, Key.code)] + page.segments
        case .api(let api): return ["api", "v1"] + api.segments
        }
    }

    static func segment(_ param: Param<String>, _ name: String) -> String {
        switch param {
        case .key: return ":" + name
        case .value(let text): return text.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? text
        }
    }

    static func segment(_ param: Param<UUID>, _ name: String) -> String {
        switch param {
        case .key: return ":" + name
        case .value(let id): return id.uuidString
        }
    }

    /// Unreserved characters only: a value can never add a segment, a query or a fragment.
    static let segmentAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? ""
    }
}

extension SiteURL.PemdaPath {
    var segments: [String] {
        typealias K = SiteURL.Key
        let s: (Param<UUID>, String) -> String = SiteURL.segment
        switch self {
        case .profile: return []
        case .units: return ["unit"]
        case .unitNew: return ["unit", "baru"]
        case .unitEdit(let id): return ["unit", s(id, K.unit), "ubah"]
        case .jabatan: return ["jabatan"]
        case .jabatanNew: return ["jabatan", "baru"]
        case .jabatanEdit(let id): return ["jabatan", s(id, K.jabatan), "ubah"]
        case .pegawai: return ["pegawai"]
        case .pegawaiNew: return ["pegawai", "baru"]
        case .pegawaiEdit(let id): return ["pegawai", s(id, K.pegawai), "ubah"]
        case .penugasanNew: return ["penugasan", "baru"]
        case .settings: return ["pengaturan"]
        case .rpjmd: return ["rpjmd"]
        case .rpjmdManage: return ["rpjmd", "kelola"]
        case .rpjmdAdd(let form): return ["rpjmd", "kelola", SiteURL.segment(form, K.form)]
        case .renstra(let unit): return ["renstra", s(unit, K.unit)]
        case .renstraManage(let unit): return ["renstra", s(unit, K.unit), "kelola"]
        case .renstraAdd(let unit, let form): return ["renstra", s(unit, K.unit), "kelola", SiteURL.segment(form, K.form)]
        case .indikatorNew: return ["indikator", "baru"]
        case .indikator(let id): return ["indikator", s(id, K.indikator)]
        case .jadwal: return ["jadwal"]
        case .jadwalReopen: return ["jadwal", "buka-kembali"]
        case .rkt(let unit): return ["rkt", s(unit, K.unit)]
        case .rktTarget(let unit): return ["rkt", s(unit, K.unit), "target"]
        case .rktCreate(let unit): return ["rkt", s(unit, K.unit), "buat"]
        case .pkBoard: return ["pk"]
        case .pkNew: return ["pk", "baru"]
        case .pkHardcopy: return ["pk", "hardcopy"]
        case .pkSettings: return ["pk", "pengaturan"]
        case .pkLogo: return ["pk", "logo.png"]
        case .pkLogoUpload: return ["pk", "logo"]
        case .pkZip: return ["pk", "unduh.zip"]
        case .dpa: return ["dpa"]
        case .dpaUnit(let unit): return ["dpa", s(unit, K.unit)]
        case .dpaPagu(let unit, let line): return ["dpa", s(unit, K.unit), "pagu", s(line, K.line)]
        case .dpaRealisasi(let unit): return ["dpa", s(unit, K.unit), "realisasi"]
        case .pk(let id, let page): return ["pk", s(id, K.pk)] + page.segments
        case .bukti(let id): return ["bukti", s(id, K.bukti)]
        case .users: return ["pengguna"]
        case .userNew: return ["pengguna", "baru"]
        case .userReset(let id): return ["pengguna", s(id, K.user), "atur-ulang"]
        case .userStatus(let id): return ["pengguna", s(id, K.user), "status"]
        case .audit: return ["audit"]
        case .auditCSV: return ["audit.csv"]
        case .kinerja: return ["kinerja"]
        case .kinerjaUnit(let unit): return ["kinerja", "unit", s(unit, K.unit)]
        case .peringatan: return ["kinerja", "peringatan"]
        case .bobot: return ["kinerja", "bobot"]
        case .laporan: return ["kinerja", "laporan"]
        case .laporanPdf: return ["kinerja", "laporan.pdf"]
        case .pimpinan: return ["kinerja", "pimpinan"]
        case .pimpinanKartu(let jabatan): return ["kinerja", "pimpinan", s(jabatan, K.jabatan)]
        case .pimpinanPdf(let jabatan): return ["kinerja", "pimpinan", s(jabatan, K.jabatan), "pdf"]
        case .pohon: return ["kinerja", "pohon"]
        case .pohonPdf: return ["kinerja", "pohon.pdf"]
        case .impor: return ["impor"]
        case .imporTemplat(let file): return ["impor", "templat", SiteURL.segment(file, K.file)]
        case .imporPratinjau(let kind): return ["impor", SiteURL.segment(kind, K.kind)]
        case .imporTerapkan(let kind): return ["impor", SiteURL.segment(kind, K.kind), "terapkan"]
        }
    }
}

extension SiteURL.PkPath {
    var segments: [String] {
        switch self {
        case .show: return []
        case .action: return ["aksi"]
        case .sign: return ["tandatangani"]
        case .revise: return ["perubahan"]
        case .print: return ["cetak"]
        case .pdf: return ["pdf"]
        case .relink: return ["kaitkan"]
        case .table: return ["tabel"]
        case .realisasi: return ["realisasi"]
        case .realisasiVerify: return ["realisasi", "verifikasi"]
        case .bukti: return ["realisasi", "bukti"]
        case .buktiHapus: return ["realisasi", "bukti", "hapus"]
        case .indikator: return ["realisasi", "indikator"]
        }
    }
}

extension SiteURL.APIPath {
    var segments: [String] {
        let s: (Param<String>, String) -> String = SiteURL.segment
        switch self {
        case .pemdaList: return ["pemda"]
        case .pemda(let code): return ["pemda", s(code, SiteURL.Key.code)]
        case .units(let code): return ["pemda", s(code, SiteURL.Key.code), "unit"]
        case .jabatan(let code): return ["pemda", s(code, SiteURL.Key.code), "jabatan"]
        case .rpjmd(let code): return ["pemda", s(code, SiteURL.Key.code), "rpjmd"]
        case .renstra(let code, let unit): return ["pemda", s(code, SiteURL.Key.code), "renstra", SiteURL.segment(unit, SiteURL.Key.unit)]
        case .capaian(let code): return ["pemda", s(code, SiteURL.Key.code), "capaian"]
        case .peringatan(let code): return ["pemda", s(code, SiteURL.Key.code), "peringatan"]
        case .penilaian(let code): return ["pemda", s(code, SiteURL.Key.code), "penilaian"]
        case .pohon(let code): return ["pemda", s(code, SiteURL.Key.code), "pohon"]
        case .realisasi(let code, let pk): return ["pemda", s(code, SiteURL.Key.code), "pk", SiteURL.segment(pk, SiteURL.Key.pk), "realisasi"]
        }
    }
}

/// Links inside one Pemda, the common case, without spelling `.pemda(.value(code), …)` every time.
extension SiteURL {
    static func of(_ code: String, _ page: PemdaPath) -> SiteURL { .pemda(.value(code), page) }
    static func pk(_ code: String, _ id: UUID, _ page: PkPath = .show) -> SiteURL { .pemda(.value(code), .pk(.value(id), page)) }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.GET, url.pathComponents, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ url: SiteURL, body: HTTPBodyStreamStrategy = .collect,
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route
    {
        on(.POST, url.pathComponents, body: body, use: handler)
    }
}
