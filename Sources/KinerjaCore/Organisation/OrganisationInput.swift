/// The shapes an organisation's records are held to before they are stored: a code that can stand in a file name and
/// a response header, names that fit a page. One place, so the form, the API and an import refuse alike.
public enum OrganisationInput {
    /// Kemendagri unit codes are digits and dots (`1.02.0.00.0.00.01.0000`); letters, `-` and `_` are allowed for a
    /// Pemda's own sub units. Nothing else: a code ends up in file names, headers and URLs.
    public static let codeLength = 40

    public static func code(_ code: String, field: InputField = .code, label: Message) throws(RuleViolation) {
        try Required.text(code, field: field, label: label, max: codeLength)
        let allowed = code.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x2D || byte == 0x5F
        }
        guard allowed, code.first != ".", !code.contains("..") else {
            throw RuleViolation(code: "form.codeShape", field: field,
                message: Message(id: "\(label.id) hanya boleh berisi huruf, angka, titik, - dan _, tanpa spasi (misalnya 1.02.0.00.0.00.01.0000).",
                                 en: "\(label.en) may hold only letters, digits, dots, - and _, without spaces (e.g. 1.02.0.00.0.00.01.0000)."))
        }
    }

    public static func unit(code: String, name: String, bidangCodes: [String]) throws(RuleViolations) {
        var found: [RuleViolation] = []
        do { try self.code(code, label: Message(id: "Kode unit", en: "The unit code")) } catch { found.append(error) }
        do { try Required.text(name, field: .name, label: Message(id: "Nama unit", en: "The unit name")) }
        catch { found.append(error) }
        if bidangCodes.count > 50 {
            found.append(RuleViolation(code: "form.tooMany", field: .bidang,
                message: Message(id: "Paling banyak 50 bidang urusan.", en: "At most 50 bidang urusan.")))
        }
        for bidang in bidangCodes {
            do { try self.code(bidang, field: .bidang, label: Message(id: "Kode bidang urusan", en: "The bidang code")) }
            catch { found.append(error); break }
        }
        if !found.isEmpty { throw RuleViolations(found) }
    }

    public static func jabatan(name: String, eselon: String) throws(RuleViolations) {
        var found: [RuleViolation] = []
        do { try Required.text(name, field: .name, label: Message(id: "Nama jabatan", en: "The position name")) }
        catch { found.append(error) }
        do { try Required.Optional.text(eselon, field: .eselon, label: Message(id: "Eselon", en: "The echelon"), max: 20) }
        catch { found.append(error) }
        if !found.isEmpty { throw RuleViolations(found) }
    }

    public static func pegawai(name: String, pangkat: String) throws(RuleViolations) {
        var found: [RuleViolation] = []
        do {
            try Required.text(name, field: .name,
                              label: Message(id: "Nama pegawai (lengkap dengan gelar)", en: "The employee's name (with titles)"))
        } catch { found.append(error) }
        do { try Required.Optional.text(pangkat, field: .pangkat, label: Message(id: "Pangkat", en: "The rank")) }
        catch { found.append(error) }
        if !found.isEmpty { throw RuleViolations(found) }
    }

    public static func decree(_ decree: String) throws(RuleViolation) {
        try Required.Optional.text(decree, field: .decree, label: Message(id: "Nomor SK", en: "The decree number"))
    }
}
