/// The stages of the SAKIP year that a Pemda opens and closes on a schedule (jadwal).
public enum JadwalStage: String, Sendable, Hashable, Codable, CaseIterable {
    case rkt
    case pkPenyusunan
    case pkPenandatangananJpt
    case pkPenandatangananAdministrator
    case pkPenandatangananPengawas
    case realisasiTw1, realisasiTw2, realisasiTw3, realisasiTw4
    case lkjip

    public var label: Message {
        switch self {
        case .rkt: Message(id: "Penyusunan RKT", en: "Annual plan (RKT)")
        case .pkPenyusunan: Message(id: "Penyusunan PK", en: "PK drafting")
        case .pkPenandatangananJpt: Message(id: "Penandatanganan PK Eselon II", en: "PK signing, Echelon II")
        case .pkPenandatangananAdministrator: Message(id: "Penandatanganan PK Eselon III", en: "PK signing, Echelon III")
        case .pkPenandatangananPengawas: Message(id: "Penandatanganan PK Eselon IV", en: "PK signing, Echelon IV")
        case .realisasiTw1: Message(id: "Realisasi Triwulan I", en: "Realisation, quarter I")
        case .realisasiTw2: Message(id: "Realisasi Triwulan II", en: "Realisation, quarter II")
        case .realisasiTw3: Message(id: "Realisasi Triwulan III", en: "Realisation, quarter III")
        case .realisasiTw4: Message(id: "Realisasi Triwulan IV", en: "Realisation, quarter IV")
        case .lkjip: Message(id: "Penyusunan LKjIP", en: "Annual report (LKjIP)")
        }
    }
}

/// One stage's window: open from `opens` to `closes` (both inclusive), and, after an admin reopened it with a reason,
/// also until `reopenedUntil`.
public struct JadwalWindow: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case belumDibuka, dibuka, ditutup, dibukaKembali

        public var label: Message {
            switch self {
            case .belumDibuka: Message(id: "Belum dibuka", en: "Not open yet")
            case .dibuka: Message(id: "Dibuka", en: "Open")
            case .ditutup: Message(id: "Ditutup", en: "Closed")
            case .dibukaKembali: Message(id: "Dibuka kembali", en: "Reopened")
            }
        }
    }

    public var stage: JadwalStage
    public var opens: CalendarDate
    public var closes: CalendarDate
    public var reopenedUntil: CalendarDate?

    public init(stage: JadwalStage, opens: CalendarDate, closes: CalendarDate, reopenedUntil: CalendarDate? = nil)
        throws(RuleViolation)
    {
        guard opens <= closes else {
            throw RuleViolation(code: "jadwal.order", field: .closesOn,
                message: Message(id: "Tanggal tutup (\(IDFormat.date(closes))) lebih awal dari tanggal buka (\(IDFormat.date(opens))).",
                                 en: "The closing date (\(closes)) is before the opening date (\(opens))."))
        }
        self.stage = stage
        self.opens = opens
        self.closes = closes
        self.reopenedUntil = reopenedUntil
    }

    public func state(on day: CalendarDate) -> State {
        if day < opens { return .belumDibuka }
        if day <= closes { return .dibuka }
        if let until = reopenedUntil, day <= until { return .dibukaKembali }
        return .ditutup
    }

    public func isOpen(on day: CalendarDate) -> Bool {
        let state = state(on: day)
        return state == .dibuka || state == .dibukaKembali
    }

    /// Refuses a change outside the window, saying when it was or will be open.
    public func checkOpen(on day: CalendarDate) throws(RuleViolation) {
        switch state(on: day) {
        case .dibuka, .dibukaKembali: return
        case .belumDibuka:
            throw RuleViolation(.conflict, code: "jadwal.notYetOpen", field: nil,
                message: Message(id: "Tahap \(stage.label.id) baru dibuka \(IDFormat.date(opens)).",
                                 en: "\(stage.label.en) opens on \(opens)."))
        case .ditutup:
            throw RuleViolation(.conflict, code: "jadwal.closed", field: nil,
                message: Message(id: "Tahap \(stage.label.id) sudah ditutup sejak \(IDFormat.date(reopenedUntil ?? closes)); data hanya dapat dibaca. Minta Admin Pemda membukanya kembali bila perlu.",
                                 en: "\(stage.label.en) closed on \(reopenedUntil ?? closes); the data is read-only. Ask a Pemda administrator to reopen it if needed."))
        }
    }

    /// Reopening needs a reason and an end date after today.
    public static func checkReopen(reason: String, until: CalendarDate, today: CalendarDate) throws(RuleViolation) {
        guard reason.trimmingSpaces().count >= 10 else {
            throw RuleViolation(code: "jadwal.reason", field: .reason,
                message: Message(id: "Tuliskan alasan pembukaan kembali (paling sedikit 10 karakter).",
                                 en: "Give a reason for reopening (at least 10 characters)."))
        }
        guard until >= today else {
            throw RuleViolation(code: "jadwal.reopenPast", field: .until,
                message: Message(id: "Batas pembukaan kembali harus hari ini atau sesudahnya.",
                                 en: "The reopening must last until today or later."))
        }
    }
}
