import KinerjaCore
import Testing

@Suite struct PkWorkflowTests {
    static let drafter = PkActor(mayDraft: true)
    static let verifier = PkActor(mayVerify: true)
    static let publisher = PkActor(mayPublish: true)
    static let pertama = PkActor(parties: [.pihakPertama])
    static let kedua = PkActor(parties: [.pihakKedua])
    static let reason = "Target IKU 2 belum sesuai Renstra"

    /// The whole transition table: for each status and action, the status it leads to, or nil when refused. The
    /// actor is the one the action needs, so a refusal here is about the status alone.
    static let table: [PkStatus: [PkActionKind: PkStatus]] = [
        .draf: [.ubah: .draf, .ajukan: .diajukan],
        .dikembalikan: [.ubah: .dikembalikan, .ajukan: .diajukan],
        .diajukan: [.kembalikan: .dikembalikan, .setujui: .disetujui],
        .disetujui: [.tandatangani: .disetujui, .kembalikan: .dikembalikan],
        .ditandatangani: [.terbitkan: .diterbitkan],
        .diterbitkan: [:],
    ]

    static func run(_ kind: PkActionKind, _ state: PkState) throws(RuleViolation) -> PkState {
        switch kind {
        case .ubah: try PkWorkflow.apply(.ubah, to: state, by: drafter)
        case .ajukan: try PkWorkflow.apply(.ajukan, to: state, by: drafter)
        case .kembalikan: try PkWorkflow.apply(.kembalikan(reason: reason), to: state, by: verifier)
        case .setujui: try PkWorkflow.apply(.setujui, to: state, by: verifier)
        case .tandatangani: try PkWorkflow.apply(.tandatangani(.pihakPertama), to: state, by: pertama)
        case .terbitkan: try PkWorkflow.apply(.terbitkan, to: state, by: publisher)
        }
    }

    @Test(arguments: PkStatus.allCases)
    func every_transition_from_a_status_is_allowed_or_refused_as_the_table_says(status: PkStatus) {
        for kind in PkActionKind.allCases {
            let state = PkState(status: status, level: .jpt)
            let expected = Self.table[status]?[kind]
            do {
                let next = try Self.run(kind, state)
                #expect(next.status == expected, "\(status) --\(kind)--> \(next.status)")
            } catch {
                #expect(expected == nil, "\(status) --\(kind)--> refused: \(error.message.en)")
                #expect(!error.message.id.isEmpty && !error.message.en.isEmpty)
            }
        }
    }

    @Test func a_bilateral_pk_is_signed_when_both_parties_have_signed_in_either_order() throws {
        let approved = PkState(status: .disetujui, level: .administrator)
        let first = try PkWorkflow.apply(.tandatangani(.pihakKedua), to: approved, by: Self.kedua)
        #expect(first.status == .disetujui)
        #expect(first.awaitingSignature == [.pihakPertama])
        let both = try PkWorkflow.apply(.tandatangani(.pihakPertama), to: first, by: Self.pertama)
        #expect(both.status == .ditandatangani)
        #expect(violation { try PkWorkflow.apply(.tandatangani(.pihakKedua), to: first, by: Self.kedua) }?.code
                == "pk.alreadySigned")
    }

    @Test func the_pemda_pk_is_signed_by_the_kepala_daerah_alone() throws {
        let approved = PkState(status: .disetujui, level: .pemda)
        #expect(approved.requiredParties == [.pihakPertama])
        let signed = try PkWorkflow.apply(.tandatangani(.pihakPertama), to: approved, by: Self.pertama)
        #expect(signed.status == .ditandatangani)
        #expect(violation { try PkWorkflow.apply(.tandatangani(.pihakKedua), to: approved, by: Self.kedua) }?.code
                == "pk.unilateral")
    }

    @Test func only_the_holder_of_a_party_signs_for_it() {
        let approved = PkState(status: .disetujui, level: .jpt)
        #expect(violation { try PkWorkflow.apply(.tandatangani(.pihakPertama), to: approved, by: Self.kedua) }?.code
                == "pk.notParty")
        #expect(violation { try PkWorkflow.apply(.tandatangani(.pihakKedua), to: approved, by: Self.verifier) }?.code
                == "pk.notParty")
    }

    @Test func roles_are_checked_for_every_action() {
        let draft = PkState(status: .draf, level: .jpt)
        let submitted = PkState(status: .diajukan, level: .jpt)
        let signed = PkState(status: .ditandatangani, level: .jpt)
        #expect(violation { try PkWorkflow.apply(.ubah, to: draft, by: Self.verifier) }?.code == "pk.notAllowed")
        #expect(violation { try PkWorkflow.apply(.ajukan, to: draft, by: Self.pertama) }?.code == "pk.notAllowed")
        #expect(violation { try PkWorkflow.apply(.setujui, to: submitted, by: Self.drafter) }?.code == "pk.notAllowed")
        #expect(violation { try PkWorkflow.apply(.terbitkan, to: signed, by: Self.drafter) }?.code == "pk.notAllowed")
    }

    @Test func a_verifier_never_verifies_what_they_submitted() {
        let submitted = PkState(status: .diajukan, level: .jpt)
        let own = PkActor(mayDraft: true, mayVerify: true, submittedIt: true)
        #expect(violation { try PkWorkflow.apply(.setujui, to: submitted, by: own) }?.code == "pk.ownEntry")
        #expect(violation { try PkWorkflow.apply(.kembalikan(reason: Self.reason), to: submitted, by: own) }?.code
                == "pk.ownEntry")
    }

    @Test func a_party_never_verifies_their_own_pk() {
        let submitted = PkState(status: .diajukan, level: .jpt)
        let party = PkActor(mayVerify: true, parties: [.pihakKedua])
        #expect(violation { try PkWorkflow.apply(.setujui, to: submitted, by: party) }?.code == "pk.ownEntry")
    }

    @Test func an_approved_pk_not_fully_signed_can_go_back_and_loses_its_signatures() throws {
        let halfSigned = PkState(status: .disetujui, level: .jpt, signed: [.pihakKedua])
        let back = try PkWorkflow.apply(.kembalikan(reason: Self.reason), to: halfSigned, by: Self.verifier)
        #expect(back.status == .dikembalikan && back.signed.isEmpty)
    }

    @Test func returning_needs_a_reason() {
        let submitted = PkState(status: .diajukan, level: .jpt)
        #expect(violation { try PkWorkflow.apply(.kembalikan(reason: "  salah  "), to: submitted, by: Self.verifier) }?
                .field == .reason)
    }

    @Test func a_signed_pk_refuses_changes_and_points_to_a_perubahan() {
        for status in [PkStatus.ditandatangani, .diterbitkan] {
            let error = violation { try PkWorkflow.apply(.ubah, to: PkState(status: status, level: .jpt), by: Self.drafter) }
            #expect(error?.message.id.contains("PK Perubahan") == true)
        }
    }

    @Test func the_buttons_offered_are_the_allowed_actions() {
        let everyone = PkActor(mayDraft: true, mayVerify: true, mayPublish: true)
        #expect(PkWorkflow.available(PkState(status: .draf, level: .jpt), to: everyone).map(\.kind) == [.ubah, .ajukan])
        #expect(PkWorkflow.available(PkState(status: .diajukan, level: .jpt), to: everyone).map(\.kind)
                == [.kembalikan, .setujui])
        let signer = PkActor(parties: [.pihakPertama, .pihakKedua])
        #expect(PkWorkflow.available(PkState(status: .disetujui, level: .jpt, signed: [.pihakKedua]), to: signer)
                == [.tandatangani(.pihakPertama)])
        #expect(PkWorkflow.available(PkState(status: .diterbitkan, level: .jpt), to: everyone).isEmpty)
    }

    @Test func pk_levels_follow_positions() {
        #expect(PkLevel(jabatan: .kepalaDaerah) == .pemda)
        #expect(PkLevel(jabatan: .administrator)?.budgetLevel == .kegiatan)
        #expect(PkLevel(jabatan: .pengawas)?.budgetLevel == .subkegiatan)
        #expect(PkLevel(jabatan: .jf) == nil)
        #expect(PkLevel.pengawas.signingStage == .pkPenandatangananPengawas)
        #expect(!PkLevel.pengawas.expectsOutcome)
    }
}

@Suite struct PkActorTests {
    let unit = "1.02.0.00.0.00.01.0000"

    func actor(_ roles: Set<Role>, pemda: String = "99.71", units: Set<String> = [], parties: Set<PkParty> = [],
               inReach: Bool = false) -> PkActor
    {
        PkActor.of(Principal(pemdaCode: pemda, roles: roles, units: units), pemda: "99.71", unit: unit, parties: parties,
                   submittedIt: false, positionInReach: inReach)
    }

    @Test func drafting_rights_follow_role_unit_and_chain() {
        #expect(actor([.adminPemda]).mayDraft)
        #expect(actor([.operatorOpd], units: [unit]).mayDraft)
        #expect(!actor([.operatorOpd], units: ["1.01.0.00.0.00.01.0000"]).mayDraft)
        #expect(actor([.pejabat], units: [unit], inReach: true).mayDraft)
        #expect(!actor([.pejabat], units: [unit], inReach: false).mayDraft, "a superior or a peer in the same unit")
        #expect(!actor([.kepalaDaerah]).mayDraft)
        #expect(actor([.kepalaDaerah], parties: [.pihakPertama]).mayDraft, "the pihak pertama drafts their own PK")
        #expect(!actor([.verifikator]).mayDraft && actor([.verifikator]).mayVerify)
        #expect(!actor([.inspektorat]).mayDraft && !actor([.inspektorat]).mayVerify)
    }

    @Test func nothing_crosses_pemda() {
        let foreign = actor([.adminPemda, .verifikator], pemda: "98.001", parties: [.pihakKedua])
        #expect(!foreign.mayDraft && !foreign.mayVerify && !foreign.mayPublish && foreign.parties.isEmpty)
        #expect(actor([.superAdmin], pemda: "").mayVerify)
    }
}
