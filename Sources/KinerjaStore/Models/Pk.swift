import FluentKit
import Foundation
import KinerjaCore

/// One version of a Perjanjian Kinerja of a position for a year: version 0 is the PK induk, 1… the PK Perubahan.
/// Once signed, its rows never change: the seal covers them.
public final class Pk: Model, @unchecked Sendable {
    public static let schema = "pk"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    /// Nil for the Kepala Daerah's own PK.
    @OptionalParent(key: "unit_id") public var unit: Unit?
    /// The pihak pertama's position.
    @Parent(key: "jabatan_id") public var jabatan: Jabatan
    /// The pihak kedua's position; nil for the Pemda PK.
    @OptionalParent(key: "superior_jabatan_id") public var superiorJabatan: Jabatan?
    @Field(key: "year") public var year: Int
    @Field(key: "version") public var version: Int
    @Field(key: "level") public var level: PkLevel
    @Field(key: "status") public var status: PkStatus
    @OptionalParent(key: "previous_id") public var previous: Pk?
    @OptionalField(key: "revision_ground") public var revisionGround: PerubahanGround?
    @OptionalField(key: "legal_number") public var legalNumber: String?
    /// ISO `yyyy-mm-dd`.
    @OptionalField(key: "legal_date") public var legalDate: String?
    /// The account that last submitted it: that account may not verify it.
    @OptionalField(key: "submitted_by") public var submittedBy: UUID?
    /// The day the last party signed, ISO.
    @OptionalField(key: "signed_on") public var signedOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, unitID: UUID?, jabatanID: UUID, superiorJabatanID: UUID?, year: Int,
                version: Int, level: PkLevel, previousID: UUID? = nil)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$unit.id = unitID
        self.$jabatan.id = jabatanID
        self.$superiorJabatan.id = superiorJabatanID
        self.year = year
        self.version = version
        self.level = level
        self.status = .draf
        self.$previous.id = previousID
    }

    public var revision: PkRevision? {
        guard let ground = revisionGround, let number = legalNumber, let date = legalDate.flatMap(CalendarDate.init(iso:))
        else { return nil }
        return PkRevision(ground: ground, legalNumber: number, legalDate: date)
    }
}

extension Pk: PkVersioned {}

/// A row of the performance table with its rencana aksi. Targets are stored canonical (`Target.canonical`).
public final class PkRow: Model, @unchecked Sendable {
    public static let schema = "pk_indikator"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "pk_id") public var pk: Pk
    /// Stays the same from version to version of the PK.
    @Field(key: "key") public var key: String
    @Field(key: "sort_order") public var sortOrder: Int
    @Field(key: "sasaran") public var sasaran: String
    @Field(key: "indikator") public var indikator: String
    @Field(key: "satuan") public var satuan: String
    /// The indicator's `IndicatorSpec` as JSON: a PK row keeps the settings it was agreed with.
    @Field(key: "spec") public var specJSON: String
    @Field(key: "target") public var target: String
    @Field(key: "tw1") public var tw1: String
    @Field(key: "tw2") public var tw2: String
    @Field(key: "tw3") public var tw3: String
    @Field(key: "tw4") public var tw4: String
    @OptionalField(key: "renstra_target") public var renstraTarget: String?
    @OptionalField(key: "source_indikator_id") public var sourceIndikatorID: UUID?
    /// In a PK Perubahan: why this target changed (required when it already has realisation).
    @OptionalField(key: "change_reason") public var changeReason: String?

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, pkID: UUID, key: String, sortOrder: Int, sasaran: String,
                indikator: String, satuan: String, spec: IndicatorSpec, target: String, quarterly: [String] = [],
                renstraTarget: String?, sourceIndikatorID: UUID?)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$pk.id = pkID
        self.key = key
        self.sortOrder = sortOrder
        self.sasaran = sasaran
        self.indikator = indikator
        self.satuan = satuan
        self.specJSON = PkRow.encode(spec)
        self.target = target
        self.quarterly = quarterly
        self.renstraTarget = renstraTarget
        self.sourceIndikatorID = sourceIndikatorID
    }

    public var spec: IndicatorSpec { PkRow.decodeSpec(specJSON) }

    /// The stored settings, read back. A PK holds few distinct settings, so each text is decoded once per process.
    public static func decodeSpec(_ json: String) -> IndicatorSpec {
        SpecTexts.shared.spec(json)
    }

    public var quarterly: [String] {
        get { [tw1, tw2, tw3, tw4] }
        set {
            let q = newValue + Array(repeating: "", count: max(0, 4 - newValue.count))
            tw1 = q[0]
            tw2 = q[1]
            tw3 = q[2]
            tw4 = q[3]
        }
    }

    public static func encode(_ spec: IndicatorSpec) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(spec)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A PK row serves an indicator of a superior PK (one or more; across units for crosscutting goals).
public final class PkLink: Model, @unchecked Sendable {
    public static let schema = "pk_link"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "row_id") public var row: PkRow
    @Parent(key: "superior_row_id") public var superiorRow: PkRow

    public init() {}

    public init(pemdaID: UUID, rowID: UUID, superiorRowID: UUID) {
        self.$pemda.id = pemdaID
        self.$row.id = rowID
        self.$superiorRow.id = superiorRowID
    }
}

/// A line of the budget table.
public final class PkBudget: Model, @unchecked Sendable {
    public static let schema = "pk_anggaran"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "pk_id") public var pk: Pk
    @Field(key: "sort_order") public var sortOrder: Int
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "amount") public var amount: Int64

    public init() {}

    public init(pemdaID: UUID, pkID: UUID, sortOrder: Int, code: String, name: String, amount: Int64) {
        self.$pemda.id = pemdaID
        self.$pk.id = pkID
        self.sortOrder = sortOrder
        self.code = code
        self.name = name
        self.amount = amount
    }
}

/// A step of the workflow, with who took it and why: the PK's own history, beside the audit trail.
public final class PkEvent: Model, @unchecked Sendable {
    public static let schema = "pk_event"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "pk_id") public var pk: Pk
    @Field(key: "at") public var at: Date
    /// 1, 2, … per PK: the order of the steps, whatever their times.
    @Field(key: "seq") public var seq: Int
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "user_name") public var userName: String
    @Field(key: "action") public var action: String
    @Field(key: "from_status") public var fromStatus: PkStatus
    @Field(key: "to_status") public var toStatus: PkStatus
    @OptionalField(key: "reason") public var reason: String?

    public init() {}

    public init(pemdaID: UUID, pkID: UUID, seq: Int, at: Date, userID: UUID?, userName: String, action: String,
                from: PkStatus, to: PkStatus, reason: String?)
    {
        self.$pemda.id = pemdaID
        self.$pk.id = pkID
        self.seq = seq
        self.at = at
        self.userID = userID
        self.userName = userName
        self.action = action
        self.fromStatus = from
        self.toStatus = to
        self.reason = reason
    }
}

/// A party's signature with the signer as they were that day.
public final class PkSignature: Model, @unchecked Sendable {
    public static let schema = "pk_signature"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "pk_id") public var pk: Pk
    @Field(key: "party") public var party: PkParty
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "name") public var name: String
    @OptionalField(key: "nip") public var nip: String?
    @Field(key: "pangkat") public var pangkat: String
    @Field(key: "jabatan") public var jabatan: String
    @Field(key: "signed_at") public var signedAt: Date
    @Field(key: "signed_on") public var signedOn: String

    public init() {}

    public init(pemdaID: UUID, pkID: UUID, party: PkParty, userID: UUID?, signer: PkSigner, at: Date, on day: CalendarDate) {
        self.$pemda.id = pemdaID
        self.$pk.id = pkID
        self.party = party
        self.userID = userID
        self.name = signer.name
        self.nip = signer.nip
        self.pangkat = signer.pangkat
        self.jabatan = signer.jabatan
        self.signedAt = at
        self.signedOn = day.description
    }

    public var signer: PkSigner { PkSigner(name: name, nip: nip, pangkat: pangkat, jabatan: jabatan) }
}

/// The signed document, kept byte for byte, with its SHA-256 and the server's Ed25519 seal over that hash.
public final class PkSeal: Model, @unchecked Sendable {
    public static let schema = "pk_seal"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "pk_id") public var pk: Pk
    /// Canonical JSON of the `PkDocument`.
    @Field(key: "document") public var document: String
    /// Lower-case hex.
    @Field(key: "sha256") public var sha256: String
    /// Base64 Ed25519 signature of the SHA-256 digest.
    @Field(key: "seal") public var seal: String
    @Parent(key: "key_id") public var key: SealKey
    @Field(key: "sealed_at") public var sealedAt: Date

    public init() {}

    public init(pemdaID: UUID, pkID: UUID, document: String, sha256: String, seal: String, keyID: UUID, at: Date) {
        self.$pemda.id = pemdaID
        self.$pk.id = pkID
        self.document = document
        self.sha256 = sha256
        self.seal = seal
        self.$key.id = keyID
        self.sealedAt = at
    }
}

/// The public half of a server seal key, named by the seals made with it. The private half never reaches the
/// database (see `SealKeyring`); old keys stay so that every seal made with them can still be verified.
public final class SealKey: Model, @unchecked Sendable {
    public static let schema = "seal_key"

    @ID public var id: UUID?
    /// Base64 raw Ed25519 public key.
    @Field(key: "public_key") public var publicKey: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, publicKey: String) {
        self.id = id
        self.publicKey = publicKey
    }
}

/// A PK signed on paper outside Kinerja: the day the Bappeda received its hardcopy, for the compliance board.
public final class PkHardcopy: Model, @unchecked Sendable {
    public static let schema = "pk_hardcopy"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "jabatan_id") public var jabatan: Jabatan
    @Field(key: "year") public var year: Int
    /// ISO `yyyy-mm-dd`.
    @Field(key: "received_on") public var receivedOn: String
    @Field(key: "note") public var note: String

    public init() {}

    public init(pemdaID: UUID, jabatanID: UUID, year: Int, receivedOn: CalendarDate, note: String) {
        self.$pemda.id = pemdaID
        self.$jabatan.id = jabatanID
        self.year = year
        self.receivedOn = receivedOn.description
        self.note = note
    }
}

/// Decoded indicator settings by their stored JSON text.
final class SpecTexts: @unchecked Sendable {
    static let shared = SpecTexts()
    private let lock = NSLock()
    private var known: [String: IndicatorSpec] = [:]

    func spec(_ json: String) -> IndicatorSpec {
        lock.lock()
        if let spec = known[json] { lock.unlock(); return spec }
        lock.unlock()
        let spec = (try? JSONDecoder().decode(IndicatorSpec.self, from: Data(json.utf8))) ?? IndicatorSpec(kind: .text)
        lock.lock()
        if known.count > 10_000 { known.removeAll() }
        known[json] = spec
        lock.unlock()
        return spec
    }
}
