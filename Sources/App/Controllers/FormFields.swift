import Vapor

extension Request {
    /// A submitted form as name → value, so that a refused form can be shown again exactly as typed.
    func formFields() throws -> [String: String] {
        var fields = try content.decode([String: String].self)
        fields["_csrf"] = nil
        return fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
