/// The one place that decides who may do what. Every route asks it; nothing else grants access.
///
/// - No one but a super admin crosses Pemda.
/// - Published planning data (Pemda profile, RPJMD, units, positions, Renstra, indicators, RKT) is public to read.
/// - Unit-bound data (Renstra, indikator, RKT) can be changed by an operator or a pejabat only inside their units.
public enum Policy {
    public enum Decision: Sendable, Hashable {
        case allow
        case deny(Message)

        public var isAllowed: Bool { self == .allow }
    }

    public static let publicResources: Set<Resource> = [.pemda, .rpjmd, .unit, .jabatan, .renstra, .indikator, .rkt, .nomenklatur]
    public static let unitBound: Set<Resource> = [.renstra, .indikator, .rkt, .pk, .dpa]

    public static func decide(_ principal: Principal, _ operation: AccessAction, _ subject: Subject) -> Decision {
        let roles = principal.roles
        if roles.contains(.superAdmin) { return .allow }
        if operation == .read && publicResources.contains(subject.resource) { return .allow }
        guard !roles.isEmpty else { return .deny(denied.loginRequired) }
        // Shared reference data belongs to no Pemda: only a super admin changes it.
        guard let pemda = subject.pemdaCode else {
            return operation == .read ? .allow : .deny(denied.superAdminOnly)
        }
        guard principal.pemdaCode == pemda else { return .deny(denied.otherPemda) }

        switch (subject.resource, operation) {
        case (.audit, .read), (.audit, .export):
            return roles.contains(.adminPemda) || roles.contains(.inspektorat) ? .allow : .deny(denied.notYours)
        case (.user, .read):
            // The list of accounts (names, NIPs, roles, locks) is the admin's working list, not everyone's.
            return roles.contains(.adminPemda) ? .allow : .deny(denied.adminOnly)
        case (.bukti, .read):
            if !roles.isDisjoint(with: [.adminPemda, .kepalaDaerah, .verifikator, .inspektorat]) { return .allow }
            guard let unit = subject.unit, principal.units.contains(unit) else { return .deny(denied.otherUnitFiles) }
            return .allow
        case (_, .read):
            return .allow
        case (_, .comment):
            return roles.contains(.inspektorat) || roles.contains(.verifikator) || roles.contains(.adminPemda)
                ? .allow : .deny(denied.notYours)
        case (_, .export):
            return .allow
        case (_, .verify):
            return roles.contains(.verifikator) || roles.contains(.adminPemda) ? .allow : .deny(denied.notYours)
        case (.jadwal, .reopen):
            return roles.contains(.adminPemda) ? .allow : .deny(denied.adminOnly)
        case (.penilaian, .create):
            // The Kepala Daerah evaluates the heads of units (pejabat penilai of JPT Pratama, sakip-rules §5); the
            // Admin Pemda records for them. The Inspektorat reviews, it does not decide rewards and sanctions.
            return roles.contains(.kepalaDaerah) || roles.contains(.adminPemda) ? .allow : .deny(denied.evaluatorOnly)
        default:
            break
        }
        if roles.contains(.adminPemda) && subject.resource != .audit { return .allow }
        if unitBound.contains(subject.resource), roles.contains(.operatorOpd) || roles.contains(.pejabat) {
            guard let unit = subject.unit, principal.units.contains(unit) else { return .deny(denied.otherUnit) }
            return .allow
        }
        return .deny(denied.adminOnly)
    }

    enum denied {
        static let loginRequired = Message(id: "Silakan masuk terlebih dahulu.", en: "Please log in first.")
        static let otherPemda = Message(id: "Data ini milik Pemda lain.", en: "This data belongs to another Pemda.")
        static let otherUnit = Message(id: "Anda hanya dapat mengubah data unit kerja Anda sendiri.",
                                       en: "You can only change the data of your own units.")
        static let otherUnitFiles = Message(id: "Bukti dukung hanya dapat dibuka oleh unit kerja pemilik PK, verifikator, Inspektorat dan Kepala Daerah.",
                                            en: "Evidence files are open only to the PK's unit, the verifiers, the Inspectorate and the regional head.")
        static let adminOnly = Message(id: "Hanya Admin Pemda yang dapat melakukan ini.",
                                       en: "Only a Pemda administrator can do this.")
        static let superAdminOnly = Message(id: "Data acuan bersama hanya dapat diubah oleh Super Admin.",
                                            en: "Shared reference data can only be changed by a super admin.")
        static let evaluatorOnly = Message(id: "Penilaian pimpinan dicatat oleh Kepala Daerah atau Admin Pemda.",
                                           en: "Evaluations of the heads of units are recorded by the regional head or a Pemda administrator.")
        static let notYours = Message(id: "Peran Anda tidak mencakup tindakan ini.",
                                      en: "Your role does not include this action.")
    }
}
