/// Where a PK stands: Draf → Diajukan → Dikembalikan / Disetujui → Ditandatangani → Diterbitkan (ui.md).
public enum PkStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draf, diajukan, dikembalikan, disetujui, ditandatangani, diterbitkan

    public var label: Message {
        switch self {
        case .draf: Message(id: "Draf", en: "Draft")
        case .diajukan: Message(id: "Diajukan", en: "Submitted")
        case .dikembalikan: Message(id: "Dikembalikan", en: "Returned")
        case .disetujui: Message(id: "Disetujui", en: "Approved")
        case .ditandatangani: Message(id: "Ditandatangani", en: "Signed")
        case .diterbitkan: Message(id: "Diterbitkan", en: "Published")
        }
    }

    /// Only a draft or a returned PK may be changed; after signing a change is a new version (PK Perubahan).
    public var isEditable: Bool { self == .draf || self == .dikembalikan }
    public var isSigned: Bool { self == .ditandatangani || self == .diterbitkan }
}

public enum PkActionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case ubah, ajukan, kembalikan, setujui, tandatangani, terbitkan

    public var label: Message {
        switch self {
        case .ubah: Message(id: "Ubah", en: "Edit")
        case .ajukan: Message(id: "Ajukan", en: "Submit")
        case .kembalikan: Message(id: "Kembalikan", en: "Return")
        case .setujui: Message(id: "Setujui", en: "Approve")
        case .tandatangani: Message(id: "Tandatangani", en: "Sign")
        case .terbitkan: Message(id: "Terbitkan", en: "Publish")
        }
    }

    /// What happened, as the history says it: one word form (the passive past) for every step.
    public var done: Message {
        switch self {
        case .ubah: Message(id: "Diubah", en: "Edited")
        case .ajukan: Message(id: "Diajukan", en: "Submitted")
        case .kembalikan: Message(id: "Dikembalikan", en: "Returned")
        case .setujui: Message(id: "Disetujui", en: "Approved")
        case .tandatangani: Message(id: "Ditandatangani", en: "Signed")
        case .terbitkan: Message(id: "Diterbitkan", en: "Published")
        }
    }
}

/// A step of a PK's history as stored (`ajukan`, `tandatangani:pihakKedua`, `susun`, `perubahan`), in words.
public enum PkHistoryStep {
    public static func label(_ action: String) -> Message {
        switch action {
        case "susun": return Message(id: "Disusun", en: "Drafted")
        case "perubahan": return Message(id: "Dibuat sebagai PK Perubahan", en: "Made as a revision")
        default:
            let parts = action.split(separator: ":").map(String.init)
            if parts.count == 2, let party = PkParty(rawValue: parts[1]) {
                return Message(id: "Ditandatangani \(party.label.id.lowercased())", en: "Signed by the \(party.label.en.lowercased())")
            }
            return PkActionKind(rawValue: action)?.done ?? Message(id: action, en: action)
        }
    }
}

public enum PkAction: Sendable, Hashable {
    case ubah
    case ajukan
    case kembalikan(reason: String)
    case setujui
    case tandatangani(PkParty)
    case terbitkan

    public var kind: PkActionKind {
        switch self {
        case .ubah: .ubah
        case .ajukan: .ajukan
        case .kembalikan: .kembalikan
        case .setujui: .setujui
        case .tandatangani: .tandatangani
        case .terbitkan: .terbitkan
        }
    }
}

/// What the acting user is to one PK. The store works it out from roles, units and who holds which position on the
/// day; the workflow only reads it.
public struct PkActor: Sendable, Hashable {
    /// May change and submit the draft: the pihak pertama, an operator or pejabat of the unit, an admin.
    public var mayDraft: Bool
    /// A verifikator (or an admin acting as one).
    public var mayVerify: Bool
    /// May publish a signed PK: an admin or a verifikator.
    public var mayPublish: Bool
    /// The parties whose position the user holds on the day (a Plt/Plh included).
    public var parties: Set<PkParty>
    /// The user submitted this PK: a verifikator never verifies their own entry.
    public var submittedIt: Bool

    public init(mayDraft: Bool = false, mayVerify: Bool = false, mayPublish: Bool = false, parties: Set<PkParty> = [],
                submittedIt: Bool = false)
    {
        self.mayDraft = mayDraft
        self.mayVerify = mayVerify
        self.mayPublish = mayPublish
        self.parties = parties
        self.submittedIt = submittedIt
    }
}

public struct PkState: Sendable, Hashable {
    public var status: PkStatus
    public var level: PkLevel
    /// Parties who have signed this version.
    public var signed: Set<PkParty>

    public init(status: PkStatus, level: PkLevel, signed: Set<PkParty> = []) {
        self.status = status
        self.level = level
        self.signed = signed
    }

    public var requiredParties: Set<PkParty> { level.isUnilateral ? [.pihakPertama] : [.pihakPertama, .pihakKedua] }
    public var awaitingSignature: Set<PkParty> {
        status == .disetujui ? requiredParties.subtracting(signed) : []
    }
}

/// The PK state machine: every transition, who may take it, and a plain reason for every refusal.
public enum PkWorkflow {
    public static let minimumReasonLength = 10

    public static func apply(_ action: PkAction, to state: PkState, by actor: PkActor) throws(RuleViolation) -> PkState {
        var next = state
        switch action {
        case .ubah, .ajukan:
            guard state.status.isEditable else { throw notNow(action.kind, state) }
            guard actor.mayDraft else { throw notYours(action.kind) }
            if action == .ajukan { next.status = .diajukan }
        case .kembalikan(let reason):
            // An approved PK that is not yet fully signed can still go back (a party refuses, a post falls vacant);
            // the signatures already given are then withdrawn with it.
            guard state.status == .diajukan || state.status == .disetujui else { throw notNow(action.kind, state) }
            try checkVerifier(actor, action.kind)
            guard reason.trimmingSpaces().count >= minimumReasonLength else {
                throw RuleViolation(code: "pk.reason", field: .reason,
                    message: Message(id: "Tuliskan alasan pengembalian agar penyusun tahu apa yang harus diperbaiki (paling sedikit \(minimumReasonLength) karakter).",
                                     en: "Say why the PK is returned, so the drafter knows what to fix (at least \(minimumReasonLength) characters)."))
            }
            next.status = .dikembalikan
            next.signed = []
        case .setujui:
            guard state.status == .diajukan else { throw notNow(action.kind, state) }
            try checkVerifier(actor, action.kind)
            next.status = .disetujui
        case .tandatangani(let party):
            guard state.status == .disetujui else { throw notNow(action.kind, state) }
            guard state.requiredParties.contains(party) else {
                throw RuleViolation(code: "pk.unilateral", field: nil,
                    message: Message(id: "PK Kepala Daerah hanya ditandatangani oleh Kepala Daerah sendiri.",
                                     en: "The regional head's own PK is signed by the regional head alone."))
            }
            guard actor.parties.contains(party) else {
                throw RuleViolation(.forbidden, code: "pk.notParty", field: nil,
                    message: Message(id: "Hanya pejabat yang menduduki jabatan \(party.label.id.lowercased()) (termasuk Plt./Plh.) yang dapat menandatangani sebagai \(party.label.id).",
                                     en: "Only the official holding the \(party.label.en.lowercased())'s position (acting officials included) can sign as \(party.label.en.lowercased())."))
            }
            guard !state.signed.contains(party) else {
                throw RuleViolation(.conflict, code: "pk.alreadySigned", field: nil,
                    message: Message(id: "\(party.label.id) sudah menandatangani PK ini.",
                                     en: "The \(party.label.en.lowercased()) has already signed this PK."))
            }
            next.signed.insert(party)
            if next.signed.isSuperset(of: state.requiredParties) { next.status = .ditandatangani }
        case .terbitkan:
            guard state.status == .ditandatangani else { throw notNow(action.kind, state) }
            guard actor.mayPublish else { throw notYours(action.kind) }
            next.status = .diterbitkan
        }
        return next
    }

    /// The actions the actor can take now, for the buttons of the PK page.
    public static func available(_ state: PkState, to actor: PkActor) -> [PkAction] {
        var candidates: [PkAction] = [.ubah, .ajukan, .kembalikan(reason: String(repeating: "x", count: minimumReasonLength)),
                                      .setujui, .terbitkan]
        candidates += PkParty.allCases.map { .tandatangani($0) }
        return candidates.filter { (try? apply($0, to: state, by: actor)) != nil }
    }

    static func checkVerifier(_ actor: PkActor, _ kind: PkActionKind) throws(RuleViolation) {
        guard actor.mayVerify else { throw notYours(kind) }
        guard actor.parties.isEmpty else {
            throw RuleViolation(.forbidden, code: "pk.ownEntry", field: nil,
                message: Message(id: "Anda adalah salah satu pihak PK ini; verifikasi harus dilakukan verifikator lain.",
                                 en: "You are a party to this PK; another verifier must review it."))
        }
        guard !actor.submittedIt else {
            throw RuleViolation(.forbidden, code: "pk.ownEntry", field: nil,
                message: Message(id: "Anda sendiri yang mengajukan PK ini; verifikasi harus dilakukan verifikator lain.",
                                 en: "You submitted this PK yourself; another verifier must review it."))
        }
    }

    static func notYours(_ kind: PkActionKind) -> RuleViolation {
        RuleViolation(.forbidden, code: "pk.notAllowed", field: nil,
            message: Message(id: "Peran Anda tidak mencakup tindakan \"\(kind.label.id)\" pada PK ini.",
                             en: "Your role does not include \"\(kind.label.en)\" on this PK."))
    }

    static func notNow(_ kind: PkActionKind, _ state: PkState) -> RuleViolation {
        let status = state.status
        let why: Message
        switch (kind, status) {
        case (.ubah, _) where status.isSigned,
             (.ajukan, _) where status.isSigned:
            why = Message(id: "PK yang sudah ditandatangani tidak dapat diubah. Buat PK Perubahan bila ada mutasi pejabat, perubahan strategi/anggaran, atau perubahan prioritas/asumsi.",
                          en: "A signed PK never changes. Create a revised PK (perubahan) for a change of official, of strategy or budget, or of priorities or assumptions.")
        case (.ubah, _), (.ajukan, _):
            why = Message(id: "PK berstatus \(status.label.id) sedang dalam verifikasi atau penandatanganan; minta verifikator mengembalikannya bila perlu diubah.",
                          en: "A PK that is \(status.label.en.lowercased()) is under review or signing; ask a verifier to return it if it must change.")
        case (.kembalikan, _):
            why = Message(id: "Hanya PK yang diajukan atau disetujui dan belum lengkap ditandatangani yang dapat dikembalikan (status sekarang: \(status.label.id)). PK yang sudah ditandatangani diubah lewat PK Perubahan.",
                          en: "Only a submitted PK, or an approved one not yet fully signed, can be returned (it is now \(status.label.en.lowercased())). A signed PK changes through a revision.")
        case (.setujui, _):
            why = Message(id: "Hanya PK berstatus Diajukan yang dapat disetujui (status sekarang: \(status.label.id)).",
                          en: "Only a submitted PK can be approved (it is now \(status.label.en.lowercased())).")
        case (.tandatangani, _):
            why = Message(id: "PK harus disetujui verifikator sebelum ditandatangani (status sekarang: \(status.label.id)).",
                          en: "A verifier must approve the PK before it is signed (it is now \(status.label.en.lowercased())).")
        case (.terbitkan, _):
            why = Message(id: "PK diterbitkan setelah ditandatangani semua pihak (status sekarang: \(status.label.id)).",
                          en: "A PK is published once every party has signed (it is now \(status.label.en.lowercased())).")
        }
        return RuleViolation(.conflict, code: "pk.\(kind.rawValue).\(status.rawValue)", field: nil, message: why)
    }
}

extension PkActor {
    /// What a user is to a PK, from the one policy: drafting is changing the unit's PK (`Resource.pk`), verifying
    /// and publishing belong to verifikator and admin roles of the same Pemda, and parties are whoever holds the
    /// positions on the day (worked out by the store). `positionInReach` says whether the PK's position is the user's
    /// own or below it.
    public static func of(_ principal: Principal, pemda: String, unit: String?, parties: Set<PkParty>,
                          submittedIt: Bool, positionInReach: Bool) -> PkActor
    {
        let samePemda = principal.roles.contains(.superAdmin) || principal.pemdaCode == pemda
        let verifier = Policy.decide(principal, .verify, Subject(.pk, pemda: pemda, unit: unit)).isAllowed
        return PkActor(
            mayDraft: mayDraft(principal, pemda: pemda, unit: unit, positionInReach: positionInReach)
                || parties.contains(.pihakPertama),
            mayVerify: verifier, mayPublish: verifier, parties: samePemda ? parties : [], submittedIt: submittedIt)
    }

    /// Whether a user may draft (and change) a position's PK. An operator drafts for the units they are bound to; a
    /// pejabat only for their own position and those below it, never for a superior or a peer who happens to sit in
    /// the same unit.
    public static func mayDraft(_ principal: Principal, pemda: String, unit: String?, positionInReach: Bool) -> Bool {
        guard Policy.decide(principal, .update, Subject(.pk, pemda: pemda, unit: unit)).isAllowed else { return false }
        let roles = principal.roles
        if !roles.isDisjoint(with: [.superAdmin, .adminPemda, .operatorOpd]) { return true }
        return roles.contains(.pejabat) && positionInReach
    }
}
