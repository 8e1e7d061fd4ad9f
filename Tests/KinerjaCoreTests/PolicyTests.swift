import KinerjaCore
import Testing

@Suite struct PolicyTests {
    static let pemda = "99.71"
    static let dinas = "1.01"
    static let other = "1.02"

    func principal(_ roles: Set<Role>, pemda: String? = PolicyTests.pemda, units: Set<String> = []) -> Principal {
        Principal(pemdaCode: pemda, roles: roles, units: units)
    }

    @Test(arguments: Resource.allCases)
    func a_super_admin_may_do_everything_everywhere(resource: Resource) {
        let admin = principal([.superAdmin], pemda: nil)
        for operation in AccessAction.allCases {
            #expect(Policy.decide(admin, operation, Subject(resource, pemda: "11.01", unit: "x")).isAllowed)
        }
    }

    @Test func the_public_reads_published_plans_but_nothing_else() {
        let anonymous = Principal.anonymous
        for resource in [Resource.pemda, .rpjmd, .unit, .jabatan, .renstra, .indikator, .rkt, .nomenklatur] {
            #expect(Policy.decide(anonymous, .read, Subject(resource, pemda: Self.pemda)).isAllowed)
        }
        for resource in [Resource.user, .audit, .jadwal, .pegawai, .penugasan] {
            #expect(!Policy.decide(anonymous, .read, Subject(resource, pemda: Self.pemda)).isAllowed)
        }
        #expect(Policy.decide(anonymous, .update, Subject(.renstra, pemda: Self.pemda, unit: Self.dinas))
                == .deny(Message(id: "Silakan masuk terlebih dahulu.", en: "Please log in first.")))
    }

    @Test(arguments: [Role.adminPemda, .kepalaDaerah, .pejabat, .operatorOpd, .verifikator, .inspektorat])
    func no_one_but_a_super_admin_crosses_pemda(role: Role) {
        let user = principal([role], units: [Self.dinas])
        for resource in Resource.allCases where resource != .nomenklatur {
            for operation in AccessAction.allCases where !(operation == .read && Policy.publicResources.contains(resource)) {
                let decision = Policy.decide(user, operation, Subject(resource, pemda: "11.01", unit: Self.dinas))
                #expect(!decision.isAllowed, "\(role) \(operation) \(resource) in another Pemda")
            }
        }
    }

    @Test(arguments: [Role.operatorOpd, .pejabat])
    func unit_bound_users_change_their_units_only(role: Role) {
        let user = principal([role], units: [Self.dinas])
        for resource in [Resource.renstra, .indikator, .rkt] {
            #expect(Policy.decide(user, .update, Subject(resource, pemda: Self.pemda, unit: Self.dinas)).isAllowed)
            let elsewhere = Policy.decide(user, .update, Subject(resource, pemda: Self.pemda, unit: Self.other))
            #expect(!elsewhere.isAllowed)
            #expect(elsewhere == .deny(Message(id: "Anda hanya dapat mengubah data unit kerja Anda sendiri.",
                                               en: "You can only change the data of your own units.")))
            #expect(!Policy.decide(user, .update, Subject(resource, pemda: Self.pemda)).isAllowed, "no unit given")
        }
        for resource in [Resource.unit, .jabatan, .pegawai, .penugasan, .rpjmd, .jadwal, .user] {
            #expect(!Policy.decide(user, .update, Subject(resource, pemda: Self.pemda, unit: Self.dinas)).isAllowed)
        }
    }

    @Test func the_admin_pemda_sets_up_the_pemda_and_reopens_schedules() {
        let admin = principal([.adminPemda])
        for resource in Resource.allCases where resource != .nomenklatur && resource != .audit {
            for operation in [AccessAction.create, .update, .delete] {
                #expect(Policy.decide(admin, operation, Subject(resource, pemda: Self.pemda, unit: Self.other)).isAllowed)
            }
        }
        #expect(Policy.decide(admin, .reopen, Subject(.jadwal, pemda: Self.pemda)).isAllowed)
        #expect(!Policy.decide(admin, .update, Subject(.nomenklatur, pemda: nil)).isAllowed, "shared reference data")
        #expect(!Policy.decide(admin, .delete, Subject(.audit, pemda: Self.pemda)).isAllowed, "the trail is append-only")
    }

    @Test func the_inspektorat_reads_the_audit_trail_and_comments_but_changes_nothing() {
        let apip = principal([.inspektorat])
        #expect(Policy.decide(apip, .read, Subject(.audit, pemda: Self.pemda)).isAllowed)
        #expect(Policy.decide(apip, .export, Subject(.audit, pemda: Self.pemda)).isAllowed)
        #expect(Policy.decide(apip, .comment, Subject(.renstra, pemda: Self.pemda, unit: Self.dinas)).isAllowed)
        for resource in Resource.allCases {
            #expect(!Policy.decide(apip, .update, Subject(resource, pemda: Self.pemda, unit: Self.dinas)).isAllowed)
        }
        #expect(!Policy.decide(principal([.operatorOpd], units: [Self.dinas]), .read, Subject(.audit, pemda: Self.pemda)).isAllowed)
        #expect(!Policy.decide(principal([.kepalaDaerah]), .reopen, Subject(.jadwal, pemda: Self.pemda)).isAllowed)
    }
}
